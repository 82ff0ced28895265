//! The conformance suite every connector runs from its own tests.
//!
//! Each `check_*` function exercises one trait against a live implementation and returns
//! the first broken invariant as a [`ConformanceFailure`]. A panic inside the connector is
//! caught and reported as a failure too: connectors must return errors, never panic.
//!
//! ```
//! # tokio_test_block_on(async {
//! use std::sync::Arc;
//! use bankbot_bank::{conformance, demo::DemoBank};
//! use bankbot_core::{CustomerRef, SystemClock};
//!
//! let bank = DemoBank::builtin(Arc::new(SystemClock));
//! let alice = bank.credential_for(&CustomerRef::new("cust-alice")).unwrap();
//! conformance::check_bank_connector(&bank, &alice, &Default::default()).await.unwrap();
//! # });
//! # fn tokio_test_block_on<F: std::future::Future>(f: F) -> F::Output {
//! #     tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(f)
//! # }
//! ```

mod atms;
mod bank;
mod cards;
mod fraud;
mod linking;

use std::future::Future;
use std::panic::AssertUnwindSafe;

use futures::FutureExt;

pub use atms::check_atm_locator;
pub use bank::{BankConformanceOptions, BankReport, check_bank_connector};
pub use cards::check_card_controls;
pub use fraud::check_fraud_reporting;
pub use linking::check_linking_provider;

/// A broken invariant: which check, and what was seen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("conformance check `{check}` failed: {detail}")]
pub struct ConformanceFailure {
    /// The check's name, e.g. `transactions.newest_first`.
    pub check: &'static str,
    /// What was wrong.
    pub detail: String,
}

pub(crate) fn fail<T>(
    check: &'static str,
    detail: impl Into<String>,
) -> Result<T, ConformanceFailure> {
    Err(ConformanceFailure {
        check,
        detail: detail.into(),
    })
}

pub(crate) fn ensure(
    ok: bool,
    check: &'static str,
    detail: impl FnOnce() -> String,
) -> Result<(), ConformanceFailure> {
    if ok { Ok(()) } else { fail(check, detail()) }
}

/// Runs one connector call, turning a panic into a failure of `check`.
pub(crate) async fn guarded<T>(
    check: &'static str,
    call: impl Future<Output = T>,
) -> Result<T, ConformanceFailure> {
    AssertUnwindSafe(call)
        .catch_unwind()
        .await
        .or_else(|_| fail(check, "the connector panicked"))
}
