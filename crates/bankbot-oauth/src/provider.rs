//! [`OAuthLinking`]: the bank's OAuth 2.0 / OpenID Connect login as a [`LinkingProvider`].

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bankbot_bank::{
    ActiveCredential, BankError, BankResult, Credential, CustomerCredential, LinkingProvider,
    LoginStart, PendingLogin, RedirectLogin,
};
use bankbot_core::{Clock, CustomerRef, SystemClock};
use serde::{Deserialize, Serialize};
use tokio::sync::OnceCell;
use url::Url;

use crate::discovery::{Resolved, resolve};
use crate::id_token::{Expected, KeyCache};
use crate::options::Endpoints;
use crate::pkce::{challenge, random_secret};
use crate::token::{TokenClient, TokenSet, read_json, transport_error};
use crate::{OAuthOptions, OAuthOptionsError};

/// The default bound on one call to the bank's login server.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// What the bot keeps between `begin` and `finish` (sealed by the store).
#[derive(Serialize, Deserialize)]
struct Pending {
    verifier: String,
    nonce: String,
}

/// Account linking through the bank's own login: authorization code + PKCE (S256),
/// `client_secret_basic`, the customer from the ID token's `sub` (or userinfo), the token
/// set kept as the link's credential and refreshed when it expires. See the crate docs.
pub struct OAuthLinking {
    options: OAuthOptions,
    configured: Endpoints,
    issuer: Option<Url>,
    http: reqwest::Client,
    resolved: OnceCell<Resolved>,
    keys: KeyCache,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for OAuthLinking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthLinking")
            .field("client_id", &self.options.client_id)
            .field("scopes", &self.options.scopes)
            .field("issuer", &self.issuer.as_ref().map(Url::as_str))
            .finish_non_exhaustive()
    }
}

impl OAuthLinking {
    /// A provider for `options`, checked (each mistake names the `[linking]` key to fix).
    /// Endpoints not given are discovered from the issuer on first use.
    pub fn new(options: OAuthOptions) -> Result<Self, OAuthOptionsError> {
        let (configured, issuer) = options.check()?;
        let http = reqwest::Client::builder()
            .timeout(options.timeout.unwrap_or(DEFAULT_TIMEOUT))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Ok(OAuthLinking {
            options,
            configured,
            issuer,
            http,
            resolved: OnceCell::new(),
            keys: KeyCache::default(),
            clock: Arc::new(SystemClock),
        })
    }

    /// Times token expiry by `clock` instead of the system clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    async fn endpoints(&self) -> BankResult<&Resolved> {
        self.resolved
            .get_or_try_init(|| resolve(&self.http, &self.configured, self.issuer.as_ref()))
            .await
    }

    fn token_client(&self) -> TokenClient<'_> {
        TokenClient {
            http: &self.http,
            client_id: &self.options.client_id,
            client_secret: self.options.client_secret.as_ref(),
        }
    }

    fn wants_openid(&self) -> bool {
        self.options.scopes.iter().any(|s| s == "openid")
    }

    /// The customer the tokens belong to: the ID token's `sub`, else userinfo's.
    async fn subject(
        &self,
        endpoints: &Resolved,
        id_token: Option<&str>,
        access_token: &str,
        nonce: &str,
    ) -> BankResult<String> {
        if let (Some(token), Some(issuer)) = (id_token, endpoints.issuer.as_deref()) {
            let jwks = endpoints.jwks.as_ref().ok_or_else(|| {
                BankError::InvalidResponse("no jwks_uri to check the ID token".into())
            })?;
            let expected = Expected {
                issuer,
                client_id: &self.options.client_id,
                nonce,
            };
            return self.keys.verify(&self.http, jwks, token, &expected).await;
        }
        let Some(userinfo) = &endpoints.userinfo else {
            return Err(BankError::InvalidResponse(
                "the bank sent no ID token and no userinfo_endpoint is known".into(),
            ));
        };
        #[derive(Deserialize)]
        struct UserInfo {
            sub: String,
        }
        let resp = self
            .http
            .get(userinfo.clone())
            .bearer_auth(access_token)
            .send()
            .await
            .map_err(|e| transport_error("userinfo", &e))?;
        let info: UserInfo = read_json("userinfo", resp).await?;
        if info.sub.trim().is_empty() {
            return Err(BankError::InvalidResponse("userinfo: empty subject".into()));
        }
        Ok(info.sub)
    }
}

