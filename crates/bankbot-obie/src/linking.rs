//! [`ObieLinking`]: account linking the Open Banking way, as a [`LinkingProvider`] with a
//! [`RedirectLogin`].
//!
//! 1. `begin`: a client-credentials token at the token endpoint, then `POST
//!    /account-access-consents` with the permissions the connector needs ([`PERMISSIONS`])
//!    and an `ExpirationDateTime` (never retried: not idempotent); the browser goes to the
//!    authorization endpoint with `response_type=code`, PKCE (S256), `state`, `nonce` and a
//!    signed `request` object naming the consent (`openbanking_intent_id`);
//! 2. `finish`: the code is exchanged (with the verifier), the ID token is checked against
//!    the bank's JWKS (signature, `iss`, `aud`, `exp`, `nonce`) and its
//!    `openbanking_intent_id` must be the consent; the consent must now be `Authorised`;
//!    the tokens and the consent id become the link's credential ([`ConsentTokens`]);
//! 3. `active_credential`: the access token, refreshed when expired (a refused refresh, or a
//!    consent now `Rejected`/`Revoked`/`Expired`, asks the customer to link again);
//! 4. `revoke` (unlink): `DELETE /account-access-consents/{ConsentId}`.
//!
//! The PKCE values, the token endpoint and the ID-token check are `bankbot-oauth`'s.

mod consent;
mod credential;
mod signer;

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bankbot_bank::{
    ActiveCredential, BankError, BankResult, Credential, CustomerCredential, LinkingProvider,
    LoginStart, PendingLogin, RedirectLogin,
};
use bankbot_core::{Clock, CustomerRef, SystemClock};
use bankbot_oauth::ClientSecret;
use bankbot_oauth::steps::{
    Expected, IdTokenKeys, TokenClient, challenge, endpoint_url, random_secret,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::Mutex;
use url::Url;

pub use consent::{ConsentStatus, PERMISSIONS};
pub use credential::ConsentTokens;
pub use signer::RequestSigner;

use consent::Consents;

/// The default bound on one call to the bank's login or consent endpoints.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a signed request object is valid.
const REQUEST_LIFETIME_SECS: i64 = 300;
/// The claim naming the consent in request objects and ID tokens.
pub const INTENT_CLAIM: &str = "openbanking_intent_id";

/// The bank's Open Banking login, as `[linking]` with `kind = "obie"` describes it.
#[derive(Debug, Clone)]
pub struct ObieLinkingOptions {
    /// Where the customer authorises the consent.
    pub authorization_endpoint: String,
    /// Where codes, refresh tokens and client credentials are exchanged.
    pub token_endpoint: String,
    /// The bank's signing keys (ID tokens).
    pub jwks_uri: String,
    /// The issuer: `iss` of ID tokens and `aud` of request objects.
    pub issuer: String,
    /// `…/aisp/account-access-consents`.
    pub consents_url: String,
    /// The bot's client id at the bank.
    pub client_id: String,
    /// The bot's client secret (`client_secret_basic`).
    pub client_secret: Option<ClientSecret>,
    /// Signs the request objects.
    pub signer: RequestSigner,
    /// Scopes asked for (default `openid accounts`).
    pub scopes: Vec<String>,
    /// Days until a new consent expires (its `ExpirationDateTime`).
    pub consent_days: u32,
    /// How long one call may take (default 10 s).
    pub timeout: Option<Duration>,
}

/// Why the options cannot work; each names the `[linking]` key to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ObieLinkingError {
    /// A required key is empty.
    #[error("[linking] {0} is required with kind = \"obie\"")]
    Missing(&'static str),
    /// An endpoint is not an `https://` URL (plain `http://` only on loopback).
    #[error(
        "[linking] {key} = {value:?} is not an https:// URL (http:// only for 127.0.0.1 or localhost)"
    )]
    BadUrl {
        /// The key.
        key: &'static str,
        /// What it holds.
        value: String,
    },
    /// The signing key cannot be used.
    #[error("[linking] signing_key_file: {0}")]
    SigningKey(&'static str),
    /// An algorithm other than ES256 and PS256.
    #[error("[linking] signing_algorithm = {0:?}: use \"ES256\" or \"PS256\"")]
    SigningAlgorithm(String),
    /// Without `openid` there is no ID token to tie the tokens to the consent.
    #[error(
        "[linking] scopes must include \"openid\" with kind = \"obie\" (the ID token names the consent)"
    )]
    NoOpenId,
    /// A consent must last at least a day.
    #[error("[linking] consent_days must be 1 or more")]
    ConsentDays,
}

struct Endpoints {
    authorization: Url,
    token: Url,
    jwks: Url,
}

/// What the bot keeps between `begin` and `finish` (sealed by the store).
#[derive(Serialize, Deserialize)]
struct Pending {
    verifier: String,
    nonce: String,
    consent_id: String,
}

/// The bot's own access token (client credentials) for the consents endpoint.
struct BotToken {
    token: String,
    expires_at: Option<i64>,
}

