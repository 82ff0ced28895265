//! Logins on the bank's own pages (OAuth 2.0 authorization code, OpenID Connect, Open
//! Banking consents): the customer's browser is sent to the bank and comes back with a
//! code, and the credential obtained may need renewing before a turn uses it.

use std::fmt;

use async_trait::async_trait;

use crate::{BankResult, Credential, CustomerCredential};

/// A login where the bank signs the customer in on its own pages and sends the browser
/// back to the bot's callback (`{public_url}/link/callback`) with a one-time code.
#[async_trait]
pub trait RedirectLogin: Send + Sync {
    /// Starts a login: where to send the browser, carrying `state` (the bot's own random
    /// value, checked when the browser comes back) and answering to `callback`.
    async fn begin(&self, callback: &str, state: &str) -> BankResult<LoginStart>;

    /// Finishes the login started with `pending`, with the `code` the bank sent back to
    /// `callback`: the customer and the credential to keep for them. A refused or replayed
    /// code is [`BankError::InvalidCredentials`](crate::BankError::InvalidCredentials).
    async fn finish(
        &self,
        callback: &str,
        code: &str,
        pending: &PendingLogin,
    ) -> BankResult<CustomerCredential>;
}

/// Where to send the browser, and what to keep (secretly) until it comes back.
#[derive(Debug, Clone)]
pub struct LoginStart {
    /// The bank's authorization URL, query included.
    pub url: String,
    /// What [`RedirectLogin::finish`] needs (a PKCE verifier, a nonce…).
    pub pending: PendingLogin,
}

/// What a provider keeps between the start and the end of a login: its own secret text
/// (the bot stores it sealed). `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct PendingLogin(String);

impl PendingLogin {
    /// Wraps the provider's text.
    pub fn new(secret: impl Into<String>) -> Self {
        PendingLogin(secret.into())
    }

    /// The text, for the provider that wrote it and for sealing at rest.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for PendingLogin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PendingLogin(<redacted>)")
    }
}

/// The credential a turn uses, from the link as stored ([`LinkingProvider::active_credential`]).
///
/// [`LinkingProvider::active_credential`]: crate::LinkingProvider::active_credential
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveCredential {
    /// What the connectors are called with (for OAuth: the access token).
    pub credential: CustomerCredential,
    /// A new credential to store in place of the old one (a refreshed token set).
    pub renewed: Option<Credential>,
}
