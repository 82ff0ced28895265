//! # bankbot-oauth — linking through the bank's own login
//!
//! [`OAuthLinking`] is a [`LinkingProvider`](bankbot_bank::LinkingProvider) for banks that
//! sign their customers in on their own pages (OAuth 2.0 authorization code with PKCE,
//! OpenID Connect):
//!
//! 1. `/link` asks [`RedirectLogin::begin`](bankbot_bank::RedirectLogin::begin) where to send
//!    the browser: the bank's `authorization_endpoint` with `response_type=code`,
//!    `client_id`, `redirect_uri` (the bot's `/link/callback`), `scope`, the bot's `state`,
//!    a `nonce` and an S256 `code_challenge`; the verifier and nonce stay with the bot;
//! 2. `/link/callback` hands the bank's code to
//!    [`RedirectLogin::finish`](bankbot_bank::RedirectLogin::finish): the code is exchanged
//!    at the `token_endpoint` (`client_secret_basic`, with the `code_verifier`), the
//!    customer is the `sub` of the ID token — its signature checked against the issuer's
//!    JWKS, `iss`, `aud`, `exp` and `nonce` checked — or, without one, of the
//!    `userinfo_endpoint`; the token set becomes the link's credential (the store seals it);
//! 3. each turn asks [`active_credential`](bankbot_bank::LinkingProvider::active_credential) for
//!    the access token, refreshed with the refresh token when it has expired; a refused
//!    refresh is `ReauthenticationRequired` (the customer links again).
//!
//! Endpoints come from the options or from the issuer's `/.well-known/openid-configuration`
//! (fetched on first use). Secrets (client secret, tokens, verifier) never reach `Debug` or
//! logs. This crate is HTTP-only: no server; the bot's routes live in the facade crate.

//!
//! The login steps are public for other redirect logins (the Open Banking consent flow of
//! `bankbot-obie` reuses them): [`steps`] has the PKCE values, the token-endpoint client and
//! the ID-token check.

mod discovery;
mod id_token;
mod options;
mod pkce;
mod provider;
mod token;

pub use options::{ClientSecret, OAuthOptions, OAuthOptionsError};
pub use provider::OAuthLinking;
pub use token::TokenSet;

/// The reusable steps of a redirect login: random `state`/`nonce`/PKCE verifier and its
/// S256 challenge, the token endpoint (code exchange, refresh, client credentials with
/// `client_secret_basic`), the ID-token check against the issuer's JWKS, and the bounded
/// JSON reading with status mapping used for each.
pub mod steps {
    pub use crate::id_token::{Expected, KeyCache as IdTokenKeys, VerifiedIdToken};
    pub use crate::options::endpoint_url;
    pub use crate::pkce::{challenge, random_secret};
    pub use crate::token::{TokenClient, TokenResponse, read_json, transport_error};
}
