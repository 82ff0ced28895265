//! A real `bankbot serve` stack on 127.0.0.1:0 with a temporary SQLite database and a
//! local mock Graph API, driven by signed webhooks.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use bankbot::app::Server;
use bankbot::config::Config;
use bankbot_core::FixedClock;
use bankbot_testkit::{MockGraphApi, WebhookClient, webhooks};
use reqwest::StatusCode;
use serde_json::Value;
use tokio::sync::oneshot;

pub const APP_SECRET: &str = "e2e-app-secret-0123456789";
pub const VERIFY_TOKEN: &str = "e2e-verify-token";
pub const PAGE: &str = webhooks::DEFAULT_PAGE_ID;
/// The demo's fixed "now": alice's Shell payment is today, the payroll 3 days ago.
pub const NOW: &str = "2026-11-29T12:00:00Z";

static MID: AtomicU64 = AtomicU64::new(1);

/// A running bot and its mock Graph API.
pub struct TestBot {
    pub base_url: String,
    pub graph: MockGraphApi,
    pub client: WebhookClient,
    pub http: reqwest::Client,
    pub dir: tempfile::TempDir,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

pub fn config_for(dir: &std::path::Path, graph: &MockGraphApi) -> Config {
    let mut config = Config::default();
    config.server.public_url = Some("http://bot.test".to_owned());
    config.store.url = Some(format!("sqlite://{}/bankbot.db", dir.display()));
    config.messenger.verify_token = Some(VERIFY_TOKEN.to_owned());
    config.messenger.app_secret = Some(APP_SECRET.to_owned());
    config.messenger.page_access_token = Some("e2e-page-token".to_owned());
    config.messenger.graph_api_url = Some(graph.base_url());
    config.security.encryption_key = Some("11".repeat(32));
    config.nlu.intents = Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("intents"));
    config
}

impl TestBot {
    pub async fn start() -> TestBot {
        let graph = MockGraphApi::start().await;
        let dir = tempfile::tempdir().unwrap();
        let config = config_for(dir.path(), &graph);
        TestBot::start_with(config, graph, dir).await
    }

    pub async fn start_with(
        config: Config,
        graph: MockGraphApi,
        dir: tempfile::TempDir,
    ) -> TestBot {
        // The mock checks every Graph call's appsecret_proof, as Meta does for a bank's app.
        if let Some(secret) = &config.messenger.app_secret {
            graph.set_app_secret(secret.clone());
        }
        let clock = Arc::new(FixedClock::parse(NOW).unwrap());
        let server = Server::build(&config, clock).await.unwrap();
        TestBot::serve(server, graph, dir).await
    }

    /// Serves a server built by the caller (e.g. with [`Server::builder`]); the graph's
    /// app secret must already be set.
    pub async fn serve(server: Server, graph: MockGraphApi, dir: tempfile::TempDir) -> TestBot {
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
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        TestBot {
            base_url,
            graph,
            client: WebhookClient::new().unwrap(),
            http,
            dir,
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

    /// A second connection to the bot's database (to check what it wrote).
    pub async fn store(&self) -> Arc<dyn bankbot_store::Store> {
        let url = format!("sqlite://{}/bankbot.db", self.dir.path().display());
        let key = bankbot_store::EncryptionKey::from_hex(&"11".repeat(32)).unwrap();
        bankbot_store::connect(&url, key).await.unwrap()
    }

    pub fn webhook_url(&self) -> String {
        format!("{}/webhook", self.base_url)
    }

    /// Posts a signed webhook body.
    pub async fn post(&self, body: &Value) -> StatusCode {
        let (status, _) = self
            .client
            .post_signed_json(&self.webhook_url(), APP_SECRET, body)
            .await
            .unwrap();
        status
    }

    /// The message bodies sent to `psid` so far (successful sends only).
    pub fn sent_to(&self, psid: &str) -> Vec<Value> {
        self.graph
            .sent()
            .into_iter()
            .filter(|r| {
                r.is_message() && r.succeeded() && r.recipient_id().as_deref() == Some(psid)
            })
            .map(|r| r.body)
            .collect()
    }

    /// Waits until `psid` has received more than `before` messages, then a little longer
    /// for the rest of the turn; returns the new messages.
    pub async fn replies_after(&self, psid: &str, before: usize) -> Vec<Value> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while self.sent_to(psid).len() <= before {
            assert!(
                tokio::time::Instant::now() < deadline,
                "no reply to {psid} within 20 s"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(400)).await;
        self.sent_to(psid).split_off(before)
    }

    /// Sends a text as `psid` and returns the bot's replies.
    pub async fn say(&self, psid: &str, text: &str) -> Vec<Value> {
        let before = self.sent_to(psid).len();
        let mid = format!("m_e2e_{}", MID.fetch_add(1, Ordering::SeqCst));
        let body = webhooks::text_message(PAGE, psid, &mid, text, webhooks::now_ms());
        assert_eq!(self.post(&body).await, StatusCode::OK);
        self.replies_after(psid, before).await
    }

    /// Taps a quick reply (or button) payload as `psid`.
    pub async fn tap(&self, psid: &str, title: &str, payload: &str) -> Vec<Value> {
        let before = self.sent_to(psid).len();
        let mid = format!("m_e2e_{}", MID.fetch_add(1, Ordering::SeqCst));
        let body = webhooks::quick_reply(PAGE, psid, &mid, title, payload, webhooks::now_ms());
        assert_eq!(self.post(&body).await, StatusCode::OK);
        self.replies_after(psid, before).await
    }

    /// The login-page half of linking: `login` signs in on the page Messenger opened for
    /// `psid` (its token known to the mock Graph API); returns the code Messenger carries.
    pub async fn login_code(&self, psid: &str, login: &str) -> String {
        let token = self.graph.linking_token_for(psid);
        bankbot_testkit::login::authorization_code(
            &self.http,
            &self.base_url,
            &token,
            login,
            "demo",
        )
        .await
        .unwrap()
    }

    /// The whole account-linking flow: the bank's login page, then Messenger's webhook.
    pub async fn link(&self, psid: &str, login: &str) -> Vec<Value> {
        let code = self.login_code(psid, login).await;
        let before = self.sent_to(psid).len();
        assert_eq!(
            self.post(&webhooks::account_linked(psid, &code)).await,
            StatusCode::OK
        );
        self.replies_after(psid, before).await
    }
}

/// Every human-readable text of some message bodies, joined.
pub fn texts(bodies: &[Value]) -> String {
    let mut out = Vec::new();
    for b in bodies {
        let m = &b["message"];
        if let Some(t) = m["text"].as_str() {
            out.push(t.to_owned());
        }
        if let Some(t) = m["attachment"]["payload"]["text"].as_str() {
            out.push(t.to_owned());
        }
        if let Some(elements) = m["attachment"]["payload"]["elements"].as_array() {
            for e in elements {
                out.push(format!(
                    "{} {}",
                    e["title"].as_str().unwrap_or(""),
                    e["subtitle"].as_str().unwrap_or("")
                ));
            }
        }
    }
    out.join("\n")
}

/// The quick-reply payloads of the last message.
pub fn quick_payloads(bodies: &[Value]) -> Vec<(String, String)> {
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

/// The buttons of every message (type, url or payload).
pub fn buttons(bodies: &[Value]) -> Vec<Value> {
    bodies
        .iter()
        .filter_map(|b| {
            b["message"]["attachment"]["payload"]["buttons"]
                .as_array()
                .cloned()
        })
        .flatten()
        .collect()
}
