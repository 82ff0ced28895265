//! Delivering queued replies: in order per user, concurrently across users, with retry.
//!
//! The outbox owns the retries of replies: a failed send is rescheduled in the queue with
//! [`Backoff`] (the channel makes one attempt per call), and a round that cannot reach the
//! store is tried again after a growing, jittered pause ([`FailureStreak`]).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bankbot_core::{Backoff, Clock, FailureStreak, OutboxLabel, Reply, UserId};
use bankbot_store::{OutboxEntry, Store};
use tokio::sync::{Notify, watch};

use crate::RuntimeError;
use crate::claims::until_recorded;
use crate::sent_marks::SentMarks;

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
    /// Sends `reply` the way `label` asks (a response, an update, a utility template …).
    async fn send(
        &self,
        user: &UserId,
        reply: &Reply,
        label: &OutboxLabel,
    ) -> Result<(), DeliveryError>;
}

/// Knobs of the sender loop.
#[derive(Debug, Clone)]
pub struct OutboxOptions {
    /// Messages claimed per round.
    pub batch: u32,
    /// Attempts in all, the first included, before giving up on a message.
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
    /// Delivered replies are recorded through here, in groups.
    sent: Arc<SentMarks>,
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
            sent: Arc::new(SentMarks::new(store.clone())),
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
        let mut outage = FailureStreak::new(crate::claims::STORE_BACKOFF);
        let mut outage_since = None;
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
                Ok(n) => {
                    if let Some(since) = outage_since.take() {
                        outage.succeeded();
                        self.after_outage(since).await;
                    }
                    n
                }
                Err(err) => {
                    outage_since.get_or_insert_with(|| self.clock.now());
                    let pause = outage.failed();
                    tracing::error!(%err, failures = outage.failures(), ?pause, "outbox round failed");
                    tokio::select! {
                        () = tokio::time::sleep(pause) => {}
                        _ = shutdown.changed() => {}
                    }
                    continue;
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
    /// delivered message is marked sent at once (under its claim's fence; marks of users
    /// delivered at the same moment share one statement), so a crash leaves at most the
    /// message in hand in doubt. Past the `lease` (instances sharing a
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
                let store = &self.store;
                let outcome =
                    until_recorded("held reply", || store.reschedule(claim, at, reason)).await;
                if !owned(outcome)? {
                    return Ok(());
                }
                continue;
            }
            let decoded = serde_json::from_str::<Reply>(&entry.payload)
                .ok()
                .zip(entry.label.as_ref().ok());
            let (reply, label) = match decoded {
                Some(decoded) => decoded,
                None if entry.label.is_err() => {
                    tracing::error!(id = entry.id, "outbox label unknown to this version");
                    let store = &self.store;
                    let outcome =
                        until_recorded("unknown label", || store.give_up(claim, "unknown_label"))
                            .await;
                    if !owned(outcome)? {
                        return Ok(());
                    }
                    continue;
                }
                None => {
                    tracing::error!(id = entry.id, "undecodable outbox payload");
                    let store = &self.store;
                    let outcome =
                        until_recorded("undecodable reply", || store.give_up(claim, "undecodable"))
                            .await;
                    if !owned(outcome)? {
                        return Ok(());
                    }
                    continue;
                }
            };
            let outcome = match self.sender.send(&entry.user, &reply, label).await {
                // Meta has the reply: record it even through an outage, or it goes again.
                Ok(()) => until_recorded("sent reply", || self.sent.mark_sent(claim)).await,
                Err(DeliveryError::GiveUp { reason }) => {
                    tracing::warn!(reason, "reply undeliverable");
                    until_recorded("undeliverable reply", || self.store.give_up(claim, reason))
                        .await
                }
                Err(DeliveryError::Retry { reason, after }) => {
                    // The claim counted this attempt already.
                    if entry.attempts >= self.options.max_attempts {
                        tracing::warn!(reason, attempts = entry.attempts, "giving up on a reply");
                        until_recorded("abandoned reply", || self.store.give_up(claim, reason))
                            .await
                    } else {
                        let delay = after.unwrap_or_else(|| self.backoff().delay(entry.attempts));
                        let at = self.clock.now()
                            + chrono::Duration::from_std(delay)
                                .unwrap_or(chrono::Duration::seconds(1));
                        tracing::info!(reason, ?delay, "reply delivery will be retried");
                        held_until = Some(at);
                        until_recorded("rescheduled reply", || {
                            self.store.reschedule(claim, at, reason)
                        })
                        .await
                    }
                }
            };
            if !owned(outcome)? {
                return Ok(());
            }
        }
        Ok(())
    }

    /// The store is back after failing since `since`; as
    /// [`Dispatcher`](crate::Dispatcher) does for events, one process per database queues
    /// again the messages claimed before the outage and never finished (their claim
    /// committed, its answer lost). Every finishing call is fenced and kept trying through
    /// an outage, so a message this process still holds is never sent twice by it.
    async fn after_outage(&self, since: chrono::DateTime<chrono::Utc>) {
        if self.options.claim_timeout.is_some() {
            return;
        }
        match self.store.recover_sending(since).await {
            Ok(0) => {}
            Ok(recovered) => {
                tracing::warn!(
                    recovered,
                    "messages claimed before the outage were queued again"
                );
            }
            Err(err) => tracing::error!(%err, "taking back messages after the outage failed"),
        }
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

    fn backoff(&self) -> Backoff {
        Backoff::new(self.options.base_backoff, self.options.max_backoff)
    }
}
