//! The background loop that wakes held alerts: quiet hours over, fraud reminder due.
//!
//! Each due alert becomes an inbox event (`UserEvent::AlertDue`) with an id made of the
//! alert, the user and the due instant, so a crash or a second instance only produces
//! duplicates the inbox drops. The runtime then clears or reschedules the row.

use std::sync::Arc;
use std::time::Duration;

use bankbot_core::Clock;
use bankbot_store::{NewInboxEvent, Store, StoreResult};
use tokio::sync::{Notify, watch};

use crate::due_payload;

/// Due alerts moved per round.
const BATCH: u32 = 500;

/// Moves the alerts due at `clock.now()` to the inbox; returns how many were new.
pub async fn sweep_once(
    store: &dyn Store,
    clock: &dyn Clock,
    wakeup: &Notify,
) -> StoreResult<usize> {
    let now = clock.now();
    let due = store.due_alerts(now, BATCH).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let rows: Vec<NewInboxEvent> = due
        .iter()
        .map(|h| {
            let when = h.due_at.map(|d| d.timestamp_micros()).unwrap_or_default();
            NewInboxEvent {
                event_id: format!("{}:due:{when}", crate::inbox_event_id(&h.alert_id, &h.user)),
                user: h.user.clone(),
                payload: due_payload(&h.alert_id),
                received_at: now,
                sent_at: None,
            }
        })
        .collect();
    let outcomes = store.insert_events(&rows).await?;
    let new = outcomes
        .iter()
        .filter(|o| **o == bankbot_store::InsertOutcome::Inserted)
        .count();
    if new > 0 {
        wakeup.notify_waiters();
        wakeup.notify_one();
        tracing::debug!(new, "held alerts due");
    }
    Ok(new)
}

/// Sweeps every `interval` until `shutdown` turns true.
pub async fn run(
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    wakeup: Arc<Notify>,
    interval: Duration,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        if *shutdown.borrow() {
            return;
        }
        if let Err(err) = sweep_once(store.as_ref(), clock.as_ref(), &wakeup).await {
            tracing::error!(%err, "sweeping held alerts failed");
        }
        tokio::select! {
            () = tokio::time::sleep(interval) => {}
            _ = shutdown.changed() => {}
        }
    }
}
