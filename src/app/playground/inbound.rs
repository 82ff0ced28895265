//! What the page sends, turned into the webhook events Messenger would deliver: the page's
//! action becomes a `messaging` entry of a Page webhook body, which the Messenger parser
//! reads into [`InboundEvent`]s for the same [`EventSink`] the webhook feeds.

use bankbot_core::UserId;
use bankbot_messenger::{EventSink, InboundEvent, ParseOptions, parse_body};
use serde::Deserialize;
use serde_json::{Value, json};

/// The Page id playground events carry.
pub const PLAYGROUND_PAGE_ID: &str = "playground";

/// Longest text accepted from the page (Messenger's own limit for a message).
const MAX_TEXT_CHARS: usize = 2000;
/// Longest payload or title accepted from the page.
const MAX_PAYLOAD_CHARS: usize = 1000;

/// One thing the customer did on the page.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PageAction {
    /// Typed a message.
    Text {
        /// The text.
        text: String,
    },
    /// Tapped a quick reply.
    QuickReply {
        /// Its title (sent as the message text, as Messenger does).
        title: String,
        /// Its payload.
        payload: String,
    },
    /// Tapped a button, a menu item or Get Started.
    Postback {
        /// Its title.
        title: String,
        /// Its payload.
        payload: String,
    },
    /// Tapped an account-unlink ("Log Out") button.
    AccountUnlink,
}

