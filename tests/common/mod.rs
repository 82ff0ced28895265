//! A real `bankbot serve` stack on 127.0.0.1:0 with a temporary SQLite database and a
//! local mock Graph API, driven by signed webhooks.

#![allow(dead_code)]

pub mod processes;
pub mod redirect_link;
pub mod reply_tally;

use std::sync::Arc;

use bankbot::app::Server;
use bankbot::config::Config;
use bankbot_core::FixedClock;
use bankbot_testkit::{MockGraphApi, ServerHarness, webhooks};
use reqwest::StatusCode;
use serde_json::Value;

pub const APP_SECRET: &str = "e2e-app-secret-0123456789";
pub const VERIFY_TOKEN: &str = "e2e-verify-token";
pub const PAGE: &str = webhooks::DEFAULT_PAGE_ID;
/// The demo's fixed "now": alice's Shell payment is today, the payroll 3 days ago.
pub const NOW: &str = "2026-11-29T12:00:00Z";

/// A running bot and its mock Graph API: the testkit's [`ServerHarness`] (reachable through
/// `Deref`: `bot.graph`, `bot.base_url`, `bot.settle()` …) plus the bot's data folder.
pub struct TestBot {
    harness: ServerHarness,
    pub dir: tempfile::TempDir,
}

impl std::ops::Deref for TestBot {
    type Target = ServerHarness;
    fn deref(&self) -> &ServerHarness {
        &self.harness
    }
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
        let queues = server.bot().store().clone();
        let harness = ServerHarness::spawn(
            graph,
            APP_SECRET,
            PAGE,
            queues,
            |listener, stop| async move {
                server.run(listener, stop).await.unwrap();
            },
        )
        .await
        .unwrap();
        TestBot { harness, dir }
    }

    pub async fn stop(self) {
        self.harness.stop().await;
    }

    /// A second connection to the bot's database (to check what it wrote).
    pub async fn store(&self) -> Arc<dyn bankbot_store::Store> {
        let url = format!("sqlite://{}/bankbot.db", self.dir.path().display());
        let key = bankbot_store::EncryptionKey::from_hex(&"11".repeat(32)).unwrap();
        bankbot_store::connect(&url, key).await.unwrap()
    }

    /// Posts a signed webhook body.
    pub async fn post(&self, body: &Value) -> StatusCode {
        self.harness.post(body).await.unwrap()
    }

    /// Waits until `psid` has received more than `before` messages, then until the bot has
    /// settled (inbox and outbox quiescent); returns the new messages.
    pub async fn replies_after(&self, psid: &str, before: usize) -> Vec<Value> {
        self.harness.replies_after(psid, before).await.unwrap()
    }

    /// Sends a text as `psid` and returns the bot's replies.
    pub async fn say(&self, psid: &str, text: &str) -> Vec<Value> {
        self.harness.say(psid, text).await.unwrap()
    }

    /// Taps a quick reply (or button) payload as `psid`.
    pub async fn tap(&self, psid: &str, title: &str, payload: &str) -> Vec<Value> {
        self.harness.tap(psid, title, payload).await.unwrap()
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
        self.harness
            .post_and_settle(psid, &webhooks::account_linked(psid, &code))
            .await
            .unwrap()
    }
}

/// Readers of what the bot sent: one copy, in the testkit.
#[allow(unused_imports)] // not every test binary reads replies
pub use bankbot_testkit::sent::{buttons, quick_replies as quick_payloads, texts};
