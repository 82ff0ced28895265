//! The mock bank's state and the handle a test holds.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::oauth_server::{LoopbackServer, SigningKey};
use crate::{OidcClient, TestkitError, TokenGrant};

/// The login that approves consents on the mock's page.
pub const ALICE_LOGIN: &str = "alice";
/// Its password.
pub const ALICE_PASSWORD: &str = "mockbank";
/// The `sub` of alice's ID tokens.
pub const ALICE_SUB: &str = "obie-cust-alice";

/// One consent as the bank keeps it.
#[derive(Debug, Clone)]
pub(crate) struct Consent {
    pub(crate) status: String,
    pub(crate) expiration: String,
}

/// A `POST /account-access-consents` as the bank saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRequest {
    /// `Data.Permissions`.
    pub permissions: Vec<String>,
    /// `Data.ExpirationDateTime`.
    pub expiration: String,
    /// The `x-fapi-interaction-id` header, when sent.
    pub interaction_id: Option<String>,
    /// Whether a consent was created.
    pub accepted: bool,
}

/// One token-endpoint call, as [`MockObieBank::token_grants`] lists them.
pub type ObieGrant = TokenGrant;

/// An authorization waiting for the customer's answer on the login page.
pub(crate) struct Waiting {
    pub(crate) consent_id: String,
    pub(crate) redirect_uri: String,
    pub(crate) state: String,
    pub(crate) nonce: String,
    pub(crate) challenge: String,
}

pub(crate) struct Code {
    pub(crate) consent_id: String,
    pub(crate) redirect_uri: String,
    pub(crate) challenge: String,
    pub(crate) nonce: String,
    pub(crate) used: bool,
}

pub(crate) struct BankState {
    pub(crate) base_url: String,
    pub(crate) client: OidcClient,
    pub(crate) key: SigningKey,
    pub(crate) client_key: SigningKey,
    pub(crate) access_lifetime_secs: i64,
    pub(crate) other_intent: bool,
    pub(crate) skip_authorisation: bool,
    pub(crate) consents: HashMap<String, Consent>,
    pub(crate) consent_requests: Vec<ConsentRequest>,
    pub(crate) deleted: Vec<String>,
    pub(crate) waiting: HashMap<String, Waiting>,
    pub(crate) codes: HashMap<String, Code>,
    pub(crate) bot_tokens: HashSet<String>,
    /// Live access tokens → consent id.
    pub(crate) access: HashMap<String, String>,
    /// Live refresh tokens → consent id.
    pub(crate) refresh: HashMap<String, String>,
    pub(crate) grants: Vec<ObieGrant>,
    pub(crate) ais_calls: usize,
}

pub(crate) type Shared = Arc<Mutex<BankState>>;

pub(crate) fn lock(state: &Shared) -> MutexGuard<'_, BankState> {
    state.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A running mock Open Banking bank on `127.0.0.1`. Stops when dropped.
pub struct MockObieBank {
    state: Shared,
    server: LoopbackServer,
}

impl std::fmt::Debug for MockObieBank {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockObieBank")
            .field("addr", &self.server.addr)
            .finish_non_exhaustive()
    }
}

/// The AIS root under the bank's address.
pub(crate) const AISP: &str = "/open-banking/v3.1/aisp";

impl MockObieBank {
    /// Starts a bank that knows `client` (and generates the client's signing key).
    pub async fn start(client: OidcClient) -> Result<MockObieBank, TestkitError> {
        let (listener, addr) = LoopbackServer::bind().await?;
        let state = Arc::new(Mutex::new(BankState {
            base_url: format!("http://{addr}"),
            client,
            key: SigningKey::generate(),
            client_key: SigningKey::generate(),
            access_lifetime_secs: 3600,
            other_intent: false,
            skip_authorisation: false,
            consents: HashMap::new(),
            consent_requests: Vec::new(),
            deleted: Vec::new(),
            waiting: HashMap::new(),
            codes: HashMap::new(),
            bot_tokens: HashSet::new(),
            access: HashMap::new(),
            refresh: HashMap::new(),
            grants: Vec::new(),
            ais_calls: 0,
        }));
        let app = super::routes::router(state.clone());
        let server = LoopbackServer::serve(listener, addr, app);
        Ok(MockObieBank { state, server })
    }

    /// `http://127.0.0.1:port`: the issuer, and the root of the login endpoints.
    pub fn issuer(&self) -> String {
        lock(&self.state).base_url.clone()
    }

    /// The AIS root (`…/open-banking/v3.1/aisp`): `[bank] base_url`.
    pub fn aisp_url(&self) -> String {
        format!("{}{AISP}", self.issuer())
    }

    /// The client's private signing key (PKCS#8 PEM, P-256): the bank knows its public half,
    /// as a real bank knows the key a third party registered.
    pub fn client_key_pem(&self) -> String {
        let der = lock(&self.state).client_key.pkcs8.clone();
        let body = STANDARD.encode(der);
        let mut pem = String::from("-----BEGIN PRIVATE KEY-----\n");
        for line in body.as_bytes().chunks(64) {
            pem.push_str(&String::from_utf8_lossy(line));
            pem.push('\n');
        }
        pem.push_str("-----END PRIVATE KEY-----\n");
        pem
    }

    /// The `expires_in` of customer access tokens issued from now on (0: expired at once).
    pub fn set_access_token_lifetime(&self, secs: i64) {
        lock(&self.state).access_lifetime_secs = secs;
    }

    /// ID tokens name another consent than the one authorised (a mix-up the bot must catch).
    pub fn name_another_intent(&self, other: bool) {
        lock(&self.state).other_intent = other;
    }

    /// The login page issues a code but leaves the consent `AwaitingAuthorisation`.
    pub fn skip_authorisation(&self, skip: bool) {
        lock(&self.state).skip_authorisation = skip;
    }

    /// Sets every consent's status (e.g. `"Revoked"` as when the customer withdraws it in
    /// the bank's app, or `"Expired"`).
    pub fn set_every_consent_status(&self, status: &str) {
        for consent in lock(&self.state).consents.values_mut() {
            consent.status = status.to_owned();
        }
    }

    /// Forgets every consent (and its tokens) without telling the bot, as a bank purging
    /// lapsed consents does: reading one is then `400 UK.OBIE.Resource.NotFound`.
    pub fn forget_consents(&self) {
        let mut s = lock(&self.state);
        s.consents.clear();
        s.access.clear();
        s.refresh.clear();
    }

    /// Every consent id with its status.
    pub fn consents(&self) -> Vec<(String, String)> {
        let s = lock(&self.state);
        let mut all: Vec<_> = s
            .consents
            .iter()
            .map(|(id, c)| (id.clone(), c.status.clone()))
            .collect();
        all.sort();
        all
    }

    /// Every `POST /account-access-consents`, oldest first.
    pub fn consent_requests(&self) -> Vec<ConsentRequest> {
        lock(&self.state).consent_requests.clone()
    }

    /// The consents deleted through `DELETE /account-access-consents/{id}`.
    pub fn deleted_consents(&self) -> Vec<String> {
        lock(&self.state).deleted.clone()
    }

    /// Every token-endpoint call, oldest first.
    pub fn token_grants(&self) -> Vec<ObieGrant> {
        lock(&self.state).grants.clone()
    }

    /// How many AIS calls (accounts, balances, transactions) were answered with data.
    pub fn ais_calls(&self) -> usize {
        lock(&self.state).ais_calls
    }

    /// Stops the server.
    pub async fn stop(mut self) {
        self.server.stop().await;
    }
}
