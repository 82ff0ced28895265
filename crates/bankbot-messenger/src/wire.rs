//! The webhook body as Meta sends it: envelope → entries → `messaging` / `standby` events.
//!
//! Everything is lenient: an entry without events, an event of an unknown kind or a field of
//! an unexpected type never fails the body. An event's kind is decided by which kind key is
//! present; a kind key whose value does not have the documented shape yields
//! [`EventBody::Unknown`] naming that key.

mod kinds;

use std::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

pub use kinds::{
    AccountLinking, AppRoles, Attachment, AttachmentPayload, Coordinates, Delivery, Message, Optin,
    Party, PolicyEnforcement, Postback, QuickReplyTap, Reaction, Read, Referral, ReplyTo,
    RequestThreadControl, ThreadControl,
};

use crate::flex::{self, Lenient, LenientSeq};

/// The whole POST body.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Envelope {
    /// `"page"` for Messenger.
    #[serde(default, deserialize_with = "flex::string")]
    pub object: Option<String>,
    /// One entry per Page update; several may be batched.
    #[serde(default)]
    pub entry: LenientSeq<Entry>,
}

/// One `entry[]` element.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Entry {
    /// The Page id.
    #[serde(default, deserialize_with = "flex::id")]
    pub id: Option<String>,
    /// Epoch milliseconds.
    #[serde(default, deserialize_with = "flex::millis")]
    pub time: Option<i64>,
    /// Events for the thread owner.
    #[serde(default)]
    pub messaging: LenientSeq<WireEvent>,
    /// Events for an app that does not own the thread.
    #[serde(default)]
    pub standby: LenientSeq<WireEvent>,
}

/// One element of `messaging[]` or `standby[]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WireEvent {
    /// The user (or the Page, for echoes); absent on some events.
    pub sender: Option<Party>,
    /// The Page (or the user, for echoes).
    pub recipient: Option<Party>,
    /// Epoch milliseconds; absent on deliveries.
    pub timestamp: Option<i64>,
    /// What happened.
    pub body: EventBody,
}

/// The kind-specific part of an event.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub enum EventBody {
    /// A message or an echo.
    Message(Message),
    /// A postback.
    Postback(Postback),
    /// Account linked or unlinked.
    AccountLinking(AccountLinking),
    /// A plugin / notification opt-in.
    Optin(Optin),
    /// A referral into an existing thread.
    Referral(Referral),
    /// A read receipt.
    Read(Read),
    /// A delivery receipt.
    Delivery(Delivery),
    /// A reaction.
    Reaction(Reaction),
    /// Thread control passed to an app.
    PassThreadControl(ThreadControl),
    /// Thread control taken by an app.
    TakeThreadControl(ThreadControl),
    /// An app asks for thread control.
    RequestThreadControl(RequestThreadControl),
    /// Handover roles changed.
    AppRoles(AppRoles),
    /// A policy warning, block or unblock.
    PolicyEnforcement(PolicyEnforcement),
    /// No known kind key, or a known key with an unusable value.
    Unknown {
        /// The first key that was not `sender`/`recipient`/`timestamp`, if any.
        key: Option<String>,
    },
    /// No key at all.
    #[default]
    Empty,
}

impl<'de> Deserialize<'de> for WireEvent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EventVisitor)
    }
}

struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = WireEvent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a webhook event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<WireEvent, A::Error> {
        let mut ev = WireEvent::default();
        let mut unknown: Option<String> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let body = match key.as_ref() {
                "sender" => {
                    ev.sender = map.next_value::<Lenient<Party>>()?.0;
                    continue;
                }
                "recipient" => {
                    ev.recipient = map.next_value::<Lenient<Party>>()?.0;
                    continue;
                }
                "timestamp" => {
                    ev.timestamp = map.next_value::<Millis>()?.0;
                    continue;
                }
                "message" => kind(&mut map, EventBody::Message)?,
                "postback" => kind(&mut map, EventBody::Postback)?,
                "account_linking" => kind(&mut map, EventBody::AccountLinking)?,
                "optin" => kind(&mut map, EventBody::Optin)?,
                "referral" => kind(&mut map, EventBody::Referral)?,
                "read" => kind(&mut map, EventBody::Read)?,
                "delivery" => kind(&mut map, EventBody::Delivery)?,
                "reaction" => kind(&mut map, EventBody::Reaction)?,
                "pass_thread_control" => kind(&mut map, EventBody::PassThreadControl)?,
                "take_thread_control" => kind(&mut map, EventBody::TakeThreadControl)?,
                "request_thread_control" => kind(&mut map, EventBody::RequestThreadControl)?,
                "app_roles" => kind(&mut map, EventBody::AppRoles)?,
                "policy_enforcement" | "policy-enforcement" => {
                    kind(&mut map, EventBody::PolicyEnforcement)?
                }
                other => {
                    map.next_value::<IgnoredAny>()?;
                    if unknown.is_none() {
                        unknown = Some(other.to_owned());
                    }
                    continue;
                }
            };
            // The first usable kind wins; a known key with an unusable value only names
            // the event when nothing better was seen.
            match (&body, &ev.body) {
                (EventBody::Unknown { .. }, EventBody::Empty) => {
                    ev.body = EventBody::Unknown {
                        key: Some(key.into_owned()),
                    };
                }
                (EventBody::Unknown { .. }, _) => {}
                (_, EventBody::Empty | EventBody::Unknown { .. }) => ev.body = body,
                _ => {}
            }
        }
        if matches!(ev.body, EventBody::Empty) && unknown.is_some() {
            ev.body = EventBody::Unknown { key: unknown };
        }
        Ok(ev)
    }
}

/// Reads a kind object leniently; an unusable value becomes `Unknown` naming nothing yet.
fn kind<'de, A, T>(map: &mut A, wrap: fn(T) -> EventBody) -> Result<EventBody, A::Error>
where
    A: MapAccess<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(match map.next_value::<Lenient<T>>()?.0 {
        Some(v) => wrap(v),
        None => EventBody::Unknown { key: None },
    })
}

/// A lenient millisecond timestamp as a standalone deserializable value.
struct Millis(Option<i64>);

impl<'de> Deserialize<'de> for Millis {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        flex::millis(d).map(Millis)
    }
}
