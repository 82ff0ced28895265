//! `Server::builder`: a bank's own parts injected into the real server, driven end to end by
//! signed webhooks; what the bank leaves out is declined, never taken from the demo bank.

mod common;

use std::sync::Arc;

use bankbot::prelude::*;
use bankbot_testkit::MockGraphApi;
use common::{APP_SECRET, NOW, TestBot, config_for, texts};

/// Reads and links through an injected bank; with no card controls given, "lock my card"
/// is declined as unsupported instead of locking a card somewhere else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn builder_serves_the_injected_bank_and_declines_what_it_lacks() {
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET.to_owned());
    let dir = tempfile::tempdir().unwrap();
    let config = config_for(dir.path(), &graph);
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::parse(NOW).unwrap());
    let bank = Arc::new(DemoBank::builtin(clock.clone()));
    let server = Server::builder(bank.clone(), bank)
        .clock(clock)
        .config(config)
        .build()
        .await
        .unwrap();
    let bot = TestBot::serve(server, graph, dir).await;
    let psid = "7000000000000901";

    let linked = bot.link(psid, "alice").await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    let balance = texts(&bot.say(psid, "what's my balance").await);
    assert!(balance.contains("$2,345.67"), "{balance}");

    let lock = texts(&bot.say(psid, "lock my card").await);
    assert!(lock.contains("I can't lock or unlock cards here"), "{lock}");
    bot.stop().await;
}

/// `[bank] kind = "obie"` brings no demo part: the demo login alice/demo does not link, the
/// banner lists what the bank does not provide, and "lock my card" locks nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn obie_never_reaches_the_demo_bank() {
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET.to_owned());
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(dir.path(), &graph);
    config.bank.kind = "obie".to_owned();
    config.bank.connector.insert(
        "base_url".to_owned(),
        "http://127.0.0.1:9/open-banking/v3.1/aisp".into(),
    );
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::parse(NOW).unwrap());
    let server = Server::build(&config, clock).await.unwrap();
    let banner = server.banner();
    assert!(!banner.demo_bank);
    for part in ["account linking", "card controls", "fraud reporting"] {
        assert!(
            banner.unavailable.iter().any(|m| m.starts_with(part)),
            "{part} missing from {:?}",
            banner.unavailable
        );
    }
    let bot = TestBot::serve(server, graph, dir).await;
    let psid = "7000000000000902";

    let token = bot.graph.linking_token_for(psid);
    let code = bankbot_testkit::login::authorization_code(
        &bot.http,
        &bot.base_url,
        &token,
        "alice",
        "demo",
    )
    .await;
    assert!(code.is_err(), "alice/demo linked an obie bot: {code:?}");

    let lock = texts(&bot.say(psid, "lock my card").await).to_lowercase();
    assert!(!lock.contains("locked"), "{lock}");
    bot.stop().await;
}
