//! [`MockGraphApi`]: an in-process imitation of the Graph API endpoints the bot calls.

use crate::TestkitError;
use crate::mock_routes::{self, Inner, ScriptedAnswer};
use serde_json::Value;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, oneshot};
use tokio::task::JoinHandle;

/// Which Graph endpoint a request addressed (after stripping the optional `/vXX.X` prefix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Endpoint {
    /// `/me/messages` or `/{page-id}/messages` (Send API, including sender actions).
    Messages,
    /// `/me/pass_thread_control`.
    PassThreadControl,
    /// `/me/take_thread_control`.
    TakeThreadControl,
    /// `/me/request_thread_control`.
    RequestThreadControl,
    /// `/me/release_thread_control`.
    ReleaseThreadControl,
    /// `/me/thread_owner`.
    ThreadOwner,
    /// `/me/messenger_profile` (GET, POST and DELETE).
    MessengerProfile,
    /// `GET /me?fields=recipient&account_linking_token=…`: the PSID behind a linking token.
    AccountLinkingRecipient,
    /// Anything else (answered 404 with a Graph error body).
    Other,
}

/// One request the mock received.
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// HTTP method, e.g. `"POST"`.
    pub method: String,
    /// The request path as received, e.g. `/v25.0/me/messages`.
    pub path: String,
    /// The version segment when present, e.g. `Some("v25.0")`.
    pub version: Option<String>,
    /// The endpoint the path maps to.
    pub endpoint: Endpoint,
    /// The request target as received: the path and, when present, `?` and the raw query.
    /// The Page access token must never appear in it.
    pub target: String,
    /// Decoded query parameters (`appsecret_proof`, and `access_token` if a client put the
    /// token in the URL).
    pub query: BTreeMap<String, String>,
    /// The token of an `Authorization: Bearer <token>` header, if any.
    pub bearer_token: Option<String>,
    /// The JSON body, or `Value::Null` when the body was empty or not JSON.
    pub body: Value,
    /// When the mock received the request (before any artificial latency).
    pub received_at: Instant,
    /// The HTTP status the mock answered with.
    pub status: u16,
}

impl RecordedRequest {
    /// The access token the request carried: the `Authorization: Bearer` header's, else the
    /// `access_token` query parameter (which Graph accepts and bankbot never sends).
    pub fn access_token(&self) -> Option<&str> {
        self.bearer_token
            .as_deref()
            .or_else(|| self.query.get("access_token").map(String::as_str))
    }

    /// True when the URL carried an `access_token` query parameter.
    pub fn token_in_url(&self) -> bool {
        self.query.contains_key("access_token")
    }

    /// The `appsecret_proof` query parameter, if any.
    pub fn appsecret_proof(&self) -> Option<&str> {
        self.query.get("appsecret_proof").map(String::as_str)
    }

