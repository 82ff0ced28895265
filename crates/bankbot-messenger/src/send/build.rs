//! Core [`Reply`] → Send API request bodies, within Messenger's limits.

use bankbot_core::{Button, QuickReply, Reply, ReplyCard};
use serde_json::{Value, json};

use super::text::{MAX_TEXT_CHARS, split_text, truncate_chars};

/// At most this many quick replies.
pub const MAX_QUICK_REPLIES: usize = 13;
/// Quick-reply and button titles are cut to this many characters.
pub const MAX_TITLE_CHARS: usize = 20;
/// Payloads are cut to this many characters.
pub const MAX_PAYLOAD_CHARS: usize = 1000;
/// At most this many buttons per template (and per card).
pub const MAX_BUTTONS: usize = 3;
/// At most this many cards in a generic template.
pub const MAX_CARDS: usize = 10;
/// Button-template text limit.
pub const MAX_BUTTON_TEXT_CHARS: usize = 640;
/// Card title and subtitle limit.
pub const MAX_CARD_TEXT_CHARS: usize = 80;
/// Metadata limit (Meta: fewer than 1000 characters).
pub const MAX_METADATA_CHARS: usize = 999;

/// Why a send is made; decides `messaging_type` (and `tag`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MessagingType {
    /// Answer to a user message, inside the 24-hour window.
    Response,
    /// Proactive, still inside the 24-hour window.
    Update,
    /// A human agent answering up to 7 days after the user's last message
    /// (`MESSAGE_TAG` + `HUMAN_AGENT`; needs the Human Agent permission).
    HumanAgent,
}

impl MessagingType {
    fn apply(self, body: &mut Value) {
        let (ty, tag) = match self {
            MessagingType::Response => ("RESPONSE", None),
            MessagingType::Update => ("UPDATE", None),
            MessagingType::HumanAgent => ("MESSAGE_TAG", Some("HUMAN_AGENT")),
        };
        body["messaging_type"] = json!(ty);
        if let Some(tag) = tag {
            body["tag"] = json!(tag);
        }
    }
}

/// A typing indicator or read receipt, sent alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SenderAction {
    /// Show "…".
    TypingOn,
    /// Hide "…".
    TypingOff,
    /// Mark the user's last message as seen.
    MarkSeen,
}

impl SenderAction {
    /// Meta's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            SenderAction::TypingOn => "typing_on",
            SenderAction::TypingOff => "typing_off",
            SenderAction::MarkSeen => "mark_seen",
        }
    }
}

/// The body of a sender-action request.
pub fn sender_action_body(psid: &str, action: SenderAction) -> Value {
    json!({"recipient": {"id": psid}, "sender_action": action.as_str()})
}

/// Wraps a `message` object into a full request body.
pub fn message_body(
    psid: &str,
    mut message: Value,
    messaging_type: MessagingType,
    metadata: Option<&str>,
) -> Value {
    if let Some(meta) = metadata {
        message["metadata"] = json!(truncate_chars(meta, MAX_METADATA_CHARS));
    }
    let mut body = json!({"recipient": {"id": psid}, "message": message});
    messaging_type.apply(&mut body);
    body
}

