//! Questions about past items that a list answers better than a sum: how many times
//! ("combien de fois chez carrefour", "how many times did I go to uber") and the last one
//! of a kind with no period given ("mon dernier loyer c'était combien", "when was my last
//! rent") — this month's total would say nothing about a rent paid last month.

use bankbot_core::has_padded_phrase;
use bankbot_core::{IntentId, Slots};

use crate::cues::{Ask, fold};

const COUNT: &[&str] = &[
    "combien de fois",
    "cb de fois",
    "combien d'achats",
    "combien de paiements",
    "combien de prelevements",
    "combien de passages",
    "nombre de fois",
    "how many times",
    "how many purchases",
    "how many payments",
    "how often",
];

const LAST_ONE: &[&str] = &[
    "dernier",
    "derniere",
    "derniers",
    "dernieres",
    "recent",
    "recents",
    "recentes",
    "la derniere fois",
    "last",
    "latest",
    "most recent",
    // "how long ago did i go to amazon", "when did i go to starbucks": the latest one.
    "how long ago",
    "when did i",
    "when was i",
    "when have i",
    "when's the",
    "whens the",
];

/// "c'était quand ?", "when was that": the dates of the last answer's items.
const WHEN: &[&str] = &[
    "c'etait quand",
    "cetait quand",
    "c etait quand",
    "c quand",
    "quand ca",
    "quand exactement",
    "ca date de quand",
    "c'est passe quand",
    "elle est passee quand",
    "il est passe quand",
    "a quelle date",
    "quel jour",
    "when was that",
    "when was it",
    "when did that",
    "when did it",
    "what day",
    "what date",
    "which day",
];

/// "le montant exact ?", "how much exactly": the last answer again, amounts in full.
const AMOUNT: &[&str] = &[
    "le montant",
    "montant exact",
    "quel montant",
    "combien exactement",
    "exactement combien",
    "c'etait combien",
    "the amount",
    "exact amount",
    "how much exactly",
    "how much was it",
];

/// True for a short question about the amounts of the last answer ("le montant exact ?").
pub(crate) fn asks_amount(text: &str) -> bool {
    let f = fold(text);
    f.split_whitespace().count() <= 5 && has(&f, AMOUNT)
}

/// True for "c'était quand ?" and its variants: a short question about when the last
/// answer's items happened.
pub(crate) fn asks_when(text: &str) -> bool {
    let f = fold(text);
    f.split_whitespace().count() <= 6 && has(&f, WHEN)
}

/// Words naming the items themselves.
const ITEMS: &[&str] = &[
    "depenses",
    "achats",
    "paiements",
    "prelevements",
    "purchases",
    "payments",
    "expenses",
    "charges",
];

fn has(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_padded_phrase(folded, p))
}

/// `Transactions` when `text` asks a count, or the last item of a category or merchant
/// without naming a period; otherwise `intent` unchanged.
pub(crate) fn list_instead(intent: IntentId, ask: Ask, slots: &Slots, text: &str) -> IntentId {
    let placed = matches!(intent, IntentId::SpendingSummary | IntentId::Balance);
    if ask != Ask::Plain || !(placed || intent == IntentId::OutOfScope) {
        return intent;
    }
    let f = fold(text);
    let named = slots.category.is_some() || slots.merchant.is_some();
    let undated = slots.date_from.is_none() && slots.date_to.is_none();
    // "mes 3 dernières dépenses", "my last purchases": the latest items, not a total.
    let items = slots.count.is_some() || has(&f, ITEMS);
    let last_one = undated && has(&f, LAST_ONE) && (named || items);
    // Not placed by the engine, only a kind of item named as the last one will do
    // ("rappelle-moi mon dernier virement").
    let counted = placed && has(&f, COUNT);
    if counted || (last_one && (placed || named)) {
        IntentId::Transactions
    } else {
        intent
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::Category;

    #[test]
    fn when_questions() {
        for q in [
            "c'était quand ?",
            "cetait quand",
            "when was that",
            "ça date de quand",
        ] {
            assert!(asks_when(q), "{q}");
        }
        assert!(!asks_when("quand est-ce que mon salaire arrive"));
        assert!(asks_amount("le montant exact ?"));
        assert!(!asks_amount(
            "quel montant ai-je dépensé chez carrefour en octobre dernier"
        ));
    }

    #[test]
    fn counts_and_last_ones_are_lists() {
        let rent = Slots {
            category: Some(Category::Housing),
            ..Slots::default()
        };
        let spend = IntentId::SpendingSummary;
        for text in [
            "mon dernier loyer c'était combien",
            "how much was my last rent",
        ] {
            assert_eq!(
                list_instead(spend, Ask::Plain, &rent, text),
                IntentId::Transactions
            );
        }
        let any = Slots::default();
        assert_eq!(
            list_instead(
                spend,
                Ask::Plain,
                &any,
                "combien de fois je suis allé chez uber"
            ),
            IntentId::Transactions
        );
        assert_eq!(
            list_instead(spend, Ask::Plain, &rent, "mon loyer ce mois"),
            spend
        );
        assert_eq!(
            list_instead(
                spend,
                Ask::Plain,
                &any,
                "j'ai dépensé combien le mois dernier"
            ),
            spend
        );
    }
}
