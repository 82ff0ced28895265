//! The Messenger webhook's durable sink: accepted events go to the store's inbox.

use std::sync::Arc;

use async_trait::async_trait;
use bankbot_messenger::{EventSink, InboundEvent, SinkError};
use bankbot_store::{InsertOutcome, NewInboxEvent, Store};
use tokio::sync::Notify;

use crate::messenger::user_event;

/// Wakes a loop when work arrives (new inbox events, new replies).
pub type Wakeup = Arc<Notify>;

/// Stores every actionable webhook event in the inbox, deduplicated by event id, in one
/// transaction; the webhook answers 200 only after that.
#[derive(Clone)]
pub struct InboxSink {
    store: Arc<dyn Store>,
    wakeup: Wakeup,
}

impl std::fmt::Debug for InboxSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InboxSink").finish_non_exhaustive()
    }
}

impl InboxSink {
    /// A sink writing to `store` and waking the dispatcher through `wakeup`.
    pub fn new(store: Arc<dyn Store>, wakeup: Wakeup) -> Self {
        InboxSink { store, wakeup }
    }
}

#[async_trait]
impl EventSink for InboxSink {
    async fn accept(&self, events: Vec<InboundEvent>) -> Result<(), SinkError> {
        let rows: Vec<NewInboxEvent> = events
            .iter()
            .filter_map(|e| {
                let user_event = user_event(e)?;
                let payload = serde_json::to_string(&user_event).ok()?;
                Some(NewInboxEvent {
                    event_id: e.event_id.clone(),
                    user: e.user_id.clone(),
                    payload,
                    received_at: e.timestamp,
                })
            })
            .collect();
        if rows.is_empty() {
            return Ok(());
        }
        let outcomes = self
            .store
            .insert_events(&rows)
            .await
            .map_err(|e| SinkError::Unavailable(e.to_string()))?;
        let duplicates = outcomes
            .iter()
            .filter(|o| **o == InsertOutcome::Duplicate)
            .count();
        if duplicates > 0 {
            tracing::info!(duplicates, "re-delivered webhook events ignored");
        }
        if duplicates < outcomes.len() {
            self.wakeup.notify_waiters();
            self.wakeup.notify_one();
        }
        Ok(())
    }
}
