//! [`MockOidcProvider`]: a bank's own login server, in process, for linking tests.
//!
//! It serves `/.well-known/openid-configuration`, `/authorize` (no page: it signs in the
//! customer set with [`MockOidcProvider::sign_in_as`] at once, or refuses consent), `/token`
//! (`client_secret_basic`, PKCE S256, single-use codes bound to their `redirect_uri`,
//! refresh-token rotation), `/userinfo`, `/jwks` (one P-256 key) and `/revoke`. ID tokens
//! are real ES256 JWTs; [`MockOidcProvider::sign_with_rogue_key`] signs them with another
//! key under the same `kid`, as a forger would.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::TestkitError;
use crate::oauth_server::{LoopbackServer, SigningKey};

/// The client the provider knows: the bot's id and secret at the bank.
#[derive(Debug, Clone)]
pub struct OidcClient {
    /// `client_id`.
    pub id: String,
    /// `client_secret` (checked with `client_secret_basic`).
    pub secret: String,
}

/// What the customer does on the bank's consent page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Consent {
    /// Signs in and agrees: a code comes back.
    Approve,
    /// Says no: `error=access_denied` comes back.
    Deny,
}

/// One call of the token endpoint, as the provider saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenGrant {
    /// `grant_type`.
    pub grant_type: String,
    /// Whether the provider issued tokens.
    pub accepted: bool,
}

pub(crate) struct IssuedCode {
    pub(crate) sub: String,
    pub(crate) redirect_uri: String,
    pub(crate) challenge: String,
    pub(crate) nonce: Option<String>,
    pub(crate) used: bool,
}

pub(crate) struct OidcState {
    pub(crate) base_url: String,
    pub(crate) client: OidcClient,
    pub(crate) subject: String,
    pub(crate) consent: Consent,
    pub(crate) access_lifetime_secs: i64,
    pub(crate) refuse_refresh: bool,
    pub(crate) rogue_signature: bool,
    pub(crate) id_tokens: bool,
    pub(crate) codes: HashMap<String, IssuedCode>,
    /// Live access tokens → subject.
    pub(crate) access: HashMap<String, String>,
    /// Live refresh tokens → subject.
    pub(crate) refresh: HashMap<String, String>,
    pub(crate) grants: Vec<TokenGrant>,
    pub(crate) key: SigningKey,
    pub(crate) rogue_key: SigningKey,
}

pub(crate) type Shared = Arc<Mutex<OidcState>>;

pub(crate) fn lock(state: &Shared) -> MutexGuard<'_, OidcState> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The key id of the provider's signing key.
pub(crate) const KEY_ID: &str = "mock-oidc-key-1";

/// A running mock login server on `127.0.0.1`. Stops when dropped.
pub struct MockOidcProvider {
    state: Shared,
    server: LoopbackServer,
}

impl std::fmt::Debug for MockOidcProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockOidcProvider")
            .field("addr", &self.server.addr)
            .finish_non_exhaustive()
    }
}

impl MockOidcProvider {
    /// Starts a provider that knows `client` and signs in `cust-alice` by default.
    pub async fn start(client: OidcClient) -> Result<MockOidcProvider, TestkitError> {
        let (listener, addr) = LoopbackServer::bind().await?;
        let state = Arc::new(Mutex::new(OidcState {
            base_url: format!("http://{addr}"),
            client,
            subject: "cust-alice".to_owned(),
            consent: Consent::Approve,
            access_lifetime_secs: 3600,
            refuse_refresh: false,
            rogue_signature: false,
            id_tokens: true,
            codes: HashMap::new(),
            access: HashMap::new(),
            refresh: HashMap::new(),
            grants: Vec::new(),
            key: SigningKey::generate(),
            rogue_key: SigningKey::generate(),
        }));
        let app = crate::oidc_routes::router(state.clone());
        let server = LoopbackServer::serve(listener, addr, app);
        Ok(MockOidcProvider { state, server })
    }

    /// `http://127.0.0.1:port`: the issuer, and the root of every endpoint.
    pub fn issuer(&self) -> String {
        lock(&self.state).base_url.clone()
    }

    /// Who signs in at the next authorizations (the `sub` of their tokens).
    pub fn sign_in_as(&self, subject: &str) {
        lock(&self.state).subject = subject.to_owned();
    }

    /// What the customer answers on the consent page from now on.
    pub fn set_consent(&self, consent: Consent) {
        lock(&self.state).consent = consent;
    }

    /// The `expires_in` of access tokens issued from now on (0: expired at once).
    pub fn set_access_token_lifetime(&self, secs: i64) {
        lock(&self.state).access_lifetime_secs = secs;
    }

    /// Refuses every refresh from now on (`invalid_grant`), as after a revoked consent.
    pub fn refuse_refresh(&self, refuse: bool) {
        lock(&self.state).refuse_refresh = refuse;
    }

    /// Signs ID tokens with a key that is not in the JWKS (under the published `kid`).
    pub fn sign_with_rogue_key(&self, rogue: bool) {
        lock(&self.state).rogue_signature = rogue;
    }

    /// Whether token answers carry an ID token (without one, the client must ask userinfo).
    pub fn issue_id_tokens(&self, issue: bool) {
        lock(&self.state).id_tokens = issue;
    }

    /// The customer a live access token belongs to; `None` when it was never issued, was
    /// replaced by a refresh or revoked. What a bank's API would check.
    pub fn access_token_owner(&self, token: &str) -> Option<String> {
        lock(&self.state).access.get(token).cloned()
    }

    /// Every token-endpoint call so far, oldest first.
    pub fn token_grants(&self) -> Vec<TokenGrant> {
        lock(&self.state).grants.clone()
    }

    /// Stops the server.
    pub async fn stop(mut self) {
        self.server.stop().await;
    }
}
