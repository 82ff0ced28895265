//! Parsers for the three AIS response bodies, turning OBIE JSON into bankbot's model.
//!
//! Every parser takes raw bytes and returns a [`BankResult`]: malformed JSON or a body
//! without `Data` is [`BankError::InvalidResponse`]; a single record that lacks a required
//! field is skipped (and counted at DEBUG) so that one odd entry does not hide the rest.
//! Full account identifiers are reduced to their last 4 digits right here and never kept.

use bankbot_bank::{BankError, BankResult};
use bankbot_core::{
    Account, AccountId, AccountKind, Currency, MaskedNumber, Transaction, TransactionId,
    TransactionStatus,
};
use chrono::NaiveDateTime;
use serde_json::Value;
use tracing::debug;

pub use crate::balance::balance;
use crate::wire::{self, Direction, array, text, text_at};

/// The records of one response page and the `Links.Next` URL to follow, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed<T> {
    /// What the page held.
    pub items: T,
    /// `Links.Next`, verbatim.
    pub next: Option<String>,
}

/// A transaction with what the connector needs beyond the model: the bank's booking time
/// (for ordering within a day) and the key duplicates are recognised by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObieTransaction {
    /// The transaction in bankbot's model.
    pub transaction: Transaction,
    /// `BookingDateTime` in the bank's time zone.
    pub booked_at: NaiveDateTime,
    /// `TransactionId`, or a hash of the fields bank-apis §7.2 lists when it is absent.
    pub dedup_key: String,
}

/// Parses `Data` from an envelope, with `Links.Next`.
pub(crate) fn envelope(body: &[u8], what: &str) -> BankResult<(Value, Option<String>)> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let mut root: Value = serde_json::from_slice(body)
        .map_err(|_| BankError::InvalidResponse(format!("{what}: malformed JSON")))?;
    let next = root
        .get("Links")
        .and_then(|l| text(l, "Next"))
        .map(str::to_owned);
    match root.get_mut("Data").map(Value::take) {
        Some(data @ Value::Object(_)) => Ok((data, next)),
        _ => Err(BankError::InvalidResponse(format!(
            "{what}: no Data object"
        ))),
    }
}

/// `GET /accounts` (`OBReadAccount6`). `default_currency` stands in for a missing `Currency`.
pub fn accounts(body: &[u8], default_currency: Currency) -> BankResult<Parsed<Vec<Account>>> {
    let (data, next) = envelope(body, "accounts")?;
    let records = array(&data, "Account");
    let items: Vec<Account> = records
        .iter()
        .filter_map(|a| account(a, default_currency))
        .collect();
    log_skipped("account", records.len(), items.len());
    Ok(Parsed { items, next })
}

fn account(a: &Value, default_currency: Currency) -> Option<Account> {
    let id = text(a, "AccountId")?;
    let sub_type = text(a, "AccountSubType");
    let display_name = text(a, "Nickname")
        .or_else(|| text(a, "Description"))
        .map(str::to_owned)
        .unwrap_or_else(|| readable_sub_type(sub_type).to_owned());
    // Mask as we parse: only the last 4 digits of the first identifier survive.
    let masked_number = array(a, "Account")
        .iter()
        .find_map(|acc| text(acc, "Identification").and_then(MaskedNumber::from_full));
    let currency = text(a, "Currency")
        .and_then(|c| Currency::new(c).ok())
        .unwrap_or(default_currency);
    Some(Account {
        id: AccountId::new(id),
        kind: account_kind(sub_type),
        display_name,
        masked_number,
        currency,
    })
}

/// `AccountSubType` → [`AccountKind`] (bank-apis §7.2).
pub fn account_kind(sub_type: Option<&str>) -> AccountKind {
    match sub_type.map(str::to_ascii_lowercase).as_deref() {
        Some("currentaccount") => AccountKind::Checking,
        Some("savings") => AccountKind::Savings,
        Some("creditcard" | "chargecard") => AccountKind::CreditCard,
        Some("loan") => AccountKind::Loan,
        Some("mortgage") => AccountKind::Mortgage,
        _ => AccountKind::Other,
    }
}

