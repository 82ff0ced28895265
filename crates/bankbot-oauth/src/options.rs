//! What a bank's OAuth login is: endpoints, client, scopes; checked once at start-up.

use std::fmt;
use std::time::Duration;

use url::Url;

/// The client secret (`client_secret_basic`). `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientSecret(String);

impl ClientSecret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        ClientSecret(secret.into())
    }

    /// The secret, for the `Authorization` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientSecret(<redacted>)")
    }
}

/// The bank's OAuth 2.0 / OpenID Connect login, as `[linking]` describes it.
#[derive(Debug, Clone, Default)]
pub struct OAuthOptions {
    /// Where the customer signs in (`/authorize`); from discovery when absent.
    pub authorization_endpoint: Option<String>,
    /// Where codes and refresh tokens are exchanged; from discovery when absent.
    pub token_endpoint: Option<String>,
    /// Who the access token belongs to, when no ID token says it; from discovery when absent.
    pub userinfo_endpoint: Option<String>,
    /// The issuer's signing keys; from discovery when absent.
    pub jwks_uri: Option<String>,
    /// Where credentials are revoked at unlink (RFC 7009); optional.
    pub revocation_endpoint: Option<String>,
    /// The issuer (`iss` of ID tokens); the other endpoints are discovered from
    /// `{issuer}/.well-known/openid-configuration` when not given.
    pub issuer: Option<String>,
    /// The bot's client id at the bank.
    pub client_id: String,
    /// The bot's client secret (`client_secret_basic`); `None` for a public client.
    pub client_secret: Option<ClientSecret>,
    /// Scopes asked for (`openid` gets an ID token).
    pub scopes: Vec<String>,
    /// How long one call to the bank's login server may take (default 10 s).
    pub timeout: Option<Duration>,
}

/// Why the options cannot work; each names the `[linking]` key to fix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OAuthOptionsError {
    /// No client id.
    #[error(
        "[linking] client_id is required with kind = \"oauth\": the bot's client id at the bank"
    )]
    MissingClientId,
    /// An endpoint is neither given nor discoverable.
    #[error(
        "[linking] {0} is required with kind = \"oauth\" (or set issuer to discover it from \
         /.well-known/openid-configuration)"
    )]
    MissingEndpoint(&'static str),
    /// An endpoint is not an absolute `https://` URL (plain `http://` only on loopback).
    #[error(
        "[linking] {key} = {value:?} is not an https:// URL (http:// only for 127.0.0.1 or localhost)"
    )]
    BadUrl {
        /// The key.
        key: &'static str,
        /// What it holds.
        value: String,
    },
    /// No scope at all.
    #[error("[linking] scopes is empty: list what the bot needs, e.g. [\"openid\", \"accounts\"]")]
    NoScopes,
    /// Nothing can name the customer: no ID token (no `openid` scope) and no userinfo.
    #[error(
        "[linking] the customer cannot be identified: ask for the \"openid\" scope (with \
         issuer set, to check ID tokens) or set userinfo_endpoint"
    )]
    NoSubjectSource,
    /// `openid` without an issuer: ID tokens could not be checked.
    #[error("[linking] issuer is required with the \"openid\" scope, to check ID tokens")]
    MissingIssuer,
}

/// Checked endpoints; unknown ones come from discovery.
#[derive(Debug, Clone, Default)]
pub(crate) struct Endpoints {
    pub(crate) authorization: Option<Url>,
    pub(crate) token: Option<Url>,
    pub(crate) userinfo: Option<Url>,
    pub(crate) jwks: Option<Url>,
    pub(crate) revocation: Option<Url>,
}

/// `value` as an `https://` URL (or `http://` on loopback, for local providers and tests).
pub fn endpoint_url(key: &'static str, value: &str) -> Result<Url, OAuthOptionsError> {
    let bad = || OAuthOptionsError::BadUrl {
        key,
        value: value.to_owned(),
    };
    let url = Url::parse(value.trim()).map_err(|_| bad())?;
    let loopback = matches!(url.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"));
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(bad()),
    }
}

