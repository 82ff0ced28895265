//! How every Graph API call authenticates: the Page access token in an
//! `Authorization: Bearer` header and never in a URL, `appsecret_proof` on every call, and
//! transport errors logged without the request URL.

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bankbot_messenger::{
    HandoverMode, MessagingType, ProfileSpec, SendClient, SendError, SendOptions, SenderAction,
    TemplateParameter, UtilityMessage,
};
use bankbot_testkit::MockGraphApi;

const PSID: &str = "7423910000000001";
const TOKEN: &str = "EAAB-page-TOKEN-77";
const APP_SECRET: &str = "app-secret-for-proofs";

fn options(graph_api_url: String) -> SendOptions {
    let mut o = SendOptions::new(TOKEN);
    o.graph_api_url = graph_api_url;
    o.app_secret = Some(APP_SECRET.to_owned());
    o.backoff_base = Duration::from_millis(1);
    o.backoff_max = Duration::from_millis(2);
    o
}

#[tokio::test]
async fn every_graph_call_sends_a_bearer_token_and_appsecret_proof_and_no_token_in_the_url() {
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET);
    graph.register_linking_token("linking-token", PSID);
    let client = SendClient::new(options(graph.base_url())).unwrap();
    // Send API (message, sender action, utility message), handover, thread owner,
    // Messenger Profile (GET and POST), conversation routing, the account-linking token's
    // PSID.
    client
        .send_text(PSID, "hi", MessagingType::Response, None)
        .await
        .unwrap();
    client
        .sender_action(PSID, SenderAction::TypingOn)
        .await
        .unwrap();
    let utility = UtilityMessage {
        template: "account_alert".into(),
        language: "en".into(),
        body: vec![TemplateParameter {
            name: None,
            text: "Low balance: $80.00".into(),
        }],
        postbacks: vec![],
    };
    client.send_utility(PSID, &utility).await.unwrap();
    client
        .hand_to_human(HandoverMode::HandoverProtocol, PSID, None, None)
        .await
        .unwrap();
    client
        .take_back(HandoverMode::HandoverProtocol, PSID, None)
        .await
        .unwrap();
    client
        .release(HandoverMode::HandoverProtocol, PSID)
        .await
        .unwrap();
    client
        .release(HandoverMode::ConversationRouting, PSID)
        .await
        .unwrap();
    client.thread_owner(PSID).await.unwrap();
    client
        .setup_profile(&ProfileSpec::bankbot_default(Some(
            "https://bot.example/link",
        )))
        .await
        .unwrap();

    assert_eq!(
        client
            .account_linking_recipient("linking-token")
            .await
            .unwrap(),
        PSID
    );

    let proof = bankbot_messenger::signature::appsecret_proof(APP_SECRET, TOKEN);
    let requests = graph.sent();
    assert_eq!(requests.len(), 11, "every call reached the server");
    for r in &requests {
        let what = format!("{} {}", r.method, r.path);
        let auth = r.bearer_token.as_ref().map(|t| format!("Bearer {t}"));
        assert_eq!(
            auth.as_deref(),
            Some(format!("Bearer {TOKEN}").as_str()),
            "{what}"
        );
        assert!(!r.target.contains(TOKEN), "token in the URL of {what}");
        let query: Vec<(String, String)> =
            url::form_urlencoded::parse(r.target.split_once('?').map_or("", |(_, q)| q).as_bytes())
                .into_owned()
                .collect();
        assert!(
            !query.iter().any(|(k, _)| k == "access_token"),
            "access_token parameter on {what}"
        );
        let proofs: Vec<&str> = query
            .iter()
            .filter(|(k, _)| k == "appsecret_proof")
            .map(|(_, v)| v.as_str())
            .collect();
        assert_eq!(proofs, [proof.as_str()], "{what}");
    }
}

#[tokio::test]
async fn a_token_that_cannot_be_a_header_is_refused_up_front() {
    let mut o = options("http://127.0.0.1:9".into());
    o.page_access_token = "line\nbreak".into();
    assert!(matches!(SendClient::new(o), Err(SendError::Setup(_))));
}

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut buf = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn transport_errors_are_logged_without_the_request_url() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        // Our logs, at every level (the HTTP stack's own TRACE output names hosts).
        .with_env_filter("bankbot_messenger=trace")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    // A port nobody listens on: every attempt is a transport error.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut o = options(format!("http://127.0.0.1:{port}/graph-PATH-MARKER"));
    o.max_retries = 1;
    let client = SendClient::new(o).unwrap();
    let err = client
        .send_text(PSID, "hi", MessagingType::Response, None)
        .await
        .unwrap_err();
    assert!(
        matches!(err, SendError::RetryLater { status: None, .. }),
        "{err:?}"
    );
    assert!(!err.to_string().contains("MARKER"), "{err}");

    let logs = String::from_utf8_lossy(&buffer.0.lock().unwrap()).into_owned();
    assert!(logs.contains("Graph transport error"), "{logs}");
    let proof = bankbot_messenger::signature::appsecret_proof(APP_SECRET, TOKEN);
    for needle in [
        "MARKER",
        format!("127.0.0.1:{port}").as_str(),
        "/v25.0/",
        TOKEN,
        proof.as_str(),
    ] {
        assert!(!logs.contains(needle), "{needle} in the logs:\n{logs}");
    }
}
