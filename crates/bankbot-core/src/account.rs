//! Accounts and their balances.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Currency, MaskedNumber, Money};

/// A connector-scoped, opaque account identifier. Never shown to customers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountId(pub String);

impl AccountId {
    /// Wraps an identifier.
    pub fn new(id: impl Into<String>) -> Self {
        AccountId(id.into())
    }
    /// The identifier text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of account this is; decides how a balance is phrased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AccountKind {
    /// A current / checking / chequing account.
    Checking,
    /// A savings account.
    Savings,
    /// A credit card account: its balance is what the customer owes.
    CreditCard,
    /// A loan.
    Loan,
    /// A mortgage.
    Mortgage,
    /// Anything else.
    Other,
}

impl AccountKind {
    /// The snake_case name used in slots and files, e.g. `"credit_card"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            AccountKind::Checking => "checking",
            AccountKind::Savings => "savings",
            AccountKind::CreditCard => "credit_card",
            AccountKind::Loan => "loan",
            AccountKind::Mortgage => "mortgage",
            AccountKind::Other => "other",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(name: &str) -> Option<AccountKind> {
        Some(match name {
            "checking" => AccountKind::Checking,
            "savings" => AccountKind::Savings,
            "credit_card" => AccountKind::CreditCard,
            "loan" => AccountKind::Loan,
            "mortgage" => AccountKind::Mortgage,
            "other" => AccountKind::Other,
            _ => return None,
        })
    }

    /// True for accounts whose balance is money owed (credit cards, loans, mortgages).
    pub fn is_liability(&self) -> bool {
        matches!(
            self,
            AccountKind::CreditCard | AccountKind::Loan | AccountKind::Mortgage
        )
    }
}

/// A customer's account as a connector describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Opaque identifier, scoped to the connector.
    pub id: AccountId,
    /// What kind of account.
    pub kind: AccountKind,
    /// The name the customer knows it by ("Everyday Checking").
    pub display_name: String,
    /// The last digits of its number, if the bank gives them.
    pub masked_number: Option<MaskedNumber>,
    /// The account's currency.
    pub currency: Currency,
}

/// A balance snapshot, signed from the holder's view: an amount owed is negative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    /// Which account.
    pub account_id: AccountId,
    /// The booked balance. For a credit card, minus what is owed.
    pub current: Money,
    /// What can be spent now (pending items and any credit line included), when known.
    pub available: Option<Money>,
    /// The credit limit, for accounts that have one.
    pub credit_limit: Option<Money>,
    /// When the bank computed it.
    pub as_of: DateTime<Utc>,
}

impl Balance {
    /// What is owed on a liability account (a positive amount), `None` for a credit balance.
    pub fn owed(&self) -> Option<Money> {
        self.current.is_negative().then(|| self.current.abs())
    }
}
