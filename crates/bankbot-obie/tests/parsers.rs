//! The parsers on the specification's own examples, on the irregular shapes real banks
//! send, and under a property test feeding random and mutated bodies: never a panic.

use bankbot_core::{AccountId, AccountKind, Currency, TransactionStatus};
use bankbot_obie::parse;
use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rust_decimal_macros::dec;
use serde_json::{Value, json};

/// OBReadAccount6, "Bulk – Detail Permission" example of the AIS v3.1.10 docs.
const SPEC_ACCOUNTS: &str = r#"{
  "Data": { "Account": [
      { "AccountId": "22289", "Status": "Enabled", "StatusUpdateDateTime": "2019-01-01T06:06:06+00:00",
        "Currency": "GBP", "AccountType": "Personal", "AccountSubType": "CurrentAccount",
        "Nickname": "Bills", "OpeningDate": "01-05-2002",
        "Account": [ { "SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "80200110203345",
                       "Name": "Mr Kevin", "SecondaryIdentification": "00021" } ] },
      { "AccountId": "31820", "Status": "Enabled", "StatusUpdateDateTime": "2018-01-01T06:06:06+00:00",
        "Currency": "GBP", "AccountType": "Personal", "AccountSubType": "CurrentAccount",
        "Nickname": "Household",
        "Account": [ { "SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "80200110203348",
                       "Name": "Mr Kevin" } ] } ] },
  "Links": { "Self": "https://api.alphabank.com/open-banking/v3.1/aisp/accounts/" },
  "Meta": { "TotalPages": 1 } }"#;

/// OBReadBalance1, "Bulk" example.
const SPEC_BALANCES: &str = r#"{
  "Data": { "Balance": [
      { "AccountId": "22289", "Amount": { "Amount": "1230.00", "Currency": "GBP" },
        "CreditDebitIndicator": "Credit", "Type": "InterimAvailable", "DateTime": "2017-04-05T10:43:07+00:00",
        "CreditLine": [ { "Included": true, "Amount": { "Amount": "1000.00", "Currency": "GBP" }, "Type": "Temporary" } ] },
      { "AccountId": "31820", "Amount": { "Amount": "57.36", "Currency": "GBP" },
        "CreditDebitIndicator": "Debit", "Type": "InterimBooked", "DateTime": "2017-05-02T14:22:09+00:00" } ] },
  "Links": { "Self": "https://api.alphabank.com/open-banking/v3.1/aisp/balances/" },
  "Meta": { "TotalPages": 1 } }"#;

/// OBReadTransaction6, "Bulk" example (one of its two records).
const SPEC_TRANSACTIONS: &str = r#"{
  "Data": { "Transaction": [
      { "AccountId": "31820", "TransactionId": "567", "TransactionReference": "Ref 124",
        "Amount": { "Amount": "100.00", "Currency": "GBP" }, "CreditDebitIndicator": "Debit",
        "Status": "Booked", "BookingDateTime": "2017-05-02T14:22:09+00:00",
        "ValueDateTime": "2017-05-02T14:22:09+00:00", "TransactionInformation": "Paid the gas bill",
        "AddressLine": "Coventry",
        "BankTransactionCode": { "Code": "IssuedCreditTransfer", "SubCode": "AutomaticTransfer" },
        "ProprietaryBankTransactionCode": { "Code": "DirectDebit", "Issuer": "AlphaBank" },
        "Balance": { "Amount": { "Amount": "57.36", "Currency": "GBP" },
                     "CreditDebitIndicator": "Debit", "Type": "InterimBooked" } } ] },
  "Links": { "Self": "https://api.alphabank.com/open-banking/v3.1/aisp/transactions",
             "Next": "https://api.alphabank.com/open-banking/v3.1/aisp/transactions?pg=2" },
  "Meta": { "TotalPages": 2 } }"#;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
}

#[test]
fn spec_accounts() {
    let parsed = parse::accounts(SPEC_ACCOUNTS.as_bytes(), Currency::USD).unwrap();
    assert_eq!(parsed.next, None);
    let a = &parsed.items[0];
    assert_eq!(
        (a.id.as_str(), a.kind, a.display_name.as_str()),
        ("22289", AccountKind::Checking, "Bills")
    );
    assert_eq!(a.masked_number.as_ref().unwrap().digits(), "3345");
    assert_eq!(a.currency, Currency::GBP);
    assert_eq!(
        parsed.items[1].masked_number.as_ref().unwrap().digits(),
        "3348"
    );
}

