//! Channel-neutral replies. Channels (Messenger, the console) map these to their own shapes.

use serde::{Deserialize, Serialize};

/// A tappable suggestion that sends `payload` back when chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickReply {
    /// What the customer sees.
    pub title: String,
    /// What comes back when tapped.
    pub payload: String,
}

impl QuickReply {
    /// A quick reply.
    pub fn new(title: impl Into<String>, payload: impl Into<String>) -> Self {
        QuickReply {
            title: title.into(),
            payload: payload.into(),
        }
    }
}

/// A button under a text or a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Button {
    /// Sends `payload` back to the bot.
    Postback {
        /// Label.
        title: String,
        /// What comes back.
        payload: String,
    },
    /// Opens a web page.
    WebUrl {
        /// Label.
        title: String,
        /// The page.
        url: String,
    },
    /// Starts account linking at the bank's login page.
    AccountLink {
        /// The bank's login page.
        url: String,
    },
    /// Unlinks the account.
    AccountUnlink,
}

/// A card in a carousel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Bold first line.
    pub title: String,
    /// Smaller second line.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Picture.
    #[serde(default)]
    pub image_url: Option<String>,
    /// Opened when the card itself is tapped.
    #[serde(default)]
    pub default_url: Option<String>,
    /// Buttons under it.
    #[serde(default)]
    pub buttons: Vec<Button>,
}

/// One message from the bot to a customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reply {
    /// Text, optionally with quick replies.
    Text {
        /// The message.
        text: String,
        /// Suggestions shown under it.
        #[serde(default)]
        quick_replies: Vec<QuickReply>,
    },
    /// Text with buttons under it.
    Buttons {
        /// The message.
        text: String,
        /// The buttons.
        buttons: Vec<Button>,
    },
    /// A carousel of cards.
    Cards {
        /// The cards.
        cards: Vec<Card>,
    },
    /// The "…" typing indicator, on or off.
    Typing {
        /// On or off.
        on: bool,
    },
}

impl Reply {
    /// Plain text.
    pub fn text(text: impl Into<String>) -> Self {
        Reply::Text {
            text: text.into(),
            quick_replies: Vec::new(),
        }
    }

    /// Text with quick replies.
    pub fn with_quick_replies(text: impl Into<String>, quick_replies: Vec<QuickReply>) -> Self {
        Reply::Text {
            text: text.into(),
            quick_replies,
        }
    }

    /// Text with buttons.
    pub fn with_buttons(text: impl Into<String>, buttons: Vec<Button>) -> Self {
        Reply::Buttons {
            text: text.into(),
            buttons,
        }
    }

    /// The main text, when the reply has one.
    pub fn text_content(&self) -> Option<&str> {
        match self {
            Reply::Text { text, .. } | Reply::Buttons { text, .. } => Some(text),
            Reply::Cards { .. } | Reply::Typing { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_with_tags() {
        let r = Reply::with_buttons(
            "Link your account",
            vec![Button::AccountLink {
                url: "https://bank.example/link".into(),
            }],
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["kind"], "buttons");
        assert_eq!(json["buttons"][0]["type"], "account_link");
        let back: Reply = serde_json::from_value(json).unwrap();
        assert_eq!(back, r);
    }
}
