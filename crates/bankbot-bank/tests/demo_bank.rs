//! The demo bank: conformance, and the exact figures later issues rely on.

use std::sync::Arc;

use bankbot_bank::demo::DemoBank;
use bankbot_bank::{
    AtmFilter, AtmLocator, BankConnector, BankError, CardControls, CustomerCredential,
    LinkingProvider, TransactionQuery, conformance,
};
use bankbot_core::{AccountKind, CustomerRef, FixedClock, GeoPoint, Lang, TransactionStatus};
use chrono::NaiveDate;
use rust_decimal_macros::dec;

fn bank() -> DemoBank {
    DemoBank::builtin(Arc::new(FixedClock::parse("2026-11-29").unwrap()))
}

fn credential(bank: &DemoBank, who: &str) -> CustomerCredential {
    bank.credential_for(&CustomerRef::new(who)).unwrap()
}

#[tokio::test]
async fn passes_the_conformance_suite_for_both_customers() {
    let bank = bank();
    for who in ["cust-alice", "cust-bob"] {
        let s = credential(&bank, who);
        let report = conformance::check_bank_connector(&bank, &s, &Default::default())
            .await
            .unwrap();
        assert!(report.pages > 1, "{who}: pagination was exercised");
        assert!(conformance::check_card_controls(&bank, &s).await.unwrap() > 0);
        let newest = bank
            .transactions(&s, &TransactionQuery::latest(1))
            .await
            .unwrap();
        let reference = newest.transactions[0].id.to_string();
        conformance::check_fraud_reporting(&bank, &s, &reference)
            .await
            .unwrap();
        assert_eq!(bank.fraud_answer(&s, &reference), Some(false), "{who}");
    }
    conformance::check_linking_provider(&bank, "alice", "demo")
        .await
        .unwrap();
    let sf = GeoPoint::new(37.7897, -122.4000).unwrap();
    assert!(conformance::check_atm_locator(&bank, sf, 3).await.unwrap() > 0);
}