/// Why a page action was not taken.
#[derive(Debug, thiserror::Error)]
pub enum InboundError {
    /// Empty or too long text, payload or title.
    #[error("{0}")]
    Invalid(&'static str),
    /// The sink refused the events (the store is down): try again.
    #[error("the bot could not take the message: {0}")]
    Sink(#[from] bankbot_messenger::SinkError),
    /// The parser did not read our own envelope (a bug: reported, never panicked on).
    #[error("the message could not be read as a webhook event: {0}")]
    Parse(#[from] bankbot_messenger::ParseError),
}

impl PageAction {
    fn check(&self) -> Result<(), InboundError> {
        let long = |s: &str, max: usize| s.chars().count() > max;
        match self {
            PageAction::Text { text } if text.trim().is_empty() => {
                Err(InboundError::Invalid("the message is empty"))
            }
            PageAction::Text { text } if long(text, MAX_TEXT_CHARS) => Err(InboundError::Invalid(
                "the message is longer than 2,000 characters",
            )),
            PageAction::QuickReply { title, payload } | PageAction::Postback { title, payload }
                if payload.is_empty()
                    || long(payload, MAX_PAYLOAD_CHARS)
                    || long(title, MAX_PAYLOAD_CHARS) =>
            {
                Err(InboundError::Invalid(
                    "a tap needs a payload of 1 to 1,000 characters",
                ))
            }
            _ => Ok(()),
        }
    }

    /// The `messaging` entry Messenger would deliver for this action.
    fn messaging(&self, user: &UserId, mid: &str, at_ms: i64) -> Value {
        let mut event = envelope_event(user, at_ms);
        match self {
            PageAction::Text { text } => {
                event["message"] = json!({"mid": mid, "text": text});
            }
            PageAction::QuickReply { title, payload } => {
                event["message"] =
                    json!({"mid": mid, "text": title, "quick_reply": {"payload": payload}});
            }
            PageAction::Postback { title, payload } => {
                event["postback"] = json!({"mid": mid, "title": title, "payload": payload});
            }
            PageAction::AccountUnlink => {
                event["account_linking"] = json!({"status": "unlinked"});
            }
        }
        event
    }
}

fn envelope_event(user: &UserId, at_ms: i64) -> Value {
    json!({
        "sender": {"id": user.as_str()},
        "recipient": {"id": PLAYGROUND_PAGE_ID},
        "timestamp": at_ms,
    })
}

/// The `account_linking` entry Messenger delivers once the login page redirected back.
fn account_linked(user: &UserId, authorization_code: &str, at_ms: i64) -> Value {
    let mut event = envelope_event(user, at_ms);
    event["account_linking"] =
        json!({"status": "linked", "authorization_code": authorization_code});
    event
}

/// Reads `messaging` through the webhook parser and hands the events to `sink`.
async fn deliver(sink: &dyn EventSink, messaging: Value, at_ms: i64) -> Result<(), InboundError> {
    let body = json!({
        "object": "page",
        "entry": [{"id": PLAYGROUND_PAGE_ID, "time": at_ms, "messaging": [messaging]}],
    });
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    let events: Vec<InboundEvent> = parse_body(&bytes, &ParseOptions::default())?;
    sink.accept(events).await?;
    Ok(())
}

/// Delivers `action` of `user` as message `mid`.
pub async fn send_action(
    sink: &dyn EventSink,
    user: &UserId,
    action: &PageAction,
    mid: &str,
) -> Result<(), InboundError> {
    action.check()?;
    let at = chrono::Utc::now().timestamp_millis();
    deliver(sink, action.messaging(user, mid, at), at).await
}

/// Delivers the `account_linking` event that completes a link for `user`.
pub async fn send_account_linked(
    sink: &dyn EventSink,
    user: &UserId,
    authorization_code: &str,
) -> Result<(), InboundError> {
    let at = chrono::Utc::now().timestamp_millis();
    deliver(sink, account_linked(user, authorization_code, at), at).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_messenger::{InboundKind, SinkError};
    use std::sync::Mutex;

    #[derive(Default)]
    struct Collect(Mutex<Vec<InboundEvent>>);

    #[async_trait::async_trait]
    impl EventSink for Collect {
        async fn accept(&self, events: Vec<InboundEvent>) -> Result<(), SinkError> {
            self.0.lock().unwrap().extend(events);
            Ok(())
        }
    }

    #[tokio::test]
    async fn page_actions_become_the_webhook_events_messenger_sends() {
        let sink = Collect::default();
        let user = UserId::new("pg-1");
        let actions = [
            PageAction::Text {
                text: "what's my balance".into(),
            },
            PageAction::QuickReply {
                title: "Checking".into(),
                payload: "ACCOUNT:chk".into(),
            },
            PageAction::Postback {
                title: "Get Started".into(),
                payload: bankbot_core::Payload::GetStarted.to_string(),
            },
        ];
        for (i, action) in actions.iter().enumerate() {
            send_action(&sink, &user, action, &format!("pg-m-{i}"))
                .await
                .unwrap();
        }
        send_account_linked(&sink, &user, "alc_123").await.unwrap();
        send_action(&sink, &user, &PageAction::AccountUnlink, "m")
            .await
            .unwrap();
        let events = sink.0.lock().unwrap().clone();
        assert_eq!(events.len(), 5);
        assert!(matches!(events[4].kind, InboundKind::AccountUnlinked));
        assert!(events.iter().all(|e| e.user_id == user && !e.standby));
        assert_eq!(events[0].event_id, "pg-m-0");
        assert!(
            matches!(&events[0].kind, InboundKind::Text { text, quick_reply_payload: None, .. } if text == "what's my balance")
        );
        assert!(
            matches!(&events[1].kind, InboundKind::Text { quick_reply_payload: Some(p), .. } if p == "ACCOUNT:chk")
        );
        assert!(
            matches!(&events[2].kind, InboundKind::Postback { payload: Some(p), .. } if p == "GET_STARTED")
        );
        assert!(
            matches!(&events[3].kind, InboundKind::AccountLinked { authorization_code } if authorization_code == "alc_123")
        );
    }

    #[tokio::test]
    async fn bad_actions_are_refused_politely() {
        let sink = Collect::default();
        let user = UserId::new("pg-1");
        let bad = [
            PageAction::Text { text: "  ".into() },
            PageAction::Text {
                text: "x".repeat(2001),
            },
            PageAction::Postback {
                title: "t".into(),
                payload: String::new(),
            },
        ];
        for action in &bad {
            assert!(matches!(
                send_action(&sink, &user, action, "m").await,
                Err(InboundError::Invalid(_))
            ));
        }
        assert!(sink.0.lock().unwrap().is_empty());
    }
}
