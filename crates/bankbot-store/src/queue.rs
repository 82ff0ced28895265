//! Records of the inbox (accepted webhook events) and the outbox (replies to send).

use bankbot_core::{OutboxLabel, UnknownOutboxLabel, UserId};
use chrono::{DateTime, Utc};

/// An event to accept into the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInboxEvent {
    /// Unique id (e.g. the Messenger `mid`); a second insert with the same id is a duplicate.
    pub event_id: String,
    /// Whose event it is; events of one user are handed out strictly in insertion order.
    pub user: UserId,
    /// The event as JSON text; the channel owns its shape.
    pub payload: String,
    /// When the webhook accepted it.
    pub received_at: DateTime<Utc>,
    /// When it happened according to the channel (Meta's timestamp): a user's events are
    /// handed out in this order, then in arrival order. `None`: ordered by `received_at`.
    pub sent_at: Option<DateTime<Utc>>,
}

/// The generation of a claim on an inbox event or outbox message. Each claim of a row
/// raises it; finishing the row (complete, fail, mark sent, reschedule, give up) succeeds
/// only with the generation the claim returned, so a worker whose claim was taken back and
/// handed to another cannot finish it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fence(i64);

impl Fence {
    /// A fence as stored (tests and other [`Store`](crate::Store) implementations).
    pub fn new(generation: i64) -> Self {
        Fence(generation)
    }

    /// The generation number.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl std::fmt::Display for Fence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What happened to one event of [`Inbox::insert_events`](crate::Inbox::insert_events).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// Stored, will be processed.
    Inserted,
    /// An event with this id was already accepted (now or earlier); nothing stored.
    Duplicate,
}

/// An event claimed for processing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxEvent {
    /// Insertion order (increasing).
    pub seq: i64,
    /// The unique event id.
    pub event_id: String,
    /// Whose event it is.
    pub user: UserId,
    /// The event as JSON text.
    pub payload: String,
    /// When it was accepted.
    pub received_at: DateTime<Utc>,
    /// How many times it has been claimed, this claim included.
    pub attempts: u32,
    /// This claim's generation: pass it back to complete or fail the event.
    pub fence: Fence,
}

/// A reply to enqueue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    /// The recipient.
    pub user: UserId,
    /// How it must be sent (stored as its text in the `messaging_type` column).
    pub label: OutboxLabel,
    /// The message as JSON text; the channel owns its shape.
    pub payload: String,
}

impl OutboxMessage {
    /// A reply.
    pub fn new(user: UserId, label: OutboxLabel, payload: impl Into<String>) -> Self {
        OutboxMessage {
            user,
            label,
            payload: payload.into(),
        }
    }
}

/// A processed inbox event and the replies it produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Completion {
    /// The claimed event.
    pub event_id: String,
    /// The claim's generation ([`InboxEvent::fence`]).
    pub fence: Fence,
    /// Its replies, in sending order.
    pub replies: Vec<OutboxMessage>,
    /// The user's session after the turn, saved in the same transaction.
    pub session: Option<SessionWrite>,
    /// Audit entries of the turn (data shown, consents…), appended to the chain in the
    /// same transaction, once for the whole batch; dropped with the rest when the claim
    /// was lost (the instance that answers the event audits it).
    pub audit: Vec<crate::AuditEntry>,
}

/// A session document saved together with a [`Completion`], in the same transaction, so a
/// turn's context and its replies are recorded at once (and one write instead of two).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionWrite {
    /// Whose session.
    pub user: UserId,
    /// The document.
    pub doc: serde_json::Value,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
    /// When the user last wrote, recorded with the turn (see `AlertStore::record_inbound`).
    pub last_inbound: Option<DateTime<Utc>>,
}

/// A reply claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    /// Row id (increasing in enqueue order); pass it to mark_sent / reschedule / give_up.
    pub id: i64,
    /// The recipient.
    pub user: UserId,
    /// How it must be sent; an error names a stored label this version does not know
    /// (the sender gives such a message up instead of guessing).
    pub label: Result<OutboxLabel, UnknownOutboxLabel>,
    /// The message as JSON text.
    pub payload: String,
    /// When it was enqueued.
    pub created_at: DateTime<Utc>,
    /// How many times it has been claimed, this claim included.
    pub attempts: u32,
    /// This claim's generation: pass it back to mark it sent, reschedule it or give up.
    pub fence: Fence,
}

impl OutboxEntry {
    /// The claim on this message, as the outbox's finishing calls take it.
    pub fn claim(&self) -> OutboxClaim {
        OutboxClaim {
            id: self.id,
            fence: self.fence,
        }
    }
}

/// A claimed outbox message: its id and the claim's generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OutboxClaim {
    /// The row id.
    pub id: i64,
    /// The claim's generation.
    pub fence: Fence,
}

/// Rows per state, for readiness checks and metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueCounts {
    /// Waiting (including those scheduled for a retry).
    pub pending: u64,
    /// Claimed and not yet finished (inbox `processing`, outbox `sending`).
    pub in_progress: u64,
    /// Finished (inbox `done`; sent outbox rows are deleted, so 0 there).
    pub done: u64,
    /// Given up (inbox `failed`, outbox `dead`).
    pub failed: u64,
}
