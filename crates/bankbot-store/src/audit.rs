//! The audit trail's records and its keyed hash chain.
//!
//! Each record stores `hash = HMAC-SHA256(k, prev_hash || canonical(record))`, where `k` is
//! [`EncryptionKey::derive`]`("audit-chain")`, `prev_hash` is the previous record's hash (64
//! zeros for the first) and `canonical` is the JSON array `[seq, at_micros, actor, action,
//! data_kind]`. Changing, removing or reordering any record breaks every hash after it, and
//! recomputing the hashes needs the key: [`AuditLog::verify_audit`](crate::AuditLog::verify_audit)
//! reports the first broken record. (Cutting off the newest records is only detectable
//! against an externally kept [`AuditVerification::head_hash`].)
//!
//! **Chains from before the key** (an upgraded database): their records were hashed with
//! plain `sha256(prev_hash || canonical)` and name users by an unkeyed hash. The migration
//! that introduced the key (0005) records how many records the chain held then
//! (`audit_chain.legacy_until`), and the instance that applied it seals that number with
//! an HMAC under the same key. Records up to that boundary are verified with the old rule,
//! every later one with the keyed rule; the boundary cannot be moved without the key, and a
//! missing or unsealed boundary counts as 0 (no record is accepted unkeyed). A per-record
//! version marker was not chosen: anyone able to write the table could mark a rewritten
//! record as old. What remains possible without the key is turning the whole database back
//! into a pre-upgrade one (schema and migration history included), which only a head hash
//! kept elsewhere reveals.
//!
//! Records name the user only through [`hash_user_id`] (keyed) and hold labels made of
//! lowercase letters and `_ . : -`: digits are refused, so no amount or account number can
//! slip in.

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::{EncryptionKey, StoreError};

type HmacSha256 = Hmac<Sha256>;

/// [`EncryptionKey::derive`] purpose of the chain's HMAC key.
pub const AUDIT_CHAIN_PURPOSE: &str = "audit-chain";
/// [`EncryptionKey::derive`] purpose of the key behind [`hash_user_id`].
pub const USER_ID_PURPOSE: &str = "user-id";

/// The `prev_hash` of the first record.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The action recorded by [`Store::delete_user`](crate::Store::delete_user).
pub const USER_DATA_DELETED: &str = "user_data_deleted";
/// The action of [`AuditEntry::data_shown`] records.
pub const DATA_SHOWN: &str = "data_shown";

