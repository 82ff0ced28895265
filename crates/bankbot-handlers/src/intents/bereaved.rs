//! "I need to speak with someone about my late wife's account", "my husband passed away,
//! what happens to his account": a bereavement. Condolences first, then that another
//! person's accounts are not shown here and how to reach the bank — never the plain
//! refusal given to someone asking for a relative's balance.

use bankbot_core::IntentId;

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Words of a death, padded.
const DEATH: &[&str] = &[
    " late wife ",
    " late husband ",
    " late mother ",
    " late father ",
    " late mom ",
    " late dad ",
    " late son ",
    " late daughter ",
    " late partner ",
    " late spouse ",
    " passed away ",
    " passed on ",
    " died ",
    " has died ",
    " deceased ",
    " death of ",
    " funeral ",
    " widow ",
    " widowed ",
    " widower ",
    " decede ",
    " decedee ",
    " deces ",
    " mort ",
    " morte ",
    " feu mon ",
    " feue ma ",
    " veuve ",
    " veuf ",
];

/// What the death is told about: their account, or someone to speak to, padded.
const ABOUT: &[&str] = &[
    " account ",
    " accounts ",
    " acct ",
    " card ",
    " his ",
    " her ",
    " their ",
    " speak ",
    " talk ",
    " someone ",
    " somebody ",
    " what happens ",
    " what do i do ",
    " estate ",
    " compte ",
    " comptes ",
    " carte ",
    " son ",
    " sa ",
    " ses ",
    " parler ",
    " quelqu'un ",
    " succession ",
    " je fais quoi ",
];

/// True when `text` tells of a death and asks about that person's account or someone to
/// speak to ("my late husband always did the banking… show me my groceries" is her own).
pub(crate) fn told(text: &str) -> bool {
    let f = fold(text).replace("'s ", " ");
    DEATH.iter().any(|w| f.contains(w)) && ABOUT.iter().any(|w| f.contains(w))
}

/// True when `text` tells of a death, whatever it asks ("my wife passed away, she did all
/// the banking").
pub(crate) fn tells_death(text: &str) -> bool {
    let f = fold(text).replace("'s ", " ");
    DEATH.iter().any(|w| f.contains(w))
}

/// Condolences, and how to reach the bank (a person where one answers).
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::HumanAgent);
    let choices: Vec<_> = ctx.person_choice().into_iter().collect();
    let text = ctx.t(Msg::Bereavement(ctx.contact()));
    ctx.reply(bankbot_core::Reply::with_quick_replies(text, choices));
}

#[cfg(test)]
mod tests {
    use super::told;

    #[test]
    fn a_death_told() {
        for t in [
            "i need to speak with someone about my late wife's account",
            "my husband passed away what happens to his account",
            "my mother died last week, how do i close her account",
            "Account of my deceased father",
            "mon mari est decede je fais quoi pour son compte",
        ] {
            assert!(told(t), "{t}");
        }
        for t in [
            "what's my brother's balance",
            "i'm late on my payment",
            "late fee?",
            "My late husband always did the banking. Please show me my groceries this month",
        ] {
            assert!(!told(t), "{t}");
        }
    }
}
