//! Spec-shaped AIS v3.1 fixtures for the mock bank: alice's three accounts (the demo bank's
//! figures, in OBIE form), with the irregularities real banks send.

use serde_json::{Value, json};

/// The refresh token the mock's token endpoint accepts for alice.
pub const ALICE_REFRESH: &str = "alice-refresh-token";

/// `Data.Account[]`: full identifiers on the wire, as `ReadAccountsDetail` gives them.
pub fn accounts() -> Vec<Value> {
    vec![
        json!({
            "AccountId": "acc-chk", "Status": "Enabled", "Currency": "USD",
            "AccountType": "Personal", "AccountSubType": "CurrentAccount",
            "Nickname": "Everyday Checking", "OpeningDate": "01-05-2002",
            "Account": [{ "SchemeName": "UK.OBIE.SortCodeAccountNumber",
                          "Identification": "80200110204321", "Name": "Ms Alice" }]
        }),
        json!({
            "AccountId": "acc-sav", "Currency": "USD", "AccountSubType": "Savings",
            "Nickname": "", "Description": "Way2Save Savings",
            "Account": [{ "SchemeName": "UK.OBIE.IBAN",
                          "Identification": "GB29NWBK60161331928765" }]
        }),
        json!({
            "AccountId": "acc-visa", "Currency": "USD", "AccountSubType": "CreditCard",
            "Nickname": "Cash Back Visa",
            "Account": [{ "SchemeName": "UK.OBIE.PAN", "Identification": "4111********1111" }]
        }),
    ]
}

/// `Data.Balance[]` of one account.
pub fn balances(account: &str) -> Vec<Value> {
    let b = |kind: &str, amount: &str, cdi: &str| {
        json!({ "AccountId": account, "Amount": { "Amount": amount, "Currency": "USD" },
                "CreditDebitIndicator": cdi, "Type": kind, "DateTime": "2026-10-31T09:00:00+00:00" })
    };
    match account {
        "acc-chk" => {
            let mut available = b("InterimAvailable", "2295.67", "Credit");
            available["CreditLine"] = json!([{ "Included": false, "Type": "Pre-Agreed",
                "Amount": { "Amount": "500.00", "Currency": "USD" } }]);
            vec![
                b("ClosingBooked", "2300.00", "Credit"),
                available,
                b("InterimBooked", "2345.67", "Credit"),
            ]
        }
        // No interim balances: the fallbacks ClosingAvailable / ClosingBooked apply, and the
        // time stamp lacks its offset.
        "acc-sav" => {
            let mut closing = b("ClosingBooked", "10250.00", "Credit");
            closing["DateTime"] = json!("2026-10-31T00:00:00");
            vec![b("ClosingAvailable", "10250.00", "Credit"), closing]
        }
        "acc-visa" => {
            let mut booked = b("InterimBooked", "432.10", "Debit");
            booked["CreditLine"] = json!([{ "Included": true, "Type": "Credit",
                "Amount": { "Amount": "5000.00", "Currency": "USD" } }]);
            vec![booked, b("InterimAvailable", "4567.90", "Credit")]
        }
        _ => Vec::new(),
    }
}

fn tx(account: &str, id: Option<&str>, at: &str, amount: &str, cdi: &str, info: &str) -> Value {
    let mut t = json!({
        "AccountId": account, "Amount": { "Amount": amount, "Currency": "USD" },
        "CreditDebitIndicator": cdi, "Status": "Booked", "BookingDateTime": at,
        "TransactionInformation": info
    });
    if let Some(id) = id {
        t["TransactionId"] = json!(id);
    }
    t
}

/// `Data.Transaction[]` of one account, in the bank's own order (not newest first).
pub fn transactions(account: &str) -> Vec<Value> {
    match account {
        "acc-chk" => {
            let mut coffee = tx(
                account,
                Some("t-chk-1"),
                "2026-10-02T08:15:00+00:00",
                "4.95",
                "Debit",
                "STARBUCKS 1234",
            );
            coffee["MerchantDetails"] =
                json!({ "MerchantName": "Starbucks", "MerchantCategoryCode": "5814" });
            let mut groceries = tx(
                account,
                Some("t-chk-2"),
                "2026-10-05T17:40:00Z",
                "82.13",
                "Debit",
                "WHOLE FOODS",
            );
            groceries["MerchantDetails"] =
                json!({ "MerchantName": "Whole Foods", "MerchantCategoryCode": "5411" });
            let salary = tx(
                account,
                Some("t-chk-3"),
                "2026-10-15",
                "3200.00",
                "Credit",
                "ACME PAYROLL",
            );
            // Optional fields empty or missing, as some banks send them.
            let mut rent = tx(account, None, "2026-10-01T09:00:00", "1850.00", "Debit", "");
            rent["TransactionInformation"] = json!("");
            rent["MerchantDetails"] = json!({});
            rent["ProprietaryBankTransactionCode"] = json!({ "Code": "StandingOrder" });
            let mut pending = tx(
                account,
                Some("t-chk-5"),
                "2026-10-30T12:00:00+01:00",
                "23.50",
                "Debit",
                "UBER TRIP",
            );
            pending["Status"] = json!("Pending");
            let mut rejected = tx(
                account,
                Some("t-chk-6"),
                "2026-10-20T10:00:00+00:00",
                "999.00",
                "Debit",
                "REJECTED",
            );
            rejected["Status"] = json!("Rejected");
            let bare = json!({ "AccountId": account, "TransactionId": "t-chk-7",
                "Amount": { "Amount": "60", "Currency": "USD" }, "CreditDebitIndicator": "Debit",
                "Status": "Booked", "BookingDateTime": "2026-10-12T11:00:00+00:00" });
            vec![coffee, groceries, salary, rent, pending, rejected, bare]
        }
        "acc-sav" => vec![
            tx(
                account,
                Some("t-sav-1"),
                "2026-10-31T00:00:00+00:00",
                "12.34",
                "Credit",
                "INTEREST",
            ),
            tx(
                account,
                Some("t-sav-2"),
                "2026-10-16T10:00:00+00:00",
                "500.00",
                "Credit",
                "TRANSFER FROM CHECKING",
            ),
        ],
        "acc-visa" => {
            let mut fuel = tx(
                account,
                Some("t-visa-1"),
                "2026-10-03T07:30:00+00:00",
                "45.00",
                "Debit",
                "SHELL",
            );
            fuel["MerchantDetails"] =
                json!({ "MerchantName": "Shell", "MerchantCategoryCode": "5541" });
            vec![
                fuel,
                tx(
                    account,
                    Some("t-visa-2"),
                    "2026-10-21T19:00:00+00:00",
                    "120.00",
                    "Debit",
                    "AMAZON MARKETPLACE",
                ),
                tx(
                    account,
                    Some("t-visa-3"),
                    "2026-10-25T09:00:00+00:00",
                    "300.00",
                    "Credit",
                    "PAYMENT THANK YOU",
                ),
            ]
        }
        _ => Vec::new(),
    }
}
