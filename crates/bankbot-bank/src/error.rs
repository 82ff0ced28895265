//! The one error type every connector returns.

use std::time::Duration;

/// What went wrong talking to the bank, phrased as what the caller can do about it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BankError {
    /// The customer's credential is expired or revoked: ask them to link again.
    #[error("the customer must authenticate again")]
    ReauthenticationRequired,
    /// The username or password (or one-time code) is wrong.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The customer's consent lacks a permission this call needs.
    #[error("permission missing: {0}")]
    PermissionMissing(String),
    /// The account, card or page token does not exist for this customer.
    #[error("not found: {0}")]
    NotFound(String),
    /// The bank asks us to slow down; retry after the given delay when known.
    #[error("rate limited")]
    RateLimited {
        /// How long the bank asked us to wait.
        retry_after: Option<Duration>,
    },
    /// The bank is down or unreachable; worth retrying later.
    #[error("bank unavailable: {0}")]
    Unavailable(String),
    /// The call took longer than allowed.
    #[error("bank call timed out after {0:?}")]
    Timeout(Duration),
    /// The bank answered with something we cannot read.
    #[error("invalid response from the bank: {0}")]
    InvalidResponse(String),
    /// The request itself is invalid (bad page token, inverted range …).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// This connector does not offer the operation.
    #[error("operation not supported: {0}")]
    Unsupported(&'static str),
}

impl BankError {
    /// True for errors worth retrying with the same request: rate limits, outages, timeouts.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            BankError::RateLimited { .. } | BankError::Unavailable(_) | BankError::Timeout(_)
        )
    }

    /// A short, stable, data-free label for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            BankError::ReauthenticationRequired => "reauthentication_required",
            BankError::InvalidCredentials => "invalid_credentials",
            BankError::PermissionMissing(_) => "permission_missing",
            BankError::NotFound(_) => "not_found",
            BankError::RateLimited { .. } => "rate_limited",
            BankError::Unavailable(_) => "unavailable",
            BankError::Timeout(_) => "timeout",
            BankError::InvalidResponse(_) => "invalid_response",
            BankError::InvalidRequest(_) => "invalid_request",
            BankError::Unsupported(_) => "unsupported",
        }
    }
}

/// Shorthand for connector results.
pub type BankResult<T> = Result<T, BankError>;
