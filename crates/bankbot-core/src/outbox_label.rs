//! The outbox label: how a queued reply must be sent. It names no data; the store keeps it
//! beside the reply (as text, in the outbox's `messaging_type` column) and the channel reads
//! it back to pick the Send API call.
//!
//! | label | stored as |
//! |---|---|
//! | [`OutboxLabel::Response`] | `RESPONSE` |
//! | [`OutboxLabel::Update`] | `UPDATE` |
//! | [`OutboxLabel::Utility`] | `UTILITY:<template>:<lang>` |
//! | [`OutboxLabel::HumanAgent`] | `HUMAN_AGENT` |
//!
//! The stored texts are a contract with rows already in databases: [`Display`](fmt::Display)
//! writes exactly these, [`FromStr`] reads them back (and the older spellings
//! `UTILITY:<template>` — English — and `MESSAGE_TAG:HUMAN_AGENT`).

use std::fmt;
use std::str::FromStr;

use crate::Lang;

/// How a queued reply must be sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OutboxLabel {
    /// A reply to the customer's own message.
    Response,
    /// A proactive message inside Messenger's 24-hour window.
    Update,
    /// A utility message: the approved `template` in `lang` (outside the window).
    Utility {
        /// The template's name at Meta.
        template: String,
        /// The template's language.
        lang: Lang,
    },
    /// A person's reply sent with the human-agent tag.
    HumanAgent,
}

/// A stored label this version does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown outbox label `{0}`")]
pub struct UnknownOutboxLabel(pub String);

impl OutboxLabel {
    /// The longest label text the store keeps, in bytes.
    pub const MAX_LEN: usize = 64;
    /// What every utility label starts with (the store revives refused utility messages
    /// by this prefix).
    pub const UTILITY_PREFIX: &'static str = "UTILITY:";
    /// The longest template name a utility label can carry within [`Self::MAX_LEN`].
    pub const MAX_TEMPLATE_NAME: usize = Self::MAX_LEN - Self::UTILITY_PREFIX.len() - ":en".len();

    const RESPONSE: &'static str = "RESPONSE";
    const UPDATE: &'static str = "UPDATE";
    const HUMAN_AGENT: &'static str = "HUMAN_AGENT";
    const OLD_HUMAN_AGENT: &'static str = "MESSAGE_TAG:HUMAN_AGENT";

    /// The label of a reply sent as utility message `template` in `lang`.
    pub fn utility(template: impl Into<String>, lang: Lang) -> Self {
        OutboxLabel::Utility {
            template: template.into(),
            lang,
        }
    }

    /// The template and language of a utility label; `None` for other labels.
    pub fn as_utility(&self) -> Option<(&str, Lang)> {
        match self {
            OutboxLabel::Utility { template, lang } => Some((template, *lang)),
            _ => None,
        }
    }
}

impl fmt::Display for OutboxLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutboxLabel::Response => f.write_str(Self::RESPONSE),
            OutboxLabel::Update => f.write_str(Self::UPDATE),
            OutboxLabel::Utility { template, lang } => {
                write!(f, "{}{template}:{}", Self::UTILITY_PREFIX, lang.code())
            }
            OutboxLabel::HumanAgent => f.write_str(Self::HUMAN_AGENT),
        }
    }
}

impl FromStr for OutboxLabel {
    type Err = UnknownOutboxLabel;

    /// Reads a stored label. A utility label without a language (older rows) is English,
    /// one with a language this version does not speak falls back to the default.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            Self::RESPONSE => return Ok(OutboxLabel::Response),
            Self::UPDATE => return Ok(OutboxLabel::Update),
            Self::HUMAN_AGENT | Self::OLD_HUMAN_AGENT => return Ok(OutboxLabel::HumanAgent),
            _ => {}
        }
        let unknown = || UnknownOutboxLabel(text.to_owned());
        let rest = text
            .strip_prefix(Self::UTILITY_PREFIX)
            .ok_or_else(unknown)?;
        let (template, lang) = match rest.rsplit_once(':') {
            Some((t, l)) => (t, Lang::from_locale(l).unwrap_or_default()),
            None => (rest, Lang::En),
        };
        if template.is_empty() {
            return Err(unknown());
        }
        Ok(OutboxLabel::utility(template, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_texts_round_trip() {
        let all = [
            (OutboxLabel::Response, "RESPONSE"),
            (OutboxLabel::Update, "UPDATE"),
            (
                OutboxLabel::utility("account_alert", Lang::Fr),
                "UTILITY:account_alert:fr",
            ),
            (OutboxLabel::HumanAgent, "HUMAN_AGENT"),
        ];
        for (label, text) in all {
            assert_eq!(label.to_string(), text);
            assert_eq!(text.parse::<OutboxLabel>(), Ok(label));
        }
    }

    #[test]
    fn older_spellings_are_read() {
        assert_eq!(
            "UTILITY:account_alert".parse(),
            Ok(OutboxLabel::utility("account_alert", Lang::En))
        );
        assert_eq!(
            "MESSAGE_TAG:HUMAN_AGENT".parse(),
            Ok(OutboxLabel::HumanAgent)
        );
        assert_eq!(
            OutboxLabel::utility("account_alert", Lang::Fr).as_utility(),
            Some(("account_alert", Lang::Fr))
        );
        assert_eq!(OutboxLabel::Update.as_utility(), None);
    }

    #[test]
    fn unknown_stored_labels_are_a_clear_error() {
        for bad in [
            "",
            "UTILITY:",
            "response",
            "MESSAGE_TAG",
            "CONFIRMED_EVENT_UPDATE",
        ] {
            let err = bad.parse::<OutboxLabel>().unwrap_err();
            assert_eq!(err, UnknownOutboxLabel(bad.to_owned()));
            assert_eq!(err.to_string(), format!("unknown outbox label `{bad}`"));
        }
    }

    #[test]
    fn the_longest_template_fits_the_column() {
        let longest = "t".repeat(OutboxLabel::MAX_TEMPLATE_NAME);
        assert_eq!(
            OutboxLabel::utility(longest, Lang::Fr).to_string().len(),
            OutboxLabel::MAX_LEN
        );
    }
}
