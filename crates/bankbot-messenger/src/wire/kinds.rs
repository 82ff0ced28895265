//! The event-kind objects of a webhook event, exactly as Meta names their fields.
//! Every field is optional and lenient (see [`crate::flex`]).

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::flex::{self, Lenient, LenientSeq};

/// `sender` / `recipient`: a PSID or Page id, or a chat-plugin `user_ref`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Party {
    /// The PSID or Page id.
    #[serde(default, deserialize_with = "flex::id")]
    pub id: Option<String>,
    /// Chat-plugin / checkbox user reference.
    #[serde(default, deserialize_with = "flex::id")]
    pub user_ref: Option<String>,
}

/// `message` (also echoes, with `is_echo`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Message {
    /// Message id, the dedupe key.
    #[serde(default, deserialize_with = "flex::id")]
    pub mid: Option<String>,
    /// Text (the button title for quick-reply taps).
    #[serde(default, deserialize_with = "flex::string")]
    pub text: Option<String>,
    /// Set when the user tapped a quick reply.
    #[serde(default)]
    pub quick_reply: Lenient<QuickReplyTap>,
    /// Set when the user replied to a specific message.
    #[serde(default)]
    pub reply_to: Lenient<ReplyTo>,
    /// Media, fallback, location … attachments.
    #[serde(default)]
    pub attachments: LenientSeq<Attachment>,
    /// Click-to-Messenger ad / Shops referral.
    #[serde(default)]
    pub referral: Lenient<Referral>,
    /// True on echoes of messages the Page sent.
    #[serde(default, deserialize_with = "flex::boolean")]
    pub is_echo: bool,
    /// The app that sent an echoed message.
    #[serde(default, deserialize_with = "flex::id")]
    pub app_id: Option<String>,
    /// Metadata passed to the Send API, returned in the echo.
    #[serde(default, deserialize_with = "flex::string")]
    pub metadata: Option<String>,
}

/// `message.quick_reply`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct QuickReplyTap {
    /// The developer-defined payload.
    #[serde(default, deserialize_with = "flex::string")]
    pub payload: Option<String>,
}

/// `message.reply_to`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ReplyTo {
    /// The message replied to.
    #[serde(default, deserialize_with = "flex::id")]
    pub mid: Option<String>,
    /// Whether the user replied to their own message.
    #[serde(default, deserialize_with = "flex::boolean")]
    pub is_self_reply: bool,
}

/// One element of `message.attachments`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Attachment {
    /// `image`, `audio`, `video`, `file`, `fallback`, `location`, `sticker`, `template` …
    #[serde(default, rename = "type", deserialize_with = "flex::string")]
    pub kind: Option<String>,
    /// The payload (absent or `null` for some fallbacks).
    #[serde(default)]
    pub payload: Lenient<AttachmentPayload>,
    /// Legacy top-level title (location, old fallback).
    #[serde(default, deserialize_with = "flex::string")]
    pub title: Option<String>,
    /// Legacy top-level URL (location).
    #[serde(default, deserialize_with = "flex::string")]
    pub url: Option<String>,
    /// Legacy fallback URL, capitalised.
    #[serde(default, rename = "URL", deserialize_with = "flex::string")]
    pub url_upper: Option<String>,
}

/// `attachments[].payload`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct AttachmentPayload {
    /// Media or link URL.
    #[serde(default, deserialize_with = "flex::string")]
    pub url: Option<String>,
    /// Link title (fallback).
    #[serde(default, deserialize_with = "flex::string")]
    pub title: Option<String>,
    /// Sticker id.
    #[serde(default, deserialize_with = "flex::id")]
    pub sticker_id: Option<String>,
    /// Legacy location coordinates.
    #[serde(default)]
    pub coordinates: Lenient<Coordinates>,
}

/// Legacy location coordinates.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Coordinates {
    /// Latitude.
    #[serde(default, deserialize_with = "flex::number")]
    pub lat: Option<f64>,
    /// Longitude (Meta's key is `long`).
    #[serde(default, rename = "long", deserialize_with = "flex::number")]
    pub long: Option<f64>,
}

/// `postback`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Postback {
    /// Message id (v11.0+).
    #[serde(default, deserialize_with = "flex::id")]
    pub mid: Option<String>,
    /// Button title.
    #[serde(default, deserialize_with = "flex::string")]
    pub title: Option<String>,
    /// Payload (absent on standby).
    #[serde(default, deserialize_with = "flex::string")]
    pub payload: Option<String>,
    /// Entry point referral (first postback only).
    #[serde(default)]
    pub referral: Lenient<Referral>,
}

