//! The load loop against a tiny in-test "bot" that checks signatures, acks webhooks and
//! answers each text message through the mock Graph API (typing_on, then a reply).

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use bankbot_testkit::load::{self, LoadOptions};
use bankbot_testkit::{MockGraphApi, TestkitError, sign};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

const SECRET: &str = "load-smoke-secret";

#[derive(Clone)]
struct Bot {
    graph_url: String,
    http: reqwest::Client,
}

async fn webhook(State(bot): State<Arc<Bot>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let signature = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok());
    if signature != Some(sign(SECRET, &body).as_str()) {
        return StatusCode::FORBIDDEN;
    }
    let Ok(parsed) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::OK;
    };
    let events = parsed["entry"].as_array().cloned().unwrap_or_default();
    for entry in events {
        for event in entry["messaging"].as_array().cloned().unwrap_or_default() {
            let psid = event["sender"]["id"].clone();
            let bot = Arc::clone(&bot);
            tokio::spawn(async move {
                let url = format!("{}/v25.0/me/messages", bot.graph_url);
                let typing = json!({"recipient": {"id": psid}, "sender_action": "typing_on"});
                let reply = json!({"recipient": {"id": psid}, "messaging_type": "RESPONSE", "message": {"text": "ok"}});
                for body in [typing, reply] {
                    let _ = bot
                        .http
                        .post(&url)
                        .bearer_auth("T")
                        .json(&body)
                        .send()
                        .await;
                }
            });
        }
    }
    StatusCode::OK
}

async fn start_bot(graph: &MockGraphApi) -> String {
    let bot = Arc::new(Bot {
        graph_url: graph.base_url(),
        http: reqwest::Client::builder()
            .no_proxy()
            .build()
            .unwrap_or_default(),
    });
    let app = Router::new()
        .route("/webhook", post(webhook))
        .with_state(bot);
    let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else {
        panic!("cannot bind the test bot");
    };
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/webhook")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn load_loop_posts_acks_and_matches_replies() {
    let graph = MockGraphApi::start().await;
    let url = start_bot(&graph).await;
    let options = LoadOptions {
        users: 7,
        events: 60,
        concurrency: 4,
        duration_limit: Duration::from_secs(20),
        reply_timeout: Duration::from_secs(5),
        drain_timeout: Duration::from_secs(5),
        ..LoadOptions::new(url, SECRET)
    };
    let report = match load::run(&options, &graph).await {
        Ok(report) => report,
        Err(e) => panic!("load failed: {e}"),
    };
    assert_eq!(report.events_sent, 60);
    assert_eq!(report.acked, 60);
    assert_eq!(report.acks_by_status.get("200"), Some(&60));
    assert_eq!(report.stopped_by, "events");
    assert_eq!(report.replies_received, 60);
    assert_eq!(report.events_with_reply, 60);
    assert_eq!(report.events_without_reply, 0);
    assert_eq!(report.ack_latency.count, 60);
    assert_eq!(report.webhook_to_reply.count, 60);
    assert_eq!(report.webhook_to_first_send.count, 60);
    assert!(report.webhook_to_first_send.p50_ms <= report.webhook_to_reply.p50_ms);
    assert!(report.acked_events_per_s > 0.0);
    assert_eq!(report.feed_lagged, 0);
    // Distinct users, unique mids: 60 replies spread over exactly 7 recipients.
    let mut recipients: Vec<String> = graph
        .sent()
        .iter()
        .filter_map(|r| r.recipient_id())
        .collect();
    recipients.sort();
    recipients.dedup();
    assert_eq!(recipients.len(), 7);
    let json = serde_json::to_value(&report).unwrap_or_default();
    assert!(json["ack_latency"]["p99_ms"].is_number());
    graph.shutdown().await;
}

#[tokio::test]
async fn wrong_secret_is_reported_as_403_without_replies() {
    let graph = MockGraphApi::start().await;
    let url = start_bot(&graph).await;
    let options = LoadOptions {
        users: 2,
        events: 5,
        concurrency: 2,
        drain_timeout: Duration::from_millis(200),
        ..LoadOptions::new(url, "wrong-secret")
    };
    let report = match load::run(&options, &graph).await {
        Ok(report) => report,
        Err(e) => panic!("load failed: {e}"),
    };
    assert_eq!(report.acks_by_status.get("403"), Some(&5));
    assert_eq!(report.acked, 0);
    assert_eq!(report.replies_received, 0);
    graph.shutdown().await;
}

#[tokio::test]
async fn non_loopback_targets_are_refused_before_any_request() {
    let graph = MockGraphApi::start().await;
    let options = LoadOptions::new("http://192.0.2.10:8080/webhook", SECRET);
    let result = load::run(&options, &graph).await;
    assert!(matches!(result, Err(TestkitError::NotLoopback(_))));
    assert!(graph.sent().is_empty());
}
