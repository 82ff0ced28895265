//! Typed options for the connector, deserializable from the `[bank]` table of a TOML file.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use serde::Deserialize;

/// Options of an [`ObieConnector`](crate::ObieConnector), as found under `[bank]` with
/// `kind = "obie"` (unknown keys such as `kind` are ignored):
///
/// ```toml
/// [bank]
/// kind = "obie"
/// base_url = "https://api.alphabank.com/open-banking/v3.1/aisp"
/// token_url = "https://auth.alphabank.com/oauth2/token"
/// client_id = "bankbot"
/// client_secret = "s3cr3t"
/// request_timeout_ms = 10000
/// [bank.extra_headers]
/// x-fapi-financial-id = "001580000103UAvAAM"
/// ```
///
/// With `token_url` set, each customer's `Credential` is an OAuth2 refresh token that the
/// connector exchanges for access tokens; without it, the credential is sent as the bearer
/// access token itself.
#[derive(Clone, Deserialize)]
#[serde(default)]
pub struct ObieConfig {
    /// The AIS root, up to and including `/aisp` (no trailing slash needed).
    pub base_url: String,
    /// The OAuth2 token endpoint, when credentials are refresh tokens.
    pub token_url: Option<String>,
    /// The OAuth2 client id registered with the bank.
    pub client_id: Option<String>,
    /// The OAuth2 client secret (sent in the form body, `client_secret_post`).
    pub client_secret: Option<String>,
    /// Limit for one HTTP request, connection included, in milliseconds.
    pub request_timeout_ms: u64,
    /// Limit for opening a connection, in milliseconds.
    pub connect_timeout_ms: u64,
    /// Limit for one whole connector call (every page of it), in milliseconds; enforced by
    /// the bank crate's timeout decorator (see
    /// [`ObieConnector::decorated`](crate::ObieConnector::decorated)).
    pub call_timeout_ms: u64,
    /// Retries of a failed call (rate limits, outages, timeouts) by the retry decorator.
    pub retries: u32,
    /// The most pages followed through `Links.Next` for one account and one call.
    pub max_pages: u32,
    /// Largest response body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Currency assumed for an account whose `Currency` is missing.
    pub default_currency: String,
    /// Static headers sent on every AIS call, e.g. `x-fapi-financial-id`.
    pub extra_headers: BTreeMap<String, String>,
    /// A query without dates ("my last 5 transactions") first fetches only this many days
    /// of history, and the older history only when those days cannot fill the page (or to
    /// confirm the last page): the answers are the same, the requests bounded by recent
    /// activity rather than by the length of the history. 0 fetches everything at once.
    pub recent_window_days: u32,
}

impl Default for ObieConfig {
    fn default() -> Self {
        ObieConfig {
            base_url: String::new(),
            token_url: None,
            client_id: None,
            client_secret: None,
            request_timeout_ms: 10_000,
            connect_timeout_ms: 3_000,
            call_timeout_ms: 30_000,
            retries: 2,
            max_pages: 50,
            max_body_bytes: 8 * 1024 * 1024,
            default_currency: "GBP".into(),
            extra_headers: BTreeMap::new(),
            recent_window_days: 90,
        }
    }
}

impl ObieConfig {
    /// Options for `base_url` with every other setting at its default.
    pub fn new(base_url: impl Into<String>) -> Self {
        ObieConfig {
            base_url: base_url.into(),
            ..ObieConfig::default()
        }
    }

    /// [`Self::request_timeout_ms`] as a duration.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_millis(self.request_timeout_ms.max(1))
    }

    /// [`Self::connect_timeout_ms`] as a duration.
    pub fn connect_timeout(&self) -> Duration {
        Duration::from_millis(self.connect_timeout_ms.max(1))
    }

    /// [`Self::call_timeout_ms`] as a duration.
    pub fn call_timeout(&self) -> Duration {
        Duration::from_millis(self.call_timeout_ms.max(1))
    }
}

impl fmt::Debug for ObieConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ObieConfig")
            .field("base_url", &self.base_url)
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("request_timeout_ms", &self.request_timeout_ms)
            .field("connect_timeout_ms", &self.connect_timeout_ms)
            .field("call_timeout_ms", &self.call_timeout_ms)
            .field("retries", &self.retries)
            .field("max_pages", &self.max_pages)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("default_currency", &self.default_currency)
            .field(
                "extra_headers",
                &self.extra_headers.keys().collect::<Vec<_>>(),
            )
            .finish()
    }
}
