//! Reading and validating the demo bank's fixtures file.

use bankbot_core::{
    Account, AccountId, AccountKind, Atm, AtmFeatures, Card, CardId, CardKind, Category, Currency,
    CustomerRef, GeoPoint, Lang, MaskedNumber, Money,
};
use rust_decimal::Decimal;
use serde::Deserialize;

/// A fixtures file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FixtureError {
    /// Not valid TOML or not the expected shape.
    #[error("demo fixtures: {0}")]
    Syntax(String),
    /// Valid shape, inconsistent content.
    #[error("demo fixtures, customer `{customer}`: {problem}")]
    Invalid {
        /// The login concerned.
        customer: String,
        /// What is wrong.
        problem: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default = "default_secret")]
    secret: String,
    customers: Vec<RawCustomer>,
    #[serde(default)]
    atms: Vec<RawAtm>,
}

fn default_secret() -> String {
    "bankbot-demo-bank".to_owned()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustomer {
    login: String,
    password: String,
    #[serde(rename = "ref")]
    customer_ref: String,
    lang: Lang,
    currency: Currency,
    #[serde(default)]
    accounts: Vec<RawAccount>,
    #[serde(default)]
    cards: Vec<RawCard>,
    #[serde(default)]
    transactions: Vec<RawTransaction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccount {
    id: String,
    kind: AccountKind,
    name: String,
    last4: MaskedNumber,
    current: Decimal,
    available: Option<Decimal>,
    credit_limit: Option<Decimal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCard {
    id: String,
    name: String,
    last4: MaskedNumber,
    kind: CardKind,
    account: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTransaction {
    days_ago: u32,
    account: String,
    #[serde(default)]
    merchant: Option<String>,
    description: String,
    amount: Decimal,
    #[serde(default)]
    category: Option<Category>,
    #[serde(default)]
    pending: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAtm {
    id: String,
    brand: String,
    name: String,
    address: String,
    #[serde(default)]
    postcode: Option<String>,
    lat: f64,
    lon: f64,
    #[serde(default)]
    deposits: bool,
    #[serde(default)]
    open_24h: bool,
    #[serde(default)]
    accessible: bool,
    #[serde(default)]
    contactless: bool,
    #[serde(default)]
    site_id: Option<String>,
}

/// One customer, validated.
#[derive(Debug, Clone)]
pub(crate) struct CustomerFixture {
    pub login: String,
    pub password: String,
    pub customer_ref: CustomerRef,
    pub lang: Lang,
    pub accounts: Vec<AccountFixture>,
    pub cards: Vec<Card>,
    pub transactions: Vec<TransactionFixture>,
}

#[derive(Debug, Clone)]
pub(crate) struct AccountFixture {
    pub account: Account,
    pub current: Money,
    pub available: Option<Money>,
    pub credit_limit: Option<Money>,
}

#[derive(Debug, Clone)]
pub(crate) struct TransactionFixture {
    pub id: String,
    pub days_ago: u32,
    pub account: AccountId,
    pub merchant: Option<String>,
    pub description: String,
    pub amount: Money,
    pub category: Option<Category>,
    pub pending: bool,
}

pub(crate) struct Fixtures {
    pub secret: String,
    pub customers: Vec<CustomerFixture>,
    pub atms: Vec<Atm>,
}

pub(crate) fn parse(text: &str) -> Result<Fixtures, FixtureError> {
    let file: File = toml::from_str(text).map_err(|e| FixtureError::Syntax(e.to_string()))?;
    let customers = file
        .customers
        .into_iter()
        .map(customer)
        .collect::<Result<Vec<_>, _>>()?;
    let atms = file.atms.into_iter().map(atm).collect::<Result<_, _>>()?;
    Ok(Fixtures {
        secret: file.secret,
        customers,
        atms,
    })
}

fn customer(raw: RawCustomer) -> Result<CustomerFixture, FixtureError> {
    let invalid = |problem: String| FixtureError::Invalid {
        customer: raw.login.clone(),
        problem,
    };
    let money = |d: Decimal| Money::new(d, raw.currency);
    let accounts: Vec<AccountFixture> = raw
        .accounts
        .iter()
        .map(|a| AccountFixture {
            account: Account {
                id: AccountId::new(&a.id),
                kind: a.kind,
                display_name: a.name.clone(),
                masked_number: Some(a.last4.clone()),
                currency: raw.currency,
            },
            current: money(a.current),
            available: a.available.map(money),
            credit_limit: a.credit_limit.map(money),
        })
        .collect();
    let known = |id: &str| accounts.iter().any(|a| a.account.id.as_str() == id);
    let mut cards = Vec::new();
    for c in &raw.cards {
        if !known(&c.account) {
            return Err(invalid(format!("card `{}` names unknown account", c.id)));
        }
        cards.push(Card {
            id: CardId::new(&c.id),
            display_name: c.name.clone(),
            last4: c.last4.clone(),
            kind: c.kind,
            locked: false,
            account_id: AccountId::new(&c.account),
        });
    }
    let mut transactions = Vec::new();
    for (index, t) in raw.transactions.iter().enumerate() {
        if !known(&t.account) {
            return Err(invalid(format!(
                "transaction {index} names unknown account"
            )));
        }
        transactions.push(TransactionFixture {
            id: format!("{}-tx-{index:04}", raw.customer_ref),
            days_ago: t.days_ago,
            account: AccountId::new(&t.account),
            merchant: t.merchant.clone(),
            description: t.description.clone(),
            amount: money(t.amount),
            category: t.category,
            pending: t.pending,
        });
    }
    Ok(CustomerFixture {
        login: raw.login.clone(),
        password: raw.password.clone(),
        customer_ref: CustomerRef::new(&raw.customer_ref),
        lang: raw.lang,
        accounts,
        cards,
        transactions,
    })
}

fn atm(raw: RawAtm) -> Result<Atm, FixtureError> {
    let location = GeoPoint::new(raw.lat, raw.lon).map_err(|e| FixtureError::Invalid {
        customer: String::new(),
        problem: format!("atm `{}`: {e}", raw.id),
    })?;
    Ok(Atm {
        id: raw.id,
        brand: raw.brand,
        name: raw.name,
        address: raw.address,
        postcode: raw.postcode,
        location,
        features: AtmFeatures {
            deposits: raw.deposits,
            open_24h: raw.open_24h,
            accessible: raw.accessible,
            contactless: raw.contactless,
        },
        site_id: raw.site_id,
    })
}