/// `referral` (standalone event, inside postbacks and messages).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Referral {
    /// The `ref` parameter.
    #[serde(default, rename = "ref", deserialize_with = "flex::string")]
    pub ref_param: Option<String>,
    /// `SHORTLINK`, `ADS`, `CUSTOMER_CHAT_PLUGIN` …
    #[serde(default, deserialize_with = "flex::string")]
    pub source: Option<String>,
    /// `OPEN_THREAD` …
    #[serde(default, rename = "type", deserialize_with = "flex::string")]
    pub kind: Option<String>,
    /// Ad id for ad referrals.
    #[serde(default, deserialize_with = "flex::id")]
    pub ad_id: Option<String>,
    /// Page the chat plugin was on.
    #[serde(default, deserialize_with = "flex::string")]
    pub referer_uri: Option<String>,
    /// Chat-plugin guest users.
    #[serde(default, deserialize_with = "flex::boolean")]
    pub is_guest_user: bool,
}

/// `account_linking`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct AccountLinking {
    /// `linked` or `unlinked`.
    #[serde(default, deserialize_with = "flex::string")]
    pub status: Option<String>,
    /// The code the bank's login page appended to `redirect_uri`.
    #[serde(default, deserialize_with = "flex::string")]
    pub authorization_code: Option<String>,
}

/// `optin`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Optin {
    /// Pass-through parameter.
    #[serde(default, rename = "ref", deserialize_with = "flex::string")]
    pub ref_param: Option<String>,
    /// Checkbox-plugin user reference.
    #[serde(default, deserialize_with = "flex::id")]
    pub user_ref: Option<String>,
    /// `notification_messages`, `one_time_notif_req` …
    #[serde(default, rename = "type", deserialize_with = "flex::string")]
    pub kind: Option<String>,
    /// Developer payload.
    #[serde(default, deserialize_with = "flex::string")]
    pub payload: Option<String>,
    /// Marketing-message token.
    #[serde(default, deserialize_with = "flex::string")]
    pub notification_messages_token: Option<String>,
    /// Legacy one-time-notification token.
    #[serde(default, deserialize_with = "flex::string")]
    pub one_time_notif_token: Option<String>,
}

/// `read`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Read {
    /// Everything before or at this instant was read.
    #[serde(default, deserialize_with = "flex::millis")]
    pub watermark: Option<i64>,
}

/// `delivery`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Delivery {
    /// Delivered message ids (may be absent).
    #[serde(default)]
    pub mids: LenientSeq<String>,
    /// Everything before this instant was delivered.
    #[serde(default, deserialize_with = "flex::millis")]
    pub watermark: Option<i64>,
}

/// `reaction`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Reaction {
    /// `smile`, `angry`, `sad`, `wow`, `love`, `like`, `dislike`, `other`.
    #[serde(default, deserialize_with = "flex::string")]
    pub reaction: Option<String>,
    /// The emoji.
    #[serde(default, deserialize_with = "flex::string")]
    pub emoji: Option<String>,
    /// `react` or `unreact`.
    #[serde(default, deserialize_with = "flex::string")]
    pub action: Option<String>,
    /// The message reacted to.
    #[serde(default, deserialize_with = "flex::id")]
    pub mid: Option<String>,
}

/// `pass_thread_control` and `take_thread_control`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct ThreadControl {
    /// Previous owner (may be `null` when the thread was idle).
    #[serde(default, deserialize_with = "flex::id")]
    pub previous_owner_app_id: Option<String>,
    /// New owner.
    #[serde(default, deserialize_with = "flex::id")]
    pub new_owner_app_id: Option<String>,
    /// Caller's metadata.
    #[serde(default, deserialize_with = "flex::string")]
    pub metadata: Option<String>,
}

/// `request_thread_control`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct RequestThreadControl {
    /// The app asking for control.
    #[serde(default, deserialize_with = "flex::id")]
    pub requested_owner_app_id: Option<String>,
    /// Caller's metadata.
    #[serde(default, deserialize_with = "flex::string")]
    pub metadata: Option<String>,
}

/// `app_roles`: app id → roles.
pub type AppRoles = BTreeMap<String, LenientSeq<String>>;

/// `policy_enforcement` (also `policy-enforcement`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct PolicyEnforcement {
    /// `warning`, `block`, `unblock`.
    #[serde(default, deserialize_with = "flex::string")]
    pub action: Option<String>,
    /// Why (absent on unblock).
    #[serde(default, deserialize_with = "flex::string")]
    pub reason: Option<String>,
}
