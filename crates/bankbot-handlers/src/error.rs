//! Handler errors and the one place they become customer-safe replies.

use bankbot_bank::BankError;
use bankbot_core::{Button, Lang, MoneyError, Reply};

use crate::catalog::{Msg, t};

/// Why a turn could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HandlerError {
    /// A connector (bank, cards, ATMs, geocoder) failed; its variant says what to do.
    #[error("bank call failed: {0}")]
    Bank(#[from] BankError),
    /// Amounts could not be combined (mixed currencies, overflow) — a connector bug.
    #[error("amount arithmetic failed: {0}")]
    Money(#[from] MoneyError),
    /// A failure outside the handlers (the runtime's store, say), wrapped so that
    /// [`error_reply`] stays the one place errors are phrased for customers.
    #[error("internal failure: {0}")]
    Internal(String),
}

impl HandlerError {
    /// A short, stable, data-free label for logs, metrics and audit entries.
    pub fn kind(&self) -> &'static str {
        match self {
            HandlerError::Bank(e) => e.kind(),
            HandlerError::Money(_) => "money",
            HandlerError::Internal(_) => "internal",
        }
    }

    /// True when trying the same turn again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, HandlerError::Bank(e) if e.is_retryable())
    }
}

/// The customer-safe replies for an error, in `lang`. `link_url` is the account-link
/// page (`{public_url}/link`), used when the bank wants the customer to log in again.
pub fn error_reply(err: &HandlerError, lang: Lang, link_url: &str) -> Vec<Reply> {
    let link = |msg: Msg<'_>| {
        vec![Reply::with_buttons(
            t(lang, msg),
            vec![Button::AccountLink {
                url: link_url.to_owned(),
            }],
        )]
    };
    let text = |msg: Msg<'_>| vec![Reply::text(t(lang, msg))];
    match err {
        HandlerError::Bank(e) => match e {
            BankError::ReauthenticationRequired | BankError::InvalidCredentials => {
                link(Msg::ErrReauth)
            }
            BankError::PermissionMissing(_) => link(Msg::ErrPermission),
            BankError::RateLimited { .. } => text(Msg::ErrBusy),
            BankError::Unavailable(_) | BankError::Timeout(_) => text(Msg::ErrUnavailable),
            BankError::NotFound(_) => text(Msg::ErrNotFound),
            BankError::Unsupported(_) => text(Msg::ErrUnsupported),
            _ => text(Msg::ErrGeneric),
        },
        HandlerError::Money(_) | HandlerError::Internal(_) => text(Msg::ErrGeneric),
    }
}
