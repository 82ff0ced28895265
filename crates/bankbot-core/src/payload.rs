//! Postback and quick-reply payloads: every text the bot's buttons, quick replies, menu
//! and Get Started button send back, read once into a [`Payload`].
//!
//! | payload | meaning |
//! |---|---|
//! | `INTENT:<intent>` | start an intent with no slots, e.g. `INTENT:balance` |
//! | `GET_STARTED` | Messenger's Get Started button (and referrals): answered as a greeting |
//! | `BALANCE` / `TRANSACTIONS` / `ATM_FINDER` / `HUMAN_AGENT` | the persistent menu and ice breakers |
//! | `YES` / `NO` | answer the pending confirmation |
//! | `CARD:<card id>` | the card chosen for a lock |
//! | `MORE` | show more transactions |
//! | `ALERT_ON:<kind>` / `ALERT_OFF:<kind>` | switch one alert, e.g. `ALERT_ON:balance_low` |
//! | `ALERTS_OFF` | switch every alert off |
//! | `FRAUD_YES:<alert id>` / `FRAUD_NO:<alert id>` | the answer to a fraud alert's question |
//!
//! The texts are a contract: Messenger echoes them back from messages sent long ago, so
//! [`Display`](fmt::Display) writes exactly these and [`Payload::parse`] reads them.

use std::fmt;

use crate::{AlertKind, CardId, IntentId};

const YES: &str = "YES";
const NO: &str = "NO";
const MORE: &str = "MORE";
const GET_STARTED: &str = "GET_STARTED";
const ALERTS_OFF: &str = "ALERTS_OFF";
const FRAUD_YES: &str = "FRAUD_YES:";
const FRAUD_NO: &str = "FRAUD_NO:";

/// An entry of the persistent menu or an ice breaker (fixed payloads set up once with the
/// Page's profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MenuItem {
    /// `BALANCE`.
    Balance,
    /// `TRANSACTIONS`.
    Transactions,
    /// `ATM_FINDER`.
    AtmFinder,
    /// `HUMAN_AGENT`.
    HumanAgent,
}

impl MenuItem {
    /// Every menu item.
    pub const ALL: [MenuItem; 4] = [
        MenuItem::Balance,
        MenuItem::Transactions,
        MenuItem::AtmFinder,
        MenuItem::HumanAgent,
    ];

    /// The payload text.
    pub fn as_str(&self) -> &'static str {
        match self {
            MenuItem::Balance => "BALANCE",
            MenuItem::Transactions => "TRANSACTIONS",
            MenuItem::AtmFinder => "ATM_FINDER",
            MenuItem::HumanAgent => "HUMAN_AGENT",
        }
    }

    /// The intent the item starts.
    pub fn intent(&self) -> IntentId {
        match self {
            MenuItem::Balance => IntentId::Balance,
            MenuItem::Transactions => IntentId::Transactions,
            MenuItem::AtmFinder => IntentId::AtmNearby,
            MenuItem::HumanAgent => IntentId::HumanAgent,
        }
    }
}

/// A parsed payload.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Payload {
    /// Start an intent.
    Intent(IntentId),
    /// Messenger's Get Started button.
    GetStarted,
    /// A persistent-menu entry or ice breaker.
    Menu(MenuItem),
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
    /// The answer to a fraud alert's question.
    FraudAnswer {
        /// The bank's id of the alert answered.
        alert_id: String,
        /// True for "yes, that was me".
        genuine: bool,
    },
}