#[tokio::test]
async fn alice_figures_are_exact() {
    let bank = bank();
    let s = credential(&bank, "cust-alice");
    let accounts = bank.accounts(&s).await.unwrap();
    let summary: Vec<_> = accounts
        .iter()
        .map(|a| {
            (
                a.display_name.as_str(),
                a.kind,
                a.masked_number.as_ref().unwrap().digits(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Everyday Checking", AccountKind::Checking, "4321"),
            ("Way2Save Savings", AccountKind::Savings, "8765"),
            ("Cash Back Visa", AccountKind::CreditCard, "1111"),
        ]
    );
    let checking = bank.balance(&s, &accounts[0].id).await.unwrap();
    assert_eq!(checking.current.format(Lang::En), "$2,345.67");
    assert_eq!(checking.available.unwrap().format(Lang::En), "$2,295.67");
    let savings = bank.balance(&s, &accounts[1].id).await.unwrap();
    assert_eq!(savings.current.amount, dec!(10250.00));
    assert_eq!(savings.available.unwrap().amount, dec!(10250.00));
    let visa = bank.balance(&s, &accounts[2].id).await.unwrap();
    assert_eq!(visa.owed().unwrap().format(Lang::En), "$432.10");
    assert_eq!(visa.available.unwrap().amount, dec!(4567.90));
    assert_eq!(visa.credit_limit.unwrap().amount, dec!(5000.00));

    let cards = bank.cards(&s).await.unwrap();
    let digits: Vec<_> = cards.iter().map(|c| c.last4.digits()).collect();
    assert_eq!(digits, ["9876", "1111"]);

    let all = bank
        .transactions(&s, &TransactionQuery::latest(100))
        .await
        .unwrap();
    assert_eq!(all.transactions.len(), 17);
    assert!(all.next_page.is_none());
    let first = &all.transactions[0];
    assert_eq!(first.merchant.as_deref(), Some("Shell"));
    assert_eq!(first.status, TransactionStatus::Pending);
    assert_eq!(
        first.booking_date,
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    );
    assert_eq!(first.amount.amount, dec!(-50.00));
    let pending = all
        .transactions
        .iter()
        .filter(|t| t.status == TransactionStatus::Pending);
    assert_eq!(pending.count(), 1);
    let last = all.transactions.last().unwrap();
    assert_eq!(
        (last.description.as_str(), last.amount.amount),
        ("Interest", dec!(8.54))
    );
    assert_eq!(
        last.booking_date,
        NaiveDate::from_ymd_opt(2026, 9, 28).unwrap()
    );
    let starbucks = TransactionQuery {
        text: Some("starbucks".into()),
        ..TransactionQuery::latest(10)
    };
    let page = bank.transactions(&s, &starbucks).await.unwrap();
    let amounts: Vec<_> = page.transactions.iter().map(|t| t.amount.amount).collect();
    assert_eq!(amounts, [dec!(-4.95), dec!(-6.10), dec!(-5.45)]);
    let big = TransactionQuery {
        amount_min: Some(dec!(100)),
        ..TransactionQuery::latest(10)
    };
    let page = bank.transactions(&s, &big).await.unwrap();
    assert_eq!(page.transactions.len(), 6);
}

#[tokio::test]
async fn bob_figures_are_exact() {
    let bank = bank();
    let s = credential(&bank, "cust-bob");
    assert_eq!(bank.customer_lang(&s.customer), Some(Lang::Fr));
    let accounts = bank.accounts(&s).await.unwrap();
    assert_eq!(accounts.len(), 2);
    let courant = bank.balance(&s, &accounts[0].id).await.unwrap();
    assert_eq!(accounts[0].display_name, "Compte courant");
    assert_eq!(
        accounts[0].masked_number.as_ref().unwrap().to_string(),
        "••2468"
    );
    assert_eq!(courant.current.format(Lang::Fr), "1 234,56 €");
    assert_eq!(courant.available.unwrap().format(Lang::Fr), "1 234,56 €");
    let livret = bank.balance(&s, &accounts[1].id).await.unwrap();
    assert_eq!(accounts[1].display_name, "Livret A");
    assert_eq!(livret.current.format(Lang::Fr), "8 000,00 €");
    let cards = bank.cards(&s).await.unwrap();
    assert_eq!(
        (cards[0].display_name.as_str(), cards[0].last4.digits()),
        ("Carte Visa", "5678")
    );
    let all = bank
        .transactions(&s, &TransactionQuery::latest(50))
        .await
        .unwrap();
    let summary: Vec<_> = all
        .transactions
        .iter()
        .map(|t| t.amount.format(Lang::Fr))
        .collect();
    assert_eq!(
        summary,
        [
            "-3,80 €",
            "-63,20 €",
            "-45,00 €",
            "2 450,00 €",
            "-41,75 €",
            "-58,10 €",
            "-950,00 €"
        ]
    );
}

#[tokio::test]
async fn credentials_are_checked_and_revocable() {
    let bank = bank();
    let code = bank.authorize("alice", "demo").await.unwrap();
    let s = bank.exchange(&code).await.unwrap();
    assert_eq!(s.customer, CustomerRef::new("cust-alice"));
    assert!(bank.accounts(&s).await.is_ok());
    // Another customer's reference with alice's credential is refused.
    let stolen = CustomerCredential::new(CustomerRef::new("cust-bob"), s.credential.clone());
    assert_eq!(
        bank.accounts(&stolen).await,
        Err(BankError::ReauthenticationRequired)
    );
    bank.revoke(&s).await.unwrap();
    assert_eq!(
        bank.accounts(&s).await,
        Err(BankError::ReauthenticationRequired)
    );
    assert_eq!(
        bank.authorize("alice", "wrong").await,
        Err(BankError::InvalidCredentials)
    );
    assert_eq!(
        bank.authorize("mallory", "demo").await,
        Err(BankError::InvalidCredentials)
    );
}

#[tokio::test]
async fn atms_respect_filters() {
    let bank = bank();
    let paris = GeoPoint::new(48.8566, 2.3522).unwrap();
    let nearest = bank.nearest(paris, 1, &AtmFilter::default()).await.unwrap();
    assert_eq!(nearest[0].atm.id, "demo-par-1");
    // Westminster is not open around the clock: from London, the nearest that is stands
    // at the Bastille.
    let london = GeoPoint::new(51.5027, -0.1263).unwrap();
    let nearest = bank
        .nearest(london, 1, &AtmFilter::default())
        .await
        .unwrap();
    assert_eq!(nearest[0].atm.id, "demo-ldn-1");
    let open_24h = AtmFilter {
        open_24h: true,
        ..AtmFilter::default()
    };
    let nearest = bank.nearest(london, 1, &open_24h).await.unwrap();
    assert_eq!(nearest[0].atm.id, "demo-par-1");
}

#[test]
fn broken_fixtures_are_reported() {
    let clock = Arc::new(FixedClock::parse("2026-11-29").unwrap());
    let bad =
        bankbot_bank::demo::BUILTIN_FIXTURES.replace("last4 = \"4321\"", "last4 = \"12344321\"");
    assert!(DemoBank::from_toml(&bad, clock.clone()).is_err());
    assert!(DemoBank::from_toml("customers = 3", clock.clone()).is_err());
    let orphan = bankbot_bank::demo::BUILTIN_FIXTURES
        .replace("account = \"alice-visa\"", "account = \"nope\"");
    let err = DemoBank::from_toml(&orphan, clock).unwrap_err();
    assert!(err.to_string().contains("alice"), "{err}");
}