/// Account linking through an Open Banking account-access consent. See the module docs.
pub struct ObieLinking {
    options: ObieLinkingOptions,
    endpoints: Endpoints,
    consents: Consents,
    http: reqwest::Client,
    keys: IdTokenKeys,
    bot_token: Mutex<Option<BotToken>>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for ObieLinking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ObieLinking")
            .field("client_id", &self.options.client_id)
            .field("issuer", &self.options.issuer)
            .finish_non_exhaustive()
    }
}

impl ObieLinking {
    /// A provider for `options`, checked (each mistake names the `[linking]` key to fix).
    pub fn new(options: ObieLinkingOptions) -> Result<Self, ObieLinkingError> {
        let url = |key: &'static str, value: &str| {
            if value.trim().is_empty() {
                return Err(ObieLinkingError::Missing(key));
            }
            endpoint_url(key, value).map_err(|_| ObieLinkingError::BadUrl {
                key,
                value: value.to_owned(),
            })
        };
        let endpoints = Endpoints {
            authorization: url("authorization_endpoint", &options.authorization_endpoint)?,
            token: url("token_endpoint", &options.token_endpoint)?,
            jwks: url("jwks_uri", &options.jwks_uri)?,
        };
        url("issuer", &options.issuer)?;
        let consents_url = url("consents_url", &options.consents_url)?;
        if options.client_id.trim().is_empty() {
            return Err(ObieLinkingError::Missing("client_id"));
        }
        if !options.scopes.iter().any(|s| s == "openid") {
            return Err(ObieLinkingError::NoOpenId);
        }
        if options.consent_days == 0 {
            return Err(ObieLinkingError::ConsentDays);
        }
        let http = reqwest::Client::builder()
            .timeout(options.timeout.unwrap_or(DEFAULT_TIMEOUT))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Ok(ObieLinking {
            consents: Consents {
                http: http.clone(),
                url: consents_url,
            },
            options,
            endpoints,
            http,
            keys: IdTokenKeys::default(),
            bot_token: Mutex::new(None),
            clock: Arc::new(SystemClock),
        })
    }

    /// Times tokens and consents by `clock` instead of the system clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    fn token_client(&self) -> TokenClient<'_> {
        TokenClient {
            http: &self.http,
            client_id: &self.options.client_id,
            client_secret: self.options.client_secret.as_ref(),
        }
    }

    /// The bot's client-credentials token, kept until shortly before it expires.
    async fn bot_token(&self) -> BankResult<String> {
        // Wire time: the bank expires its token by its own clock.
        let now = chrono::Utc::now().timestamp();
        let mut kept = self.bot_token.lock().await;
        if let Some(t) = kept.as_ref()
            && t.expires_at.is_none_or(|at| now + 30 < at)
        {
            return Ok(t.token.clone());
        }
        let answer = self
            .token_client()
            .client_credentials(&self.endpoints.token, "accounts")
            .await
            .map_err(|err| match err {
                // The bank refused the bot itself: a configuration problem, not the customer's.
                BankError::InvalidCredentials => BankError::Unavailable(
                    "token endpoint refused the client credentials grant: check [linking] client_id and client_secret".into(),
                ),
                other => other,
            })?;
        let token = answer.access_token.clone();
        *kept = Some(BotToken {
            token: token.clone(),
            expires_at: answer.expires_in.map(|s| now.saturating_add(s.max(0))),
        });
        Ok(token)
    }

    /// Forgets the bot's token after the consents endpoint refused it, so that the next
    /// call takes a new one.
    async fn forget_bot_token(&self, err: &BankError) {
        if matches!(err, BankError::Unavailable(_)) {
            *self.bot_token.lock().await = None;
        }
    }

    /// The status of consent `id`, with the bot's token.
    async fn consent_status(&self, id: &str) -> BankResult<ConsentStatus> {
        let result = self.consents.status(&self.bot_token().await?, id).await;
        if let Err(err) = &result {
            self.forget_bot_token(err).await;
        }
        result
    }

    /// The signed request object for consent `consent_id`.
    fn request_object(
        &self,
        callback: &str,
        state: &str,
        pending: &Pending,
        scope: &str,
    ) -> BankResult<String> {
        // Wire time, not the bot's business clock: the bank checks it against its own.
        let now = chrono::Utc::now().timestamp();
        let intent = json!({ "value": pending.consent_id, "essential": true });
        let claims = json!({
            "iss": self.options.client_id,
            "aud": self.options.issuer,
            "iat": now,
            "nbf": now,
            "exp": now + REQUEST_LIFETIME_SECS,
            "jti": random_secret(),
            "response_type": "code",
            "client_id": self.options.client_id,
            "redirect_uri": callback,
            "scope": scope,
            "state": state,
            "nonce": pending.nonce,
            "code_challenge": challenge(&pending.verifier),
            "code_challenge_method": "S256",
            "claims": {
                "userinfo": { INTENT_CLAIM: intent },
                "id_token": { INTENT_CLAIM: intent },
            },
        });
        self.options.signer.sign(&claims).map_err(|_| {
            tracing::error!(
                "the request object could not be signed: check [linking] signing_key_file"
            );
            BankError::Unavailable("request object: signing failed".into())
        })
    }
}

