//! Inbox workers: one user's events strictly in order, different users concurrently.
//!
//! Queue timing (claims, retries, crash recovery) always follows the system clock: the
//! bot's own clock (`BANKBOT_NOW`) only decides what "today" means for customers.

use std::sync::Arc;
use std::time::Duration;

use bankbot_core::{Clock, SystemClock};
use bankbot_store::{InboxEvent, OutboxMessage};
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;

use crate::{Bot, RuntimeError, UserEvent};

/// Knobs of the dispatcher.
#[derive(Debug, Clone)]
pub struct DispatcherOptions {
    /// Concurrent workers (each handles one user at a time).
    pub workers: usize,
    /// How often idle workers look for work nobody announced.
    pub poll_interval: Duration,
    /// Attempts before an event is set aside as failed.
    pub max_attempts: u32,
}

impl Default for DispatcherOptions {
    fn default() -> Self {
        DispatcherOptions {
            workers: 8,
            poll_interval: Duration::from_millis(250),
            max_attempts: 5,
        }
    }
}

/// Runs the inbox workers.
#[derive(Clone)]
pub struct Dispatcher {
    bot: Arc<Bot>,
    inbox_wakeup: Arc<Notify>,
    outbox_wakeup: Arc<Notify>,
    options: DispatcherOptions,
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Dispatcher {
    /// Workers for `bot`; `inbox_wakeup` announces new events, `outbox_wakeup` is told of
    /// new replies.
    pub fn new(
        bot: Arc<Bot>,
        inbox_wakeup: Arc<Notify>,
        outbox_wakeup: Arc<Notify>,
        options: DispatcherOptions,
    ) -> Self {
        Dispatcher {
            bot,
            inbox_wakeup,
            outbox_wakeup,
            options,
        }
    }

    /// Puts events left mid-processing by a crash back in the queue, then runs the workers
    /// until `shutdown` turns true; each worker finishes the event in hand first.
    pub async fn run(self, shutdown: watch::Receiver<bool>) -> Result<(), RuntimeError> {
        let recovered = self.bot.store.recover_processing(SystemClock.now()).await?;
        if recovered > 0 {
            tracing::warn!(recovered, "events left mid-processing were queued again");
        }
        let mut workers = JoinSet::new();
        for _ in 0..self.options.workers.max(1) {
            let me = self.clone();
            let stop = shutdown.clone();
            workers.spawn(async move { me.work(stop).await });
        }
        while workers.join_next().await.is_some() {}
        Ok(())
    }

    async fn work(&self, mut shutdown: watch::Receiver<bool>) {
        loop {
            if *shutdown.borrow() {
                return;
            }
            match self.bot.store.claim_next(SystemClock.now()).await {
                Ok(Some(event)) => self.process(event).await,
                Ok(None) => {
                    tokio::select! {
                        () = self.inbox_wakeup.notified() => {}
                        () = tokio::time::sleep(self.options.poll_interval) => {}
                        _ = shutdown.changed() => {}
                    }
                }
                Err(err) => {
                    tracing::error!(%err, "claiming inbox events failed");
                    tokio::time::sleep(self.options.poll_interval).await;
                }
            }
        }
    }

    /// Handles one claimed event and records the outcome.
    pub async fn process(&self, event: InboxEvent) {
        let result = match serde_json::from_str::<UserEvent>(&event.payload) {
            Ok(user_event) => self.answer(&event, &user_event).await,
            Err(err) => Err(RuntimeError::Decode(err.to_string())),
        };
        let Err(err) = result else {
            return;
        };
        let attempts = event.attempts + 1;
        let retry_at = (err.is_retryable() && attempts < self.options.max_attempts).then(|| {
            let secs = 2i64.saturating_pow(attempts.min(10));
            SystemClock.now() + chrono::Duration::seconds(secs)
        });
        tracing::warn!(%err, attempts, retry = retry_at.is_some(), "event processing failed");
        if let Err(store_err) = self
            .bot
            .store
            .fail_event(&event.event_id, &err.to_string(), retry_at)
            .await
        {
            tracing::error!(%store_err, "could not record a failed event");
        }
    }

    async fn answer(&self, event: &InboxEvent, user_event: &UserEvent) -> Result<(), RuntimeError> {
        let (replies, label) = match user_event {
            UserEvent::Alert { .. } | UserEvent::AlertDue { .. } => {
                self.bot.alert_event(&event.user, user_event).await?
            }
            _ => (
                self.bot.handle(&event.user, user_event).await?,
                "RESPONSE".to_owned(),
            ),
        };
        let messages = replies
            .iter()
            .filter_map(|r| serde_json::to_string(r).ok())
            .map(|payload| OutboxMessage::new(event.user.clone(), label.as_str(), payload))
            .collect::<Vec<_>>();
        let queued = !messages.is_empty();
        self.bot
            .store
            .complete_event(&event.event_id, messages, SystemClock.now())
            .await?;
        if queued {
            self.outbox_wakeup.notify_one();
        }
        Ok(())
    }
}
