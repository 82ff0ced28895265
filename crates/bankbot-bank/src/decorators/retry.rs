//! Retries retryable failures with exponential backoff and full jitter
//! ([`bankbot_core::Backoff`]). This decorator owns the retries of bank calls: nothing
//! beneath it (the timeout, the connector) retries again.

use std::future::Future;
use std::time::Duration;

use bankbot_core::Backoff;

use crate::{BankError, BankResult};

/// How [`Retry`] spaces its attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 = no retry).
    pub max_attempts: u32,
    /// The backoff ceiling before the first retry; it doubles after each attempt.
    pub base_delay: Duration,
    /// The largest delay between two attempts. A `Retry-After` beyond it ends the retries.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
        }
    }
}

impl RetryPolicy {
    /// The delay before attempt `attempt + 1` (attempt counts from 1): a uniform draw in
    /// `[0, min(max_delay, base * 2^(attempt-1))]`, or the server's `Retry-After`.
    pub fn delay(&self, attempt: u32, err: &BankError) -> Option<Duration> {
        if let BankError::RateLimited {
            retry_after: Some(after),
        } = err
        {
            return (*after <= self.max_delay).then_some(*after);
        }
        Some(self.backoff().delay(attempt))
    }

    /// The spacing of the retries: `base_delay` doubling up to `max_delay`.
    pub fn backoff(&self) -> Backoff {
        Backoff::new(self.base_delay, self.max_delay)
    }
}

/// Repeats a call that failed with a retryable error ([`BankError::is_retryable`]), at
/// most `max_attempts` times in all. Non-retryable errors and one-time operations (login,
/// code exchange) pass straight through.
#[derive(Debug, Clone)]
pub struct Retry<C> {
    inner: C,
    policy: RetryPolicy,
}

impl<C> Retry<C> {
    /// Wraps `inner`.
    pub fn new(inner: C, policy: RetryPolicy) -> Self {
        Retry { inner, policy }
    }

    async fn call<T, F, Fut>(&self, op: &'static str, retryable: bool, f: F) -> BankResult<T>
    where
        F: Fn() -> Fut + Send,
        Fut: Future<Output = BankResult<T>> + Send,
    {
        let mut attempt = 1;
        loop {
            let err = match f().await {
                Ok(value) => return Ok(value),
                Err(err) => err,
            };
            let can_retry = retryable && err.is_retryable() && attempt < self.policy.max_attempts;
            let delay = if can_retry {
                self.policy.delay(attempt, &err)
            } else {
                None
            };
            let Some(delay) = delay else {
                return Err(err);
            };
            tracing::debug!(
                op,
                attempt,
                error = err.kind(),
                ?delay,
                "retrying bank call"
            );
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }
}

super::decorate_all_traits!(Retry);
