//! The core's JSON, exactly as it is sent. Nothing here leaves the crate: `map` turns it
//! into bankbot's types. Unknown fields are ignored, so the core may add some.

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize)]
pub(crate) struct LoginRequest<'a> {
    pub username: &'a str,
    pub password: &'a str,
}

#[derive(Deserialize)]
pub(crate) struct LoginAnswer {
    pub code: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct CodeRequest<'a> {
    pub code: &'a str,
}

#[derive(Deserialize)]
pub(crate) struct TokenAnswer {
    pub customer_id: String,
    pub access_token: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct AccountList {
    pub accounts: Vec<WireAccount>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireAccount {
    pub id: String,
    /// `CURRENT`, `SAVINGS`, `CREDIT_CARD`, `LOAN`, `MORTGAGE`, …
    pub product: String,
    pub name: String,
    /// The full account number; masked by `map` as soon as it is read.
    #[serde(default)]
    pub number: Option<String>,
    pub currency: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireBalance {
    pub ledger_minor: i64,
    #[serde(default)]
    pub available_minor: Option<i64>,
    #[serde(default)]
    pub limit_minor: Option<i64>,
    pub currency: String,
    pub as_of: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct TransactionList {
    pub transactions: Vec<WireTransaction>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireTransaction {
    pub id: String,
    pub account_id: String,
    pub posted_on: chrono::NaiveDate,
    pub amount_minor: i64,
    pub currency: String,
    pub narrative: String,
    #[serde(default)]
    pub merchant_name: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    /// `POSTED` or `PENDING`.
    pub state: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct CardList {
    pub cards: Vec<WireCard>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WireCard {
    pub id: String,
    pub account_id: String,
    pub label: String,
    /// `DEBIT` or `CREDIT`.
    pub network_type: String,
    pub pan_last4: String,
    /// `ACTIVE`, `BLOCKED_TEMPORARY`, …
    pub status: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct CardStatusRequest<'a> {
    pub status: &'a str,
}

#[derive(Debug, Serialize)]
pub(crate) struct ConfirmationRequest {
    pub genuine: bool,
}
