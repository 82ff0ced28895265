//! Handover and Messenger Profile calls against the testkit's mock Graph API on loopback.

use bankbot_messenger::{HandoverMode, ProfileSpec, SendClient, SendOptions};
use bankbot_testkit::{Endpoint, MockGraphApi};
use serde_json::{Value, json};

const PSID: &str = "7423910000000001";

fn client(graph: &MockGraphApi) -> SendClient {
    let mut o = SendOptions::new("PAGE_TOKEN");
    o.graph_api_url = graph.base_url();
    SendClient::new(o).unwrap()
}

fn requests(graph: &MockGraphApi) -> Vec<(String, Value)> {
    graph
        .sent()
        .into_iter()
        .map(|r| (format!("{} {}", r.method, r.path), r.body))
        .collect()
}

#[tokio::test]
async fn handover_protocol_pass_and_take() {
    let graph = MockGraphApi::start().await;
    let c = client(&graph);
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
        requests(&graph),
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
    let graph = MockGraphApi::start().await;
    let mut o = SendOptions::new("PAGE_TOKEN");
    o.graph_api_url = graph.base_url();
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
        requests(&graph),
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
    let graph = MockGraphApi::start().await;
    graph.set_answer(
        Endpoint::ThreadOwner,
        200,
        json!({"data": [{"thread_owner": {"app_id": "263902037430900"}}]}),
    );
    let owner = client(&graph).thread_owner(PSID).await.unwrap();
    assert_eq!(owner.as_deref(), Some("263902037430900"));
    let asked = &graph.sent()[0];
    assert_eq!(
        (asked.method.as_str(), asked.path.as_str()),
        ("GET", "/v25.0/me/thread_owner")
    );
    assert_eq!(asked.query.get("recipient").map(String::as_str), Some(PSID));
}

#[tokio::test]
async fn profile_setup_is_idempotent() {
    let graph = MockGraphApi::start().await;
    let spec = ProfileSpec::bankbot_default(Some("https://login.bank.example/messenger/link"));
    let wanted = Value::Object(spec.to_json());
    // First run: the Page has an old greeting only → every field differing is written.
    graph.answer_next_on(
        Endpoint::MessengerProfile,
        1,
        200,
        json!({"data": [{"greeting": [{"locale": "default", "text": "old"}]}]}),
    );
    let c = client(&graph);
    let first = c.setup_profile(&spec).await.unwrap();
    assert_eq!(first.updated.len(), 6, "{:?}", first.updated);
    let reqs = requests(&graph);
    assert_eq!(reqs[0].0, "GET /v25.0/me/messenger_profile");
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
    graph.answer_next_on(Endpoint::MessengerProfile, 1, 200, json!({"data": [have]}));
    let second = c.setup_profile(&spec).await.unwrap();
    assert!(second.updated.is_empty());
    let posts = requests(&graph)
        .iter()
        .filter(|(l, _)| l.starts_with("POST"))
        .count();
    assert_eq!(posts, 1, "nothing written the second time");
}
