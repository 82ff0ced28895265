//! What a user did, independent of the channel.

use bankbot_alerts::Alert;
use bankbot_core::GeoPoint;
use serde::{Deserialize, Serialize};

/// One thing a user did that the bot may answer. Stored as JSON in the inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UserEvent {
    /// Typed text, or a tapped quick reply (whose payload is set).
    Message {
        /// The text.
        text: String,
        /// The quick reply's payload, when one was tapped.
        #[serde(default)]
        quick_reply: Option<String>,
    },
    /// A button, menu item or Get Started tap.
    Postback {
        /// The payload.
        payload: String,
    },
    /// A shared location.
    Location {
        /// Where.
        point: GeoPoint,
    },
    /// Account linking finished at the bank's login page.
    AccountLinked {
        /// The one-time code to exchange.
        authorization_code: String,
    },
    /// The user unlinked from Messenger.
    AccountUnlinked,
    /// A person answered from the Page Inbox: the bot stays quiet.
    HumanReplied,
    /// People handed the conversation back to the bot.
    ThreadReturned,
    /// The bank raised an alert for this user (from `POST /alerts`).
    Alert {
        /// The alert.
        alert: Box<Alert>,
    },
    /// A held alert's time came (quiet hours over, fraud reminder).
    AlertDue {
        /// The bank's alert id.
        alert_id: String,
    },
}

impl UserEvent {
    /// True for what the bank raised (an alert, a held alert's time), not the customer.
    pub fn is_alert(&self) -> bool {
        matches!(self, UserEvent::Alert { .. } | UserEvent::AlertDue { .. })
    }
}
