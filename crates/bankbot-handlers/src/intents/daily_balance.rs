//! « chaque jour mon solde », "my balance every morning", « le solde tous les jours svp »:
//! a balance asked again and again is the balance-update alert, offered (never switched on
//! without a yes), not today's balances.

use crate::cues::fold;

/// Words of a repeated time, padded and folded.
const EVERY: &[&str] = &[
    " chaque jour ",
    " chaque matin ",
    " chaque soir ",
    " chaque semaine ",
    " tous les jours ",
    " tous les matins ",
    " tous les soirs ",
    " toutes les semaines ",
    " tous les lundis ",
    " quotidien ",
    " quotidienne ",
    " au quotidien ",
    " chaque jours ",
    " tout les jours ",
    " every day ",
    " everyday ",
    " every morning ",
    " every evening ",
    " every night ",
    " every week ",
    " each day ",
    " each morning ",
    " each week ",
    " daily ",
    " weekly ",
];

/// Words of the balance, padded and folded.
const BALANCE: &[&str] = &[" solde ", " soldes ", " balance ", " balances "];

/// Words of a question about the past or a count ("combien j'ai dépensé chaque jour"),
/// padded and folded: then no alert is asked.
const NOT_ALERT: &[&str] = &[
    " combien ",
    " how much ",
    " moyenne ",
    " average ",
    " depense ",
    " spent ",
    " spend ",
    " was ",
    " etait ",
];

/// True when `text` asks the balance sent every day or week.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(EVERY) && has(BALANCE) && !has(NOT_ALERT)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn a_balance_every_day_is_the_update_alert() {
        for t in [
            "chaque jour mon solde",
            "je veux mon solde tous les matins",
            "send me my balance every morning",
            "daily balance pls",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "mon solde",
            "combien je dépense chaque jour",
            "what was my balance every day last week? how much",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
