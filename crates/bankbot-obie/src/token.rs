//! Where access tokens come from: the [`TokenProvider`] trait and its two implementations.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use bankbot_bank::{BankError, BankResult, CustomerCredential};
use serde_json::Value;
use tracing::debug;

use crate::error::{Resource, status_error, transport_error};

/// A bearer access token. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(Arc<str>);

impl AccessToken {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Self {
        AccessToken(Arc::from(token.into()))
    }

    /// The token, for the `Authorization` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(<redacted>)")
    }
}

/// Supplies the access token for a customer's calls and renews it when the bank refuses it.
#[async_trait]
pub trait TokenProvider: Send + Sync + fmt::Debug {
    /// A token to try for `credential` (possibly cached).
    async fn access_token(&self, credential: &CustomerCredential) -> BankResult<AccessToken>;

    /// A fresh token after the bank answered 401 to `rejected`. Providers that cannot renew
    /// return [`BankError::ReauthenticationRequired`].
    async fn refresh(
        &self,
        credential: &CustomerCredential,
        rejected: &AccessToken,
    ) -> BankResult<AccessToken>;
}

/// The customer's credential *is* the access token; nothing can renew it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CredentialAsBearer;

#[async_trait]
impl TokenProvider for CredentialAsBearer {
    async fn access_token(&self, credential: &CustomerCredential) -> BankResult<AccessToken> {
        Ok(AccessToken::new(credential.credential.expose()))
    }

    async fn refresh(&self, _: &CustomerCredential, _: &AccessToken) -> BankResult<AccessToken> {
        Err(BankError::ReauthenticationRequired)
    }
}

/// Cached access tokens kept per refresh token; bounded so it cannot grow without limit.
const MAX_CACHED: usize = 10_000;
/// Tokens are renewed this long before the expiry the bank announced.
const EXPIRY_MARGIN: Duration = Duration::from_secs(30);

#[derive(Clone)]
struct Cached {
    token: AccessToken,
    expires: Option<Instant>,
    /// The refresh token to use next, when the bank rotated it.
    rotated_refresh: Option<Arc<str>>,
}

/// OAuth2 refresh-token grant (RFC 6749 §6): the customer's credential is a refresh token,
/// exchanged at `token_url` with `client_id`/`client_secret` in the form body. Access tokens
/// are cached in memory until shortly before `expires_in`; a rotated refresh token is kept
/// in memory too (the stored credential cannot be rewritten through `BankConnector`).
pub struct OAuth2RefreshTokens {
    http: reqwest::Client,
    token_url: url::Url,
    client_id: String,
    client_secret: Option<String>,
    timeout: Duration,
    cache: Mutex<HashMap<String, Cached>>,
    /// Serialises grants, so that concurrent calls that all saw a 401 refresh once (a
    /// second grant with a rotated-away refresh token would fail).
    granting: tokio::sync::Mutex<()>,
}

impl fmt::Debug for OAuth2RefreshTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuth2RefreshTokens")
            .field("token_url", &self.token_url.as_str())
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

impl OAuth2RefreshTokens {
    /// A provider posting to `token_url` with the given client credentials.
    pub fn new(
        http: reqwest::Client,
        token_url: url::Url,
        client_id: impl Into<String>,
        client_secret: Option<String>,
        timeout: Duration,
    ) -> Self {
        OAuth2RefreshTokens {
            http,
            token_url,
            client_id: client_id.into(),
            client_secret,
            timeout,
            cache: Mutex::new(HashMap::new()),
            granting: tokio::sync::Mutex::new(()),
        }
    }

    fn cached(&self, key: &str) -> Option<Cached> {
        let cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        cache.get(key).cloned()
    }

    fn store(&self, key: &str, entry: Cached) {
        let mut cache = self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.len() >= MAX_CACHED {
            let now = Instant::now();
            cache.retain(|_, c| c.expires.is_none_or(|e| e > now));
            if cache.len() >= MAX_CACHED {
                cache.clear();
            }
        }
        cache.insert(key.to_owned(), entry);
    }

    /// The cached, unexpired token of `credential`, unless it is the one the bank `rejected`.
    fn usable(
        &self,
        credential: &CustomerCredential,
        rejected: Option<&AccessToken>,
    ) -> Option<AccessToken> {
        let c = self.cached(credential.credential.expose())?;
        let fresh = c.expires.is_none_or(|e| e > Instant::now());
        (fresh && rejected.is_none_or(|r| *r != c.token)).then_some(c.token)
    }

