//! A button's title typed instead of tapped: after the alerts menu, "Low balance" (the
//! title of "🔔 Low balance") switches that alert as the tap would, instead of being read
//! as a balance request; "Transactions" under a savings balance lists that account's, as
//! its tap does. The titles of the last answer's quick replies and postback buttons are
//! kept in the session ([`Offered`]), and a message that is one of them, give or take
//! case, emoji, punctuation and a few filler words ("the", "please", "alert"), becomes
//! that choice's payload.
//!
//! Yes and no, a fraud alert's answer and a card chosen are never taken from a title: the
//! typed words for those go through the confirmation logic, which tells a real yes from
//! "yes but don't lock it".

use bankbot_core::{Button, Payload, Reply};
use serde::{Deserialize, Serialize};

/// One choice the last answer offered: its title as shown, its payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offered {
    /// The title the customer saw.
    pub title: String,
    /// What tapping it sends.
    pub payload: String,
}

/// Words around a title that do not change the choice ("the low balance one please").
const LEADING: &[&str] = &["the", "tap", "option", "ok", "okay", "um", "uh"];
const TRAILING: &[&str] = &[
    "please", "pls", "plz", "alert", "alerts", "one", "thanks", "thx", "ty", "option",
];

/// The choices of `replies` a typed title may stand for: those of the last reply that
/// offers any.
pub(crate) fn offered(replies: &[Reply]) -> Vec<Offered> {
    let choices = |r: &Reply| -> Vec<Offered> {
        match r {
            Reply::Text { quick_replies, .. } => quick_replies
                .iter()
                .map(|q| Offered {
                    title: q.title.clone(),
                    payload: q.payload.clone(),
                })
                .collect(),
            Reply::Buttons { buttons, .. } => buttons
                .iter()
                .filter_map(|b| match b {
                    Button::Postback { title, payload } => Some(Offered {
                        title: title.clone(),
                        payload: payload.clone(),
                    }),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    replies
        .iter()
        .rev()
        .map(choices)
        .find(|c| !c.is_empty())
        .unwrap_or_default()
        .into_iter()
        .filter(|o| may_be_typed(&o.payload))
        .collect()
}

/// False for the payloads whose typed words the confirmation logic reads itself.
fn may_be_typed(payload: &str) -> bool {
    !matches!(
        Payload::parse(payload),
        None | Some(Payload::Yes | Payload::No | Payload::FraudAnswer { .. } | Payload::Card(_))
    )
}

/// The payload of the choice `text` names, when it is one of `offered`'s titles.
pub(crate) fn typed(text: &str, offered: &[Offered]) -> Option<String> {
    if offered.is_empty() {
        return None;
    }
    let said = words(text);
    let mut said: &[String] = &said;
    while let Some((first, rest)) = said.split_first()
        && LEADING.contains(&first.as_str())
        && !rest.is_empty()
    {
        said = rest;
    }
    let exact = offered.iter().find(|o| words(&o.title) == said);
    let found = exact.or_else(|| {
        let mut trimmed = said;
        while let Some((last, rest)) = trimmed.split_last()
            && TRAILING.contains(&last.as_str())
            && !rest.is_empty()
        {
            trimmed = rest;
        }
        offered.iter().find(|o| words(&o.title) == trimmed)
    })?;
    Some(found.payload.clone())
}

/// Lower-case words of letters and digits (emoji and punctuation dropped).
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn menu() -> Vec<Offered> {
        vec![
            Offered {
                title: "🔔 Low balance".into(),
                payload: Payload::Alert(bankbot_core::AlertKind::BalanceLow, true).encode(),
            },
            Offered {
                title: "Transactions".into(),
                payload: Payload::Intent(bankbot_core::IntentId::Transactions).encode(),
            },
        ]
    }

    #[test]
    fn a_title_typed_is_its_choice() {
        let m = menu();
        assert_eq!(typed("Low balance", &m), Some(m[0].payload.clone()));
        assert_eq!(
            typed("low balance alert pls", &m),
            Some(m[0].payload.clone())
        );
        assert_eq!(typed("the low balance one", &m), Some(m[0].payload.clone()));
        assert_eq!(typed("transactions?", &m), Some(m[1].payload.clone()));
        assert_eq!(typed("low balance on savings", &m), None);
        assert_eq!(typed("what's my balance", &m), None);
    }
}
