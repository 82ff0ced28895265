//! The webhook endpoint as a mountable axum [`Router`]: GET verification, POST delivery.
//!
//! POST order of operations: signature header present and well-formed (403) → body read
//! within the limit (413) → HMAC over the raw bytes (403) → JSON (400) → `object == "page"`
//! (else 200, ignored) → events of Pages outside [`WebhookOptions::page_ids`] left out
//! (counted in [`WebhookStats`]) → every other event handed to the [`EventSink`] → 200
//! once it accepted, 500 if it failed, so Meta redelivers instead of the event being lost.
//!
//! An empty App Secret never keys the HMAC: such a router refuses every POST (403).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use async_trait::async_trait;
use axum::Router;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use subtle::ConstantTimeEq;

use crate::event::InboundEvent;
use crate::parse::{PAGE_INBOX_APP_ID, PageFilter, ParseError, ParseOptions, parse_body_at};
use crate::signature::{SIGNATURE_HEADER, SignatureVerifier, decode_header};

/// Default body limit: 1 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// The shortest App Secret [`WebhookOptions::check`] accepts, in bytes (Meta's are 32 hex
/// characters).
pub const MIN_APP_SECRET_LEN: usize = 16;

/// Where the runtime takes delivery of inbound events.
#[async_trait]
pub trait EventSink: Send + Sync {
    /// Stores the events durably (idempotently on `event_id`). The webhook answers 200 only
    /// after this returns `Ok`, and 500 on `Err` so Meta redelivers. Must not do the
    /// conversation turn itself: Meta expects an answer within 5 seconds.
    async fn accept(&self, events: Vec<InboundEvent>) -> Result<(), SinkError>;
}

/// Why a sink did not accept events. Either way the webhook answers 500.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SinkError {
    /// The store is down or overloaded; Meta's retry will bring the events back.
    #[error("event sink unavailable: {0}")]
    Unavailable(String),
    /// The sink refused the events for another reason.
    #[error("event sink failed: {0}")]
    Failed(String),
}

/// Settings of the webhook endpoint.
#[derive(Clone)]
pub struct WebhookOptions {
    /// Route path for GET and POST, default `/webhook`.
    pub path: String,
    /// The token typed into Meta's dashboard, echoed back in `hub.verify_token`.
    pub verify_token: String,
    /// The App Secret that keys `X-Hub-Signature-256`.
    pub app_secret: String,
    /// The previous App Secret, accepted too while a rotation is in progress.
    pub previous_app_secret: Option<String>,
    /// Echoes from this app are human replies (default: the Page Inbox, 263902037430900).
    pub page_inbox_app_id: u64,
    /// Largest accepted body in bytes (default 1 MiB); larger bodies get 413.
    pub body_limit: usize,
    /// The Page ids whose events are processed; events naming any other Page (as the
    /// entry's `id` or the event's Page end) are acknowledged with 200 but never handed to
    /// the sink, and counted in [`WebhookStats`]. Empty (the default): every Page.
    pub page_ids: Vec<String>,
    /// Counters of what the router left out, shared with whoever reports them.
    pub stats: Arc<WebhookStats>,
}

/// What the webhook left out, for metrics.
#[derive(Debug, Default)]
pub struct WebhookStats {
    ignored_unknown_page: AtomicU64,
}

impl WebhookStats {
    /// Events ignored because they belong to a Page outside [`WebhookOptions::page_ids`].
    pub fn ignored_unknown_page(&self) -> u64 {
        self.ignored_unknown_page.load(Ordering::Relaxed)
    }
}

/// Why [`WebhookOptions`] cannot be served safely.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookOptionsError {
    /// An empty verify token would let anyone complete the subscription handshake.
    #[error("the verify token is empty")]
    EmptyVerifyToken,
    /// An empty or short App Secret makes signatures forgeable.
    #[error("the app secret is {len} bytes long; at least {MIN_APP_SECRET_LEN} are required")]
    ShortAppSecret {
        /// Its length in bytes.
        len: usize,
    },
}

impl WebhookOptions {
    /// Options with the defaults for everything but the two secrets.
    pub fn new(verify_token: impl Into<String>, app_secret: impl Into<String>) -> Self {
        WebhookOptions {
            path: "/webhook".to_owned(),
            verify_token: verify_token.into(),
            app_secret: app_secret.into(),
            previous_app_secret: None,
            page_inbox_app_id: PAGE_INBOX_APP_ID,
            body_limit: DEFAULT_BODY_LIMIT,
            page_ids: Vec::new(),
            stats: Arc::default(),
        }
    }

    /// Checks the secrets: a non-empty verify token and an App Secret of at least
    /// [`MIN_APP_SECRET_LEN`] bytes. Whatever this says, [`router`] never verifies a
    /// signature with an empty key.
    pub fn check(&self) -> Result<(), WebhookOptionsError> {
        if self.verify_token.is_empty() {
            return Err(WebhookOptionsError::EmptyVerifyToken);
        }
        if self.app_secret.len() < MIN_APP_SECRET_LEN {
            return Err(WebhookOptionsError::ShortAppSecret {
                len: self.app_secret.len(),
            });
        }
        Ok(())
    }
}

