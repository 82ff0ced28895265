//! A stand-in for the bank's own core-banking system: a small HTTP API on loopback, with two
//! customers (`dana` in USD, `emile` in EUR), their accounts, transactions and cards. The
//! tests start it, and `main.rs` starts it when no `CORE_BANKING_URL` is given. A bank that
//! copies this crate deletes this module and points the connector at its real API.
//!
//! The API (JSON, `Authorization: Bearer <access token>` except for the login):
//!
//! | call | answer |
//! |---|---|
//! | `POST /v1/login` `{username, password}` | `{code}` (one-time), 401 `invalid_login` |
//! | `POST /v1/token` `{code}` | `{customer_id, access_token}`, 400 `invalid_code` |
//! | `POST /v1/logout` | 204; the token stops working |
//! | `GET /v1/accounts` | `{accounts: [{id, product, name, number, currency}]}` |
//! | `GET /v1/accounts/{id}/balance` | `{ledger_minor, available_minor, limit_minor, currency, as_of}` |
//! | `GET /v1/transactions?account&from&to&limit&after` | `{transactions: […], next}`, newest first |
//! | `GET /v1/cards`, `PUT /v1/cards/{id}/status` `{status}` | cards, `ACTIVE` or `BLOCKED_TEMPORARY` |
//! | `POST /v1/transactions/{id}/confirmation` `{genuine}` | 204 |
//!
//! Amounts are integers in minor units (cents), money out negative. Errors are
//! `{"error": "<code>"}` with 400, 401, 404 or 429; a fault set with
//! [`SampleCore::set_fault`] makes every call slow, fail or answer garbage.

mod data;
mod routes;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::NaiveDate;

/// What every call does while a fault is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answer this status with an empty body.
    Status(u16),
    /// Answer 429 with `Retry-After` in seconds.
    RateLimited(u64),
    /// Answer 200 with a body that is not JSON.
    Garbage,
    /// Answer 200 with JSON of the wrong shape.
    WrongShape,
    /// Wait this long before answering.
    Delay(Duration),
}

/// A fraud-check answer the core received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    /// The transaction asked about.
    pub transaction: String,
    /// True when the customer made it.
    pub genuine: bool,
}

/// The core's mutable state.
#[derive(Debug)]
pub(crate) struct Ledger {
    pub today: NaiveDate,
    pub customers: Vec<data::Customer>,
    pub accounts: Vec<data::Account>,
    pub entries: Vec<data::Entry>,
    pub cards: Vec<data::Card>,
    /// One-time login codes → customer id.
    pub codes: HashMap<String, String>,
    /// Access tokens → customer id.
    pub tokens: HashMap<String, String>,
    pub confirmations: Vec<Confirmation>,
    pub fault: Option<Fault>,
}

pub(crate) type Shared = Arc<Mutex<Ledger>>;

pub(crate) fn lock(shared: &Shared) -> MutexGuard<'_, Ledger> {
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The sample core, serving on `127.0.0.1:<port>` until dropped.
#[derive(Debug)]
pub struct SampleCore {
    base_url: String,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

impl SampleCore {
    /// Starts the core on a free loopback port, with `today` as the day its data is
    /// relative to.
    pub async fn start(today: NaiveDate) -> std::io::Result<SampleCore> {
        let shared = Arc::new(Mutex::new(Ledger {
            today,
            customers: data::customers(),
            accounts: data::accounts(),
            entries: data::entries(),
            cards: data::cards(),
            codes: HashMap::new(),
            tokens: HashMap::new(),
            confirmations: Vec::new(),
            fault: None,
        }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let app = routes::router(shared.clone());
        let task = tokio::spawn(async move {
            if let Err(err) = axum::serve(listener, app).await {
                tracing::error!(%err, "sample core stopped");
            }
        });
        Ok(SampleCore {
            base_url,
            shared,
            task,
        })
    }

    /// Where the API is, e.g. `http://127.0.0.1:41234`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Makes every later call fail as `fault` says; `None` heals the core.
    pub fn set_fault(&self, fault: Option<Fault>) {
        lock(&self.shared).fault = fault;
    }

    /// Issues an access token for `username` without the login (for tests).
    pub fn token_for(&self, username: &str) -> Option<(String, String)> {
        let mut ledger = lock(&self.shared);
        let customer = ledger
            .customers
            .iter()
            .find(|c| c.username == username)?
            .id
            .to_owned();
        let token = routes::random_secret();
        ledger.tokens.insert(token.clone(), customer.clone());
        Some((customer, token))
    }

    /// The fraud-check answers received so far.
    pub fn confirmations(&self) -> Vec<Confirmation> {
        lock(&self.shared).confirmations.clone()
    }

    /// Whether the card `id` is blocked, `None` when there is no such card.
    pub fn card_blocked(&self, id: &str) -> Option<bool> {
        lock(&self.shared)
            .cards
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.blocked)
    }
}

impl Drop for SampleCore {
    fn drop(&mut self) {
        self.task.abort();
    }
}
