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
    assert!(lock.contains("doesn't let me do that"), "{lock}");
    bot.stop().await;
}
