//! The Send API client against the testkit's mock Graph API on loopback: exact JSON bodies,
//! retries only for retryable failures, error classes, rate limiting.

mod common;

use std::time::Duration;

use bankbot_core::{Button, QuickReply, Reply, ReplyCard};
use bankbot_messenger::{
    MessagingType, SendClient, SendError, SendOptions, SenderAction, TemplateParameter,
    UtilityMessage,
};
use bankbot_testkit::{Endpoint, MockGraphApi};
use common::fixture;
use serde_json::{Value, json};

const PSID: &str = "7423910000000001";

fn options(graph: &MockGraphApi) -> SendOptions {
    let mut o = SendOptions::new("PAGE_TOKEN");
    o.graph_api_url = graph.base_url();
    o.api_version = "v25.0".into();
    o.backoff_base = Duration::from_millis(1);
    o.backoff_max = Duration::from_millis(5);
    o
}

fn client(graph: &MockGraphApi) -> SendClient {
    SendClient::new(options(graph)).unwrap()
}

fn ok_response(mid: &str) -> Value {
    json!({"recipient_id": PSID, "message_id": mid})
}

/// Sends are answered with the message id `m_out`.
fn mount_ok(graph: &MockGraphApi) {
    graph.set_answer(Endpoint::Messages, 200, ok_response("m_out"));
}

/// The bodies of every request received, each checked to be a Send API POST carrying the
/// Page token as a bearer token.
fn bodies(graph: &MockGraphApi) -> Vec<Value> {
    graph
        .sent()
        .into_iter()
        .map(|r| {
            assert_eq!(
                (r.method.as_str(), r.path.as_str()),
                ("POST", "/v25.0/me/messages")
            );
            assert_eq!(r.bearer_token.as_deref(), Some("PAGE_TOKEN"));
            r.body
        })
        .collect()
}

#[tokio::test]
async fn text_with_quick_replies_and_metadata_exact_json() {
    let graph = MockGraphApi::start().await;
    mount_ok(&graph);
    let reply = Reply::with_quick_replies(
        "Which account?",
        vec![
            QuickReply::new("Checking", "BALANCE:CHK"),
            QuickReply::new("Savings", "BALANCE:SAV"),
        ],
    );
    let receipt = client(&graph)
        .send_reply(
            PSID,
            &reply,
            MessagingType::Response,
            Some("corr=5f1c0e;intent=balance"),
        )
        .await
        .unwrap();
    assert_eq!(receipt.message_ids, vec!["m_out"]);
    assert_eq!(receipt.recipient_id.as_deref(), Some(PSID));
    assert_eq!(
        bodies(&graph),
        vec![json!({
            "recipient": {"id": PSID},
            "messaging_type": "RESPONSE",
            "message": {
                "text": "Which account?",
                "quick_replies": [
                    {"content_type": "text", "title": "Checking", "payload": "BALANCE:CHK"},
                    {"content_type": "text", "title": "Savings", "payload": "BALANCE:SAV"}
                ],
                "metadata": "corr=5f1c0e;intent=balance"
            }
        })]
    );
}

#[tokio::test]
async fn long_text_is_split_and_limits_are_applied() {
    let graph = MockGraphApi::start().await;
    mount_ok(&graph);
    let sentence = "Votre solde épargne est disponible. ";
    let text = sentence.repeat(120); // 4,320 chars
    let qrs: Vec<QuickReply> = (0..15)
        .map(|i| QuickReply::new(format!("Opération numéro {i} très longue"), format!("P{i}")))
        .collect();
    let reply = Reply::with_quick_replies(text, qrs);
    let receipt = client(&graph)
        .send_reply(PSID, &reply, MessagingType::Update, None)
        .await
        .unwrap();
    let sent = bodies(&graph);
    assert_eq!(sent.len(), 3);
    assert_eq!(receipt.message_ids.len(), 3);
    for b in &sent {
        let t = b["message"]["text"].as_str().unwrap();
        assert!(t.chars().count() <= 2000);
        assert!(t.ends_with("disponible."), "cut at a sentence end");
        assert_eq!(b["messaging_type"], "UPDATE");
    }
    assert!(sent[0]["message"].get("quick_replies").is_none());
    let qr = sent[2]["message"]["quick_replies"].as_array().unwrap();
    assert_eq!(qr.len(), 13);
    assert_eq!(qr[0]["title"], "Opération numéro 0 t");
    assert_eq!(qr[0]["title"].as_str().unwrap().chars().count(), 20);
}

