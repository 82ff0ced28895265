//! The browser playground's channel: replies to playground users become the exact Send API
//! request bodies the Messenger client would send (with any breach of Meta's limits named),
//! and what the intent engine understood of their messages is reported beside them. Both
//! go out on a [`PlaygroundHub`] the playground page listens to; everyone else's replies go
//! to the channel the hub wraps, untouched.
//!
//! Playground users are recognised by their id alone ([`is_playground_user`]): `pg-` and
//! letters, digits or `-`, which a Messenger PSID (digits only) can never be.

use std::sync::Arc;

use async_trait::async_trait;
use bankbot_core::{IntentMatch, Lang, OutboxLabel, Reply, UserId};
use bankbot_messenger::send::{LimitBreach, limit_breaches, reply_bodies};
use serde::Serialize;
use serde_json::Value;
use tokio::sync::broadcast;

use crate::{DeliveryError, ReplySender};

/// What every playground user id starts with.
pub const PLAYGROUND_USER_PREFIX: &str = "pg-";

/// How many notices a slow page may lag behind before it misses some.
const BACKLOG: usize = 256;

/// True for ids the playground hands out (`pg-` then 1 to 64 ASCII letters, digits, `-`).
pub fn is_playground_user(user: &UserId) -> bool {
    user.as_str()
        .strip_prefix(PLAYGROUND_USER_PREFIX)
        .is_some_and(|rest| {
            (1..=64).contains(&rest.len())
                && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// One thing the playground page is told about one of its users.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum PlaygroundNotice {
    /// A reply, as the Send API request bodies that deliver it, in order.
    Reply {
        /// The user.
        user: UserId,
        /// The outbox label (`RESPONSE`, `UPDATE`, `UTILITY:…`).
        label: String,
        /// Each request body with the limits it breaks (none when Messenger would take it).
        bodies: Vec<CheckedBody>,
    },
    /// What the engine understood of a message (or of one request in it).
    Understood {
        /// The user.
        user: UserId,
        /// The text that was parsed.
        text: String,
        /// The language the session answers in after this message.
        session_lang: Option<Lang>,
        /// The engine's reading.
        parsed: IntentMatch,
    },
}

impl PlaygroundNotice {
    /// Whose conversation it belongs to.
    pub fn user(&self) -> &UserId {
        match self {
            PlaygroundNotice::Reply { user, .. } | PlaygroundNotice::Understood { user, .. } => {
                user
            }
        }
    }
}

/// A Send API request body and the limits it goes beyond.
#[derive(Debug, Clone, Serialize)]
pub struct CheckedBody {
    /// The request body.
    pub body: Value,
    /// Breached limits; empty when within Meta's limits.
    pub breaches: Vec<LimitBreach>,
}

/// Told what the intent engine made of each message the bot parses.
pub trait TurnObserver: Send + Sync {
    /// `user` sent `text`, read as `parsed`; the session now answers in `session_lang`.
    fn understood(
        &self,
        user: &UserId,
        text: &str,
        parsed: &IntentMatch,
        session_lang: Option<Lang>,
    );
}

/// The playground's side of the channel: a broadcast of [`PlaygroundNotice`]s.
#[derive(Debug, Clone)]
pub struct PlaygroundHub {
    tx: broadcast::Sender<Arc<PlaygroundNotice>>,
}

impl Default for PlaygroundHub {
    fn default() -> Self {
        PlaygroundHub {
            tx: broadcast::channel(BACKLOG).0,
        }
    }
}

impl PlaygroundHub {
    /// A hub nobody listens to yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every notice from now on (the page filters on its user).
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<PlaygroundNotice>> {
        self.tx.subscribe()
    }

    fn publish(&self, notice: PlaygroundNotice) {
        // No page listening is not an error: the reply is simply not shown.
        let _ = self.tx.send(Arc::new(notice));
    }
}

impl TurnObserver for PlaygroundHub {
    fn understood(
        &self,
        user: &UserId,
        text: &str,
        parsed: &IntentMatch,
        session_lang: Option<Lang>,
    ) {
        if is_playground_user(user) {
            self.publish(PlaygroundNotice::Understood {
                user: user.clone(),
                text: text.to_owned(),
                session_lang,
                parsed: parsed.clone(),
            });
        }
    }
}

/// Sends playground users' replies to the [`PlaygroundHub`] as Send API bodies, and
/// everyone else's through `inner`.
pub struct PlaygroundSender {
    hub: PlaygroundHub,
    inner: Arc<dyn ReplySender>,
}

impl std::fmt::Debug for PlaygroundSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlaygroundSender").finish_non_exhaustive()
    }
}

