//! Failed-login throttling for the login page: after [`MAX_FAILURES`] failures within
//! [`WINDOW`] for one username, or from one client address, further attempts are refused
//! (429) until the oldest failure leaves the window; a successful login clears both.
//!
//! The counters live in this process: with several instances an attacker gets at most
//! `MAX_FAILURES` tries per instance per window (the bank's own login should throttle too).

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed within [`WINDOW`] before attempts are refused.
pub const MAX_FAILURES: usize = 5;
/// How long a failure counts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Counters kept at most (expired ones are dropped first, then the stalest).
const MAX_TRACKED: usize = 100_000;

/// Whose failures a counter holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Subject {
    User(String),
    Client(IpAddr),
}

/// The failure counters.
#[derive(Debug, Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<Subject, VecDeque<Instant>>>,
}

impl LoginThrottle {
    /// No failures yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when `username` or `client` has used up its failures at `now`.
    pub fn is_locked(&self, username: &str, client: Option<IpAddr>, now: Instant) -> bool {
        let mut failures = self.lock();
        subjects(username, client).any(|s| {
            failures.get_mut(&s).is_some_and(|times| {
                forget_old(times, now);
                times.len() >= MAX_FAILURES
            })
        })
    }

    /// Counts a failed login.
    pub fn record_failure(&self, username: &str, client: Option<IpAddr>, now: Instant) {
        let mut failures = self.lock();
        if failures.len() >= MAX_TRACKED {
            prune(&mut failures, now);
        }
        for subject in subjects(username, client) {
            let times = failures.entry(subject).or_default();
            forget_old(times, now);
            times.push_back(now);
            while times.len() > MAX_FAILURES {
                times.pop_front();
            }
        }
    }

    /// A successful login clears the username's and the client's failures.
    pub fn record_success(&self, username: &str, client: Option<IpAddr>) {
        let mut failures = self.lock();
        for subject in subjects(username, client) {
            failures.remove(&subject);
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Subject, VecDeque<Instant>>> {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The username (case and surrounding spaces ignored, as the bank compares it) and the
/// client address.
fn subjects(username: &str, client: Option<IpAddr>) -> impl Iterator<Item = Subject> {
    let user = username.trim().to_lowercase();
    let user = (!user.is_empty()).then_some(Subject::User(user));
    user.into_iter().chain(client.map(Subject::Client))
}

fn forget_old(times: &mut VecDeque<Instant>, now: Instant) {
    while times
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
    {
        times.pop_front();
    }
}

/// Drops expired counters, then, if still full, the half whose last failure is oldest.
fn prune(failures: &mut HashMap<Subject, VecDeque<Instant>>, now: Instant) {
    failures.retain(|_, times| {
        forget_old(times, now);
        !times.is_empty()
    });
    if failures.len() >= MAX_TRACKED {
        let mut last: Vec<Instant> = failures
            .values()
            .filter_map(|t| t.back().copied())
            .collect();
        last.sort_unstable();
        if let Some(cut) = last.get(last.len() / 2).copied() {
            failures.retain(|_, times| times.back().is_some_and(|t| *t > cut));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 7)));
    const AWAY: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 9)));

    #[test]
    fn five_failures_lock_the_username_everywhere_and_the_client_for_everyone() {
        let throttle = LoginThrottle::new();
        let t0 = Instant::now();
        for _ in 0..MAX_FAILURES - 1 {
            throttle.record_failure("alice", HOME, t0);
        }
        assert!(!throttle.is_locked("alice", HOME, t0));
        throttle.record_failure(" Alice ", HOME, t0);
        assert!(
            throttle.is_locked("alice", AWAY, t0),
            "username locked from anywhere"
        );
        assert!(
            throttle.is_locked("bob", HOME, t0),
            "client locked for any username"
        );
        assert!(!throttle.is_locked("bob", AWAY, t0));
        let later = t0 + WINDOW;
        assert!(
            !throttle.is_locked("alice", HOME, later),
            "failures age out"
        );
    }

    #[test]
    fn success_resets() {
        let throttle = LoginThrottle::new();
        let t0 = Instant::now();
        for _ in 0..MAX_FAILURES {
            throttle.record_failure("alice", HOME, t0);
        }
        throttle.record_success("alice", HOME);
        assert!(!throttle.is_locked("alice", HOME, t0));
    }

    #[test]
    fn counters_stay_bounded() {
        let throttle = LoginThrottle::new();
        let t0 = Instant::now();
        for i in 0..(MAX_TRACKED + 10) {
            throttle.record_failure(
                &format!("user{i}"),
                None,
                t0 + Duration::from_micros(i as u64),
            );
        }
        assert!(throttle.lock().len() <= MAX_TRACKED);
    }
}
