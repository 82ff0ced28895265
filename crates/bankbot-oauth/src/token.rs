//! The token endpoint (code exchange, refresh, RFC 6749 §4.1.3 and §6) and the token set
//! the link keeps as its credential.

use std::fmt;

use bankbot_bank::{BankError, BankResult, Credential};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use url::Url;

use crate::ClientSecret;

/// The largest answer read from the login server.
const MAX_BODY_BYTES: usize = 256 * 1024;

/// An access token is renewed this long before the bank says it expires.
const EXPIRY_MARGIN_SECS: i64 = 30;

/// What the link keeps for a customer (as its credential, sealed by the store): the
/// access token, the refresh token and when the access token expires. `Debug` shows only
/// whether each is there.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenSet {
    /// The bearer token for the bank's APIs.
    pub access_token: String,
    /// The token that renews it, when the bank gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// When the access token expires (Unix seconds), when the bank said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
}

impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSet")
            .field("refresh_token", &self.refresh_token.is_some())
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl TokenSet {
    /// The token set a stored credential holds; `None` for anything else (a credential
    /// from another kind of login).
    pub fn from_credential(credential: &Credential) -> Option<TokenSet> {
        serde_json::from_str(credential.expose()).ok()
    }

    /// The credential to store.
    pub fn to_credential(&self) -> Credential {
        Credential::new(serde_json::to_string(self).unwrap_or_default())
    }

    /// True when the access token has expired at `now` (or will within a short margin).
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.expires_at
            .is_some_and(|at| now.timestamp() + EXPIRY_MARGIN_SECS >= at)
    }
}

/// A token endpoint's answer (RFC 6749 §5.1). `Debug` shows no token.
#[derive(Deserialize)]
pub struct TokenResponse {
    /// The access token.
    pub access_token: String,
    /// `Bearer`, when said.
    #[serde(default)]
    pub token_type: Option<String>,
    /// Seconds until the access token expires.
    #[serde(default)]
    pub expires_in: Option<i64>,
    /// The refresh token, when given.
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// The ID token, when given.
    #[serde(default)]
    pub id_token: Option<String>,
}

impl fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenResponse")
            .field("expires_in", &self.expires_in)
            .field("refresh_token", &self.refresh_token.is_some())
            .field("id_token", &self.id_token.is_some())
            .finish_non_exhaustive()
    }
}

impl TokenResponse {
    /// The token set to keep; `previous_refresh` stays when the bank did not rotate it.
    pub fn token_set(
        &self,
        now: DateTime<Utc>,
        previous_refresh: Option<&str>,
    ) -> BankResult<TokenSet> {
        if let Some(kind) = &self.token_type
            && !kind.eq_ignore_ascii_case("bearer")
        {
            return Err(BankError::InvalidResponse(
                "token endpoint: the token type is not Bearer".into(),
            ));
        }
        if self.access_token.is_empty() {
            return Err(BankError::InvalidResponse(
                "token endpoint: empty access token".into(),
            ));
        }
        Ok(TokenSet {
            access_token: self.access_token.clone(),
            refresh_token: self
                .refresh_token
                .clone()
                .or_else(|| previous_refresh.map(str::to_owned)),
            expires_at: self
                .expires_in
                .map(|secs| now.timestamp().saturating_add(secs.max(0))),
        })
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: String,
}

/// The bot's client at the bank's token endpoint.
#[derive(Debug, Clone, Copy)]
pub struct TokenClient<'a> {
    /// The HTTP client (no redirects followed).
    pub http: &'a reqwest::Client,
    /// The bot's client id.
    pub client_id: &'a str,
    /// Its secret (`client_secret_basic`); `None` for a public client.
    pub client_secret: Option<&'a ClientSecret>,
}

