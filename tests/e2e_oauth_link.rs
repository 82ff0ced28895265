//! End to end: linking through the bank's own login (`[linking] kind = "oauth"`) against a
//! local OpenID Connect provider with real ES256 ID tokens and a JWKS.
//!
//! `/link` → the provider's `/authorize` → `/link/callback` → Messenger's `redirect_uri`
//! with the bot's code → the `account_linking` webhook → "linked" → a balance answered
//! with the provider's access token; and the failures: consent denied, wrong state, a
//! replayed callback, a forged ID token signature, refresh on expiry, refused refresh.

mod common;

use std::sync::Arc;

use async_trait::async_trait;
use bankbot::prelude::*;
use bankbot_core::UserId;
use bankbot_testkit::redirect_login::{Back, location};
use bankbot_testkit::{Consent, MockGraphApi, MockOidcProvider, OidcClient};
use common::{TestBot, buttons, config_for, redirect_link, texts};
use reqwest::StatusCode;

const ALICE: &str = "7423910000000001";
const CLIENT_ID: &str = "bankbot-e2e";
const CLIENT_SECRET: &str = "e2e client secret: with / & = signs";

/// The bank's data API as the provider's resource server: it answers only for a live
/// access token of the provider, issued to the customer asked about.
struct TokenCheckingBank {
    demo: DemoBank,
    provider: Arc<MockOidcProvider>,
}

impl TokenCheckingBank {
    fn credential(&self, credential: &CustomerCredential) -> BankResult<CustomerCredential> {
        let owner = self
            .provider
            .access_token_owner(credential.credential.expose());
        if owner.as_deref() != Some(credential.customer.as_str()) {
            return Err(BankError::ReauthenticationRequired);
        }
        self.demo
            .credential_for(&credential.customer)
            .ok_or(BankError::ReauthenticationRequired)
    }
}

#[async_trait]
impl BankConnector for TokenCheckingBank {
    async fn accounts(&self, credential: &CustomerCredential) -> BankResult<Vec<Account>> {
        self.demo.accounts(&self.credential(credential)?).await
    }
    async fn balance(
        &self,
        credential: &CustomerCredential,
        account: &AccountId,
    ) -> BankResult<Balance> {
        self.demo
            .balance(&self.credential(credential)?, account)
            .await
    }
    async fn transactions(
        &self,
        credential: &CustomerCredential,
        query: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        self.demo
            .transactions(&self.credential(credential)?, query)
            .await
    }
}

struct Harness {
    bot: TestBot,
    provider: Arc<MockOidcProvider>,
    http: reqwest::Client,
}

fn options(issuer: &str) -> OAuthOptions {
    OAuthOptions {
        issuer: Some(issuer.to_owned()),
        client_id: CLIENT_ID.to_owned(),
        client_secret: Some(ClientSecret::new(CLIENT_SECRET)),
        scopes: vec!["openid".into(), "accounts".into()],
        ..OAuthOptions::default()
    }
}

async fn start() -> Harness {
    let provider = Arc::new(
        MockOidcProvider::start(OidcClient {
            id: CLIENT_ID.to_owned(),
            secret: CLIENT_SECRET.to_owned(),
        })
        .await
        .unwrap(),
    );
    let graph = MockGraphApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let config = config_for(dir.path(), &graph);
    graph.set_app_secret(config.messenger.app_secret.clone().unwrap());
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::parse(common::NOW).unwrap());
    let bank = Arc::new(TokenCheckingBank {
        demo: DemoBank::builtin(clock.clone()),
        provider: provider.clone(),
    });
    let linking = Arc::new(OAuthLinking::new(options(&provider.issuer())).unwrap());
    let server = Server::builder(bank, linking)
        .clock(clock)
        .config(config)
        .build()
        .await
        .unwrap();
    let bot = TestBot::serve(server, graph, dir).await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Harness {
        bot,
        provider,
        http,
    }
}

