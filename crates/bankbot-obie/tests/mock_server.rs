//! The connector against an in-process mock AIS bank: parsing, pagination, merging, page
//! tokens, headers, every error mapping, the refresh flow and the conformance suite.

mod support;

use std::sync::atomic::Ordering;
use std::time::Duration;

use bankbot_bank::conformance::{BankConformanceOptions, check_bank_connector};
use bankbot_bank::{
    BankConnector, BankError, Credential, CustomerCredential, PageToken, TransactionQuery,
};
use bankbot_core::{
    AccountId, AccountKind, Category, CustomerRef, DateRange, Transaction, TransactionStatus,
};
use bankbot_obie::{ObieConfig, ObieConnector, ObieError};
use chrono::NaiveDate;
use rust_decimal_macros::dec;
use support::mock_ais::{ALICE_ACCESS, CLIENT_ID, CLIENT_SECRET, Fault, MockAis, fixtures};

fn bearer_config(mock: &MockAis) -> ObieConfig {
    let mut config = ObieConfig::new(&mock.base_url);
    config
        .extra_headers
        .insert("x-fapi-financial-id".into(), "001580000103UAvAAM".into());
    config
}

fn oauth_config(mock: &MockAis) -> ObieConfig {
    ObieConfig {
        token_url: Some(mock.token_url.clone()),
        client_id: Some(CLIENT_ID.into()),
        client_secret: Some(CLIENT_SECRET.into()),
        ..bearer_config(mock)
    }
}

fn credential(secret: &str) -> CustomerCredential {
    CustomerCredential::new(CustomerRef::new("cust-alice"), Credential::new(secret))
}

