//! "bruh thats lowkey not bad", « Oh fada, c'est pas énorme », « Ah elle était pas bloquée ?
//! Tranquille alors »: a remark on the last answer — surprise, a mild appraisal or relief —
//! with nothing asked and nothing reported. Never the fraud path (no lock offered) nor a
//! goodbye: noted briefly, with what the bot can show next. A payment disowned, a card
//! lost or stolen, or a lock asked is more than a remark ([`super::reaction::says_more`]).

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Words of surprise, typed as people do (slang, regional), each padded and folded.
const SURPRISE: &[&str] = &[
    " bruh ",
    " bro ",
    " fada ",
    " petard ",
    " boudiou ",
    " mazette ",
    " tabarnak ",
    " tabarnouche ",
    " crikey ",
    " blimey ",
    " ngl ",
    " lowkey ",
    " no cap ",
];

/// A mild appraisal of what was shown, each padded and folded.
const APPRAISAL: &[&str] = &[
    " not bad ",
    " not too bad ",
    " not so bad ",
    " not that bad ",
    " not much ",
    " not half bad ",
    " ain't bad ",
    " aint bad ",
    " ain't too bad ",
    " aint too bad ",
    " that's grand ",
    " thats grand ",
    " grand so ",
    " pas mal ",
    " pas enorme ",
    " pas grand chose ",
    " pas si pire ",
    " pas si mal ",
    " pas la mort ",
    " pas beaucoup ",
    " pas tant que ca ",
    " pas si terrible ",
    " c'pas si pire ",
    " c'pas enorme ",
    " c'pas mal ",
];

/// Relief, each padded and folded.
const RELIEF: &[&str] = &[
    " phew ",
    " ouf ",
    " tranquille ",
    " tant mieux ",
    " cool then ",
    " alright then ",
    " all right then ",
    " good then ",
    " ok then ",
    " fair enough ",
    " ok cool ",
    " ah grand ",
    " not locked so ",
    " c'est bon alors ",
    " parfait alors ",
    " d'accord alors ",
];

/// A card's state as the last answer gave it ("elle était pas bloquée", "it's not
/// blocked"), said back in relief: no lock asked, each padded and folded.
const STATE_SAID_BACK: &[&str] = &[" bloquee ", " bloquees ", " blocked ", " locked "];

/// Words at most in a remark.
const MAX_WORDS: usize = 10;

/// True when `text` only remarks on the last answer.
pub(crate) fn remarks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let plain = STATE_SAID_BACK
        .iter()
        .fold(f.clone(), |f, w| f.replace(w, " "));
    f.split_whitespace().count() <= MAX_WORDS
        && (has(SURPRISE) || has(APPRAISAL) || has(RELIEF))
        && !super::reaction::says_more(&plain)
        && !crate::words::names_a_request(text)
}

/// Noted, briefly, with the payments and the spending to look at next.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut crate::DialogState) {
    state.misses = 0;
    let choices = vec![
        ctx.intent_choice(Msg::LabelTransactions, bankbot_core::IntentId::Transactions),
        ctx.intent_choice(Msg::LabelSpending, bankbot_core::IntentId::SpendingSummary),
    ];
    ctx.ask(Msg::RemarkHeard, choices);
}

#[cfg(test)]
mod tests {
    use super::remarks;

    #[test]
    fn remarks_heard() {
        for t in [
            "bruh thats lowkey not bad",
            "Oh fada, c'est pas énorme",
            "Ah elle était pas bloquée ? Tranquille alors",
            "well that's not so bad",
            "tabarnak c'pas si pire",
        ] {
            assert!(remarks(t), "{t}");
        }
        for t in [
            "bruh lowkey someone stole my card",
            "fada on m'a volé ma carte",
            "not bad, lock my visa",
            "ouf merci",
        ] {
            assert!(!remarks(t), "{t}");
        }
    }
}
