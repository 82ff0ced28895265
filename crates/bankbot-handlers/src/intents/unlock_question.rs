//! "can you unlock it from here?", "if my card gets declined in london can you unlock it
//! from here": a question whether the bot can unlock a card, not an order to do it now.
//! Answered yes, with how, and which card is locked now, if any.

use crate::cues::fold;

/// Words asking whether it can be done, each padded.
const CAN: &[&str] = &[
    " can you ",
    " can u ",
    " could you ",
    " can i ",
    " could i ",
    " are you able to ",
    " is it possible to ",
    " will you be able to ",
    " would you be able to ",
    " tu peux ",
    " vous pouvez ",
    " pouvez vous ",
    " est ce que je peux ",
    " je peux ",
    " jpeux ",
    " j'peux ",
    " j peux ",
    " puis je ",
    " je pourrai ",
    " je pourrais ",
    " pourrai je ",
    " on peut ",
    " peut on ",
    " will i be able to ",
    " would i be able to ",
    " am i able to ",
    " can we ",
    " how do i ",
    " how can i ",
    " how would i ",
    " how will i ",
    " how to ",
    " how do you ",
    " comment je ",
    " comment on ",
    " comment faire pour ",
    " je fais comment pour ",
];

/// Words of unlocking, each padded.
const UNLOCK: &[&str] = &[
    " unlock ",
    " unfreeze ",
    " unblock ",
    " debloquer ",
    " debloque ",
    " reactiver ",
    " reactive ",
];

/// Words that make it a question about ability rather than an order, each padded.
const ABILITY: &[&str] = &[
    " from here ",
    " in here ",
    " here ",
    " in this chat ",
    " through you ",
    " with you ",
    " through this ",
    " via this ",
    " if ",
    " later ",
    " when ",
    " in case ",
    " myself ",
    " d'ici ",
    " ici ",
    " si ",
    " quand ",
    " plus tard ",
    " lorsque ",
];

/// True when `text` asks whether a card can be unlocked here.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(CAN) && has(UNLOCK) && has(ABILITY)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn ability_questions() {
        for q in [
            "can you unlock it from here?",
            "if my card gets declined in london can you unlock it from here",
            "could i unlock my visa myself later?",
            "are you able to unfreeze cards in this chat",
            "si je la retrouve jpeux la débloquer ?",
            "quand je la retrouve je pourrai la réactiver ?",
            "if i find it can i unlock it?",
            "if it turns up will i be able to unblock it",
            "si jla retrouve on peut la debloquer ?",
            "how do i unlock it later tho",
            "how would i unblock it if it turns up",
            "comment je la débloque si je la retrouve",
        ] {
            assert!(asks(q), "{q}");
        }
        for q in [
            "can you unlock my visa",
            "unlock my card",
            "can you lock it from here",
        ] {
            assert!(!asks(q), "{q}");
        }
    }
}
