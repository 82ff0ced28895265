//! The example links through the Open Banking consent flow against the mock bank, and no
//! demo part is there: alice/demo links nothing, card controls are reported missing.

use std::sync::Arc;

use bankbot::prelude::*;
use bankbot_testkit::obie::{ALICE_LOGIN, ALICE_PASSWORD, Decision};
use bankbot_testkit::redirect_login::{self, Back};
use bankbot_testkit::{MockGraphApi, ServerHarness, webhooks};
use serde_json::Value;

const ALICE: &str = "7423910000000009";
const APP_SECRET: &str = "obie-bot-example-app-secret-0001";

/// The example's server on the testkit's [`ServerHarness`] (reachable through `Deref`:
/// `bot.graph`, `bot.base_url`, `bot.http` …), with the mock bank behind it.
struct Running {
    harness: ServerHarness,
    bank: obie_bot::MockObieBank,
    banner: bankbot::app::Banner,
    _dir: tempfile::TempDir,
}

impl std::ops::Deref for Running {
    type Target = ServerHarness;
    fn deref(&self) -> &ServerHarness {
        &self.harness
    }
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
    let queues = server.bot().store().clone();
    let harness = ServerHarness::spawn(
        graph,
        APP_SECRET,
        webhooks::DEFAULT_PAGE_ID,
        queues,
        |listener, stop| async move {
            server.run(listener, stop).await.unwrap();
        },
    )
    .await
    .unwrap();
    Running {
        harness,
        bank,
        banner,
        _dir: dir,
    }
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
    /// Posts `body` and returns what the bot sent `psid` in answer.
    async fn answer(&self, psid: &str, body: &Value) -> Vec<Value> {
        self.harness.post_and_settle(psid, body).await.unwrap()
    }

    async fn say(&self, psid: &str, text: &str) -> Vec<Value> {
        self.harness.say(psid, text).await.unwrap()
    }

    /// Messenger's webview → the bot → the bank's consent page → back → Messenger.
    async fn consent_flow(&self, psid: &str) -> String {
        let token = self.graph.linking_token_for(psid);
        let to_bank = redirect_login::open_link_page(&self.http, &self.base_url, &token)
            .await
            .unwrap();
        let authorize = to_bank.authorize;
        assert!(authorize.starts_with(&self.bank.issuer()), "{authorize}");
        let back = self
            .bank
            .sign_in(
                &self.http,
                &authorize,
                ALICE_LOGIN,
                ALICE_PASSWORD,
                Decision::Allow,
            )
            .await
            .unwrap();
        let back = Back::new(&back, "http://bot.test", &self.base_url, &to_bank.cookie);
        let resp = back.follow(&self.http).await.unwrap();
        redirect_login::messenger_code(&resp).unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_links_through_the_consent_flow_with_no_demo_part() {
    let bot = start().await;
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
        &bot.http,
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
    bot.harness.stop().await;
}
