//! The credit card's bill asked in a follow-up, right after the card was talked about:
//! "and the minimum?", « pis le minimum c'est combien » (the minimum payment: what is owed,
//! with the minimum said to be on the statement) and "when is the payment day?", "when is
//! it usually", « c'est quand le prélèvement ? » (the due date, which the bot does not
//! have). Without the card just talked about, such a message is not read here.

use bankbot_core::AccountKind;

use crate::DialogState;
use crate::cues::fold;

/// What a follow-up asks of the card's bill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BillFollow {
    /// "and the minimum?": the minimum payment.
    Minimum,
    /// "when is the payment day?": the due date.
    Due,
}

/// Words naming the minimum payment, each padded and folded ("minimun" typed for it).
const MINIMUM: &[&str] = &[
    " minimum ",
    " minimun ",
    " minimal ",
    " min ",
    " mini ",
    " minimo ",
];

/// Words asking when, each padded and folded.
const WHEN: &[&str] = &[
    " when ",
    " whens ",
    " when's ",
    " what day ",
    " which day ",
    " what date ",
    " which date ",
    " quand ",
    " qd ",
    " quel jour ",
    " quelle date ",
];

/// Words naming the bill's payment or its day, each padded and folded: with a when-word,
/// the due date.
const PAYMENT: &[&str] = &[
    " pay ",
    " paid ",
    " payment ",
    " payment day ",
    " due ",
    " date ",
    " day ",
    " deadline ",
    " it ",
    " usually ",
    " normally ",
    " payer ",
    " paiement ",
    " rembourser ",
    " regler ",
    " prelevement ",
    " preleve ",
    " echeance ",
    " d'habitude ",
    " habituellement ",
    " en general ",
    " jour ",
];

/// Words of another subject or of the past, each padded and folded: "when did i get paid",
/// "when is my rent", "give me a min" are no follow-up on the card's bill.
const ELSEWHERE: &[&str] = &[
    " did ",
    " was ",
    " were ",
    " have i ",
    " i paid ",
    " rent ",
    " salary ",
    " paycheck ",
    " payday ",
    " loyer ",
    " salaire ",
    " paye ",
    " j'ai paye ",
    " j'ai rembourse ",
    " a min ",
    " one min ",
    " une min ",
    " balance to keep ",
    " solde ",
    " keep ",
    " garder ",
    " withdraw ",
    " retrait ",
    " retirer ",
    " alert ",
    " alerte ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// The bill follow-up `text` asks, when the last answer was about the credit card.
pub(crate) fn read(state: &DialogState, text: &str) -> Option<BillFollow> {
    if state.last_slots.account_type != Some(AccountKind::CreditCard) {
        return None;
    }
    let f = fold(text);
    if has(&f, ELSEWHERE) || f.split_whitespace().count() > 10 {
        return None;
    }
    if has(&f, MINIMUM) {
        Some(BillFollow::Minimum)
    } else if has(&f, WHEN) && has(&f, PAYMENT) || f.trim() == "due when" {
        Some(BillFollow::Due)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::Slots;

    fn after_card() -> DialogState {
        DialogState {
            last_slots: Slots {
                account_type: Some(AccountKind::CreditCard),
                ..Slots::default()
            },
            ..DialogState::default()
        }
    }

    #[test]
    fn follow_ups_after_the_card() {
        let state = after_card();
        for q in ["and the minimum?", "min?", "pis le minimum c'est combien?"] {
            assert_eq!(read(&state, q), Some(BillFollow::Minimum), "{q}");
        }
        for q in [
            "when is the payment day?",
            "when is it usually",
            "c'est quand le prelevement ?",
            "due when?",
        ] {
            assert_eq!(read(&state, q), Some(BillFollow::Due), "{q}");
        }
        for q in [
            "when did i get paid",
            "give me a min",
            "when is my rent due",
        ] {
            assert_eq!(read(&state, q), None, "{q}");
        }
    }

    #[test]
    fn nothing_without_the_card() {
        assert_eq!(read(&DialogState::default(), "and the minimum?"), None);
    }
}
