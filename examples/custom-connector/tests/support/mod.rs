//! The whole stack on loopback: the sample core, the mock Graph API, and the real bankbot
//! server built with `Server::builder` around this crate's connector, driven by signed
//! webhooks.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use bankbot::prelude::*;
use bankbot_testkit::{MockGraphApi, ServerHarness, webhooks};
use custom_connector::sample_core::SampleCore;
use custom_connector::{CoreBanking, CoreBankingOptions};
use serde_json::Value;

pub const APP_SECRET: &str = "custom-connector-app-secret";
pub const PAGE: &str = webhooks::DEFAULT_PAGE_ID;
/// The bot's and the sample core's "today".
pub const NOW: &str = "2026-11-29T12:00:00Z";

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

/// A running bot on the connector and the core behind it: the testkit's [`ServerHarness`]
/// (reachable through `Deref`: `stack.graph`, `stack.base_url` …) plus the sample core.
pub struct Stack {
    pub core: SampleCore,
    harness: ServerHarness,
    _dir: tempfile::TempDir,
}

impl std::ops::Deref for Stack {
    type Target = ServerHarness;
    fn deref(&self) -> &ServerHarness {
        &self.harness
    }
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
        Stack {
            core,
            harness,
            _dir: dir,
        }
    }

    pub async fn stop(self) {
        self.harness.stop().await;
    }

    /// Sends a text as `psid`; the bot's replies once it settled.
    pub async fn say(&self, psid: &str, text: &str) -> Vec<Value> {
        self.harness.say(psid, text).await.unwrap()
    }

    /// Taps a quick reply as `psid`; the bot's replies once it settled.
    pub async fn tap(&self, psid: &str, title: &str, payload: &str) -> Vec<Value> {
        self.harness.tap(psid, title, payload).await.unwrap()
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
        self.harness
            .post_and_settle(psid, &webhooks::account_linked(psid, &code))
            .await
            .unwrap()
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

/// Readers of what the bot sent: one copy, in the testkit.
#[allow(unused_imports)] // not every test binary reads replies
pub use bankbot_testkit::sent::{quick_replies, texts};
