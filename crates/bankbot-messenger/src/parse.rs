//! Webhook body → [`InboundEvent`]s: every event of every entry, ordered by timestamp.

use std::collections::HashSet;

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::event::{InboundEvent, InboundKind};

mod kinds;

use crate::wire::{Entry, Envelope, EventBody, WireEvent, read_envelope};
use kinds::kind_of;

/// The Page Inbox app id: echoes from it are messages typed by a human agent.
pub const PAGE_INBOX_APP_ID: u64 = 263_902_037_430_900;

/// How bodies are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Echoes from this app are reported as human replies.
    pub page_inbox_app_id: u64,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            page_inbox_app_id: PAGE_INBOX_APP_ID,
        }
    }
}

/// Why a body yields no events.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// Not JSON at all: answer 400.
    #[error("malformed JSON: {0}")]
    Malformed(String),
    /// JSON, but not a Messenger (`object: "page"`) body: answer 200 and ignore.
    #[error("not a Messenger page body (object = {object:?})")]
    NotPage {
        /// The `object` field, if any.
        object: Option<String>,
    },
}

/// Parses a (signature-verified) body into events, ordered by timestamp (stable, so events
/// of one user keep arrival order on equal timestamps) and without duplicate `event_id`s.
pub fn parse_body(body: &[u8], opts: &ParseOptions) -> Result<Vec<InboundEvent>, ParseError> {
    let envelope = match read_envelope(body) {
        Ok(Some(env)) => env,
        Ok(None) => return Err(ParseError::NotPage { object: None }),
        Err(err) => return Err(ParseError::Malformed(err.to_string())),
    };
    if envelope.object.as_deref() != Some("page") {
        return Err(ParseError::NotPage {
            object: envelope.object,
        });
    }
    Ok(events_of(envelope, opts))
}

/// Every event of every entry of an already-parsed envelope (see [`parse_body`]).
pub fn events_of(envelope: Envelope, opts: &ParseOptions) -> Vec<InboundEvent> {
    let mut out = Vec::new();
    for entry in envelope.entry {
        let Entry {
            id,
            time,
            messaging,
            standby,
        } = entry;
        let tagged = messaging
            .into_iter()
            .map(|e| (e, false))
            .chain(standby.into_iter().map(|e| (e, true)));
        for (ev, is_standby) in tagged {
            if let Some(event) = convert(ev, id.as_deref(), time, is_standby, opts) {
                out.push(event);
            }
        }
    }
    out.sort_by_key(|e| e.timestamp);
    let mut seen = HashSet::with_capacity(out.len());
    out.retain(|e| seen.insert(e.event_id.clone()));
    out
}

/// One wire event → one inbound event; `None` for empty objects (e.g. `{}`).
fn convert(
    ev: WireEvent,
    entry_id: Option<&str>,
    entry_time: Option<i64>,
    standby: bool,
    opts: &ParseOptions,
) -> Option<InboundEvent> {
    let WireEvent {
        sender,
        recipient,
        timestamp,
        body,
    } = ev;
    let sender_id = sender.as_ref().and_then(|p| p.id.clone());
    let sender_ref = sender.and_then(|p| p.user_ref);
    let recipient_id = recipient.and_then(|p| p.id);
    let is_echo = matches!(&body, EventBody::Message(m) if m.is_echo);
    // Echoes are reversed: the Page sends, the user receives.
    let (user, page_guess) = if is_echo {
        (recipient_id, sender_id)
    } else {
        (sender_id, recipient_id)
    };
    let page_id = entry_id
        .map(str::to_owned)
        .or(page_guess)
        .unwrap_or_default();
    let watermark = match &body {
        EventBody::Delivery(d) => d.watermark,
        EventBody::Read(r) => r.watermark,
        _ => None,
    };
    let ms = timestamp.or(watermark).or(entry_time).unwrap_or(0);
    let (kind, mid) = kind_of(body, sender_ref, opts)?;
    let user = user.unwrap_or_default();
    let event_id = match mid {
        Some(mid) => mid,
        None => hashed_id(&kind, &page_id, &user, ms),
    };
    Some(InboundEvent {
        event_id,
        page_id,
        user_id: UserId::new(user),
        timestamp: to_time(ms).unwrap_or(DateTime::UNIX_EPOCH),
        standby,
        kind,
    })
}

pub(crate) fn to_time(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
}

/// `h_` + 32 hex chars of SHA-256 over the kind's canonical JSON, page, user and time.
fn hashed_id(kind: &InboundKind, page: &str, user: &str, ms: i64) -> String {
    let mut h = Sha256::new();
    h.update(page.as_bytes());
    h.update([0x1f]);
    h.update(user.as_bytes());
    h.update([0x1f]);
    h.update(ms.to_be_bytes());
    h.update([0x1f]);
    // Serialising our own enum cannot fail; an empty payload still yields a stable key.
    h.update(serde_json::to_vec(kind).unwrap_or_default());
    let digest = h.finalize();
    let mut id = String::with_capacity(34);
    id.push_str("h_");
    id.push_str(&hex::encode(digest.get(..16).unwrap_or_default()));
    id
}
