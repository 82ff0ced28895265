//! The whole stack on loopback: the sample core, the mock Graph API, and the real bankbot
//! server built with `Server::builder` around this crate's connector, driven by signed
//! webhooks.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use bankbot::prelude::*;
use bankbot_testkit::{MockGraphApi, WebhookClient, webhooks};
use custom_connector::sample_core::SampleCore;
use custom_connector::{CoreBanking, CoreBankingOptions};
use serde_json::Value;
use tokio::sync::oneshot;

pub const APP_SECRET: &str = "custom-connector-app-secret";
pub const PAGE: &str = webhooks::DEFAULT_PAGE_ID;
/// The bot's and the sample core's "today".
pub const NOW: &str = "2026-11-29T12:00:00Z";

static MID: AtomicU64 = AtomicU64::new(1);

/// The sample core, started for `NOW`.
pub async fn core() -> SampleCore {
    let today = FixedClock::parse(NOW).unwrap().today();
    SampleCore::start(today).await.unwrap()
}

/// A connector for `core` with no retries and a short call timeout.
pub fn connector(core: &SampleCore) -> CoreBanking {
    let options = CoreBankingOptions::new(core.base_url())
        .unwrap()
        .with_call_timeout(Duration::from_millis(500))
        .with_retries(0);
    CoreBanking::new(options).unwrap()
}

/// A running bot on the connector, its mock Graph API and the core behind it.
pub struct Stack {
    pub core: SampleCore,
    pub graph: MockGraphApi,
    pub base_url: String,
    http: reqwest::Client,
    client: WebhookClient,
    _dir: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Stack {
    pub async fn start() -> Stack {
        let core = core().await;
        let graph = MockGraphApi::start().await;
        graph.set_app_secret(APP_SECRET.to_owned());
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::default();
        config.server.public_url = Some("http://bot.test".to_owned());
        config.store.url = Some(format!("sqlite://{}/bankbot.db", dir.path().display()));
        config.messenger.verify_token = Some("custom-connector-verify".to_owned());
        config.messenger.app_secret = Some(APP_SECRET.to_owned());
        config.messenger.page_access_token = Some("custom-connector-page-token".to_owned());
        config.messenger.graph_api_url = Some(graph.base_url());
        config.security.encryption_key = Some("22".repeat(32));
        config.nlu.intents =
            Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../intents"));

        let connector =
            CoreBanking::new(CoreBankingOptions::new(core.base_url()).unwrap()).unwrap();
        let bank = Arc::new(connector.clone().decorated());
        let once = Arc::new(connector);
        let clock: Arc<dyn Clock> = Arc::new(FixedClock::parse(NOW).unwrap());
        let server = Server::builder(bank.clone(), once.clone())
            .card_controls(bank)
            .fraud_reporting(once)
            .clock(clock)
            .config(config)
            .build()
            .await
            .unwrap();
        assert!(
            server.banner().unavailable.is_empty(),
            "{:?}",
            server.banner().unavailable
        );

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            server
                .run(listener, async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
        Stack {
            core,
            graph,
            base_url,
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            client: WebhookClient::new().unwrap(),
            _dir: dir,
            stop: Some(stop),
            task: Some(task),
        }
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    fn sent_to(&self, psid: &str) -> Vec<Value> {
        self.graph
            .sent()
            .into_iter()
            .filter(|r| {
                r.is_message() && r.succeeded() && r.recipient_id().as_deref() == Some(psid)
            })
            .map(|r| r.body)
            .collect()
    }

    /// Posts a signed webhook and returns the messages the turn sent to `psid`.
    async fn post(&self, psid: &str, body: &Value) -> Vec<Value> {
        let before = self.sent_to(psid).len();
        let (status, _) = self
            .client
            .post_signed_json(&format!("{}/webhook", self.base_url), APP_SECRET, body)
            .await
            .unwrap();
        assert_eq!(status.as_u16(), 200);
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while self.sent_to(psid).len() <= before {
            assert!(
                tokio::time::Instant::now() < deadline,
                "no reply within 20 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // The rest of the turn's messages follow the first one.
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.sent_to(psid).split_off(before)
    }

    fn mid() -> String {
        format!("m_custom_{}", MID.fetch_add(1, Ordering::SeqCst))
    }

    /// Sends a text as `psid`.
    pub async fn say(&self, psid: &str, text: &str) -> Vec<Value> {
        let body = webhooks::text_message(PAGE, psid, &Self::mid(), text, webhooks::now_ms());
        self.post(psid, &body).await
    }

    /// Taps a quick reply as `psid`.
    pub async fn tap(&self, psid: &str, title: &str, payload: &str) -> Vec<Value> {
        let body =
            webhooks::quick_reply(PAGE, psid, &Self::mid(), title, payload, webhooks::now_ms());
        self.post(psid, &body).await
    }

    /// Links `psid` through the bot's login page (the core checks the password), then
    /// Messenger's `account_linking` webhook.
    pub async fn link(&self, psid: &str, username: &str, password: &str) -> Vec<Value> {
        let token = self.graph.linking_token_for(psid);
        let code = bankbot_testkit::login::authorization_code(
            &self.http,
            &self.base_url,
            &token,
            username,
            password,
        )
        .await
        .unwrap();
        self.post(psid, &webhooks::account_linked(psid, &code))
            .await
    }

    /// Whether a login is refused by the login page.
    pub async fn login_refused(&self, psid: &str, username: &str, password: &str) -> bool {
        let token = self.graph.linking_token_for(psid);
        bankbot_testkit::login::authorization_code(
            &self.http,
            &self.base_url,
            &token,
            username,
            password,
        )
        .await
        .is_err()
    }
}

/// Every human-readable text of some message bodies, joined.
pub fn texts(bodies: &[Value]) -> String {
    let mut out = Vec::new();
    for b in bodies {
        let m = &b["message"];
        for t in [&m["text"], &m["attachment"]["payload"]["text"]] {
            if let Some(t) = t.as_str() {
                out.push(t.to_owned());
            }
        }
        for e in m["attachment"]["payload"]["elements"]
            .as_array()
            .into_iter()
            .flatten()
        {
            out.push(format!(
                "{} {}",
                e["title"].as_str().unwrap_or(""),
                e["subtitle"].as_str().unwrap_or("")
            ));
        }
    }
    out.join("\n")
}

/// The quick replies of the last message, as (title, payload).
pub fn quick_replies(bodies: &[Value]) -> Vec<(String, String)> {
    bodies
        .last()
        .and_then(|b| b["message"]["quick_replies"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .map(|q| {
            (
                q["title"].as_str().unwrap_or("").to_owned(),
                q["payload"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}
