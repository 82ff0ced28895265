//! The bank's login page behind Messenger account linking.
//!
//! `GET /link?account_linking_token=…&redirect_uri=…` shows a form; `POST /link` with the
//! form fields `username`, `password`, `account_linking_token`, `redirect_uri` checks the
//! login with the [`LinkingProvider`], mints a login code bound to the token (and to its
//! Messenger user when the bot can ask, see [`LinkCodes`]) and answers `303 See Other` to
//! `redirect_uri` with `authorization_code=…` appended. Messenger then sends an
//! `account_linking` webhook carrying that code.
//!
//! `redirect_uri` must be Meta's account-linking URL (`https://www.facebook.com/
//! messenger_platform/account_linking…`, [`redirect`]) or an `https://` prefix of
//! `[security] link_redirect_allow`; anything else, or a missing token, is a 400 and no code
//! is minted. A wrong login shows the form again with an error and no redirect.

mod html;
pub mod redirect;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bankbot_bank::{BankError, LinkingProvider};
use bankbot_runtime::{LinkCodes, MintError, OwnerLookupError};
use serde::Deserialize;

pub use redirect::{BadAllowEntry, RedirectPolicy, RedirectRefused};

const INCOMPLETE: &str = "This link is incomplete: open it from Messenger.";
const EXPIRED: &str = "This sign-in link has expired. Go back to Messenger and tap Log In again.";
const UNAVAILABLE: &str = "We cannot sign you in right now. Please try again in a few minutes.";
const WRONG_LOGIN: &str = "That username and password do not match. Please try again.";

/// The query of `GET /link`.
#[derive(Debug, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    account_linking_token: String,
    #[serde(default)]
    redirect_uri: String,
}

/// The form of `POST /link`. Its `Debug` hides everything (password, token).
#[derive(Deserialize)]
pub struct LinkForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    account_linking_token: String,
    #[serde(default)]
    redirect_uri: String,
}

impl std::fmt::Debug for LinkForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkForm").finish_non_exhaustive()
    }
}

/// What the login page needs.
#[derive(Clone)]
pub struct LinkPage {
    provider: Arc<dyn LinkingProvider>,
    codes: LinkCodes,
    redirects: RedirectPolicy,
}

impl std::fmt::Debug for LinkPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkPage")
            .field("codes", &self.codes)
            .field("redirects", &self.redirects)
            .finish_non_exhaustive()
    }
}

impl LinkPage {
    /// Checks logins with `provider`, mints codes with `codes`, redirects as `redirects` allows.
    pub fn new(
        provider: Arc<dyn LinkingProvider>,
        codes: LinkCodes,
        redirects: RedirectPolicy,
    ) -> Self {
        LinkPage {
            provider,
            codes,
            redirects,
        }
    }
}

/// Routes `GET /link` and `POST /link`.
pub fn router(page: LinkPage) -> Router {
    Router::new()
        .route("/link", get(show).post(submit))
        .with_state(page)
}

async fn show(State(page): State<LinkPage>, Query(q): Query<LinkQuery>) -> Response {
    if check_request(&page, &q.account_linking_token, &q.redirect_uri).is_none() {
        return html::notice(StatusCode::BAD_REQUEST, INCOMPLETE);
    }
    html::form(
        &q.account_linking_token,
        &q.redirect_uri,
        None,
        StatusCode::OK,
    )
}

async fn submit(State(page): State<LinkPage>, Form(f): Form<LinkForm>) -> Response {
    let Some(redirect) = check_request(&page, &f.account_linking_token, &f.redirect_uri) else {
        return html::notice(StatusCode::BAD_REQUEST, INCOMPLETE);
    };
    let again = |msg, status| html::form(&f.account_linking_token, &f.redirect_uri, msg, status);
    let bank_code = match page.provider.authorize(&f.username, &f.password).await {
        Ok(code) => code,
        Err(BankError::InvalidCredentials) => {
            tracing::info!("account link login refused");
            return again(Some(WRONG_LOGIN), StatusCode::OK);
        }
        Err(err) => {
            tracing::warn!(error = err.kind(), "account link login failed");
            return again(Some(UNAVAILABLE), StatusCode::SERVICE_UNAVAILABLE);
        }
    };
    match page.codes.mint(&f.account_linking_token, bank_code).await {
        Ok(code) => {
            tracing::info!("account link login succeeded");
            let location = redirect::with_code(redirect, &code.0);
            (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
        }
        Err(MintError::MissingToken) => html::notice(StatusCode::BAD_REQUEST, INCOMPLETE),
        Err(MintError::Owner(OwnerLookupError::UnknownToken)) => {
            tracing::warn!("account link token unknown to Messenger; no code minted");
            html::notice(StatusCode::BAD_REQUEST, EXPIRED)
        }
        Err(err) => {
            tracing::warn!(error = %err, "account link code could not be minted");
            again(Some(UNAVAILABLE), StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

/// The redirect to send the code to, when the token is present and the redirect allowed
/// for it; `None` (logged) otherwise.
fn check_request(page: &LinkPage, token: &str, redirect_uri: &str) -> Option<url::Url> {
    if token.trim().is_empty() {
        tracing::warn!("account link request without a token");
        return None;
    }
    page.redirects
        .check(redirect_uri, token)
        .map_err(|refused| tracing::warn!(reason = %refused, "account link redirect refused"))
        .ok()
}