async fn bearer_bank() -> (MockAis, ObieConnector, CustomerCredential) {
    let mock = MockAis::start(3).await;
    let bank = ObieConnector::from_config(bearer_config(&mock)).unwrap();
    (mock, bank, credential(ALICE_ACCESS))
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn walk(
    bank: &dyn BankConnector,
    s: &CustomerCredential,
    mut q: TransactionQuery,
) -> Vec<Transaction> {
    let mut all = Vec::new();
    for _ in 0..100 {
        let page = bank.transactions(s, &q).await.unwrap();
        all.extend(page.transactions);
        match page.next_page {
            Some(t) => q.page_token = Some(t),
            None => return all,
        }
    }
    panic!("pagination does not end");
}

#[tokio::test]
async fn accounts_are_mapped_and_masked_as_parsed() {
    let (mock, bank, s) = bearer_bank().await;
    let accounts = bank.accounts(&s).await.unwrap();
    let summary: Vec<_> = accounts
        .iter()
        .map(|a| {
            (
                a.id.as_str(),
                a.kind,
                a.display_name.as_str(),
                a.masked_number.as_ref().map(|m| m.digits().to_owned()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "acc-chk",
                AccountKind::Checking,
                "Everyday Checking",
                Some("4321".into())
            ),
            (
                "acc-sav",
                AccountKind::Savings,
                "Way2Save Savings",
                Some("8765".into())
            ),
            (
                "acc-visa",
                AccountKind::CreditCard,
                "Cash Back Visa",
                Some("1111".into())
            ),
        ],
        "two account pages, the duplicate across them removed"
    );
    let shown = format!("{accounts:?}");
    assert!(!shown.contains("80200110204321") && !shown.contains("GB29NWBK"));
    assert!(
        mock.bank
            .seen()
            .iter()
            .any(|r| r.query.as_deref() == Some("pg=2"))
    );
}

#[tokio::test]
async fn balances_follow_the_mapping_table() {
    let (_mock, bank, s) = bearer_bank().await;
    let chk = bank.balance(&s, &AccountId::new("acc-chk")).await.unwrap();
    assert_eq!(
        chk.current.amount,
        dec!(2345.67),
        "InterimBooked beats ClosingBooked"
    );
    assert_eq!(chk.available.unwrap().amount, dec!(2295.67));
    assert_eq!(chk.credit_limit.unwrap().amount, dec!(500.00));
    assert_eq!(chk.as_of.to_rfc3339(), "2026-10-31T09:00:00+00:00");

    let sav = bank.balance(&s, &AccountId::new("acc-sav")).await.unwrap();
    assert_eq!(sav.current.amount, dec!(10250.00), "ClosingBooked fallback");
    assert_eq!(
        sav.available.unwrap().amount,
        dec!(10250.00),
        "ClosingAvailable fallback"
    );
    assert_eq!(
        sav.as_of.to_rfc3339(),
        "2026-10-31T00:00:00+00:00",
        "no offset: UTC"
    );
    assert_eq!(sav.credit_limit, None);

    let visa = bank.balance(&s, &AccountId::new("acc-visa")).await.unwrap();
    assert_eq!(
        visa.current.amount,
        dec!(-432.10),
        "Debit means owed: negative"
    );
    assert_eq!(visa.owed().unwrap().amount, dec!(432.10));
    assert_eq!(visa.available.unwrap().amount, dec!(4567.90));
    assert_eq!(visa.credit_limit.unwrap().amount, dec!(5000.00));
}

#[tokio::test]
async fn one_account_pages_deduplicated_signed_and_newest_first() {
    // The whole history in one go (the recent-window optimisation has its own test).
    let mock = MockAis::start(3).await;
    let config = ObieConfig {
        recent_window_days: 0,
        ..bearer_config(&mock)
    };
    let bank = ObieConnector::from_config(config).unwrap();
    let s = credential(ALICE_ACCESS);
    let q = TransactionQuery {
        account: Some(AccountId::new("acc-chk")),
        ..TransactionQuery::latest(100)
    };
    let page = bank.transactions(&s, &q).await.unwrap();
    assert_eq!(page.next_page, None);
    let txs = page.transactions;
    let dates: Vec<String> = txs.iter().map(|t| t.booking_date.to_string()).collect();
    assert_eq!(
        dates,
        [
            "2026-10-30",
            "2026-10-15",
            "2026-10-12",
            "2026-10-05",
            "2026-10-02",
            "2026-10-01"
        ]
    );
    let amounts: Vec<_> = txs.iter().map(|t| t.amount.amount).collect();
    assert_eq!(
        amounts,
        [
            dec!(-23.50),
            dec!(3200.00),
            dec!(-60),
            dec!(-82.13),
            dec!(-4.95),
            dec!(-1850.00)
        ]
    );
    assert_eq!(txs[0].status, TransactionStatus::Pending);
    assert_eq!(txs[4].merchant.as_deref(), Some("Starbucks"));
    assert_eq!(txs[4].category, Some(Category::Dining));
    assert_eq!(txs[3].category, Some(Category::Groceries));
    let rent = &txs[5];
    assert!(
        rent.id.0.starts_with("h-"),
        "no TransactionId: fallback key"
    );
    assert_eq!(
        (rent.description.as_str(), rent.merchant.as_deref()),
        ("StandingOrder", None)
    );
    assert_eq!(rent.category, Some(Category::Bills));
    assert_eq!(
        txs[2].description, "Transaction",
        "no optional field at all"
    );
    let pages = mock
        .bank
        .seen()
        .iter()
        .filter(|r| r.path.ends_with("transactions"))
        .count();
    assert_eq!(
        pages, 3,
        "7 records in pages of 3 with one repeated: 3 pages followed"
    );
}

#[tokio::test]
async fn all_accounts_merge_newest_first_with_working_page_tokens() {
    let (_mock, bank, s) = bearer_bank().await;
    let everything = walk(&bank, &s, TransactionQuery::latest(100)).await;
    assert_eq!(everything.len(), 11);
    assert!(
        everything
            .windows(2)
            .all(|w| w[0].booking_date >= w[1].booking_date)
    );
    let paged = walk(&bank, &s, TransactionQuery::latest(4)).await;
    assert_eq!(paged, everything, "pages of 4 add up to the whole history");

    let first = bank
        .transactions(&s, &TransactionQuery::latest(4))
        .await
        .unwrap();
    let token = first.next_page.unwrap();
    let other_query = TransactionQuery {
        text: Some("whole".into()),
        page_token: Some(token),
        ..TransactionQuery::latest(4)
    };
    assert!(matches!(
        bank.transactions(&s, &other_query).await,
        Err(BankError::InvalidRequest(_))
    ));
    let forged = TransactionQuery {
        page_token: Some(PageToken("bm90LWEtdG9rZW4".into())),
        ..TransactionQuery::latest(4)
    };
    assert!(matches!(
        bank.transactions(&s, &forged).await,
        Err(BankError::InvalidRequest(_))
    ));
}

#[tokio::test]
async fn filters_apply_client_side() {
    let (_mock, bank, s) = bearer_bank().await;
    let ids = |txs: Vec<Transaction>| txs.into_iter().map(|t| t.id.0).collect::<Vec<_>>();
    let text = TransactionQuery {
        text: Some("WHOLE".into()),
        ..TransactionQuery::latest(10)
    };
    assert_eq!(ids(walk(&bank, &s, text).await), ["t-chk-2"]);
    let cat = TransactionQuery {
        category: Some(Category::Fuel),
        ..TransactionQuery::latest(10)
    };
    assert_eq!(ids(walk(&bank, &s, cat).await), ["t-visa-1"]);
    let big = TransactionQuery {
        amount_min: Some(dec!(300)),
        ..TransactionQuery::latest(10)
    };
    assert_eq!(walk(&bank, &s, big).await.len(), 4);
}

#[tokio::test]
async fn date_ranges_are_sent_without_offset() {
    let (mock, bank, s) = bearer_bank().await;
    let q = TransactionQuery {
        account: Some(AccountId::new("acc-chk")),
        range: Some(DateRange::new(day("2026-10-01"), day("2026-10-05")).unwrap()),
        ..TransactionQuery::latest(10)
    };
    let txs = walk(&bank, &s, q).await;
    assert_eq!(txs.len(), 3);
    let first = mock
        .bank
        .seen()
        .into_iter()
        .find(|r| r.path.ends_with("transactions"))
        .unwrap();
    let params: Vec<(String, String)> =
        url::form_urlencoded::parse(first.query.unwrap().as_bytes())
            .into_owned()
            .collect();
    assert_eq!(
        params,
        [
            (
                "fromBookingDateTime".to_owned(),
                "2026-10-01T00:00:00".to_owned()
            ),
            (
                "toBookingDateTime".to_owned(),
                "2026-10-05T23:59:59".to_owned()
            )
        ]
    );
}

#[tokio::test]
async fn every_request_carries_bearer_fresh_interaction_id_and_extra_headers() {
    let (mock, bank, s) = bearer_bank().await;
    bank.accounts(&s).await.unwrap();
    bank.balance(&s, &AccountId::new("acc-chk")).await.unwrap();
    let seen = mock.bank.seen();
    assert!(seen.len() >= 3);
    let mut ids = std::collections::HashSet::new();
    for r in &seen {
        assert_eq!(
            r.authorization.as_deref(),
            Some("Bearer alice-access-token")
        );
        assert_eq!(r.financial_id.as_deref(), Some("001580000103UAvAAM"));
        let id = uuid::Uuid::parse_str(r.interaction_id.as_deref().unwrap()).unwrap();
        assert_eq!(id.get_version_num(), 4);
        assert!(ids.insert(id), "interaction ids are fresh per call");
    }
}

async fn fault_gives(fault: Fault) -> BankError {
    let (mock, bank, s) = bearer_bank().await;
    mock.bank.fault(fault);
    bank.balance(&s, &AccountId::new("acc-chk"))
        .await
        .unwrap_err()
}

#[tokio::test]
async fn status_codes_map_to_actionable_errors() {
    assert_eq!(
        fault_gives(Fault::Status(401, None)).await,
        BankError::ReauthenticationRequired,
        "401 and no refresh possible"
    );
    assert!(matches!(
        fault_gives(Fault::Status(403, None)).await,
        BankError::PermissionMissing(_)
    ));
    assert!(matches!(
        fault_gives(Fault::Status(400, None)).await,
        BankError::NotFound(_)
    ));
    assert_eq!(
        fault_gives(Fault::Status(429, Some("7"))).await,
        BankError::RateLimited {
            retry_after: Some(Duration::from_secs(7))
        }
    );
    assert_eq!(
        fault_gives(Fault::Status(429, None)).await,
        BankError::RateLimited { retry_after: None }
    );
    assert!(matches!(
        fault_gives(Fault::Status(500, None)).await,
        BankError::Unavailable(_)
    ));
    assert!(matches!(
        fault_gives(Fault::Status(503, None)).await,
        BankError::Unavailable(_)
    ));
    assert!(matches!(
        fault_gives(Fault::Malformed).await,
        BankError::InvalidResponse(_)
    ));
    assert!(matches!(
        fault_gives(Fault::Body("{\"Data\": []}".into())).await,
        BankError::InvalidResponse(_)
    ));
    assert!(matches!(
        fault_gives(Fault::WrongInteractionId).await,
        BankError::InvalidResponse(_)
    ));
}

#[tokio::test]
async fn unknown_account_is_not_found() {
    let (_mock, bank, s) = bearer_bank().await;
    let unknown = AccountId::new("no-such/account");
    assert!(matches!(
        bank.balance(&s, &unknown).await,
        Err(BankError::NotFound(_))
    ));
    let q = TransactionQuery {
        account: Some(unknown),
        ..TransactionQuery::latest(5)
    };
    assert!(matches!(
        bank.transactions(&s, &q).await,
        Err(BankError::NotFound(_))
    ));
}

#[tokio::test]
async fn connection_faults_are_unavailable() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let bank = ObieConnector::from_config(ObieConfig::new(format!("http://{addr}/aisp"))).unwrap();
    let err = bank.accounts(&credential(ALICE_ACCESS)).await.unwrap_err();
    assert!(matches!(err, BankError::Unavailable(_)), "{err:?}");
}

#[tokio::test]
async fn next_links_to_another_origin_are_refused() {
    let (mock, bank, s) = bearer_bank().await;
    let body = r#"{"Data":{"Account":[]},"Links":{"Self":"x","Next":"http://attacker.invalid/steal"},"Meta":{}}"#;
    mock.bank.fault(Fault::Body(body.into()));
    assert!(matches!(
        bank.accounts(&s).await,
        Err(BankError::InvalidResponse(_))
    ));
}

#[tokio::test]
async fn slow_responses_time_out() {
    let mock = MockAis::start(3).await;
    let s = credential(ALICE_ACCESS);
    let per_request = ObieConnector::from_config(ObieConfig {
        request_timeout_ms: 100,
        ..bearer_config(&mock)
    })
    .unwrap();
    mock.bank.fault(Fault::Slow(Duration::from_secs(3)));
    assert_eq!(
        per_request.accounts(&s).await.unwrap_err(),
        BankError::Timeout(Duration::from_millis(100))
    );

    let decorated = ObieConnector::from_config(ObieConfig {
        call_timeout_ms: 150,
        retries: 0,
        ..bearer_config(&mock)
    })
    .unwrap()
    .decorated();
    mock.bank.fault(Fault::Slow(Duration::from_secs(3)));
    assert_eq!(
        decorated.accounts(&s).await.unwrap_err(),
        BankError::Timeout(Duration::from_millis(150))
    );
}

#[tokio::test]
async fn the_retry_decorator_rides_out_transient_faults() {
    let mock = MockAis::start(3).await;
    let s = credential(ALICE_ACCESS);
    let bank = ObieConnector::from_config(bearer_config(&mock))
        .unwrap()
        .decorated();
    mock.bank.fault(Fault::Status(503, None));
    mock.bank.fault(Fault::Status(429, Some("0")));
    assert_eq!(
        bank.balance(&s, &AccountId::new("acc-sav"))
            .await
            .unwrap()
            .current
            .amount,
        dec!(10250.00)
    );
    mock.bank.fault(Fault::Status(403, None));
    assert!(
        matches!(
            bank.balance(&s, &AccountId::new("acc-sav")).await,
            Err(BankError::PermissionMissing(_))
        ),
        "not retried"
    );
}

#[tokio::test]
async fn refresh_on_401_once_then_reauthentication() {
    let mock = MockAis::start(3).await;
    let bank = ObieConnector::from_config(oauth_config(&mock)).unwrap();
    let s = credential(fixtures::ALICE_REFRESH);
    let calls = || mock.bank.token_calls.load(Ordering::SeqCst);

    assert_eq!(bank.accounts(&s).await.unwrap().len(), 3);
    assert_eq!(calls(), 1, "first use exchanges the refresh token");
    bank.balance(&s, &AccountId::new("acc-chk")).await.unwrap();
    assert_eq!(calls(), 1, "the access token is cached");

    mock.bank.expire_access_tokens();
    bank.balance(&s, &AccountId::new("acc-chk")).await.unwrap();
    assert_eq!(calls(), 2, "401 → refresh → success");

    mock.bank.expire_access_tokens();
    let chk = AccountId::new("acc-chk");
    let together = futures::future::join_all((0..5).map(|_| bank.balance(&s, &chk))).await;
    assert!(together.iter().all(Result::is_ok));
    assert_eq!(calls(), 3, "five concurrent 401s, one refresh");

    mock.bank.reject_all.store(true, Ordering::SeqCst);
    let before = mock.bank.seen().len();
    assert_eq!(
        bank.accounts(&s).await.unwrap_err(),
        BankError::ReauthenticationRequired
    );
    assert_eq!(calls(), 4, "refreshed exactly once");
    assert_eq!(
        mock.bank.seen().len() - before,
        2,
        "401 twice, then give up"
    );

    let revoked = credential("revoked-refresh-token");
    assert_eq!(
        bank.accounts(&revoked).await.unwrap_err(),
        BankError::ReauthenticationRequired
    );
}

#[tokio::test]
async fn conformance_suite_passes_against_the_mock_bank() {
    let mock = MockAis::start(3).await;
    let options = BankConformanceOptions::default();

    let bearer = ObieConnector::from_config(bearer_config(&mock)).unwrap();
    let report = check_bank_connector(&bearer, &credential(ALICE_ACCESS), &options)
        .await
        .unwrap();
    assert_eq!((report.accounts, report.transactions), (3, 11));

    let oauth = ObieConnector::from_config(oauth_config(&mock))
        .unwrap()
        .decorated();
    let report = check_bank_connector(&oauth, &credential(fixtures::ALICE_REFRESH), &options)
        .await
        .unwrap();
    assert_eq!((report.accounts, report.transactions), (3, 11));
}

#[test]
fn config_reads_the_bank_table_and_validates() {
    #[derive(serde::Deserialize)]
    struct File {
        bank: ObieConfig,
    }
    let file: File = toml::from_str(
        r#"
        [bank]
        kind = "obie"
        base_url = "https://api.alphabank.com/open-banking/v3.1/aisp/"
        token_url = "https://auth.alphabank.com/token"
        client_id = "bankbot"
        client_secret = "very-secret"
        request_timeout_ms = 5000
        call_timeout_ms = 12000
        retries = 1
        [bank.extra_headers]
        x-fapi-financial-id = "001580000103UAvAAM"
        "#,
    )
    .unwrap();
    assert_eq!(file.bank.request_timeout(), Duration::from_secs(5));
    assert_eq!(file.bank.max_pages, 50, "defaults fill the rest");
    assert!(!format!("{:?}", file.bank).contains("very-secret"));
    assert!(ObieConnector::from_config(file.bank.clone()).is_ok());

    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/obie-bot/bankbot.toml"
    );
    let sample: File = toml::from_str(&std::fs::read_to_string(sample).unwrap()).unwrap();
    assert!(
        ObieConnector::from_config(sample.bank).is_ok(),
        "examples/obie-bot/bankbot.toml"
    );

    let bad_url = ObieConfig::new("ftp://x");
    assert!(matches!(
        ObieConnector::from_config(bad_url),
        Err(ObieError::InvalidUrl { field: "base_url" })
    ));
    let half_oauth = ObieConfig {
        client_id: None,
        ..file.bank.clone()
    };
    assert!(matches!(
        ObieConnector::from_config(half_oauth),
        Err(ObieError::IncompleteOAuth)
    ));
    let mut bad_header = file.bank;
    bad_header
        .extra_headers
        .insert("bad header".into(), "x".into());
    assert!(matches!(
        ObieConnector::from_config(bad_header),
        Err(ObieError::InvalidHeader(_))
    ));
}