#[test]
fn basic_permission_accounts_fall_back_for_names_and_currency() {
    let body = json!({"Data": {"Account": [
        {"AccountId": "1", "AccountSubType": "Savings"},
        {"AccountId": "2", "Description": "Gold card", "AccountSubType": "ChargeCard", "Currency": ""},
        {"AccountId": "", "Nickname": "no id: skipped"},
        {"AccountId": "3", "AccountSubType": "EMoney", "Account": {}}
    ]}, "Links": {}, "Meta": {}});
    let parsed = parse::accounts(body.to_string().as_bytes(), Currency::EUR).unwrap();
    let got: Vec<_> = parsed
        .items
        .iter()
        .map(|a| {
            (
                a.display_name.as_str(),
                a.kind,
                a.currency,
                a.masked_number.is_none(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Savings account", AccountKind::Savings, Currency::EUR, true),
            ("Gold card", AccountKind::CreditCard, Currency::EUR, true),
            ("Account", AccountKind::Other, Currency::EUR, true),
        ]
    );
}

#[test]
fn spec_balances() {
    let b = parse::balance(SPEC_BALANCES.as_bytes(), &AccountId::new("22289"), now()).unwrap();
    assert_eq!(
        b.current.amount,
        dec!(1230.00),
        "only an available balance: it stands in for current"
    );
    assert_eq!(b.available.unwrap().amount, dec!(1230.00));
    assert_eq!(b.credit_limit.unwrap().amount, dec!(1000.00));
    let b = parse::balance(SPEC_BALANCES.as_bytes(), &AccountId::new("31820"), now()).unwrap();
    assert_eq!(b.current.amount, dec!(-57.36), "Debit: overdrawn, negative");
    assert_eq!(b.available, None);
    assert_eq!(
        b.as_of,
        Utc.with_ymd_and_hms(2017, 5, 2, 14, 22, 9).unwrap()
    );
    let none = parse::balance(SPEC_BALANCES.as_bytes(), &AccountId::new("nope"), now());
    assert!(none.is_err());
}

#[test]
fn balance_without_time_uses_receipt_time() {
    let body = json!({"Data": {"Balance": [{"Amount": {"Amount": "0", "Currency": "GBP"},
        "CreditDebitIndicator": "Credit", "Type": "InterimBooked", "DateTime": ""}]}});
    let b = parse::balance(body.to_string().as_bytes(), &AccountId::new("x"), now()).unwrap();
    assert_eq!((b.current.amount, b.as_of), (dec!(0), now()));
}

#[test]
fn spec_transactions() {
    let parsed =
        parse::transactions(SPEC_TRANSACTIONS.as_bytes(), &AccountId::new("31820")).unwrap();
    assert_eq!(
        parsed.next.as_deref(),
        Some("https://api.alphabank.com/open-banking/v3.1/aisp/transactions?pg=2")
    );
    let t = &parsed.items[0];
    assert_eq!(t.dedup_key, "567");
    let tx = &t.transaction;
    assert_eq!(
        (tx.amount.amount, tx.status),
        (dec!(-100.00), TransactionStatus::Booked)
    );
    assert_eq!(tx.description, "Paid the gas bill");
    assert_eq!(tx.booking_date.to_string(), "2017-05-02");
    assert_eq!(
        tx.value_date.map(|d| d.to_string()).as_deref(),
        Some("2017-05-02")
    );
}

#[test]
fn fallback_dedup_key_is_stable_and_discriminating() {
    let body = |amount: &str| {
        json!({"Data": {"Transaction": [{"Amount": {"Amount": amount, "Currency": "GBP"},
            "CreditDebitIndicator": "Debit", "Status": "Booked", "BookingDateTime": "2026-10-01"}]}})
        .to_string()
    };
    let key = |b: String| {
        parse::transactions(b.as_bytes(), &AccountId::new("a"))
            .unwrap()
            .items[0]
            .dedup_key
            .clone()
    };
    assert_eq!(key(body("1.00")), key(body("1.00")));
    assert_ne!(key(body("1.00")), key(body("2.00")));
}

#[test]
fn records_missing_required_fields_are_skipped_not_fatal() {
    let body = json!({"Data": {"Transaction": [
        {"TransactionId": "no-amount", "CreditDebitIndicator": "Debit", "BookingDateTime": "2026-10-01"},
        {"TransactionId": "no-date", "Amount": {"Amount": "1", "Currency": "GBP"}},
        {"TransactionId": "bad-amount", "Amount": {"Amount": "1,00", "Currency": "GBP"}, "BookingDateTime": "2026-10-01"},
        {"TransactionId": "ok", "Amount": {"Amount": "1", "Currency": "GBP"}, "BookingDateTime": "2026-10-01"}
    ]}});
    let parsed = parse::transactions(body.to_string().as_bytes(), &AccountId::new("a")).unwrap();
    assert_eq!(parsed.items.len(), 1);
    assert_eq!(parsed.items[0].dedup_key, "ok");
    for bad in [
        "",
        "null",
        "[]",
        "{}",
        "{\"Data\": null}",
        "{\"Data\": 5}",
        "\u{feff}{}",
    ] {
        assert!(
            parse::transactions(bad.as_bytes(), &AccountId::new("a")).is_err(),
            "{bad:?}"
        );
    }
}

/// A random JSON value, nested a few levels, with OBIE-like keys so that mutations reach
/// the fields the parsers read.
fn arb_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("Data".to_owned()),
        Just("Account".to_owned()),
        Just("Balance".to_owned()),
        Just("Transaction".to_owned()),
        Just("Amount".to_owned()),
        Just("Currency".to_owned()),
        Just("CreditDebitIndicator".to_owned()),
        Just("BookingDateTime".to_owned()),
        Just("Type".to_owned()),
        Just("CreditLine".to_owned()),
        Just("Links".to_owned()),
        Just("Next".to_owned()),
        Just("AccountId".to_owned()),
        Just("Identification".to_owned()),
        "[A-Za-z]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,24}".prop_map(Value::String),
        "[0-9]{1,16}(\\.[0-9]{1,6})?".prop_map(Value::String),
        prop_oneof![
            Just("Credit"),
            Just("Debit"),
            Just("GBP"),
            Just("2026-10-01T00:00:00+25:00"),
            Just("InterimBooked")
        ]
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn run_all_parsers(body: &[u8]) {
    let id = AccountId::new("22289");
    let _ = parse::accounts(body, Currency::GBP);
    let _ = parse::balance(body, &id, now());
    let _ = parse::transactions(body, &id);
}

/// Replaces the value at a pseudo-random place in `v` by `with`.
fn graft(v: &mut Value, mut path: u64, with: Value) {
    let next: Option<&mut Value> = match v {
        Value::Object(m) if !m.is_empty() => {
            let i = (path % m.len() as u64) as usize;
            m.values_mut().nth(i)
        }
        Value::Array(a) if !a.is_empty() => {
            let i = (path % a.len() as u64) as usize;
            a.get_mut(i)
        }
        _ => None,
    };
    path /= 7;
    match next {
        Some(child) if !path.is_multiple_of(5) => graft(child, path, with),
        _ => *v = with,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_text_never_panics(body in ".{0,256}") {
        run_all_parsers(body.as_bytes());
    }

    #[test]
    fn random_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..256)) {
        run_all_parsers(&body);
    }

    #[test]
    fn random_json_never_panics(v in arb_json()) {
        run_all_parsers(v.to_string().as_bytes());
        run_all_parsers(json!({"Data": v}).to_string().as_bytes());
    }

    #[test]
    fn grafted_valid_bodies_never_panic(which in 0usize..3, path in any::<u64>(), with in arb_json()) {
        let base = [SPEC_ACCOUNTS, SPEC_BALANCES, SPEC_TRANSACTIONS][which];
        let mut v: Value = serde_json::from_str(base).unwrap();
        graft(&mut v, path, with);
        run_all_parsers(v.to_string().as_bytes());
    }

    #[test]
    fn byte_mutated_valid_bodies_never_panic(
        which in 0usize..3,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 1..12),
    ) {
        let mut body = [SPEC_ACCOUNTS, SPEC_BALANCES, SPEC_TRANSACTIONS][which].as_bytes().to_vec();
        for (at, op, byte) in edits {
            if body.is_empty() { break; }
            let i = at.index(body.len());
            match op {
                0 => { body.remove(i); }
                1 => body.insert(i, byte),
                _ => body[i] = byte,
            }
        }
        run_all_parsers(&body);
    }
}