    /// `body.recipient.id`, if present (string or number).
    pub fn recipient_id(&self) -> Option<String> {
        match self.body.get("recipient")?.get("id")? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// True for a Send API call carrying a `message` (not a sender action).
    pub fn is_message(&self) -> bool {
        self.endpoint == Endpoint::Messages && self.body.get("message").is_some()
    }

    /// True when the mock answered with a 2xx status.
    pub fn succeeded(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// A running mock Graph API. Cheap to clone; the server stops on [`MockGraphApi::shutdown`]
/// or when the last clone is dropped.
///
/// Sends (`POST …/messages`) are answered `{"recipient_id": …, "message_id": "m_…"}`
/// (sender actions: `{"recipient_id": …}`), handover and profile calls `{"success": true}`.
///
/// Like the Graph API, it takes the access token from an `Authorization: Bearer` header
/// or an `access_token` query parameter (see [`RecordedRequest::token_in_url`] and
/// [`MockGraphApi::check_auth`]). Once it knows the app secret
/// ([`MockGraphApi::set_app_secret`]) it behaves like an app with "Require App Secret" on:
/// a request without a token gets HTTP 400, code 104, and one whose `appsecret_proof` is
/// missing or is not the hex HMAC-SHA256 of its token keyed with the secret HTTP 400, code
/// 100 (recorded with that status; scripted failures are not used up).
#[derive(Debug, Clone)]
pub struct MockGraphApi {
    handle: Arc<ServerHandle>,
}

#[derive(Debug)]
struct ServerHandle {
    inner: Arc<Inner>,
    addr: SocketAddr,
    stop: Mutex<Option<oneshot::Sender<()>>>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        if let Some(stop) = lock(&self.stop).take() {
            let _ = stop.send(());
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl MockGraphApi {
    /// Starts the mock on `127.0.0.1:0`.
    ///
    /// # Panics
    /// When no loopback port can be bound (a broken test environment); use
    /// [`MockGraphApi::start_on`] to handle that case.
    pub async fn start() -> Self {
        let addr = SocketAddr::from(([127, 0, 0, 1], 0));
        match Self::start_on(addr).await {
            Ok(mock) => mock,
            Err(e) => panic!("MockGraphApi::start: {e}"),
        }
    }

    /// Starts the mock on `addr` (e.g. `127.0.0.1:9999` for the load tool).
    pub async fn start_on(addr: SocketAddr) -> Result<Self, TestkitError> {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| TestkitError::Bind { addr, source })?;
        let local = listener
            .local_addr()
            .map_err(|source| TestkitError::Bind { addr, source })?;
        let inner = Arc::new(Inner::new());
        let app = mock_routes::router(Arc::clone(&inner));
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let shutdown = async move {
                let _ = stop_rx.await;
            };
            if let Err(e) = axum::serve(listener, app)
                .with_graceful_shutdown(shutdown)
                .await
            {
                tracing::warn!(error = %e, "mock Graph API server stopped with an error");
            }
        });
        tracing::debug!(%local, "mock Graph API listening");
        Ok(Self {
            handle: Arc::new(ServerHandle {
                inner,
                addr: local,
                stop: Mutex::new(Some(stop_tx)),
                task: Mutex::new(Some(task)),
            }),
        })
    }

    /// `http://127.0.0.1:PORT` — use as the bot's `graph_api_url` (the mock accepts paths
    /// with or without a version segment).
    pub fn base_url(&self) -> String {
        format!("http://{}", self.handle.addr)
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.handle.addr
    }

    /// Every request received so far, in arrival order (failed ones included).
    pub fn sent(&self) -> Vec<RecordedRequest> {
        self.handle.inner.records()
    }

    /// Bodies of the successfully answered message sends (not sender actions, not failed
    /// attempts) to `psid`, in arrival order.
    pub fn sends_to(&self, psid: &str) -> Vec<Value> {
        self.handle
            .inner
            .records()
            .into_iter()
            .filter(|r| {
                r.is_message() && r.succeeded() && r.recipient_id().as_deref() == Some(psid)
            })
            .map(|r| r.body)
            .collect()
    }

    /// Sender actions (`typing_on`, `mark_seen`, …) successfully sent to `psid`, in order.
    pub fn sender_actions_to(&self, psid: &str) -> Vec<String> {
        self.handle
            .inner
            .records()
            .into_iter()
            .filter(|r| r.endpoint == Endpoint::Messages && r.succeeded())
            .filter(|r| r.recipient_id().as_deref() == Some(psid))
            .filter_map(|r| r.body.get("sender_action")?.as_str().map(str::to_owned))
            .collect()
    }

    /// Number of successfully answered message sends (as counted by [`Self::wait_for_sends`]).
    pub fn accepted_sends(&self) -> usize {
        self.handle.inner.accepted_messages()
    }

    /// Waits until at least `n` message sends were answered successfully (in total since
    /// start or the last [`Self::clear`]); false on timeout. Event-driven, no polling.
    pub async fn wait_for_sends(&self, n: usize, timeout: Duration) -> bool {
        let inner = &self.handle.inner;
        inner
            .wait_until(timeout, || inner.accepted_messages() >= n)
            .await
    }

    /// Waits until at least `n` message sends to `psid` were answered successfully.
    pub async fn wait_for_sends_to(&self, psid: &str, n: usize, timeout: Duration) -> bool {
        let inner = &self.handle.inner;
        inner
            .wait_until(timeout, || inner.accepted_messages_to(psid) >= n)
            .await
    }

    /// Waits until at least `n` requests of any kind were received.
    pub async fn wait_for_requests(&self, n: usize, timeout: Duration) -> bool {
        let inner = &self.handle.inner;
        inner
            .wait_until(timeout, || inner.request_count() >= n)
            .await
    }

    /// Fails the next `n` message sends with HTTP `status` and `body` (e.g. one of
    /// [`crate::graph_errors`]). Scripts queue up: a second call applies after the first
    /// is used up. Failed attempts are still recorded, with their status.
    pub fn fail_next(&self, n: usize, status: u16, body: Value) {
        self.fail_next_on(Endpoint::Messages, n, status, body);
    }

    /// Like [`Self::fail_next`] for any endpoint (e.g. [`Endpoint::PassThreadControl`]).
    pub fn fail_next_on(&self, endpoint: Endpoint, n: usize, status: u16, body: Value) {
        self.answer_next_on(endpoint, n, status, body);
    }

    /// Answers the next `n` requests to `endpoint` with HTTP `status` and `body`, whatever
    /// they are (a failure, or a success shaped for the test, e.g. a `thread_owner` or a
    /// `messenger_profile` read). Queued with [`Self::fail_next_on`]'s scripts, in order;
    /// not used up by requests refused for their authentication.
    pub fn answer_next_on(&self, endpoint: Endpoint, n: usize, status: u16, body: Value) {
        if n > 0 {
            self.handle.inner.push_answer(ScriptedAnswer {
                endpoint,
                remaining: n,
                status,
                body,
            });
        }
    }

    /// From now on answers every request to `endpoint` that no script answers with HTTP
    /// `status` and `body` instead of the mock's default (e.g. a fixed `message_id`).
    pub fn set_answer(&self, endpoint: Endpoint, status: u16, body: Value) {
        self.handle
            .inner
            .set_standing_answer(endpoint, status, body);
    }

    /// From now on, requires every request's `appsecret_proof` to match its access token
    /// under `app_secret`.
    pub fn set_app_secret(&self, app_secret: impl Into<String>) {
        self.handle.inner.set_app_secret(app_secret.into());
    }

    /// True when every request received so far carried its token in an
    /// `Authorization: Bearer` header, with the token nowhere in the request target, and an
    /// `appsecret_proof`; the offending requests otherwise, as `METHOD target`.
    pub fn check_auth(&self) -> Result<(), Vec<String>> {
        let bad: Vec<String> = self
            .sent()
            .iter()
            .filter(|r| {
                let leaked = r
                    .bearer_token
                    .as_deref()
                    .is_none_or(|t| t.is_empty() || r.target.contains(t));
                leaked || r.token_in_url() || r.appsecret_proof().is_none()
            })
            .map(|r| format!("{} {}", r.method, r.target))
            .collect();
        if bad.is_empty() { Ok(()) } else { Err(bad) }
    }

    /// Adds an artificial delay before every answer (`Duration::ZERO` to remove it).
    pub fn set_latency(&self, latency: Duration) {
        self.handle.inner.set_latency(latency);
    }

    /// Makes `GET /me?fields=recipient&account_linking_token={token}` answer with `psid`,
    /// as Meta does for the token it gave that user's account-link button; unknown tokens
    /// get Graph's (#100) error.
    pub fn register_linking_token(&self, token: &str, psid: &str) {
        self.handle.inner.register_linking_token(token, psid);
    }

    /// A fresh `account_linking_token` for `psid`, registered as above: what Messenger
    /// appends to the login page's URL when that user taps the account-link button.
    pub fn linking_token_for(&self, psid: &str) -> String {
        let token = format!("ALT{:032x}", rand::random::<u128>());
        self.register_linking_token(&token, psid);
        token
    }

    /// Forgets every recorded request (scripted failures and latency are kept).
    pub fn clear(&self) {
        self.handle.inner.clear();
    }

    /// A live feed of requests as they are recorded (capacity 65,536; a slow receiver
    /// sees `RecvError::Lagged`). Used by the load tool.
    pub fn subscribe(&self) -> broadcast::Receiver<RecordedRequest> {
        self.handle.inner.subscribe()
    }

    /// Stops the server and waits (at most 5 s) for it to finish. Idempotent.
    pub async fn shutdown(&self) {
        if let Some(stop) = lock(&self.handle.stop).take() {
            let _ = stop.send(());
        }
        let task = lock(&self.handle.task).take();
        if let Some(mut task) = task
            && tokio::time::timeout(Duration::from_secs(5), &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}
