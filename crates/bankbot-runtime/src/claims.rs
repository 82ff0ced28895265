//! When a claim on a queued event or reply is stale: shared by the dispatcher and the
//! outbox sender (see `DispatcherOptions::claim_timeout`).

use std::time::Duration;

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
