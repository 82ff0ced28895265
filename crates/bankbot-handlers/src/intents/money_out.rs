//! "Purchases over $100", "charges this week", "what did I buy", "mes achats de plus de
//! 50 €": words that name money going out, so a listing leaves out salary and other money
//! in. "Everything over $100" or "transactions over $100" name no direction and keep all.

use crate::cues::fold;

/// Words that name spending, each padded with spaces.
const OUT: &[&str] = &[
    " purchase ",
    " purchases ",
    " charge ",
    " charges ",
    " charged ",
    " payment ",
    " payments ",
    " debits ",
    " bought ",
    " buy ",
    " spent ",
    " spend ",
    " spending ",
    " expenses ",
    " outgoing ",
    " outgoings ",
    " money out ",
    " achat ",
    " achats ",
    " depense ",
    " depenses ",
    " paiement ",
    " paiements ",
    " prelevement ",
    " prelevements ",
    " debit ",
    " achete ",
    // "what i pay more than 100 dollar", "what did i pay over 50": paying is money out.
    " i pay ",
    " i paid ",
    " i payed ",
    " did i pay ",
    " j'ai paye ",
    " jai paye ",
    " je paie ",
    " je paye ",
    " i buy ",
    " i buyed ",
    " buys ",
    " buying ",
    " purchased ",
    " spended ",
    " spends ",
];

/// Phrases that name the direction out without naming a purchase: "what went out in nov",
/// "money out", "outgoings", "what came out of my account", "ce qui est sorti". Each
/// padded and folded.
const OUTGOINGS: &[&str] = &[
    " went out ",
    " gone out ",
    " go out ",
    " goes out ",
    " going out ",
    " came out ",
    " come out ",
    " comes out ",
    " coming out ",
    " money out ",
    " cash out ",
    " outgoing ",
    " outgoings ",
    " outflow ",
    " outflows ",
    " left my account ",
    " left the account ",
    " left my acct ",
    " taken out of ",
    " took out of ",
    " paid out ",
    " debited ",
    " debits ",
    " est sorti ",
    " sont sortis ",
    " sorti de mon compte ",
    " sorties ",
];

/// Words that ask for the items rather than their sum ("which payments went out").
const ITEMS: &[&str] = &[
    " show ",
    " list ",
    " which ",
    " when ",
    " whens ",
    " what were ",
    " each ",
    " items ",
    " quels ",
    " quelles ",
    " liste ",
];

/// True when `text` names money leaving the account ("what went out in nov", "my
/// outgoings", "money out last month"): spending, never income.
pub(crate) fn outgoings(text: &str) -> bool {
    let f = fold(text);
    OUTGOINGS.iter().any(|w| f.contains(w))
}

/// True when an outgoings question wants the items listed rather than a total.
pub(crate) fn wants_items(text: &str) -> bool {
    let f = fold(text);
    ITEMS.iter().any(|w| f.contains(w))
}

/// Words that name money in or both ways: then the listing is not narrowed.
const IN: &[&str] = &[
    " incoming ",
    " received ",
    " deposits ",
    " credits ",
    " income ",
    " everything ",
    " all transactions ",
    " recus ",
    " virements recus ",
    " tout ",
    " toutes ",
];

/// True when `text` asks only for money that went out.
pub(crate) fn only(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    (has(OUT) || has(OUTGOINGS)) && !has(IN)
}

/// The most words of a refinement that keeps the last listing's direction ("more than
/// 50", "et en octobre ?").
const REFINEMENT_WORDS: usize = 6;

/// Words of a fresh listing ("show my transactions"), which starts over in both
/// directions; each padded and folded.
const FRESH: &[&str] = &[
    " transaction ",
    " transactions ",
    " operation ",
    " operations ",
    " ops ",
    " txn ",
    " txns ",
    " activity ",
    " my ",
    " mes ",
    " mon ",
    " show ",
    " list ",
    " history ",
    " historique ",
    " statement ",
    " releve ",
];

/// True when `text`, following a listing of money out, keeps to money out: a short
/// refinement that names no direction of its own and starts no listing of its own.
pub(crate) fn still_only(text: &str, last_was_out_only: bool) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    last_was_out_only
        && !has(IN)
        && !has(FRESH)
        && text.split_whitespace().count() <= REFINEMENT_WORDS
}

#[cfg(test)]
mod tests {
    use super::{only, still_only};

    #[test]
    fn refinements_keep_the_direction() {
        assert!(still_only("more than 50", true));
        assert!(still_only("plus de 50 €", true));
        assert!(!still_only("more than 50", false));
        assert!(!still_only("and the incoming ones", true));
        assert!(!still_only("show my transactions this month", true));
    }

    #[test]
    fn spending_words_ask_for_money_out() {
        for q in [
            "only purchases over $100 this month",
            "any charges above 100 dollars in november",
            "what did i buy yesterday",
            "mes achats de plus de 50 euros",
        ] {
            assert!(only(q), "{q}");
        }
    }

    #[test]
    fn outgoings_name_money_out() {
        for q in [
            "ok and what went out in nov",
            "money out last month",
            "my outgoings in october",
            "what came out of my account this week",
            "how much has gone out since sept",
        ] {
            assert!(super::outgoings(q), "{q}");
            assert!(only(q), "{q}");
        }
        for q in ["what came in", "i went to the atm", "what did i earn"] {
            assert!(!super::outgoings(q), "{q}");
        }
    }

    #[test]
    fn neutral_words_keep_everything() {
        for q in [
            "show me everything over $100 this month",
            "transactions over 100",
            "incoming payments this month",
            "last 5 transactions",
        ] {
            assert!(!only(q), "{q}");
        }
    }
}
