//! The bank's login page behind Messenger account linking.
//!
//! `GET /link?account_linking_token=…&redirect_uri=…` shows a form; `POST /link` with the
//! form fields `username`, `password`, `account_linking_token`, `redirect_uri` (and the
//! form's hidden `csrf`) checks the login with the [`LinkingProvider`], mints a login code
//! bound to the token (and to its Messenger user when the bot can ask, see [`LinkCodes`])
//! and answers `303 See Other` to `redirect_uri` with `authorization_code=…` appended.
//! Messenger then sends an `account_linking` webhook carrying that code.
//!
//! What the page checks, in order:
//! - `redirect_uri` must be Meta's account-linking URL ([`redirect`]) or under an `https://`
//!   prefix of `[security] link_redirect_allow`, and the token must be present: otherwise
//!   400 and no code is minted;
//! - the post must carry the CSRF pair the form was shown with ([`csrf`]): otherwise 403;
//! - five failed logins in 15 minutes for a username or from a client address lock both out
//!   for the rest of the window ([`throttle`]): 429 with a polite page.
//!
//! When the bank signs customers in on its own pages (the provider offers a
//! [`RedirectLogin`](bankbot_bank::RedirectLogin), e.g. `[linking] kind = "oauth"`),
//! `GET /link` sends the browser there instead of showing the form, and
//! `GET /link/callback` takes it back ([`bank_login`]).
//!
//! Every answer carries a strict Content-Security-Policy and anti-framing headers (`headers`).

pub mod bank_login;
pub mod csrf;
mod headers;
mod html;
pub mod redirect;
pub mod throttle;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{ConnectInfo, Form, FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bankbot_bank::{BankError, LinkingProvider};
use bankbot_runtime::{LinkCodes, MintError, OwnerLookupError};
use serde::Deserialize;

pub use bank_login::RedirectLogins;
pub use csrf::CsrfGuard;
pub use html::escape;
pub use redirect::{BadAllowEntry, RedirectPolicy, RedirectRefused};
pub use throttle::LoginThrottle;

const INCOMPLETE: &str = "This link is incomplete: open it from Messenger.";
const EXPIRED: &str = "This sign-in link has expired. Go back to Messenger and tap Log In again.";
const STALE_FORM: &str =
    "This sign-in page has expired. Go back to Messenger and tap Log In again.";
const UNAVAILABLE: &str = "We cannot sign you in right now. Please try again in a few minutes.";
const WRONG_LOGIN: &str = "That username and password do not match. Please try again.";
const TOO_MANY: &str = "Too many sign-in attempts. For your security, please wait 15 minutes \
                        and try again, or call us if you need help now.";

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
    #[serde(default)]
    csrf: String,
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
    csrf: CsrfGuard,
    throttle: Arc<LoginThrottle>,
    logins: Option<RedirectLogins>,
}

impl std::fmt::Debug for LinkPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkPage")
            .field("codes", &self.codes)
            .field("redirects", &self.redirects)
            .field("csrf", &self.csrf)
            .finish_non_exhaustive()
    }
}

impl LinkPage {
    /// Checks logins with `provider`, mints codes with `codes`, redirects as `redirects`
    /// allows, and guards posts with `csrf`.
    pub fn new(
        provider: Arc<dyn LinkingProvider>,
        codes: LinkCodes,
        redirects: RedirectPolicy,
        csrf: CsrfGuard,
    ) -> Self {
        LinkPage {
            provider,
            codes,
            redirects,
            csrf,
            throttle: Arc::new(LoginThrottle::new()),
            logins: None,
        }
    }

    /// Keeps redirect logins with `logins` (needed when the provider signs customers in on
    /// the bank's own pages; without it such a provider's `/link` answers 503).
    pub fn with_redirect_logins(mut self, logins: RedirectLogins) -> Self {
        self.logins = Some(logins);
        self
    }
}

/// Routes `GET /link` and `POST /link`.
pub fn router(page: LinkPage) -> Router {
    let csp = headers::content_security_policy(&page.redirects.extra_origins());
    let csp = HeaderValue::from_str(&csp)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"));
    Router::new()
        .route("/link", get(show).post(submit))
        .route("/link/callback", get(callback))
        .with_state(page)
        .layer(middleware::from_fn_with_state(csp, headers::add))
}

/// The client's address, when the server recorded it (`into_make_service_with_connect_info`).
struct ClientAddr(Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(addr)| addr.ip()),
        ))
    }
}

async fn show(State(page): State<LinkPage>, Query(q): Query<LinkQuery>) -> Response {
    if check_request(&page, &q.account_linking_token, &q.redirect_uri).is_none() {
        return html::notice(StatusCode::BAD_REQUEST, INCOMPLETE);
    }
    if let Some(login) = page.provider.redirect_login() {
        return bank_login::start(&page, login, &q.account_linking_token, &q.redirect_uri).await;
    }
    let issued = page.csrf.issue(&q.account_linking_token);
    let mut resp = html::form(
        &q.account_linking_token,
        &q.redirect_uri,
        &issued.field,
        None,
        StatusCode::OK,
    );
    if let Ok(cookie) = HeaderValue::from_str(&issued.set_cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    resp
}

async fn callback(
    State(page): State<LinkPage>,
    request_headers: HeaderMap,
    Query(q): Query<bank_login::CallbackQuery>,
) -> Response {
    bank_login::callback(&page, &request_headers, q).await
}

async fn submit(
    State(page): State<LinkPage>,
    ClientAddr(client): ClientAddr,
    request_headers: HeaderMap,
    Form(f): Form<LinkForm>,
) -> Response {
    let Some(redirect) = check_request(&page, &f.account_linking_token, &f.redirect_uri) else {
        return html::notice(StatusCode::BAD_REQUEST, INCOMPLETE);
    };
    if !page
        .csrf
        .verify(&request_headers, &f.csrf, &f.account_linking_token)
    {
        tracing::warn!("account link post without a matching CSRF token");
        return html::notice(StatusCode::FORBIDDEN, STALE_FORM);
    }
    if page.throttle.is_locked(&f.username, client, Instant::now()) {
        tracing::warn!("account link login throttled");
        return html::notice(StatusCode::TOO_MANY_REQUESTS, TOO_MANY);
    }
    let csrf = page
        .csrf
        .field_again(&request_headers, &f.account_linking_token)
        .unwrap_or_default();
    let again = |msg, status| {
        html::form(
            &f.account_linking_token,
            &f.redirect_uri,
            &csrf,
            msg,
            status,
        )
    };
    let bank_code = match page.provider.authorize(&f.username, &f.password).await {
        Ok(code) => {
            page.throttle.record_success(&f.username, client);
            code
        }
        Err(BankError::InvalidCredentials) => {
            tracing::info!("account link login refused");
            page.throttle
                .record_failure(&f.username, client, Instant::now());
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
