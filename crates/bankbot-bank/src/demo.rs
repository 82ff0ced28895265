//! An in-memory demo bank implementing every connector trait, built from a fixtures file.
//!
//! Dates in the fixtures are *days ago* and resolve against an injectable [`Clock`], so the
//! demo always looks recent and a fixed clock (`BANKBOT_NOW`) makes it reproducible. The
//! built-in fixtures are `examples/demo-bank/fixtures.toml`: logins `alice`/`demo` (USD,
//! English) and `bob`/`demo` (EUR, French).
//!
//! Credentials are opaque tokens derived from the customer reference and a per-bank secret,
//! so links survive a restart of the demo; a revoked credential stays refused until the
//! process restarts.

mod atms;
mod fixtures;
mod fraud;
mod ledger;
mod linking;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use bankbot_core::{Atm, CardId, Clock, CustomerRef, Lang};

pub use fixtures::FixtureError;

use crate::{BankError, BankResult, CustomerCredential};
use fixtures::CustomerFixture;

/// The fixtures shipped with bankbot.
pub const BUILTIN_FIXTURES: &str = include_str!("../../../examples/demo-bank/fixtures.toml");

/// The in-memory demo bank. Cheap to clone (shared state).
#[derive(Clone)]
pub struct DemoBank {
    inner: Arc<Inner>,
}

struct Inner {
    customers: HashMap<CustomerRef, CustomerFixture>,
    atms: Vec<Atm>,
    clock: Arc<dyn Clock>,
    secret: String,
    state: Mutex<MutableState>,
}

#[derive(Default)]
struct MutableState {
    /// One-time codes → (customer, issued at).
    codes: HashMap<String, (CustomerRef, chrono::DateTime<chrono::Utc>)>,
    revoked: HashSet<String>,
    locked_cards: HashSet<CardId>,
    /// Fraud-check answers: (customer, transaction reference) → genuine.
    fraud_answers: HashMap<(CustomerRef, String), bool>,
}

impl std::fmt::Debug for DemoBank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoBank")
            .field("customers", &self.inner.customers.len())
            .field("atms", &self.inner.atms.len())
            .finish_non_exhaustive()
    }
}

impl DemoBank {
    /// The demo bank from the built-in fixtures.
    pub fn builtin(clock: Arc<dyn Clock>) -> Self {
        match DemoBank::from_toml(BUILTIN_FIXTURES, clock) {
            Ok(bank) => bank,
            // The built-in file is validated by this crate's tests.
            Err(err) => unreachable!("built-in demo fixtures are invalid: {err}"),
        }
    }

    /// A demo bank from fixtures text (see `examples/demo-bank/fixtures.toml`).
    pub fn from_toml(text: &str, clock: Arc<dyn Clock>) -> Result<Self, FixtureError> {
        let parsed = fixtures::parse(text)?;
        let customers = parsed
            .customers
            .into_iter()
            .map(|c| (c.customer_ref.clone(), c))
            .collect();
        Ok(DemoBank {
            inner: Arc::new(Inner {
                customers,
                atms: parsed.atms,
                clock,
                secret: parsed.secret,
                state: Mutex::new(MutableState::default()),
            }),
        })
    }

    /// The preferred language of a customer, from the fixtures.
    pub fn customer_lang(&self, customer: &CustomerRef) -> Option<Lang> {
        self.inner.customers.get(customer).map(|c| c.lang)
    }

    /// The customer reference for a login name.
    pub fn customer_for_login(&self, login: &str) -> Option<CustomerRef> {
        self.inner
            .customers
            .values()
            .find(|c| c.login == login)
            .map(|c| c.customer_ref.clone())
    }

    /// A credential for a customer without going through a login, for tests and the console.
    pub fn credential_for(&self, customer: &CustomerRef) -> Option<CustomerCredential> {
        self.inner
            .customers
            .contains_key(customer)
            .then(|| CustomerCredential::new(customer.clone(), self.secret_for(customer)))
    }

    /// The old name of [`DemoBank::credential_for`].
    #[deprecated(note = "renamed to `credential_for`")]
    pub fn session_for(&self, customer: &CustomerRef) -> Option<CustomerCredential> {
        self.credential_for(customer)
    }

    fn state(&self) -> MutexGuard<'_, MutableState> {
        // A poisoned lock only means another thread panicked mid-update of plain maps.
        self.inner
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Checks the credential and returns its customer's fixture.
    fn authenticate(&self, credential: &CustomerCredential) -> BankResult<&CustomerFixture> {
        let token = credential.credential.expose();
        let customer = self
            .inner
            .customers
            .get(&credential.customer)
            .ok_or(BankError::ReauthenticationRequired)?;
        let expected = self.secret_for(&credential.customer);
        let valid = token == expected.expose() && !self.state().revoked.contains(token);
        if valid {
            Ok(customer)
        } else {
            Err(BankError::ReauthenticationRequired)
        }
    }
}
