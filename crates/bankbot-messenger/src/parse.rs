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

/// Which Pages' events are processed. Empty (the default): every Page's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageFilter {
    ids: HashSet<String>,
}

impl PageFilter {
    /// Only events of these Page ids; none at all means every Page.
    pub fn new<I, S>(ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        PageFilter {
            ids: ids.into_iter().map(Into::into).collect(),
        }
    }

    /// True when no Page id is configured (every Page is accepted).
    pub fn accepts_all(&self) -> bool {
        self.ids.is_empty()
    }

    /// Whether an event naming `entry_id` (the entry's `id`) and `page_side` (the Page's
    /// end of the event: the recipient, or the sender of an echo) is for one of our Pages.
    /// With a filter set, every id the event names must be ours, and it must name one.
    fn allows(&self, entry_id: Option<&str>, page_side: Option<&str>) -> bool {
        if self.accepts_all() {
            return true;
        }
        let named: Vec<&str> = entry_id.into_iter().chain(page_side).collect();
        !named.is_empty() && named.iter().all(|id| self.ids.contains(*id))
    }
}

/// The events of one body and what was left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The events to process, ordered by timestamp, without duplicate ids.
    pub events: Vec<InboundEvent>,
    /// Events left out because they belong to a Page outside the [`PageFilter`].
    pub ignored_unknown_page: usize,
}

/// Parses a (signature-verified) body into events, ordered by timestamp (stable, so events
/// of one user keep arrival order on equal timestamps) and without duplicate `event_id`s.
/// An event without any timestamp is dated now (see [`parse_body_at`]).
pub fn parse_body(body: &[u8], opts: &ParseOptions) -> Result<Vec<InboundEvent>, ParseError> {
    parse_body_at(body, opts, &PageFilter::default(), Utc::now()).map(|p| p.events)
}

/// [`parse_body`] for a body received at `received_at`, keeping only the events of the
/// Pages `pages` accepts. An event with no timestamp at all (no `timestamp`, watermark or
/// entry `time`) is dated `received_at`, never 1970; its `event_id` does not depend on that
/// time, so a re-delivery still has the same id.
pub fn parse_body_at(
    body: &[u8],
    opts: &ParseOptions,
    pages: &PageFilter,
    received_at: DateTime<Utc>,
) -> Result<Parsed, ParseError> {
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
    Ok(events_at(envelope, opts, pages, received_at))
}

/// Every event of every entry of an already-parsed envelope (see [`parse_body`]).
pub fn events_of(envelope: Envelope, opts: &ParseOptions) -> Vec<InboundEvent> {
    events_at(envelope, opts, &PageFilter::default(), Utc::now()).events
}

fn events_at(
    envelope: Envelope,
    opts: &ParseOptions,
    pages: &PageFilter,
    received_at: DateTime<Utc>,
) -> Parsed {
    let mut out = Vec::new();
    let mut ignored_unknown_page = 0;
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
            let at = Received {
                entry_id: id.as_deref(),
                entry_time: time,
                standby: is_standby,
                received_at,
            };
            match convert(ev, &at, opts, pages) {
                Ok(Some(event)) => out.push(event),
                Ok(None) => {}
                Err(UnknownPage) => ignored_unknown_page += 1,
            }
        }
    }
    out.sort_by_key(|e| e.timestamp);
    let mut seen = HashSet::with_capacity(out.len());
    out.retain(|e| seen.insert(e.event_id.clone()));
    Parsed {
        events: out,
        ignored_unknown_page,
    }
}

/// Where and when a wire event arrived.
struct Received<'a> {
    entry_id: Option<&'a str>,
    entry_time: Option<i64>,
    standby: bool,
    received_at: DateTime<Utc>,
}

/// A real event, but for a Page the filter does not accept.
struct UnknownPage;

/// One wire event → one inbound event; `None` for empty objects (e.g. `{}`).
fn convert(
    ev: WireEvent,
    at: &Received<'_>,
    opts: &ParseOptions,
    pages: &PageFilter,
) -> Result<Option<InboundEvent>, UnknownPage> {
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
    let page_allowed = pages.allows(at.entry_id, page_guess.as_deref());
    let page_id = at
        .entry_id
        .map(str::to_owned)
        .or(page_guess)
        .unwrap_or_default();
    let watermark = match &body {
        EventBody::Delivery(d) => d.watermark,
        EventBody::Read(r) => r.watermark,
        _ => None,
    };
    // The wire time keys the hashed id (0 when absent, as re-deliveries carry none either);
    // the event's date falls back to when it was received.
    let wire_ms = timestamp.or(watermark).or(at.entry_time);
    let ms = wire_ms.unwrap_or(0);
    let Some((kind, mid)) = kind_of(body, sender_ref, opts) else {
        return Ok(None);
    };
    if !page_allowed {
        return Err(UnknownPage);
    }
    let user = user.unwrap_or_default();
    let event_id = match mid {
        Some(mid) => mid,
        None => hashed_id(&kind, &page_id, &user, ms),
    };
    let timestamp = wire_ms
        .filter(|ms| *ms > 0)
        .and_then(to_time)
        .unwrap_or(at.received_at);
    Ok(Some(InboundEvent {
        event_id,
        page_id,
        user_id: UserId::new(user),
        timestamp,
        standby: at.standby,
        kind,
    }))
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
