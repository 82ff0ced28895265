//! Security issue 11, point 2: the webhook never verifies with an empty key, ignores (and
//! counts) events of Pages it does not serve, and dates an event without a timestamp when
//! it was received, never 1970.

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use bankbot_messenger::signature::sign;
use bankbot_messenger::{
    PageFilter, ParseOptions, WebhookOptions, WebhookOptionsError, parse_body, parse_body_at,
    router,
};
use chrono::{DateTime, Duration, Utc};
use common::RecordingSink;
use serde_json::json;
use tower::ServiceExt;

const SECRET: &str = "0123456789abcdef0123456789abcdef";
const OURS: &str = "104857600000001";
const THEIRS: &str = "999000000000009";

async fn post(app: axum::Router, secret: &str, body: &serde_json::Value) -> StatusCode {
    let bytes = serde_json::to_vec(body).unwrap();
    let req = Request::post("/webhook")
        .header("content-type", "application/json")
        .header("X-Hub-Signature-256", sign(secret, &bytes))
        .body(Body::from(bytes))
        .unwrap();
    app.oneshot(req).await.unwrap().status()
}

fn text(page: &str, psid: &str, mid: &str) -> serde_json::Value {
    json!({
        "id": page,
        "time": 1_718_000_400_000_i64,
        "messaging": [{
            "sender": {"id": psid},
            "recipient": {"id": page},
            "timestamp": 1_718_000_400_000_i64,
            "message": {"mid": mid, "text": "hello"}
        }]
    })
}

#[tokio::test]
async fn an_empty_app_secret_never_verifies_anything() {
    // Before: a body "signed" with the empty key was accepted and handed to the sink.
    let sink = Arc::new(RecordingSink::default());
    let app = router(WebhookOptions::new("verify", ""), sink.clone());
    let body = json!({"object": "page", "entry": [text(OURS, "7001", "m_empty_key")]});
    assert_eq!(post(app, "", &body).await, StatusCode::FORBIDDEN);
    assert_eq!(sink.calls(), 0);
}

#[test]
fn options_check_the_secrets() {
    assert_eq!(WebhookOptions::new("verify", SECRET).check(), Ok(()));
    assert_eq!(
        WebhookOptions::new("verify", "").check(),
        Err(WebhookOptionsError::ShortAppSecret { len: 0 })
    );
    assert_eq!(
        WebhookOptions::new("verify", "fifteen-bytes!!").check(),
        Err(WebhookOptionsError::ShortAppSecret { len: 15 })
    );
    assert_eq!(
        WebhookOptions::new("", SECRET).check(),
        Err(WebhookOptionsError::EmptyVerifyToken)
    );
}

#[tokio::test]
async fn events_of_other_pages_are_acknowledged_ignored_and_counted() {
    let sink = Arc::new(RecordingSink::default());
    let mut options = WebhookOptions::new("verify", SECRET);
    options.page_ids = vec![OURS.to_owned()];
    let stats = options.stats.clone();
    let app = router(options, sink.clone());

    // One body, our Page and another one: only ours reaches the sink.
    let mixed = json!({"object": "page", "entry": [
        text(OURS, "7001", "m_ours"),
        text(THEIRS, "7002", "m_theirs"),
    ]});
    assert_eq!(post(app.clone(), SECRET, &mixed).await, StatusCode::OK);
    let ids: Vec<String> = sink.events().into_iter().map(|e| e.event_id).collect();
    assert_eq!(ids, vec!["m_ours".to_owned()]);
    assert_eq!(stats.ignored_unknown_page(), 1);

    // Only another Page: 200 (so Meta does not retry), nothing processed.
    let calls = sink.calls();
    let theirs = json!({"object": "page", "entry": [text(THEIRS, "7002", "m_theirs_2")]});
    assert_eq!(post(app.clone(), SECRET, &theirs).await, StatusCode::OK);
    assert_eq!(sink.calls(), calls);
    assert_eq!(stats.ignored_unknown_page(), 2);

    // Our entry id, but the event is addressed to another Page: ignored too.
    let mut crossed = text(OURS, "7003", "m_crossed");
    crossed["messaging"][0]["recipient"]["id"] = json!(THEIRS);
    let crossed = json!({"object": "page", "entry": [crossed]});
    assert_eq!(post(app, SECRET, &crossed).await, StatusCode::OK);
    assert_eq!(sink.calls(), calls);
    assert_eq!(stats.ignored_unknown_page(), 3);
}

#[tokio::test]
async fn without_page_ids_every_page_is_accepted() {
    let sink = Arc::new(RecordingSink::default());
    let options = WebhookOptions::new("verify", SECRET);
    let stats = options.stats.clone();
    let app = router(options, sink.clone());
    let body = json!({"object": "page", "entry": [
        text(OURS, "7001", "m_a"),
        text(THEIRS, "7002", "m_b"),
    ]});
    assert_eq!(post(app, SECRET, &body).await, StatusCode::OK);
    assert_eq!(sink.events().len(), 2);
    assert_eq!(stats.ignored_unknown_page(), 0);
}

/// A postback with no `timestamp`, no `mid` and an entry with no `time`.
fn undated_postback() -> Vec<u8> {
    serde_json::to_vec(&json!({"object": "page", "entry": [{
        "id": OURS,
        "messaging": [{
            "sender": {"id": "7004"},
            "recipient": {"id": OURS},
            "postback": {"title": "Balance", "payload": "BALANCE"}
        }]
    }]}))
    .unwrap()
}

#[test]
fn an_undated_event_is_dated_when_received_with_a_stable_id() {
    // Before: the event was dated 1970-01-01, so its finished inbox row was purged at the
    // next clean-up and a re-delivery was processed again.
    let body = undated_postback();
    let opts = ParseOptions::default();
    let first_at: DateTime<Utc> = "2026-11-29T12:00:00Z".parse().unwrap();
    let first = parse_body_at(&body, &opts, &PageFilter::default(), first_at).unwrap();
    assert_eq!(first.events.len(), 1);
    assert_eq!(first.events[0].timestamp, first_at);

    // A re-delivery an hour later keeps the same id.
    let again_at = first_at + Duration::hours(1);
    let again = parse_body_at(&body, &opts, &PageFilter::default(), again_at).unwrap();
    assert_eq!(again.events[0].event_id, first.events[0].event_id);
    assert_eq!(again.events[0].timestamp, again_at);

    // `parse_body` uses the current time.
    let before = Utc::now();
    let now = parse_body(&body, &opts).unwrap();
    assert!(now[0].timestamp >= before, "{}", now[0].timestamp);
    assert_eq!(now[0].event_id, first.events[0].event_id);
}
