//! Timeout, retry and tracing decorators around the demo bank, with injected faults.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use bankbot_bank::decorators::{Retry, RetryPolicy, Timeout, Traced};
use bankbot_bank::demo::DemoBank;
use bankbot_bank::{
    AuthorizationCode, BankConnector, BankError, BankResult, CustomerCredential, LinkingProvider,
    TransactionPage, TransactionQuery, conformance,
};
use bankbot_core::{Account, AccountId, Balance, CustomerRef, FixedClock};

/// Fails the first `failures` calls with `error`, then answers like the demo bank;
/// optionally sleeps before each answer.
struct Faulty {
    bank: DemoBank,
    failures: u32,
    error: BankError,
    delay: Duration,
    calls: AtomicU32,
}

impl Faulty {
    fn new(failures: u32, error: BankError) -> Self {
        Faulty {
            bank: DemoBank::builtin(Arc::new(FixedClock::parse("2026-11-29").unwrap())),
            failures,
            error,
            delay: Duration::ZERO,
            calls: AtomicU32::new(0),
        }
    }

    async fn gate(&self) -> BankResult<()> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(self.delay).await;
        if n < self.failures {
            Err(self.error.clone())
        } else {
            Ok(())
        }
    }
}

#[async_trait]
impl BankConnector for Faulty {
    async fn accounts(&self, s: &CustomerCredential) -> BankResult<Vec<Account>> {
        self.gate().await?;
        self.bank.accounts(s).await
    }
    async fn balance(&self, s: &CustomerCredential, a: &AccountId) -> BankResult<Balance> {
        self.gate().await?;
        self.bank.balance(s, a).await
    }
    async fn transactions(
        &self,
        s: &CustomerCredential,
        q: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        self.gate().await?;
        self.bank.transactions(s, q).await
    }
}

#[async_trait]
impl LinkingProvider for Faulty {
    async fn authorize(&self, u: &str, p: &str) -> BankResult<AuthorizationCode> {
        self.gate().await?;
        self.bank.authorize(u, p).await
    }
    async fn exchange(&self, c: &AuthorizationCode) -> BankResult<CustomerCredential> {
        self.gate().await?;
        self.bank.exchange(c).await
    }
    async fn revoke(&self, s: &CustomerCredential) -> BankResult<()> {
        self.gate().await?;
        self.bank.revoke(s).await
    }
}

fn alice(f: &Faulty) -> CustomerCredential {
    f.bank
        .credential_for(&CustomerRef::new("cust-alice"))
        .unwrap()
}

fn fast_policy(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    }
}

#[tokio::test]
async fn retries_retryable_errors_until_success() {
    let faulty = Arc::new(Faulty::new(2, BankError::Unavailable("down".into())));
    let s = alice(&faulty);
    let retry = Retry::new(faulty.clone(), fast_policy(3));
    assert_eq!(retry.accounts(&s).await.unwrap().len(), 3);
    assert_eq!(faulty.calls.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn gives_up_after_max_attempts() {
    let faulty = Arc::new(Faulty::new(10, BankError::Timeout(Duration::from_secs(1))));
    let s = alice(&faulty);
    let retry = Retry::new(faulty.clone(), fast_policy(3));
    assert!(matches!(
        retry.accounts(&s).await,
        Err(BankError::Timeout(_))
    ));
    assert_eq!(faulty.calls.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn never_retries_non_retryable_errors() {
    for error in [
        BankError::ReauthenticationRequired,
        BankError::NotFound("account".into()),
        BankError::InvalidResponse("garbage".into()),
    ] {
        let faulty = Arc::new(Faulty::new(1, error.clone()));
        let s = alice(&faulty);
        let retry = Retry::new(faulty.clone(), fast_policy(5));
        assert_eq!(retry.accounts(&s).await, Err(error));
        assert_eq!(faulty.calls.load(Ordering::SeqCst), 1);
    }
}

#[tokio::test]
async fn never_retries_one_time_operations() {
    let faulty = Arc::new(Faulty::new(1, BankError::Unavailable("down".into())));
    let retry = Retry::new(faulty.clone(), fast_policy(5));
    let code = AuthorizationCode("x".into());
    assert!(retry.exchange(&code).await.is_err());
    assert_eq!(faulty.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn honours_retry_after_within_the_ceiling_only() {
    let soon = BankError::RateLimited {
        retry_after: Some(Duration::from_millis(2)),
    };
    let faulty = Arc::new(Faulty::new(1, soon));
    let s = alice(&faulty);
    assert!(
        Retry::new(faulty.clone(), fast_policy(3))
            .accounts(&s)
            .await
            .is_ok()
    );

    let late = BankError::RateLimited {
        retry_after: Some(Duration::from_secs(60)),
    };
    let faulty = Arc::new(Faulty::new(1, late.clone()));
    let s = alice(&faulty);
    assert_eq!(
        Retry::new(faulty.clone(), fast_policy(3))
            .accounts(&s)
            .await,
        Err(late)
    );
    assert_eq!(faulty.calls.load(Ordering::SeqCst), 1);
}

#[test]
fn backoff_grows_and_stays_under_the_ceiling() {
    let policy = RetryPolicy {
        max_attempts: 10,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(1_000),
    };
    let err = BankError::Unavailable("x".into());
    for attempt in 1..10 {
        let ceiling = Duration::from_millis((100u64 << (attempt - 1)).min(1_000));
        for _ in 0..50 {
            assert!(policy.delay(attempt, &err).unwrap() <= ceiling);
        }
    }
}

#[tokio::test(start_paused = true)]
async fn times_out_slow_calls() {
    let mut faulty = Faulty::new(0, BankError::Unavailable("unused".into()));
    faulty.delay = Duration::from_secs(30);
    let faulty = Arc::new(faulty);
    let s = alice(&faulty);
    let bounded = Timeout::new(faulty.clone(), Duration::from_secs(2));
    assert_eq!(
        bounded.accounts(&s).await,
        Err(BankError::Timeout(Duration::from_secs(2)))
    );
}

#[tokio::test]
async fn a_full_stack_still_conforms() {
    let faulty = Arc::new(Faulty::new(1, BankError::Unavailable("blip".into())));
    let s = alice(&faulty);
    let stacked: Arc<dyn BankConnector> = Arc::new(Traced::new(
        "faulty-demo",
        Retry::new(Timeout::new(faulty, Duration::from_secs(5)), fast_policy(3)),
    ));
    conformance::check_bank_connector(&*stacked, &s, &Default::default())
        .await
        .unwrap();
}
