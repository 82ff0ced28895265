//! Linking through the bank's own login pages (a [`RedirectLogin`] provider, e.g. OAuth 2.0):
//! `GET /link` sends the browser to the bank, `GET /link/callback` takes it back.
//!
//! - `/link` (request already checked: token present, redirect allowed) picks a random
//!   `state` and a random browser key, set as an `HttpOnly`, `SameSite=Lax` cookie scoped
//!   to `/link` (Lax: the bank's redirect back is a top-level navigation from its site),
//!   keeps the pending login sealed in the store ([`PendingLogins`], 10 minutes) and
//!   answers `302` to the bank's authorization URL.
//! - `/link/callback?code=…&state=…` takes the pending login back once, only with the same
//!   browser key; has the provider exchange the code; mints the bot's own one-time code
//!   for the signed-in customer (bound to the token and, with a page token, to its
//!   Messenger user) and answers `303` to Messenger's `redirect_uri` with it.
//! - `error=access_denied` (the customer said no) shows a polite page that returns to
//!   Messenger without a code; so do a refused code and a failed exchange.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bankbot_bank::{BankError, RedirectLogin};
use bankbot_runtime::{MintError, OwnerLookupError, PendingLogins, PendingRedirect};
use serde::Deserialize;

use super::csrf::{hex_cookie, random_hex};
use super::{EXPIRED, INCOMPLETE, LinkPage, UNAVAILABLE, html, redirect};

/// The cookie binding a pending login to the browser that began it.
pub const COOKIE_NAME: &str = "bankbot_link_login";

const LOGIN_EXPIRED: &str =
    "This sign-in has expired or was already used. Go back to Messenger and tap Log In again.";
const DENIED: &str = "No problem: your account was not linked. You can link it from Messenger \
                      whenever you like.";
const REFUSED: &str = "We could not sign you in. Go back to Messenger and tap Log In to try again.";

/// Where redirect logins are kept and where the bank sends the browser back.
#[derive(Clone, Debug)]
pub struct RedirectLogins {
    pending: PendingLogins,
    callback: String,
    secure_cookie: bool,
}

impl RedirectLogins {
    /// Logins kept by `pending`, for a bot served at `public_url` (the callback is
    /// `{public_url}/link/callback`; cookies are `Secure` when it is `https://`).
    pub fn new(pending: PendingLogins, public_url: &str) -> Self {
        let public_url = public_url.trim_end_matches('/');
        RedirectLogins {
            pending,
            callback: format!("{public_url}/link/callback"),
            secure_cookie: public_url.starts_with("https://"),
        }
    }

    fn cookie(&self, value: &str, max_age: u32) -> Option<HeaderValue> {
        let secure = if self.secure_cookie { "; Secure" } else { "" };
        HeaderValue::from_str(&format!(
            "{COOKIE_NAME}={value}; Path=/link; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
        ))
        .ok()
    }
}

