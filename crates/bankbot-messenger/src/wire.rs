//! The webhook body as Meta sends it: envelope → entries → `messaging` / `standby` events.
//!
//! Everything is lenient: an entry without events, an event of an unknown kind or a field of
//! an unexpected type never fails the body. An event's kind is decided by which kind key is
//! present; a kind key whose value does not have the documented shape yields
//! [`EventBody::Unknown`] naming that key.

mod kinds;

use std::fmt;

use serde::Deserializer;
use serde::de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor};

pub use kinds::{
    AccountLinking, AppRoles, Attachment, AttachmentPayload, Coordinates, Delivery, Message, Optin,
    Party, PolicyEnforcement, Postback, QuickReplyTap, Reaction, Read, Referral, ReplyTo,
    RequestThreadControl, ThreadControl,
};

use crate::flex::{Field, Id, Key, Millis, Obj, Seed, SeqOf, Str, StrListMap, total_struct};

total_struct! {
    /// The whole POST body.
    pub struct Envelope {
        /// `"page"` for Messenger.
        "object" => pub object: Option<String> as Str,
        /// One entry per Page update; several may be batched.
        "entry" => pub entry: Vec<Entry> as SeqOf<Obj<Entry>>,
    }
}

total_struct! {
    /// One `entry[]` element.
    pub struct Entry {
        /// The Page id.
        "id" => pub id: Option<String> as Id,
        /// Epoch milliseconds.
        "time" => pub time: Option<i64> as Millis,
        /// Events for the thread owner.
        "messaging" => pub messaging: Vec<WireEvent> as SeqOf<Event>,
        /// Events for an app that does not own the thread.
        "standby" => pub standby: Vec<WireEvent> as SeqOf<Event>,
    }
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

/// Reads a [`WireEvent`] from an object; anything else is `None`.
#[derive(Debug)]
pub struct Event;

impl Field for Event {
    type Out = Option<WireEvent>;
    fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Option<WireEvent>, D::Error> {
        d.deserialize_any(EventVisitor)
    }
}

struct EventVisitor;

macro_rules! not_an_event {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name<E: de::Error>(self, _: $ty) -> Result<Option<WireEvent>, E> {
            Ok(None)
        })*
    };
}

impl<'de> Visitor<'de> for EventVisitor {
    type Value = Option<WireEvent>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a webhook event object")
    }

    not_an_event!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);

    fn visit_unit<E: de::Error>(self) -> Result<Option<WireEvent>, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<WireEvent>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<WireEvent>, A::Error> {
        let mut ev = WireEvent::default();
        let mut unknown: Option<String> = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let body = match key.0.as_ref() {
                "sender" => {
                    ev.sender = map.next_value_seed(Seed::<Obj<Party>>::new())?;
                    continue;
                }
                "recipient" => {
                    ev.recipient = map.next_value_seed(Seed::<Obj<Party>>::new())?;
                    continue;
                }
                "timestamp" => {
                    ev.timestamp = map.next_value_seed(Seed::<Millis>::new())?;
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
                "app_roles" => match map.next_value_seed(Seed::<StrListMap>::new())? {
                    Some(roles) => EventBody::AppRoles(roles),
                    None => EventBody::Unknown { key: None },
                },
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
                        key: Some(key.0.into_owned()),
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
        Ok(Some(ev))
    }
}

/// Reads a kind object; a non-object value becomes `Unknown` (named by the caller).
fn kind<'de, A, T>(map: &mut A, wrap: fn(T) -> EventBody) -> Result<EventBody, A::Error>
where
    A: MapAccess<'de>,
    T: crate::flex::FromMap,
{
    Ok(match map.next_value_seed(Seed::<Obj<T>>::new())? {
        Some(v) => wrap(v),
        None => EventBody::Unknown { key: None },
    })
}

/// Parses a whole body in one pass: `Ok(None)` when the JSON is valid but not an object.
pub fn read_envelope(body: &[u8]) -> Result<Option<Envelope>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let env = <Obj<Envelope> as Field>::read(&mut de)?;
    de.end()?;
    Ok(env)
}
