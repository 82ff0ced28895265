//! Non-native wordings of a card's payments: "the last movements of my card of credit",
//! "which movements i have in the card visa" (Spanish "movimientos", French "mouvements"):
//! "movements" are the transactions, and "card of credit" is the credit card. The engine's
//! reading is corrected here, before the dialogue routes it.

use bankbot_core::{AccountKind, IntentId, IntentMatch};

use crate::cues::fold;

/// Words for the account's movements (transactions).
const MOVEMENTS: &[&str] = &[
    " movements ",
    " movement ",
    " movimientos ",
    " movimiento ",
    " movs ",
    " mouvements ",
];

/// Non-native names of the credit card.
const CREDIT_CARD: &[&str] = &[
    " card of credit ",
    " cards of credit ",
    " credit of card ",
    " tarjeta de credito ",
    " tarjeta credito ",
    " card visa ",
    " the visa ",
    " my visa ",
];

/// Words asking how much was spent or is left: then not a list of movements.
const TOTALS: &[&str] = &[" how much ", " how many ", " total ", " combien "];

/// True when `text` asks for movements: a list, never the last balance continued.
pub(crate) fn named(text: &str) -> bool {
    let f = fold(text);
    MOVEMENTS.iter().any(|w| f.contains(w)) && !TOTALS.iter().any(|w| f.contains(w))
}

/// The engine's reading of `text` corrected for these wordings, when it needs it.
pub(crate) fn read(text: &str, parsed: &IntentMatch) -> Option<IntentMatch> {
    let f = fold(text);
    let movements = named(text);
    let credit = parsed.slots.account_type.is_none() && CREDIT_CARD.iter().any(|w| f.contains(w));
    if !(movements || (credit && f.contains(" card of credit "))) {
        return None;
    }
    let mut fixed = parsed.clone();
    if movements {
        fixed.intent = IntentId::Transactions;
        fixed.confidence = fixed.confidence.max(crate::dispatch::CONFIDENT);
    }
    if credit {
        fixed.slots.account_type = Some(AccountKind::CreditCard);
    }
    (fixed != *parsed).then_some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(intent: IntentId) -> IntentMatch {
        IntentMatch {
            intent,
            confidence: 0.3,
            lang: bankbot_core::Lang::En,
            slots: Default::default(),
            written_out: None,
        }
    }

    #[test]
    fn movements_are_transactions() {
        let r = read(
            "And the last movements of my card of credit?",
            &plain(IntentId::Transactions),
        )
        .unwrap();
        assert_eq!(r.intent, IntentId::Transactions);
        assert_eq!(r.slots.account_type, Some(AccountKind::CreditCard));
        let r = read(
            "Which movements I have in the card Visa?",
            &plain(IntentId::Balance),
        )
        .unwrap();
        assert_eq!(r.intent, IntentId::Transactions);
        assert_eq!(r.slots.account_type, Some(AccountKind::CreditCard));
        assert!(read("what's my balance", &plain(IntentId::Balance)).is_none());
        let r = read("balance of my card of credit", &plain(IntentId::Balance)).unwrap();
        assert_eq!(r.intent, IntentId::Balance);
        assert_eq!(r.slots.account_type, Some(AccountKind::CreditCard));
    }
}