/// `GET /link` for a redirect login: off to the bank.
pub(super) async fn start(
    page: &LinkPage,
    login: &dyn RedirectLogin,
    account_linking_token: &str,
    redirect_uri: &str,
) -> Response {
    let Some(logins) = &page.logins else {
        tracing::error!("the bank signs in by redirect but the link page keeps no pending logins");
        return html::notice(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE);
    };
    let state = random_hex();
    let browser = random_hex();
    let started = match login.begin(&logins.callback, &state).await {
        Ok(started) => started,
        Err(err) => {
            tracing::warn!(error = err.kind(), "the bank's login could not be started");
            return html::notice(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE);
        }
    };
    let pending = PendingRedirect {
        account_linking_token: account_linking_token.to_owned(),
        redirect_uri: redirect_uri.to_owned(),
        login: started.pending,
    };
    if let Err(err) = logins.pending.save(&state, &browser, &pending).await {
        tracing::warn!(error = %err, "a pending sign-in could not be kept");
        return html::notice(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE);
    }
    let Ok(location) = HeaderValue::from_str(&started.url) else {
        tracing::warn!("the bank's authorization URL is not a valid header");
        return html::notice(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE);
    };
    tracing::info!("account link sent to the bank's login");
    let mut resp = StatusCode::FOUND.into_response();
    resp.headers_mut().insert(header::LOCATION, location);
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = logins.cookie(&browser, 600) {
        resp.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    resp
}

/// The query of `GET /link/callback`. `Debug` hides the code and state.
#[derive(Deserialize, Default)]
pub struct CallbackQuery {
    #[serde(default)]
    code: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    error: String,
}

impl std::fmt::Debug for CallbackQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CallbackQuery")
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

/// `GET /link/callback`: the browser is back from the bank.
pub(super) async fn callback(page: &LinkPage, headers: &HeaderMap, q: CallbackQuery) -> Response {
    let mut resp = finish(page, headers, q).await;
    // The browser key is spent either way.
    if let Some(cookie) = page.logins.as_ref().and_then(|l| l.cookie("", 0)) {
        resp.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    resp
}

async fn finish(page: &LinkPage, headers: &HeaderMap, q: CallbackQuery) -> Response {
    let (Some(logins), Some(login)) = (&page.logins, page.provider.redirect_login()) else {
        return html::notice(StatusCode::NOT_FOUND, INCOMPLETE);
    };
    if q.state.is_empty() {
        tracing::warn!("account link callback without a state");
        return html::notice(StatusCode::BAD_REQUEST, INCOMPLETE);
    }
    let browser = hex_cookie(headers, COOKIE_NAME).unwrap_or_default();
    let pending = match logins.pending.take(&q.state, browser).await {
        Ok(Some(pending)) => pending,
        Ok(None) => {
            tracing::warn!("account link callback with an unknown, used or foreign state");
            return html::notice(StatusCode::BAD_REQUEST, LOGIN_EXPIRED);
        }
        Err(err) => {
            tracing::warn!(error = %err, "a pending sign-in could not be read");
            return html::notice(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE);
        }
    };
    // Checked when the login began; checked again so nothing stored can redirect elsewhere.
    let Ok(back) = page
        .redirects
        .check(&pending.redirect_uri, &pending.account_linking_token)
    else {
        tracing::warn!("a pending sign-in holds a redirect that is not allowed");
        return html::notice(StatusCode::BAD_REQUEST, INCOMPLETE);
    };
    if !q.error.is_empty() {
        let denied = q.error == "access_denied";
        tracing::info!(
            denied,
            "the bank's login ended without a code; back to Messenger unlinked"
        );
        return html::back_to_messenger(if denied { DENIED } else { REFUSED }, back.as_str());
    }
    if q.code.is_empty() {
        tracing::warn!("account link callback without a code");
        return html::back_to_messenger(REFUSED, back.as_str());
    }
    let linked = match login
        .finish(&logins.callback, &q.code, &pending.login)
        .await
    {
        Ok(linked) => linked,
        Err(err @ (BankError::InvalidCredentials | BankError::InvalidResponse(_))) => {
            tracing::warn!(
                error = err.kind(),
                "the bank's code or ID token was refused"
            );
            return html::back_to_messenger(REFUSED, back.as_str());
        }
        Err(err) => {
            tracing::warn!(error = err.kind(), "the bank's code could not be exchanged");
            return html::notice(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE);
        }
    };
    match page
        .codes
        .mint_linked(&pending.account_linking_token, &linked)
        .await
    {
        Ok(code) => {
            tracing::info!("account link sign-in at the bank succeeded");
            let location = redirect::with_code(back, &code.0);
            (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
        }
        Err(MintError::MissingToken) => html::notice(StatusCode::BAD_REQUEST, INCOMPLETE),
        Err(MintError::Owner(OwnerLookupError::UnknownToken)) => {
            tracing::warn!("account link token unknown to Messenger; no code minted");
            html::notice(StatusCode::BAD_REQUEST, EXPIRED)
        }
        Err(err) => {
            tracing::warn!(error = %err, "account link code could not be minted");
            html::notice(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE)
        }
    }
}
