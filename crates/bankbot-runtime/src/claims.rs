//! When a claim on a queued event or reply is stale, and how the loops holding claims ride
//! out a database that went away: shared by the dispatcher and the outbox sender (see
//! `DispatcherOptions::claim_timeout`).

use std::future::Future;
use std::time::Duration;

use bankbot_core::{Backoff, FailureStreak};
use bankbot_store::StoreError;

/// Pauses of a loop that cannot reach the store: from 100 ms, doubling, at most 3 s, with
/// full jitter (so instances do not all return at once when the database does).
pub(crate) const STORE_BACKOFF: Backoff =
    Backoff::new(Duration::from_millis(100), Duration::from_secs(3));

/// Runs `op` (recording the outcome of claimed work) until the store answers: a retryable
/// failure (the database is down or restarting) is tried again after a [`STORE_BACKOFF`]
/// pause, so the claim is kept until its outcome is recorded instead of being abandoned
/// in `processing`/`sending`. Any other outcome (done, claim lost, a permanent error) is
/// returned. Recording is fenced, so trying again can never record twice.
pub(crate) async fn until_recorded<T, F, Fut>(
    what: &'static str,
    mut op: F,
) -> Result<T, StoreError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    let mut streak = FailureStreak::new(STORE_BACKOFF);
    loop {
        match op().await {
            Err(err) if err.is_retryable() => {
                let pause = streak.failed();
                tracing::warn!(
                    what,
                    error = err.kind(),
                    failures = streak.failures(),
                    ?pause,
                    "store unavailable; the claim is kept and recording tried again"
                );
                tokio::time::sleep(pause).await;
            }
            other => return other,
        }
    }
}

/// Claims made before this instant are stale: all of them without a timeout (one process,
/// just started), else those older than the timeout.
pub(crate) fn stale_cutoff(
    now: chrono::DateTime<chrono::Utc>,
    claim_timeout: Option<Duration>,
) -> chrono::DateTime<chrono::Utc> {
    match claim_timeout {
        None => now,
        // A timeout too large to subtract: no claim is ever stale.
        Some(t) => chrono::Duration::from_std(t)
            .ok()
            .and_then(|t| now.checked_sub_signed(t))
            .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC),
    }
}

/// How long after claiming a reply a sender may still start sending it: half the claim
/// timeout. Another instance takes the claim back only after the whole timeout, so a
/// send started within the lease finishes before anyone else may send the same reply as
/// long as the channel's own request timeout is below the other half (Messenger: 10 s).
/// Past the lease the sender hands the reply back instead of sending it.
pub(crate) fn send_lease(claim_timeout: Duration) -> Duration {
    claim_timeout / 2
}

/// How often stale claims are looked for: twice per timeout, at most every 30 seconds.
pub(crate) fn reclaim_interval(claim_timeout: Duration) -> Duration {
    (claim_timeout / 2).clamp(Duration::from_millis(100), Duration::from_secs(30))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::{Clock, SystemClock};

    #[test]
    fn stale_cutoffs() {
        let now = SystemClock.now();
        assert_eq!(stale_cutoff(now, None), now);
        assert_eq!(
            stale_cutoff(now, Some(Duration::from_secs(300))),
            now - chrono::Duration::seconds(300)
        );
        assert_eq!(
            stale_cutoff(now, Some(Duration::MAX)),
            chrono::DateTime::<chrono::Utc>::MIN_UTC
        );
        assert_eq!(
            reclaim_interval(Duration::from_secs(300)),
            Duration::from_secs(30)
        );
        assert_eq!(
            reclaim_interval(Duration::from_secs(2)),
            Duration::from_secs(1)
        );
        assert_eq!(send_lease(Duration::from_secs(60)), Duration::from_secs(30));
    }
}
