//! Records of the link, session and consent areas, and the deletion report.

use std::fmt;

use bankbot_core::{CustomerRef, UserId};
use chrono::{DateTime, Utc};

/// A credential secret read back from the store. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(String);

impl SecretString {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        SecretString(secret.into())
    }

    /// The secret itself, to hand to the bank connector.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString(<redacted>)")
    }
}

/// A Messenger user linked to a bank customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The channel user.
    pub user: UserId,
    /// The bank's customer reference.
    pub customer: CustomerRef,
    /// The credential the bank issued at linking (decrypted).
    pub credential: SecretString,
    /// When the link was made (or last replaced).
    pub linked_at: DateTime<Utc>,
    /// When the customer last proved who they are.
    pub last_authenticated_at: DateTime<Utc>,
}

/// A conversation context: an opaque JSON document the runtime owns.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The document as saved.
    pub doc: serde_json::Value,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
    /// When it stops being returned.
    pub expires_at: DateTime<Utc>,
}

/// One consent decision (current or historical).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// What was agreed to or refused (e.g. `alerts.low_balance`).
    pub topic: String,
    /// Granted (`true`) or withdrawn/refused (`false`).
    pub granted: bool,
    /// When the decision was made.
    pub at: DateTime<Utc>,
}

/// An alert held back (quiet hours, closed messaging window) or waiting for the
/// customer's answer. The alerts crate owns `state` and `payload`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldAlert {
    /// The bank's alert id.
    pub alert_id: String,
    /// The recipient.
    pub user: UserId,
    /// A short label, e.g. `quiet`, `next_message`, `awaiting_reply`.
    pub state: String,
    /// The alert as JSON text.
    pub payload: String,
    /// When something must happen next (release, reminder), if anything.
    pub due_at: Option<DateTime<Utc>>,
    /// When it was first held.
    pub created_at: DateTime<Utc>,
}

/// How many rows [`Store::delete_user`](crate::Store::delete_user) erased, per area.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeletionReport {
    /// Account links (0 or 1).
    pub links: u64,
    /// Sessions (0 or 1).
    pub sessions: u64,
    /// Consent decisions.
    pub consents: u64,
    /// Inbox events.
    pub inbox: u64,
    /// Outbox messages.
    pub outbox: u64,
}

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Backend {
    /// Embedded SQLite (WAL).
    Sqlite,
    /// PostgreSQL.
    Postgres,
}

/// The longest label (consent topic, outbox label) the store keeps, in bytes.
pub const MAX_LABEL_LEN: usize = 64;

const _: () = assert!(bankbot_core::OutboxLabel::MAX_LEN == MAX_LABEL_LEN);

/// The text an outbox label is stored as; refused when it would not fit the column or not
/// read back as the same label (a utility label with an empty template).
pub(crate) fn label_text(label: &bankbot_core::OutboxLabel) -> Result<String, crate::StoreError> {
    let text = label.to_string();
    check_label("outbox label", &text)?;
    if text.parse().as_ref() != Ok(label) {
        return Err(crate::StoreError::InvalidInput(format!(
            "outbox label `{text}` does not read back"
        )));
    }
    Ok(text)
}

/// Checks a short identifier-like text (consent topic, messaging type).
pub(crate) fn check_label(what: &str, text: &str) -> Result<(), crate::StoreError> {
    if text.is_empty() || text.len() > MAX_LABEL_LEN {
        return Err(crate::StoreError::InvalidInput(format!(
            "{what} must be 1 to 64 characters"
        )));
    }
    Ok(())
}
