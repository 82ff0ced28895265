//! The connector's options: where the core-banking API is and how patient to be with it.

use std::time::Duration;

/// Why options were refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OptionsError {
    /// The base URL is not an absolute `http(s)://` URL.
    #[error("CORE_BANKING_URL {0:?} is not an http(s) URL: use e.g. https://core.bank.example")]
    BadUrl(String),
    /// The HTTP client could not be built (TLS set-up failed).
    #[error("HTTP client: {0}")]
    Client(String),
}

/// How to reach the core.
#[derive(Debug, Clone)]
pub struct CoreBankingOptions {
    /// The API's root, e.g. `https://core.bank.example` (no trailing `/v1`).
    pub base_url: url::Url,
    /// The longest one HTTP call may take, connection included.
    pub call_timeout: Duration,
    /// How many times a failed read is tried again (rate limits, outages, timeouts).
    pub retries: u32,
}

impl CoreBankingOptions {
    /// Options for the core at `base_url`, with a 5-second call timeout and 2 retries.
    pub fn new(base_url: &str) -> Result<Self, OptionsError> {
        let url = url::Url::parse(base_url).map_err(|_| OptionsError::BadUrl(base_url.into()))?;
        if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() {
            return Err(OptionsError::BadUrl(base_url.into()));
        }
        Ok(CoreBankingOptions {
            base_url: url,
            call_timeout: Duration::from_secs(5),
            retries: 2,
        })
    }

    /// The same options with another call timeout.
    pub fn with_call_timeout(mut self, limit: Duration) -> Self {
        self.call_timeout = limit;
        self
    }

    /// The same options with another retry count.
    pub fn with_retries(mut self, retries: u32) -> Self {
        self.retries = retries;
        self
    }
}
