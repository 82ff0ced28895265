//! Bounds every call's duration.

use std::future::Future;
use std::time::Duration;

use crate::{BankError, BankResult};

/// Fails a call with [`BankError::Timeout`] when it runs longer than `limit`.
#[derive(Debug, Clone)]
pub struct Timeout<C> {
    inner: C,
    limit: Duration,
}

impl<C> Timeout<C> {
    /// Wraps `inner`, bounding each call by `limit`.
    pub fn new(inner: C, limit: Duration) -> Self {
        Timeout { inner, limit }
    }

    async fn call<T, F, Fut>(&self, _op: &'static str, _retryable: bool, f: F) -> BankResult<T>
    where
        F: Fn() -> Fut + Send,
        Fut: Future<Output = BankResult<T>> + Send,
    {
        match tokio::time::timeout(self.limit, f()).await {
            Ok(result) => result,
            Err(_) => Err(BankError::Timeout(self.limit)),
        }
    }
}

super::decorate_all_traits!(Timeout);