#[async_trait]
impl RedirectLogin for OAuthLinking {
    async fn begin(&self, callback: &str, state: &str) -> BankResult<LoginStart> {
        let endpoints = self.endpoints().await?;
        let pending = Pending {
            verifier: random_secret(),
            nonce: random_secret(),
        };
        let mut url = endpoints.authorization.clone();
        {
            let mut query = url.query_pairs_mut();
            query
                .append_pair("response_type", "code")
                .append_pair("client_id", &self.options.client_id)
                .append_pair("redirect_uri", callback)
                .append_pair("scope", &self.options.scopes.join(" "))
                .append_pair("state", state)
                .append_pair("code_challenge", &challenge(&pending.verifier))
                .append_pair("code_challenge_method", "S256");
            if self.wants_openid() {
                query.append_pair("nonce", &pending.nonce);
            }
        }
        let kept = serde_json::to_string(&pending)
            .map_err(|e| BankError::InvalidRequest(format!("pending login: {e}")))?;
        Ok(LoginStart {
            url: url.into(),
            pending: PendingLogin::new(kept),
        })
    }

    async fn finish(
        &self,
        callback: &str,
        code: &str,
        pending: &PendingLogin,
    ) -> BankResult<CustomerCredential> {
        let pending: Pending = serde_json::from_str(pending.expose())
            .map_err(|_| BankError::InvalidRequest("unreadable pending login".into()))?;
        let endpoints = self.endpoints().await?;
        let answer = self
            .token_client()
            .exchange_code(&endpoints.token, code, callback, &pending.verifier)
            .await?;
        let tokens = answer.token_set(self.clock.now(), None)?;
        let sub = self
            .subject(
                endpoints,
                answer.id_token.as_deref(),
                &tokens.access_token,
                &pending.nonce,
            )
            .await?;
        Ok(CustomerCredential::new(
            CustomerRef::new(sub),
            tokens.to_credential(),
        ))
    }
}

#[async_trait]
impl LinkingProvider for OAuthLinking {
    // `authorize` and `exchange`: the trait's defaults (no form; the code is exchanged in
    // `RedirectLogin::finish` at /link/callback).

    async fn revoke(&self, credential: &CustomerCredential) -> BankResult<()> {
        let Some(tokens) = TokenSet::from_credential(&credential.credential) else {
            return Ok(());
        };
        let endpoints = self.endpoints().await?;
        let Some(revocation) = &endpoints.revocation else {
            return Ok(());
        };
        let (token, hint) = match &tokens.refresh_token {
            Some(refresh) => (refresh.as_str(), "refresh_token"),
            None => (tokens.access_token.as_str(), "access_token"),
        };
        match self
            .token_client()
            .request(revocation, &[("token", token), ("token_type_hint", hint)])
            .await
        {
            // RFC 7009 answers 200 with an empty body; a token already dead is fine too.
            Ok(_) | Err(BankError::InvalidResponse(_) | BankError::InvalidCredentials) => Ok(()),
            Err(err) => Err(err),
        }
    }

    fn redirect_login(&self) -> Option<&dyn RedirectLogin> {
        Some(self)
    }

    async fn active_credential(&self, stored: &CustomerCredential) -> BankResult<ActiveCredential> {
        let Some(tokens) = TokenSet::from_credential(&stored.credential) else {
            // A credential from another kind of login (the bank switched to OAuth).
            return Err(BankError::ReauthenticationRequired);
        };
        let now = self.clock.now();
        if !tokens.expired(now) {
            return Ok(ActiveCredential {
                credential: CustomerCredential::new(
                    stored.customer.clone(),
                    Credential::new(tokens.access_token),
                ),
                renewed: None,
            });
        }
        let Some(refresh) = tokens.refresh_token.as_deref() else {
            return Err(BankError::ReauthenticationRequired);
        };
        let endpoints = self.endpoints().await?;
        let answer = self
            .token_client()
            .refresh(&endpoints.token, refresh)
            .await?;
        let renewed = answer.token_set(now, Some(refresh))?;
        Ok(ActiveCredential {
            credential: CustomerCredential::new(
                stored.customer.clone(),
                Credential::new(renewed.access_token.clone()),
            ),
            renewed: Some(renewed.to_credential()),
        })
    }
}