#[tokio::test]
async fn button_template_with_account_link_exact_json() {
    let graph = MockGraphApi::start().await;
    mount_ok(&graph);
    let reply = Reply::with_buttons(
        "Log in to your bank account to see balances and transactions.",
        vec![
            Button::AccountLink {
                url: "https://login.bank.example/messenger/link".into(),
            },
            Button::Postback {
                title: "Find an ATM".into(),
                payload: "ATM_FINDER".into(),
            },
            Button::AccountUnlink,
            Button::WebUrl {
                title: "dropped".into(),
                url: "https://x".into(),
            },
        ],
    );
    client(&graph)
        .send_reply(PSID, &reply, MessagingType::Response, None)
        .await
        .unwrap();
    assert_eq!(
        bodies(&graph),
        vec![json!({
            "recipient": {"id": PSID},
            "messaging_type": "RESPONSE",
            "message": {"attachment": {"type": "template", "payload": {
                "template_type": "button",
                "text": "Log in to your bank account to see balances and transactions.",
                "buttons": [
                    {"type": "account_link", "url": "https://login.bank.example/messenger/link"},
                    {"type": "postback", "title": "Find an ATM", "payload": "ATM_FINDER"},
                    {"type": "account_unlink"}
                ]
            }}}
        })]
    );
}

#[tokio::test]
async fn generic_template_exact_json_and_ten_card_cap() {
    let graph = MockGraphApi::start().await;
    mount_ok(&graph);
    let card = ReplyCard {
        title: "ATM - 12 High Street".into(),
        subtitle: Some("0.3 km - open 24h - deposits".into()),
        image_url: None,
        default_url: Some("https://maps.example/?q=51.5007,-0.1246".into()),
        buttons: vec![
            Button::WebUrl {
                title: "Directions".into(),
                url: "https://maps.example/?q=51.5007,-0.1246".into(),
            },
            Button::Postback {
                title: "Next nearest".into(),
                payload: "ATM_NEXT:2".into(),
            },
        ],
    };
    let reply = Reply::Cards {
        cards: vec![card.clone(); 12],
    };
    client(&graph)
        .send_reply(PSID, &reply, MessagingType::Response, None)
        .await
        .unwrap();
    let sent = bodies(&graph);
    let elements = sent[0]["message"]["attachment"]["payload"]["elements"]
        .as_array()
        .unwrap();
    assert_eq!(elements.len(), 10);
    assert_eq!(
        elements[0],
        json!({
            "title": "ATM - 12 High Street",
            "subtitle": "0.3 km - open 24h - deposits",
            "default_action": {"type": "web_url", "url": "https://maps.example/?q=51.5007,-0.1246", "webview_height_ratio": "tall"},
            "buttons": [
                {"type": "web_url", "url": "https://maps.example/?q=51.5007,-0.1246", "title": "Directions"},
                {"type": "postback", "title": "Next nearest", "payload": "ATM_NEXT:2"}
            ]
        })
    );
    assert_eq!(
        sent[0]["message"]["attachment"]["payload"]["template_type"],
        "generic"
    );
}

#[tokio::test]
async fn sender_actions_and_human_agent_tag() {
    let graph = MockGraphApi::start().await;
    graph.set_answer(Endpoint::Messages, 200, json!({"recipient_id": PSID}));
    let c = client(&graph);
    c.sender_action(PSID, SenderAction::MarkSeen).await.unwrap();
    c.sender_action(PSID, SenderAction::TypingOn).await.unwrap();
    c.send_reply(
        PSID,
        &Reply::Typing { on: false },
        MessagingType::Response,
        None,
    )
    .await
    .unwrap();
    c.send_text(PSID, "Hi, Sam here.", MessagingType::HumanAgent, None)
        .await
        .unwrap();
    assert_eq!(
        bodies(&graph),
        vec![
            json!({"recipient": {"id": PSID}, "sender_action": "mark_seen"}),
            json!({"recipient": {"id": PSID}, "sender_action": "typing_on"}),
            json!({"recipient": {"id": PSID}, "sender_action": "typing_off"}),
            json!({"recipient": {"id": PSID}, "messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT",
                   "message": {"text": "Hi, Sam here."}}),
        ]
    );
}