/// A pseudonymous, stable id for a user: hex of `HMAC-SHA256(k, "bankbot-user:" || id)`
/// with `k` = `key.derive("user-id")`. The audit trail and the store's logs name users this
/// way; without the key nobody can tell which record or log line concerns a given user
/// id. Every instance sharing the encryption key computes the same pseudonym.
/// [`AuditLog::hash_user`](crate::AuditLog::hash_user) is the same function with the
/// store's key, for callers that hold a store but not the key.
pub fn hash_user_id(key: &EncryptionKey, user: &UserId) -> String {
    let mut mac = mac(&key.derive(USER_ID_PURPOSE));
    mac.update(b"bankbot-user:");
    mac.update(user.as_str().as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn mac(key: &[u8; 32]) -> HmacSha256 {
    // HMAC pads a short key with zeros to the 64-byte block: the same MAC as keying with
    // the 32 bytes, without a fallible constructor (as in `EncryptionKey::derive`).
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    <HmacSha256 as hmac::digest::KeyInit>::new(&block.into())
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
        Self::new(at, Some(user), DATA_SHOWN).with_data_kind(kind)
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
    /// [`hash_user_id`] of the user, if any (records from before the key: an unkeyed hash).
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
    /// How many of them were verified with the unkeyed rule of chains written before the
    /// key (see the module documentation); 0 on a chain started after the upgrade.
    pub legacy: u64,
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

/// Computes a record's hash from its content and the previous hash: keyed with the chain
/// key, or (`None`) with the unkeyed rule of chains written before the key.
pub(crate) fn chain_hash(
    key: Option<&[u8; 32]>,
    prev_hash: &str,
    seq: i64,
    at_micros: i64,
    actor: Option<&str>,
    action: &str,
    data_kind: Option<&str>,
) -> String {
    let canonical = serde_json::json!([seq, at_micros, actor, action, data_kind]).to_string();
    match key {
        Some(key) => {
            let mut mac = mac(key);
            mac.update(prev_hash.as_bytes());
            mac.update(canonical.as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
        None => {
            let mut hasher = Sha256::new();
            hasher.update(prev_hash.as_bytes());
            hasher.update(canonical.as_bytes());
            hex::encode(hasher.finalize())
        }
    }
}

/// The seal of the legacy boundary: records `1..=legacy_until` predate the key.
pub(crate) fn boundary_mac(chain_key: &[u8; 32], legacy_until: i64) -> String {
    let mut mac = mac(chain_key);
    mac.update(format!("bankbot-audit-legacy-until:{legacy_until}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The legacy boundary to verify with: `legacy_until` when its seal is right, else 0.
pub(crate) fn trusted_boundary(chain_key: &[u8; 32], row: Option<(i64, Option<String>)>) -> i64 {
    match row {
        Some((until, Some(seal))) if until > 0 => {
            let expected = boundary_mac(chain_key, until);
            if constant_time_eq(expected.as_bytes(), seal.as_bytes()) {
                until
            } else {
                tracing::warn!("audit legacy boundary has a wrong seal; ignored");
                0
            }
        }
        _ => 0,
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Walks records page by page, in `seq` order.
#[derive(Debug)]
pub(crate) struct ChainWalker {
    key: [u8; 32],
    legacy_until: i64,
    expected_seq: i64,
    prev_hash: String,
    checked: u64,
    legacy: u64,
}

impl ChainWalker {
    /// A walk with the chain key; records up to `legacy_until` use the unkeyed rule.
    pub(crate) fn new(key: [u8; 32], legacy_until: i64) -> Self {
        ChainWalker {
            key,
            legacy_until,
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_string(),
            checked: 0,
            legacy: 0,
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
                (record.seq > self.legacy_until).then_some(&self.key),
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
        if record.seq <= self.legacy_until {
            self.legacy += 1;
        }
        None
    }

    pub(crate) fn finish(self, first_broken: Option<BrokenLink>) -> AuditVerification {
        AuditVerification {
            checked: self.checked,
            legacy: self.legacy,
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
    fn hashed_ids_are_stable_keyed_and_hide_the_id() {
        let key = EncryptionKey::generate();
        let user = UserId::new("1234567890");
        let hashed = hash_user_id(&key, &user);
        assert_eq!(hashed, hash_user_id(&key, &user));
        assert_eq!(hashed.len(), 64);
        assert!(!hashed.contains("1234567890"));
        // Not the unkeyed hash of earlier versions, and another key gives another id.
        assert_ne!(hashed, crate::digest("bankbot-user:1234567890"));
        assert_ne!(hashed, hash_user_id(&EncryptionKey::generate(), &user));
    }

    #[test]
    fn chain_hashes_need_the_key_and_boundaries_their_seal() {
        let key = EncryptionKey::generate().derive(AUDIT_CHAIN_PURPOSE);
        let other = EncryptionKey::generate().derive(AUDIT_CHAIN_PURPOSE);
        let keyed = chain_hash(Some(&key), GENESIS_HASH, 1, 0, None, "error", None);
        assert_ne!(
            keyed,
            chain_hash(Some(&other), GENESIS_HASH, 1, 0, None, "error", None)
        );
        assert_ne!(
            keyed,
            chain_hash(None, GENESIS_HASH, 1, 0, None, "error", None)
        );
        let seal = boundary_mac(&key, 7);
        assert_eq!(trusted_boundary(&key, Some((7, Some(seal.clone())))), 7);
        assert_eq!(trusted_boundary(&key, Some((8, Some(seal.clone())))), 0);
        assert_eq!(trusted_boundary(&other, Some((7, Some(seal)))), 0);
        assert_eq!(trusted_boundary(&key, Some((7, None))), 0);
        assert_eq!(trusted_boundary(&key, None), 0);
    }
}
