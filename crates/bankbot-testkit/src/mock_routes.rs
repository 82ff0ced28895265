//! Shared state and the axum handler behind [`crate::MockGraphApi`].

use crate::mock_graph::{Endpoint, RecordedRequest};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, broadcast};

/// The Page id the mock answers with.
const MOCK_PAGE_ID: &str = "104857600000001";

/// An answer scripted for the next requests to one endpoint (a failure or any other).
#[derive(Debug)]
pub(crate) struct ScriptedAnswer {
    pub(crate) endpoint: Endpoint,
    pub(crate) remaining: usize,
    pub(crate) status: u16,
    pub(crate) body: Value,
}

#[derive(Debug, Default)]
struct Log {
    records: Vec<RecordedRequest>,
    accepted_messages: usize,
    accepted_by_psid: HashMap<String, usize>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    log: Mutex<Log>,
    failures: Mutex<VecDeque<ScriptedAnswer>>,
    /// Answers that replace an endpoint's default until changed again.
    standing: Mutex<HashMap<Endpoint, (u16, Value)>>,
    latency: Mutex<Duration>,
    notify: Notify,
    feed: broadcast::Sender<RecordedRequest>,
    seq: AtomicU64,
    linking_tokens: Mutex<HashMap<String, String>>,
    app_secret: Mutex<Option<String>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Inner {
    pub(crate) fn new() -> Self {
        let (feed, _) = broadcast::channel(1 << 16);
        Self {
            log: Mutex::new(Log::default()),
            failures: Mutex::new(VecDeque::new()),
            standing: Mutex::new(HashMap::new()),
            latency: Mutex::new(Duration::ZERO),
            notify: Notify::new(),
            feed,
            seq: AtomicU64::new(1),
            linking_tokens: Mutex::new(HashMap::new()),
            app_secret: Mutex::new(None),
        }
    }

    pub(crate) fn set_app_secret(&self, app_secret: String) {
        *lock(&self.app_secret) = Some(app_secret);
    }

    /// Graph's answer to a request that is not properly authenticated, once the app secret
    /// is known (before, anything goes).
    fn refuse_auth(&self, token: Option<&str>, proof: Option<&str>) -> Option<(u16, Value)> {
        let refuse = |code: u16, kind: &str, message: &str| {
            let body = json!({"error": {"message": message, "type": kind, "code": code,
                                        "fbtrace_id": "AMockTrace"}});
            Some((400, body))
        };
        let secret = lock(&self.app_secret).clone()?;
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            return refuse(
                104,
                "OAuthException",
                "An access token is required to request this resource.",
            );
        };
        let Some(proof) = proof else {
            return refuse(
                100,
                "GraphMethodException",
                "API calls from the server require an appsecret_proof argument",
            );
        };
        if !proof_matches(&secret, token, proof) {
            return refuse(
                100,
                "GraphMethodException",
                "Invalid appsecret_proof provided in the API argument",
            );
        }
        None
    }

    pub(crate) fn records(&self) -> Vec<RecordedRequest> {
        lock(&self.log).records.clone()
    }

    pub(crate) fn request_count(&self) -> usize {
        lock(&self.log).records.len()
    }

    pub(crate) fn accepted_messages(&self) -> usize {
        lock(&self.log).accepted_messages
    }

    pub(crate) fn accepted_messages_to(&self, psid: &str) -> usize {
        lock(&self.log)
            .accepted_by_psid
            .get(psid)
            .copied()
            .unwrap_or(0)
    }

    pub(crate) fn clear(&self) {
        *lock(&self.log) = Log::default();
    }

    pub(crate) fn push_answer(&self, answer: ScriptedAnswer) {
        lock(&self.failures).push_back(answer);
    }

    pub(crate) fn set_standing_answer(&self, endpoint: Endpoint, status: u16, body: Value) {
        lock(&self.standing).insert(endpoint, (status, body));
    }

    pub(crate) fn set_latency(&self, latency: Duration) {
        *lock(&self.latency) = latency;
    }

    pub(crate) fn register_linking_token(&self, token: &str, psid: &str) {
        lock(&self.linking_tokens).insert(token.to_owned(), psid.to_owned());
    }

    pub(crate) fn subscribe(&self) -> broadcast::Receiver<RecordedRequest> {
        self.feed.subscribe()
    }

