//! `GET /accounts/{id}/balances`: choosing the current and available balances among the
//! ISO 20022 types a bank sends, per bank-apis §7.2.

use bankbot_bank::{BankError, BankResult};
use bankbot_core::{AccountId, Balance, Currency, Money};
use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::parse::{envelope, log_skipped};
use crate::wire::{self, array, text};

/// Preference order for the available balance (bank-apis §7.2).
const AVAILABLE: &[&str] = &[
    "InterimAvailable",
    "ClosingAvailable",
    "ForwardAvailable",
    "OpeningAvailable",
];
/// Preference order for the current (booked) balance; `Expected` and `Information` last.
const CURRENT: &[&str] = &[
    "InterimBooked",
    "ClosingBooked",
    "OpeningBooked",
    "PreviouslyClosedBooked",
    "InterimCleared",
    "ClosingCleared",
    "OpeningCleared",
    "Expected",
    "Information",
];
/// Preference order among `CreditLine[].Type` for the credit limit.
const CREDIT_LINES: &[&str] = &[
    "Credit",
    "Pre-Agreed",
    "Available",
    "Temporary",
    "Emergency",
];

struct RawBalance<'a> {
    kind: &'a str,
    money: Money,
    as_of: Option<DateTime<Utc>>,
    json: &'a Value,
}

/// `GET /accounts/{id}/balances` (`OBReadBalance1`): picks the current and available
/// balances per the mapping table, signed from the holder's view, and the credit limit.
/// `received_at` stands in for a missing or unreadable `DateTime`.
pub fn balance(
    body: &[u8],
    account: &AccountId,
    received_at: DateTime<Utc>,
) -> BankResult<Balance> {
    let (data, _) = envelope(body, "balances")?;
    let records = array(&data, "Balance");
    let raw: Vec<RawBalance<'_>> = records
        .iter()
        .filter(|b| text(b, "AccountId").is_none_or(|id| id == account.as_str()))
        .filter_map(|b| {
            let money = wire::signed(wire::amount(b.get("Amount")?, None)?, wire::direction(b));
            Some(RawBalance {
                kind: text(b, "Type").unwrap_or(""),
                money,
                as_of: text(b, "DateTime")
                    .and_then(wire::parse_stamp)
                    .map(|s| s.utc),
                json: b,
            })
        })
        .collect();
    log_skipped("balance", records.len(), raw.len());
    let pick = |order: &[&str]| {
        order
            .iter()
            .find_map(|t| raw.iter().find(|b| b.kind.eq_ignore_ascii_case(t)))
    };
    let available = pick(AVAILABLE);
    let current = pick(CURRENT)
        .or(available)
        .or_else(|| raw.first())
        .ok_or_else(|| BankError::InvalidResponse("balances: no usable balance".into()))?;
    let credit_limit = raw
        .iter()
        .find_map(|b| credit_limit(b.json, current.money.currency));
    Ok(Balance {
        account_id: account.clone(),
        current: current.money,
        available: available
            .filter(|a| a.money.currency == current.money.currency)
            .map(|a| a.money),
        credit_limit,
        as_of: current.as_of.unwrap_or(received_at),
    })
}

fn credit_limit(b: &Value, currency: Currency) -> Option<Money> {
    let lines: Vec<(&str, Money)> = array(b, "CreditLine")
        .iter()
        .filter_map(|l| {
            let m = wire::amount(l.get("Amount")?, Some(currency))?;
            (m.currency == currency).then(|| (text(l, "Type").unwrap_or(""), m.abs()))
        })
        .collect();
    CREDIT_LINES
        .iter()
        .find_map(|t| lines.iter().find(|(k, _)| k.eq_ignore_ascii_case(t)))
        .or_else(|| lines.first())
        .map(|(_, m)| *m)
}
