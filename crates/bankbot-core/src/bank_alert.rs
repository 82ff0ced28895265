//! One alert the bank raised (`POST /alerts`): who it is for, what happened, the details.
//! The alerts crate takes it in and decides when it goes out; the handlers phrase it; the
//! runtime carries it between the two. Checking an intake body is the alerts crate's job.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::{AlertKind, Currency, CustomerRef, Money};

/// One alert from the bank: `{"id", "customer", "kind", "data"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    /// The bank's unique id; a repeat of an id is ignored (ids are remembered for at
    /// least 7 days).
    pub id: String,
    /// The bank's customer reference (as issued at account linking).
    pub customer: CustomerRef,
    /// What happened.
    pub kind: AlertKind,
    /// The details, all optional.
    #[serde(default)]
    pub data: AlertData,
}

/// Details of an alert. Amounts are decimal strings or numbers (`"500.00"`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AlertData {
    /// The transaction or deposit amount (positive).
    pub amount: Option<Decimal>,
    /// ISO 4217 code; USD when absent.
    pub currency: Option<String>,
    /// The merchant or payer.
    pub merchant: Option<String>,
    /// When the transaction happened.
    pub at: Option<DateTime<Utc>>,
    /// The card's last four digits.
    pub card_last4: Option<String>,
    /// The bank's card id (to lock it when the customer says "no").
    pub card_id: Option<String>,
    /// The bank's transaction reference (for the fraud answer).
    pub transaction: Option<String>,
    /// The account's display name, e.g. `Everyday Checking ••4321`.
    pub account: Option<String>,
    /// The balance now.
    pub balance: Option<Decimal>,
    /// The customer's threshold (low balance, large transaction).
    pub threshold: Option<Decimal>,
    /// The customer's time zone as a UTC offset (`-05:00`) or an IANA name; the
    /// configured default otherwise.
    pub time_zone: Option<String>,
}

impl Alert {
    /// `amount` as money in the alert's currency (USD by default); `None` without an
    /// amount or with a currency code that is not one.
    pub fn money(&self, amount: Option<Decimal>) -> Option<Money> {
        let currency = Currency::new(self.data.currency.as_deref().unwrap_or("USD")).ok()?;
        amount.map(|a| Money::new(a, currency))
    }

    /// The bank's reference for the transaction a fraud answer is about: its transaction
    /// reference, or the alert's id when it gave none.
    pub fn transaction_reference(&self) -> &str {
        self.data.transaction.as_deref().unwrap_or(&self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn amounts_are_money_in_the_alert_currency() {
        let mut alert: Alert = serde_json::from_str(
            r#"{"id":"a-1","customer":"cust-alice","kind":"fraud_suspected",
                "data":{"amount":"500.00","merchant":"ElectroMart","card_last4":"9876"}}"#,
        )
        .unwrap();
        assert_eq!(
            alert.money(alert.data.amount).unwrap().format(Lang::En),
            "$500.00"
        );
        assert_eq!(alert.money(None), None);
        assert_eq!(alert.transaction_reference(), "a-1");
        alert.data.currency = Some("EUR".into());
        alert.data.transaction = Some("tx-77".into());
        assert_eq!(
            alert.money(alert.data.amount).unwrap().format(Lang::Fr),
            "500,00\u{a0}€"
        );
        assert_eq!(alert.transaction_reference(), "tx-77");
        alert.data.currency = Some("euros".into());
        assert_eq!(alert.money(alert.data.amount), None);
    }
}
