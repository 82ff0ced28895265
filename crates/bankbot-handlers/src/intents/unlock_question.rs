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
];

/// Words of unlocking, each padded.
const UNLOCK: &[&str] = &[
    " unlock ",
    " unfreeze ",
    " unblock ",
    " debloquer ",
    " debloque ",
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
