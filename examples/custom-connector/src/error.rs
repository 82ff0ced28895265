//! How the core's answers and transport faults become [`BankError`]s, each saying what the
//! bot can do about it.

use std::time::Duration;

use bankbot::prelude::BankError;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Which call failed, for the few statuses whose meaning depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Call {
    /// A login or code exchange: 400/401 mean the customer's input was wrong.
    Login,
    /// Anything with the customer's access token.
    Data,
}

/// A non-success status. `what` names the resource for `NotFound` (never customer data).
pub(crate) fn from_status(
    call: Call,
    status: StatusCode,
    headers: &HeaderMap,
    what: &str,
) -> BankError {
    match (call, status.as_u16()) {
        (Call::Login, 400 | 401) => BankError::InvalidCredentials,
        (Call::Data, 401) => BankError::ReauthenticationRequired,
        (_, 403) => BankError::PermissionMissing(what.to_owned()),
        (_, 404) => BankError::NotFound(what.to_owned()),
        (_, 400 | 409 | 422) => BankError::InvalidRequest(format!("{what}: HTTP {status}")),
        (_, 429) => BankError::RateLimited {
            retry_after: retry_after(headers),
        },
        (_, code) if code >= 500 => BankError::Unavailable(format!("core answered HTTP {code}")),
        (_, code) => BankError::InvalidResponse(format!("unexpected HTTP {code}")),
    }
}

/// `Retry-After` in seconds (the core never sends the HTTP-date form).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

/// A transport fault: no answer in time, no connection, or an unreadable body. The URL is
/// never part of the message.
pub(crate) fn from_transport(err: &reqwest::Error, limit: Duration) -> BankError {
    if err.is_timeout() {
        BankError::Timeout(limit)
    } else if err.is_decode() {
        BankError::InvalidResponse("the core's answer is not the expected JSON".into())
    } else if err.is_connect() {
        BankError::Unavailable("cannot connect to the core".into())
    } else {
        BankError::Unavailable("the connection to the core failed".into())
    }
}