    /// Waits until `done()` holds, re-checking after every recorded request.
    pub(crate) async fn wait_until(&self, timeout: Duration, done: impl Fn() -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if done() {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return done();
            }
        }
    }

    /// Takes one use of the first scripted answer for `endpoint`, if any.
    fn take_scripted(&self, endpoint: Endpoint) -> Option<(u16, Value)> {
        let mut failures = lock(&self.failures);
        let index = failures.iter().position(|f| f.endpoint == endpoint)?;
        let failure = failures.get_mut(index)?;
        failure.remaining = failure.remaining.saturating_sub(1);
        let answer = (failure.status, failure.body.clone());
        if failure.remaining == 0 {
            failures.remove(index);
        }
        Some(answer)
    }

    fn record(&self, request: RecordedRequest) {
        {
            let mut log = lock(&self.log);
            if request.is_message() && request.succeeded() {
                log.accepted_messages += 1;
                if let Some(psid) = request.recipient_id() {
                    *log.accepted_by_psid.entry(psid).or_insert(0) += 1;
                }
            }
            let _ = self.feed.send(request.clone());
            log.records.push(request);
        }
        self.notify.notify_waiters();
    }

    fn answer(
        &self,
        endpoint: Endpoint,
        method: &Method,
        query: &BTreeMap<String, String>,
        body: &Value,
    ) -> (u16, Value) {
        if let Some(scripted) = self.take_scripted(endpoint) {
            return scripted;
        }
        if let Some(standing) = lock(&self.standing).get(&endpoint) {
            return standing.clone();
        }
        match endpoint {
            Endpoint::Messages => {
                let recipient = body.get("recipient").and_then(|r| r.get("id")).cloned();
                let mut answer = serde_json::Map::new();
                if let Some(id) = recipient {
                    let id = match id {
                        Value::Number(n) => Value::String(n.to_string()),
                        other => other,
                    };
                    answer.insert("recipient_id".to_owned(), id);
                }
                if body.get("sender_action").is_none() {
                    let seq = self.seq.fetch_add(1, Ordering::Relaxed);
                    answer.insert("message_id".to_owned(), json!(format!("m_mock{seq:012}")));
                }
                (200, Value::Object(answer))
            }
            Endpoint::ThreadOwner => (200, json!({ "data": [] })),
            Endpoint::AccountLinkingRecipient => {
                let token = query.get("account_linking_token");
                match token.and_then(|t| lock(&self.linking_tokens).get(t).cloned()) {
                    Some(psid) => (200, json!({ "id": MOCK_PAGE_ID, "recipient": psid })),
                    None => (
                        400,
                        json!({"error": {"message": "(#100) Invalid account_linking_token", "type": "OAuthException", "code": 100, "fbtrace_id": "AMockTrace"}}),
                    ),
                }
            }
            Endpoint::MessengerProfile if method == Method::GET => (200, json!({ "data": [] })),
            Endpoint::Other => (
                404,
                json!({"error": {"message": "Unknown path components", "type": "OAuthException", "code": 2500, "fbtrace_id": "AMockTrace"}}),
            ),
            _ => (200, json!({ "success": true })),
        }
    }
}

/// Splits `/v25.0/me/messages` into (`Some("v25.0")`, endpoint).
pub(crate) fn classify(path: &str) -> (Option<String>, Endpoint) {
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut version = None;
    if let Some(first) = segments.first() {
        let is_version = first.strip_prefix('v').is_some_and(|rest| {
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
        });
        if is_version {
            version = Some((*first).to_owned());
            segments.remove(0);
        }
    }
    let endpoint = match segments.as_slice() {
        [_node, "messages"] => Endpoint::Messages,
        ["me", "pass_thread_control"] => Endpoint::PassThreadControl,
        ["me", "take_thread_control"] => Endpoint::TakeThreadControl,
        ["me", "request_thread_control"] => Endpoint::RequestThreadControl,
        ["me", "release_thread_control"] => Endpoint::ReleaseThreadControl,
        ["me", "thread_owner"] => Endpoint::ThreadOwner,
        ["me", "messenger_profile"] => Endpoint::MessengerProfile,
        ["me"] => Endpoint::AccountLinkingRecipient,
        _ => Endpoint::Other,
    };
    (version, endpoint)
}

pub(crate) fn router(inner: Arc<Inner>) -> Router {
    Router::new().fallback(handle).with_state(inner)
}

/// `hex(HMAC-SHA256(app_secret, token))` equals `proof` (compared in constant time).
fn proof_matches(app_secret: &str, token: &str, proof: &str) -> bool {
    let Ok(proof) = hex::decode(proof) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(app_secret.as_bytes()) else {
        return false;
    };
    mac.update(token.as_bytes());
    mac.verify_slice(&proof).is_ok()
}

async fn handle(
    State(inner): State<Arc<Inner>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received_at = Instant::now();
    let (version, endpoint) = classify(uri.path());
    let query: BTreeMap<String, String> = uri
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let bearer_token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let token = bearer_token
        .as_deref()
        .or_else(|| query.get("access_token").map(String::as_str));
    let proof = query.get("appsecret_proof").map(String::as_str);
    let (status, answer) = match inner.refuse_auth(token, proof) {
        Some(refused) => refused,
        None => inner.answer(endpoint, &method, &query, &body),
    };
    tracing::debug!(path = uri.path(), status, "mock Graph API request");
    inner.record(RecordedRequest {
        method: method.to_string(),
        path: uri.path().to_owned(),
        target: uri
            .path_and_query()
            .map_or_else(|| uri.path().to_owned(), |pq| pq.as_str().to_owned()),
        version,
        endpoint,
        query,
        bearer_token,
        body,
        received_at,
        status,
    });
    let latency = *lock(&inner.latency);
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(answer)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_accepts_versioned_and_bare_paths() {
        assert_eq!(
            classify("/v25.0/me/messages"),
            (Some("v25.0".into()), Endpoint::Messages)
        );
        assert_eq!(classify("/me/messages"), (None, Endpoint::Messages));
        assert_eq!(classify("/104857600000001/messages").1, Endpoint::Messages);
        assert_eq!(
            classify("/v19.0/me/pass_thread_control").1,
            Endpoint::PassThreadControl
        );
        assert_eq!(
            classify("/me/take_thread_control").1,
            Endpoint::TakeThreadControl
        );
        assert_eq!(
            classify("/v2.0/me/request_thread_control").1,
            Endpoint::RequestThreadControl
        );
        assert_eq!(
            classify("/v25.0/me/messenger_profile").1,
            Endpoint::MessengerProfile
        );
        assert_eq!(classify("/v25.0/me/other").1, Endpoint::Other);
        assert_eq!(classify("/").1, Endpoint::Other);
    }
}
