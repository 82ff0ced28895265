//! # bankbot-obie — the reference bank connector
//!
//! A [`BankConnector`](bankbot_bank::BankConnector) for any bank exposing the UK Open
//! Banking Account and Transaction API (AIS) v3.1, and the example a bank copies when it
//! writes its own connector crate. It depends on `bankbot-core` and `bankbot-bank` only
//! (plus an HTTP client), never on the runtime.
//!
//! | module | job |
//! |---|---|
//! | [`ObieConfig`] | typed options, deserializable from the `[bank]` TOML table |
//! | [`ObieConnector`] | the trait implementation: pagination, de-duplication, merging, page tokens |
//! | `http` | one GET with `Authorization: Bearer`, a fresh `x-fapi-interaction-id` (checked when echoed), extra static headers, refresh-once on 401 |
//! | [`TokenProvider`] | where access tokens come from; [`OAuth2RefreshTokens`] and [`CredentialAsBearer`] |
//! | [`parse`] | lenient parsers for the three response bodies; identifiers masked as they are read |
//! | [`linking`] | [`ObieLinking`]: the account-access-consent flow (consent, authorization with a signed request object, code exchange, ID-token check, refresh, deletion at unlink) |
//! | `error` | HTTP status → [`BankError`](bankbot_bank::BankError) |
//!
//! Error mapping: 401 → `ReauthenticationRequired` (after one refresh), 403 →
//! `PermissionMissing`, 400 on an account resource → `NotFound`, 429 → `RateLimited` with
//! `Retry-After`, 5xx and connection faults → `Unavailable`, a request timeout → `Timeout`,
//! malformed JSON or a mismatched interaction id → `InvalidResponse`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use bankbot_bank::{BankConnector, Credential, CustomerCredential};
//! use bankbot_core::CustomerRef;
//! use bankbot_obie::{ObieConfig, ObieConnector};
//!
//! let config: ObieConfig = toml::from_str(r#"
//!     base_url = "https://api.alphabank.com/open-banking/v3.1/aisp"
//!     token_url = "https://auth.alphabank.com/oauth2/token"
//!     client_id = "bankbot"
//!     client_secret = "s3cr3t"
//! "#)?;
//! let bank = ObieConnector::from_config(config)?;
//! let credential = CustomerCredential::new(CustomerRef::new("c-1"), Credential::new("refresh-token"));
//! for account in bank.accounts(&credential).await? {
//!     println!("{} {:?}", account.display_name, account.masked_number);
//! }
//! # Ok(()) }
//! ```

mod balance;
mod config;
mod connector;
mod cursor;
mod error;
mod http;
pub mod linking;
pub mod parse;
mod token;
mod wire;

pub use config::ObieConfig;
pub use connector::{DecoratedObie, ObieConnector};
pub use error::ObieError;
pub use http::INTERACTION_ID;
pub use linking::{ObieLinking, ObieLinkingError, ObieLinkingOptions, RequestSigner};
pub use token::{AccessToken, CredentialAsBearer, OAuth2RefreshTokens, TokenProvider};
