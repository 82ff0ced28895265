//! Alice's accounts at the mock bank, in AIS v3.1 form (the demo bank's figures, in GBP).

use serde_json::{Value, json};

/// `Data.Account[]`.
pub(crate) fn accounts() -> Vec<Value> {
    vec![
        json!({
            "AccountId": "acc-chk", "Status": "Enabled", "Currency": "GBP",
            "AccountType": "Personal", "AccountSubType": "CurrentAccount",
            "Nickname": "Everyday Current",
            "Account": [{ "SchemeName": "UK.OBIE.SortCodeAccountNumber",
                          "Identification": "80200110204321", "Name": "Ms Alice" }]
        }),
        json!({
            "AccountId": "acc-sav", "Status": "Enabled", "Currency": "GBP",
            "AccountType": "Personal", "AccountSubType": "Savings",
            "Nickname": "Rainy Day Saver",
            "Account": [{ "SchemeName": "UK.OBIE.SortCodeAccountNumber",
                          "Identification": "80200110208765" }]
        }),
    ]
}

fn balance(account: &str, kind: &str, amount: &str) -> Value {
    json!({ "AccountId": account, "Amount": { "Amount": amount, "Currency": "GBP" },
            "CreditDebitIndicator": "Credit", "Type": kind,
            "DateTime": "2026-10-31T09:00:00+00:00" })
}

/// `Data.Balance[]` of one account; `None` for an unknown account.
pub(crate) fn balances(account: &str) -> Option<Vec<Value>> {
    match account {
        "acc-chk" => Some(vec![
            balance(account, "InterimBooked", "2345.67"),
            balance(account, "InterimAvailable", "2295.67"),
        ]),
        "acc-sav" => Some(vec![
            balance(account, "InterimBooked", "10250.00"),
            balance(account, "InterimAvailable", "10250.00"),
        ]),
        _ => None,
    }
}

fn tx(account: &str, id: &str, at: &str, amount: &str, cdi: &str, info: &str) -> Value {
    json!({
        "AccountId": account, "TransactionId": id,
        "Amount": { "Amount": amount, "Currency": "GBP" },
        "CreditDebitIndicator": cdi, "Status": "Booked", "BookingDateTime": at,
        "TransactionInformation": info,
    })
}

/// `Data.Transaction[]` of one account; `None` for an unknown account.
pub(crate) fn transactions(account: &str) -> Option<Vec<Value>> {
    match account {
        "acc-chk" => Some(vec![
            tx(
                account,
                "t-1",
                "2026-10-30T12:00:00+00:00",
                "23.50",
                "Debit",
                "UBER TRIP",
            ),
            tx(
                account,
                "t-2",
                "2026-10-29T08:30:00+00:00",
                "54.20",
                "Debit",
                "TESCO STORES",
            ),
            tx(
                account,
                "t-3",
                "2026-10-25T09:00:00+00:00",
                "2100.00",
                "Credit",
                "SALARY ACME LTD",
            ),
        ]),
        "acc-sav" => Some(vec![tx(
            account,
            "t-4",
            "2026-10-31T00:00:00+00:00",
            "12.34",
            "Credit",
            "INTEREST",
        )]),
        _ => None,
    }
}