impl Payload {
    /// Reads a payload; `None` for anything the bot did not send.
    pub fn parse(payload: &str) -> Option<Payload> {
        let p = payload.trim();
        if let Some(item) = MenuItem::ALL.into_iter().find(|m| m.as_str() == p) {
            return Some(Payload::Menu(item));
        }
        let fraud = |genuine: bool, id: &str| {
            (!id.is_empty()).then(|| Payload::FraudAnswer {
                alert_id: id.to_owned(),
                genuine,
            })
        };
        if let Some(id) = p.strip_prefix(FRAUD_YES) {
            return fraud(true, id);
        }
        if let Some(id) = p.strip_prefix(FRAUD_NO) {
            return fraud(false, id);
        }
        Some(match p {
            YES => Payload::Yes,
            NO => Payload::No,
            MORE => Payload::More,
            ALERTS_OFF => Payload::AlertsOff,
            GET_STARTED => Payload::GetStarted,
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

    /// The payload text (the same as [`Display`](fmt::Display)).
    pub fn encode(&self) -> String {
        self.to_string()
    }

    /// The intent a payload starts by itself: an `INTENT:` payload, Get Started (a
    /// greeting) or a menu entry; `None` for answers, choices and switches.
    pub fn intent(&self) -> Option<IntentId> {
        match self {
            Payload::Intent(intent) => Some(*intent),
            Payload::GetStarted => Some(IntentId::Greeting),
            Payload::Menu(item) => Some(item.intent()),
            _ => None,
        }
    }
}

impl fmt::Display for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Payload::Intent(i) => write!(f, "INTENT:{i}"),
            Payload::GetStarted => f.write_str(GET_STARTED),
            Payload::Menu(item) => f.write_str(item.as_str()),
            Payload::Yes => f.write_str(YES),
            Payload::No => f.write_str(NO),
            Payload::Card(c) => write!(f, "CARD:{c}"),
            Payload::More => f.write_str(MORE),
            Payload::Alert(k, true) => write!(f, "ALERT_ON:{k}"),
            Payload::Alert(k, false) => write!(f, "ALERT_OFF:{k}"),
            Payload::AlertsOff => f.write_str(ALERTS_OFF),
            Payload::FraudAnswer {
                alert_id,
                genuine: true,
            } => write!(f, "{FRAUD_YES}{alert_id}"),
            Payload::FraudAnswer {
                alert_id,
                genuine: false,
            } => write!(f, "{FRAUD_NO}{alert_id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn wire_texts_stay_as_they_were() {
        let all = [
            (Payload::Intent(IntentId::AtmNearby), "INTENT:atm_nearby"),
            (Payload::GetStarted, "GET_STARTED"),
            (Payload::Menu(MenuItem::Balance), "BALANCE"),
            (Payload::Menu(MenuItem::Transactions), "TRANSACTIONS"),
            (Payload::Menu(MenuItem::AtmFinder), "ATM_FINDER"),
            (Payload::Menu(MenuItem::HumanAgent), "HUMAN_AGENT"),
            (Payload::Yes, "YES"),
            (Payload::No, "NO"),
            (Payload::Card(CardId::new("card-1")), "CARD:card-1"),
            (Payload::More, "MORE"),
            (
                Payload::Alert(AlertKind::BalanceLow, true),
                "ALERT_ON:balance_low",
            ),
            (
                Payload::Alert(AlertKind::FraudSuspected, false),
                "ALERT_OFF:fraud_suspected",
            ),
            (Payload::AlertsOff, "ALERTS_OFF"),
            (
                Payload::FraudAnswer {
                    alert_id: "a-1".into(),
                    genuine: true,
                },
                "FRAUD_YES:a-1",
            ),
            (
                Payload::FraudAnswer {
                    alert_id: "a-1".into(),
                    genuine: false,
                },
                "FRAUD_NO:a-1",
            ),
        ];
        for (payload, text) in all {
            assert_eq!(payload.to_string(), text);
            assert_eq!(Payload::parse(text), Some(payload));
        }
        assert_eq!(
            Payload::parse("GET_STARTED").and_then(|p| p.intent()),
            Some(IntentId::Greeting)
        );
        for bad in [
            "",
            "INTENT:weather",
            "CARD:",
            "ALERT_ON:x",
            "hello",
            "X:y",
            "FRAUD_YES:",
            "FRAUD_NO:",
            "balance",
        ] {
            assert_eq!(Payload::parse(bad), None, "{bad}");
        }
    }

    fn any_payload() -> impl Strategy<Value = Payload> {
        let id = "[A-Za-z0-9._-]{1,40}";
        prop_oneof![
            prop::sample::select(IntentId::ALL.to_vec()).prop_map(Payload::Intent),
            Just(Payload::GetStarted),
            prop::sample::select(MenuItem::ALL.to_vec()).prop_map(Payload::Menu),
            Just(Payload::Yes),
            Just(Payload::No),
            // A card id may hold anything but surrounding blanks (payloads are trimmed).
            "[A-Za-z0-9][A-Za-z0-9:_ -]{0,30}[A-Za-z0-9]"
                .prop_map(|c| Payload::Card(CardId::new(c))),
            Just(Payload::More),
            (prop::sample::select(AlertKind::ALL.to_vec()), any::<bool>())
                .prop_map(|(k, on)| Payload::Alert(k, on)),
            Just(Payload::AlertsOff),
            (id, any::<bool>())
                .prop_map(|(alert_id, genuine)| Payload::FraudAnswer { alert_id, genuine }),
        ]
    }

    proptest! {
        #[test]
        fn every_payload_round_trips(p in any_payload()) {
            prop_assert_eq!(Payload::parse(&p.to_string()), Some(p));
        }

        #[test]
        fn parsing_never_panics(text in ".{0,80}") {
            let _ = Payload::parse(&text);
        }
    }
}
