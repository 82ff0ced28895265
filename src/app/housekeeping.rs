//! Periodic clean-up, so the bot keeps no more than it needs: finished inbox rows (their
//! payload is already cleared; the id is kept a day to recognise Meta's re-deliveries),
//! expired sessions and login codes, replies set aside as dead once they can no longer be
//! revived (7 days), and the time each customer last wrote once the messaging window it
//! opened has long closed, and the bank's alert ids after their 7 days.

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

/// A dead reply older than this is purged: past it, it is never sent again.
pub const KEEP_DEAD_REPLIES: chrono::Duration = bankbot_runtime::DEAD_REVIVE_WINDOW;

/// How often the clean-up runs.
pub const EVERY: Duration = Duration::from_secs(3600);

/// How long the time a customer last wrote is kept: alerts only ask whether it opens the
/// messaging window (24 hours), so a day of margin on top of the window; an older row
/// answers exactly as no row does (window closed).
pub fn keep_contacts() -> chrono::Duration {
    bankbot_alerts::DeliveryPolicy::default().window + chrono::Duration::hours(24)
}

/// What one clean-up removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Finished inbox events.
    pub inbox: u64,
    /// Expired sessions.
    pub sessions: u64,
    /// Expired login codes.
    pub link_codes: u64,
    /// Dead replies past their revive window.
    pub dead_replies: u64,
    /// Last-contact times past their use.
    pub contacts: u64,
    /// Alert ids older than [`KEEP_ALERT_IDS`].
    pub alert_ids: u64,
    /// Expired one-time export links.
    pub export_tokens: u64,
}

fn logged(what: &'static str, done: bankbot_store::StoreResult<u64>) -> u64 {
    done.unwrap_or_else(|err| {
        tracing::warn!(%err, what, "housekeeping step failed");
        0
    })
}

/// Runs one clean-up. Queue rows follow the system clock (as queue timing does); the time
/// customers last wrote follows the bot's `clock`, the one it was recorded with and that
/// alerts compare it to.
pub async fn sweep_once(store: &dyn Store, clock: &dyn Clock) -> Swept {
    let now = SystemClock.now();
    let swept = Swept {
        inbox: logged("inbox", store.purge_inbox(now - KEEP_EVENT_IDS).await),
        sessions: logged("sessions", store.purge_expired_sessions(now).await),
        link_codes: logged("login codes", store.purge_link_codes(now).await),
        dead_replies: logged(
            "dead replies",
            store.purge_dead(now - KEEP_DEAD_REPLIES).await,
        ),
        contacts: logged(
            "contacts",
            store.purge_contacts(clock.now() - keep_contacts()).await,
        ),
        alert_ids: logged(
            "alert ids",
            store.purge_alert_ids(now - KEEP_ALERT_IDS).await,
        ),
        export_tokens: logged("export links", store.purge_export_tokens(now).await),
    };
    if swept != Swept::default() {
        tracing::info!(
            inbox = swept.inbox,
            sessions = swept.sessions,
            link_codes = swept.link_codes,
            dead_replies = swept.dead_replies,
            contacts = swept.contacts,
            alert_ids = swept.alert_ids,
            export_tokens = swept.export_tokens,
            "housekeeping removed what is no longer needed"
        );
    }
    swept
}

/// Cleans up at start and then every [`EVERY`] until `shutdown` turns true.
pub async fn run(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        sweep_once(&*store, &*clock).await;
        tokio::select! {
            () = tokio::time::sleep(EVERY) => {}
            _ = shutdown.changed() => return,
        }
    }
}
