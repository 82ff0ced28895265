//! The example links through the Open Banking consent flow against the mock bank, and no
//! demo part is there: alice/demo links nothing, card controls are reported missing.

use std::sync::Arc;
use std::time::Duration;

use bankbot::prelude::*;
use bankbot_testkit::obie::{ALICE_LOGIN, ALICE_PASSWORD};
use bankbot_testkit::{MockGraphApi, WebhookClient, login, webhooks};
use reqwest::StatusCode;
use serde_json::Value;

const PAGE: &str = "104857600000001";
const ALICE: &str = "7423910000000009";
const APP_SECRET: &str = "obie-bot-example-app-secret-0001";

struct Running {
    base_url: String,
    graph: MockGraphApi,
    bank: obie_bot::MockObieBank,
    browser: reqwest::Client,
    webhooks: WebhookClient,
    banner: bankbot::app::Banner,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
}

async fn start() -> Running {
    let bank = obie_bot::start_mock_bank().await.unwrap();
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET);
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::default();
    config.server.public_url = Some("http://bot.test".to_owned());
    config.store.url = Some(format!("sqlite://{}/bankbot.db", dir.path().display()));
    config.messenger.verify_token = Some("verify".to_owned());
    config.messenger.app_secret = Some(APP_SECRET.to_owned());
    config.messenger.page_access_token = Some("page-token".to_owned());
    config.messenger.graph_api_url = Some(graph.base_url());
    config.security.encryption_key = Some("22".repeat(32));
    obie_bot::point_at_mock_bank(&mut config, &bank, dir.path()).unwrap();
    let server = Server::build(&config, Arc::new(SystemClock)).await.unwrap();
    let banner = server.banner().clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(server.run(listener, async {
        let _ = stopped.await;
    }));
    Running {
        base_url,
        graph,
        bank,
        browser: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        webhooks: WebhookClient::new().unwrap(),
        banner,
        stop: Some(stop),
        _dir: dir,
    }
}

fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn texts(bodies: &[Value]) -> String {
    bodies
        .iter()
        .filter_map(|b| {
            b["message"]["text"]
                .as_str()
                .or_else(|| b["message"]["attachment"]["payload"]["text"].as_str())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Running {
    async fn post(&self, body: &Value) {
        let url = format!("{}/webhook", self.base_url);
        let (status, _) = self
            .webhooks
            .post_signed_json(&url, APP_SECRET, body)
            .await
            .unwrap();
        assert_eq!(status, StatusCode::OK);
    }

    /// Posts `body` and returns what the bot sent `psid` in answer.
    async fn answer(&self, psid: &str, body: &Value) -> Vec<Value> {
        let before = self.graph.sends_to(psid).len();
        self.post(body).await;
        assert!(
            self.graph
                .wait_for_sends_to(psid, before + 1, Duration::from_secs(20))
                .await,
            "no reply"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.graph.sends_to(psid).split_off(before)
    }

    async fn say(&self, psid: &str, text: &str) -> Vec<Value> {
        let body = webhooks::text_message(PAGE, psid, "m_obie_1", text, webhooks::now_ms());
        let body = serde_json::to_string(&body)
            .unwrap()
            .replace("m_obie_1", &format!("m_obie_{}", webhooks::now_ms()));
        self.answer(psid, &serde_json::from_str(&body).unwrap())
            .await
    }

    /// Messenger's webview → the bot → the bank's consent page → back → Messenger.
    async fn consent_flow(&self, psid: &str) -> String {
        let token = self.graph.linking_token_for(psid);
        let resp = self
            .browser
            .get(format!("{}/link", self.base_url))
            .query(&[
                ("account_linking_token", token.as_str()),
                ("redirect_uri", login::redirect_uri(&token).as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::FOUND);
        let authorize = location(&resp);
        assert!(authorize.starts_with(&self.bank.issuer()), "{authorize}");
        let cookie = resp.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let page = self.browser.get(&authorize).send().await.unwrap();
        let html = page.text().await.unwrap();
        let txn = html
            .split("name=\"txn\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap()
            .to_owned();
        let resp = self
            .browser
            .post(format!("{}/authorize", self.bank.issuer()))
            .form(&[
                ("txn", txn.as_str()),
                ("username", ALICE_LOGIN),
                ("password", ALICE_PASSWORD),
                ("decision", "allow"),
            ])
            .send()
            .await
            .unwrap();
        let callback = location(&resp).replace("http://bot.test", &self.base_url);
        let resp = self
            .browser
            .get(callback)
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        let back = url::Url::parse(&location(&resp)).unwrap();
        back.query_pairs()
            .find(|(k, _)| k == "authorization_code")
            .map(|(_, v)| v.into_owned())
            .unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_links_through_the_consent_flow_with_no_demo_part() {
    let mut bot = start().await;
    assert!(!bot.banner.demo_bank);
    assert!(
        bot.banner
            .unavailable
            .iter()
            .any(|m| m.contains("card controls")),
        "{:?}",
        bot.banner.unavailable
    );
    assert!(
        !bot.banner
            .unavailable
            .iter()
            .any(|m| m.contains("account linking")),
        "linking is provided: {:?}",
        bot.banner.unavailable
    );

    // The demo's login form is not there: alice/demo links nothing.
    let token = bot.graph.linking_token_for(ALICE);
    let demo = bankbot_testkit::login::authorization_code(
        &bot.browser,
        &bot.base_url,
        &token,
        "alice",
        "demo",
    )
    .await;
    assert!(demo.is_err(), "the demo login must not link: {demo:?}");

    let code = bot.consent_flow(ALICE).await;
    let linked = bot
        .answer(ALICE, &webhooks::account_linked(ALICE, &code))
        .await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    // The abandoned demo attempt left a consent awaiting authorisation (it lapses at the
    // bank); the one alice authorised is the link's.
    let authorised: Vec<_> = bot
        .bank
        .consents()
        .into_iter()
        .filter(|(_, status)| status == "Authorised")
        .collect();
    assert_eq!(authorised.len(), 1, "{:?}", bot.bank.consents());

    let balance = texts(&bot.say(ALICE, "what's my balance").await);
    assert!(balance.contains("2,345.67"), "{balance}");
    assert!(bot.bank.ais_calls() > 0);
    if let Some(stop) = bot.stop.take() {
        let _ = stop.send(());
    }
}
