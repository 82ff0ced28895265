//! End to end: `[bank] kind = "obie"` with `[linking] kind = "obie"` against the testkit's
//! mock Open Banking bank (real ES256 request objects and ID tokens, a JWKS, consents).
//!
//! "balance" → link button → `/link` → consent created → the bank's `/authorize` (login
//! page, alice/mockbank) → `/link/callback` → Messenger's `redirect_uri` with the bot's code
//! → `account_linking` webhook → "linked" → balances from the bank's AIS API; and the
//! failures: refused consent, wrong state, replayed code, an ID token naming another
//! consent, a consent left unauthorised, a consent revoked or expired at use, refresh, and
//! unlink deleting the consent at the bank.

mod common;

use std::path::Path;

use bankbot::prelude::*;
use bankbot_core::UserId;
use bankbot_testkit::obie::{ALICE_LOGIN, ALICE_PASSWORD, ALICE_SUB, Decision, MockObieBank};
use bankbot_testkit::redirect_login::{Back, location};
use bankbot_testkit::{MockGraphApi, OidcClient, webhooks};
use common::{TestBot, buttons, config_for, redirect_link, texts};
use reqwest::StatusCode;

const ALICE: &str = "7423910000000001";
const CLIENT_ID: &str = "bankbot-obie-e2e";
const CLIENT_SECRET: &str = "obie client secret / & =";

struct Harness {
    bot: TestBot,
    bank: MockObieBank,
    http: reqwest::Client,
}

/// The configuration a bank's deployment would write, pointed at the mock bank.
pub fn obie_config(config: &mut Config, bank: &MockObieBank, key_dir: &Path) {
    let key_file = key_dir.join("request-signing.pem");
    std::fs::write(&key_file, bank.client_key_pem()).unwrap();
    config.bank.kind = "obie".into();
    config
        .bank
        .connector
        .insert("base_url".into(), bank.aisp_url().into());
    config.bank.contact = Some("+44 20 7946 0000".into());
    let issuer = bank.issuer();
    config.linking.kind = "obie".into();
    config.linking.issuer = Some(issuer.clone());
    config.linking.authorization_endpoint = Some(format!("{issuer}/authorize"));
    config.linking.token_endpoint = Some(format!("{issuer}/token"));
    config.linking.jwks_uri = Some(format!("{issuer}/jwks"));
    config.linking.client_id = Some(CLIENT_ID.into());
    config.linking.client_secret = Some(CLIENT_SECRET.into());
    config.linking.signing_key_file = Some(key_file);
    config.linking.signing_key_id = Some("bankbot-request-key".into());
}

async fn start() -> Harness {
    let bank = MockObieBank::start(OidcClient {
        id: CLIENT_ID.into(),
        secret: CLIENT_SECRET.into(),
    })
    .await
    .unwrap();
    let graph = MockGraphApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(dir.path(), &graph);
    obie_config(&mut config, &bank, dir.path());
    let bot = TestBot::start_with(config, graph, dir).await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Harness { bot, bank, http }
}

impl Harness {
    /// `/link` as Messenger's webview opens it, then the bank's login page answered.
    async fn to_the_bank_and_back(&self, psid: &str, answer: Decision) -> Back {
        let issuer = self.bank.issuer();
        let (to_bank, q) =
            redirect_link::to_the_bank(&self.bot, &self.http, psid, &issuer, CLIENT_ID).await;
        assert_eq!(
            q["request"].split('.').count(),
            3,
            "a signed request object"
        );
        // The bank's login page (it checked the request object's signature and consent).
        let back = self
            .bank
            .sign_in(
                &self.http,
                &to_bank.authorize,
                ALICE_LOGIN,
                ALICE_PASSWORD,
                answer,
            )
            .await
            .unwrap();
        redirect_link::back(&self.bot, &back, &to_bank)
    }

    async fn callback(&self, back: &Back) -> reqwest::Response {
        back.follow(&self.http).await.unwrap()
    }

    /// The whole flow for `psid`: the replies to the `account_linking` webhook.
    async fn link(&self, psid: &str) -> Vec<serde_json::Value> {
        let back = self.to_the_bank_and_back(psid, Decision::Allow).await;
        redirect_link::link_back(&self.bot, &self.http, psid, &back).await
    }

    async fn is_linked(&self, psid: &str) -> bool {
        self.bot
            .store()
            .await
            .link(&UserId::new(psid))
            .await
            .unwrap()
            .is_some()
    }

    fn grants(&self, grant_type: &str) -> Vec<bool> {
        self.bank
            .token_grants()
            .into_iter()
            .filter(|g| g.grant_type == grant_type)
            .map(|g| g.accepted)
            .collect()
    }

