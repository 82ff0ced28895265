//! One tracing span per call, with the operation and its outcome but no customer data.

use std::future::Future;
use std::time::Instant;

use tracing::Instrument;

use crate::BankResult;

/// Opens a `bank_call` span per call (fields: connector, op) and logs the outcome: the
/// error kind on failure, never arguments or results.
#[derive(Debug, Clone)]
pub struct Traced<C> {
    inner: C,
    connector: &'static str,
}

impl<C> Traced<C> {
    /// Wraps `inner`; `connector` names it in spans ("demo", "obie").
    pub fn new(connector: &'static str, inner: C) -> Self {
        Traced { inner, connector }
    }

    async fn call<T, F, Fut>(&self, op: &'static str, _retryable: bool, f: F) -> BankResult<T>
    where
        F: Fn() -> Fut + Send,
        Fut: Future<Output = BankResult<T>> + Send,
    {
        let span = tracing::info_span!("bank_call", connector = self.connector, op);
        let started = Instant::now();
        let result = f().instrument(span.clone()).await;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        span.in_scope(|| match &result {
            Ok(_) => tracing::debug!(elapsed_ms, "bank call ok"),
            Err(err) => tracing::warn!(elapsed_ms, error = err.kind(), "bank call failed"),
        });
        result
    }
}

super::decorate_all_traits!(Traced);
