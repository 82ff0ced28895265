//! The bank crate's conformance suite against the connector and the sample core over HTTP.

mod support;

use bankbot::prelude::*;
use rust_decimal::Decimal;

fn credential(core: &custom_connector::sample_core::SampleCore, who: &str) -> CustomerCredential {
    let (customer, token) = core.token_for(who).unwrap();
    CustomerCredential::new(CustomerRef::new(customer), Credential::new(token))
}

#[tokio::test]
async fn bank_connector_conformance_passes_for_both_customers() {
    let core = support::core().await;
    let bank = support::connector(&core).decorated();
    for (who, accounts, transactions) in [("dana", 3, 12), ("emile", 2, 4)] {
        let report = check_bank_connector(
            &bank,
            &credential(&core, who),
            &BankConformanceOptions::default(),
        )
        .await
        .unwrap();
        assert_eq!(report.accounts, accounts, "{who}");
        assert_eq!(report.transactions, transactions, "{who}");
        assert!(report.pages > 1, "{who}: pagination not exercised");
    }
}

#[tokio::test]
async fn card_controls_conformance_passes_and_reaches_the_core() {
    let core = support::core().await;
    let bank = support::connector(&core);
    let dana = credential(&core, "dana");
    assert_eq!(check_card_controls(&bank, &dana).await.unwrap(), 2);
    // The suite leaves every card as it found it.
    assert_eq!(core.card_blocked("card-7001"), Some(false));
    let locked = bank
        .lock_card(&dana, &CardId::new("card-7001"))
        .await
        .unwrap();
    assert!(locked.locked);
    assert_eq!(locked.last4.digits(), "0427");
    assert_eq!(core.card_blocked("card-7001"), Some(true));
    // Someone else's card is not found, and stays as it is.
    let emile = credential(&core, "emile");
    let other = bank.lock_card(&emile, &CardId::new("card-7002")).await;
    assert!(matches!(other, Err(BankError::NotFound(_))), "{other:?}");
    assert_eq!(core.card_blocked("card-7002"), Some(false));
}

#[tokio::test]
async fn fraud_reporting_conformance_passes() {
    let core = support::core().await;
    let bank = support::connector(&core);
    for who in ["dana", "emile"] {
        let s = credential(&core, who);
        let newest = bank
            .transactions(&s, &TransactionQuery::latest(1))
            .await
            .unwrap();
        let reference = newest.transactions[0].id.to_string();
        check_fraud_reporting(&bank, &s, &reference).await.unwrap();
    }
}

#[tokio::test]
async fn linking_provider_conformance_passes() {
    let core = support::core().await;
    let bank = support::connector(&core);
    check_linking_provider(&bank, "dana", "north-star-1")
        .await
        .unwrap();
    check_linking_provider(&bank, "emile", "etoile-du-nord-2")
        .await
        .unwrap();
    // A revoked token no longer reads anything.
    let code = bank.authorize("dana", "north-star-1").await.unwrap();
    let dana = bank.exchange(&code).await.unwrap();
    assert_eq!(dana.customer.as_str(), "cust-1001");
    assert_eq!(bank.accounts(&dana).await.unwrap().len(), 3);
    bank.revoke(&dana).await.unwrap();
    assert_eq!(
        bank.accounts(&dana).await,
        Err(BankError::ReauthenticationRequired)
    );
    // Revoking twice is not an error.
    bank.revoke(&dana).await.unwrap();
}

#[tokio::test]
async fn money_is_exact_and_numbers_are_masked() {
    let core = support::core().await;
    let bank = support::connector(&core);
    let dana = credential(&core, "dana");
    let accounts = bank.accounts(&dana).await.unwrap();
    let digits: Vec<&str> = accounts
        .iter()
        .filter_map(|a| a.masked_number.as_ref().map(|m| m.digits()))
        .collect();
    assert_eq!(digits, ["5512", "7734", "9012"]);
    assert_eq!(accounts[0].kind, AccountKind::Checking);
    assert_eq!(accounts[2].kind, AccountKind::CreditCard);

    let checking = bank.balance(&dana, &accounts[0].id).await.unwrap();
    assert_eq!(checking.current.amount, Decimal::new(318_042, 2));
    assert_eq!(checking.current.amount.to_string(), "3180.42");
    assert_eq!(checking.available.unwrap().amount, Decimal::new(313_443, 2));
    let card = bank.balance(&dana, &accounts[2].id).await.unwrap();
    assert_eq!(card.current.amount, Decimal::new(-41_230, 2));
    assert_eq!(card.owed().unwrap().amount.to_string(), "412.30");
    assert_eq!(card.credit_limit.unwrap().amount, Decimal::new(300_000, 2));

    let emile = credential(&core, "emile");
    let livret = bank
        .balance(&emile, &AccountId::new("acc-sav-2002"))
        .await
        .unwrap();
    assert_eq!(livret.current.currency, Currency::EUR);
    assert_eq!(livret.current.amount.to_string(), "7800.00");
    // dana's account is not emile's.
    let theirs = bank.balance(&emile, &accounts[0].id).await;
    assert!(matches!(theirs, Err(BankError::NotFound(_))), "{theirs:?}");
}

/// Text, category and amount filters are applied by the connector across the core's pages.
#[tokio::test]
async fn filters_the_core_cannot_apply_still_page_correctly() {
    let core = support::core().await;
    let bank = support::connector(&core);
    let dana = credential(&core, "dana");
    let mut query = TransactionQuery {
        text: Some("greenleaf".into()),
        ..TransactionQuery::latest(1)
    };
    let mut seen = Vec::new();
    loop {
        let page = bank.transactions(&dana, &query).await.unwrap();
        assert!(page.transactions.len() <= 1);
        seen.extend(page.transactions.into_iter().map(|t| t.id.to_string()));
        match page.next_page {
            Some(next) => query.page_token = Some(next),
            None => break,
        }
    }
    assert_eq!(seen, ["tx-0001", "tx-0012"]);

    let groceries = TransactionQuery {
        category: Some(bankbot::core::Category::Groceries),
        amount_min: Some(Decimal::new(50, 0)),
        ..TransactionQuery::latest(10)
    };
    let page = bank.transactions(&dana, &groceries).await.unwrap();
    let ids: Vec<String> = page.transactions.iter().map(|t| t.id.to_string()).collect();
    assert_eq!(ids, ["tx-0012"]);
    assert_eq!(page.transactions[0].amount.amount.to_string(), "-88.15");
    assert_eq!(page.next_page, None);
}

#[tokio::test]
async fn fraud_answers_reach_the_core() {
    let core = support::core().await;
    let bank = support::connector(&core);
    let dana = credential(&core, "dana");
    bank.confirm_transaction(&dana, "tx-0008", false)
        .await
        .unwrap();
    bank.confirm_transaction(&dana, "tx-0009", true)
        .await
        .unwrap();
    let got: Vec<(String, bool)> = core
        .confirmations()
        .into_iter()
        .map(|c| (c.transaction, c.genuine))
        .collect();
    assert_eq!(
        got,
        [("tx-0008".to_owned(), false), ("tx-0009".to_owned(), true)]
    );
    let unknown = bank.confirm_transaction(&dana, "tx-2001", true).await;
    assert!(
        matches!(unknown, Err(BankError::NotFound(_))),
        "{unknown:?}"
    );
}
