//! A cash machine that kept the card ("le distributeur a avalé ma carte", "the atm ate my
//! card") is a card problem: the customer needs it locked, not the nearest machine, and
//! told how to get it back ("my card got swallowed in atm what to do").

use bankbot_core::IntentId;
use bankbot_core::has_padded_phrase;

use crate::cues::fold;

const KEPT: &[&str] = &[
    "avale",
    "avalee",
    "avaler",
    "a mange ma carte",
    "a bouffe ma carte",
    "carte coincee",
    "carte est coincee",
    "coincee dans",
    "swallowed",
    "ate my card",
    "eaten my card",
    "retained my card",
    "retained by atm",
    "retained by the atm",
    "atm retained",
    "card got stuck",
    "got swallowed",
    "card stuck",
    "card is stuck",
    "stuck in the atm",
];

/// A verb only a machine does to a card, next to a card word ("a mangé ma cb").
const KEEPS: &[&str] = &[
    "mange", "bouffe", "coince", "stuck", "retained", "swallow", "ate", "eaten", "eat",
];

/// A verb a machine or a person may do to a card ("took", "kept", « a gardé »): the
/// machine's only when one is named ("the atm took my card"); "somebody took it at the bus"
/// is a card lost or stolen.
const TAKES: &[&str] = &[
    "took", "taken", "kept", "keeps", "captured", "garde", "gardee", "pogne", "pris", "prise",
];

/// Cash machines.
const MACHINE: &[&str] = &[
    "atm",
    "atms",
    "machine",
    "cash machine",
    "cashpoint",
    "hole in the wall",
    "distributeur",
    "dab",
    "gab",
    "guichet",
    "guichet automatique",
    "distrib",
];

const CARD: &[&str] = &["carte", "cb", "card", "carte bleue", "carte de guichet"];

/// True when `text` tells of a cash machine that kept the card.
pub(crate) fn kept(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    has(KEPT) || (has(KEEPS) && has(CARD)) || (has(TAKES) && has(CARD) && has(MACHINE))
}

/// `CardLock` for a kept card read as an ATM search (or not placed at all); otherwise
/// `intent` unchanged.
pub(crate) fn card_intent(intent: IntentId, text: &str) -> IntentId {
    if kept(text) && matches!(intent, IntentId::AtmNearby | IntentId::OutOfScope) {
        IntentId::CardLock
    } else {
        intent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_card_is_a_card_problem() {
        for text in [
            "j'ai plus de carte elle a été avalée par le distributeur",
            "le dab a avalé ma cb",
            "the atm ate my card",
            "ma carte est coincée dans le distributeur",
            "le dab a mangé ma cb",
            "the machine kept my card",
            "my card got swallowed in atm what to do",
            "card retained by atm",
            "atm machine took my debit card",
            "the machine kept my card",
            "le distributeur a gardé ma carte",
        ] {
            assert_eq!(
                card_intent(IntentId::AtmNearby, text),
                IntentId::CardLock,
                "{text}"
            );
        }
        assert_eq!(
            card_intent(IntentId::AtmNearby, "un distributeur près de bastille"),
            IntentId::AtmNearby
        );
        for text in [
            "I lost my debit card I think somebody took it at the bus",
            "someone took my card out of my bag",
            "on m'a pris ma carte dans le bus",
        ] {
            assert!(!kept(text), "{text}");
        }
    }
}
