//! "putain ça suffit pas", "ugh this is so unfair", "damn that's a lot", "oh la vache c'est
//! énorme": a reaction to the last answer, nothing asked and nothing reported. Never the
//! fraud path (no lock offered), the privacy notice or a goodbye: acknowledged briefly,
//! with what the bot can show next.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Exclamations, each padded and folded.
const EXCLAIM: &[&str] = &[
    " putain ",
    " ptn ",
    " punaise ",
    " la vache ",
    " oh la la ",
    " olala ",
    " pfff ",
    " pff ",
    " bordel ",
    " zut ",
    " mince ",
    " aie ",
    " ugh ",
    " argh ",
    " damn ",
    " dang ",
    " geez ",
    " jeez ",
    " sheesh ",
    " yikes ",
    " ouch ",
    " whoa ",
    " wow ",
    " omg ",
    " oh no ",
    " oh non ",
];

/// What a reaction says about the answer, each padded and folded.
const JUDGE: &[&str] = &[
    " suffit pas ",
    " c'est enorme ",
    " c'est beaucoup ",
    " c'est trop ",
    " c'est cher ",
    " c'est abuse ",
    " pas juste ",
    " injuste ",
    " dingue ",
    " unfair ",
    " not fair ",
    " a lot ",
    " too much ",
    " expensive ",
    " insane ",
    " crazy ",
    " ridiculous ",
    " terrible ",
    " awful ",
    " not enough ",
    " isn't enough ",
    " isnt enough ",
];

/// Words of a report or a request, which make it more than a reaction, each padded.
const MORE_THAN: &[&str] = &[
    " pas moi ",
    " not me ",
    " not mine ",
    " vol ",
    " vole ",
    " volee ",
    " stolen ",
    " stole ",
    " fraude ",
    " fraud ",
    " arnaque ",
    " scam ",
    " hack",
    " pirat",
    " reconnais pas ",
    " recogni",
    " bloque",
    " lock ",
    " freeze ",
    " perdu ",
    " lost ",
    " didn't make ",
    " didnt make ",
    " pas fait ",
    " thank",
    " thx ",
    " merci ",
];

/// Words at most in a reaction.
const MAX_WORDS: usize = 8;

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// True when `text` only reacts to the last answer.
pub(crate) fn reacts(text: &str) -> bool {
    let f = fold(text);
    f.split_whitespace().count() <= MAX_WORDS
        && (has(&f, EXCLAIM) || has(&f, JUDGE))
        && !says_more(&f)
        && !crate::words::names_a_request(text)
}

/// True when folded `f` holds words of a report or a request ("not me", "lost", "lock",
/// "merci"), which make a message more than a reaction or a remark.
pub(crate) fn says_more(f: &str) -> bool {
    has(f, MORE_THAN)
}

/// Heard, briefly, with the payments and the spending to look at next.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut crate::DialogState) {
    state.misses = 0;
    let choices = vec![
        ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions),
        ctx.intent_choice(Msg::LabelSpending, IntentId::SpendingSummary),
    ];
    ctx.ask(Msg::Reaction, choices);
}

#[cfg(test)]
mod tests {
    use super::reacts;

    #[test]
    fn reactions() {
        for t in [
            "putain ça suffit pas",
            "ugh this is so unfair",
            "damn that's a lot",
            "oh la vache c'est énorme",
            "pfff c'est trop",
            "wow that's insane",
        ] {
            assert!(reacts(t), "{t}");
        }
        for t in [
            "putain on m'a volé ma carte",
            "damn i don't recognize that charge",
            "combien j'ai dépensé",
            "this is not mine",
            "ok",
            "wow someone hacked my account",
            "thank u so much!!",
            "wow merci c'est énorme",
        ] {
            assert!(!reacts(t), "{t}");
        }
    }
}
