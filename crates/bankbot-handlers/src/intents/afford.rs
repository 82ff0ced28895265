//! "Est-ce que j'ai assez d'argent ?", "can I afford it?": whatever else the message names
//! (a shop, a category, a plan), the answer is the balance.

use bankbot_core::IntentId;

use crate::cues::fold;

const ENOUGH: &[&str] = &[
    "assez d'argent",
    "assez de sous",
    "assez de thune",
    "assez de fric",
    "assez de blé",
    "assez de ble",
    "assez d'oseille",
    "assez pour",
    "me permettre",
    "les moyens",
    "enough money",
    "enough cash",
    "enough funds",
    "afford",
];

/// `Balance` when `text` asks whether there is enough money, for a data intent or one the
/// engine could not place; otherwise `intent` unchanged.
pub(crate) fn balance_instead(intent: IntentId, text: &str) -> IntentId {
    let f = fold(text);
    let enough = ENOUGH.iter().any(|p| f.contains(&format!(" {p} ")));
    let data = matches!(
        intent,
        IntentId::SpendingSummary
            | IntentId::Transactions
            | IntentId::OutOfScope
            | IntentId::ReportFraud
    );
    if enough && data {
        IntentId::Balance
    } else {
        intent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enough_money_is_a_balance_question() {
        for text in [
            "j'aimerais magasiner mais chu pas sûr d'avoir assez d'argent",
            "est-ce que je peux me permettre un resto",
            "can i afford a new phone",
        ] {
            assert_eq!(
                balance_instead(IntentId::SpendingSummary, text),
                IntentId::Balance,
                "{text}"
            );
        }
        assert_eq!(
            balance_instead(IntentId::SpendingSummary, "mes courses ce mois"),
            IntentId::SpendingSummary
        );
    }
}