fn median(mut samples: Vec<std::time::Duration>) -> std::time::Duration {
    samples.sort();
    samples[samples.len() / 2]
}

#[test]
#[ignore = "performance figure: cargo test -p bankbot-obie --release --test parsers -- --ignored --nocapture"]
fn parse_speed_of_a_1000_transaction_page() {
    let records: Vec<Value> = (0..1000)
        .map(|i| {
            json!({"AccountId": "22289", "TransactionId": format!("t{i}"),
                "Amount": {"Amount": format!("{}.{:02}", i, i % 100), "Currency": "GBP"},
                "CreditDebitIndicator": if i % 3 == 0 { "Credit" } else { "Debit" },
                "Status": "Booked", "BookingDateTime": format!("2026-10-{:02}T10:00:00+00:00", 1 + i % 28),
                "TransactionInformation": "CARD PAYMENT TO SHOP",
                "MerchantDetails": {"MerchantName": "Shop", "MerchantCategoryCode": "5411"}})
        })
        .collect();
    let body =
        json!({"Data": {"Transaction": records}, "Links": {"Self": "x"}, "Meta": {}}).to_string();
    let id = AccountId::new("22289");
    let samples = (0..31)
        .map(|_| {
            let start = std::time::Instant::now();
            let parsed = parse::transactions(body.as_bytes(), &id).unwrap();
            assert_eq!(parsed.items.len(), 1000);
            start.elapsed()
        })
        .collect();
    println!(
        "parse 1000 transactions ({} KiB): median {:?} over 31 runs",
        body.len() / 1024,
        median(samples)
    );
}
