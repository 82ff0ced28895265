//! The webhook router: verification, signatures, limits, fan-out and sink semantics.

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use bankbot_messenger::signature::sign;
use bankbot_messenger::{InboundKind, WebhookOptions, router};
use common::{RecordingSink, fixture};
use http_body_util::BodyExt;
use tower::ServiceExt;

const SECRET: &str = "0123456789abcdef0123456789abcdef";
const SIGNATURE_VECTOR_SIG: &str =
    "sha256=aaed72285a57724ee92e1eea8649eff799b3106e3a41b10cdcd50fce0e48d8c3";

fn app(sink: Arc<RecordingSink>) -> axum::Router {
    router(WebhookOptions::new("s3cr3t-verify", SECRET), sink)
}

async fn get(app: axum::Router, uri: &str) -> (StatusCode, String) {
    let resp = app
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

async fn post(app: axum::Router, body: Vec<u8>, sig: Option<&str>) -> StatusCode {
    let mut req = Request::post("/webhook").header("content-type", "application/json");
    if let Some(sig) = sig {
        req = req.header("X-Hub-Signature-256", sig);
    }
    app.oneshot(req.body(Body::from(body)).unwrap())
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn f18_get_verification() {
    let sink = Arc::new(RecordingSink::default());
    let ok = "/webhook?hub.mode=subscribe&hub.verify_token=s3cr3t-verify&hub.challenge=1158201444";
    assert_eq!(
        get(app(sink.clone()), ok).await,
        (StatusCode::OK, "1158201444".into())
    );
    let wrong = "/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444";
    assert_eq!(get(app(sink.clone()), wrong).await.0, StatusCode::FORBIDDEN);
    let text = "/webhook?hub.verify_token=s3cr3t-verify&hub.challenge=CHALLENGE_ACCEPTED&hub.mode=subscribe";
    assert_eq!(
        get(app(sink.clone()), text).await,
        (StatusCode::OK, "CHALLENGE_ACCEPTED".into())
    );
    let no_mode = "/webhook?hub.verify_token=s3cr3t-verify&hub.challenge=1";
    assert_eq!(
        get(app(sink.clone()), no_mode).await.0,
        StatusCode::FORBIDDEN
    );
    let prefix = "/webhook?hub.mode=subscribe&hub.verify_token=s3cr3t&hub.challenge=1";
    assert_eq!(get(app(sink), prefix).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn f16_vector_is_accepted_and_delivered() {
    let sink = Arc::new(RecordingSink::default());
    let body = fixture("signature_vector_body.bin");
    assert_eq!(body.len(), 290);
    assert_eq!(
        post(app(sink.clone()), body.clone(), Some(SIGNATURE_VECTOR_SIG)).await,
        StatusCode::OK
    );
    assert_eq!(sink.events()[0].event_id, "m_sigvector0001");
    // Uppercase hex is accepted too.
    let upper = format!(
        "sha256={}",
        SIGNATURE_VECTOR_SIG
            .trim_start_matches("sha256=")
            .to_uppercase()
    );
    assert_eq!(
        post(app(sink.clone()), body, Some(&upper)).await,
        StatusCode::OK
    );
    assert_eq!(sink.calls(), 2);
}

#[tokio::test]
async fn f16_negative_checks_are_refused_before_parsing() {
    let sink = Arc::new(RecordingSink::default());
    let body = fixture("signature_vector_body.bin");
    for sig in [
        "sha256=ab1d31570cd5970d862e9a49d08ce949d387cb3aa50d3365cd4c34bb1cf4cbd8",
        "sha256=7213e683d59a57bccba167f750e846647daf19d7de3b0db5e1ff22bd63b890f2",
        "sha1=a743a5e705cfd7157dd989b50db1f53e2b7d3d50",
        "sha256=aaed72285a57724ee92e1eea8649eff799b3106e3a41b10cdcd50fce0e48d8",
        "sha256=aaed72285a57724ee92e1eea8649eff799b3106e3a41b10cdcd50fce0e48d8c3ff",
        "aaed72285a57724ee92e1eea8649eff799b3106e3a41b10cdcd50fce0e48d8c3",
        "sha256=",
    ] {
        assert_eq!(
            post(app(sink.clone()), body.clone(), Some(sig)).await,
            StatusCode::FORBIDDEN,
            "{sig}"
        );
    }
    assert_eq!(
        post(app(sink.clone()), body, None).await,
        StatusCode::FORBIDDEN
    );
    // Even garbage bodies get 403, not 400, without a valid signature.
    assert_eq!(
        post(
            app(sink.clone()),
            b"not json".to_vec(),
            Some(SIGNATURE_VECTOR_SIG)
        )
        .await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(sink.calls(), 0);
}

#[tokio::test]
async fn malformed_json_with_valid_signature_is_400() {
    let sink = Arc::new(RecordingSink::default());
    let body = b"{\"object\":\"page\",\"entry\":[".to_vec();
    let sig = sign(SECRET, &body);
    assert_eq!(
        post(app(sink.clone()), body, Some(&sig)).await,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(sink.calls(), 0);
}

#[tokio::test]
async fn other_objects_and_eventless_bodies_are_200_and_ignored() {
    let sink = Arc::new(RecordingSink::default());
    for body in [
        br#"{"object":"instagram","entry":[{"id":"1","messaging":[]}]}"#.to_vec(),
        fixture("feed_change.json"),
        br#"{"object":"page"}"#.to_vec(),
        b"[]".to_vec(),
    ] {
        let sig = sign(SECRET, &body);
        assert_eq!(
            post(app(sink.clone()), body, Some(&sig)).await,
            StatusCode::OK
        );
    }
    assert_eq!(sink.calls(), 0);
    // The dashboard test body is delivered as an Unknown event (never replied to).
    let body = fixture("dashboard_test_event.json");
    let sig = sign(SECRET, &body);
    assert_eq!(
        post(app(sink.clone()), body, Some(&sig)).await,
        StatusCode::OK
    );
    assert!(!sink.events()[0].wants_reply());
}

#[tokio::test]
async fn two_entries_with_several_events_deliver_all() {
    let sink = Arc::new(RecordingSink::default());
    let body = br#"{"object":"page","entry":[
      {"id":"104857600000001","time":1718000400200,"messaging":[
        {"sender":{"id":"u2"},"recipient":{"id":"104857600000001"},"timestamp":1718000400030,"message":{"mid":"m_3","text":"third"}},
        {"sender":{"id":"u1"},"recipient":{"id":"104857600000001"},"timestamp":1718000400010,"message":{"mid":"m_1","text":"first"}}
      ],"standby":[
        {"sender":{"id":"u3"},"recipient":{"id":"104857600000001"},"timestamp":1718000400050,"postback":{"title":"Balance"}}
      ]},
      {"id":"104857600000001","time":1718000400250,"messaging":[
        {"sender":{"id":"u1"},"recipient":{"id":"104857600000001"},"timestamp":1718000400020,"postback":{"mid":"m_2","title":"Balance","payload":"BALANCE"}},
        {"sender":{"id":"u1"},"recipient":{"id":"104857600000001"},"timestamp":1718000400040,"read":{"watermark":1718000400000}}
      ]}]}"#
        .to_vec();
    let sig = sign(SECRET, &body);
    assert_eq!(
        post(app(sink.clone()), body, Some(&sig)).await,
        StatusCode::OK
    );
    assert_eq!(sink.calls(), 1, "one batch per POST");
    let events = sink.events();
    let ids: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
    assert_eq!(ids.len(), 5);
    assert_eq!(&ids[..3], &["m_1", "m_2", "m_3"]);
    assert!(matches!(events[3].kind, InboundKind::Read { .. }));
    assert!(events[4].standby);
}

#[tokio::test]
async fn sink_failure_is_500_so_meta_redelivers() {
    let sink = Arc::new(RecordingSink::failing());
    let body = fixture("text_message.json");
    let sig = sign(SECRET, &body);
    assert_eq!(
        post(app(sink), body, Some(&sig)).await,
        StatusCode::INTERNAL_SERVER_ERROR
    );
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let sink = Arc::new(RecordingSink::default());
    let mut body = br#"{"object":"page","entry":[],"pad":""#.to_vec();
    body.resize(1024 * 1024 + 10, b'a');
    body.extend_from_slice(b"\"}");
    let sig = sign(SECRET, &body);
    assert_eq!(
        post(app(sink.clone()), body.clone(), Some(&sig)).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    // Without a Content-Length (streamed body) the limit still holds.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        body.chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
    let stream = Body::from_stream(futures::stream::iter(chunks));
    let req = Request::post("/webhook")
        .header("X-Hub-Signature-256", sig)
        .body(stream)
        .unwrap();
    let status = app(sink.clone()).oneshot(req).await.unwrap().status();
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(sink.calls(), 0);
}

#[tokio::test]
async fn custom_path_and_inbox_app_id() {
    let sink = Arc::new(RecordingSink::default());
    let mut opts = WebhookOptions::new("t", SECRET);
    opts.path = "/hooks/messenger".into();
    opts.page_inbox_app_id = 987_654_321_000_001;
    let app = router(opts, sink.clone());
    let body = fixture("own_echo.json");
    let req = Request::post("/hooks/messenger")
        .header("x-hub-signature-256", sign(SECRET, &body))
        .body(Body::from(body))
        .unwrap();
    assert_eq!(app.oneshot(req).await.unwrap().status(), StatusCode::OK);
    assert!(sink.events()[0].is_human_reply());
}

#[tokio::test]
async fn serves_over_real_tcp() {
    let sink = Arc::new(RecordingSink::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(axum::serve(listener, app(sink.clone())).into_future());
    let body = fixture("two_users_in_one_batch.json");
    let resp = reqwest::Client::new()
        .post(format!("http://{addr}/webhook"))
        .header("X-Hub-Signature-256", sign(SECRET, &body))
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert_eq!(sink.events().len(), 2);
    server.abort();
}
