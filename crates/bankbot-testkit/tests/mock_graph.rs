//! The mock Graph API records requests and fails exactly as scripted.

use bankbot_testkit::{Endpoint, MockGraphApi, graph_errors};
use serde_json::{Value, json};
use std::time::Duration;

const PSID: &str = "7423910000000001";

async fn post(url: &str, body: &Value) -> (u16, Value) {
    post_as(url, None, body).await
}

/// POSTs `body`, with `Authorization: Bearer <token>` when a token is given.
async fn post_as(url: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap_or_default();
    let mut request = client.post(url).json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let Ok(response) = request.send().await else {
        panic!("request to {url} failed");
    };
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn text(psid: &str, text: &str) -> Value {
    json!({"recipient": {"id": psid}, "messaging_type": "RESPONSE", "message": {"text": text}})
}

#[tokio::test]
async fn records_sends_and_answers_like_graph() {
    let graph = MockGraphApi::start().await;
    let base = graph.base_url();
    assert!(base.starts_with("http://127.0.0.1:"));

    let (status, answer) = post_as(
        &format!("{base}/v25.0/me/messages"),
        Some("PAT"),
        &text(PSID, "one"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(answer["recipient_id"], PSID);
    assert!(
        answer["message_id"]
            .as_str()
            .is_some_and(|m| m.starts_with("m_"))
    );

    // Without a version segment, and a sender action (no message_id).
    let action = json!({"recipient": {"id": PSID}, "sender_action": "typing_on"});
    let (status, answer) = post(&format!("{base}/me/messages?access_token=PAT"), &action).await;
    assert_eq!(status, 200);
    assert_eq!(answer, json!({"recipient_id": PSID}));
    post(&format!("{base}/me/messages"), &text("other", "x")).await;
    post(&format!("{base}/me/messages"), &text(PSID, "two")).await;

    assert!(graph.wait_for_sends(3, Duration::from_secs(5)).await);
    let sent = graph.sent();
    assert_eq!(sent.len(), 4);
    assert_eq!(sent[0].path, "/v25.0/me/messages");
    assert_eq!(sent[0].version.as_deref(), Some("v25.0"));
    assert_eq!(sent[0].endpoint, Endpoint::Messages);
    assert_eq!(sent[0].access_token(), Some("PAT"));
    assert_eq!(sent[0].bearer_token.as_deref(), Some("PAT"));
    assert!(!sent[0].token_in_url());
    assert_eq!(sent[0].target, "/v25.0/me/messages");
    // A token in the URL is accepted (Graph accepts it) but shows.
    assert_eq!(sent[1].access_token(), Some("PAT"));
    assert!(sent[1].token_in_url());
    assert_eq!(sent[1].target, "/me/messages?access_token=PAT");
    assert!(graph.check_auth().is_err());
    assert_eq!(sent[1].version, None);
    assert!(sent[0].received_at <= sent[1].received_at);

    let bodies = graph.sends_to(PSID);
    let texts: Vec<&str> = bodies
        .iter()
        .filter_map(|b| b["message"]["text"].as_str())
        .collect();
    assert_eq!(texts, ["one", "two"]);
    assert_eq!(graph.sender_actions_to(PSID), ["typing_on"]);
    assert_eq!(graph.accepted_sends(), 3);
    graph.shutdown().await;
}

#[tokio::test]
async fn scripted_failures_apply_to_the_next_sends_only() {
    let graph = MockGraphApi::start().await;
    let url = format!("{}/v25.0/me/messages?access_token=PAT", graph.base_url());
    graph.fail_next(2, 400, graph_errors::rate_limited());
    graph.fail_next(1, 500, graph_errors::server_error());

    let (s1, b1) = post(&url, &text(PSID, "a")).await;
    let (s2, _) = post(&url, &text(PSID, "a")).await;
    let (s3, b3) = post(&url, &text(PSID, "a")).await;
    let (s4, b4) = post(&url, &text(PSID, "a")).await;
    assert_eq!((s1, s2, s3, s4), (400, 400, 500, 200));
    assert_eq!(b1["error"]["code"], 613);
    assert_eq!(b3["error"]["code"], 2);
    assert_eq!(b4["recipient_id"], PSID);

    let statuses: Vec<u16> = graph.sent().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [400, 400, 500, 200]);
    assert_eq!(
        graph.sends_to(PSID).len(),
        1,
        "failed attempts are not deliveries"
    );

    // Failures scripted for sends do not touch other endpoints, and vice versa.
    graph.fail_next(1, 400, graph_errors::outside_window());
    let handover = json!({"recipient": {"id": PSID}, "target_app_id": 263902037430900_u64});
    let (s, b) = post(
        &format!("{}/v25.0/me/pass_thread_control", graph.base_url()),
        &handover,
    )
    .await;
    assert_eq!((s, b), (200, json!({"success": true})));
    let (s, b) = post(&url, &text(PSID, "late")).await;
    assert_eq!(s, 400);
    assert_eq!(b["error"]["error_subcode"], 2_018_278);
    graph.fail_next_on(
        Endpoint::PassThreadControl,
        1,
        400,
        graph_errors::person_unavailable(),
    );
    let (s, _) = post(
        &format!("{}/me/pass_thread_control", graph.base_url()),
        &handover,
    )
    .await;
    assert_eq!(s, 400);
    graph.shutdown().await;
}

#[tokio::test]
async fn handover_profile_and_unknown_paths() {
    let graph = MockGraphApi::start().await;
    let base = graph.base_url();
    for edge in [
        "take_thread_control",
        "request_thread_control",
        "messenger_profile",
    ] {
        let (s, b) = post(
            &format!("{base}/v25.0/me/{edge}"),
            &json!({"recipient": {"id": PSID}}),
        )
        .await;
        assert_eq!((s, b), (200, json!({"success": true})), "{edge}");
    }
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap_or_default();
    let delete = client
        .delete(format!(
            "{base}/v25.0/me/messenger_profile?access_token=PAT"
        ))
        .json(&json!({"fields": ["persistent_menu"]}))
        .send()
        .await
        .map(|r| r.status().as_u16());
    assert_eq!(delete.ok(), Some(200));
    let (s, _) = post(&format!("{base}/v25.0/me/nonsense"), &json!({})).await;
    assert_eq!(s, 404);

    let sent = graph.sent();
    let endpoints: Vec<Endpoint> = sent.iter().map(|r| r.endpoint).collect();
    assert_eq!(
        endpoints,
        [
            Endpoint::TakeThreadControl,
            Endpoint::RequestThreadControl,
            Endpoint::MessengerProfile,
            Endpoint::MessengerProfile,
            Endpoint::Other
        ]
    );
    assert_eq!(sent[3].method, "DELETE");
    assert_eq!(sent[3].body, json!({"fields": ["persistent_menu"]}));
    graph.clear();
    assert!(graph.sent().is_empty());
    graph.shutdown().await;
}

#[tokio::test]
async fn scripted_answers_come_first_then_the_standing_answer_then_the_default() {
    let graph = MockGraphApi::start().await;
    let owner = format!("{}/v25.0/me/thread_owner", graph.base_url());
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap_or_default();
    let get = |url: String| {
        let request = client.get(url);
        async move {
            let resp = request.send().await.unwrap();
            let status = resp.status().as_u16();
            (status, resp.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    assert_eq!(get(owner.clone()).await, (200, json!({"data": []})));
    let inbox = json!({"data": [{"thread_owner": {"app_id": "263902037430900"}}]});
    graph.set_answer(Endpoint::ThreadOwner, 200, inbox.clone());
    graph.answer_next_on(Endpoint::ThreadOwner, 2, 503, json!("upstream"));
    assert_eq!(get(owner.clone()).await, (503, json!("upstream")));
    assert_eq!(get(owner.clone()).await, (503, json!("upstream")));
    assert_eq!(get(owner.clone()).await, (200, inbox.clone()));
    assert_eq!(get(owner).await, (200, inbox));
    // Other endpoints keep their defaults.
    let (status, answer) = post(
        &format!("{}/v25.0/me/messages", graph.base_url()),
        &text(PSID, "hi"),
    )
    .await;
    assert_eq!((status, &answer["recipient_id"]), (200, &json!(PSID)));
    let statuses: Vec<u16> = graph.sent().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [200, 503, 503, 200, 200, 200]);
    graph.shutdown().await;
}

#[tokio::test]
async fn wait_for_sends_wakes_on_arrival_and_times_out() {
    let graph = MockGraphApi::start().await;
    assert!(!graph.wait_for_sends(1, Duration::from_millis(50)).await);
    graph.set_latency(Duration::from_millis(20));
    let mut feed = graph.subscribe();
    let url = format!("{}/v25.0/me/messages", graph.base_url());
    let task = tokio::spawn(async move {
        post(&url, &text(PSID, "hello")).await;
        post(&url, &text("7423910000000002", "hi")).await;
    });
    assert!(
        graph
            .wait_for_sends_to("7423910000000002", 1, Duration::from_secs(10))
            .await
    );
    assert!(graph.wait_for_sends(2, Duration::from_secs(10)).await);
    let first = feed.recv().await.ok().and_then(|r| r.recipient_id());
    assert_eq!(first.as_deref(), Some(PSID));
    let _ = task.await;
    graph.shutdown().await;
    graph.shutdown().await; // idempotent
}

#[tokio::test]
async fn with_the_app_secret_known_every_call_needs_a_token_and_its_appsecret_proof() {
    let graph = MockGraphApi::start().await;
    graph.set_app_secret("app-secret");
    let base = graph.base_url();
    let proof = bankbot_testkit::appsecret_proof("app-secret", "PAT");
    let url = |query: &str| format!("{base}/v25.0/me/messages{query}");
    // Scripted failures wait for a request that gets past authentication.
    graph.fail_next(1, 500, graph_errors::server_error());
    let cases = [
        (url(""), None, 400, Some(104), "no token"),
        (url(""), Some("PAT"), 400, Some(100), "no proof"),
        (
            url("?appsecret_proof=00"),
            Some("PAT"),
            400,
            Some(100),
            "wrong proof",
        ),
        (
            url(&format!("?appsecret_proof={proof}")),
            Some("OTHER"),
            400,
            Some(100),
            "another token's proof",
        ),
        (
            url(&format!("?appsecret_proof={proof}")),
            Some("PAT"),
            500,
            Some(2),
            "scripted",
        ),
        (
            url(&format!("?appsecret_proof={proof}")),
            Some("PAT"),
            200,
            None,
            "good",
        ),
    ];
    for (url, token, status, code, why) in cases {
        let (s, b) = post_as(&url, token, &text(PSID, why)).await;
        assert_eq!(s, status, "{why}: {b}");
        assert_eq!(b["error"]["code"].as_i64(), code, "{why}: {b}");
    }
    assert_eq!(graph.sends_to(PSID).len(), 1);
    // check_auth names every request that lacked a Bearer token or a proof.
    let bad = graph.check_auth().unwrap_err();
    assert_eq!(bad.len(), 2, "{bad:?}");
    graph.clear();
    post_as(
        &url(&format!("?appsecret_proof={proof}")),
        Some("PAT"),
        &text(PSID, "ok"),
    )
    .await;
    assert_eq!(graph.check_auth(), Ok(()));
    graph.shutdown().await;
}
