//! The playground's safety rules over real HTTP: on with the demo bank, off when
//! configured off, refused at start-up with a real bank unless explicitly allowed, served
//! only to this machine's host names, and the login page sends codes to its callback only.

use std::path::PathBuf;
use std::sync::Arc;

use bankbot::app::Server;
use bankbot::config::Config;
use bankbot_core::FixedClock;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_SECURITY_POLICY, HOST, LOCATION};
use serde_json::{Value, json};

async fn serve(
    dir: &std::path::Path,
    edit: impl FnOnce(&mut Config),
) -> (String, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut config = Config::default();
    config.server.public_url = Some(base.clone());
    config.store.url = Some(format!("sqlite://{}/bankbot.db", dir.display()));
    config.security.encryption_key = Some("33".repeat(32));
    config.nlu.intents = Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("intents"));
    edit(&mut config);
    let clock = Arc::new(FixedClock::parse("2026-11-29T12:00:00Z").unwrap());
    let server = Server::build(&config, clock).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = server
            .run(listener, async {
                let _ = stopped.await;
            })
            .await;
    });
    (base, stop)
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn on_in_the_demo_for_this_machine_only() {
    let dir = tempfile::tempdir().unwrap();
    let (base, stop) = serve(dir.path(), |_| {}).await;
    let http = client();
    let page = http.get(format!("{base}/playground")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let csp = page.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"));
    assert!(page.text().await.unwrap().contains("playground.js"));
    // DNS rebinding: the same socket reached under another host name.
    let rebound = http
        .get(format!("{base}/playground"))
        .header(HOST, "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(rebound.status(), StatusCode::NOT_FOUND);
    // Not a playground user: a Messenger PSID cannot be spoken for.
    let psid = http
        .post(format!("{base}/playground/send"))
        .json(&json!({"user": "1234567890", "kind": "text", "text": "balance"}))
        .send()
        .await
        .unwrap();
    assert_eq!(psid.status(), StatusCode::BAD_REQUEST);
    let _ = stop.send(());
}

#[tokio::test]
async fn the_login_page_returns_codes_to_the_playground_callback_only() {
    let dir = tempfile::tempdir().unwrap();
    let (base, stop) = serve(dir.path(), |_| {}).await;
    let http = client();
    let user: Value = http
        .post(format!("{base}/playground/users"))
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token: Value = http
        .post(format!("{base}/playground/link-token"))
        .json(&json!({"user": user["user"]}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let redirect = token["redirect_uri"].as_str().unwrap();
    assert!(redirect.starts_with(&format!("{base}/playground/linked?")));
    let t = token["account_linking_token"].as_str().unwrap();
    let form = http
        .get(format!("{base}/link"))
        .query(&[("account_linking_token", t), ("redirect_uri", redirect)])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::OK, "the callback is allowed");
    for elsewhere in [
        format!("{base}/playground/linked/../../evil"),
        format!("{base}/playground/other"),
        "http://evil.example/playground/linked".to_owned(),
    ] {
        let refused = http
            .get(format!("{base}/link"))
            .query(&[("account_linking_token", t), ("redirect_uri", &elsewhere)])
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "{elsewhere}");
        assert!(refused.headers().get(LOCATION).is_none());
    }
    // A forged callback (no token the playground issued) links nobody.
    let forged = http
        .get(format!(
            "{base}/playground/linked?account_linking_token=pgt_forged&authorization_code=x"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::BAD_REQUEST);
    let _ = stop.send(());
}

#[tokio::test]
async fn off_when_configured_off_and_then_the_callback_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (base, stop) = serve(dir.path(), |c| c.playground.enabled = Some(false)).await;
    let http = client();
    let page = http.get(format!("{base}/playground")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let callback = format!("{base}/playground/linked");
    let refused = http
        .get(format!("{base}/link"))
        .query(&[("account_linking_token", "T1"), ("redirect_uri", &callback)])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let _ = stop.send(());
}

#[tokio::test]
async fn refused_at_start_up_with_a_real_bank_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::default();
    config.store.url = Some(format!("sqlite://{}/bankbot.db", dir.path().display()));
    config.security.encryption_key = Some("33".repeat(32));
    config.nlu.intents = Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("intents"));
    config.bank.kind = "obie".to_owned();
    config.bank.connector =
        toml::from_str("base_url = \"https://bank.example/open-banking/v3.1/aisp\"\n").unwrap();
    config.playground.enabled = Some(true);
    let clock = Arc::new(FixedClock::parse("2026-11-29T12:00:00Z").unwrap());
    let err = Server::build(&config, clock.clone()).await.unwrap_err();
    assert!(err.to_string().contains("allow_real_bank"), "{err}");
    config.playground.enabled = None;
    let server = Server::build(&config, clock).await;
    match server {
        Ok(server) => assert_eq!(server.banner().playground_url, None, "off by default"),
        Err(err) => panic!("an obie bot without the playground starts: {err}"),
    }
}
