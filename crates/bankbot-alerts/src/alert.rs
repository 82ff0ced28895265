//! Checking an intake body, and the inbox events made from it. The alert itself
//! ([`Alert`], [`AlertData`](bankbot_core::AlertData)) is core's: the handlers phrase it
//! and the runtime carries it.

use bankbot_core::{Alert, Currency, UserId};
use serde::{Deserialize, Serialize};

use crate::AlertError;

/// Parses and checks an intake body: a well-formed id and customer, four-digit card
/// ending, a known time zone and currency.
pub fn parse_alert(body: &[u8]) -> Result<Alert, AlertError> {
    let alert: Alert =
        serde_json::from_slice(body).map_err(|e| AlertError::Invalid(e.to_string()))?;
    validate(&alert)?;
    Ok(alert)
}

fn validate(alert: &Alert) -> Result<(), AlertError> {
    let ok_id = |s: &str| {
        !s.is_empty()
            && s.len() <= 100
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    };
    if !ok_id(&alert.id) {
        return Err(AlertError::Invalid(
            "id must be 1 to 100 letters, digits, `-`, `_` or `.`".into(),
        ));
    }
    if alert.customer.as_str().is_empty() || alert.customer.as_str().len() > 200 {
        return Err(AlertError::Invalid(
            "customer must be 1 to 200 characters".into(),
        ));
    }
    if let Some(d) = &alert.data.card_last4
        && (d.len() != 4 || !d.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(AlertError::Invalid("card_last4 must be 4 digits".into()));
    }
    if let Some(z) = &alert.data.time_zone {
        crate::parse_zone(z).map_err(|e| AlertError::Invalid(e.to_string()))?;
    }
    if let Some(c) = &alert.data.currency {
        Currency::new(c).map_err(|e| AlertError::Invalid(e.to_string()))?;
    }
    Ok(())
}

/// The inbox event id of `alert` for `user`: unique per alert and recipient, so a repeated
/// intake is a duplicate. The user appears as an unkeyed digest: the id only has to be
/// stable (the inbox row names the user anyway), and it is the digest earlier versions
/// used, so an alert taken in before an upgrade is still recognised after it.
pub fn inbox_event_id(alert_id: &str, user: &UserId) -> String {
    let hashed = bankbot_store::digest(&format!("bankbot-user:{}", user.as_str()));
    let short = hashed.get(..16).unwrap_or(&hashed);
    format!("alert:{alert_id}:{short}")
}

/// The inbox events this crate writes. Their JSON is the runtime's `UserEvent` of the same
/// name (same `kind` tag, same fields): the runtime converts one into the other and its
/// tests check that each reads as the other, both ways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AlertEvent {
    /// The bank raised `alert` for this user.
    Alert {
        /// The alert.
        alert: Box<Alert>,
    },
    /// A held alert's time came (end of quiet hours, fraud reminder).
    AlertDue {
        /// The bank's alert id.
        alert_id: String,
    },
}

impl AlertEvent {
    /// The event as the inbox stores it.
    pub fn to_json(&self) -> String {
        // Plain data (strings, decimals, dates): serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The inbox payload the runtime reads as `UserEvent::Alert { alert }`.
pub fn inbox_payload(alert: &Alert) -> String {
    AlertEvent::Alert {
        alert: Box::new(alert.clone()),
    }
    .to_json()
}

/// The inbox payload the runtime reads as `UserEvent::AlertDue { alert_id }`: a held
/// alert's time has come (end of quiet hours, reminder).
pub fn due_payload(alert_id: &str) -> String {
    AlertEvent::AlertDue {
        alert_id: alert_id.to_owned(),
    }
    .to_json()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::AlertKind;

    #[test]
    fn parses_and_validates() {
        let a = parse_alert(
            br#"{"id":"a-1","customer":"cust-alice","kind":"fraud_suspected",
                "data":{"amount":"500.00","merchant":"ElectroMart","card_last4":"9876"}}"#,
        )
        .unwrap();
        assert_eq!(a.kind, AlertKind::FraudSuspected);
        assert_eq!(
            a.money(a.data.amount)
                .unwrap()
                .format(bankbot_core::Lang::En),
            "$500.00"
        );
        assert!(parse_alert(br#"{"id":"","customer":"c","kind":"balance_low"}"#).is_err());
        assert!(parse_alert(br#"{"id":"x","customer":"c","kind":"weather"}"#).is_err());
        assert!(
            parse_alert(
                br#"{"id":"x","customer":"c","kind":"balance_low","data":{"card_last4":"12"}}"#
            )
            .is_err()
        );
        let zoned = |z: &str| {
            parse_alert(
                format!(r#"{{"id":"x","customer":"c","kind":"balance_low","data":{{"time_zone":"{z}"}}}}"#)
                    .as_bytes(),
            )
        };
        assert!(zoned("America/Chicago").is_ok());
        assert!(zoned("+05:30").is_ok());
        assert!(zoned("Moon/Tranquility").is_err());
    }
}
