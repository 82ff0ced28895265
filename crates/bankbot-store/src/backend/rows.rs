//! Rows as both backends return them, and their conversion into the public records.

use bankbot_core::{CustomerRef, UserId};

use crate::time::from_db;
use crate::{
    AuditRecord, Consent, EncryptionKey, HeldAlert, InboxEvent, Link, OutboxEntry, QueueCounts,
    SecretString, Session, StoreError, StoreResult,
};

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct LinkRow {
    user_id: String,
    customer_ref: String,
    credential: Vec<u8>,
    linked_at: i64,
    last_authenticated_at: i64,
}

impl LinkRow {
    pub(crate) fn into_link(self, key: &EncryptionKey) -> StoreResult<Link> {
        let credential = key.open(&self.credential, &self.user_id)?;
        Ok(Link {
            user: UserId::new(self.user_id),
            customer: CustomerRef::new(self.customer_ref),
            credential: SecretString::new(credential),
            linked_at: from_db(self.linked_at)?,
            last_authenticated_at: from_db(self.last_authenticated_at)?,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct LinkCodeRow {
    code_hash: String,
    token_hash: String,
    owner_id: Option<String>,
    provider_code: Vec<u8>,
    created_at: i64,
    expires_at: i64,
}

impl std::fmt::Debug for LinkCodeRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkCodeRow").finish_non_exhaustive()
    }
}

impl LinkCodeRow {
    pub(crate) fn into_code(self, key: &EncryptionKey) -> StoreResult<crate::PendingLinkCode> {
        let provider_code = key.open(&self.provider_code, &self.code_hash)?;
        Ok(crate::PendingLinkCode {
            code_hash: self.code_hash,
            token_hash: self.token_hash,
            owner: self.owner_id.map(UserId::new),
            provider_code: SecretString::new(provider_code),
            created_at: from_db(self.created_at)?,
            expires_at: from_db(self.expires_at)?,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct SessionRow {
    doc: String,
    updated_at: i64,
    expires_at: i64,
}

impl SessionRow {
    pub(crate) fn into_session(self) -> StoreResult<Session> {
        let doc = serde_json::from_str(&self.doc)
            .map_err(|e| StoreError::Corrupt(format!("session document: {e}")))?;
        Ok(Session {
            doc,
            updated_at: from_db(self.updated_at)?,
            expires_at: from_db(self.expires_at)?,
        })
    }
}

/// A session with its user, for loading many at once.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct UserSessionRow {
    user_id: String,
    doc: String,
    updated_at: i64,
    expires_at: i64,
}

impl UserSessionRow {
    pub(crate) fn into_pair(self) -> StoreResult<(UserId, Session)> {
        let session = SessionRow {
            doc: self.doc,
            updated_at: self.updated_at,
            expires_at: self.expires_at,
        }
        .into_session()?;
        Ok((UserId::new(self.user_id), session))
    }
}

fn attempts(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct InboxRow {
    seq: i64,
    event_id: String,
    user_id: String,
    payload: String,
    received_at: i64,
    attempts: i64,
    fence: i64,
}

impl InboxRow {
    pub(crate) fn into_event(self) -> StoreResult<InboxEvent> {
        Ok(InboxEvent {
            seq: self.seq,
            event_id: self.event_id,
            user: UserId::new(self.user_id),
            payload: self.payload,
            received_at: from_db(self.received_at)?,
            attempts: attempts(self.attempts),
            fence: crate::Fence::new(self.fence),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct OutboxRow {
    id: i64,
    user_id: String,
    messaging_type: String,
    payload: String,
    sealed: Option<Vec<u8>>,
    created_at: i64,
    attempts: i64,
    fence: i64,
}

impl std::fmt::Debug for OutboxRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxRow")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

impl OutboxRow {
    /// The entry, its reply decrypted (or, for a row from before replies were sealed,
    /// read as it was stored).
    pub(crate) fn into_entry(self, key: &EncryptionKey) -> StoreResult<OutboxEntry> {
        let payload = match &self.sealed {
            Some(sealed) => key.open(sealed, &crate::crypto::outbox_context(&self.user_id))?,
            None => self.payload,
        };
        Ok(OutboxEntry {
            id: self.id,
            user: UserId::new(self.user_id),
            label: self.messaging_type.parse(),
            payload,
            created_at: from_db(self.created_at)?,
            attempts: attempts(self.attempts),
            fence: crate::Fence::new(self.fence),
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct ConsentRow {
    topic: String,
    granted: bool,
    at: i64,
}

impl ConsentRow {
    pub(crate) fn into_consent(self) -> StoreResult<Consent> {
        Ok(Consent {
            topic: self.topic,
            granted: self.granted,
            at: from_db(self.at)?,
        })
    }
}

/// A `consents` row with its user (batch reads).
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct UserConsentRow {
    user_id: String,
    topic: String,
    granted: bool,
    at: i64,
}

impl UserConsentRow {
    pub(crate) fn into_pair(self) -> StoreResult<(UserId, Consent)> {
        let consent = ConsentRow {
            topic: self.topic,
            granted: self.granted,
            at: self.at,
        }
        .into_consent()?;
        Ok((UserId::new(self.user_id), consent))
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct AuditRow {
    seq: i64,
    at: i64,
    actor: Option<String>,
    action: String,
    data_kind: Option<String>,
    prev_hash: String,
    hash: String,
}

impl AuditRow {
    pub(crate) fn into_record(self) -> StoreResult<AuditRecord> {
        Ok(AuditRecord {
            seq: self.seq,
            at: from_db(self.at)?,
            actor: self.actor,
            action: self.action,
            data_kind: self.data_kind,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

/// A `held_alerts` row.
#[derive(sqlx::FromRow)]
pub(crate) struct HeldRow {
    alert_id: String,
    user_id: String,
    state: String,
    payload: String,
    due_at: Option<i64>,
    created_at: i64,
}

impl HeldRow {
    pub(crate) fn into_held(self) -> StoreResult<HeldAlert> {
        Ok(HeldAlert {
            alert_id: self.alert_id,
            user: UserId::new(self.user_id),
            state: self.state,
            payload: self.payload,
            due_at: self.due_at.map(from_db).transpose()?,
            created_at: from_db(self.created_at)?,
        })
    }
}

/// Folds `(state, count)` rows into counts.
pub(crate) fn queue_counts(rows: Vec<(String, i64)>) -> QueueCounts {
    let mut counts = QueueCounts::default();
    for (state, n) in rows {
        let n = u64::try_from(n).unwrap_or(0);
        match state.as_str() {
            "pending" => counts.pending += n,
            "processing" | "sending" => counts.in_progress += n,
            "done" => counts.done += n,
            _ => counts.failed += n,
        }
    }
    counts
}

/// Converts a collection of rows, failing on the first bad one.
pub(crate) fn convert<R, T>(rows: Vec<R>, f: impl Fn(R) -> StoreResult<T>) -> StoreResult<Vec<T>> {
    rows.into_iter().map(f).collect()
}
