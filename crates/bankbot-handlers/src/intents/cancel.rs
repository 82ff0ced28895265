//! "Cancel my Netflix", "stop that subscription", "cancel it" right after a merchant's
//! payments were shown, "résilier mon abonnement": a subscription or recurring payment to
//! stop, which the bot cannot do — said plainly, with the way that can.

use crate::cues::fold;

const STOP: &[&str] = &[
    " cancel ",
    " unsubscribe ",
    " stop paying ",
    " stop ",
    " end ",
    " get rid of ",
    " resilier ",
    " resilie ",
    " annuler ",
    " annule ",
    " l'annuler ",
    " l'annule ",
    " l annuler ",
    " arreter ",
    " arrete ",
    " stopper ",
];

const RECURRING: &[&str] = &[
    " subscription ",
    " subscriptions ",
    " membership ",
    " recurring ",
    " direct debit ",
    " standing order ",
    " autopay ",
    " auto pay ",
    " abonnement ",
    " abonnements ",
    " prelevement ",
    " prelevements ",
    " netflix ",
    " spotify ",
    " amazon prime ",
    " prime ",
    " gym ",
];

/// Words that point back at what was just shown.
const BACK: &[&str] = &[
    " it ", " that ", " this ", " them ", " le ", " la ", " ca ", " l'", " l ",
];

/// Things that are not subscriptions: a card ("cancel my card" is a lock), a question.
const NOT: &[&str] = &[
    " card ",
    " carte ",
    " transfer ",
    " virement ",
    " alert ",
    " alerts ",
    " alerte ",
    " alertes ",
];

/// True when `text` asks to stop a subscription; `after_merchant` says the last answer showed
/// payments (a merchant's, or a list), so "cancel it" means one of those.
pub(crate) fn asks(text: &str, after_merchant: bool) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(STOP) && !has(NOT) && (has(RECURRING) || (after_merchant && has(BACK)))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn subscriptions_to_stop() {
        assert!(asks("cancel my netflix subscription", false));
        assert!(asks("cancel it", true));
        assert!(asks("je veux résilier mon abonnement", false));
        assert!(!asks("cancel it", false));
        assert!(!asks("cancel my card", true));
        assert!(!asks("how much is netflix", true));
    }
}