impl Harness {
    /// Opens `/link` as Messenger's webview does and follows it to the provider, which
    /// answers at once (signs in or refuses, as set); returns where it sends the browser.
    async fn to_the_bank_and_back(&self, psid: &str) -> Back {
        let issuer = self.provider.issuer();
        let (to_bank, q) =
            redirect_link::to_the_bank(&self.bot, &self.http, psid, &issuer, CLIENT_ID).await;
        assert!(q["state"].len() >= 32 && q["nonce"].len() >= 32);
        let cookie = &to_bank.set_cookie;
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let resp = self.http.get(&to_bank.authorize).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        let back = location(&resp).unwrap();
        redirect_link::back(&self.bot, &back, &to_bank)
    }

    async fn callback(&self, back: &Back) -> reqwest::Response {
        back.follow(&self.http).await.unwrap()
    }

    /// The whole flow for `psid`: returns the replies to the `account_linking` webhook.
    async fn link(&self, psid: &str) -> Vec<serde_json::Value> {
        let back = self.to_the_bank_and_back(psid).await;
        redirect_link::link_back(&self.bot, &self.http, psid, &back).await
    }

    fn grants(&self, grant_type: &str) -> Vec<bool> {
        self.provider
            .token_grants()
            .into_iter()
            .filter(|g| g.grant_type == grant_type)
            .map(|g| g.accepted)
            .collect()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_links_at_the_banks_login_and_gets_a_balance_with_its_token() {
    let h = start().await;
    let linked = h.link(ALICE).await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    assert_eq!(h.grants("authorization_code"), vec![true]);

    let text = texts(&h.bot.say(ALICE, "what's my balance").await);
    assert!(text.contains("$2,345.67"), "{text}");

    // The token set is the link's credential, sealed at rest (never the bare token).
    let link = h
        .bot
        .store()
        .await
        .link(&UserId::new(ALICE))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(link.customer.as_str(), "cust-alice");
    assert!(link.credential.expose().contains("refresh_token"));
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_callback_links_nothing() {
    let h = start().await;
    let back = h.to_the_bank_and_back(ALICE).await;
    assert_eq!(h.callback(&back).await.status(), StatusCode::SEE_OTHER);
    let again = h.callback(&back).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert!(location(&again).is_none());
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("expired or was already used")
    );
    assert_eq!(
        h.grants("authorization_code"),
        vec![true],
        "the replay never reached the bank"
    );
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_state_or_another_browser_gets_no_code() {
    let h = start().await;
    let back = h.to_the_bank_and_back(ALICE).await;
    let forged = Back {
        callback: format!("{}{}", back.callback, "0"),
        cookie: back.cookie.clone(),
    };
    // `state` is the last parameter the provider appends: a changed state is unknown.
    assert!(back.callback.contains("&state="), "{}", back.callback);
    let resp = h.callback(&forged).await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(location(&resp).is_none());

    // The right state from another browser (another login cookie) is refused too.
    let other = Back {
        callback: back.callback.clone(),
        cookie: format!("bankbot_link_login={}", "ab".repeat(16)),
    };
    let resp = h.callback(&other).await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(location(&resp).is_none());
    // ... and that burnt it: the real browser must start again.
    assert_eq!(h.callback(&back).await.status(), StatusCode::BAD_REQUEST);
    assert!(h.grants("authorization_code").is_empty());
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn denied_consent_returns_to_messenger_without_a_code() {
    let h = start().await;
    h.provider.set_consent(Consent::Deny);
    let back = h.to_the_bank_and_back(ALICE).await;
    assert!(back.callback.contains("error=access_denied"));
    let resp = h.callback(&back).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let page = resp.text().await.unwrap();
    assert!(page.contains("your account was not linked"), "{page}");
    assert!(page.contains("http-equiv=\"refresh\""), "{page}");
    assert!(
        page.contains("messenger_platform/account_linking"),
        "{page}"
    );
    assert!(!page.contains("authorization_code"), "{page}");
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_id_token_signed_with_another_key_is_refused() {
    let h = start().await;
    h.provider.sign_with_rogue_key(true);
    let back = h.to_the_bank_and_back(ALICE).await;
    let resp = h.callback(&back).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(location(&resp).is_none());
    let page = resp.text().await.unwrap();
    assert!(page.contains("We could not sign you in"), "{page}");
    assert!(!page.contains("authorization_code"), "{page}");
    assert!(
        h.bot
            .store()
            .await
            .link(&UserId::new(ALICE))
            .await
            .unwrap()
            .is_none()
    );
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_access_token_is_refreshed_and_a_refused_refresh_asks_to_link_again() {
    let h = start().await;
    h.provider.set_access_token_lifetime(0);
    let linked = h.link(ALICE).await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    let first_credential = h
        .bot
        .store()
        .await
        .link(&UserId::new(ALICE))
        .await
        .unwrap()
        .unwrap()
        .credential;

    // Expired at once: the turn refreshes it, and the bank accepts only the new token.
    let text = texts(&h.bot.say(ALICE, "what's my balance").await);
    assert!(text.contains("$2,345.67"), "{text}");
    assert_eq!(h.grants("refresh_token"), vec![true]);
    let link = h
        .bot
        .store()
        .await
        .link(&UserId::new(ALICE))
        .await
        .unwrap()
        .unwrap();
    assert_ne!(
        link.credential.expose(),
        first_credential.expose(),
        "renewed and stored"
    );

    // The bank now refuses to renew (consent revoked): the customer is asked to link again.
    h.provider.refuse_refresh(true);
    let replies = h.bot.say(ALICE, "what's my balance").await;
    assert!(!texts(&replies).contains("2,345.67"), "{replies:?}");
    assert!(
        buttons(&replies)
            .iter()
            .any(|b| b["type"] == "account_link"),
        "{replies:?}"
    );
    assert_eq!(h.grants("refresh_token"), vec![true, false]);
    let store = h.bot.store().await;
    assert!(store.link(&UserId::new(ALICE)).await.unwrap().is_none());
    let records = store.audit_records(0, 1000).await.unwrap();
    assert!(
        records.iter().any(|r| r.action == "link_expired"),
        "{records:?}"
    );

    // Linking again works.
    h.provider.refuse_refresh(false);
    h.provider.set_access_token_lifetime(3600);
    let linked = h.link(ALICE).await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    let text = texts(&h.bot.say(ALICE, "what's my balance").await);
    assert!(text.contains("$2,345.67"), "{text}");
    h.bot.stop().await;
}

/// A change to a working configuration.
type ConfigChange = fn(&mut Config);

#[tokio::test]
async fn oauth_configuration_mistakes_stop_the_start_with_the_key_to_fix() {
    let graph = MockGraphApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let cases: Vec<(ConfigChange, &str)> = vec![
        (
            |c| {
                c.linking.kind = "oauth".into();
                c.linking.issuer = Some("https://login.bank.example".into());
            },
            "client_id",
        ),
        (
            |c| {
                c.linking.kind = "oauth".into();
                c.linking.client_id = Some("bot".into());
                c.linking.scopes = vec!["accounts".into()];
                c.linking.token_endpoint = Some("https://login.bank.example/token".into());
            },
            "authorization_endpoint",
        ),
        (
            |c| {
                c.linking.kind = "oauth".into();
                c.linking.client_id = Some("bot".into());
            },
            "issuer",
        ),
        (|c| c.linking.kind = "saml".into(), "[linking] kind"),
    ];
    for (change, named) in cases {
        let mut config = config_for(dir.path(), &graph);
        change(&mut config);
        let err = Server::build(&config, clock.clone()).await.unwrap_err();
        assert!(
            matches!(&err, AppError::Config(m) if m.contains(named)),
            "{named}: {err}"
        );
    }
}
