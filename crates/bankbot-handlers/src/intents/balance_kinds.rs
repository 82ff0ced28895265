//! « différence avec le solde comptable ? », "what's the difference between current and
//! available balance", « solde disponible ça veut dire quoi »: the two balances explained,
//! not the balances repeated.

use crate::cues::fold;

/// Names of a kind of balance, padded and folded.
const KINDS: &[&str] = &[
    " comptable ",
    " disponible ",
    " dispo ",
    " solde reel ",
    " solde courant ",
    " available ",
    " ledger ",
    " current balance ",
    " actual balance ",
    " posted balance ",
    " booked ",
];

/// Words asking a difference or a meaning, padded and folded.
const EXPLAIN: &[&str] = &[
    " difference ",
    " diff ",
    " vs ",
    " versus ",
    " pas pareil ",
    " pas le meme ",
    " not the same ",
    " compare ",
    " compared ",
    " par rapport ",
    " veut dire ",
    " signifie ",
    " mean ",
    " means ",
    " meaning ",
    " definition ",
    " explique ",
    " expliquez ",
    " explain ",
];

/// True when `text` asks what the kinds of balance are or how they differ.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(KINDS) && has(EXPLAIN)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn the_balances_explained() {
        for t in [
            "différence avec le solde comptable ?",
            "what's the difference between current and available balance",
            "solde disponible ça veut dire quoi",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in ["mon solde disponible", "what's my available balance"] {
            assert!(!asks(t), "{t}");
        }
    }
}
