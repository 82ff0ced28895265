//! Periodic clean-up, so the bot keeps no more than it needs: finished inbox rows (their
//! payload is already cleared; the id is kept a day to recognise Meta's re-deliveries) and
//! expired sessions and login codes.

use std::sync::Arc;
use std::time::Duration;

use bankbot_core::{Clock, SystemClock};
use bankbot_store::Store;
use tokio::sync::watch;

/// How long a finished event's id is kept to recognise a re-delivery.
pub const KEEP_EVENT_IDS: chrono::Duration = chrono::Duration::hours(24);

/// How often the clean-up runs.
pub const EVERY: Duration = Duration::from_secs(3600);

/// Runs one clean-up; returns the inbox rows and sessions removed.
pub async fn sweep_once(store: &dyn Store) -> (u64, u64) {
    let now = SystemClock.now();
    let inbox = store
        .purge_inbox(now - KEEP_EVENT_IDS)
        .await
        .unwrap_or_else(|err| {
            tracing::warn!(%err, "purging the inbox failed");
            0
        });
    let sessions = store
        .purge_expired_sessions(now)
        .await
        .unwrap_or_else(|err| {
            tracing::warn!(%err, "purging expired sessions failed");
            0
        });
    match store.purge_link_codes(now).await {
        Ok(0) => {}
        Ok(codes) => tracing::info!(codes, "housekeeping removed expired login codes"),
        Err(err) => tracing::warn!(%err, "purging expired login codes failed"),
    }
    if inbox + sessions > 0 {
        tracing::info!(
            inbox,
            sessions,
            "housekeeping removed finished events and expired sessions"
        );
    }
    (inbox, sessions)
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
