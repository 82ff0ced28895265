//! Every way the core can fail maps to the `BankError` variant that tells the bot what to
//! do: timeouts, 5xx, rate limits, refusals, garbage and wrong shapes, a dead core.

mod support;

use std::time::Duration;

use bankbot::prelude::*;
use custom_connector::sample_core::Fault;
use custom_connector::{CoreBanking, CoreBankingOptions};

fn dana(core: &custom_connector::sample_core::SampleCore) -> CustomerCredential {
    let (customer, token) = core.token_for("dana").unwrap();
    CustomerCredential::new(CustomerRef::new(customer), Credential::new(token))
}

/// The error every kind of call gives while `fault` is set.
async fn under(fault: Fault) -> Vec<BankError> {
    let core = support::core().await;
    let bank = support::connector(&core);
    let credential = dana(&core);
    core.set_fault(Some(fault));
    let checking = AccountId::new("acc-chk-1001");
    vec![
        bank.accounts(&credential).await.unwrap_err(),
        bank.balance(&credential, &checking).await.unwrap_err(),
        bank.transactions(&credential, &TransactionQuery::latest(5))
            .await
            .unwrap_err(),
        bank.cards(&credential).await.unwrap_err(),
        bank.lock_card(&credential, &CardId::new("card-7001"))
            .await
            .unwrap_err(),
    ]
}

#[tokio::test]
async fn server_errors_are_unavailable_and_retryable() {
    for status in [500, 502, 503] {
        for err in under(Fault::Status(status)).await {
            assert!(
                matches!(err, BankError::Unavailable(_)),
                "{status}: {err:?}"
            );
            assert!(err.is_retryable());
        }
    }
}

#[tokio::test]
async fn a_slow_core_times_out() {
    for err in under(Fault::Delay(Duration::from_secs(3))).await {
        assert_eq!(err, BankError::Timeout(Duration::from_millis(500)));
    }
}

#[tokio::test]
async fn garbage_and_wrong_shapes_are_invalid_responses() {
    for fault in [Fault::Garbage, Fault::WrongShape] {
        for err in under(fault).await {
            assert!(
                matches!(err, BankError::InvalidResponse(_)),
                "{fault:?}: {err:?}"
            );
            assert!(!err.is_retryable());
        }
    }
}

#[tokio::test]
async fn rate_limits_carry_retry_after() {
    for err in under(Fault::RateLimited(7)).await {
        assert_eq!(
            err,
            BankError::RateLimited {
                retry_after: Some(Duration::from_secs(7))
            }
        );
    }
}

#[tokio::test]
async fn refusals_say_what_to_do() {
    for err in under(Fault::Status(403)).await {
        assert!(matches!(err, BankError::PermissionMissing(_)), "{err:?}");
    }
    for err in under(Fault::Status(401)).await {
        assert_eq!(err, BankError::ReauthenticationRequired);
    }
    // An unexpected status is not taken for success.
    for err in under(Fault::Status(302)).await {
        assert!(matches!(err, BankError::InvalidResponse(_)), "{err:?}");
    }
}

#[tokio::test]
async fn logins_refused_by_the_core_are_invalid_credentials() {
    let core = support::core().await;
    let bank = support::connector(&core);
    for (user, password) in [("dana", "wrong"), ("nobody", "north-star-1"), ("", "")] {
        assert_eq!(
            bank.authorize(user, password).await,
            Err(BankError::InvalidCredentials)
        );
    }
    let forged = bank.exchange(&AuthorizationCode("forged".into())).await;
    assert_eq!(forged, Err(BankError::InvalidCredentials));
    // A core outage during login is an outage, not a wrong password.
    core.set_fault(Some(Fault::Status(503)));
    let down = bank.authorize("dana", "north-star-1").await;
    assert!(matches!(down, Err(BankError::Unavailable(_))), "{down:?}");
}

#[tokio::test]
async fn a_dead_core_is_unavailable_and_bad_input_is_refused() {
    let core = support::core().await;
    let bank = support::connector(&core);
    let credential = dana(&core);
    let forged = TransactionQuery {
        page_token: Some(PageToken("not-a-transaction".into())),
        ..TransactionQuery::latest(5)
    };
    assert!(matches!(
        bank.transactions(&credential, &forged).await,
        Err(BankError::InvalidRequest(_))
    ));
    let odd = AccountId::new("../accounts?x=1#");
    assert!(matches!(
        bank.balance(&credential, &odd).await,
        Err(BankError::NotFound(_))
    ));
    drop(core);
    tokio::task::yield_now().await;
    let err = bank.accounts(&credential).await.unwrap_err();
    assert!(matches!(err, BankError::Unavailable(_)), "{err:?}");
}

#[tokio::test]
async fn the_decorated_connector_retries_an_outage_then_gives_up() {
    let core = support::core().await;
    let options = CoreBankingOptions::new(core.base_url())
        .unwrap()
        .with_retries(1);
    let bank = CoreBanking::new(options).unwrap().decorated();
    let credential = dana(&core);
    core.set_fault(Some(Fault::Status(503)));
    let err = bank.accounts(&credential).await.unwrap_err();
    assert!(matches!(err, BankError::Unavailable(_)), "{err:?}");
    core.set_fault(None);
    assert_eq!(bank.accounts(&credential).await.unwrap().len(), 3);
}

#[test]
fn bad_urls_are_refused_with_a_clear_error() {
    for url in [
        "",
        "core.bank.example",
        "ftp://core.bank.example",
        "mailto:x@y",
    ] {
        let err = CoreBankingOptions::new(url).unwrap_err();
        assert!(err.to_string().contains("is not an http(s) URL"), "{err}");
    }
}
