//! One backoff rule for every retry loop: exponential growth from a base delay, a ceiling,
//! and full jitter (a uniform draw between zero and the exponential delay), so instances
//! retrying after one outage spread out instead of returning together.
//!
//! [`Backoff`] says how long to wait before a given retry; [`FailureStreak`] counts the
//! consecutive failures of a loop (a worker, a sender, a recovery timer) and gives the
//! wait after each, starting over at the first success.
//!
//! Who retries what (no retry nests inside another): a bank call is retried by the
//! `Retry` decorator; a Send API call by `SendClient::send_body`, except for the outbox,
//! which sends with single attempts and owns the retry policy of queued replies; a queued
//! event by the dispatcher (its `max_attempts`); loops that cannot reach the database by
//! their own [`FailureStreak`].
//!
//! The jitter needs no random-number crate: each draw hashes a fresh
//! [`RandomState`](std::collections::hash_map::RandomState), whose keys the standard
//! library seeds at random. That is plenty for spreading retries (not for secrets).

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

/// Exponential backoff with full jitter and a ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    base: Duration,
    ceiling: Duration,
}

impl Backoff {
    /// Waits of up to `base` before the first retry, doubling per retry, never above
    /// `ceiling` (a `ceiling` below `base` is raised to it).
    pub const fn new(base: Duration, ceiling: Duration) -> Self {
        let ceiling = if ceiling.as_nanos() < base.as_nanos() {
            base
        } else {
            ceiling
        };
        Backoff { base, ceiling }
    }

    /// The delay before the first retry.
    pub fn base(&self) -> Duration {
        self.base
    }

    /// The longest delay.
    pub fn ceiling(&self) -> Duration {
        self.ceiling
    }

    /// The most retry `retry` (1 = the first retry) may wait: `base · 2^(retry-1)`, capped
    /// at the ceiling; `retry` 0 counts as 1.
    pub fn cap(&self, retry: u32) -> Duration {
        let doublings = retry.saturating_sub(1).min(31);
        self.base
            .saturating_mul(1u32 << doublings)
            .min(self.ceiling)
    }

    /// The wait before retry `retry`: a uniform draw in `[0, cap(retry)]`.
    pub fn delay(&self, retry: u32) -> Duration {
        self.delay_at(retry, random_unit())
    }

    /// The wait before retry `retry` for a given draw `unit` in `[0, 1]` (clamped):
    /// `cap(retry) · unit`. For callers with their own randomness, and for tests.
    pub fn delay_at(&self, retry: u32, unit: f64) -> Duration {
        let unit = if unit.is_nan() {
            0.0
        } else {
            unit.clamp(0.0, 1.0)
        };
        self.cap(retry).mul_f64(unit)
    }
}

/// Consecutive failures of one loop and the wait after the latest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureStreak {
    backoff: Backoff,
    failures: u32,
}

impl FailureStreak {
    /// No failure yet.
    pub const fn new(backoff: Backoff) -> Self {
        FailureStreak {
            backoff,
            failures: 0,
        }
    }

    /// Records one more failure; returns how long to wait before trying again.
    pub fn failed(&mut self) -> Duration {
        self.failures = self.failures.saturating_add(1);
        self.backoff.delay(self.failures)
    }

    /// Records a success: the next failure waits as little as the first.
    pub fn succeeded(&mut self) {
        self.failures = 0;
    }

    /// Failures since the last success.
    pub fn failures(&self) -> u32 {
        self.failures
    }
}

/// A uniform draw in `[0, 1]`.
fn random_unit() -> f64 {
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    // The top 53 bits, as many as an f64 holds exactly.
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn caps_double_up_to_the_ceiling() {
        let b = Backoff::new(100 * MS, 1000 * MS);
        let caps: Vec<u128> = (0..7).map(|r| b.cap(r).as_millis()).collect();
        assert_eq!(caps, [100, 100, 200, 400, 800, 1000, 1000]);
        assert_eq!(b.cap(u32::MAX), 1000 * MS);
    }

    #[test]
    fn a_ceiling_below_the_base_is_raised() {
        let b = Backoff::new(500 * MS, 10 * MS);
        assert_eq!(b.ceiling(), 500 * MS);
        assert_eq!(b.cap(9), 500 * MS);
    }

    #[test]
    fn draws_scale_the_cap() {
        let b = Backoff::new(100 * MS, 1000 * MS);
        assert_eq!(b.delay_at(3, 0.0), Duration::ZERO);
        assert_eq!(b.delay_at(3, 0.5), 200 * MS);
        assert_eq!(b.delay_at(3, 1.0), 400 * MS);
        assert_eq!(b.delay_at(3, 7.0), 400 * MS);
        assert_eq!(b.delay_at(3, f64::NAN), Duration::ZERO);
    }

    #[test]
    fn jitter_stays_within_the_cap_and_spreads() {
        let b = Backoff::new(100 * MS, 1000 * MS);
        let draws: Vec<Duration> = (0..200).map(|_| b.delay(4)).collect();
        assert!(draws.iter().all(|d| *d <= 800 * MS));
        let distinct: std::collections::HashSet<_> = draws.iter().collect();
        assert!(distinct.len() > 100, "draws do not spread: {distinct:?}");
        assert!(draws.iter().any(|d| *d < 400 * MS) && draws.iter().any(|d| *d > 400 * MS));
    }

    #[test]
    fn a_streak_grows_and_starts_over_after_a_success() {
        let mut s = FailureStreak::new(Backoff::new(10 * MS, 40 * MS));
        let waits: Vec<Duration> = (0..4).map(|_| s.failed()).collect();
        assert_eq!(s.failures(), 4);
        assert!(waits[0] <= 10 * MS && waits[3] <= 40 * MS);
        s.succeeded();
        assert_eq!(s.failures(), 0);
        assert!(s.failed() <= 10 * MS);
    }
}
