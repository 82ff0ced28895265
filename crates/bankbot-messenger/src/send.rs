//! The Send API client: Reply → Messenger JSON, rate limiting, retries, error classes.

mod build;
mod error;
mod limits;
mod rate;
mod text;
mod utility;

use std::sync::Arc;
use std::time::Duration;

use bankbot_core::Reply;
use reqwest::header::{AUTHORIZATION, HeaderValue};
use serde::Deserialize;
use serde_json::Value;

pub use build::{
    MAX_BUTTONS, MAX_CARDS, MAX_QUICK_REPLIES, MAX_TITLE_CHARS, MessagingType, SenderAction,
    buttons_json, message_body, reply_bodies, sender_action_body,
};
pub use error::{GraphError, SendError, classify};
pub use limits::{LimitBreach, limit_breaches};
pub use rate::RateLimiter;
pub use text::{MAX_TEXT_CHARS, split_text, truncate_chars};
pub use utility::{
    MAX_PARAMETER_CHARS, TemplateParameter, UtilityMessage, is_template_language, is_template_name,
    utility_body,
};

use crate::parse::PAGE_INBOX_APP_ID;
use crate::signature::appsecret_proof;

/// Everything the client needs, in one place (tests point `graph_api_url` at a local server).
#[derive(Clone)]
pub struct SendOptions {
    /// Graph API base URL, default `https://graph.facebook.com`.
    pub graph_api_url: String,
    /// API version, default `v25.0` (use the same as the webhook subscription).
    pub api_version: String,
    /// `me` (default) or the Page id.
    pub page_id: String,
    /// The Page access token.
    pub page_access_token: String,
    /// When set, every call carries `appsecret_proof` (hex HMAC-SHA256 of the token keyed
    /// with the app secret), as Meta's "Require App Secret" setting demands. Set it.
    pub app_secret: Option<String>,
    /// Per-request timeout (default 10 s).
    pub timeout: Duration,
    /// Retries after the first attempt for retryable failures (default 3).
    pub max_retries: u32,
    /// First backoff delay (default 250 ms); doubles per retry, with jitter.
    pub backoff_base: Duration,
    /// Longest backoff delay (default 8 s).
    pub backoff_max: Duration,
    /// Sends per second for this Page (default 250; Meta allows 300).
    pub sends_per_second: u32,
    /// The human agents' app for handover (default: Page Inbox, 263902037430900).
    pub page_inbox_app_id: u64,
}

impl SendOptions {
    /// Defaults for everything but the token.
    pub fn new(page_access_token: impl Into<String>) -> Self {
        SendOptions {
            graph_api_url: "https://graph.facebook.com".to_owned(),
            api_version: "v25.0".to_owned(),
            page_id: "me".to_owned(),
            page_access_token: page_access_token.into(),
            app_secret: None,
            timeout: Duration::from_secs(10),
            max_retries: 3,
            backoff_base: Duration::from_millis(250),
            backoff_max: Duration::from_secs(8),
            sends_per_second: 250,
            page_inbox_app_id: PAGE_INBOX_APP_ID,
        }
    }
}

impl std::fmt::Debug for SendOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SendOptions")
            .field("graph_api_url", &without_password(&self.graph_api_url))
            .field("api_version", &self.api_version)
            .field("page_id", &self.page_id)
            .field("page_access_token", &"<redacted>")
            .field(
                "app_secret",
                &self.app_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("max_retries", &self.max_retries)
            .field("sends_per_second", &self.sends_per_second)
            .finish()
    }
}

/// `url` with the password of its user information (say, a proxy's) replaced.
fn without_password(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("redacted"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// What Meta answered to a delivered reply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendReceipt {
    /// The PSID, as echoed by Meta.
    pub recipient_id: Option<String>,
    /// One id per message sent (none for sender actions); they match later echoes.
    pub message_ids: Vec<String>,
}

#[derive(Deserialize)]
struct SendResponse {
    #[serde(default)]
    recipient_id: Option<String>,
    #[serde(default)]
    message_id: Option<String>,
}

/// A Send API client for one Page. Cheap to clone; clones share the rate limiter.
///
/// Every Graph call carries the Page access token in an `Authorization: Bearer` header
/// (never in the URL, which proxies and logs keep) and, when
/// [`SendOptions::app_secret`] is set, `appsecret_proof`. Errors and logs never show a
/// request URL.
#[derive(Clone)]
pub struct SendClient {
    http: reqwest::Client,
    opts: Arc<SendOptions>,
    /// `Bearer <token>`, marked sensitive; `None` when the token cannot be a header value.
    bearer: Option<HeaderValue>,
    proof: Option<String>,
    limiter: Arc<RateLimiter>,
}

impl std::fmt::Debug for SendClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SendClient")
            .field("opts", &self.opts)
            .finish_non_exhaustive()
    }
}

