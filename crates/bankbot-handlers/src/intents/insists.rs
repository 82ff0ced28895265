//! "jsuis srx là", « je suis sérieux », "i'm serious", "for real tho": the customer insists
//! on what was said before, asking nothing new. Right after a can't-do it asks where it can
//! be done (as "how then?" does); otherwise the bot says it is listening and offers help,
//! never the balances nor "didn't get that".

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Ways of saying "I mean it", padded and folded.
const INSISTS: &[&str] = &[
    " je suis serieux ",
    " je suis serieuse ",
    " jsuis serieux ",
    " jsuis serieuse ",
    " chuis serieux ",
    " chuis serieuse ",
    " je suis srx ",
    " jsuis srx ",
    " chuis srx ",
    " chu serieux ",
    " chu serieuse ",
    " chu srx ",
    " j'suis srx ",
    " j'suis serieux ",
    " srx ",
    " serieux ",
    " serieusement ",
    " sans rire ",
    " sans deconner ",
    " je rigole pas ",
    " je blague pas ",
    " je plaisante pas ",
    " c'est pas une blague ",
    " im serious ",
    " i'm serious ",
    " i am serious ",
    " seriously ",
    " srsly ",
    " for real ",
    " fr fr ",
    " no joke ",
    " not joking ",
    " no kidding ",
    " i mean it ",
];

/// Words that may stand beside the insistence without asking anything, folded.
const FILLERS: &[&str] = &[
    "la", "là", "hein", "quoi", "moi", "now", "tho", "though", "man", "mate", "bro", "please",
    "pls", "ok", "okay", "non", "no", "mais", "but", "je", "suis", "jsuis", "chuis", "j'suis",
    "i'm", "im", "i", "am", "chu",
];

/// Most words an insistence runs to.
const MAX_WORDS: usize = 6;

/// True when `text` only insists ("jsuis srx là", "i'm serious"), asking nothing new.
pub(crate) fn says(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let said = INSISTS.iter().find(|w| f.contains(*w));
    let Some(said) = said else {
        return false;
    };
    let own: Vec<&str> = said.split_whitespace().collect();
    words.len() <= MAX_WORDS
        && words
            .iter()
            .all(|w| own.contains(w) || FILLERS.contains(w) || *w == "srx" || *w == "serieux")
}

/// The bot listens and offers help.
pub(crate) fn answer(ctx: &mut Ctx<'_>) {
    let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
    choices.push(ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help));
    ctx.ask(Msg::Insisted, choices);
}

#[cfg(test)]
mod tests {
    use super::says;

    #[test]
    fn insisting_is_read() {
        for q in [
            "jsuis srx là",
            "je suis sérieux là",
            "srx ??",
            "i'm serious",
            "for real tho",
            "non mais je suis serieuse",
        ] {
            assert!(says(q), "{q}");
        }
        for q in [
            "seriously what's my balance",
            "je suis sérieux, bloque ma carte",
            "is this serious fraud",
            "c'est sérieux ?",
        ] {
            assert!(!says(q), "{q}");
        }
    }
}
