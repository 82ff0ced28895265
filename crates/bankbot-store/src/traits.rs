//! The store contract, one trait per area, and the combined [`Store`].
//!
//! Every operation takes the current instant from the caller (the runtime owns the clock,
//! so `BANKBOT_NOW` and tests control time).

use std::fmt;

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use bankbot_core::{CustomerRef, UserId};
use chrono::{DateTime, Utc};

use crate::{
    AuditEntry, AuditRecord, AuditVerification, Backend, Completion, Consent, DeletionReport,
    Fence, HeldAlert, InboxEvent, InsertOutcome, Link, NewInboxEvent, OutboxClaim, OutboxEntry,
    OutboxMessage, PendingLinkCode, QueueCounts, Session, StoreResult,
};

/// Account links: user → bank customer and encrypted credential.
#[async_trait]
pub trait LinkStore: Send + Sync {
    /// Links (or re-links) `user`; `linked_at` and `last_authenticated_at` become `now`.
    async fn save_link(
        &self,
        user: &UserId,
        customer: &CustomerRef,
        credential: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// The user's link, decrypted; `None` when not linked.
    async fn link(&self, user: &UserId) -> StoreResult<Option<Link>>;
    /// The links of several users at once (a user without one is absent), for loading a
    /// batch in one round trip. The default asks one user at a time.
    async fn links_of(&self, users: &[UserId]) -> StoreResult<HashMap<UserId, Link>> {
        let mut out = HashMap::with_capacity(users.len());
        for user in users {
            if let Some(link) = self.link(user).await? {
                out.insert(user.clone(), link);
            }
        }
        Ok(out)
    }
    /// Records a fresh authentication; `false` when the user is not linked.
    async fn touch_authentication(&self, user: &UserId, now: DateTime<Utc>) -> StoreResult<bool>;
    /// Replaces the link's credential (a refreshed token set), keeping when it was linked
    /// and last authenticated: a refresh is not a sign-in. `false` when not linked.
    async fn renew_credential(&self, user: &UserId, credential: &str) -> StoreResult<bool>;
    /// Removes the link and what was waiting for it (held alerts, messages set aside as
    /// undeliverable), so nothing meant for one bank customer reaches a later link;
    /// `false` when there was no link.
    async fn remove_link(&self, user: &UserId) -> StoreResult<bool>;
    /// The users linked to a bank customer (several Messenger users may link the same
    /// customer), sorted; empty when none.
    async fn users_for_customer(&self, customer: &CustomerRef) -> StoreResult<Vec<UserId>>;
}

/// What proactive alerts need: when each user last wrote (Messenger's 24-hour window),
/// alerts held back or waiting for an answer, and the ids of alerts already accepted.
#[async_trait]
pub trait AlertStore: Send + Sync {
    /// Records that `user` wrote at `at`.
    async fn record_inbound(&self, user: &UserId, at: DateTime<Utc>) -> StoreResult<()>;
    /// When `user` last wrote, if ever recorded.
    async fn last_inbound(&self, user: &UserId) -> StoreResult<Option<DateTime<Utc>>>;
    /// Forgets when users last wrote if that was before `last_inbound_before` (their
    /// messaging window closed long ago: such a row tells nothing more than no row).
    async fn purge_contacts(&self, last_inbound_before: DateTime<Utc>) -> StoreResult<u64>;
    /// Stores (or replaces, by alert id and user) a held alert.
    async fn hold_alert(&self, alert: &HeldAlert) -> StoreResult<()>;
    /// One held alert.
    async fn held_alert(&self, alert_id: &str, user: &UserId) -> StoreResult<Option<HeldAlert>>;
    /// Every held alert of `user`, oldest first.
    async fn held_alerts(&self, user: &UserId) -> StoreResult<Vec<HeldAlert>>;
    /// [`held_alerts`](Self::held_alerts) of several users at once (a user with none is
    /// absent), for loading a batch in one round trip. The default asks one user at a time.
    async fn held_alerts_of(
        &self,
        users: &[UserId],
    ) -> StoreResult<HashMap<UserId, Vec<HeldAlert>>> {
        let mut out = HashMap::with_capacity(users.len());
        for user in users {
            let held = self.held_alerts(user).await?;
            if !held.is_empty() {
                out.insert(user.clone(), held);
            }
        }
        Ok(out)
    }
    /// Held alerts whose `due_at` has come at `now`, soonest first, at most `limit`.
    async fn due_alerts(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<HeldAlert>>;
    /// Removes a held alert; `false` when there was none.
    async fn remove_alert(&self, alert_id: &str, user: &UserId) -> StoreResult<bool>;
    /// Remembers the bank's `alert_id` (as of `now`) and, only when it was not remembered
    /// yet, stores the alert's inbox `events` (which may be none), in one transaction: an
    /// alert id is queued at most once for as long as it is remembered, however often it is
    /// sent, whatever became of its inbox rows, and across instances sharing a database.
    /// `None` when the id was already remembered (nothing stored); else one outcome per
    /// event, as [`Inbox::insert_events`] gives.
    async fn accept_alert(
        &self,
        alert_id: &str,
        events: &[NewInboxEvent],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Vec<InsertOutcome>>>;
    /// Forgets the alert ids remembered before `before`; returns how many.
    async fn purge_alert_ids(&self, before: DateTime<Utc>) -> StoreResult<u64>;
}

/// Conversation contexts, as opaque JSON documents with an expiry.
#[async_trait]
pub trait SessionStore: Send + Sync {
    /// The user's session unless missing or expired at `now`.
    async fn load_session(&self, user: &UserId, now: DateTime<Utc>)
    -> StoreResult<Option<Session>>;
    /// The live sessions of several users at once (missing or expired: absent). The
    /// default asks one user at a time.
    async fn sessions_of(
        &self,
        users: &[UserId],
        now: DateTime<Utc>,
    ) -> StoreResult<HashMap<UserId, Session>> {
        let mut out = HashMap::with_capacity(users.len());
        for user in users {
            if let Some(session) = self.load_session(user, now).await? {
                out.insert(user.clone(), session);
            }
        }
        Ok(out)
    }
    /// Saves (replaces) the user's session.
    async fn save_session(
        &self,
        user: &UserId,
        doc: &serde_json::Value,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Deletes the session; `false` when there was none.
    async fn delete_session(&self, user: &UserId) -> StoreResult<bool>;
    /// Deletes sessions expired at `now`; returns how many.
    async fn purge_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64>;
}

/// Accepted webhook events, handed out strictly in order per user and concurrently across
/// users.
#[async_trait]
pub trait Inbox: Send + Sync {
    /// Stores a webhook batch in one transaction: when this returns `Ok`, every event is
    /// durable (acknowledge the webhook then). One outcome per event, in order.
    async fn insert_events(&self, events: &[NewInboxEvent]) -> StoreResult<Vec<InsertOutcome>>;
    /// Claims up to `limit` events, each the first unfinished event of a user (by the
    /// channel's timestamp, then arrival) with no event in processing and due at `now`: so
    /// no two claimed events share a user, across every instance on the database. Each
    /// claim raises the event's [`Fence`]. Claimed events
    /// are `processing` until completed, failed or recovered.
    async fn claim_events(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<InboxEvent>>;
    /// Claims one event (see [`claim_events`](Self::claim_events)).
    async fn claim_next(&self, now: DateTime<Utc>) -> StoreResult<Option<InboxEvent>> {
        Ok(self.claim_events(now, 1).await?.into_iter().next())
    }
    /// Marks a processing event done and enqueues its replies, in one transaction, if the
    /// claim `fence` is still the event's. If the event was erased meanwhile by
    /// [`Store::delete_user`] (the "delete my data" request itself), the replies are still
    /// enqueued. [`StoreError::NotClaimed`](crate::StoreError) when the event exists but is
    /// not processing under this claim (nothing is recorded then).
    async fn complete_event(
        &self,
        event_id: &str,
        fence: Fence,
        replies: Vec<OutboxMessage>,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let completion = Completion {
            event_id: event_id.to_string(),
            fence,
            replies,
            session: None,
            audit: Vec::new(),
        };
        let lost = self.complete_events(vec![completion], now).await?;
        match lost.is_empty() {
            true => Ok(()),
            false => Err(crate::StoreError::NotClaimed),
        }
    }
    /// [`complete_event`](Self::complete_event) for many events in one transaction (a few
    /// multi-row statements). Completions whose claim was lost (the event is no longer
    /// processing under that fence: taken back and perhaps claimed again elsewhere) are
    /// dropped with their replies and session; their ids are returned, the others applied.
    async fn complete_events(
        &self,
        completions: Vec<Completion>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<String>>;
    /// Records a processing failure under the claim `fence`: with `retry_at`, the event
    /// goes back to pending and is due then (still blocking the user's later events);
    /// without, it is `failed` for good and the user's later events proceed. `reason` must
    /// be a data-free label. `NotClaimed` when the claim was lost.
    async fn fail_event(
        &self,
        event_id: &str,
        fence: Fence,
        reason: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()>;
    /// Returns events claimed before `claimed_before` and still processing (a crashed worker)
    /// to pending. A single process calls it at startup with "now"; instances sharing a
    /// database pass a cutoff well beyond the longest processing time.
    async fn recover_processing(&self, claimed_before: DateTime<Utc>) -> StoreResult<u64>;
    /// Deletes done and failed events received before `before` (their ids no longer dedupe).
    async fn purge_inbox(&self, before: DateTime<Utc>) -> StoreResult<u64>;
    /// Rows per state.
    async fn inbox_counts(&self) -> StoreResult<QueueCounts>;
}

/// Replies waiting to be sent, in order per user.
#[async_trait]
pub trait Outbox: Send + Sync {
    /// Enqueues messages due at `now`; returns their ids.
    async fn enqueue(
        &self,
        messages: Vec<OutboxMessage>,
        now: DateTime<Utc>,
    ) -> StoreResult<Vec<i64>>;
    /// Claims up to `limit` due messages, each the oldest unsent message of a user with none
    /// being sent.
    async fn claim_due(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<OutboxEntry>>;
    /// The message was delivered: it is deleted. `NotClaimed` unless it was being sent
    /// under this claim.
    async fn mark_sent(&self, claim: OutboxClaim) -> StoreResult<()>;
    /// Marks many delivered messages at once; returns how many were still claimed (the
    /// others were taken back and are another sender's now).
    async fn mark_sent_many(&self, claims: &[OutboxClaim]) -> StoreResult<u64>;
    /// As [`Outbox::mark_sent_many`], saying which: returns the ids of the messages that
    /// were still claimed under their fence (now deleted); the others were taken back.
    async fn mark_sent_held(&self, claims: &[OutboxClaim]) -> StoreResult<Vec<i64>>;
    /// Delivery failed, try again at `next_attempt_at` (later messages of the user wait).
    /// `NotClaimed` when the claim was lost.
    async fn reschedule(
        &self,
        claim: OutboxClaim,
        next_attempt_at: DateTime<Utc>,
        reason: &str,
    ) -> StoreResult<()>;
    /// Delivery failed for good: the message is kept as dead, later ones proceed.
    /// `NotClaimed` when the claim was lost.
    async fn give_up(&self, claim: OutboxClaim, reason: &str) -> StoreResult<()>;
    /// Returns messages claimed before `claimed_before` and still sending to pending.
    async fn recover_sending(&self, claimed_before: DateTime<Utc>) -> StoreResult<u64>;
    /// Puts `user`'s dead messages whose stored label starts with `label_prefix` back in
    /// the queue, due now, as `new_label` (e.g. utility messages Meta refused — prefix
    /// [`OutboxLabel::UTILITY_PREFIX`](bankbot_core::OutboxLabel::UTILITY_PREFIX) — resent
    /// as responses once the customer writes); returns how many. They keep their place:
    /// before anything queued for the user after them.
    /// Only messages created at or after `created_since` come back (older ones are stale).
    async fn requeue_dead(
        &self,
        user: &UserId,
        label_prefix: &str,
        new_label: &bankbot_core::OutboxLabel,
        created_since: DateTime<Utc>,
    ) -> StoreResult<u64>;
    /// Which of `users` have dead messages that [`requeue_dead`](Self::requeue_dead) with
    /// the same `label_prefix` and `created_since` would bring back: a read, so a batch of
    /// turns asks once and only those users pay for the update. The default, for a store
    /// that cannot tell, answers all of them (each then tries the update).
    async fn users_with_dead(
        &self,
        users: &[UserId],
        label_prefix: &str,
        created_since: DateTime<Utc>,
    ) -> StoreResult<HashSet<UserId>> {
        let _ = (label_prefix, created_since);
        Ok(users.iter().cloned().collect())
    }
    /// Deletes dead messages created before `created_before` (past the window in which
    /// [`requeue_dead`](Self::requeue_dead) may still bring them back); returns how many.
    async fn purge_dead(&self, created_before: DateTime<Utc>) -> StoreResult<u64>;
    /// Rows per state.
    async fn outbox_counts(&self) -> StoreResult<QueueCounts>;
}

/// Consent decisions with their history.
#[async_trait]
pub trait ConsentStore: Send + Sync {
    /// Records a decision about `topic`.
    async fn record_consent(
        &self,
        user: &UserId,
        topic: &str,
        granted: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// The latest decision per topic, sorted by topic.
    async fn current_consents(&self, user: &UserId) -> StoreResult<Vec<Consent>>;
    /// [`current_consents`](Self::current_consents) of several users at once (a user who
    /// decided nothing is absent), for loading a batch in one round trip. The default asks
    /// one user at a time.
    async fn consents_of(&self, users: &[UserId]) -> StoreResult<HashMap<UserId, Vec<Consent>>> {
        let mut out = HashMap::with_capacity(users.len());
        for user in users {
            let consents = self.current_consents(user).await?;
            if !consents.is_empty() {
                out.insert(user.clone(), consents);
            }
        }
        Ok(out)
    }
    /// Every decision, oldest first.
    async fn consent_history(&self, user: &UserId) -> StoreResult<Vec<Consent>>;
}

/// The append-only audit trail, chained with an HMAC under a key derived from the store's
/// encryption key (see [`audit`](crate::audit)).
#[async_trait]
pub trait AuditLog: Send + Sync {
    /// Appends a record (validated: labels without digits; the user stored hashed).
    async fn append_audit(&self, entry: &AuditEntry) -> StoreResult<AuditRecord>;
    /// The keyed pseudonym of `user` that audit records (and the store's logs) carry:
    /// [`hash_user_id`](crate::hash_user_id) with this store's key. Use it to find a user's
    /// records, or to name a user in logs without holding the key.
    fn hash_user(&self, user: &UserId) -> String;
    /// Records with `seq > after_seq`, oldest first, at most `limit`.
    async fn audit_records(&self, after_seq: i64, limit: u32) -> StoreResult<Vec<AuditRecord>>;
    /// Walks the whole chain and reports the first broken record (records from before the
    /// key, up to the sealed boundary, are checked with the unkeyed rule).
    async fn verify_audit(&self) -> StoreResult<AuditVerification>;
}

/// Login codes between the `/link` page and the `account_linking` webhook (several instances
/// may serve the two halves, so they live in the store).
#[async_trait]
pub trait LinkCodeStore: Send + Sync {
    /// Stores a freshly minted code. A code hash already present is an error.
    async fn save_link_code(&self, code: &PendingLinkCode) -> StoreResult<()>;
    /// Removes the code and returns it if it was there and unexpired at `now`: a code is
    /// burnt by the first attempt to redeem it, whether or not that attempt is accepted.
    async fn take_link_code(
        &self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<PendingLinkCode>>;
    /// Drops codes expired at `now`; returns how many.
    async fn purge_link_codes(&self, now: DateTime<Utc>) -> StoreResult<u64>;
}

/// The right of access: what "what do you know about me?" reads beyond links and consents,
/// and the one-time export links (stored hashed, single use).
#[async_trait]
pub trait AccessStore: Send + Sync {
    /// Replies queued for `user` and alerts held for them.
    async fn pending_messages(&self, user: &UserId) -> StoreResult<u64>;
    /// The kinds of data (`balances`, `transactions` …) shown to `user` since `since`, from
    /// the audit trail, sorted, each once. Never amounts: the trail holds none.
    async fn data_kinds_shown(
        &self,
        user: &UserId,
        since: DateTime<Utc>,
    ) -> StoreResult<Vec<String>>;
    /// Stores an export token's hash for `user`, valid until `expires_at`.
    async fn save_export_token(
        &self,
        token_hash: &str,
        user: &UserId,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()>;
    /// Removes the token and returns its user if it was there and unexpired at `now`: a
    /// token is burnt by the first attempt to use it.
    async fn take_export_token(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<UserId>>;
    /// Drops tokens expired at `now`; returns how many.
    async fn purge_export_tokens(&self, now: DateTime<Utc>) -> StoreResult<u64>;
}

/// Everything the runtime needs, as one `Arc<dyn Store>`.
#[async_trait]
pub trait Store:
    LinkStore
    + LinkCodeStore
    + SessionStore
    + Inbox
    + Outbox
    + ConsentStore
    + AuditLog
    + AlertStore
    + AccessStore
    + fmt::Debug
{
    /// Which database this is.
    fn backend(&self) -> Backend;
    /// Checks the database answers (for `/ready`).
    async fn ping(&self) -> StoreResult<()>;
    /// Erases everything tied to `user` (link, session, consents, inbox, outbox, alert rows
    /// and export tokens) in
    /// one transaction, and appends a `user_data_deleted` audit record. Audit records are
    /// kept: they hold only the hashed id, and erasing them would break the chain.
    async fn delete_user(&self, user: &UserId, now: DateTime<Utc>) -> StoreResult<DeletionReport>;
    /// Closes the connection pools (waits for checked-out connections).
    async fn close(&self);
}
