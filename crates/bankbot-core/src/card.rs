//! Payment cards.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{AccountId, MaskedNumber};

/// A connector-scoped, opaque card identifier.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(pub String);

impl CardId {
    /// Wraps an identifier.
    pub fn new(id: impl Into<String>) -> Self {
        CardId(id.into())
    }
    /// The identifier text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Debit or credit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CardKind {
    /// A debit card drawing on a checking account.
    Debit,
    /// A credit card.
    Credit,
}

/// A card and whether it is locked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Opaque identifier.
    pub id: CardId,
    /// The name the customer knows it by ("Debit card", "Cash Back Visa").
    pub display_name: String,
    /// Its last 4 digits.
    pub last4: MaskedNumber,
    /// Debit or credit.
    pub kind: CardKind,
    /// True while the card is locked (declines new purchases).
    pub locked: bool,
    /// The account it draws on.
    pub account_id: AccountId,
}
