//! Periodic clean-up, so the bot keeps no more than it needs: finished inbox rows (their
//! payload is already cleared; the id is kept a day to recognise Meta's re-deliveries),
//! expired sessions and login codes, and the bank's alert ids after their 7 days.

use std::sync::Arc;
use std::time::Duration;

use bankbot_core::{Clock, SystemClock};
use bankbot_store::Store;
use tokio::sync::watch;

/// How long a finished event's id is kept to recognise a re-delivery.
pub const KEEP_EVENT_IDS: chrono::Duration = chrono::Duration::hours(24);

/// How long an alert id is remembered, so that a replayed or re-sent alert is not
/// delivered twice (`POST /alerts` refuses timestamps older than 5 minutes anyway).
pub const KEEP_ALERT_IDS: chrono::Duration = chrono::Duration::days(7);

/// How often the clean-up runs.
pub const EVERY: Duration = Duration::from_secs(3600);

/// What one clean-up removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Finished inbox rows.
    pub inbox: u64,
    /// Expired sessions.
    pub sessions: u64,
    /// Expired login codes.
    pub link_codes: u64,
    /// Alert ids older than [`KEEP_ALERT_IDS`].
    pub alert_ids: u64,
}

/// Runs one clean-up, on the system clock (the one queue timing and the alert-id memory
/// use, whatever `BANKBOT_NOW` says).
pub async fn sweep_once(store: &dyn Store) -> Swept {
    let now = SystemClock.now();
    let or_zero = |what: &'static str| {
        move |err: bankbot_store::StoreError| {
            tracing::warn!(%err, "purging {what} failed");
            0
        }
    };
    let swept = Swept {
        inbox: store
            .purge_inbox(now - KEEP_EVENT_IDS)
            .await
            .unwrap_or_else(or_zero("the inbox")),
        sessions: store
            .purge_expired_sessions(now)
            .await
            .unwrap_or_else(or_zero("expired sessions")),
        link_codes: store
            .purge_link_codes(now)
            .await
            .unwrap_or_else(or_zero("expired login codes")),
        alert_ids: store
            .purge_alert_ids(now - KEEP_ALERT_IDS)
            .await
            .unwrap_or_else(or_zero("alert ids")),
    };
    if swept != Swept::default() {
        tracing::info!(
            inbox = swept.inbox,
            sessions = swept.sessions,
            link_codes = swept.link_codes,
            alert_ids = swept.alert_ids,
            "housekeeping removed finished events, expired sessions and login codes, old alert ids"
        );
    }
    swept
}

/// Cleans up at start and then every [`EVERY`] until `shutdown` turns true.
pub async fn run(store: Arc<dyn Store>, mut shutdown: watch::Receiver<bool>) {
    loop {
        sweep_once(&*store).await;
        tokio::select! {
            () = tokio::time::sleep(EVERY) => {}
            _ = shutdown.changed() => return,
        }
    }
}
