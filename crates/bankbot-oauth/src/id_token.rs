//! Checking an ID token (OpenID Connect Core §3.1.3.7): its signature against the issuer's
//! JWKS (asymmetric algorithms only), `iss`, `aud`, `exp` and the login's `nonce`.

use bankbot_bank::{BankError, BankResult};
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tokio::sync::RwLock;
use url::Url;

use crate::token::{read_json, transport_error};

/// Signature algorithms accepted: never `none`, never a shared-secret HMAC.
const ACCEPTED: &[Algorithm] = &[
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

#[derive(Deserialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// What an ID token must match.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// The issuer (`iss`), exactly.
    pub issuer: &'a str,
    /// The bot's client id (`aud`).
    pub client_id: &'a str,
    /// The login's `nonce`.
    pub nonce: &'a str,
}

/// A checked ID token: its subject and its other claims (e.g. Open Banking's
/// `openbanking_intent_id`).
#[derive(Debug, Clone)]
pub struct VerifiedIdToken {
    /// `sub`, never empty.
    pub sub: String,
    /// Every other claim, as sent.
    pub claims: serde_json::Map<String, serde_json::Value>,
}

impl VerifiedIdToken {
    /// The string claim `name`, when present.
    pub fn claim_str(&self, name: &str) -> Option<&str> {
        self.claims.get(name).and_then(serde_json::Value::as_str)
    }
}

/// The issuer's keys, fetched on first use and again when a token names a key not seen
/// yet (the issuer rotated its keys).
#[derive(Debug, Default)]
pub struct KeyCache {
    keys: RwLock<Option<JwkSet>>,
}

fn refused(why: &str) -> BankError {
    tracing::warn!(reason = why, "ID token refused");
    BankError::InvalidResponse(format!("ID token refused: {why}"))
}

impl KeyCache {
    /// The `sub` of `token` once every check passed.
    pub(crate) async fn verify(
        &self,
        http: &reqwest::Client,
        jwks_uri: &Url,
        token: &str,
        expected: &Expected<'_>,
    ) -> BankResult<String> {
        Ok(self
            .verify_token(http, jwks_uri, token, expected)
            .await?
            .sub)
    }

    /// `token` once every check passed (signature against `jwks_uri`'s keys, `iss`, `aud`,
    /// `exp`, `nonce`), with its claims; `InvalidResponse` otherwise.
    pub async fn verify_token(
        &self,
        http: &reqwest::Client,
        jwks_uri: &Url,
        token: &str,
        expected: &Expected<'_>,
    ) -> BankResult<VerifiedIdToken> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| refused("unreadable"))?;
        if !ACCEPTED.contains(&header.alg) {
            return Err(refused("algorithm not accepted"));
        }
        let jwk = match self.find(header.kid.as_deref(), header.alg).await {
            Some(jwk) => jwk,
            None => {
                self.refresh(http, jwks_uri).await?;
                self.find(header.kid.as_deref(), header.alg)
                    .await
                    .ok_or_else(|| refused("no matching key in the issuer's JWKS"))?
            }
        };
        let key = DecodingKey::from_jwk(&jwk).map_err(|_| refused("unusable key"))?;
        let mut validation = Validation::new(header.alg);
        validation.set_issuer(&[expected.issuer]);
        validation.set_audience(&[expected.client_id]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let data = jsonwebtoken::decode::<Claims>(token, &key, &validation).map_err(|e| {
            use jsonwebtoken::errors::ErrorKind;
            refused(match e.kind() {
                ErrorKind::InvalidSignature => "bad signature",
                ErrorKind::ExpiredSignature => "expired",
                ErrorKind::InvalidIssuer => "wrong issuer",
                ErrorKind::InvalidAudience => "wrong audience",
                ErrorKind::MissingRequiredClaim(_) => "a required claim is missing",
                _ => "invalid",
            })
        })?;
        if data.claims.nonce.as_deref() != Some(expected.nonce) {
            return Err(refused("wrong nonce"));
        }
        if data.claims.sub.trim().is_empty() {
            return Err(refused("empty subject"));
        }
        Ok(VerifiedIdToken {
            sub: data.claims.sub,
            claims: data.claims.rest,
        })
    }

    /// The key `kid` names (or the only key usable for `alg` when the token names none).
    async fn find(&self, kid: Option<&str>, alg: Algorithm) -> Option<Jwk> {
        let keys = self.keys.read().await;
        let set = keys.as_ref()?;
        let fits = |jwk: &&Jwk| {
            jwk.common
                .key_algorithm
                .is_none_or(|a| a.to_string() == format!("{alg:?}"))
        };
        match kid {
            Some(kid) => set.find(kid).filter(fits).cloned(),
            None => {
                let mut usable = set.keys.iter().filter(fits);
                let first = usable.next()?;
                usable.next().is_none().then(|| first.clone())
            }
        }
    }

    async fn refresh(&self, http: &reqwest::Client, jwks_uri: &Url) -> BankResult<()> {
        let resp = http
            .get(jwks_uri.clone())
            .send()
            .await
            .map_err(|e| transport_error("JWKS", &e))?;
        let set: JwkSet = read_json("JWKS", resp).await?;
        *self.keys.write().await = Some(set);
        Ok(())
    }
}
