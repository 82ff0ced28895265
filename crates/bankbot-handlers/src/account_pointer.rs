//! "what did I spend on it this month" after the credit card, "and what went out of it"
//! after the savings, « des mouvements dessus ? » after the Livret A: a pronoun standing for
//! the account or card of the last answer keeps that account in the new question.
//!
//! This module only reads the text and says which account is meant; it does not decide the
//! intent, and a message naming an account of its own keeps its own.

use std::borrow::Cow;

use bankbot_core::{AccountKind, IntentId, IntentMatch};

use crate::cues::fold;

/// Words standing for the account or card just spoken of, padded and folded.
const POINTERS: &[&str] = &[
    " on it ",
    " of it ",
    " out of it ",
    " outta it ",
    " with it ",
    " from it ",
    " in it ",
    " into it ",
    " on there ",
    " out of there ",
    " from there ",
    " outta there ",
    " on that card ",
    " with that card ",
    " on that account ",
    " in that account ",
    " from that account ",
    " on that one ",
    " with that one ",
    " on this card ",
    " on this account ",
    " dessus ",
    " la dessus ",
    " sur celui ci ",
    " sur celui la ",
    " de celui ci ",
    " de celui la ",
    " sur celle ci ",
    " sur celle la ",
    " avec celle ci ",
    " avec celle la ",
    " sur ce compte ",
    " de ce compte ",
    " sur ce compte la ",
    " sur cette carte ",
    " avec cette carte ",
    " sur ce livret ",
    " de ce livret ",
];

/// The money questions whose account a pointer fills in.
const MONEY: &[IntentId] = &[
    IntentId::Balance,
    IntentId::Transactions,
    IntentId::SpendingSummary,
];

/// True when `text` points back at an account or card with a pronoun.
pub(crate) fn points_at_account(text: &str) -> bool {
    let f = fold(text);
    POINTERS.iter().any(|p| f.contains(p))
}

/// `parsed` with the account of the last answer filled in when the message is a money
/// question that names no account but points at one ("what went out of it").
pub(crate) fn kept<'p>(
    text: &str,
    parsed: Cow<'p, IntentMatch>,
    last: Option<AccountKind>,
) -> Cow<'p, IntentMatch> {
    let Some(kind) = last else {
        return parsed;
    };
    // "anything come out of there lately": money out named though the engine read nothing.
    let money = MONEY.contains(&parsed.intent)
        || (parsed.intent == IntentId::OutOfScope && crate::intents::money_out::outgoings(text));
    if parsed.slots.account_type.is_some() || !money || !points_at_account(text) {
        return parsed;
    }
    let mut kept = parsed.into_owned();
    kept.slots.account_type = Some(kind);
    Cow::Owned(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_for_an_account() {
        assert!(points_at_account("ok. what did i spend on it this month"));
        assert!(points_at_account("and what went out of it"));
        assert!(points_at_account(
            "Et y a-t-il eu des mouvements dessus cette annee?"
        ));
        assert!(points_at_account(
            "qu'est-ce qui est sorti de celui-ci ce mois"
        ));
        assert!(!points_at_account("what did i spend this month"));
        assert!(!points_at_account("lock my card"));
    }
}
