//! Errors of building a connector, and how HTTP outcomes become [`BankError`]s.

use std::time::Duration;

use bankbot_bank::BankError;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Why an [`ObieConnector`](crate::ObieConnector) could not be built from its configuration.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ObieError {
    /// `base_url` or `token_url` is not an absolute `http(s)` URL.
    #[error("`{field}` is not an absolute http(s) URL")]
    InvalidUrl {
        /// Which setting.
        field: &'static str,
    },
    /// An extra header's name or value cannot be sent over HTTP.
    #[error("extra header `{0}` is not a valid HTTP header")]
    InvalidHeader(String),
    /// `default_currency` is not an ISO 4217 code.
    #[error("`default_currency` is not an ISO 4217 code")]
    InvalidCurrency,
    /// `token_url` is set but `client_id` is missing (or the other way round).
    #[error("`token_url` and `client_id` must be set together")]
    IncompleteOAuth,
    /// The HTTP client could not be built (TLS backend failure).
    #[error("cannot build the HTTP client: {0}")]
    Client(String),
}

/// Which kind of resource a request was for; decides what a 400 means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resource {
    /// `GET /accounts`.
    Accounts,
    /// A resource under `/accounts/{AccountId}`: a 400 means an unknown id.
    AccountScoped,
    /// The OAuth2 token endpoint.
    TokenEndpoint,
}

/// Maps a non-success status to the error a caller can act on (bank-apis §1.3 and §8.6).
pub(crate) fn status_error(
    status: StatusCode,
    headers: &HeaderMap,
    resource: Resource,
) -> BankError {
    match status.as_u16() {
        401 => BankError::ReauthenticationRequired,
        403 => BankError::PermissionMissing(format!("the bank refused access ({status})")),
        400 if resource == Resource::AccountScoped => BankError::NotFound("account".into()),
        400 | 404 | 405 | 406 | 415 => {
            BankError::InvalidResponse(format!("the bank rejected the request ({status})"))
        }
        429 => BankError::RateLimited {
            retry_after: retry_after(headers),
        },
        500..=599 => BankError::Unavailable(format!("the bank answered {status}")),
        _ => BankError::InvalidResponse(format!("unexpected status {status}")),
    }
}

/// `Retry-After` as delay-seconds (RFC 9110 §10.2.3). An HTTP-date is honoured as well.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs.min(86_400)));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let delta = when.signed_duration_since(chrono::Utc::now());
    delta
        .to_std()
        .ok()
        .map(|d| d.min(Duration::from_secs(86_400)))
}

/// Maps a transport failure; `timeout` is the per-request limit that fired, if any.
pub(crate) fn transport_error(err: &reqwest::Error, timeout: Duration) -> BankError {
    if err.is_timeout() {
        BankError::Timeout(timeout)
    } else if err.is_decode() {
        BankError::InvalidResponse("the response body could not be read".into())
    } else {
        // Connection refused or reset, DNS, TLS: worth retrying later. The reqwest error text
        // may carry the URL, which is not secret (no tokens in URLs), but keep it short.
        let kind = if err.is_connect() {
            "connection failed"
        } else {
            "transport error"
        };
        BankError::Unavailable(kind.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn retry_after_seconds_and_garbage() {
        let mut h = HeaderMap::new();
        assert_eq!(retry_after(&h), None);
        h.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
        h.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), None, "a date in the past means no wait");
    }

    #[test]
    fn four_hundred_depends_on_the_resource() {
        let h = HeaderMap::new();
        assert!(matches!(
            status_error(StatusCode::BAD_REQUEST, &h, Resource::AccountScoped),
            BankError::NotFound(_)
        ));
        assert!(matches!(
            status_error(StatusCode::BAD_REQUEST, &h, Resource::Accounts),
            BankError::InvalidResponse(_)
        ));
        assert!(matches!(
            status_error(StatusCode::IM_A_TEAPOT, &h, Resource::TokenEndpoint),
            BankError::InvalidResponse(_)
        ));
    }
}
