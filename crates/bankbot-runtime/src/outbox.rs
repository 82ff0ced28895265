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
/// Whether a finishing call found the claim still held: `false` (logged) when it was lost
/// (taken back after the claim timeout and perhaps another sender's now).
fn owned(result: Result<(), bankbot_store::StoreError>) -> Result<bool, RuntimeError> {
    match result {
        Ok(()) => Ok(true),
        Err(bankbot_store::StoreError::NotClaimed) => {
            tracing::warn!("outbox claim lost; leaving the user's replies to their new owner");
            Ok(false)
        }
        Err(err) => Err(err.into()),
    }
}

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
        let claimed_at = tokio::time::Instant::now();
        let claimed = self
            .store
            .claim_due(self.clock.now(), self.options.batch)
            .await?;
        let lease = self
            .options
            .claim_timeout
            .map(|t| claimed_at + crate::claims::send_lease(t));
        let handled = claimed.len();
        let mut by_user: BTreeMap<UserId, Vec<OutboxEntry>> = BTreeMap::new();
        for entry in claimed {
            by_user.entry(entry.user.clone()).or_default().push(entry);
        }
        let deliveries = by_user
            .into_values()
            .map(|entries| self.deliver_in_order(entries, lease));
        let mut failure = None;
        for result in futures::future::join_all(deliveries).await {
            if let Err(err) = result {
                failure = Some(err);
            }
        }
        match failure {
            Some(err) => Err(err),
            None => Ok(handled),
        }
    }

    /// One user's messages, oldest first; a failure holds back the ones after it. Each
    /// delivered message is marked sent at once (under its claim's fence), so a crash
    /// leaves at most the message in hand in doubt. Past the `lease` (instances sharing a
    /// database) nothing more is sent: the rest go back to the queue for whoever claims
    /// them next. A claim found lost stops this user's round (another sender owns it).
    async fn deliver_in_order(
        &self,
        entries: Vec<OutboxEntry>,
        lease: Option<tokio::time::Instant>,
    ) -> Result<(), RuntimeError> {
        let mut held_until = None;
        for entry in entries {
            let claim = entry.claim();
            let lease_over = lease.is_some_and(|end| tokio::time::Instant::now() >= end);
            if lease_over && held_until.is_none() {
                tracing::warn!("send lease over; the user's replies go back to the queue");
                held_until = Some(self.clock.now());
            }
            if let Some(at) = held_until {
                let reason = match lease_over {
                    true => "send_lease_over",
                    false => "held_behind_earlier",
                };
                if !owned(self.store.reschedule(claim, at, reason).await)? {
                    return Ok(());
                }
                continue;
            }
            let reply: Reply = match serde_json::from_str(&entry.payload) {
                Ok(r) => r,
                Err(_) => {
                    tracing::error!(id = entry.id, "undecodable outbox payload");
                    if !owned(self.store.give_up(claim, "undecodable").await)? {
                        return Ok(());
                    }
                    continue;
                }
            };
            let outcome = match self
                .sender
                .send(&entry.user, &reply, &entry.messaging_type)
                .await
            {
                Ok(()) => self.store.mark_sent(claim).await,
                Err(DeliveryError::GiveUp { reason }) => {
                    tracing::warn!(reason, "reply undeliverable");
                    self.store.give_up(claim, reason).await
                }
                Err(DeliveryError::Retry { reason, after }) => {
                    if entry.attempts + 1 >= self.options.max_attempts {
                        tracing::warn!(
                            reason,
                            attempts = entry.attempts + 1,
                            "giving up on a reply"
                        );
                        self.store.give_up(claim, reason).await
                    } else {
                        let delay = after.unwrap_or_else(|| self.backoff(entry.attempts + 1));
                        let at = self.clock.now()
                            + chrono::Duration::from_std(delay)
                                .unwrap_or(chrono::Duration::seconds(1));
                        tracing::info!(reason, ?delay, "reply delivery will be retried");
                        held_until = Some(at);
                        self.store.reschedule(claim, at, reason).await
                    }
                }
            };
            if !owned(outcome)? {
                return Ok(());
            }
        }
        Ok(())
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