impl std::fmt::Debug for WebhookOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookOptions")
            .field("path", &self.path)
            .field("verify_token", &"<redacted>")
            .field("app_secret", &"<redacted>")
            .field("page_inbox_app_id", &self.page_inbox_app_id)
            .field("body_limit", &self.body_limit)
            .field("page_ids", &self.page_ids)
            .finish_non_exhaustive()
    }
}

struct Shared {
    verify_token: String,
    verifier: SignatureVerifier,
    parse: ParseOptions,
    pages: PageFilter,
    stats: Arc<WebhookStats>,
    body_limit: usize,
    sink: Arc<dyn EventSink>,
}

/// The webhook routes (GET and POST on `options.path`), ready to `merge` or `nest`.
pub fn router(options: WebhookOptions, sink: Arc<dyn EventSink>) -> Router {
    if options.app_secret.is_empty() {
        tracing::error!("the webhook's app secret is empty: every POST will be refused");
    }
    let shared = Arc::new(Shared {
        verifier: SignatureVerifier::new(
            &options.app_secret,
            options.previous_app_secret.as_deref(),
        ),
        verify_token: options.verify_token,
        parse: ParseOptions {
            page_inbox_app_id: options.page_inbox_app_id,
        },
        pages: PageFilter::new(options.page_ids),
        stats: options.stats,
        body_limit: options.body_limit,
        sink,
    });
    Router::new()
        .route(&options.path, get(verify).post(receive))
        .with_state(shared)
}

/// GET: `hub.mode=subscribe` and the right `hub.verify_token` → the challenge, verbatim.
async fn verify(
    State(shared): State<Arc<Shared>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let mode_ok = params.get("hub.mode").map(String::as_str) == Some("subscribe");
    let token = params
        .get("hub.verify_token")
        .map(String::as_bytes)
        .unwrap_or_default();
    let token_ok: bool = token.ct_eq(shared.verify_token.as_bytes()).into();
    match params.get("hub.challenge") {
        Some(challenge) if mode_ok && token_ok && !shared.verify_token.is_empty() => {
            tracing::info!("messenger webhook verified");
            ([(header::CONTENT_TYPE, "text/plain")], challenge.clone()).into_response()
        }
        _ => {
            tracing::warn!(mode_ok, token_ok, "messenger webhook verification refused");
            StatusCode::FORBIDDEN.into_response()
        }
    }
}

/// POST: verify, parse, hand to the sink.
async fn receive(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let digest = match decode_header(parts.headers.get(SIGNATURE_HEADER).map(|v| v.as_bytes())) {
        Ok(d) => d,
        Err(err) => {
            tracing::warn!(%err, "messenger webhook refused");
            return StatusCode::FORBIDDEN.into_response();
        }
    };
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > shared.body_limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let bytes = match read_limited(body, shared.body_limit).await {
        Ok(b) => b,
        Err(status) => return status.into_response(),
    };
    if let Err(err) = shared.verifier.verify_digest(&digest, &bytes) {
        tracing::warn!(%err, len = bytes.len(), "messenger webhook refused");
        return StatusCode::FORBIDDEN.into_response();
    }
    let received_at = chrono::Utc::now();
    let events = match parse_body_at(&bytes, &shared.parse, &shared.pages, received_at) {
        Ok(parsed) => {
            if parsed.ignored_unknown_page > 0 {
                shared
                    .stats
                    .ignored_unknown_page
                    .fetch_add(parsed.ignored_unknown_page as u64, Ordering::Relaxed);
                tracing::warn!(
                    count = parsed.ignored_unknown_page,
                    "ignored webhook events for a Page outside [messenger] page_ids"
                );
            }
            parsed.events
        }
        Err(ParseError::NotPage { object }) => {
            tracing::info!(
                ?object,
                "ignored webhook body that is not a Messenger page body"
            );
            return StatusCode::OK.into_response();
        }
        Err(err) => {
            tracing::warn!(%err, len = bytes.len(), "signed webhook body is not JSON");
            return StatusCode::BAD_REQUEST.into_response();
        }
    };
    if events.is_empty() {
        return StatusCode::OK.into_response();
    }
    let count = events.len();
    match shared.sink.accept(events).await {
        Ok(()) => {
            tracing::debug!(count, "webhook events accepted");
            StatusCode::OK.into_response()
        }
        Err(err) => {
            tracing::error!(%err, count, "webhook events not accepted; Meta will redeliver");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Reads the body, answering 413 past `limit`, 408 when the server's body deadline (an
/// [`std::io::ErrorKind::TimedOut`] error) passed, and 400 if the stream breaks.
async fn read_limited(body: Body, limit: usize) -> Result<bytes::Bytes, StatusCode> {
    match axum::body::to_bytes(body, limit).await {
        Ok(b) => Ok(b),
        Err(err) => {
            let inner = err.into_inner();
            let chain =
                || std::iter::successors(Some(&*inner as &dyn std::error::Error), |e| e.source());
            let too_large = chain().any(|e| e.is::<http_body_util::LengthLimitError>());
            let timed_out = chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut)
            });
            if too_large {
                Err(StatusCode::PAYLOAD_TOO_LARGE)
            } else if timed_out {
                tracing::warn!("webhook body not received in time");
                Err(StatusCode::REQUEST_TIMEOUT)
            } else {
                tracing::warn!("webhook body could not be read");
                Err(StatusCode::BAD_REQUEST)
            }
        }
    }
}
