//! A card a person took or the customer lost ("i lost my visa i think someone took it on the
//! train", « on m'a pris ma carte dans le bus ») is a card to lock, not a payment to report:
//! the lock offer for that card, even when the engine read a fraud report.

use bankbot_core::IntentId;
use bankbot_core::has_padded_phrase;

use crate::cues::fold;

/// What happened to the card.
const GONE: &[&str] = &[
    "lost",
    "lose",
    "stolen",
    "stole",
    "took",
    "taken",
    "nicked",
    "pinched",
    "robbed",
    "snatched",
    "pickpocketed",
    "pickpocket",
    "perdu",
    "perdue",
    "vole",
    "volee",
    "pris",
    "prise",
    "pique",
    "piquee",
    "chourave",
    "choure",
];

const CARD: &[&str] = &["card", "visa", "debit", "carte", "cb", "mastercard"];

/// Payments spoken of: a fraud report it stays.
const PAYMENT: &[&str] = &[
    "payment",
    "payments",
    "charge",
    "charges",
    "charged",
    "transaction",
    "transactions",
    "purchase",
    "purchases",
    "bought",
    "paiement",
    "paiements",
    "achat",
    "achats",
    "operation",
    "operations",
    "prelevement",
    "debite",
    "debit de",
];

/// True when `text` tells of a card lost or taken, and of no payment.
pub(crate) fn says(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    has(GONE) && has(CARD) && !has(PAYMENT) && !f.chars().any(|c| c.is_ascii_digit())
}

/// `CardLock` for a fraud report that only tells of a card lost or taken; otherwise
/// `intent` unchanged.
pub(crate) fn card_intent(intent: IntentId, text: &str) -> IntentId {
    if intent == IntentId::ReportFraud && says(text) {
        IntentId::CardLock
    } else {
        intent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_taken_is_a_card_to_lock() {
        assert!(says("i lost my visa i think someone took it on the train"));
        assert!(says("on m'a pris ma carte dans le bus"));
        assert!(!says("someone took 50 dollars with my card"));
        assert!(!says(
            "my card was stolen and there are payments i didnt make"
        ));
    }
}
