//! The audit trail's records and its hash chain.
//!
//! Each record stores `hash = sha256(prev_hash || canonical(record))`, where `prev_hash` is
//! the previous record's hash (64 zeros for the first) and `canonical` is the JSON array
//! `[seq, at_micros, actor, action, data_kind]`. Changing, removing or reordering any record
//! breaks every hash after it; [`AuditLog::verify_audit`](crate::AuditLog::verify_audit)
//! reports the first broken record. (Cutting off the newest records is only detectable
//! against an externally kept [`AuditVerification::head_hash`].)
//!
//! Records name the user only through [`hash_user_id`] and hold labels made of lowercase
//! letters and `_ . : -`: digits are refused, so no amount or account number can slip in.

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::StoreError;

/// The `prev_hash` of the first record.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The action recorded by [`Store::delete_user`](crate::Store::delete_user).
pub const USER_DATA_DELETED: &str = "user_data_deleted";

/// A pseudonymous, stable id for a user: hex of `sha256("bankbot-user:" || id)`. Use it
/// wherever a user must be named in logs or the audit trail. It is not secret: anyone who
/// knows a user id can recompute it (page-scoped ids mean nothing outside their page).
pub fn hash_user_id(user: &UserId) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"bankbot-user:");
    hasher.update(user.as_str().as_bytes());
    hex::encode(hasher.finalize())
}

/// An audit record to append.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// Who it concerns (stored hashed), or `None` for system actions.
    pub user: Option<UserId>,
    /// What happened: `data_shown`, `card_locked`, `account_linked`, `error` …
    pub action: String,
    /// Which kind of data was shown or touched: `balance`, `transactions`, `card` …
    pub data_kind: Option<String>,
}

impl AuditEntry {
    /// An action by or for `user`.
    pub fn new(at: DateTime<Utc>, user: Option<&UserId>, action: impl Into<String>) -> Self {
        AuditEntry {
            at,
            user: user.cloned(),
            action: action.into(),
            data_kind: None,
        }
    }

    /// "`kind` data was shown to `user`".
    pub fn data_shown(at: DateTime<Utc>, user: &UserId, kind: impl Into<String>) -> Self {
        Self::new(at, Some(user), "data_shown").with_data_kind(kind)
    }

    /// Sets the data kind.
    pub fn with_data_kind(mut self, kind: impl Into<String>) -> Self {
        self.data_kind = Some(kind.into());
        self
    }

    pub(crate) fn validate(&self) -> Result<(), StoreError> {
        check_audit_label("action", &self.action)?;
        if let Some(kind) = &self.data_kind {
            check_audit_label("data_kind", kind)?;
        }
        Ok(())
    }
}

fn check_audit_label(what: &str, text: &str) -> Result<(), StoreError> {
    let ok = !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || matches!(b, b'_' | b'.' | b':' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(StoreError::InvalidInput(format!(
            "audit {what} must be 1-64 of [a-z_.:-] (no digits)"
        )))
    }
}

/// An audit record as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// [`hash_user_id`] of the user, if any.
    pub actor: Option<String>,
    /// What happened.
    pub action: String,
    /// Which kind of data.
    pub data_kind: Option<String>,
    /// The previous record's hash.
    pub prev_hash: String,
    /// This record's hash.
    pub hash: String,
}

/// The outcome of walking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditVerification {
    /// Records checked (up to the first broken one).
    pub checked: u64,
    /// The last good record's hash (keep it elsewhere to detect truncation later).
    pub head_hash: String,
    /// The first broken record, if any.
    pub first_broken: Option<BrokenLink>,
}

impl AuditVerification {
    /// True when no record is broken.
    pub fn is_intact(&self) -> bool {
        self.first_broken.is_none()
    }
}

/// Where and how the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The record's `seq`.
    pub seq: i64,
    /// What is wrong: `gap`, `prev_hash_mismatch` or `hash_mismatch`.
    pub reason: &'static str,
}

/// Computes a record's hash from its content and the previous hash.
pub(crate) fn chain_hash(
    prev_hash: &str,
    seq: i64,
    at_micros: i64,
    actor: Option<&str>,
    action: &str,
    data_kind: Option<&str>,
) -> String {
    let canonical = serde_json::json!([seq, at_micros, actor, action, data_kind]).to_string();
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(canonical.as_bytes());
    hex::encode(hasher.finalize())
}

/// Walks records page by page, in `seq` order.
#[derive(Debug)]
pub(crate) struct ChainWalker {
    expected_seq: i64,
    prev_hash: String,
    checked: u64,
}

impl ChainWalker {
    pub(crate) fn new() -> Self {
        ChainWalker {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_string(),
            checked: 0,
        }
    }

    /// The `seq` after which the next page starts.
    pub(crate) fn last_seq(&self) -> i64 {
        self.expected_seq - 1
    }

    /// Checks one record; returns the break, if any.
    pub(crate) fn check(&mut self, record: &AuditRecord) -> Option<BrokenLink> {
        let reason = if record.seq != self.expected_seq {
            Some("gap")
        } else if record.prev_hash != self.prev_hash {
            Some("prev_hash_mismatch")
        } else if record.hash
            != chain_hash(
                &record.prev_hash,
                record.seq,
                record.at.timestamp_micros(),
                record.actor.as_deref(),
                &record.action,
                record.data_kind.as_deref(),
            )
        {
            Some("hash_mismatch")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Some(BrokenLink {
                seq: record.seq,
                reason,
            });
        }
        self.expected_seq += 1;
        self.prev_hash.clone_from(&record.hash);
        self.checked += 1;
        None
    }

    pub(crate) fn finish(self, first_broken: Option<BrokenLink>) -> AuditVerification {
        AuditVerification {
            checked: self.checked,
            head_hash: self.prev_hash,
            first_broken,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_refuse_digits() {
        let now = Utc::now();
        let user = UserId::new("psid-1");
        assert!(
            AuditEntry::data_shown(now, &user, "balance")
                .validate()
                .is_ok()
        );
        assert!(
            AuditEntry::data_shown(now, &user, "balance 12.50")
                .validate()
                .is_err()
        );
        assert!(AuditEntry::new(now, None, "").validate().is_err());
    }

    #[test]
    fn hashed_ids_are_stable_and_hide_the_id() {
        let user = UserId::new("1234567890");
        assert_eq!(hash_user_id(&user), hash_user_id(&user));
        assert_eq!(hash_user_id(&user).len(), 64);
        assert!(!hash_user_id(&user).contains("1234567890"));
    }
}