#[async_trait]
impl RedirectLogin for ObieLinking {
    async fn begin(&self, callback: &str, state: &str) -> BankResult<LoginStart> {
        let token = self.bot_token().await?;
        let expires =
            chrono::Utc::now() + chrono::Duration::days(i64::from(self.options.consent_days));
        let consent_id = match self.consents.create(&token, expires).await {
            Ok(id) => id,
            Err(err) => {
                self.forget_bot_token(&err).await;
                return Err(err);
            }
        };
        let pending = Pending {
            verifier: random_secret(),
            nonce: random_secret(),
            consent_id,
        };
        let scope = self.options.scopes.join(" ");
        let request = self.request_object(callback, state, &pending, &scope)?;
        let mut url = self.endpoints.authorization.clone();
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.options.client_id)
            .append_pair("redirect_uri", callback)
            .append_pair("scope", &scope)
            .append_pair("state", state)
            .append_pair("nonce", &pending.nonce)
            .append_pair("code_challenge", &challenge(&pending.verifier))
            .append_pair("code_challenge_method", "S256")
            .append_pair("request", &request);
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
        let answer = self
            .token_client()
            .exchange_code(&self.endpoints.token, code, callback, &pending.verifier)
            .await?;
        let tokens = answer.token_set(self.clock.now(), None)?;
        let id_token = answer.id_token.as_deref().ok_or_else(|| {
            BankError::InvalidResponse("the bank sent no ID token for the consent".into())
        })?;
        let expected = Expected {
            issuer: self.options.issuer.trim_end_matches('/'),
            client_id: &self.options.client_id,
            nonce: &pending.nonce,
        };
        let verified = self
            .keys
            .verify_token(&self.http, &self.endpoints.jwks, id_token, &expected)
            .await?;
        if verified.claim_str(INTENT_CLAIM) != Some(pending.consent_id.as_str()) {
            tracing::warn!("ID token names another consent than the one authorised");
            return Err(BankError::InvalidResponse(
                "ID token: openbanking_intent_id is not the consent".into(),
            ));
        }
        let status = self
            .consent_status(&pending.consent_id)
            .await
            .map_err(|err| match err {
                BankError::NotFound(_) => BankError::InvalidCredentials,
                other => other,
            })?;
        if status != ConsentStatus::Authorised {
            tracing::warn!(status = ?status, "the consent is not authorised; not linked");
            return Err(BankError::InvalidCredentials);
        }
        let kept = ConsentTokens {
            consent_id: pending.consent_id,
            tokens,
        };
        Ok(CustomerCredential::new(
            CustomerRef::new(verified.sub),
            kept.to_credential(),
        ))
    }
}

#[async_trait]
impl LinkingProvider for ObieLinking {
    // `authorize` and `exchange`: the trait's defaults (no form; the code is exchanged in
    // `RedirectLogin::finish` at /link/callback).

    /// Deletes the consent at the bank: its tokens read nothing any more.
    async fn revoke(&self, credential: &CustomerCredential) -> BankResult<()> {
        let Some(kept) = ConsentTokens::from_credential(&credential.credential) else {
            return Ok(());
        };
        let token = self.bot_token().await?;
        if let Err(err) = self.consents.delete(&token, &kept.consent_id).await {
            self.forget_bot_token(&err).await;
            return Err(err);
        }
        tracing::info!("Open Banking consent deleted at the bank");
        Ok(())
    }

    fn redirect_login(&self) -> Option<&dyn RedirectLogin> {
        Some(self)
    }

    async fn active_credential(&self, stored: &CustomerCredential) -> BankResult<ActiveCredential> {
        let Some(kept) = ConsentTokens::from_credential(&stored.credential) else {
            // A credential from another kind of login: link again through a consent.
            return Err(BankError::ReauthenticationRequired);
        };
        let now = self.clock.now();
        if !kept.tokens.expired(now) {
            return Ok(ActiveCredential {
                credential: CustomerCredential::new(
                    stored.customer.clone(),
                    Credential::new(kept.tokens.access_token),
                ),
                renewed: None,
            });
        }
        let Some(refresh) = kept.tokens.refresh_token.as_deref() else {
            return Err(BankError::ReauthenticationRequired);
        };
        // A consent the customer withdrew (or that lapsed) is not renewed, whatever the
        // token endpoint would say.
        let status = self
            .consent_status(&kept.consent_id)
            .await
            .map_err(|err| match err {
                BankError::NotFound(_) => BankError::ReauthenticationRequired,
                other => other,
            })?;
        if status != ConsentStatus::Authorised {
            tracing::info!(status = ?status, "the Open Banking consent is over; the customer links again");
            return Err(BankError::ReauthenticationRequired);
        }
        let answer = self
            .token_client()
            .refresh(&self.endpoints.token, refresh)
            .await?;
        let renewed = ConsentTokens {
            consent_id: kept.consent_id,
            tokens: answer.token_set(now, Some(refresh))?,
        };
        Ok(ActiveCredential {
            credential: CustomerCredential::new(
                stored.customer.clone(),
                Credential::new(renewed.tokens.access_token.clone()),
            ),
            renewed: Some(renewed.to_credential()),
        })
    }
}
