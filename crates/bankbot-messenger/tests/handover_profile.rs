//! Handover and Messenger Profile calls against a real local HTTP server.

use bankbot_messenger::{HandoverMode, ProfileSpec, SendClient, SendOptions};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PSID: &str = "7423910000000001";

fn client(server: &MockServer) -> SendClient {
    let mut o = SendOptions::new("PAGE_TOKEN");
    o.graph_api_url = server.uri();
    SendClient::new(o).unwrap()
}

async fn requests(server: &MockServer) -> Vec<(String, Value)> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| {
            let body = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            (format!("{} {}", r.method, r.url.path()), body)
        })
        .collect()
}

async fn success(server: &MockServer) {
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"success": true})))
        .mount(server)
        .await;
}

#[tokio::test]
async fn handover_protocol_pass_and_take() {
    let server = MockServer::start().await;
    success(&server).await;
    let c = client(&server);
    c.hand_to_human(
        HandoverMode::HandoverProtocol,
        PSID,
        Some("reason=balance_dispute;case=123"),
        None,
    )
    .await
    .unwrap();
    c.take_back(HandoverMode::HandoverProtocol, PSID, Some("timeout"))
        .await
        .unwrap();
    c.pass_thread_control(PSID, 555, None).await.unwrap();
    c.release(HandoverMode::HandoverProtocol, PSID)
        .await
        .unwrap();
    assert_eq!(
        requests(&server).await,
        vec![
            (
                "POST /v25.0/me/pass_thread_control".into(),
                json!({"recipient": {"id": PSID}, "target_app_id": 263902037430900u64,
                       "metadata": "reason=balance_dispute;case=123"})
            ),
            (
                "POST /v25.0/me/take_thread_control".into(),
                json!({"recipient": {"id": PSID}, "metadata": "timeout"})
            ),
            (
                "POST /v25.0/me/pass_thread_control".into(),
                json!({"recipient": {"id": PSID}, "target_app_id": 555})
            ),
            (
                "POST /v25.0/me/release_thread_control".into(),
                json!({"recipient": {"id": PSID}})
            ),
        ]
    );
}

#[tokio::test]
async fn conversation_routing_shapes() {
    let server = MockServer::start().await;
    success(&server).await;
    let mut o = SendOptions::new("PAGE_TOKEN");
    o.graph_api_url = server.uri();
    o.page_inbox_app_id = 42;
    let c = SendClient::new(o).unwrap();
    c.hand_to_human(
        HandoverMode::ConversationRouting,
        PSID,
        None,
        Some("An adviser will reply here shortly."),
    )
    .await
    .unwrap();
    c.release(HandoverMode::ConversationRouting, PSID)
        .await
        .unwrap();
    assert_eq!(
        requests(&server).await,
        vec![
            (
                "POST /v25.0/me/messages".into(),
                json!({"recipient": {"id": PSID}, "messaging_type": "RESPONSE",
                       "message": {"text": "An adviser will reply here shortly."},
                       "thread_control": {"app_id": "42", "control_type": "pass"}})
            ),
            (
                "POST /v25.0/me/messages".into(),
                json!({"recipient": {"id": PSID}, "thread_control": {"control_type": "release"}})
            ),
        ]
    );
}

#[tokio::test]
async fn thread_owner_is_read() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v25.0/me/thread_owner"))
        .and(query_param("recipient", PSID))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": [{"thread_owner": {"app_id": "263902037430900"}}]})),
        )
        .mount(&server)
        .await;
    let owner = client(&server).thread_owner(PSID).await.unwrap();
    assert_eq!(owner.as_deref(), Some("263902037430900"));
}

#[tokio::test]
async fn profile_setup_is_idempotent() {
    let server = MockServer::start().await;
    let spec = ProfileSpec::bankbot_default(Some("https://login.bank.example/messenger/link"));
    let wanted = Value::Object(spec.to_json());
    // First run: the Page has an old greeting only → every field differing is written.
    let get =
        Mock::given(method("GET"))
            .and(path("/v25.0/me/messenger_profile"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"data": [{"greeting": [{"locale": "default", "text": "old"}]}]}),
            ))
            .up_to_n_times(1)
            .with_priority(1)
            .mount_as_scoped(&server)
            .await;
    success(&server).await;
    let c = client(&server);
    let first = c.setup_profile(&spec).await.unwrap();
    assert_eq!(first.updated.len(), 6, "{:?}", first.updated);
    drop(get);
    let reqs = requests(&server).await;
    let (line, body) = &reqs[1];
    assert_eq!(line, "POST /v25.0/me/messenger_profile");
    assert_eq!(body, &wanted);
    assert_eq!(body["greeting"][1]["locale"], "fr_FR");
    assert_eq!(
        body["whitelisted_domains"],
        json!(["https://login.bank.example"])
    );
    assert_eq!(
        body["ice_breakers"][0]["call_to_actions"]
            .as_array()
            .unwrap()
            .len(),
        4
    );

    // Second run: the Page now has it (plus fields Meta adds) → no write.
    let mut have = wanted.clone();
    have["persistent_menu"][0]["disabled_surfaces"] = json!([]);
    Mock::given(method("GET"))
        .and(path("/v25.0/me/messenger_profile"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": [have]})))
        .mount(&server)
        .await;
    let second = c.setup_profile(&spec).await.unwrap();
    assert!(second.updated.is_empty());
    let posts = requests(&server)
        .await
        .iter()
        .filter(|(l, _)| l.starts_with("POST"))
        .count();
    assert_eq!(posts, 1, "nothing written the second time");
}