fn readable_sub_type(sub_type: Option<&str>) -> &'static str {
    match account_kind(sub_type) {
        AccountKind::Checking => "Current account",
        AccountKind::Savings => "Savings account",
        AccountKind::CreditCard => "Credit card",
        AccountKind::Loan => "Loan",
        AccountKind::Mortgage => "Mortgage",
        _ => "Account",
    }
}

/// `GET /accounts/{id}/transactions` (`OBReadTransaction6`) for `account`. `Rejected`
/// entries are dropped; a missing `Status` counts as `Booked`.
pub fn transactions(body: &[u8], account: &AccountId) -> BankResult<Parsed<Vec<ObieTransaction>>> {
    let (data, next) = envelope(body, "transactions")?;
    let records = array(&data, "Transaction");
    let mut rejected = 0usize;
    let items: Vec<ObieTransaction> = records
        .iter()
        .filter(|t| {
            let keep = !text(t, "Status").is_some_and(|s| s.eq_ignore_ascii_case("rejected"));
            rejected += usize::from(!keep);
            keep
        })
        .filter_map(|t| transaction(t, account))
        .collect();
    log_skipped("transaction", records.len() - rejected, items.len());
    Ok(Parsed { items, next })
}

fn transaction(t: &Value, account: &AccountId) -> Option<ObieTransaction> {
    let booking_raw = text(t, "BookingDateTime")?;
    let booked = wire::parse_stamp(booking_raw)?;
    let dir = wire::direction(t);
    let unsigned = wire::amount(t.get("Amount")?, None)?;
    let amount = wire::signed(unsigned, dir);
    let status = match text(t, "Status") {
        Some(s) if s.eq_ignore_ascii_case("pending") => TransactionStatus::Pending,
        _ => TransactionStatus::Booked,
    };
    let information = text(t, "TransactionInformation");
    let counterparty_account = match dir {
        Some(Direction::Credit) => "DebtorAccount",
        _ => "CreditorAccount",
    };
    let merchant = text_at(t, &["MerchantDetails", "MerchantName"])
        .or_else(|| text_at(t, &[counterparty_account, "Name"]))
        .map(str::to_owned);
    let description = information
        .or(merchant.as_deref())
        .or_else(|| text(t, "TransactionReference"))
        .or_else(|| text_at(t, &["ProprietaryBankTransactionCode", "Code"]))
        .or_else(|| text_at(t, &["BankTransactionCode", "Code"]))
        .unwrap_or("Transaction")
        .to_owned();
    let dedup_key = match text(t, "TransactionId") {
        Some(id) => id.to_owned(),
        None => {
            let cdi = text(t, "CreditDebitIndicator").unwrap_or("");
            let amount_text = unsigned.amount.to_string();
            let hash = wire::fnv1a(&[
                account.as_str(),
                booking_raw,
                &amount_text,
                unsigned.currency.code(),
                cdi,
                information.unwrap_or(""),
            ]);
            format!("h-{hash:016x}")
        }
    };
    Some(ObieTransaction {
        transaction: Transaction {
            id: TransactionId::new(dedup_key.clone()),
            account_id: account.clone(),
            status,
            booking_date: booked.local.date(),
            value_date: text(t, "ValueDateTime")
                .and_then(wire::parse_stamp)
                .map(|s| s.local.date()),
            amount,
            description,
            merchant,
            category: wire::category(t),
        },
        booked_at: booked.local,
        dedup_key,
    })
}

pub(crate) fn log_skipped(what: &'static str, seen: usize, kept: usize) {
    if kept < seen {
        debug!(
            what,
            skipped = seen - kept,
            "obie: skipped unreadable records"
        );
    }
}
