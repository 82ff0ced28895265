//! The Messenger side of the runtime: webhook events → [`UserEvent`]s, replies → Send API,
//! handover → the Page Inbox.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bankbot_core::{GeoPoint, Lang, OutboxLabel, Reply, UserId};
use bankbot_messenger::{
    HandoverMode, InboundEvent, InboundKind, MessagingType, SendClient, SendError,
};

use crate::utility::UtilityTemplates;
use crate::{DeliveryError, ReplySender, RuntimeError, ThreadControl, UserEvent};

/// What the bot must act on in a webhook event, `None` for what it only observes (reads,
/// deliveries, its own echoes, reactions, events while a person owns the thread …).
/// `page_inbox_app_id` is the configured Page Inbox app (`[messenger] page_inbox_app_id`):
/// a thread passed to it is a hand-over, a thread passed anywhere else came back to the bot.
pub(crate) fn user_event(event: &InboundEvent, page_inbox_app_id: u64) -> Option<UserEvent> {
    if event.user_id.as_str().is_empty() {
        return None;
    }
    if event.is_human_reply() {
        return Some(UserEvent::HumanReplied);
    }
    if let InboundKind::PassThreadControl {
        new_owner_app_id, ..
    } = &event.kind
    {
        let to_inbox = new_owner_app_id
            .as_deref()
            .and_then(|id| id.trim().parse::<u64>().ok())
            == Some(page_inbox_app_id);
        return (!to_inbox).then_some(UserEvent::ThreadReturned);
    }
    if event.standby {
        return None;
    }
    match &event.kind {
        InboundKind::Text {
            text,
            quick_reply_payload,
            ..
        } => Some(UserEvent::Message {
            text: text.clone(),
            quick_reply: quick_reply_payload.clone(),
        }),
        InboundKind::Attachments { text, .. } => Some(UserEvent::Message {
            text: text.clone().unwrap_or_default(),
            quick_reply: None,
        }),
        InboundKind::Location { lat, lon, .. } => GeoPoint::new(*lat, *lon)
            .ok()
            .map(|point| UserEvent::Location { point }),
        InboundKind::Postback {
            payload: Some(payload),
            ..
        } => Some(UserEvent::Postback {
            payload: payload.clone(),
        }),
        InboundKind::AccountLinked { authorization_code } => Some(UserEvent::AccountLinked {
            authorization_code: authorization_code.clone(),
        }),
        InboundKind::AccountUnlinked => Some(UserEvent::AccountUnlinked),
        InboundKind::Referral(_) => Some(UserEvent::Postback {
            payload: bankbot_core::Payload::GetStarted.to_string(),
        }),
        _ => None,
    }
}

/// Delivers replies through the Messenger Send API.
#[derive(Debug, Clone)]
pub struct MessengerSender {
    client: Arc<SendClient>,
    templates: UtilityTemplates,
}

impl MessengerSender {
    /// Sends through `client`, with the default utility-template settings. Each reply gets
    /// one attempt ([`SendClient::single_attempt`]): the outbox owns the retries.
    pub fn new(client: Arc<SendClient>) -> Self {
        MessengerSender {
            client: Arc::new(client.single_attempt()),
            templates: UtilityTemplates::default(),
        }
    }

    /// Uses `templates` for replies labelled as utility messages.
    pub fn with_utility_templates(mut self, templates: UtilityTemplates) -> Self {
        self.templates = templates;
        self
    }

    async fn send_utility(
        &self,
        user: &UserId,
        reply: &Reply,
        template: &str,
        lang: Lang,
    ) -> Result<(), DeliveryError> {
        let Some(message) = self.templates.message(template, lang, reply) else {
            if matches!(reply, Reply::Typing { .. }) {
                return Ok(());
            }
            return Err(DeliveryError::GiveUp {
                reason: "not_a_template_reply",
            });
        };
        match self.client.send_utility(user.as_str(), &message).await {
            Ok(_) => Ok(()),
            Err(SendError::Permanent { .. } | SendError::InvalidReply(_)) => {
                Err(DeliveryError::GiveUp {
                    reason: "utility_template_rejected",
                })
            }
            Err(err) => Err(classify(&err)),
        }
    }
}

/// The Send API `messaging_type` an outbox label asks for (a utility label is sent as a
/// template by [`MessengerSender`]; shown elsewhere, it reads as a response).
pub(crate) fn messaging_type(label: &OutboxLabel) -> MessagingType {
    match label {
        OutboxLabel::Update => MessagingType::Update,
        OutboxLabel::HumanAgent => MessagingType::HumanAgent,
        OutboxLabel::Response | OutboxLabel::Utility { .. } => MessagingType::Response,
    }
}

