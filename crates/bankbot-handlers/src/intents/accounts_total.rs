//! "net worth roughly", "add up savings and checking", « additionne le livret et le compte
//! courant », « ça fait combien les deux comptes ensemble »: the total across the accounts
//! (what is owed on credit said apart), not one account nor a spending sum.

use crate::cues::fold;

/// Words asking a total of what one has, whatever else is named, padded and folded.
const WORTH: &[&str] = &[
    " net worth ",
    " networth ",
    " what am i worth ",
    " how much am i worth ",
    " all told ",
    " patrimoine ",
    " mon avoir ",
    " mes avoirs ",
];

/// Words putting accounts together, padded and folded.
const ADD: &[&str] = &[
    " add up ",
    " add together ",
    " added up ",
    " added together ",
    " sum of ",
    " together ",
    " combined ",
    " both ",
    " in total ",
    " additionne ",
    " additionner ",
    " additionnes ",
    " ensemble ",
    " les deux ",
    " cumules ",
    " au total ",
    " en tout ",
];

/// Words naming accounts, padded and folded.
const ACCOUNTS: &[&str] = &[
    " accounts ",
    " account ",
    " savings ",
    " checking ",
    " comptes ",
    " compte ",
    " livret ",
    " epargne ",
    " courant ",
];

/// Words of money spent or received: a sum of operations, not of balances.
const MOVES: &[&str] = &[
    " spent ",
    " spend ",
    " spending ",
    " paid ",
    " received ",
    " depense ",
    " depenses ",
    " paye ",
    " recu ",
    " transactions ",
    " operations ",
];

/// True when `text` asks the total of the accounts.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    // "savings plus checking": "plus" between two accounts (« plus de thunes sur le compte »
    // is none left).
    let plus = f.find(" plus ").is_some_and(|i| {
        let named = |part: &str| ACCOUNTS.iter().any(|w| part.contains(w));
        named(&f[..i + 1]) && named(&f[i + 5..])
    });
    let added = has(ADD) || plus || text.contains('+');
    (has(WORTH) || (added && has(ACCOUNTS))) && !has(MOVES)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn totals_asked() {
        for t in [
            "net worth roughly",
            "add up savings and checking",
            "savings + checking = ?",
            "how much I got all told in both accounts",
            "additionne le livret et le compte courant",
            "mon patrimoine en gros",
            "ça fait combien les deux comptes ensemble",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "add up what i spent at amazon",
            "whats my balance",
            "savings",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