    /// Runs the refresh-token grant for `credential` and caches the result.
    async fn grant(&self, credential: &CustomerCredential) -> BankResult<AccessToken> {
        let key = credential.credential.expose();
        let refresh_token = self
            .cached(key)
            .and_then(|c| c.rotated_refresh)
            .unwrap_or_else(|| Arc::from(key));
        let mut form = vec![
            ("grant_type", "refresh_token"),
            ("refresh_token", &*refresh_token),
            ("client_id", self.client_id.as_str()),
        ];
        if let Some(secret) = &self.client_secret {
            form.push(("client_secret", secret.as_str()));
        }
        let body = form_urlencoded(&form);
        debug!(token_url = %self.token_url, "obie: refreshing access token");
        let response = self
            .http
            .post(self.token_url.clone())
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .header(reqwest::header::ACCEPT, "application/json")
            .timeout(self.timeout)
            .body(body)
            .send()
            .await
            .map_err(|e| transport_error(&e, self.timeout))?;
        let status = response.status();
        if status.as_u16() == 400 || status.as_u16() == 401 {
            // `invalid_grant`: the refresh token expired or was revoked.
            return Err(BankError::ReauthenticationRequired);
        }
        if !status.is_success() {
            return Err(status_error(
                status,
                response.headers(),
                Resource::TokenEndpoint,
            ));
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|e| transport_error(&e, self.timeout))?;
        let parsed = parse_token_response(&bytes)?;
        let token = AccessToken::new(parsed.access_token);
        self.store(
            key,
            Cached {
                token: token.clone(),
                expires: parsed
                    .expires_in
                    .map(|s| Instant::now() + Duration::from_secs(s).saturating_sub(EXPIRY_MARGIN)),
                rotated_refresh: parsed.refresh_token.map(Arc::from),
            },
        );
        Ok(token)
    }
}

#[async_trait]
impl TokenProvider for OAuth2RefreshTokens {
    async fn access_token(&self, credential: &CustomerCredential) -> BankResult<AccessToken> {
        if let Some(token) = self.usable(credential, None) {
            return Ok(token);
        }
        let _one_at_a_time = self.granting.lock().await;
        match self.usable(credential, None) {
            Some(token) => Ok(token),
            None => self.grant(credential).await,
        }
    }

    async fn refresh(
        &self,
        credential: &CustomerCredential,
        rejected: &AccessToken,
    ) -> BankResult<AccessToken> {
        let _one_at_a_time = self.granting.lock().await;
        // Another call may have refreshed meanwhile: use its token rather than refresh twice.
        match self.usable(credential, Some(rejected)) {
            Some(token) => Ok(token),
            None => self.grant(credential).await,
        }
    }
}

/// The fields of a token response (RFC 6749 §5.1) that matter here.
#[derive(PartialEq, Eq)]
pub(crate) struct TokenResponse {
    pub(crate) access_token: String,
    pub(crate) expires_in: Option<u64>,
    pub(crate) refresh_token: Option<String>,
}

/// Parses a token response leniently (`expires_in` as a number or a string).
pub(crate) fn parse_token_response(body: &[u8]) -> BankResult<TokenResponse> {
    let invalid = |what: &str| BankError::InvalidResponse(format!("token response: {what}"));
    let v: Value = serde_json::from_slice(body).map_err(|_| invalid("not JSON"))?;
    let access_token = v
        .get("access_token")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| invalid("no access_token"))?
        .to_owned();
    let expires_in = v.get("expires_in").and_then(|e| {
        e.as_u64()
            .or_else(|| e.as_str().and_then(|s| s.trim().parse().ok()))
    });
    let refresh_token = v
        .get("refresh_token")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned);
    Ok(TokenResponse {
        access_token,
        expires_in,
        refresh_token,
    })
}

/// `application/x-www-form-urlencoded` encoding of `pairs`.
fn form_urlencoded(pairs: &[(&str, &str)]) -> String {
    let mut ser = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        ser.append_pair(k, v);
    }
    ser.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_responses() {
        let ok =
            parse_token_response(br#"{"access_token":"a","expires_in":"60","refresh_token":"r2"}"#)
                .unwrap();
        assert_eq!(ok.access_token, "a");
        assert_eq!(ok.expires_in, Some(60));
        assert_eq!(ok.refresh_token.as_deref(), Some("r2"));
        assert!(parse_token_response(br#"{"access_token":""}"#).is_err());
        assert!(parse_token_response(b"<html>").is_err());
    }

    proptest::proptest! {
        #[test]
        fn token_parser_never_panics(body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..128)) {
            let _ = parse_token_response(&body);
        }

        #[test]
        fn token_parser_on_json_like_text(body in "\\{(\"(access_token|expires_in|refresh_token)\": ?(\"[a-z0-9 ]{0,8}\"|[0-9-]{1,22}|null|\\{\\}),? ?){0,4}\\}") {
            let _ = parse_token_response(body.as_bytes());
        }
    }

    #[test]
    fn debug_redacts() {
        let t = AccessToken::new("super-secret");
        assert!(!format!("{t:?}").contains("super-secret"));
    }
}
