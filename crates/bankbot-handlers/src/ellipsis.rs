//! Whether a message after a money answer (transactions or a spending total) continues it
//! or asks afresh: the one rule for carrying the last answer's period and filters over.
//!
//! - **Elliptic follow-up** — the message opens like a follow-up ("and groceries?", "what
//!   about uber", "et en resto ?", "only on my visa") or has no request words of its own
//!   ("on food?", "chez amazon ?", "combien en resto ?", "groceries?"): it keeps the last
//!   answer's context and replaces only the slots it names. A period replaces the period; a
//!   merchant replaces the merchant and the category; a category the category and the
//!   merchant; an account the account; an amount bound that bound. "on food?" after "how
//!   much did I spend last month" is food *last month*.
//! - **Refers back** — "of those", "in there", "same period", "that month", "là-dedans",
//!   "parmi", "même période", "ce mois-là": like an elliptic follow-up, however complete
//!   the sentence ("how much of that was at amazon", "what did I pay at shell the same
//!   month").
//! - **Complete new question** — the message has its own request words (a verb or noun of
//!   paying, spending, listing: "what i pay more than 100 dollar", "how much did i spend on
//!   food", "show my purchases over 50"), its own filter (merchant, category, account or
//!   amount) and no follow-up opener and no pointer back: it starts fresh with its own
//!   slots only; without a period it takes the default one. The Amazon filter and the
//!   checking account of the last search do not leak into it. One that names no filter
//!   ("top 3 biggest purchases" after October's largest expense) still continues.
//! - **A bare amount** ("more than 50 dollars", "over 100?") with no opener is a new search
//!   for payments of that size over the same period: the last answer's merchant and
//!   category are dropped ("more than 50 dollar" after a fuel total lists every payment over
//!   $50, not only fuel). With an opener ("and over 50?", "only the ones above 50",
//!   "seulement plus de 50 €") it narrows the last answer.
//!
//! This module only reads the text; `dispatch` applies the rule.

use crate::cues::fold;

/// How a message relates to the last money answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// "and groceries?", "on food?": keeps the context, replaces what it names.
    Elliptic,
    /// "of those", "same period": keeps the context, however complete the sentence.
    RefersBack,
    /// "what did I pay more than 100 dollars": its own slots only.
    Complete,
}

/// Words that ask for money data on their own: verbs and nouns of paying, spending and
/// listing (question words alone, "how much", "combien", do not make a new question).
const REQUEST: &[&str] = &[
    "spend",
    "spent",
    "spending",
    "spendings",
    "pay",
    "paid",
    "payed",
    "paying",
    "payment",
    "payments",
    "purchase",
    "purchases",
    "purchased",
    "buy",
    "bought",
    "charge",
    "charges",
    "charged",
    "transaction",
    "transactions",
    "expense",
    "expenses",
    "show",
    "list",
    "see",
    "give",
    "find",
    "get",
    "got",
    "cost",
    "costs",
    // "whats pending on my checking": the pending items asked for on their own.
    "pending",
    "txns",
    "txn",
    "trans",
    "movements",
    "buyings",
    "withdrawals",
    "deposits",
    "depense",
    "depenses",
    "depenser",
    "depensé",
    "paye",
    "payes",
    "payer",
    "payé",
    "paiement",
    "paiements",
    "achat",
    "achats",
    "achete",
    "acheter",
    "operation",
    "operations",
    "ope",
    "opes",
    "montre",
    "montrez",
    "affiche",
    "liste",
    "donne",
    "trouve",
    "coute",
    "coutent",
    "claque",
    "claqué",
];

/// Words that point back at the last answer's period or items, each padded and folded.
const BACK: &[&str] = &[
    " same period ",
    " same time ",
    " same month ",
    " same week ",
    " same dates ",
    " same days ",
    " that period ",
    " that month ",
    " that week ",
    " those days ",
    " that time ",
    " back then ",
    " of those ",
    " of these ",
    " of them ",
    " of that ",
    " in there ",
    " in those ",
    " among them ",
    " among those ",
    " meme periode ",
    " meme mois ",
    " meme semaine ",
    " ce mois la ",
    " cette semaine la ",
    " cette periode ",
    " la dedans ",
    " dedans ",
    " parmi ",
    " dans le lot ",
    " sur le lot ",
    " a la meme periode ",
];

/// Openers that make a message a follow-up ("and …", "what about …", "only …").
fn opens_as_follow_up(text: &str) -> bool {
    crate::words::follow_up_cue(text)
}

/// How `text` relates to the last money answer.
pub(crate) fn frame(text: &str) -> Frame {
    let f = fold(text);
    if BACK.iter().any(|p| f.contains(p)) {
        return Frame::RefersBack;
    }
    if opens_as_follow_up(text) {
        return Frame::Elliptic;
    }
    let requests = f
        .split_whitespace()
        .any(|w| REQUEST.iter().any(|r| crate::words::folded(r) == w));
    if requests {
        Frame::Complete
    } else {
        Frame::Elliptic
    }
}

/// True when the message continues the last answer (elliptic or pointing back).
pub(crate) fn continues(text: &str) -> bool {
    frame(text) != Frame::Complete
}

/// True when `slots` carry a filter of their own: a merchant, a category other than money
/// in ("depuis la paie" names a start, not a filter), an account or an amount bound.
pub(crate) fn filters(slots: &bankbot_core::Slots) -> bool {
    slots.merchant.is_some()
        || slots
            .category
            .is_some_and(|c| c != bankbot_core::Category::Income)
        || slots.account_type.is_some()
        || slots.amount_min.is_some()
        || slots.amount_max.is_some()
}

/// True for a bare amount bound with no opener ("more than 50 dollars", "over 100?"): a new
/// search over the same period, not a narrowing of the last filter.
pub(crate) fn bare_amount(text: &str, slots: &bankbot_core::Slots) -> bool {
    (slots.amount_min.is_some() || slots.amount_max.is_some())
        && slots.merchant.is_none()
        && slots.category.is_none()
        && slots.account_type.is_none()
        && frame(text) == Frame::Elliptic
        && !opens_as_follow_up(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_continue() {
        for t in [
            "on food?",
            "and groceries?",
            "et en resto ?",
            "what about uber",
            "combien en resto ?",
            "groceries?",
            "chez amazon ?",
            "only on my visa",
            "and how much did i spend on gas",
        ] {
            assert_eq!(frame(t), Frame::Elliptic, "{t}");
        }
    }

    #[test]
    fn pointers_back_continue() {
        for t in [
            "how much of that was at amazon",
            "what did i pay at shell the same month",
            "j'ai payé combien chez carrefour sur la même période",
            "et là-dedans combien en courses",
        ] {
            assert_eq!(frame(t), Frame::RefersBack, "{t}");
        }
    }

    #[test]
    fn complete_questions_start_fresh() {
        for t in [
            "what i pay more than 100 dollar",
            "how much did i spend on food",
            "show my purchases over 50",
            "j'ai dépensé combien en resto",
            "montre mes opérations de plus de 100 euros",
            "any charges above 100 dollars",
        ] {
            assert_eq!(frame(t), Frame::Complete, "{t}");
        }
    }
}
