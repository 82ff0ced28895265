//! [`WebhookClient`]: posts signed webhook bodies and times the acknowledgement.

use crate::TestkitError;
use crate::signing::{SIGNATURE_HEADER, sign};
use reqwest::StatusCode;
use std::time::{Duration, Instant};

/// A reqwest client for posting webhooks (keep-alive, no proxy, 10 s timeout).
#[derive(Debug, Clone)]
pub struct WebhookClient {
    http: reqwest::Client,
}

impl WebhookClient {
    /// A client with a small connection pool.
    pub fn new() -> Result<Self, TestkitError> {
        Self::with_pool(16)
    }

    /// A client keeping up to `max_idle` connections per host (use the load concurrency).
    pub fn with_pool(max_idle: usize) -> Result<Self, TestkitError> {
        let http = reqwest::Client::builder()
            .no_proxy()
            .tcp_nodelay(true)
            .pool_max_idle_per_host(max_idle)
            .timeout(Duration::from_secs(10))
            .build()?;
        Ok(Self { http })
    }

    /// Posts `body` with `X-Hub-Signature-256` computed from `app_secret`; returns the status
    /// and the time from sending to receiving the whole response.
    pub async fn post_signed(
        &self,
        url: &str,
        app_secret: &str,
        body: impl Into<Vec<u8>>,
    ) -> Result<(StatusCode, Duration), TestkitError> {
        let body = body.into();
        let signature = sign(app_secret, &body);
        self.post_with_signature(url, Some(&signature), body).await
    }

    /// Serialises `body` compactly in Meta's escaped form, signs and posts it.
    pub async fn post_signed_json(
        &self,
        url: &str,
        app_secret: &str,
        body: &serde_json::Value,
    ) -> Result<(StatusCode, Duration), TestkitError> {
        self.post_signed(url, app_secret, crate::meta_json_bytes(body))
            .await
    }

    /// Posts `body` with the given `X-Hub-Signature-256` value, or none (for negative tests).
    pub async fn post_with_signature(
        &self,
        url: &str,
        signature: Option<&str>,
        body: impl Into<Vec<u8>>,
    ) -> Result<(StatusCode, Duration), TestkitError> {
        let mut request = self
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.into());
        if let Some(signature) = signature {
            request = request.header(SIGNATURE_HEADER, signature);
        }
        let started = Instant::now();
        let response = request.send().await?;
        let status = response.status();
        // Read the body so the connection returns to the pool.
        let _ = response.bytes().await?;
        Ok((status, started.elapsed()))
    }

    /// The underlying reqwest client (e.g. for GET verification requests).
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }
}
