//! Inbox workers: one user's events strictly in order, different users concurrently.
//!
//! Queue timing (claims, retries, crash recovery) always follows the system clock: the
//! bot's own clock (`BANKBOT_NOW`) only decides what "today" means for customers.
//!
//! When the database goes away the workers back off ([`FailureStreak`]) instead of
//! spinning, keep the claims in hand until their outcome is recorded
//! (`claims::until_recorded`), and once it is back a single process takes back the claims
//! left from before the outage (instances sharing a database do so after the claim
//! timeout, as for a dead peer).

use std::sync::Arc;
use std::time::Duration;

use bankbot_core::{Backoff, Clock, FailureStreak, SystemClock};
use bankbot_core::{OutboxLabel, UserId};
use bankbot_store::{Completion, InboxEvent, OutboxMessage, SessionWrite};
use futures::StreamExt;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;

use crate::claims;
use crate::{Bot, RuntimeError, TurnData, UserEvent};

/// How long a failed event waits before its next attempt: up to 2 s after the first,
/// doubling, at most 5 minutes, with full jitter.
const EVENT_RETRY: Backoff = Backoff::new(Duration::from_secs(2), Duration::from_secs(300));

/// Knobs of the dispatcher.
#[derive(Debug, Clone)]
pub struct DispatcherOptions {
    /// Worker loops; each claims a batch of events of distinct users, answers them
    /// concurrently and records the outcomes in one transaction.
    pub workers: usize,
    /// Events one worker claims at a time: the claim, the loading of what the turns start
    /// from ([`Bot::prefetch`]) and the recording of the outcomes are shared by the batch.
    pub batch: u32,
    /// Turns one worker runs at once (at least 1): a batch larger than this is answered
    /// this many turns at a time, so the store calls the turns make themselves (linking an
    /// account, consents, hand-overs) stay as many as with a batch of this size however
    /// large the batch, and cannot starve the connection pool.
    pub turns_at_once: usize,
    /// How often idle workers look for work nobody announced.
    pub poll_interval: Duration,
    /// Attempts in all, the first included, before an event is set aside as failed.
    pub max_attempts: u32,
    /// `None` (one process per database): at start-up every claimed event was left by a
    /// crash and is queued again. `Some(t)` (instances sharing a database): only claims
    /// older than `t` are taken back, at start-up and then periodically: a dead peer's work
    /// is picked up, a live one's left alone while younger than `t`. Claims are fenced: a
    /// turn outliving `t` is answered by whoever claims it next, and its own late results
    /// are dropped (logged), so keep `t` above the longest turn to avoid the wasted work.
    pub claim_timeout: Option<Duration>,
}

