//! Messenger webhook POST bodies shaped like the webhook fixtures in
//! `crates/bankbot-messenger/tests/fixtures/` (`text_message.json`, `quick_reply.json`, …).
//!
//! Every event builder returns a complete body (`{"object": "page", "entry": [one entry]}`);
//! [`envelope`] batches several bodies or entries into one POST (like `two_users_in_one_batch.json` and
//! `delivery_and_read_in_two_entries.json`). Serialise
//! with `serde_json::to_vec` or, for Meta's escaped byte form, [`crate::meta_json_bytes`],
//! then sign the exact bytes with [`crate::sign`].

use serde_json::{Value, json};

/// The fixtures' Page ID.
pub const DEFAULT_PAGE_ID: &str = "104857600000001";
/// The fixtures' app id for the bot.
pub const DEFAULT_APP_ID: &str = "987654321000001";
/// The fixed app id of the Page Inbox (human agents).
pub const PAGE_INBOX_APP_ID: &str = "263902037430900";

/// Current time in epoch milliseconds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// A messaging event `{sender, recipient, timestamp, <kind>: payload}` from a user to a Page.
pub fn event(page_id: &str, psid: &str, timestamp_ms: i64, kind: &str, payload: Value) -> Value {
    let mut event = json!({
        "sender": {"id": psid},
        "recipient": {"id": page_id},
        "timestamp": timestamp_ms,
    });
    if let Some(map) = event.as_object_mut() {
        map.insert(kind.to_owned(), payload);
    }
    event
}

/// One `entry` holding `events` in its `messaging` array.
pub fn entry(page_id: &str, time_ms: i64, events: Vec<Value>) -> Value {
    json!({"id": page_id, "time": time_ms, "messaging": events})
}

/// A whole POST body with one entry holding one event.
pub fn single(page_id: &str, time_ms: i64, event: Value) -> Value {
    json!({"object": "page", "entry": [entry(page_id, time_ms, vec![event])]})
}

/// Batches several bodies and/or entries into one POST body: the entries of every body
/// (`{"object": …, "entry": […]}`) and every bare entry, in order.
pub fn envelope(parts: impl IntoIterator<Item = Value>) -> Value {
    let mut entries = Vec::new();
    for part in parts {
        match part.get("entry").and_then(Value::as_array) {
            Some(inner) if part.get("object").is_some() => entries.extend(inner.iter().cloned()),
            _ => entries.push(part),
        }
    }
    json!({"object": "page", "entry": entries})
}

/// A plain text message (fixture `text_message.json`).
pub fn text_message(page_id: &str, psid: &str, mid: &str, text: &str, timestamp_ms: i64) -> Value {
    let message = json!({"mid": mid, "text": text});
    single(
        page_id,
        timestamp_ms,
        event(page_id, psid, timestamp_ms, "message", message),
    )
}

/// A quick-reply tap (fixture `quick_reply.json`): `text` is the button title, `payload` its
/// payload.
pub fn quick_reply(
    page_id: &str,
    psid: &str,
    mid: &str,
    text: &str,
    payload: &str,
    timestamp_ms: i64,
) -> Value {
    let message = json!({"mid": mid, "text": text, "quick_reply": {"payload": payload}});
    single(
        page_id,
        timestamp_ms,
        event(page_id, psid, timestamp_ms, "message", message),
    )
}

/// A postback (button or persistent menu), v11.0+ shape with `mid` (fixture
/// `postback_with_mid.json`).
pub fn postback(
    page_id: &str,
    psid: &str,
    mid: &str,
    title: &str,
    payload: &str,
    timestamp_ms: i64,
) -> Value {
    let postback = json!({"mid": mid, "title": title, "payload": payload});
    single(
        page_id,
        timestamp_ms,
        event(page_id, psid, timestamp_ms, "postback", postback),
    )
}

/// A location attachment, legacy shape (fixture `legacy_location.json`).
pub fn location(
    page_id: &str,
    psid: &str,
    mid: &str,
    lat: f64,
    long: f64,
    timestamp_ms: i64,
) -> Value {
    let message = json!({"mid": mid, "attachments": [{
        "title": "Pinned Location",
        "type": "location",
        "payload": {"coordinates": {"lat": lat, "long": long}},
    }]});
    single(
        page_id,
        timestamp_ms,
        event(page_id, psid, timestamp_ms, "message", message),
    )
}

/// `account_linking` with status `linked` on [`DEFAULT_PAGE_ID`], timestamped now (fixture
/// `account_linked.json`).
pub fn account_linked(psid: &str, authorization_code: &str) -> Value {
    let now = now_ms();
    let linking = json!({"status": "linked", "authorization_code": authorization_code});
    single(
        DEFAULT_PAGE_ID,
        now,
        event(DEFAULT_PAGE_ID, psid, now, "account_linking", linking),
    )
}

/// `account_linking` with status `unlinked` on [`DEFAULT_PAGE_ID`], timestamped now (fixture
/// `account_unlinked.json`).
pub fn account_unlinked(psid: &str) -> Value {
    let now = now_ms();
    let linking = json!({"status": "unlinked"});
    single(
        DEFAULT_PAGE_ID,
        now,
        event(DEFAULT_PAGE_ID, psid, now, "account_linking", linking),
    )
}

/// The Page Inbox passes the thread back to the bot ([`DEFAULT_APP_ID`]), no metadata (like
/// fixture `thread_control_passed_back.json`).
pub fn pass_thread_control_back(psid: &str) -> Value {
    let now = now_ms();
    let control = json!({
        "previous_owner_app_id": PAGE_INBOX_APP_ID,
        "new_owner_app_id": DEFAULT_APP_ID,
    });
    single(
        DEFAULT_PAGE_ID,
        now,
        event(DEFAULT_PAGE_ID, psid, now, "pass_thread_control", control),
    )
}

/// The echo of a message the Page sent to `psid` (sender and recipient swapped; fixtures
/// `own_echo.json`, `page_inbox_echo.json`); use
/// `app_id` = [`DEFAULT_APP_ID`] for the bot's own replies, [`PAGE_INBOX_APP_ID`] for a human's.
pub fn echo(
    page_id: &str,
    psid: &str,
    mid: &str,
    text: &str,
    app_id: u64,
    timestamp_ms: i64,
) -> Value {
    let message = json!({"mid": mid, "is_echo": true, "app_id": app_id, "text": text});
    let ev = json!({
        "sender": {"id": page_id},
        "recipient": {"id": psid},
        "timestamp": timestamp_ms,
        "message": message,
    });
    single(page_id, timestamp_ms, ev)
}