#[async_trait]
impl ReplySender for MessengerSender {
    async fn send(
        &self,
        user: &UserId,
        reply: &Reply,
        label: &OutboxLabel,
    ) -> Result<(), DeliveryError> {
        if let Some((template, lang)) = label.as_utility() {
            return self.send_utility(user, reply, template, lang).await;
        }
        match self
            .client
            .send_reply(user.as_str(), reply, messaging_type(label), None)
            .await
        {
            Ok(_) => Ok(()),
            Err(err) => Err(classify(&err)),
        }
    }
}

fn classify(err: &SendError) -> DeliveryError {
    match err {
        SendError::RateLimited { .. } => DeliveryError::Retry {
            reason: "rate_limited",
            after: Some(Duration::from_secs(5)),
        },
        SendError::RetryLater { .. } => DeliveryError::Retry {
            reason: "graph_unavailable",
            after: None,
        },
        SendError::TokenInvalid { .. } => DeliveryError::Retry {
            reason: "page_token_invalid",
            after: Some(Duration::from_secs(60)),
        },
        SendError::UserUnreachable { .. } => DeliveryError::GiveUp {
            reason: "user_unreachable",
        },
        SendError::OutsideWindow { .. } => DeliveryError::GiveUp {
            reason: "outside_window",
        },
        SendError::NotPermitted { .. } => DeliveryError::GiveUp {
            reason: "not_permitted",
        },
        SendError::InvalidReply(_) => DeliveryError::GiveUp {
            reason: "invalid_reply",
        },
        _ => DeliveryError::GiveUp { reason: "rejected" },
    }
}

/// Hands threads to the Page Inbox (handover protocol or conversation routing).
#[derive(Debug, Clone)]
pub struct MessengerThreadControl {
    client: Arc<SendClient>,
    mode: HandoverMode,
}

impl MessengerThreadControl {
    /// Hands threads over through `client` (whose options name the Page Inbox app id).
    pub fn new(client: Arc<SendClient>, mode: HandoverMode) -> Self {
        MessengerThreadControl { client, mode }
    }
}

#[async_trait]
impl ThreadControl for MessengerThreadControl {
    async fn pass_to_human(&self, user: &UserId) -> Result<(), RuntimeError> {
        self.client
            .hand_to_human(
                self.mode,
                user.as_str(),
                Some("customer asked for a person"),
                None,
            )
            .await
            .map_err(|e| RuntimeError::Handover(e.to_string()))
    }
}

/// Asks Messenger whose `account_linking_token` it is (`GET /me?fields=recipient`).
#[derive(Debug, Clone)]
pub struct MessengerLinkTokenOwner {
    client: Arc<SendClient>,
}

impl MessengerLinkTokenOwner {
    /// Asks through `client` (the Page's access token).
    pub fn new(client: Arc<SendClient>) -> Self {
        MessengerLinkTokenOwner { client }
    }
}

#[async_trait]
impl crate::LinkTokenOwner for MessengerLinkTokenOwner {
    async fn owner_of(
        &self,
        account_linking_token: &str,
    ) -> Result<UserId, crate::OwnerLookupError> {
        match self
            .client
            .account_linking_recipient(account_linking_token)
            .await
        {
            Ok(psid) => Ok(UserId::new(psid)),
            Err(SendError::Permanent { .. } | SendError::UserUnreachable { .. }) => {
                Err(crate::OwnerLookupError::UnknownToken)
            }
            Err(err) => {
                tracing::warn!(error = %err, "account-linking token look-up failed");
                Err(crate::OwnerLookupError::Unavailable)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passed_to(new_owner: &str) -> InboundEvent {
        InboundEvent {
            event_id: "h_1".into(),
            page_id: "PAGE".into(),
            user_id: UserId("PSID".into()),
            timestamp: chrono::Utc::now(),
            standby: false,
            kind: InboundKind::PassThreadControl {
                previous_owner_app_id: Some("1".into()),
                new_owner_app_id: Some(new_owner.into()),
                metadata: None,
            },
        }
    }

    #[test]
    fn thread_control_is_read_against_the_configured_page_inbox() {
        let custom: u64 = 987_654_321;
        // Passed to the Page's own inbox app: a hand-over, nothing for the bot.
        assert_eq!(user_event(&passed_to("987654321"), custom), None);
        // Passed to Meta's usual inbox while the Page uses another one: back to the bot.
        assert_eq!(
            user_event(&passed_to("263902037430900"), custom),
            Some(UserEvent::ThreadReturned)
        );
        assert_eq!(
            user_event(&passed_to("263902037430900"), 263_902_037_430_900),
            None
        );
    }
}
