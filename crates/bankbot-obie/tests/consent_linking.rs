//! `ObieLinking` on its own: the consent POST is made once (never retried), the request
//! object names the consent, and configuration mistakes name their key.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::http::StatusCode;
use axum::routing::post;
use bankbot_bank::{BankError, RedirectLogin};
use bankbot_obie::linking::PERMISSIONS;
use bankbot_obie::{ObieLinking, ObieLinkingError, ObieLinkingOptions, RequestSigner};
use bankbot_testkit::OidcClient;
use bankbot_testkit::obie::MockObieBank;

async fn mock() -> MockObieBank {
    MockObieBank::start(OidcClient {
        id: "bot".into(),
        secret: "secret".into(),
    })
    .await
    .unwrap()
}

fn options(bank: &MockObieBank, consents_url: String) -> ObieLinkingOptions {
    let issuer = bank.issuer();
    ObieLinkingOptions {
        authorization_endpoint: format!("{issuer}/authorize"),
        token_endpoint: format!("{issuer}/token"),
        jwks_uri: format!("{issuer}/jwks"),
        issuer,
        consents_url,
        client_id: "bot".into(),
        client_secret: Some(bankbot_oauth::ClientSecret::new("secret")),
        signer: RequestSigner::from_pem(&bank.client_key_pem(), "ES256", Some("k1".into()))
            .unwrap(),
        scopes: vec!["openid".into(), "accounts".into()],
        consent_days: 90,
        timeout: None,
    }
}

#[tokio::test]
async fn a_consent_post_that_fails_is_not_retried() {
    let bank = mock().await;
    let posts = Arc::new(AtomicUsize::new(0));
    let counted = posts.clone();
    let app = Router::new().route(
        "/aisp/account-access-consents",
        post(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            async { StatusCode::SERVICE_UNAVAILABLE }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let linking = ObieLinking::new(options(
        &bank,
        format!("http://{addr}/aisp/account-access-consents"),
    ))
    .unwrap();
    let err = linking
        .begin("http://bot.test/link/callback", "state-1")
        .await
        .unwrap_err();
    assert!(matches!(err, BankError::Unavailable(_)), "{err:?}");
    assert_eq!(posts.load(Ordering::SeqCst), 1, "one POST, never a retry");
}

#[tokio::test]
async fn begin_creates_one_consent_and_sends_the_browser_with_a_signed_request() {
    let bank = mock().await;
    let linking = ObieLinking::new(options(
        &bank,
        format!("{}/account-access-consents", bank.aisp_url()),
    ))
    .unwrap();
    let start = linking
        .begin("http://bot.test/link/callback", "state-1")
        .await
        .unwrap();
    let requests = bank.consent_requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].permissions, PERMISSIONS);
    let consent = bank.consents()[0].0.clone();
    let url = url::Url::parse(&start.url).unwrap();
    let request = url
        .query_pairs()
        .find(|(k, _)| k == "request")
        .map(|(_, v)| v.into_owned())
        .unwrap();
    // The payload (checked for its signature by the mock's /authorize) names the consent.
    use base64::Engine;
    let payload = request.split('.').nth(1).unwrap();
    let claims: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        claims["claims"]["id_token"]["openbanking_intent_id"]["value"],
        consent.as_str()
    );
    assert_eq!(claims["state"], "state-1");
    assert!(
        start.pending.expose().contains(&consent),
        "the consent is kept"
    );
    assert!(
        !format!("{:?}", start.pending).contains(&consent),
        "the pending login never shows in Debug"
    );
    let page = reqwest::get(start.url).await.unwrap();
    assert_eq!(page.status(), 200, "the bank accepts the signed request");
}

#[tokio::test]
async fn configuration_mistakes_name_the_key() {
    let bank = mock().await;
    let good = || {
        options(
            &bank,
            format!("{}/account-access-consents", bank.aisp_url()),
        )
    };
    let mut o = good();
    o.jwks_uri = String::new();
    assert_eq!(
        ObieLinking::new(o).unwrap_err(),
        ObieLinkingError::Missing("jwks_uri")
    );
    let mut o = good();
    o.token_endpoint = "http://auth.bank.example/token".into();
    assert!(matches!(
        ObieLinking::new(o).unwrap_err(),
        ObieLinkingError::BadUrl {
            key: "token_endpoint",
            ..
        }
    ));
    let mut o = good();
    o.scopes = vec!["accounts".into()];
    assert_eq!(ObieLinking::new(o).unwrap_err(), ObieLinkingError::NoOpenId);
    let mut o = good();
    o.consent_days = 0;
    assert_eq!(
        ObieLinking::new(o).unwrap_err(),
        ObieLinkingError::ConsentDays
    );
}