/// The request bodies that deliver `reply` to `psid`, in order: long texts become several
/// messages (quick replies ride on the last), button texts over 640 characters are preceded
/// by plain-text parts, and typing becomes a sender action. Extra quick replies (> 13),
/// buttons (> 3) and cards (> 10) are dropped with a warning.
pub fn reply_bodies(
    psid: &str,
    reply: &Reply,
    messaging_type: MessagingType,
    metadata: Option<&str>,
) -> Vec<Value> {
    let wrap = |m: Value| message_body(psid, m, messaging_type, metadata);
    match reply {
        Reply::Text {
            text,
            quick_replies,
        } => {
            let mut parts: Vec<Value> = split_text(text, MAX_TEXT_CHARS)
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .map(|p| json!({ "text": p }))
                .collect();
            if !quick_replies.is_empty()
                && let Some(last) = parts.last_mut()
            {
                last["quick_replies"] = quick_replies_json(quick_replies);
            }
            parts.into_iter().map(wrap).collect()
        }
        Reply::Buttons { text, buttons } => {
            let mut pieces = split_text(text, MAX_BUTTON_TEXT_CHARS);
            let last = pieces.pop().unwrap_or_default();
            let mut out: Vec<Value> = pieces
                .into_iter()
                .map(|p| wrap(json!({ "text": p })))
                .collect();
            if buttons.is_empty() {
                if !last.is_empty() {
                    out.push(wrap(json!({ "text": last })));
                }
                return out;
            }
            let payload = json!({
                "template_type": "button",
                "text": last,
                "buttons": buttons_json(buttons),
            });
            out.push(wrap(template(payload)));
            out
        }
        Reply::Cards { cards } => {
            if cards.is_empty() {
                return Vec::new();
            }
            warn_dropped("cards", cards.len(), MAX_CARDS);
            let elements: Vec<Value> = cards.iter().take(MAX_CARDS).map(card_json).collect();
            let payload = json!({"template_type": "generic", "elements": elements});
            vec![wrap(template(payload))]
        }
        Reply::Typing { on } => {
            let action = if *on {
                SenderAction::TypingOn
            } else {
                SenderAction::TypingOff
            };
            vec![sender_action_body(psid, action)]
        }
    }
}

fn template(payload: Value) -> Value {
    json!({"attachment": {"type": "template", "payload": payload}})
}

fn quick_replies_json(quick_replies: &[QuickReply]) -> Value {
    warn_dropped("quick replies", quick_replies.len(), MAX_QUICK_REPLIES);
    quick_replies
        .iter()
        .take(MAX_QUICK_REPLIES)
        .map(|q| {
            json!({
                "content_type": "text",
                "title": truncate_chars(&q.title, MAX_TITLE_CHARS),
                "payload": truncate_chars(&q.payload, MAX_PAYLOAD_CHARS),
            })
        })
        .collect()
}

/// Template buttons (at most three).
pub fn buttons_json(buttons: &[Button]) -> Value {
    warn_dropped("buttons", buttons.len(), MAX_BUTTONS);
    buttons.iter().take(MAX_BUTTONS).map(button_json).collect()
}

fn button_json(button: &Button) -> Value {
    match button {
        Button::Postback { title, payload } => json!({
            "type": "postback",
            "title": truncate_chars(title, MAX_TITLE_CHARS),
            "payload": truncate_chars(payload, MAX_PAYLOAD_CHARS),
        }),
        Button::WebUrl { title, url } => json!({
            "type": "web_url",
            "url": url,
            "title": truncate_chars(title, MAX_TITLE_CHARS),
        }),
        Button::AccountLink { url } => json!({"type": "account_link", "url": url}),
        Button::AccountUnlink => json!({"type": "account_unlink"}),
    }
}

fn card_json(card: &ReplyCard) -> Value {
    let mut el = json!({"title": truncate_chars(&card.title, MAX_CARD_TEXT_CHARS)});
    if let Some(sub) = &card.subtitle {
        el["subtitle"] = json!(truncate_chars(sub, MAX_CARD_TEXT_CHARS));
    }
    if let Some(img) = &card.image_url {
        el["image_url"] = json!(img);
    }
    if let Some(url) = &card.default_url {
        el["default_action"] =
            json!({"type": "web_url", "url": url, "webview_height_ratio": "tall"});
    }
    if !card.buttons.is_empty() {
        el["buttons"] = buttons_json(&card.buttons);
    }
    el
}

fn warn_dropped(what: &'static str, have: usize, max: usize) {
    if have > max {
        tracing::warn!(
            what,
            have,
            max,
            "Messenger limit exceeded; extra items dropped"
        );
    }
}