#[tokio::test]
#[ignore = "performance figure: cargo test -p bankbot-obie --release --test mock_server -- --ignored --nocapture"]
async fn latency_against_the_local_mock() {
    let mock = MockAis::start(3).await;
    let s = credential(fixtures::ALICE_REFRESH);
    let bank = ObieConnector::from_config(oauth_config(&mock))
        .unwrap()
        .decorated();
    bank.accounts(&s).await.unwrap();
    let mut balance = Vec::new();
    let mut history = Vec::new();
    for _ in 0..51 {
        let start = std::time::Instant::now();
        bank.balance(&s, &AccountId::new("acc-chk")).await.unwrap();
        balance.push(start.elapsed());
        let start = std::time::Instant::now();
        bank.transactions(&s, &TransactionQuery::latest(5))
            .await
            .unwrap();
        history.push(start.elapsed());
    }
    balance.sort();
    history.sort();
    println!(
        "balance (1 request): median {:?}; latest 5 of all accounts (7 HTTP requests): median {:?}; 51 runs",
        balance[25], history[25]
    );
}

/// A connector on a fresh mock bank (pages of 2) with the recent-history window set to
/// `days` and "today" 2026-11-29.
async fn windowed_bank(days: u32) -> (MockAis, ObieConnector) {
    let mock = MockAis::start(2).await;
    let config = ObieConfig {
        recent_window_days: days,
        ..bearer_config(&mock)
    };
    let clock =
        std::sync::Arc::new(bankbot_core::FixedClock::parse("2026-11-29T12:00:00Z").unwrap());
    let bank = ObieConnector::from_config(config)
        .unwrap()
        .with_clock(clock);
    (mock, bank)
}

