//! Handing a conversation to a human (the Page Inbox) and taking it back.
//!
//! Two Page set-ups exist and a deployment uses one of them ([`HandoverMode`]):
//! - the **handover protocol**: `POST /me/pass_thread_control` (with `target_app_id` and
//!   `metadata`) and `POST /me/take_thread_control`;
//! - **conversation routing**: control moves with the Send API's `thread_control`
//!   parameter (`{"app_id": …, "control_type": "pass"}`, `{"control_type": "release"}`),
//!   optionally on the message that tells the customer an agent is coming. Meta documents
//!   this shape for Instagram routing and lists it on the Page messages edge; its exact
//!   Messenger semantics are not documented, so taking control back
//!   uses `take_thread_control` in both modes.

use serde_json::{Value, json};

use crate::send::{MessagingType, SendClient, SendError, message_body};

/// How the Page is configured for multi-app conversations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum HandoverMode {
    /// Primary/secondary receivers and the thread-control endpoints.
    #[default]
    HandoverProtocol,
    /// Conversation routing: `thread_control` on Send API calls.
    ConversationRouting,
}

/// The body of `POST /me/pass_thread_control`.
pub fn pass_thread_control_body(psid: &str, target_app_id: u64, metadata: Option<&str>) -> Value {
    let mut body = json!({"recipient": {"id": psid}, "target_app_id": target_app_id});
    if let Some(m) = metadata {
        body["metadata"] = json!(m);
    }
    body
}

/// The body of `POST /me/take_thread_control` (also `request_thread_control`).
pub fn take_thread_control_body(psid: &str, metadata: Option<&str>) -> Value {
    let mut body = json!({"recipient": {"id": psid}});
    if let Some(m) = metadata {
        body["metadata"] = json!(m);
    }
    body
}

/// A conversation-routing pass: the Send API body, with the customer-facing `notice`
/// as its message when given (otherwise the body carries only the control change).
pub fn routing_pass_body(psid: &str, app_id: u64, notice: Option<&str>) -> Value {
    let mut body = match notice {
        Some(text) => message_body(psid, json!({ "text": text }), MessagingType::Response, None),
        None => json!({"recipient": {"id": psid}}),
    };
    body["thread_control"] = json!({"app_id": app_id.to_string(), "control_type": "pass"});
    body
}

/// A conversation-routing release: the thread returns to idle.
pub fn routing_release_body(psid: &str) -> Value {
    json!({"recipient": {"id": psid}, "thread_control": {"control_type": "release"}})
}

impl SendClient {
    /// Passes the thread to `target_app_id` (handover protocol). `metadata` reaches the
    /// receiving app in its `pass_thread_control` event; keep PII out of it.
    pub async fn pass_thread_control(
        &self,
        psid: &str,
        target_app_id: u64,
        metadata: Option<&str>,
    ) -> Result<(), SendError> {
        let body = pass_thread_control_body(psid, target_app_id, metadata);
        self.post("me/pass_thread_control", &body).await.map(drop)
    }

    /// Takes the thread back (handover protocol; the primary receiver may always do this).
    pub async fn take_thread_control(
        &self,
        psid: &str,
        metadata: Option<&str>,
    ) -> Result<(), SendError> {
        let body = take_thread_control_body(psid, metadata);
        self.post("me/take_thread_control", &body).await.map(drop)
    }

    /// Asks the current owner for the thread (secondary receivers).
    pub async fn request_thread_control(
        &self,
        psid: &str,
        metadata: Option<&str>,
    ) -> Result<(), SendError> {
        let body = take_thread_control_body(psid, metadata);
        self.post("me/request_thread_control", &body)
            .await
            .map(drop)
    }

    /// Hands the conversation to the human agents' app (`SendOptions::page_inbox_app_id`).
    /// With conversation routing, `notice` (if any) is sent to the customer in the same
    /// call; with the handover protocol, send the notice first yourself.
    pub async fn hand_to_human(
        &self,
        mode: HandoverMode,
        psid: &str,
        metadata: Option<&str>,
        notice: Option<&str>,
    ) -> Result<(), SendError> {
        let inbox = self.options().page_inbox_app_id;
        match mode {
            HandoverMode::HandoverProtocol => self.pass_thread_control(psid, inbox, metadata).await,
            HandoverMode::ConversationRouting => {
                let body = routing_pass_body(psid, inbox, notice);
                self.send_body(&body).await.map(drop)
            }
        }
    }

    /// Takes the conversation back from the humans (e.g. after a timeout or when the
    /// customer asks for the bot). Both modes use `take_thread_control`; for routed Pages
    /// this is the documented path for an idle or bot-owned conversation (unconfirmed for
    /// threads an agent still holds: expect a [`SendError::NotPermitted`] then).
    pub async fn take_back(
        &self,
        mode: HandoverMode,
        psid: &str,
        metadata: Option<&str>,
    ) -> Result<(), SendError> {
        tracing::debug!(?mode, "taking thread control back");
        self.take_thread_control(psid, metadata).await
    }

    /// Releases this app's control so the conversation becomes idle
    /// (`release_thread_control`, or `thread_control: release` with routing).
    pub async fn release(&self, mode: HandoverMode, psid: &str) -> Result<(), SendError> {
        match mode {
            HandoverMode::HandoverProtocol => {
                let body = take_thread_control_body(psid, None);
                self.post("me/release_thread_control", &body)
                    .await
                    .map(drop)
            }
            HandoverMode::ConversationRouting => {
                self.send_body(&routing_release_body(psid)).await.map(drop)
            }
        }
    }

    /// The app id that owns the thread now, if any (`GET /me/thread_owner`).
    pub async fn thread_owner(&self, psid: &str) -> Result<Option<String>, SendError> {
        let v = self.get("me/thread_owner", &[("recipient", psid)]).await?;
        let owner = &v["data"][0]["thread_owner"]["app_id"];
        Ok(match owner {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
    }
}
