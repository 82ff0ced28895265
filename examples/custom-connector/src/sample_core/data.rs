//! The sample core's customers, accounts, transactions and cards. Dates are written as
//! days before the core's "today", so the data always looks recent.

/// A customer of the sample core.
#[derive(Debug, Clone)]
pub(crate) struct Customer {
    pub id: &'static str,
    pub username: &'static str,
    pub password: &'static str,
}

/// An account as the core keeps it.
#[derive(Debug, Clone)]
pub(crate) struct Account {
    pub id: &'static str,
    pub customer: &'static str,
    pub product: &'static str,
    pub name: &'static str,
    pub number: &'static str,
    pub currency: &'static str,
    /// Booked balance in minor units, holder's view (owed is negative).
    pub ledger_minor: i64,
    /// Funds on hold (pending card payments), in minor units.
    pub held_minor: i64,
    pub limit_minor: Option<i64>,
}

/// A posted or pending entry.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub id: &'static str,
    pub account: &'static str,
    pub days_ago: i64,
    /// Minor units; money out is negative.
    pub amount_minor: i64,
    pub narrative: &'static str,
    pub merchant: Option<&'static str>,
    pub category: Option<&'static str>,
    pub pending: bool,
}

/// A payment card.
#[derive(Debug, Clone)]
pub(crate) struct Card {
    pub id: &'static str,
    pub account: &'static str,
    pub label: &'static str,
    pub network_type: &'static str,
    pub pan_last4: &'static str,
    pub blocked: bool,
}

pub(crate) fn customers() -> Vec<Customer> {
    vec![
        Customer {
            id: "cust-1001",
            username: "dana",
            password: "north-star-1",
        },
        Customer {
            id: "cust-2001",
            username: "emile",
            password: "etoile-du-nord-2",
        },
    ]
}

pub(crate) fn accounts() -> Vec<Account> {
    vec![
        Account {
            id: "acc-chk-1001",
            customer: "cust-1001",
            product: "CURRENT",
            name: "Premier Checking",
            number: "021000021-000012345512",
            currency: "USD",
            ledger_minor: 318_042,
            held_minor: 4_599,
            limit_minor: None,
        },
        Account {
            id: "acc-sav-1002",
            customer: "cust-1001",
            product: "SAVINGS",
            name: "Rainy Day Savings",
            number: "021000021-000098767734",
            currency: "USD",
            ledger_minor: 1_250_000,
            held_minor: 0,
            limit_minor: None,
        },
        Account {
            id: "acc-cc-1003",
            customer: "cust-1001",
            product: "CREDIT_CARD",
            name: "Travel Rewards Card",
            number: "4111222233339012",
            currency: "USD",
            ledger_minor: -41_230,
            held_minor: 0,
            limit_minor: Some(300_000),
        },
        Account {
            id: "acc-chk-2001",
            customer: "cust-2001",
            product: "CURRENT",
            name: "Compte courant",
            number: "FR7630006000011234567890189",
            currency: "EUR",
            ledger_minor: 184_250,
            held_minor: 0,
            limit_minor: None,
        },
        Account {
            id: "acc-sav-2002",
            customer: "cust-2001",
            product: "SAVINGS",
            name: "Livret A",
            number: "FR7630006000019876543210642",
            currency: "EUR",
            ledger_minor: 780_000,
            held_minor: 0,
            limit_minor: None,
        },
    ]
}

#[rustfmt::skip]
pub(crate) fn entries() -> Vec<Entry> {
    #[allow(clippy::too_many_arguments)]
    fn e(
        id: &'static str,
        account: &'static str,
        days_ago: i64,
        amount_minor: i64,
        narrative: &'static str,
        merchant: Option<&'static str>,
        category: Option<&'static str>,
        pending: bool,
    ) -> Entry {
        Entry {
            id,
            account,
            days_ago,
            amount_minor,
            narrative,
            merchant,
            category,
            pending,
        }
    }
    vec![
        e("tx-0001", "acc-chk-1001", 0, -4_599, "POS GREENLEAF MARKET", Some("Greenleaf Market"), Some("groceries"), true),
        e("tx-0002", "acc-chk-1001", 1, -1_250, "POS BLUE BOTTLE COFFEE", Some("Blue Bottle Coffee"), Some("dining"), false),
        e("tx-0003", "acc-chk-1001", 2, 285_000, "PAYROLL ACME CORP", None, Some("income"), false),
        e("tx-0004", "acc-chk-1001", 2, -2_340, "UBER TRIP", Some("Uber"), Some("transport"), false),
        e("tx-0005", "acc-chk-1001", 4, -150_000, "RENT NOVEMBER", None, Some("housing"), false),
        e("tx-0006", "acc-sav-1002", 5, 50_000, "TRANSFER FROM CHECKING", None, Some("transfer"), false),
        e("tx-0007", "acc-chk-1001", 5, -50_000, "TRANSFER TO SAVINGS", None, Some("transfer"), false),
        e("tx-0008", "acc-cc-1003", 6, -18_990, "ELECTROMART ONLINE", Some("ElectroMart"), Some("shopping"), false),
        e("tx-0009", "acc-cc-1003", 9, -22_240, "SKYWAYS AIRLINES", Some("Skyways"), Some("travel"), false),
        e("tx-0010", "acc-chk-1001", 12, -6_410, "SHELL OIL 5521", Some("Shell"), Some("fuel"), false),
        e("tx-0011", "acc-sav-1002", 30, 1_042, "INTEREST", None, Some("income"), false),
        e("tx-0012", "acc-chk-1001", 33, -8_815, "POS GREENLEAF MARKET", Some("Greenleaf Market"), Some("groceries"), false),
        e("tx-2001", "acc-chk-2001", 1, -3_480, "CB MONOPRIX PARIS 11", Some("Monoprix"), Some("groceries"), false),
        e("tx-2002", "acc-chk-2001", 3, 240_000, "VIR SALAIRE", None, Some("income"), false),
        e("tx-2003", "acc-chk-2001", 6, -1_890, "CB RATP", Some("RATP"), Some("transport"), false),
        e("tx-2004", "acc-sav-2002", 20, 2_300, "INTERETS", None, Some("income"), false),
    ]
}

pub(crate) fn cards() -> Vec<Card> {
    vec![
        Card {
            id: "card-7001",
            account: "acc-chk-1001",
            label: "Premier Debit",
            network_type: "DEBIT",
            pan_last4: "0427",
            blocked: false,
        },
        Card {
            id: "card-7002",
            account: "acc-cc-1003",
            label: "Travel Rewards Visa",
            network_type: "CREDIT",
            pan_last4: "9012",
            blocked: false,
        },
        Card {
            id: "card-8001",
            account: "acc-chk-2001",
            label: "Carte Visa",
            network_type: "DEBIT",
            pan_last4: "3318",
            blocked: false,
        },
    ]
}
