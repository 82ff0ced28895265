//! The event-kind objects of a webhook event, exactly as Meta names their fields.
//! Every field is optional and lenient (see [`crate::flex`]).

use std::collections::BTreeMap;

use crate::flex::{Bool, Id, Millis, Num, Obj, SeqOf, Str, total_struct};

total_struct! {
    /// `sender` / `recipient`: a PSID or Page id, or a chat-plugin `user_ref`.
    pub struct Party {
        /// The PSID or Page id.
        "id" => pub id: Option<String> as Id,
        /// Chat-plugin / checkbox user reference.
        "user_ref" => pub user_ref: Option<String> as Id,
    }
}

total_struct! {
    /// `message` (also echoes, with `is_echo`).
    pub struct Message {
        /// Message id, the dedupe key.
        "mid" => pub mid: Option<String> as Id,
        /// Text (the button title for quick-reply taps).
        "text" => pub text: Option<String> as Str,
        /// Set when the user tapped a quick reply.
        "quick_reply" => pub quick_reply: Option<QuickReplyTap> as Obj<QuickReplyTap>,
        /// Set when the user replied to a specific message.
        "reply_to" => pub reply_to: Option<ReplyTo> as Obj<ReplyTo>,
        /// Media, fallback, location … attachments.
        "attachments" => pub attachments: Vec<Attachment> as SeqOf<Obj<Attachment>>,
        /// Click-to-Messenger ad / Shops referral.
        "referral" => pub referral: Option<Referral> as Obj<Referral>,
        /// True on echoes of messages the Page sent.
        "is_echo" => pub is_echo: bool as Bool,
        /// The app that sent an echoed message.
        "app_id" => pub app_id: Option<String> as Id,
        /// Metadata passed to the Send API, returned in the echo.
        "metadata" => pub metadata: Option<String> as Str,
    }
}

total_struct! {
    /// `message.quick_reply`.
    pub struct QuickReplyTap {
        /// The developer-defined payload.
        "payload" => pub payload: Option<String> as Str,
    }
}

total_struct! {
    /// `message.reply_to`.
    pub struct ReplyTo {
        /// The message replied to.
        "mid" => pub mid: Option<String> as Id,
        /// Whether the user replied to their own message.
        "is_self_reply" => pub is_self_reply: bool as Bool,
    }
}

total_struct! {
    /// One element of `message.attachments`.
    pub struct Attachment {
        /// `image`, `audio`, `video`, `file`, `fallback`, `location`, `sticker`, `template` …
        "type" => pub kind: Option<String> as Str,
        /// The payload (absent or `null` for some fallbacks).
        "payload" => pub payload: Option<AttachmentPayload> as Obj<AttachmentPayload>,
        /// Legacy top-level title (location, old fallback).
        "title" => pub title: Option<String> as Str,
        /// Legacy top-level URL (location).
        "url" => pub url: Option<String> as Str,
        /// Legacy fallback URL, capitalised.
        "URL" => pub url_upper: Option<String> as Str,
    }
}

total_struct! {
    /// `attachments[].payload`.
    pub struct AttachmentPayload {
        /// Media or link URL.
        "url" => pub url: Option<String> as Str,
        /// Link title (fallback).
        "title" => pub title: Option<String> as Str,
        /// Sticker id.
        "sticker_id" => pub sticker_id: Option<String> as Id,
        /// Legacy location coordinates.
        "coordinates" => pub coordinates: Option<Coordinates> as Obj<Coordinates>,
    }
}

total_struct! {
    /// Legacy location coordinates.
    pub struct Coordinates {
        /// Latitude.
        "lat" => pub lat: Option<f64> as Num,
        /// Longitude (Meta's key is `long`).
        "long" => pub long: Option<f64> as Num,
    }
}

total_struct! {
    /// `postback`.
    pub struct Postback {
        /// Message id (v11.0+).
        "mid" => pub mid: Option<String> as Id,
        /// Button title.
        "title" => pub title: Option<String> as Str,
        /// Payload (absent on standby).
        "payload" => pub payload: Option<String> as Str,
        /// Entry point referral (first postback only).
        "referral" => pub referral: Option<Referral> as Obj<Referral>,
    }
}

