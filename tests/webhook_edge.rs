//! Security issue 11, point 2, end to end: `serve` refuses unsafe webhook secrets,
//! `[messenger] page_ids` keeps other Pages' events out (and counts them in `/metrics`), and
//! an event without a timestamp is still recognised when Meta re-delivers it after the
//! clean-up ran.

mod common;

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use bankbot::app::Server;
use bankbot::app::housekeeping::sweep_once;
use bankbot_core::FixedClock;
use bankbot_testkit::{MockGraphApi, webhooks};
use common::{NOW, PAGE, TestBot, config_for};
use reqwest::StatusCode;
use serde_json::json;

const OTHER_PAGE: &str = "999000000000009";

#[test]
fn serve_exits_with_a_clear_error_on_a_short_app_secret() {
    // Before: `serve` started and verified webhooks with a 5-byte key (this test then timed
    // out waiting for the process to exit).
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bankbot"))
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("BANKBOT_SERVER__LISTEN", "127.0.0.1:0")
        .env(
            "BANKBOT_STORE__URL",
            format!("sqlite://{}/bankbot.db", dir.path().display()),
        )
        .env("BANKBOT_MESSENGER__VERIFY_TOKEN", "verify")
        .env("BANKBOT_MESSENGER__APP_SECRET", "short")
        .env("BANKBOT_SECURITY__ENCRYPTION_KEY", "33".repeat(32))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`bankbot serve` kept running with a 5-byte app secret");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(!status.success(), "{stderr}");
    assert!(stderr.contains("[messenger] app_secret"), "{stderr}");
    assert!(stderr.contains("BANKBOT_MESSENGER__APP_SECRET"), "{stderr}");
}

#[tokio::test]
async fn empty_secrets_are_refused_and_the_demo_still_generates_its_own() {
    let graph = MockGraphApi::start().await;
    let clock = Arc::new(FixedClock::parse(NOW).unwrap());

    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(dir.path(), &graph);
    config.messenger.app_secret = Some(String::new());
    let err = Server::build(&config, clock.clone()).await.unwrap_err();
    assert!(err.to_string().contains("[messenger] app_secret"), "{err}");

    let mut config = config_for(dir.path(), &graph);
    config.messenger.verify_token = Some(String::new());
    let err = Server::build(&config, clock.clone()).await.unwrap_err();
    assert!(
        err.to_string().contains("[messenger] verify_token"),
        "{err}"
    );

    // No secret configured (the local demo, replies kept): it generates one, long enough.
    let mut config = config_for(dir.path(), &graph);
    config.messenger.app_secret = None;
    config.messenger.verify_token = None;
    config.messenger.page_access_token = None;
    let server = Server::build(&config, clock).await.unwrap();
    let generated = server.banner().generated_app_secret.clone().unwrap();
    assert!(generated.len() >= 16, "{generated}");
    assert!(!server.banner().verify_token.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_for_other_pages_are_acknowledged_never_processed_and_counted() {
    let graph = MockGraphApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(dir.path(), &graph);
    config.messenger.page_ids = vec![PAGE.to_owned()];
    let bot = TestBot::start_with(config, graph, dir).await;

    let psid = "7300000000000001";
    let other = webhooks::text_message(OTHER_PAGE, psid, "m_other_page", "hi", webhooks::now_ms());
    assert_eq!(bot.post(&other).await, StatusCode::OK);
    // Our own Page is still served (and proves the other event was not queued before it).
    let replies = bot.say(psid, "hi").await;
    assert!(!replies.is_empty());
    let store = bot.store().await;
    let counts = store.inbox_counts().await.unwrap();
    assert_eq!(
        counts.pending + counts.in_progress + counts.done + counts.failed,
        1,
        "only our Page's event reached the inbox: {counts:?}"
    );
    let metrics = bot
        .http
        .get(format!("{}/metrics", bot.base_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("bankbot_webhook_events_ignored_total{reason=\"unknown_page\"} 1"),
        "{metrics}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_undated_event_is_remembered_after_housekeeping() {
    let bot = TestBot::start().await;
    let psid = "7300000000000002";
    // No `timestamp` on the event, no `time` on the entry.
    let body = json!({"object": "page", "entry": [{
        "id": PAGE,
        "messaging": [{
            "sender": {"id": psid},
            "recipient": {"id": PAGE},
            "message": {"mid": "m_undated_1", "text": "hello"}
        }]
    }]});
    assert_eq!(bot.post(&body).await, StatusCode::OK);
    let first = bot.replies_after(psid, 0).await;
    assert!(!first.is_empty());

    // Before: the row was dated 1970, so the clean-up dropped its id at once.
    let store = bot.store().await;
    let swept = sweep_once(&*store, &bankbot_core::SystemClock).await;
    assert_eq!(swept.inbox, 0, "the finished event's id is kept for a day");

    // Meta re-delivers it: acknowledged, not answered twice.
    assert_eq!(bot.post(&body).await, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(bot.sent_to(psid).len(), first.len(), "answered twice");
    bot.stop().await;
}