/// The query strings of the transaction requests `mock` saw.
fn transaction_queries(mock: &MockAis) -> Vec<String> {
    mock.bank
        .seen()
        .into_iter()
        .filter(|r| r.path.ends_with("transactions"))
        .map(|r| r.query.unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn recent_window_fetches_less_and_answers_the_same() {
    for q in [
        TransactionQuery::latest(2),
        TransactionQuery::latest(5),
        TransactionQuery {
            account: Some(AccountId::new("acc-chk")),
            ..TransactionQuery::latest(3)
        },
        TransactionQuery {
            text: Some("starbucks".into()),
            ..TransactionQuery::latest(1)
        },
    ] {
        let (_mock, bank) = windowed_bank(0).await;
        let everything = walk(&bank, &credential(ALICE_ACCESS), q.clone()).await;
        assert!(!everything.is_empty());
        for days in [30, 45, 60, 90, 3650] {
            let (_mock, bank) = windowed_bank(days).await;
            let windowed = walk(&bank, &credential(ALICE_ACCESS), q.clone()).await;
            assert_eq!(windowed, everything, "window of {days} days, {q:?}");
        }
    }
    // With 90 days every fixture (October 2026) is inside the window: the first page needs
    // nothing older.
    let (mock, bank) = windowed_bank(90).await;
    let first = bank
        .transactions(&credential(ALICE_ACCESS), &TransactionQuery::latest(2))
        .await
        .unwrap();
    assert!(first.next_page.is_some());
    let queries = transaction_queries(&mock);
    assert!(
        queries.iter().all(
            |q| q.starts_with("fromBookingDateTime=2026-08-31T00%3A00%3A00")
                && !q.contains("toBookingDateTime")
        ),
        "{queries:?}"
    );
    // With 30 days (from 2026-10-30) the window cannot fill the page: the older history is
    // fetched, up to the day before the window.
    let (mock, bank) = windowed_bank(30).await;
    bank.transactions(&credential(ALICE_ACCESS), &TransactionQuery::latest(2))
        .await
        .unwrap();
    let queries = transaction_queries(&mock);
    assert!(
        queries
            .iter()
            .any(|q| q.starts_with("toBookingDateTime=2026-10-29T23%3A59%3A59")),
        "{queries:?}"
    );
}