total_struct! {
    /// `referral` (standalone event, inside postbacks and messages).
    pub struct Referral {
        /// The `ref` parameter.
        "ref" => pub ref_param: Option<String> as Str,
        /// `SHORTLINK`, `ADS`, `CUSTOMER_CHAT_PLUGIN` …
        "source" => pub source: Option<String> as Str,
        /// `OPEN_THREAD` …
        "type" => pub kind: Option<String> as Str,
        /// Ad id for ad referrals.
        "ad_id" => pub ad_id: Option<String> as Id,
        /// Page the chat plugin was on.
        "referer_uri" => pub referer_uri: Option<String> as Str,
        /// Chat-plugin guest users.
        "is_guest_user" => pub is_guest_user: bool as Bool,
    }
}

total_struct! {
    /// `account_linking`.
    pub struct AccountLinking {
        /// `linked` or `unlinked`.
        "status" => pub status: Option<String> as Str,
        /// The code the bank's login page appended to `redirect_uri`.
        "authorization_code" => pub authorization_code: Option<String> as Str,
    }
}

total_struct! {
    /// `optin`.
    pub struct Optin {
        /// Pass-through parameter.
        "ref" => pub ref_param: Option<String> as Str,
        /// Checkbox-plugin user reference.
        "user_ref" => pub user_ref: Option<String> as Id,
        /// `notification_messages`, `one_time_notif_req` …
        "type" => pub kind: Option<String> as Str,
        /// Developer payload.
        "payload" => pub payload: Option<String> as Str,
        /// Marketing-message token.
        "notification_messages_token" => pub notification_messages_token: Option<String> as Str,
        /// Legacy one-time-notification token.
        "one_time_notif_token" => pub one_time_notif_token: Option<String> as Str,
    }
}

total_struct! {
    /// `read`.
    pub struct Read {
        /// Everything before or at this instant was read.
        "watermark" => pub watermark: Option<i64> as Millis,
    }
}

total_struct! {
    /// `delivery`.
    pub struct Delivery {
        /// Delivered message ids (may be absent).
        "mids" => pub mids: Vec<String> as SeqOf<Str>,
        /// Everything before this instant was delivered.
        "watermark" => pub watermark: Option<i64> as Millis,
    }
}

total_struct! {
    /// `reaction`.
    pub struct Reaction {
        /// `smile`, `angry`, `sad`, `wow`, `love`, `like`, `dislike`, `other`.
        "reaction" => pub reaction: Option<String> as Str,
        /// The emoji.
        "emoji" => pub emoji: Option<String> as Str,
        /// `react` or `unreact`.
        "action" => pub action: Option<String> as Str,
        /// The message reacted to.
        "mid" => pub mid: Option<String> as Id,
    }
}

total_struct! {
    /// `pass_thread_control` and `take_thread_control`.
    pub struct ThreadControl {
        /// Previous owner (may be `null` when the thread was idle).
        "previous_owner_app_id" => pub previous_owner_app_id: Option<String> as Id,
        /// New owner.
        "new_owner_app_id" => pub new_owner_app_id: Option<String> as Id,
        /// Caller's metadata.
        "metadata" => pub metadata: Option<String> as Str,
    }
}

total_struct! {
    /// `request_thread_control`.
    pub struct RequestThreadControl {
        /// The app asking for control.
        "requested_owner_app_id" => pub requested_owner_app_id: Option<String> as Id,
        /// Caller's metadata.
        "metadata" => pub metadata: Option<String> as Str,
    }
}

/// `app_roles`: app id → roles.
pub type AppRoles = BTreeMap<String, Vec<String>>;

total_struct! {
    /// `policy_enforcement` (also `policy-enforcement`).
    pub struct PolicyEnforcement {
        /// `warning`, `block`, `unblock`.
        "action" => pub action: Option<String> as Str,
        /// Why (absent on unblock).
        "reason" => pub reason: Option<String> as Str,
    }
}
