//! The channel-neutral inbound event the runtime consumes.

use std::collections::BTreeMap;

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One thing that happened in a conversation, normalised from a webhook event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboundEvent {
    /// Stable dedupe key: the `mid` of messages, echoes and postbacks that carry one,
    /// otherwise `h_` + a SHA-256 prefix over (kind, page, user, timestamp, payload).
    /// Meta's re-deliveries of the same event produce the same key.
    pub event_id: String,
    /// The Page the conversation belongs to.
    pub page_id: String,
    /// The customer's page-scoped id (PSID). For echoes it is the recipient of the Page's
    /// message. Empty for events without a user (policy enforcement, app roles, checkbox
    /// opt-ins and chat-plugin users, whose `user_ref` is in the kind).
    pub user_id: UserId,
    /// When it happened (the event timestamp; the watermark for deliveries without one;
    /// the entry time, then the time the webhook received it, as last resorts: never 1970).
    pub timestamp: DateTime<Utc>,
    /// True when delivered on `standby`: another app (e.g. a human in the Page Inbox)
    /// owns the thread, so this app must only observe.
    pub standby: bool,
    /// What happened.
    pub kind: InboundKind,
}

/// The kind of an [`InboundEvent`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum InboundKind {
    /// The customer typed (or tapped a quick reply, whose payload is set).
    Text {
        /// The text (for quick-reply taps, the button title).
        text: String,
        /// The tapped quick reply's payload.
        quick_reply_payload: Option<String>,
        /// The `mid` this message replies to.
        reply_to: Option<String>,
    },
    /// Attachments (media, shared links, stickers), possibly with text.
    Attachments {
        /// Text sent with them.
        text: Option<String>,
        /// The attachments.
        attachments: Vec<AttachmentInfo>,
        /// The `mid` this message replies to.
        reply_to: Option<String>,
    },
    /// A shared location (legacy attachment).
    Location {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
        /// Title such as "Pinned Location".
        title: Option<String>,
    },
    /// A button, menu item, ice breaker or Get Started tap.
    Postback {
        /// The button title.
        title: Option<String>,
        /// The payload (absent on standby).
        payload: Option<String>,
        /// How the user entered (first postback only).
        referral: Option<ReferralInfo>,
    },
    /// The customer completed account linking.
    AccountLinked {
        /// The opaque code the bank's login page minted.
        authorization_code: String,
    },
    /// The customer unlinked.
    AccountUnlinked,
    /// A plugin or notification opt-in.
    Optin {
        /// Pass-through `ref`.
        ref_param: Option<String>,
        /// Checkbox-plugin user reference (no PSID yet).
        user_ref: Option<String>,
        /// Opt-in type such as `notification_messages`.
        optin_type: Option<String>,
        /// Developer payload.
        payload: Option<String>,
    },
    /// A returning user entered via a link, ad or plugin.
    Referral(ReferralInfo),
    /// A message the Page sent (by this bot, another app or a human).
    Echo {
        /// The `mid` of the Page's message.
        mid: Option<String>,
        /// The sending app.
        app_id: Option<u64>,
        /// True when the app is the Page Inbox: a human agent replied.
        by_human: bool,
        /// Metadata passed to the Send API.
        metadata: Option<String>,
        /// The text sent, if any.
        text: Option<String>,
    },
    /// The customer read everything up to `watermark`.
    Read {
        /// Read up to here.
        watermark: DateTime<Utc>,
    },
    /// Messages were delivered up to `watermark`.
    Delivery {
        /// Delivered message ids (may be empty).
        mids: Vec<String>,
        /// Delivered up to here.
        watermark: Option<DateTime<Utc>>,
    },
    /// A reaction to a message.
    Reaction {
        /// The message reacted to.
        mid: Option<String>,
        /// `like`, `love` …
        reaction: Option<String>,
        /// The emoji.
        emoji: Option<String>,
        /// False for `unreact`.
        added: bool,
    },
    /// Thread control was passed to an app (possibly back to this one).
    PassThreadControl {
        /// Previous owner.
        previous_owner_app_id: Option<String>,
        /// New owner.
        new_owner_app_id: Option<String>,
        /// Caller's metadata.
        metadata: Option<String>,
    },
    /// An app took thread control.
    TakeThreadControl {
        /// Previous owner.
        previous_owner_app_id: Option<String>,
        /// New owner.
        new_owner_app_id: Option<String>,
        /// Caller's metadata.
        metadata: Option<String>,
    },
    /// An app (e.g. the Page Inbox) asks for thread control.
    RequestThreadControl {
        /// The app asking.
        requested_owner_app_id: Option<String>,
        /// Caller's metadata.
        metadata: Option<String>,
    },
    /// Handover roles changed: app id → roles.
    AppRoles {
        /// App id → roles such as `primary_receiver`.
        roles: BTreeMap<String, Vec<String>>,
    },
    /// Meta warned, blocked or unblocked the Page: alert operations.
    PolicyEnforcement {
        /// `warning`, `block`, `unblock`.
        action: String,
        /// Why.
        reason: Option<String>,
    },
    /// An event kind this crate does not model (or a known key with an unusable value).
    Unknown {
        /// The key that named the kind, when there was one.
        key: Option<String>,
    },
}