impl Default for DispatcherOptions {
    fn default() -> Self {
        DispatcherOptions {
            workers: 2,
            batch: 64,
            turns_at_once: 16,
            poll_interval: Duration::from_millis(250),
            max_attempts: 5,
            claim_timeout: None,
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
    /// While the database cannot be reached, the first recovery is tried again with backoff.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) -> Result<(), RuntimeError> {
        let mut outage = FailureStreak::new(claims::STORE_BACKOFF);
        loop {
            match self.recover_stale_claims().await {
                Ok(_) => break,
                Err(RuntimeError::Store(err)) if err.is_retryable() => {
                    let pause = outage.failed();
                    tracing::error!(
                        error = err.kind(),
                        ?pause,
                        "store unavailable at start; waiting"
                    );
                    tokio::select! {
                        () = tokio::time::sleep(pause) => {}
                        _ = shutdown.changed() => {}
                    }
                    if *shutdown.borrow() {
                        return Ok(());
                    }
                }
                Err(err) => return Err(err),
            }
        }
        let mut workers = JoinSet::new();
        if let Some(timeout) = self.options.claim_timeout {
            let me = self.clone();
            let stop = shutdown.clone();
            workers.spawn(async move { me.reclaim_periodically(timeout, stop).await });
        }
        for _ in 0..self.options.workers.max(1) {
            let me = self.clone();
            let stop = shutdown.clone();
            workers.spawn(async move { me.work(stop).await });
        }
        while workers.join_next().await.is_some() {}
        Ok(())
    }

    /// Queues again the events whose claim is stale (see
    /// [`DispatcherOptions::claim_timeout`]); returns how many.
    pub async fn recover_stale_claims(&self) -> Result<u64, RuntimeError> {
        let cutoff = claims::stale_cutoff(SystemClock.now(), self.options.claim_timeout);
        let recovered = self.bot.store.recover_processing(cutoff).await?;
        if recovered > 0 {
            tracing::warn!(recovered, "events left mid-processing were queued again");
            self.inbox_wakeup.notify_waiters();
        }
        Ok(recovered)
    }

    async fn reclaim_periodically(&self, timeout: Duration, mut shutdown: watch::Receiver<bool>) {
        let every = claims::reclaim_interval(timeout);
        loop {
            tokio::select! {
                () = tokio::time::sleep(every) => {}
                _ = shutdown.changed() => {}
            }
            if *shutdown.borrow() {
                return;
            }
            if let Err(err) = self.recover_stale_claims().await {
                tracing::error!(%err, "taking back stale inbox claims failed");
            }
        }
    }

    async fn work(&self, mut shutdown: watch::Receiver<bool>) {
        let mut outage = FailureStreak::new(claims::STORE_BACKOFF);
        let mut outage_since = None;
        loop {
            if *shutdown.borrow() {
                return;
            }
            let claimed = self
                .bot
                .store
                .claim_events(SystemClock.now(), self.options.batch.max(1))
                .await;
            if claimed.is_ok()
                && let Some(since) = outage_since.take()
            {
                outage.succeeded();
                self.after_outage(since).await;
            }
            match claimed {
                Ok(events) if !events.is_empty() => self.process_batch(events).await,
                Ok(_) => {
                    tokio::select! {
                        () = self.inbox_wakeup.notified() => {}
                        () = tokio::time::sleep(self.options.poll_interval) => {}
                        _ = shutdown.changed() => {}
                    }
                }
                Err(err) => {
                    outage_since.get_or_insert_with(|| SystemClock.now());
                    let pause = outage.failed();
                    tracing::error!(%err, failures = outage.failures(), ?pause, "claiming inbox events failed");
                    tokio::select! {
                        () = tokio::time::sleep(pause) => {}
                        _ = shutdown.changed() => {}
                    }
                }
            }
        }
    }

    /// The database is back after failing since `since`. One process per database
    /// (no claim timeout): a claim made before the outage may have committed while its
    /// answer was lost on the way (the connection died), leaving the event `processing`
    /// with no worker on it; such claims are queued again. A worker still holding one of
    /// them finds its claim fenced off and drops its late result, so nothing is answered
    /// twice. Instances sharing a database leave this to the periodic, timeout-based
    /// recovery: a peer's live claim is not taken early.
    async fn after_outage(&self, since: chrono::DateTime<chrono::Utc>) {
        if self.options.claim_timeout.is_some() {
            return;
        }
        match self.bot.store.recover_processing(since).await {
            Ok(0) => {}
            Ok(recovered) => {
                tracing::warn!(
                    recovered,
                    "claims left from before the outage were queued again"
                );
                self.inbox_wakeup.notify_waiters();
            }
            Err(err) => tracing::error!(%err, "taking back claims after the outage failed"),
        }
    }

    /// Answers claimed events (of distinct users) concurrently, then records the answered
    /// ones and their replies in one transaction; failures are recorded one by one.
    pub async fn process_batch(&self, events: Vec<InboxEvent>) {
        let decoded: Vec<Result<UserEvent, RuntimeError>> = events
            .iter()
            .map(|e| {
                serde_json::from_str(&e.payload)
                    .map_err(|err| RuntimeError::Decode(err.to_string()))
            })
            .collect();
        // What the conversation turns start from, for the whole batch at once (its users
        // are distinct; alerts read what they need themselves).
        let users: Vec<UserId> = events
            .iter()
            .zip(&decoded)
            .filter(|(_, d)| matches!(d, Ok(e) if !e.is_alert()))
            .map(|(e, _)| e.user.clone())
            .collect();
        let mut prefetched = match users.is_empty() {
            true => None,
            false => match self.bot.prefetch(&users).await {
                Ok(p) => Some(p),
                Err(err) => {
                    tracing::warn!(%err, "loading the batch's sessions failed; loading one by one");
                    None
                }
            },
        };
        // A user seen twice (claims never do that) loads for itself.
        let mut seen = std::collections::HashSet::new();
        let loaded: Vec<Option<TurnData>> = events
            .iter()
            .map(|e| {
                let first = seen.insert(&e.user);
                prefetched
                    .as_mut()
                    .filter(|_| first)
                    .map(|p| p.take(&e.user))
            })
            .collect();
        // In order, at most `turns_at_once` at a time (the turns are gathered first: a
        // stream over the mapping closure would not be `Send` for the spawned worker).
        let turns: Vec<_> = events
            .iter()
            .zip(decoded)
            .zip(loaded)
            .map(|((e, decoded), loaded)| self.answer(e, decoded, loaded))
            .collect();
        let answers: Vec<_> = futures::stream::iter(turns)
            .buffered(self.options.turns_at_once.max(1))
            .collect()
            .await;
        let mut completions = Vec::new();
        for (event, answer) in events.iter().zip(answers) {
            match answer {
                Ok((replies, session, audit)) => completions.push(Completion {
                    event_id: event.event_id.clone(),
                    fence: event.fence,
                    replies,
                    session,
                    audit,
                }),
                Err(err) => self.record_failure(event, &err).await,
            }
        }
        if completions.is_empty() {
            return;
        }
        let ids: Vec<String> = completions.iter().map(|c| c.event_id.clone()).collect();
        let with_replies: Vec<String> = completions
            .iter()
            .filter(|c| !c.replies.is_empty())
            .map(|c| c.event_id.clone())
            .collect();
        let store = &self.bot.store;
        let recorded = claims::until_recorded("answered events", || {
            store.complete_events(completions.clone(), SystemClock.now())
        })
        .await;
        match recorded {
            Ok(lost) => {
                if !lost.is_empty() {
                    // Taken back after the claim timeout (and perhaps answered elsewhere):
                    // these answers are stale and were dropped with their replies.
                    tracing::warn!(
                        events = lost.len(),
                        "claims lost before completion; their results were dropped"
                    );
                }
                if with_replies.iter().any(|id| !lost.contains(id)) {
                    self.outbox_wakeup.notify_one();
                }
            }
            Err(err) => {
                // Refused for good (not an outage): nothing was recorded; each event is
                // recorded as failed, to be retried or set aside.
                tracing::error!(%err, events = ids.len(), "recording answered events failed");
                let err = RuntimeError::from(err);
                for event in events.iter().filter(|e| ids.contains(&e.event_id)) {
                    self.record_failure(event, &err).await;
                }
            }
        }
    }

    async fn record_failure(&self, event: &InboxEvent, err: &RuntimeError) {
        // The claim counted this attempt already.
        let attempts = event.attempts;
        let retry_at = (err.is_retryable() && attempts < self.options.max_attempts).then(|| {
            let delay = EVENT_RETRY.delay(attempts);
            SystemClock.now()
                + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::seconds(1))
        });
        tracing::warn!(%err, attempts, retry = retry_at.is_some(), "event processing failed");
        // The stored reason is the error's short kind: a message may be longer than the
        // column's label limit, and refusing it would leave the event claimed.
        let store = &self.bot.store;
        let recorded = claims::until_recorded("failed event", || {
            store.fail_event(&event.event_id, event.fence, err.kind(), retry_at)
        })
        .await;
        match recorded {
            Ok(()) => {}
            Err(bankbot_store::StoreError::NotClaimed) => {
                tracing::warn!("claim lost before the failure was recorded; dropped");
            }
            Err(store_err) => tracing::error!(%store_err, "could not record a failed event"),
        }
    }