    /// The reply refused the data and offered the link button again.
    fn asks_to_link_again(replies: &[serde_json::Value]) -> bool {
        !texts(replies).contains("2,345.67")
            && buttons(replies).iter().any(|b| b["type"] == "account_link")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_customer_links_through_an_open_banking_consent_and_gets_balances_from_the_bank() {
    let h = start().await;
    // Not linked yet: the balance question offers the link button.
    let first = h.bot.say(ALICE, "balance").await;
    assert!(Harness::asks_to_link_again(&first), "{first:?}");

    let linked = h.link(ALICE).await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );

    // The consent asked for what the connector reads, with an expiry and an interaction id.
    let requests = h.bank.consent_requests();
    assert_eq!(requests.len(), 1, "one consent, never posted twice");
    let request = &requests[0];
    assert!(request.accepted);
    for permission in bankbot_obie::linking::PERMISSIONS {
        assert!(
            request.permissions.iter().any(|p| p == permission),
            "{permission}"
        );
    }
    assert!(
        request.expiration.starts_with("20"),
        "{}",
        request.expiration
    );
    assert!(
        request
            .interaction_id
            .as_deref()
            .is_some_and(|i| i.len() >= 32)
    );
    let consents = h.bank.consents();
    assert_eq!(consents.len(), 1);
    assert_eq!(consents[0].1, "Authorised");
    assert_eq!(h.grants("authorization_code"), vec![true]);

    let text = texts(&h.bot.say(ALICE, "what's my balance").await);
    assert!(text.contains("2,345.67"), "{text}");
    assert!(
        h.bank.ais_calls() > 0,
        "the figures came from the bank's AIS API"
    );

    // Sealed at rest: the link keeps the tokens and the consent, for the ID token's subject.
    let link = h
        .bot
        .store()
        .await
        .link(&UserId::new(ALICE))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(link.customer.as_str(), ALICE_SUB);
    let kept = bankbot_obie::linking::ConsentTokens::from_credential(&Credential::new(
        link.credential.expose(),
    ))
    .unwrap();
    assert_eq!(kept.consent_id, consents[0].0);
    assert!(kept.tokens.refresh_token.is_some());
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_consent_returns_to_messenger_without_a_code() {
    let h = start().await;
    let back = h.to_the_bank_and_back(ALICE, Decision::Deny).await;
    assert!(back.callback.contains("error=access_denied"));
    let resp = h.callback(&back).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let page = resp.text().await.unwrap();
    assert!(page.contains("your account was not linked"), "{page}");
    assert!(!page.contains("authorization_code"), "{page}");
    assert_eq!(h.bank.consents()[0].1, "Rejected");
    assert!(h.grants("authorization_code").is_empty());
    assert!(!h.is_linked(ALICE).await);
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_state_and_a_replayed_code_link_nothing() {
    let h = start().await;
    let back = h.to_the_bank_and_back(ALICE, Decision::Allow).await;
    let forged = Back {
        callback: format!("{}0", back.callback),
        cookie: back.cookie.clone(),
    };
    assert!(back.callback.contains("&state="), "{}", back.callback);
    let resp = h.callback(&forged).await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(location(&resp).is_none());
    assert!(
        h.grants("authorization_code").is_empty(),
        "no code exchanged"
    );

    // A fresh login links once; the same callback again is refused before the bank.
    let back = h.to_the_bank_and_back(ALICE, Decision::Allow).await;
    assert_eq!(h.callback(&back).await.status(), StatusCode::SEE_OTHER);
    let again = h.callback(&back).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    assert!(location(&again).is_none());
    assert_eq!(h.grants("authorization_code"), vec![true]);
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_id_token_naming_another_consent_or_an_unauthorised_consent_links_nothing() {
    let h = start().await;
    h.bank.name_another_intent(true);
    let back = h.to_the_bank_and_back(ALICE, Decision::Allow).await;
    let resp = h.callback(&back).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(location(&resp).is_none());
    let page = resp.text().await.unwrap();
    assert!(page.contains("We could not sign you in"), "{page}");
    assert!(!page.contains("authorization_code"), "{page}");
    assert!(!h.is_linked(ALICE).await);

    h.bank.name_another_intent(false);
    h.bank.skip_authorisation(true);
    let back = h.to_the_bank_and_back(ALICE, Decision::Allow).await;
    let resp = h.callback(&back).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let page = resp.text().await.unwrap();
    assert!(page.contains("We could not sign you in"), "{page}");
    assert!(!page.contains("authorization_code"), "{page}");
    assert_eq!(h.grants("authorization_code"), vec![true, true]);
    assert!(!h.is_linked(ALICE).await);
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_refreshed_and_a_revoked_consent_asks_to_link_again() {
    let h = start().await;
    h.bank.set_access_token_lifetime(0);
    let linked = h.link(ALICE).await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    let text = texts(&h.bot.say(ALICE, "what's my balance").await);
    assert!(text.contains("2,345.67"), "{text}");
    assert_eq!(h.grants("refresh_token"), vec![true]);

    // The customer withdraws the consent in the bank's app: the next turn finds it over.
    h.bank.set_every_consent_status("Revoked");
    let replies = h.bot.say(ALICE, "what's my balance").await;
    assert!(Harness::asks_to_link_again(&replies), "{replies:?}");
    assert!(!h.is_linked(ALICE).await, "the dead link is forgotten");
    assert_eq!(
        h.grants("refresh_token"),
        vec![true],
        "no refresh of a revoked consent"
    );

    // Linking again works with a new consent.
    h.bank.set_access_token_lifetime(3600);
    let linked = h.link(ALICE).await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    let text = texts(&h.bot.say(ALICE, "what's my balance").await);
    assert!(text.contains("2,345.67"), "{text}");
    assert_eq!(h.bank.consent_requests().len(), 2);
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consent_that_expires_while_its_token_lives_asks_to_link_again() {
    let h = start().await;
    h.link(ALICE).await;
    assert!(texts(&h.bot.say(ALICE, "what's my balance").await).contains("2,345.67"));
    // The access token is still within its lifetime, but the bank answers 403 now.
    h.bank.set_every_consent_status("Expired");
    let replies = h.bot.say(ALICE, "what's my balance").await;
    assert!(Harness::asks_to_link_again(&replies), "{replies:?}");
    // Said as a new login (the consent is over), not as a permission the link lacks.
    assert!(
        texts(&replies).contains("log in again"),
        "{}",
        texts(&replies)
    );
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consent_the_bank_no_longer_knows_asks_to_link_again_at_refresh() {
    let h = start().await;
    h.bank.set_access_token_lifetime(0);
    h.link(ALICE).await;
    h.bank.forget_consents();
    let replies = h.bot.say(ALICE, "what's my balance").await;
    assert!(Harness::asks_to_link_again(&replies), "{replies:?}");
    assert!(!h.is_linked(ALICE).await, "the dead link is forgotten");
    assert!(h.grants("refresh_token").is_empty(), "nothing to refresh");
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unlinking_deletes_the_consent_at_the_bank() {
    let h = start().await;
    h.link(ALICE).await;
    let consent = h.bank.consents()[0].0.clone();
    assert_eq!(
        h.bot.post(&webhooks::account_unlinked(ALICE)).await,
        StatusCode::OK
    );
    let mut waited = 0;
    while h.bank.deleted_consents().is_empty() && waited < 100 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        waited += 1;
    }
    assert_eq!(h.bank.deleted_consents(), vec![consent]);
    assert!(h.bank.consents().is_empty());
    assert!(!h.is_linked(ALICE).await);
    h.bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn obie_linking_never_reaches_the_demo_bank() {
    let h = start().await;
    // The demo login form is not there: /link sends the browser to the bank, and the demo
    // credentials posted to it link nothing.
    let resp = h
        .http
        .post(format!("{}/link", h.bot.base_url))
        .form(&[("username", "alice"), ("password", "demo")])
        .send()
        .await
        .unwrap();
    assert!(!resp.status().is_redirection(), "{}", resp.status());
    assert!(!h.is_linked(ALICE).await);
    // Card controls are not pretended: the bank offers none here.
    h.link(ALICE).await;
    let replies = h.bot.say(ALICE, "lock my card").await;
    let text = texts(&replies);
    assert!(text.contains("+44 20 7946 0000"), "{text}");
    h.bot.stop().await;
}

#[tokio::test]
async fn obie_linking_configuration_mistakes_name_the_key_to_fix() {
    let bank = MockObieBank::start(OidcClient {
        id: CLIENT_ID.into(),
        secret: CLIENT_SECRET.into(),
    })
    .await
    .unwrap();
    let graph = MockGraphApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let clock: std::sync::Arc<dyn Clock> = std::sync::Arc::new(SystemClock);
    type Change = fn(&mut Config);
    let cases: Vec<(Change, &str)> = vec![
        (|c| c.linking.signing_key_file = None, "signing_key_file"),
        (|c| c.linking.jwks_uri = None, "jwks_uri"),
        (|c| c.linking.client_id = None, "client_id"),
        (
            |c| c.linking.signing_algorithm = Some("HS256".into()),
            "signing_algorithm",
        ),
        (|c| c.linking.scopes = vec!["accounts".into()], "openid"),
        (|c| c.bank.kind = "demo".into(), "consents_url"),
    ];
    for (change, named) in cases {
        let mut config = config_for(dir.path(), &graph);
        obie_config(&mut config, &bank, dir.path());
        change(&mut config);
        let err = Server::build(&config, clock.clone()).await.unwrap_err();
        assert!(
            matches!(&err, AppError::Config(m) if m.contains(named)),
            "{named}: {err}"
        );
    }
}