#[tokio::test]
async fn appsecret_proof_is_sent_when_configured() {
    let graph = MockGraphApi::start().await;
    let proof = bankbot_messenger::signature::appsecret_proof("app-secret", "PAGE_TOKEN");
    // Knowing the secret, the mock refuses a request whose proof does not match.
    graph.set_app_secret("app-secret");
    graph.set_answer(Endpoint::Messages, 200, ok_response("m_1"));
    let mut o = options(&graph);
    o.app_secret = Some("app-secret".into());
    SendClient::new(o)
        .unwrap()
        .send_text(PSID, "hi", MessagingType::Response, None)
        .await
        .unwrap();
    let proofs: Vec<_> = graph
        .sent()
        .iter()
        .map(|r| r.appsecret_proof().map(str::to_owned))
        .collect();
    assert_eq!(proofs, [Some(proof)]);
}

/// Answers the first `times` sends with `first` (status and body), then success.
fn flaky(graph: &MockGraphApi, first: (u16, Value), times: usize) {
    let (status, body) = first;
    graph.answer_next_on(Endpoint::Messages, times, status, body);
    graph.set_answer(Endpoint::Messages, 200, ok_response("m_ok"));
}

fn calls(graph: &MockGraphApi) -> usize {
    graph.sent().len()
}

#[tokio::test]
async fn retries_on_5xx_then_succeeds() {
    let graph = MockGraphApi::start().await;
    flaky(&graph, (503, json!("upstream")), 2);
    let r = client(&graph)
        .send_text(PSID, "hi", MessagingType::Response, None)
        .await
        .unwrap();
    assert_eq!(r.message_ids, vec!["m_ok"]);
    assert_eq!(calls(&graph), 3);
}

#[tokio::test]
async fn retries_on_613_then_succeeds() {
    let graph = MockGraphApi::start().await;
    let body: Value = serde_json::from_slice(&fixture("graph_error_rate_limit.json")).unwrap();
    flaky(&graph, (400, body), 1);
    client(&graph)
        .send_text(PSID, "hi", MessagingType::Response, None)
        .await
        .unwrap();
    assert_eq!(calls(&graph), 2);
}