/// One attachment of a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentInfo {
    /// `image`, `audio`, `video`, `file`, `fallback`, `sticker`, `template` …
    pub kind: String,
    /// Media or link URL.
    pub url: Option<String>,
    /// Link title.
    pub title: Option<String>,
    /// Sticker id.
    pub sticker_id: Option<String>,
}

/// Where a user came from (m.me link, ad, chat plugin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralInfo {
    /// The `ref` parameter.
    pub ref_param: Option<String>,
    /// `SHORTLINK`, `ADS`, `CUSTOMER_CHAT_PLUGIN` …
    pub source: Option<String>,
    /// `OPEN_THREAD` …
    pub referral_type: Option<String>,
    /// Ad id.
    pub ad_id: Option<String>,
    /// Chat-plugin user reference (no PSID yet).
    pub user_ref: Option<String>,
}

impl InboundEvent {
    /// True when the runtime should answer: customer messages, postbacks, linking changes,
    /// opt-ins and referrals on the owner channel. Never for standby events, echoes, reads,
    /// deliveries, reactions, handover, role or policy events, or unknown kinds.
    pub fn wants_reply(&self) -> bool {
        if self.standby || self.user_id.as_str().is_empty() {
            return false;
        }
        matches!(
            self.kind,
            InboundKind::Text { .. }
                | InboundKind::Attachments { .. }
                | InboundKind::Location { .. }
                | InboundKind::Postback { .. }
                | InboundKind::AccountLinked { .. }
                | InboundKind::AccountUnlinked
                | InboundKind::Optin { .. }
                | InboundKind::Referral(_)
        )
    }

    /// True for an echo of a message a human agent typed in the Page Inbox.
    pub fn is_human_reply(&self) -> bool {
        matches!(self.kind, InboundKind::Echo { by_human: true, .. })
    }

    /// A short, stable name of the kind (`text`, `postback`, `echo` …) for logs and metrics.
    pub fn kind_name(&self) -> &'static str {
        self.kind.name()
    }
}

impl InboundKind {
    /// A short, stable name of the kind.
    pub fn name(&self) -> &'static str {
        match self {
            InboundKind::Text { .. } => "text",
            InboundKind::Attachments { .. } => "attachments",
            InboundKind::Location { .. } => "location",
            InboundKind::Postback { .. } => "postback",
            InboundKind::AccountLinked { .. } => "account_linked",
            InboundKind::AccountUnlinked => "account_unlinked",
            InboundKind::Optin { .. } => "optin",
            InboundKind::Referral(_) => "referral",
            InboundKind::Echo { .. } => "echo",
            InboundKind::Read { .. } => "read",
            InboundKind::Delivery { .. } => "delivery",
            InboundKind::Reaction { .. } => "reaction",
            InboundKind::PassThreadControl { .. } => "pass_thread_control",
            InboundKind::TakeThreadControl { .. } => "take_thread_control",
            InboundKind::RequestThreadControl { .. } => "request_thread_control",
            InboundKind::AppRoles { .. } => "app_roles",
            InboundKind::PolicyEnforcement { .. } => "policy_enforcement",
            InboundKind::Unknown { .. } => "unknown",
        }
    }
}
