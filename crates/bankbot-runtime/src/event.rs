//! What a user did, independent of the channel.

use bankbot_alerts::AlertEvent;
use bankbot_core::{Alert, GeoPoint};
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

impl From<AlertEvent> for UserEvent {
    fn from(event: AlertEvent) -> Self {
        match event {
            AlertEvent::Alert { alert } => UserEvent::Alert { alert },
            AlertEvent::AlertDue { alert_id } => UserEvent::AlertDue { alert_id },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert() -> Alert {
        serde_json::from_str(
            r#"{"id":"a-1","customer":"cust-alice","kind":"fraud_suspected",
                "data":{"amount":"500.00","merchant":"ElectroMart","card_last4":"9876"}}"#,
        )
        .unwrap()
    }

    /// What the alerts crate writes to the inbox is read as the matching user event, and
    /// a user event of either kind reads back as the alerts crate's event.
    #[test]
    fn alert_events_and_user_events_read_as_each_other() {
        let written = [
            AlertEvent::Alert {
                alert: Box::new(alert()),
            },
            AlertEvent::AlertDue {
                alert_id: "a-1".into(),
            },
        ];
        for event in written {
            let read: UserEvent = serde_json::from_str(&event.to_json()).unwrap();
            assert!(read.is_alert());
            assert_eq!(read, UserEvent::from(event.clone()));
            let back: AlertEvent =
                serde_json::from_str(&serde_json::to_string(&read).unwrap()).unwrap();
            assert_eq!(back, event);
        }
        let payload = bankbot_alerts::inbox_payload(&alert());
        assert_eq!(
            serde_json::from_str::<UserEvent>(&payload).unwrap(),
            UserEvent::Alert {
                alert: Box::new(alert())
            }
        );
        let due = bankbot_alerts::due_payload("a-1");
        assert_eq!(
            serde_json::from_str::<UserEvent>(&due).unwrap(),
            UserEvent::AlertDue {
                alert_id: "a-1".into()
            }
        );
    }
}
