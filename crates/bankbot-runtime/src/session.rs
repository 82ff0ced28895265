//! The per-user conversation context persisted between turns.

use bankbot_core::Lang;
use bankbot_handlers::DialogState;
use serde::{Deserialize, Serialize};

/// What the runtime keeps about a conversation (never balances or transactions). Missing
/// or unknown fields read as defaults, so old sessions survive upgrades.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionDoc {
    /// The language of the last message understood.
    pub lang: Option<Lang>,
    /// The handlers' dialogue state.
    pub dialog: DialogState,
    /// True while a person owns the conversation.
    pub handed_over: bool,
    /// The choices the last answer offered, so their titles typed act as taps.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<crate::typed_choice::Offered>,
    /// True once the customer asked for a language ("on reste en français"): only another
    /// such ask changes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lang_asked: bool,
    /// Whole sentences in a row written in the other language, towards a switch.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub other_lang_sentences: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl SessionDoc {
    /// Reads a stored document, falling back to a fresh session when it is unreadable.
    pub fn from_json(doc: serde_json::Value) -> Self {
        serde_json::from_value(doc).unwrap_or_else(|err| {
            tracing::warn!(%err, "unreadable session document, starting afresh");
            SessionDoc::default()
        })
    }

    /// The document to store.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}
