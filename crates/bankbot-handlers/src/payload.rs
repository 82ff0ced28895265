//! Postback and quick-reply payloads: what the bot's buttons send back.
//!
//! | payload | meaning |
//! |---|---|
//! | `INTENT:<intent>` | start an intent with no slots, e.g. `INTENT:balance` |
//! | `GET_STARTED` | Messenger's Get Started button (answered as a greeting) |
//! | `YES` / `NO` | answer the pending confirmation |
//! | `CARD:<card id>` | the card chosen for a lock |
//! | `MORE` | show more transactions |
//! | `ALERT_ON:<kind>` / `ALERT_OFF:<kind>` | switch one alert, e.g. `ALERT_ON:balance_low` |
//! | `ALERTS_OFF` | switch every alert off |

use bankbot_core::{AlertKind, CardId, IntentId};

/// Answer yes to the pending confirmation.
pub const YES: &str = "YES";
/// Answer no to the pending confirmation.
pub const NO: &str = "NO";
/// Show more transactions.
pub const MORE: &str = "MORE";
/// Messenger's Get Started button.
pub const GET_STARTED: &str = "GET_STARTED";
/// Switch every alert off.
pub const ALERTS_OFF: &str = "ALERTS_OFF";

/// A parsed payload.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Payload {
    /// Start an intent.
    Intent(IntentId),
    /// Yes to the pending question.
    Yes,
    /// No to the pending question.
    No,
    /// A card chosen.
    Card(CardId),
    /// Show more transactions.
    More,
    /// Switch one alert.
    Alert(AlertKind, bool),
    /// Switch every alert off.
    AlertsOff,
}

impl Payload {
    /// Reads a payload; `None` for anything this crate did not send.
    pub fn parse(payload: &str) -> Option<Payload> {
        let p = payload.trim();
        Some(match p {
            YES => Payload::Yes,
            NO => Payload::No,
            MORE => Payload::More,
            ALERTS_OFF => Payload::AlertsOff,
            GET_STARTED => Payload::Intent(IntentId::Greeting),
            _ => {
                let (head, arg) = p.split_once(':')?;
                match head {
                    "INTENT" => Payload::Intent(arg.parse().ok()?),
                    "CARD" if !arg.is_empty() => Payload::Card(CardId::new(arg)),
                    "ALERT_ON" => Payload::Alert(AlertKind::parse(arg)?, true),
                    "ALERT_OFF" => Payload::Alert(AlertKind::parse(arg)?, false),
                    _ => return None,
                }
            }
        })
    }

    /// The payload text.
    pub fn encode(&self) -> String {
        match self {
            Payload::Intent(i) => format!("INTENT:{i}"),
            Payload::Yes => YES.to_owned(),
            Payload::No => NO.to_owned(),
            Payload::Card(c) => format!("CARD:{c}"),
            Payload::More => MORE.to_owned(),
            Payload::Alert(k, true) => format!("ALERT_ON:{k}"),
            Payload::Alert(k, false) => format!("ALERT_OFF:{k}"),
            Payload::AlertsOff => ALERTS_OFF.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let all = [
            Payload::Intent(IntentId::AtmNearby),
            Payload::Yes,
            Payload::No,
            Payload::Card(CardId::new("card-1")),
            Payload::More,
            Payload::Alert(AlertKind::BalanceLow, true),
            Payload::Alert(AlertKind::FraudSuspected, false),
            Payload::AlertsOff,
        ];
        for p in all {
            assert_eq!(Payload::parse(&p.encode()), Some(p));
        }
        assert_eq!(
            Payload::parse("GET_STARTED"),
            Some(Payload::Intent(IntentId::Greeting))
        );
        for bad in ["", "INTENT:weather", "CARD:", "ALERT_ON:x", "hello", "X:y"] {
            assert_eq!(Payload::parse(bad), None, "{bad}");
        }
    }
}