impl OAuthOptions {
    /// The endpoints given, checked; and whether the rest must be discovered.
    pub(crate) fn check(&self) -> Result<(Endpoints, Option<Url>), OAuthOptionsError> {
        if self.client_id.trim().is_empty() {
            return Err(OAuthOptionsError::MissingClientId);
        }
        if self.scopes.iter().all(|s| s.trim().is_empty()) {
            return Err(OAuthOptionsError::NoScopes);
        }
        let parse = |key, value: &Option<String>| {
            value
                .as_deref()
                .filter(|v| !v.trim().is_empty())
                .map(|v| endpoint_url(key, v))
                .transpose()
        };
        let endpoints = Endpoints {
            authorization: parse("authorization_endpoint", &self.authorization_endpoint)?,
            token: parse("token_endpoint", &self.token_endpoint)?,
            userinfo: parse("userinfo_endpoint", &self.userinfo_endpoint)?,
            jwks: parse("jwks_uri", &self.jwks_uri)?,
            revocation: parse("revocation_endpoint", &self.revocation_endpoint)?,
        };
        let issuer = parse("issuer", &self.issuer)?;
        let openid = self.scopes.iter().any(|s| s == "openid");
        if openid && issuer.is_none() {
            return Err(OAuthOptionsError::MissingIssuer);
        }
        if issuer.is_none() {
            if endpoints.authorization.is_none() {
                return Err(OAuthOptionsError::MissingEndpoint("authorization_endpoint"));
            }
            if endpoints.token.is_none() {
                return Err(OAuthOptionsError::MissingEndpoint("token_endpoint"));
            }
            if endpoints.userinfo.is_none() {
                return Err(OAuthOptionsError::NoSubjectSource);
            }
        }
        Ok((endpoints, issuer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> OAuthOptions {
        OAuthOptions {
            authorization_endpoint: Some("https://login.bank.example/authorize".into()),
            token_endpoint: Some("https://login.bank.example/token".into()),
            userinfo_endpoint: Some("https://login.bank.example/userinfo".into()),
            client_id: "bot".into(),
            client_secret: Some(ClientSecret::new("s3cret")),
            scopes: vec!["accounts".into()],
            ..OAuthOptions::default()
        }
    }

    #[test]
    fn configuration_mistakes_name_the_key_to_fix() {
        assert!(full().check().is_ok());
        let cases: Vec<(OAuthOptions, OAuthOptionsError)> = vec![
            (
                OAuthOptions {
                    client_id: " ".into(),
                    ..full()
                },
                OAuthOptionsError::MissingClientId,
            ),
            (
                OAuthOptions {
                    token_endpoint: None,
                    ..full()
                },
                OAuthOptionsError::MissingEndpoint("token_endpoint"),
            ),
            (
                OAuthOptions {
                    authorization_endpoint: None,
                    ..full()
                },
                OAuthOptionsError::MissingEndpoint("authorization_endpoint"),
            ),
            (
                OAuthOptions {
                    userinfo_endpoint: None,
                    ..full()
                },
                OAuthOptionsError::NoSubjectSource,
            ),
            (
                OAuthOptions {
                    scopes: vec!["openid".into()],
                    ..full()
                },
                OAuthOptionsError::MissingIssuer,
            ),
            (
                OAuthOptions {
                    scopes: vec![],
                    ..full()
                },
                OAuthOptionsError::NoScopes,
            ),
            (
                OAuthOptions {
                    token_endpoint: Some("http://login.bank.example/token".into()),
                    ..full()
                },
                OAuthOptionsError::BadUrl {
                    key: "token_endpoint",
                    value: "http://login.bank.example/token".into(),
                },
            ),
        ];
        for (options, expected) in cases {
            assert_eq!(options.check().unwrap_err(), expected);
        }
        // With an issuer, the endpoints may all be discovered.
        let discovered = OAuthOptions {
            issuer: Some("https://login.bank.example".into()),
            client_id: "bot".into(),
            scopes: vec!["openid".into()],
            ..OAuthOptions::default()
        };
        assert!(discovered.check().is_ok());
    }

    #[test]
    fn debug_never_shows_the_client_secret() {
        let shown = format!("{:?}", full());
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
