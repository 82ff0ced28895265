//! End to end with the real `bankbot` binary in its own process: a crash between the
//! webhook's acknowledgement and the reply's delivery, and what the logs may contain.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use bankbot_testkit::{MockGraphApi, WebhookClient, webhooks};
use common::processes::free_port;
use common::{APP_SECRET, NOW, PAGE, VERIFY_TOKEN};
use reqwest::StatusCode;

struct BotProcess {
    child: Child,
    base_url: String,
}

impl Drop for BotProcess {
    /// A failing test must not leave a bot running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// The child is killed and reaped by `BotProcess`'s `Drop`, or the panic below.
#[allow(clippy::zombie_processes)]
async fn spawn_bot(dir: &Path, graph: &MockGraphApi, port: u16, log: &Path) -> BotProcess {
    let log_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_bankbot"))
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("BANKBOT_SERVER__LISTEN", format!("127.0.0.1:{port}"))
        .env(
            "BANKBOT_SERVER__PUBLIC_URL",
            format!("http://127.0.0.1:{port}"),
        )
        .env(
            "BANKBOT_STORE__URL",
            format!("sqlite://{}/bankbot.db", dir.display()),
        )
        .env("BANKBOT_MESSENGER__VERIFY_TOKEN", VERIFY_TOKEN)
        .env("BANKBOT_MESSENGER__APP_SECRET", APP_SECRET)
        .env("BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN", "e2e-page-token")
        .env("BANKBOT_MESSENGER__GRAPH_API_URL", graph.base_url())
        .env("BANKBOT_SECURITY__ENCRYPTION_KEY", "22".repeat(32))
        .env("BANKBOT_NOW", NOW)
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::from(log_file))
        .spawn()
        .unwrap();
    let base_url = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    for _ in 0..300 {
        if let Ok(r) = http.get(format!("{base_url}/ready")).send().await
            && r.status().is_success()
        {
            return BotProcess { child, base_url };
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "the bot did not become ready; log:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

fn successful_sends_to(graph: &MockGraphApi, psid: &str) -> usize {
    graph
        .sent()
        .iter()
        .filter(|r| r.is_message() && r.succeeded() && r.recipient_id().as_deref() == Some(psid))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_after_the_ack_still_sends_the_reply_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("bot.log");
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET);
    let port = free_port();
    let mut bot = spawn_bot(dir.path(), &graph, port, &log).await;

    // Meta is failing: the first five delivery attempts will not get through (the outbox
    // owns the retries: one request per attempt, rescheduled with backoff); the kill
    // comes after the fourth, the fifth fails after the restart and the sixth delivers.
    let failure =
        serde_json::json!({"error": {"message": "Internal", "type": "OAuthException", "code": 2}});
    graph.fail_next(5, 500, failure);
    let psid = "7100000000000001";
    let body = webhooks::text_message(PAGE, psid, "m_crash_1", "hello", webhooks::now_ms());
    let client = WebhookClient::new().unwrap();
    let url = format!("{}/webhook", bot.base_url);
    let (status, _) = client
        .post_signed_json(&url, APP_SECRET, &body)
        .await
        .unwrap();
    assert_eq!(status, StatusCode::OK, "acknowledged");
    assert!(
        graph.wait_for_requests(4, Duration::from_secs(20)).await,
        "a delivery was attempted"
    );

    // Crash hard, mid-delivery.
    bot.child.kill().unwrap();
    bot.child.wait().unwrap();
    assert_eq!(successful_sends_to(&graph, psid), 0);

    let mut bot = spawn_bot(dir.path(), &graph, port, &log).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while successful_sends_to(&graph, psid) == 0 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the reply never arrived after restart"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(
        successful_sends_to(&graph, psid),
        1,
        "the reply must arrive exactly once"
    );
    bot.child.kill().unwrap();
    bot.child.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_at_info_hold_no_amounts_digits_text_or_user_ids() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("bot.log");
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET);
    let mut bot = spawn_bot(dir.path(), &graph, free_port(), &log).await;
    let client = WebhookClient::new().unwrap();
    let url = format!("{}/webhook", bot.base_url);
    let psid = "7100000000000002";

    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let token = graph.linking_token_for(psid);
    let code =
        bankbot_testkit::login::authorization_code(&http, &bot.base_url, &token, "alice", "demo")
            .await
            .unwrap();
    client
        .post_signed_json(&url, APP_SECRET, &webhooks::account_linked(psid, &code))
        .await
        .unwrap();

    let script = [
        "what's my balance",
        "show my last 5 transactions",
        "how much did I spend on groceries this month",
        "atm near 94105",
        "lock my card",
        "no",
        "blorp zzz qwerty",
    ];
    for (i, text) in script.iter().enumerate() {
        let before = successful_sends_to(&graph, psid);
        let body =
            webhooks::text_message(PAGE, psid, &format!("m_log_{i}"), text, webhooks::now_ms());
        client
            .post_signed_json(&url, APP_SECRET, &body)
            .await
            .unwrap();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
        while successful_sends_to(&graph, psid) <= before {
            assert!(
                tokio::time::Instant::now() < deadline,
                "no reply to {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    bot.child.kill().unwrap();
    bot.child.wait().unwrap();

    let logs = std::fs::read_to_string(&log).unwrap();
    assert!(logs.contains("INFO"), "the run logged at INFO:\n{logs}");
    let forbidden = [
        "2,345.67",
        "2345.67",
        "2,295.67",
        "10,250",
        "432.10",
        "82.14",
        "-50.00",
        "4321",
        "8765",
        "1111",
        "9876",
        "what's my balance",
        "show my last 5",
        "spend on groceries",
        "94105",
        "blorp",
        psid,
        "cust-alice",
        "alice",
    ];
    if let Some(needle) = bankbot_testkit::find_leak(&logs, &forbidden) {
        panic!("logs contain {needle:?}:\n{logs}");
    }
}
