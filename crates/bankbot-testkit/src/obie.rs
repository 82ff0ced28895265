//! [`MockObieBank`]: a UK Open Banking bank, in process, for the consent flow's tests.
//!
//! One axum server on `127.0.0.1` plays the bank's authorization server and its AIS API:
//!
//! - `POST /token`: `client_secret_basic`; `client_credentials` (the bot's own token for
//!   consents), `authorization_code` (PKCE S256, single use, bound to its `redirect_uri`;
//!   the answer carries an ES256 ID token with `openbanking_intent_id`), `refresh_token`
//!   (rotated; refused once the consent is over);
//! - `POST/GET/DELETE /open-banking/v3.1/aisp/account-access-consents[/{id}]`;
//! - `GET /authorize`: checks the signed `request` object (ES256 with the client's key,
//!   [`MockObieBank::client_key_pem`]) against the query and the consent, then shows the
//!   bank's login page; `POST /authorize` with `alice` / `mockbank` approves the consent and
//!   sends the browser back with a code (`decision=deny` rejects it: `error=access_denied`);
//! - `GET /jwks`, `/.well-known/openid-configuration`;
//! - `GET /open-banking/v3.1/aisp/accounts[/{id}/balances|/transactions]` for the access
//!   token of an `Authorised` consent (401 for an unknown token, 403 once the consent is
//!   revoked, rejected or expired), echoing `x-fapi-interaction-id`.
//!
//! [`MockObieBank::sign_in`] plays the customer on the login page.

mod data;
mod routes;
mod sign_in;
mod state;

pub use sign_in::Decision;
pub use state::{ALICE_LOGIN, ALICE_PASSWORD, ALICE_SUB, ConsentRequest, MockObieBank, ObieGrant};