/// The Page access token is not usable in an HTTP header.
const BAD_TOKEN: &str = "the page access token is not a valid HTTP header value";

impl SendClient {
    /// A client; fails if the TLS backend cannot start or the token cannot be sent.
    pub fn new(opts: SendOptions) -> Result<Self, SendError> {
        let http = reqwest::Client::builder()
            .timeout(opts.timeout)
            .build()
            .map_err(|e| SendError::Setup(e.without_url().to_string()))?;
        let client = Self::with_http(opts, http);
        if client.bearer.is_none() {
            return Err(SendError::Setup(BAD_TOKEN.to_owned()));
        }
        Ok(client)
    }

    /// A client on a caller-provided `reqwest::Client` (calls fail with
    /// [`SendError::Setup`] if the token cannot be sent in a header).
    pub fn with_http(opts: SendOptions, http: reqwest::Client) -> Self {
        let proof = opts
            .app_secret
            .as_deref()
            .map(|s| appsecret_proof(s, &opts.page_access_token));
        let bearer = HeaderValue::try_from(format!("Bearer {}", opts.page_access_token))
            .ok()
            .map(|mut value| {
                value.set_sensitive(true);
                value
            });
        let rate = opts.sends_per_second;
        SendClient {
            http,
            limiter: Arc::new(RateLimiter::new(rate, rate)),
            bearer,
            proof,
            opts: Arc::new(opts),
        }
    }

    /// The options in use.
    pub fn options(&self) -> &SendOptions {
        &self.opts
    }

    /// The same client (connection pool, rate limiter, token) making one attempt per call:
    /// for a caller that owns the retry policy itself, such as the outbox sender, which
    /// reschedules a failed reply through the queue. Retrying here as well would nest
    /// retries inside retries and stretch one send past the claim's send lease.
    pub fn single_attempt(&self) -> SendClient {
        let mut opts = (*self.opts).clone();
        opts.max_retries = 0;
        SendClient {
            http: self.http.clone(),
            limiter: self.limiter.clone(),
            bearer: self.bearer.clone(),
            proof: self.proof.clone(),
            opts: Arc::new(opts),
        }
    }

    /// Delivers a core reply (possibly as several messages, see [`reply_bodies`]).
    /// Stops at the first failure; parts sent before it stay sent, so a caller retrying the
    /// whole reply may repeat them (each part carries the same `metadata`, which shows up
    /// in the echoes for reconciliation).
    pub async fn send_reply(
        &self,
        psid: &str,
        reply: &Reply,
        messaging_type: MessagingType,
        metadata: Option<&str>,
    ) -> Result<SendReceipt, SendError> {
        let bodies = reply_bodies(psid, reply, messaging_type, metadata);
        if bodies.is_empty() {
            return Err(SendError::InvalidReply("reply has no content".to_owned()));
        }
        let mut receipt = SendReceipt::default();
        for body in &bodies {
            let resp = self.send_body(body).await?;
            receipt.recipient_id = resp.recipient_id.or(receipt.recipient_id);
            receipt.message_ids.extend(resp.message_ids);
        }
        Ok(receipt)
    }

    /// Sends plain text (split above 2,000 characters).
    pub async fn send_text(
        &self,
        psid: &str,
        text: &str,
        messaging_type: MessagingType,
        metadata: Option<&str>,
    ) -> Result<SendReceipt, SendError> {
        self.send_reply(psid, &Reply::text(text), messaging_type, metadata)
            .await
    }

