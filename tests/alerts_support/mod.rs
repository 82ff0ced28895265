//! A real `bankbot serve` on 127.0.0.1:0 with a temporary SQLite file, a local mock Graph
//! API and a clock the test moves; helpers to link users, post signed webhooks and alerts.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use bankbot::app::Server;
use bankbot::config::Config;
use bankbot::core::Clock;
use bankbot_store::Store;
use bankbot_testkit::MockGraphApi;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

pub const APP_SECRET: &str = "test-app-secret-0123456789";
pub const ALERTS_SECRET: &str = "test-alerts-secret";

/// `(X-Bankbot-Timestamp, X-Bankbot-Signature)` for `body` signed at `timestamp` with
/// [`ALERTS_SECRET`].
pub fn sign_alert(body: &str, timestamp: i64) -> (String, String) {
    bankbot_alerts::signature::sign(ALERTS_SECRET.as_bytes(), timestamp, body.as_bytes())
}

/// A clock the test sets.
#[derive(Debug)]
pub struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    pub fn set(&self, t: DateTime<Utc>) {
        *self.0.lock().unwrap() = t;
    }
    pub fn now_utc(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
    pub fn advance(&self, d: chrono::Duration) {
        let mut t = self.0.lock().unwrap();
        *t += d;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

/// The testing kit's mock Graph API, read the way these tests read it.
#[derive(Clone)]
pub struct Graph(pub MockGraphApi);

impl Graph {
    /// Message bodies delivered to `psid`, oldest first.
    pub fn to(&self, psid: &str) -> Vec<Value> {
        self.0.sends_to(psid)
    }

    /// The plain texts delivered to `psid` (not template or button texts).
    pub fn texts(&self, psid: &str) -> Vec<String> {
        self.to(psid)
            .iter()
            .filter_map(|b| b["message"]["text"].as_str().map(str::to_owned))
            .collect()
    }

    /// True when nothing at all reached the Graph API.
    pub fn nothing_sent(&self) -> bool {
        self.0.sent().is_empty()
    }
}

pub struct Harness {
    pub base: String,
    pub http: reqwest::Client,
    pub graph: Graph,
    pub clock: Arc<TestClock>,
    pub store: Arc<dyn Store>,
    pub _dir: tempfile::TempDir,
    seq: std::sync::atomic::AtomicU64,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Harness {
    pub async fn start(now: DateTime<Utc>, extra_env: &[(&str, &str)]) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let mock = MockGraphApi::start().await;
        mock.set_app_secret(APP_SECRET);
        let graph_url = mock.base_url();
        let graph = Graph(mock);
        let db = format!("sqlite://{}/bankbot.db", dir.path().display());
        let mut env: Vec<(String, String)> = [
            ("BANKBOT_STORE__URL", db.as_str()),
            ("BANKBOT_MESSENGER__APP_SECRET", APP_SECRET),
            ("BANKBOT_MESSENGER__VERIFY_TOKEN", "verify"),
            ("BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN", "page-token"),
            ("BANKBOT_MESSENGER__GRAPH_API_URL", graph_url.as_str()),
            ("BANKBOT_ALERTS__SECRET", ALERTS_SECRET),
            (
                "BANKBOT_SECURITY__ENCRYPTION_KEY",
                "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff",
            ),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        env.extend(
            extra_env
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        env.push((
            "BANKBOT_SERVER__PUBLIC_URL".into(),
            format!("http://{addr}"),
        ));
        let config = Config::load(None, env).unwrap();
        let clock = Arc::new(TestClock(Mutex::new(now)));
        let server = Server::build(&config, clock.clone()).await.unwrap();
        let store = server.bot().store().clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(server.run(listener, async move {
            let _ = stopped.await;
        }));
        Harness {
            base: format!("http://{addr}"),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            graph,
            clock,
            store,
            _dir: dir,
            seq: std::sync::atomic::AtomicU64::new(1),
            stop: Some(stop),
        }
    }

    fn next(&self) -> u64 {
        self.seq.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    /// Posts one signed webhook with one messaging event.
    pub async fn webhook(&self, psid: &str, event: Value) -> reqwest::StatusCode {
        let mut messaging = json!({
            "sender": { "id": psid },
            "recipient": { "id": "PAGE" },
            "timestamp": self.clock.now().timestamp_millis() + self.next() as i64,
        });
        for (k, v) in event.as_object().unwrap() {
            messaging[k] = v.clone();
        }
        let body = json!({ "object": "page", "entry": [{
            "id": "PAGE", "time": self.clock.now().timestamp_millis(), "messaging": [messaging]
        }]})
        .to_string();
        let sig = bankbot_testkit::sign(APP_SECRET, body.as_bytes());
        self.http
            .post(format!("{}/webhook", self.base))
            .header("content-type", "application/json")
            .header("x-hub-signature-256", sig)
            .body(body)
            .send()
            .await
            .unwrap()
            .status()
    }

    pub async fn say(&self, psid: &str, text: &str) {
        let mid = format!("mid.{}", self.next());
        let status = self
            .webhook(psid, json!({ "message": { "mid": mid, "text": text } }))
            .await;
        assert_eq!(status, 200);
        self.settle().await;
    }

    pub async fn tap(&self, psid: &str, title: &str, payload: &str) {
        let mid = format!("mid.{}", self.next());
        let status = self
            .webhook(
                psid,
                json!({ "message": { "mid": mid, "text": title, "quick_reply": { "payload": payload } } }),
            )
            .await;
        assert_eq!(status, 200);
        self.settle().await;
    }

    /// Links `psid` to the demo login `username` through the login page and the
    /// `account_linking` webhook.
    pub async fn link(&self, psid: &str, username: &str) {
        let token = self.graph.0.linking_token_for(psid);
        let code = bankbot_testkit::login::authorization_code(
            &self.http, &self.base, &token, username, "demo",
        )
        .await
        .unwrap();
        let status = self
            .webhook(
                psid,
                json!({ "account_linking": { "status": "linked", "authorization_code": code } }),
            )
            .await;
        assert_eq!(status, 200);
        self.settle().await;
    }

    /// Posts an alert signed now (by the system clock, which the server checks timestamps
    /// against whatever the bot's clock says); returns the status.
    pub async fn alert(&self, body: &Value) -> reqwest::StatusCode {
        self.alert_signed_at(body, Utc::now().timestamp()).await
    }

    /// Posts an alert signed with `timestamp` (Unix seconds); returns the status.
    pub async fn alert_signed_at(&self, body: &Value, timestamp: i64) -> reqwest::StatusCode {
        self.alert_answer(&body.to_string(), timestamp).await.0
    }

    /// Posts `body` signed at `timestamp`; returns the status and the JSON answer (`Null`
    /// when there is none).
    pub async fn alert_answer(&self, body: &str, timestamp: i64) -> (reqwest::StatusCode, Value) {
        let (ts, sig) = sign_alert(body, timestamp);
        let response = self.post_alert(body, Some(&ts), Some(&sig)).await;
        let status = response.status();
        let answer = response.json().await.unwrap_or(Value::Null);
        self.settle().await;
        (status, answer)
    }

    /// Posts `body` with the given headers as they are (`None`: header absent).
    pub async fn alert_raw(
        &self,
        body: &str,
        timestamp: Option<&str>,
        sig: Option<&str>,
    ) -> reqwest::StatusCode {
        let status = self.post_alert(body, timestamp, sig).await.status();
        self.settle().await;
        status
    }

    async fn post_alert(
        &self,
        body: &str,
        timestamp: Option<&str>,
        sig: Option<&str>,
    ) -> reqwest::Response {
        let mut req = self
            .http
            .post(format!("{}/alerts", self.base))
            .header("content-type", "application/json")
            .body(body.to_owned());
        if let Some(t) = timestamp {
            req = req.header("x-bankbot-timestamp", t);
        }
        if let Some(s) = sig {
            req = req.header("x-bankbot-signature", s);
        }
        req.send().await.unwrap()
    }

    /// Runs the held-alert sweeper once (as the background loop would) and settles.
    pub async fn sweep(&self) {
        bankbot_alerts::sweeper::sweep_once(
            self.store.as_ref(),
            self.clock.as_ref(),
            &tokio::sync::Notify::new(),
        )
        .await
        .unwrap();
        self.settle().await;
    }

    /// Waits until the inbox and the outbox have no pending or in-progress rows.
    pub async fn settle(&self) {
        for _ in 0..400 {
            let inbox = self.store.inbox_counts().await.unwrap();
            let outbox = self.store.outbox_counts().await.unwrap();
            if inbox.pending + inbox.in_progress + outbox.pending + outbox.in_progress == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        panic!("the bot did not settle");
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        self.store
            .audit_records(0, 10_000)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.action)
            .collect()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