impl TokenClient<'_> {
    /// Exchanges an authorization code (RFC 6749 §4.1.3, with the PKCE `code_verifier`).
    pub async fn exchange_code(
        &self,
        endpoint: &Url,
        code: &str,
        redirect_uri: &str,
        verifier: &str,
    ) -> BankResult<TokenResponse> {
        self.request(
            endpoint,
            &[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", redirect_uri),
                ("code_verifier", verifier),
            ],
        )
        .await
    }

    /// Renews with a refresh token (RFC 6749 §6); a refused refresh is
    /// `ReauthenticationRequired` (the customer links again).
    pub async fn refresh(&self, endpoint: &Url, refresh_token: &str) -> BankResult<TokenResponse> {
        self.request(
            endpoint,
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh_token),
            ],
        )
        .await
        .map_err(|err| match err {
            BankError::InvalidCredentials => BankError::ReauthenticationRequired,
            other => other,
        })
    }

    /// A token for the bot itself (client credentials, RFC 6749 §4.4).
    pub async fn client_credentials(
        &self,
        endpoint: &Url,
        scope: &str,
    ) -> BankResult<TokenResponse> {
        self.request(
            endpoint,
            &[("grant_type", "client_credentials"), ("scope", scope)],
        )
        .await
    }

    /// POSTs `form` to `endpoint` with `client_secret_basic` (RFC 6749 §2.3.1: id and
    /// secret form-encoded, then Basic). A refused grant is `InvalidCredentials`.
    pub async fn request(
        &self,
        endpoint: &Url,
        form: &[(&str, &str)],
    ) -> BankResult<TokenResponse> {
        let mut fields = form.to_vec();
        if self.client_secret.is_none() {
            // A public client names itself in the form (RFC 6749 §4.1.3).
            fields.push(("client_id", self.client_id));
        }
        let mut req = self.http.post(endpoint.clone()).form(&fields);
        if let Some(secret) = self.client_secret {
            req = req.basic_auth(
                form_encode(self.client_id),
                Some(form_encode(secret.expose())),
            );
        }
        let resp = req
            .send()
            .await
            .map_err(|e| transport_error("token endpoint", &e))?;
        let status = resp.status();
        if status.as_u16() == 400 || status.as_u16() == 401 {
            let body = resp.bytes().await.unwrap_or_default();
            let error = serde_json::from_slice::<ErrorBody>(&body)
                .map(|b| b.error)
                .unwrap_or_default();
            return Err(match error.as_str() {
                "invalid_client" | "unauthorized_client" => {
                    tracing::error!(
                        error = error.as_str(),
                        "the bank refused the bot's client credentials: check [linking] client_id and client_secret"
                    );
                    BankError::Unavailable(format!(
                        "token endpoint refused the client ({error}): check [linking] client_id and client_secret"
                    ))
                }
                _ => {
                    tracing::info!(error = error.as_str(), "token endpoint refused the grant");
                    BankError::InvalidCredentials
                }
            });
        }
        read_json("token endpoint", resp).await
    }
}

fn form_encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// A transport failure, without the URL (it may carry a query).
pub fn transport_error(what: &str, err: &reqwest::Error) -> BankError {
    if err.is_timeout() {
        BankError::Unavailable(format!("{what}: timed out"))
    } else {
        BankError::Unavailable(format!("{what}: {}", without_url(err)))
    }
}

fn without_url(err: &reqwest::Error) -> String {
    let mut text = err.to_string();
    if let Some(url) = err.url() {
        text = text.replace(url.as_str(), "<url>");
    }
    text
}

/// A successful answer's JSON body (bounded); an error status mapped to what the caller
/// can do.
pub async fn read_json<T: DeserializeOwned>(what: &str, resp: reqwest::Response) -> BankResult<T> {
    let status = resp.status();
    if status.as_u16() == 429 {
        return Err(BankError::RateLimited { retry_after: None });
    }
    if status.as_u16() == 401 || status.as_u16() == 403 {
        return Err(BankError::ReauthenticationRequired);
    }
    if !status.is_success() {
        return Err(BankError::Unavailable(format!("{what}: HTTP {status}")));
    }
    if resp
        .content_length()
        .is_some_and(|n| n > MAX_BODY_BYTES as u64)
    {
        return Err(BankError::InvalidResponse(format!(
            "{what}: answer too large"
        )));
    }
    let body = resp.bytes().await.map_err(|e| transport_error(what, &e))?;
    if body.len() > MAX_BODY_BYTES {
        return Err(BankError::InvalidResponse(format!(
            "{what}: answer too large"
        )));
    }
    serde_json::from_slice(&body)
        .map_err(|e| BankError::InvalidResponse(format!("{what}: unreadable answer ({e})")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_token_set_round_trips_as_a_credential_and_hides_its_tokens() {
        let set = TokenSet {
            access_token: "at-secret".into(),
            refresh_token: Some("rt-secret".into()),
            expires_at: Some(1_000),
        };
        assert_eq!(
            TokenSet::from_credential(&set.to_credential()),
            Some(set.clone())
        );
        let shown = format!("{set:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert_eq!(
            TokenSet::from_credential(&Credential::new("demo-token-1")),
            None
        );
    }

    #[test]
    fn expiry_has_a_margin() {
        let at = |secs| Utc.timestamp_opt(secs, 0).single().expect("instant");
        let set = TokenSet {
            access_token: "a".into(),
            refresh_token: None,
            expires_at: Some(1_000),
        };
        assert!(!set.expired(at(900)));
        assert!(set.expired(at(971)));
        assert!(set.expired(at(2_000)));
        let forever = TokenSet {
            expires_at: None,
            ..set
        };
        assert!(!forever.expired(at(2_000)));
    }
}
