//! The Messenger webhook's durable sink: accepted events go to the store's inbox.
//!
//! Webhook requests arriving together are written in one transaction (group commit): a
//! single writer task takes every batch waiting in its queue, inserts them at once and then
//! answers each request. Under load this turns many small transactions into a few larger
//! ones; an idle bot still commits each request immediately.

use std::sync::Arc;

use async_trait::async_trait;
use bankbot_messenger::{EventSink, InboundEvent, PAGE_INBOX_APP_ID, SinkError};
use bankbot_store::{InsertOutcome, NewInboxEvent, Store};
use tokio::sync::{Notify, mpsc, oneshot};

use crate::messenger::user_event;

/// Wakes a loop when work arrives (new inbox events, new replies).
pub type Wakeup = Arc<Notify>;

/// Most events written in one group commit.
const GROUP_LIMIT: usize = 512;

/// One request's events waiting for the writer, and where to send its outcome.
struct Pending {
    rows: Vec<NewInboxEvent>,
    done: oneshot::Sender<Result<Vec<InsertOutcome>, String>>,
}

/// Stores every actionable webhook event in the inbox, deduplicated by event id; the
/// webhook answers 200 only after the transaction holding it committed.
#[derive(Clone)]
pub struct InboxSink {
    queue: mpsc::Sender<Pending>,
    page_inbox_app_id: u64,
}

impl std::fmt::Debug for InboxSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InboxSink")
            .field("page_inbox_app_id", &self.page_inbox_app_id)
            .finish_non_exhaustive()
    }
}

impl InboxSink {
    /// A sink writing to `store` and waking the dispatcher through `wakeup`. Spawns the
    /// writer task, so it must be called inside a Tokio runtime.
    pub fn new(store: Arc<dyn Store>, wakeup: Wakeup) -> Self {
        let (queue, incoming) = mpsc::channel(4 * GROUP_LIMIT);
        tokio::spawn(write_groups(store, wakeup, incoming));
        InboxSink {
            queue,
            page_inbox_app_id: PAGE_INBOX_APP_ID,
        }
    }

    /// The Page Inbox app a hand-over passes the thread to, when the Page uses another one
    /// than Meta's (`[messenger] page_inbox_app_id`).
    #[must_use]
    pub fn with_page_inbox_app_id(mut self, app_id: u64) -> Self {
        self.page_inbox_app_id = app_id;
        self
    }
}

/// The writer task: one transaction for everything queued, then the answers.
async fn write_groups(
    store: Arc<dyn Store>,
    wakeup: Wakeup,
    mut incoming: mpsc::Receiver<Pending>,
) {
    while let Some(first) = incoming.recv().await {
        let mut group = vec![first];
        let mut rows: usize = group[0].rows.len();
        while rows < GROUP_LIMIT {
            match incoming.try_recv() {
                Ok(next) => {
                    rows += next.rows.len();
                    group.push(next);
                }
                Err(_) => break,
            }
        }
        let all: Vec<NewInboxEvent> = group.iter().flat_map(|p| p.rows.iter().cloned()).collect();
        match store.insert_events(&all).await {
            Ok(outcomes) => {
                let inserted = outcomes.contains(&InsertOutcome::Inserted);
                let mut rest = outcomes.into_iter();
                for pending in group {
                    let mine: Vec<InsertOutcome> = rest.by_ref().take(pending.rows.len()).collect();
                    let _ = pending.done.send(Ok(mine));
                }
                if inserted {
                    wakeup.notify_waiters();
                    wakeup.notify_one();
                }
            }
            Err(err) => {
                let message = err.to_string();
                for pending in group {
                    let _ = pending.done.send(Err(message.clone()));
                }
            }
        }
    }
}

#[async_trait]
impl EventSink for InboxSink {
    async fn accept(&self, events: Vec<InboundEvent>) -> Result<(), SinkError> {
        // The row's time is when it was accepted (system clock, like all queue timing), not
        // the event's own date: housekeeping keeps a finished id a day from this instant,
        // so even an event dated long ago still recognises its re-deliveries.
        let accepted_at = chrono::Utc::now();
        let rows: Vec<NewInboxEvent> = events
            .iter()
            .filter_map(|e| {
                let user_event = user_event(e, self.page_inbox_app_id)?;
                let payload = serde_json::to_string(&user_event).ok()?;
                Some(NewInboxEvent {
                    event_id: e.event_id.clone(),
                    user: e.user_id.clone(),
                    payload,
                    received_at: accepted_at,
                    // A user's events are answered in Meta's order, whichever instance
                    // received them first.
                    sent_at: Some(e.timestamp),
                })
            })
            .collect();
        if rows.is_empty() {
            return Ok(());
        }
        let (done, outcome) = oneshot::channel();
        self.queue
            .send(Pending { rows, done })
            .await
            .map_err(|_| SinkError::Unavailable("inbox writer stopped".into()))?;
        let outcomes = outcome
            .await
            .map_err(|_| SinkError::Unavailable("inbox writer stopped".into()))?
            .map_err(SinkError::Unavailable)?;
        let duplicates = outcomes
            .iter()
            .filter(|o| **o == InsertOutcome::Duplicate)
            .count();
        if duplicates > 0 {
            tracing::info!(duplicates, "re-delivered webhook events ignored");
        }
        Ok(())
    }
}