    /// Sends a utility message (an approved template, allowed outside the 24-hour window).
    pub async fn send_utility(
        &self,
        psid: &str,
        message: &UtilityMessage,
    ) -> Result<SendReceipt, SendError> {
        self.send_body(&utility_body(psid, message)?).await
    }

    /// Sends `typing_on`, `typing_off` or `mark_seen`.
    pub async fn sender_action(&self, psid: &str, action: SenderAction) -> Result<(), SendError> {
        self.send_body(&sender_action_body(psid, action))
            .await
            .map(|_| ())
    }

    /// POSTs one prepared body to `/{page}/messages`, rate limited and retried.
    pub async fn send_body(&self, body: &Value) -> Result<SendReceipt, SendError> {
        let path = format!("{}/messages", self.opts.page_id);
        let value = self.post(&path, body).await?;
        let resp: SendResponse = serde_json::from_value(value).unwrap_or(SendResponse {
            recipient_id: None,
            message_id: None,
        });
        Ok(SendReceipt {
            recipient_id: resp.recipient_id,
            message_ids: resp.message_id.into_iter().collect(),
        })
    }

    /// POSTs JSON to a Graph path under the configured version (rate limited, retried).
    pub async fn post(&self, path: &str, body: &Value) -> Result<Value, SendError> {
        self.call(reqwest::Method::POST, path, &[], Some(body))
            .await
    }

    /// GETs a Graph path under the configured version with extra query parameters.
    pub async fn get(&self, path: &str, query: &[(&str, &str)]) -> Result<Value, SendError> {
        self.call(reqwest::Method::GET, path, query, None).await
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Value, SendError> {
        let mut attempt = 0u32;
        loop {
            self.limiter.acquire().await;
            let result = self.once(method.clone(), path, query, body).await;
            match result {
                Err(err) if err.is_retryable() && attempt < self.opts.max_retries => {
                    let delay = self.backoff(attempt, &err);
                    tracing::warn!(
                        path,
                        attempt,
                        delay_ms = delay.as_millis() as u64,
                        error = %err,
                        fbtrace_id = ?err.graph().and_then(|g| g.fbtrace_id.as_deref()),
                        "Graph call failed; retrying"
                    );
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                }
                Err(err) => {
                    tracing::warn!(
                        path,
                        error = %err,
                        fbtrace_id = ?err.graph().and_then(|g| g.fbtrace_id.as_deref()),
                        "Graph call failed"
                    );
                    return Err(err);
                }
                Ok(v) => return Ok(v),
            }
        }
    }

    /// Exponential backoff with full jitter ([`bankbot_core::Backoff`]); throttling starts
    /// 4× higher.
    fn backoff(&self, attempt: u32, err: &SendError) -> Duration {
        let factor = if matches!(err, SendError::RateLimited { .. }) {
            4
        } else {
            1
        };
        bankbot_core::Backoff::new(
            self.opts.backoff_base.saturating_mul(factor),
            self.opts.backoff_max,
        )
        .delay(attempt + 1)
    }

    async fn once(
        &self,
        method: reqwest::Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&Value>,
    ) -> Result<Value, SendError> {
        let url = format!(
            "{}/{}/{}",
            self.opts.graph_api_url.trim_end_matches('/'),
            self.opts.api_version,
            path.trim_start_matches('/')
        );
        let Some(bearer) = &self.bearer else {
            return Err(SendError::Setup(BAD_TOKEN.to_owned()));
        };
        let mut req = self
            .http
            .request(method, url)
            .header(AUTHORIZATION, bearer.clone())
            .query(query);
        if let Some(proof) = &self.proof {
            req = req.query(&[("appsecret_proof", proof.as_str())]);
        }
        if let Some(body) = body {
            req = req.json(body);
        }
        let resp = req.send().await.map_err(|e| {
            // reqwest's Display includes the URL: never log it.
            tracing::debug!(error = %e.without_url(), "Graph transport error");
            SendError::RetryLater {
                status: None,
                graph: None,
            }
        })?;
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await.map_err(|_| SendError::RetryLater {
            status: Some(status),
            graph: None,
        })?;
        if (200..300).contains(&status) {
            return Ok(serde_json::from_slice(&bytes).unwrap_or(Value::Null));
        }
        Err(classify(status, &bytes))
    }
}