    /// The replies to one event, ready for the outbox, and the session and audit entries to
    /// save with them.
    async fn answer(
        &self,
        event: &InboxEvent,
        decoded: Result<UserEvent, RuntimeError>,
        loaded: Option<TurnData>,
    ) -> Result<
        (
            Vec<OutboxMessage>,
            Option<SessionWrite>,
            Vec<bankbot_store::AuditEntry>,
        ),
        RuntimeError,
    > {
        let user_event = decoded?;
        let (replies, session, audit) = match &user_event {
            e if e.is_alert() => (
                self.bot.alert_event(&event.user, &user_event).await?,
                None,
                Vec::new(),
            ),
            _ => {
                let turn = match loaded {
                    Some(data) => self.bot.turn_with(&event.user, &user_event, data).await?,
                    None => self.bot.turn(&event.user, &user_event).await?,
                };
                let replies = turn
                    .replies
                    .into_iter()
                    .map(|r| (r, OutboxLabel::Response))
                    .collect();
                (replies, turn.session, turn.audit)
            }
        };
        let messages = replies
            .iter()
            .filter_map(|(r, label)| Some((serde_json::to_string(r).ok()?, label)))
            .map(|(payload, label)| OutboxMessage::new(event.user.clone(), label.clone(), payload))
            .collect();
        Ok((messages, session, audit))
    }
}
