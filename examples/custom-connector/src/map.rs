//! The core's JSON → bankbot's types. Amounts arrive as integers in minor units and become
//! exact `rust_decimal` money in the currency's scale (never a float); account numbers are
//! reduced to their last four digits here, so no full number travels further.

use bankbot::core::Category;
use bankbot::prelude::{
    Account, AccountId, AccountKind, Balance, BankError, BankResult, Card, CardId, CardKind,
    Currency, MaskedNumber, Money, Transaction, TransactionId, TransactionStatus,
};
use rust_decimal::Decimal;

use crate::wire::{WireAccount, WireBalance, WireCard, WireTransaction};

fn invalid(detail: impl Into<String>) -> BankError {
    BankError::InvalidResponse(detail.into())
}

/// `code` as a currency.
pub(crate) fn currency(code: &str) -> BankResult<Currency> {
    Currency::new(code).map_err(|_| invalid("a currency that is not an ISO 4217 code"))
}

/// An amount in minor units (cents) of `currency`.
pub(crate) fn money(minor: i64, currency: Currency) -> Money {
    Money::new(Decimal::new(minor, currency.minor_units()), currency)
}

/// The core's product code → the kind of account.
fn kind(product: &str) -> AccountKind {
    match product {
        "CURRENT" | "CHECKING" => AccountKind::Checking,
        "SAVINGS" => AccountKind::Savings,
        "CREDIT_CARD" => AccountKind::CreditCard,
        "LOAN" => AccountKind::Loan,
        "MORTGAGE" => AccountKind::Mortgage,
        _ => AccountKind::Other,
    }
}

pub(crate) fn account(wire: WireAccount) -> BankResult<Account> {
    if wire.id.is_empty() {
        return Err(invalid("an account without an id"));
    }
    Ok(Account {
        kind: kind(&wire.product),
        display_name: wire.name,
        masked_number: wire.number.as_deref().and_then(MaskedNumber::from_full),
        currency: currency(&wire.currency)?,
        id: AccountId::new(wire.id),
    })
}

/// A balance of `account`, whose currency must match the account's.
pub(crate) fn balance(wire: WireBalance, account: &Account) -> BankResult<Balance> {
    let currency = currency(&wire.currency)?;
    if currency != account.currency {
        return Err(invalid("a balance in another currency than its account"));
    }
    Ok(Balance {
        account_id: account.id.clone(),
        current: money(wire.ledger_minor, currency),
        available: wire.available_minor.map(|m| money(m, currency)),
        credit_limit: wire.limit_minor.map(|m| money(m, currency)),
        as_of: wire.as_of,
    })
}

pub(crate) fn transaction(wire: WireTransaction) -> BankResult<Transaction> {
    let status = match wire.state.as_str() {
        "POSTED" => TransactionStatus::Booked,
        "PENDING" => TransactionStatus::Pending,
        _ => return Err(invalid("a transaction state other than POSTED or PENDING")),
    };
    Ok(Transaction {
        id: TransactionId::new(wire.id),
        account_id: AccountId::new(wire.account_id),
        status,
        booking_date: wire.posted_on,
        value_date: None,
        amount: money(wire.amount_minor, currency(&wire.currency)?),
        description: wire.narrative,
        merchant: wire.merchant_name.filter(|m| !m.trim().is_empty()),
        category: wire.category.as_deref().and_then(Category::parse),
    })
}

pub(crate) fn card(wire: WireCard) -> BankResult<Card> {
    let kind = match wire.network_type.as_str() {
        "DEBIT" => CardKind::Debit,
        "CREDIT" => CardKind::Credit,
        _ => return Err(invalid("a card that is neither DEBIT nor CREDIT")),
    };
    Ok(Card {
        id: CardId::new(wire.id),
        display_name: wire.label,
        last4: MaskedNumber::from_full(&wire.pan_last4)
            .ok_or_else(|| invalid("a card without its last digits"))?,
        kind,
        locked: wire.status != "ACTIVE",
        account_id: AccountId::new(wire.account_id),
    })
}
