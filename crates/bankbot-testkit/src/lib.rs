//! # bankbot-testkit — testing kit for bankbot's Messenger side
//!
//! Everything a test (or a load measurement) needs to drive a running bankbot server the
//! way Facebook would, without Facebook:
//!
//! - [`MockGraphApi`]: an in-process axum server on `127.0.0.1` that imitates the Graph API
//!   endpoints the bot calls (Send API, handover, Messenger Profile), records every request
//!   (with its `Authorization: Bearer` token), checks `appsecret_proof` once it knows the
//!   app secret, and can fail scripted sends with Graph's documented error bodies
//!   ([`graph_errors`], the `graph_error_*.json` fixtures of the messenger crate's tests),
//!   or answer any endpoint as a test scripts it.
//! - [`sign`] and the [`webhooks`] builders: signed webhook POST bodies shaped exactly like
//!   the webhook fixtures in `crates/bankbot-messenger/tests/fixtures/`, plus
//!   [`meta_json_bytes`] to produce the escaped byte form Meta really sends.
//! - [`MockOidcProvider`]: an in-process OAuth 2.0 / OpenID Connect login server (the
//!   bank's own login) with discovery, PKCE checks, single-use codes, ES256-signed ID
//!   tokens, a JWKS, userinfo, refresh-token rotation and scripted refusals.
//! - [`obie::MockObieBank`]: a UK Open Banking bank (authorization server with consents,
//!   a login page, signed request objects and ID tokens with `openbanking_intent_id`, and
//!   the AIS endpoints) for the Open Banking consent flow.
//! - [`login`] and [`redirect_login`]: the two halves of account linking as Messenger's
//!   webview and a browser drive them (the bot's login form; the redirect to the bank and
//!   back to `/link/callback`, ending with the code the bot hands Messenger).
//! - [`WebhookClient`]: posts signed webhooks and measures the acknowledgement time.
//! - [`ServerHarness`]: a bot server on loopback with its mock Graph API, driven by signed
//!   webhooks; [`ServerHarness::settle`] waits until the server's inbox and outbox are
//!   quiescent (observed, never a fixed sleep).
//! - [`load`]: the core of the `webhook-load` binary (posts many signed webhooks at a
//!   loopback server and reports throughput and latency percentiles).
//!
//! ```no_run
//! # async fn demo() -> Result<(), bankbot_testkit::TestkitError> {
//! use bankbot_testkit::{webhooks, MockGraphApi, WebhookClient};
//! use std::time::Duration;
//!
//! let graph = MockGraphApi::start().await;
//! // ... start the bot with `graph_api_url = graph.base_url()` ...
//! let body = webhooks::text_message("104857600000001", "7423910000000001", "m_1", "hi", 1_718_000_001_123);
//! let client = WebhookClient::new()?;
//! let (status, _elapsed) = client.post_signed_json("http://127.0.0.1:8080/webhook", "secret", &body).await?;
//! assert!(status.is_success());
//! assert!(graph.wait_for_sends(1, Duration::from_secs(5)).await);
//! let replies = graph.sends_to("7423910000000001");
//! # let _ = replies; Ok(()) }
//! ```

mod client;
mod error;
pub mod graph_errors;
mod harness;
mod leaks;
pub mod load;
pub mod login;
mod mock_graph;
mod mock_oidc;
mod mock_routes;
mod oauth_server;
pub mod obie;
mod oidc_routes;
pub mod redirect_login;
pub mod sent;
mod signing;
pub mod webhooks;

pub use client::WebhookClient;
pub use error::TestkitError;
pub use harness::{SETTLE_TIMEOUT, ServerHarness, Shutdown, next_mid};
pub use leaks::find_leak;
pub use mock_graph::{Endpoint, MockGraphApi, RecordedRequest};
pub use mock_oidc::{Consent, MockOidcProvider, OidcClient, TokenGrant};
pub use signing::{SIGNATURE_HEADER, appsecret_proof, meta_escape, meta_json_bytes, sign};
