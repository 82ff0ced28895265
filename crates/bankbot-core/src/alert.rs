//! Proactive alert kinds and which of them a customer switched on.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The kinds of proactive alert a bank can raise. Their snake_case names are a contract
/// (`POST /alerts` bodies, consent rows, postback payloads).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// A card payment the bank suspects is fraudulent.
    FraudSuspected,
    /// A balance fell below the customer's threshold.
    BalanceLow,
    /// A periodic balance update.
    BalanceUpdate,
    /// A transaction above the customer's threshold.
    LargeTransaction,
    /// Money arrived (a paycheck, a transfer).
    DepositReceived,
}

/// A name that is not one of [`AlertKind::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown alert kind `{0}`")]
pub struct UnknownAlertKind(pub String);

impl AlertKind {
    /// Every kind, in the order they are listed to customers.
    pub const ALL: &'static [AlertKind] = &[
        AlertKind::FraudSuspected,
        AlertKind::BalanceLow,
        AlertKind::BalanceUpdate,
        AlertKind::LargeTransaction,
        AlertKind::DepositReceived,
    ];

    /// The snake_case name, e.g. `"balance_low"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            AlertKind::FraudSuspected => "fraud_suspected",
            AlertKind::BalanceLow => "balance_low",
            AlertKind::BalanceUpdate => "balance_update",
            AlertKind::LargeTransaction => "large_transaction",
            AlertKind::DepositReceived => "deposit_received",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(name: &str) -> Option<AlertKind> {
        AlertKind::ALL.iter().copied().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for AlertKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AlertKind {
    type Err = UnknownAlertKind;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AlertKind::parse(s).ok_or_else(|| UnknownAlertKind(s.to_owned()))
    }
}

/// Which alert kinds one customer has switched on. Everything is off unless listed.
/// Serialises as a list of names in [`AlertKind::ALL`] order: `["fraud_suspected","balance_low"]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AlertSettings {
    enabled: BTreeSet<AlertKind>,
}

impl AlertSettings {
    /// Every kind off.
    pub fn none() -> Self {
        AlertSettings::default()
    }

    /// The given kinds on, the rest off.
    pub fn with(kinds: impl IntoIterator<Item = AlertKind>) -> Self {
        AlertSettings {
            enabled: kinds.into_iter().collect(),
        }
    }

    /// True when `kind` is on.
    pub fn is_on(&self, kind: AlertKind) -> bool {
        self.enabled.contains(&kind)
    }

    /// Switches `kind` on or off.
    pub fn set(&mut self, kind: AlertKind, on: bool) {
        if on {
            self.enabled.insert(kind);
        } else {
            self.enabled.remove(&kind);
        }
    }

    /// The kinds that are on, in [`AlertKind::ALL`] order.
    pub fn enabled(&self) -> impl Iterator<Item = AlertKind> + '_ {
        self.enabled.iter().copied()
    }

    /// True when at least one kind is on.
    pub fn any_on(&self) -> bool {
        !self.enabled.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in AlertKind::ALL {
            assert_eq!(k.as_str().parse::<AlertKind>().unwrap(), *k);
            assert_eq!(serde_json::to_string(k).unwrap(), format!("\"{k}\""));
        }
        assert!("weather".parse::<AlertKind>().is_err());
    }

    #[test]
    fn settings_toggle_and_serialise() {
        let mut s = AlertSettings::none();
        assert!(!s.any_on());
        s.set(AlertKind::FraudSuspected, true);
        s.set(AlertKind::BalanceLow, true);
        s.set(AlertKind::BalanceLow, false);
        assert!(s.is_on(AlertKind::FraudSuspected) && !s.is_on(AlertKind::BalanceLow));
        let json = serde_json::to_string(&AlertSettings::with([
            AlertKind::DepositReceived,
            AlertKind::BalanceLow,
        ]))
        .unwrap();
        assert_eq!(json, r#"["balance_low","deposit_received"]"#);
        let back: AlertSettings = serde_json::from_str(&json).unwrap();
        assert!(back.is_on(AlertKind::DepositReceived));
    }
}
