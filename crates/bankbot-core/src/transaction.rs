//! Transactions on an account.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{AccountId, Category, Money};

/// A connector-scoped transaction identifier, unique within the connector.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TransactionId(pub String);

impl TransactionId {
    /// Wraps an identifier.
    pub fn new(id: impl Into<String>) -> Self {
        TransactionId(id.into())
    }
}

impl fmt::Display for TransactionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a transaction has settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransactionStatus {
    /// Settled on the account.
    Booked,
    /// Authorised but not yet settled; it may change or disappear.
    Pending,
}

/// One transaction. `amount` is signed from the customer's view: money out is negative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    /// Identifier, unique within the connector.
    pub id: TransactionId,
    /// The account it belongs to.
    pub account_id: AccountId,
    /// Booked or pending.
    pub status: TransactionStatus,
    /// The day it was booked (expected day when pending).
    pub booking_date: NaiveDate,
    /// The value date, when the bank gives one.
    pub value_date: Option<NaiveDate>,
    /// Signed amount: money in positive, money out negative.
    pub amount: Money,
    /// The bank's description line.
    pub description: String,
    /// The merchant or counterparty name, when known.
    pub merchant: Option<String>,
    /// A spending category, when known.
    pub category: Option<Category>,
}

impl Transaction {
    /// True for money leaving the account.
    pub fn is_debit(&self) -> bool {
        self.amount.is_negative()
    }

    /// The merchant when known, else the description: what a customer calls it.
    pub fn counterparty(&self) -> &str {
        self.merchant.as_deref().unwrap_or(&self.description)
    }
}
