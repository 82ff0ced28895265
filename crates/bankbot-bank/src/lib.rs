//! # bankbot-bank — the bank connector contract
//!
//! A bank plugs into bankbot by implementing these async, object-safe traits and handing
//! them to the runtime as `Arc<dyn …>`:
//!
//! - [`BankConnector`]: accounts, balances, transactions (queried, paged, newest first);
//! - [`CardControls`]: list, lock and unlock cards;
//! - [`AtmLocator`] and [`Geocoder`]: nearest cash machines to a typed place;
//! - [`LinkingProvider`]: the login behind Messenger account linking, a form or a redirect
//!   to the bank's own pages ([`RedirectLogin`]).
//!
//! Every method returns [`BankError`], whose variants say what the caller can do
//! (authenticate again, retry later, give up). Decorators in [`decorators`] add timeouts,
//! retries with backoff and tracing to any implementation; [`conformance`] is the suite a
//! connector crate runs from its own tests; [`demo`] is an in-memory bank for the demo bot
//! and for tests.
//!
//! This crate never depends on an HTTP client or server.

mod arc_impls;
pub mod conformance;
mod credential;
pub mod decorators;
pub mod demo;
mod error;
mod query;
mod redirect;
mod traits;

pub use credential::{AuthorizationCode, Credential, CustomerCredential};
pub use error::{BankError, BankResult};
pub use query::{MAX_PAGE_SIZE, PageToken, TransactionPage, TransactionQuery};
pub use redirect::{ActiveCredential, LoginStart, PendingLogin, RedirectLogin};
pub use traits::{
    AtmFilter, AtmLocator, AtmMatch, BankConnector, CardControls, FraudReporting, Geocoder,
    LinkingProvider, Place,
};

/// The old name of [`CustomerCredential`]: "session" now means only a conversation.
#[deprecated(note = "renamed to `CustomerCredential`")]
pub type CustomerSession = CustomerCredential;

/// The old name of [`ActiveCredential`]: "session" now means only a conversation.
#[deprecated(note = "renamed to `ActiveCredential`")]
pub type ActiveSession = ActiveCredential;
