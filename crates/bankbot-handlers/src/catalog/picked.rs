//! The texts of one item picked from the last list by its rank ("le deuxième", "the
//! second one"): a cash machine or a transaction shown in full, once per language.
//! Amounts, dates and distances come in already formatted.

use bankbot_core::{AtmFeatures, Lang};

mod en;
mod fr;

/// Every message about an item picked from a list.
#[derive(Debug, Clone)]
pub(crate) enum PickedMsg<'a> {
    /// Cash machine number `n` of the list (`None`: the only one): where, how far, what it
    /// offers, its map link.
    Atm {
        n: Option<usize>,
        name: &'a str,
        distance: &'a str,
        address: &'a str,
        features: AtmFeatures,
        url: &'a str,
    },
    /// Transaction number `n` of the list (`None`: the only one), with the bank's label,
    /// account and category.
    Transaction {
        n: Option<usize>,
        date: &'a str,
        who: &'a str,
        amount: &'a str,
        label: &'a str,
        account: &'a str,
        category: &'a str,
        pending: bool,
    },
    /// The list had only `len` items, fewer than the `n` asked for.
    OutOfRange { n: usize, len: usize },
    /// The transaction picked is no longer in its account's history.
    TransactionGone,
}

/// Renders a picked-item message in a language.
pub(crate) fn text(lang: Lang, msg: &PickedMsg<'_>) -> String {
    match lang {
        Lang::En => en::text(msg),
        Lang::Fr => fr::text(msg),
    }
}