#[tokio::test]
async fn gives_up_after_max_retries_with_a_retryable_error() {
    let graph = MockGraphApi::start().await;
    flaky(&graph, (500, Value::Null), 100);
    let err = client(&graph)
        .send_text(PSID, "hi", MessagingType::Response, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            SendError::RetryLater {
                status: Some(500),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(calls(&graph), 4, "1 attempt + 3 retries");
}

async fn no_retry_case(fixture_name: &str, status: u16) -> (SendError, usize) {
    let graph = MockGraphApi::start().await;
    let body: Value = serde_json::from_slice(&fixture(fixture_name)).unwrap();
    flaky(&graph, (status, body), 100);
    let err = client(&graph)
        .send_text(PSID, "hi", MessagingType::Response, None)
        .await
        .unwrap_err();
    (err, calls(&graph))
}

#[tokio::test]
async fn no_retry_on_551_code_10_2018278_190_and_2018001() {
    let (err, n) = no_retry_case("graph_error_unavailable.json", 400).await;
    assert!(matches!(err, SendError::UserUnreachable { .. }), "{err:?}");
    assert_eq!(n, 1);
    let (err, n) = no_retry_case("graph_error_outside_window.json", 400).await;
    assert!(matches!(err, SendError::OutsideWindow { .. }), "{err:?}");
    assert_eq!(n, 1);
    let (err, n) = no_retry_case("graph_error_token_invalid.json", 401).await;
    assert!(matches!(err, SendError::TokenInvalid { .. }), "{err:?}");
    assert_eq!(n, 1);
    let (err, n) = no_retry_case("graph_error_no_matching_user.json", 400).await;
    assert!(matches!(err, SendError::UserUnreachable { .. }), "{err:?}");
    assert_eq!(n, 1);
    assert_eq!(
        err.graph().and_then(|g| g.fbtrace_id.as_deref()),
        Some("AX7LwGmBMuz")
    );
}

#[tokio::test]
async fn code_10_without_subcode_is_not_permitted_and_not_retried() {
    let graph = MockGraphApi::start().await;
    let body = json!({"error": {"message": "(#10) Application does not have permission for this action", "type": "OAuthException", "code": 10}});
    flaky(&graph, (403, body), 100);
    let err = client(&graph)
        .send_text(PSID, "hi", MessagingType::HumanAgent, None)
        .await
        .unwrap_err();
    assert!(matches!(err, SendError::NotPermitted { .. }), "{err:?}");
    assert_eq!(calls(&graph), 1);
}

#[tokio::test]
async fn rate_limiter_spaces_sends() {
    let graph = MockGraphApi::start().await;
    mount_ok(&graph);
    let mut o = options(&graph);
    o.sends_per_second = 20;
    let c = SendClient::new(o).unwrap();
    let start = std::time::Instant::now();
    for _ in 0..30 {
        c.sender_action(PSID, SenderAction::TypingOn).await.unwrap();
    }
    // 20 from the burst, then 10 more at 20/s: at least ~0.5 s must have passed.
    // (A lower bound only: the limiter can make sends slower, never faster.)
    assert!(
        start.elapsed() >= Duration::from_millis(450),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(calls(&graph), 30);
}

#[tokio::test]
async fn empty_replies_are_refused_without_a_call() {
    let graph = MockGraphApi::start().await;
    mount_ok(&graph);
    let err = client(&graph)
        .send_reply(PSID, &Reply::text("   "), MessagingType::Response, None)
        .await
        .unwrap_err();
    assert!(matches!(err, SendError::InvalidReply(_)));
    assert_eq!(calls(&graph), 0);
}

#[tokio::test]
async fn utility_message_is_sent_as_a_template_with_messaging_type_utility() {
    let graph = MockGraphApi::start().await;
    mount_ok(&graph);
    let message = UtilityMessage {
        template: "fraud_check".into(),
        language: "en_US".into(),
        body: vec![TemplateParameter {
            name: Some("alert".into()),
            text: "Did you make this purchase? −$500.00 at ElectroMart on Nov 28 with card ••9876"
                .into(),
        }],
        postbacks: vec!["FRAUD_YES:a-1".into(), "FRAUD_NO:a-1".into()],
    };
    let receipt = client(&graph).send_utility(PSID, &message).await.unwrap();
    assert_eq!(receipt.message_ids, vec!["m_out"]);
    assert_eq!(
        bodies(&graph),
        vec![json!({
            "recipient": {"id": PSID},
            "messaging_type": "UTILITY",
            "message": {"template": {
                "name": "fraud_check",
                "language": {"code": "en_US"},
                "components": [
                    {"type": "body", "parameters": [{
                        "type": "text",
                        "parameter_name": "alert",
                        "text": "Did you make this purchase? −$500.00 at ElectroMart on Nov 28 with card ••9876"
                    }]},
                    {"type": "buttons", "parameters": [
                        {"type": "POSTBACK", "payload": "FRAUD_YES:a-1"},
                        {"type": "POSTBACK", "payload": "FRAUD_NO:a-1"}
                    ]}
                ]
            }}
        })]
    );
}

#[tokio::test]
async fn utility_message_refused_by_meta_is_permanent_and_not_retried() {
    let graph = MockGraphApi::start().await;
    graph.set_answer(
        Endpoint::Messages,
        400,
        json!({"error": {
            "message": "(#100) Template name does not exist in the translation",
            "type": "OAuthException", "code": 100, "fbtrace_id": "AbC"
        }}),
    );
    let message = UtilityMessage {
        template: "missing_template".into(),
        language: "en".into(),
        body: Vec::new(),
        postbacks: Vec::new(),
    };
    let err = client(&graph)
        .send_utility(PSID, &message)
        .await
        .unwrap_err();
    assert!(matches!(err, SendError::Permanent { .. }), "{err:?}");
    assert_eq!(calls(&graph), 1);
    // A name Meta could never accept is refused before any call.
    let bad = UtilityMessage {
        template: "Not A Name".into(),
        ..message
    };
    let err = client(&graph).send_utility(PSID, &bad).await.unwrap_err();
    assert!(matches!(err, SendError::InvalidReply(_)));
    assert_eq!(calls(&graph), 1);
}