impl PlaygroundSender {
    /// Wraps the channel `inner`.
    pub fn new(hub: PlaygroundHub, inner: Arc<dyn ReplySender>) -> Self {
        PlaygroundSender { hub, inner }
    }
}

#[async_trait]
impl ReplySender for PlaygroundSender {
    async fn send(
        &self,
        user: &UserId,
        reply: &Reply,
        label: &OutboxLabel,
    ) -> Result<(), DeliveryError> {
        if !is_playground_user(user) {
            return self.inner.send(user, reply, label).await;
        }
        let bodies = reply_bodies(
            user.as_str(),
            reply,
            crate::messenger::messaging_type(label),
            None,
        )
        .into_iter()
        .map(|body| CheckedBody {
            breaches: limit_breaches(&body),
            body,
        })
        .collect();
        self.hub.publish(PlaygroundNotice::Reply {
            user: user.clone(),
            label: label.to_string(),
            bodies,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::QuickReply;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorder(Mutex<Vec<UserId>>);

    #[async_trait]
    impl ReplySender for Recorder {
        async fn send(
            &self,
            user: &UserId,
            _: &Reply,
            _: &OutboxLabel,
        ) -> Result<(), DeliveryError> {
            self.0.lock().unwrap().push(user.clone());
            Ok(())
        }
    }

    #[test]
    fn only_playground_ids_are_playground_users() {
        for id in ["pg-abc", "pg-0f3e-alice", "pg-1"] {
            assert!(is_playground_user(&UserId::new(id)), "{id}");
        }
        let long = format!("pg-{}", "a".repeat(65));
        for id in [
            "",
            "pg-",
            "1234567890",
            "pg_abc",
            "pg-a b",
            "pg-é",
            "xpg-a",
            &long,
        ] {
            assert!(!is_playground_user(&UserId::new(id)), "{id}");
        }
    }

    #[tokio::test]
    async fn playground_replies_become_send_api_bodies_and_others_pass_through() {
        let hub = PlaygroundHub::new();
        let mut notices = hub.subscribe();
        let inner = Arc::new(Recorder::default());
        let sender = PlaygroundSender::new(hub, inner.clone());
        let reply = Reply::Text {
            text: "Hello".into(),
            quick_replies: vec![QuickReply {
                title: "A title much longer than twenty".into(),
                payload: "P".into(),
            }],
        };
        sender
            .send(&UserId::new("1234"), &reply, &OutboxLabel::Response)
            .await
            .unwrap();
        assert_eq!(*inner.0.lock().unwrap(), vec![UserId::new("1234")]);
        assert!(
            notices.try_recv().is_err(),
            "a Messenger user's reply leaked"
        );
        sender
            .send(&UserId::new("pg-x"), &reply, &OutboxLabel::Update)
            .await
            .unwrap();
        assert_eq!(inner.0.lock().unwrap().len(), 1);
        let notice = notices.try_recv().unwrap();
        let json = serde_json::to_value(&*notice).unwrap();
        assert_eq!(json["type"], "reply");
        let body = &json["bodies"][0]["body"];
        assert_eq!(body["recipient"]["id"], "pg-x");
        assert_eq!(body["messaging_type"], "UPDATE");
        assert_eq!(
            body["message"]["quick_replies"][0]["title"], "A title much longer ",
            "cut to Meta's 20 characters by the Send API builder"
        );
        assert_eq!(json["bodies"][0]["breaches"], serde_json::json!([]));
    }
}
