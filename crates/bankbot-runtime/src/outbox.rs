//! Delivering queued replies: in order per user, concurrently across users, with retry.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bankbot_core::{Clock, Reply, UserId};
use bankbot_store::{OutboxEntry, Store};
use rand::Rng;
use tokio::sync::{Notify, watch};

use crate::RuntimeError;

/// Why a reply could not be delivered, as the sender loop must treat it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DeliveryError {
    /// Worth trying again later (after `after` when the channel said so).
    #[error("retry later: {reason}")]
    Retry {
        /// A data-free label.
        reason: &'static str,
        /// The channel's requested delay.
        after: Option<Duration>,
    },
    /// Will never succeed (user unreachable, window closed, invalid reply …).
    #[error("undeliverable: {reason}")]
    GiveUp {
        /// A data-free label.
        reason: &'static str,
    },
}

/// Delivers one reply to one user on a channel.
#[async_trait]
pub trait ReplySender: Send + Sync {
    /// Sends `reply`; `messaging_type` is the channel's label (`RESPONSE`, `UPDATE` …).
    async fn send(
        &self,
        user: &UserId,
        reply: &Reply,
        messaging_type: &str,
    ) -> Result<(), DeliveryError>;
}

/// Knobs of the sender loop.
#[derive(Debug, Clone)]
pub struct OutboxOptions {
    /// Messages claimed per round.
    pub batch: u32,
    /// Attempts before giving up on a message.
    pub max_attempts: u32,
    /// Backoff before the first retry; doubles per attempt, with full jitter.
    pub base_backoff: Duration,
    /// Backoff ceiling.
    pub max_backoff: Duration,
    /// How often to look for due messages when nobody wakes the loop.
    pub poll_interval: Duration,
    /// As [`DispatcherOptions::claim_timeout`](crate::DispatcherOptions::claim_timeout),
    /// for messages being sent.
    pub claim_timeout: Option<Duration>,
}

impl Default for OutboxOptions {
    fn default() -> Self {
        OutboxOptions {
            batch: 64,
            max_attempts: 8,
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(300),
            poll_interval: Duration::from_millis(250),
            claim_timeout: None,
        }
    }
}

/// The loop that delivers the outbox.
#[derive(Clone)]
pub struct OutboxSender {
    store: Arc<dyn Store>,
    sender: Arc<dyn ReplySender>,
    clock: Arc<dyn Clock>,
    options: OutboxOptions,
    wakeup: Arc<Notify>,
}

impl std::fmt::Debug for OutboxSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxSender")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl OutboxSender {
    /// A sender loop; `wakeup` is notified whenever replies are queued. `clock` times the
    /// queue (retries, recovery): give it the system clock, not a fixed demo clock.
    pub fn new(
        store: Arc<dyn Store>,
        sender: Arc<dyn ReplySender>,
        clock: Arc<dyn Clock>,
        options: OutboxOptions,
        wakeup: Arc<Notify>,
    ) -> Self {
        OutboxSender {
            store,
            sender,
            clock,
            options,
            wakeup,
        }
    }

    /// Runs until `shutdown` turns true, finishing the round in flight.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        self.recover_stale_claims().await;
        let mut last_reclaim = tokio::time::Instant::now();
        loop {
            if *shutdown.borrow() {
                return;
            }
            if let Some(timeout) = self.options.claim_timeout
                && last_reclaim.elapsed() >= crate::claims::reclaim_interval(timeout)
            {
                self.recover_stale_claims().await;
                last_reclaim = tokio::time::Instant::now();
            }
            let sent = match self.round().await {
                Ok(n) => n,
                Err(err) => {
                    tracing::error!(%err, "outbox round failed");
                    0
                }
            };
            if sent == 0 {
                tokio::select! {
                    () = self.wakeup.notified() => {}
                    () = tokio::time::sleep(self.options.poll_interval) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
    }

    /// Claims and delivers one batch; returns how many messages it handled.
    pub async fn round(&self) -> Result<usize, RuntimeError> {
        let claimed = self
            .store
            .claim_due(self.clock.now(), self.options.batch)
            .await?;
        let handled = claimed.len();
        let mut by_user: BTreeMap<UserId, Vec<OutboxEntry>> = BTreeMap::new();
        for entry in claimed {
            by_user.entry(entry.user.clone()).or_default().push(entry);
        }
        let deliveries = by_user
            .into_values()
            .map(|entries| self.deliver_in_order(entries));
        let mut sent = Vec::new();
        let mut failure = None;
        for result in futures::future::join_all(deliveries).await {
            match result {
                Ok(ids) => sent.extend(ids),
                Err(err) => failure = Some(err),
            }
        }
        // Mark what was delivered even when another user's delivery failed.
        if !sent.is_empty() {
            self.store.mark_sent_many(&sent).await?;
        }
        match failure {
            Some(err) => Err(err),
            None => Ok(handled),
        }
    }

    /// One user's messages, oldest first; a failure holds back the ones after it. Returns
    /// the ids delivered (marked sent by the caller, in one statement per round).
    async fn deliver_in_order(&self, entries: Vec<OutboxEntry>) -> Result<Vec<i64>, RuntimeError> {
        let mut held_until = None;
        let mut sent = Vec::new();
        for entry in entries {
            if let Some(at) = held_until {
                self.store
                    .reschedule(entry.id, at, "held_behind_earlier")
                    .await?;
                continue;
            }
            let reply: Reply = match serde_json::from_str(&entry.payload) {
                Ok(r) => r,
                Err(_) => {
                    tracing::error!(id = entry.id, "undecodable outbox payload");
                    self.store.give_up(entry.id, "undecodable").await?;
                    continue;
                }
            };
            match self
                .sender
                .send(&entry.user, &reply, &entry.messaging_type)
                .await
            {
                Ok(()) => sent.push(entry.id),
                Err(DeliveryError::GiveUp { reason }) => {
                    tracing::warn!(reason, "reply undeliverable");
                    self.store.give_up(entry.id, reason).await?;
                }
                Err(DeliveryError::Retry { reason, after }) => {
                    if entry.attempts + 1 >= self.options.max_attempts {
                        tracing::warn!(
                            reason,
                            attempts = entry.attempts + 1,
                            "giving up on a reply"
                        );
                        self.store.give_up(entry.id, reason).await?;
                        continue;
                    }
                    let delay = after.unwrap_or_else(|| self.backoff(entry.attempts + 1));
                    let at = self.clock.now()
                        + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::seconds(1));
                    tracing::info!(reason, ?delay, "reply delivery will be retried");
                    self.store.reschedule(entry.id, at, reason).await?;
                    held_until = Some(at);
                }
            }
        }
        Ok(sent)
    }

    /// Returns messages whose claim is stale to the queue (see
    /// [`OutboxOptions::claim_timeout`]).
    async fn recover_stale_claims(&self) {
        let cutoff = crate::claims::stale_cutoff(self.clock.now(), self.options.claim_timeout);
        match self.store.recover_sending(cutoff).await {
            Ok(0) => {}
            Ok(recovered) => tracing::warn!(recovered, "messages left mid-send were queued again"),
            Err(err) => tracing::error!(%err, "could not recover messages left mid-send"),
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .options
            .base_backoff
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(20));
        let ceiling = exp.min(self.options.max_backoff);
        let millis = u64::try_from(ceiling.as_millis())
            .unwrap_or(u64::MAX)
            .max(1);
        Duration::from_millis(rand::rng().random_range(millis / 2..=millis))
    }
}
