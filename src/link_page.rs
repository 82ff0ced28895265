//! The bank's login page behind Messenger account linking.
//!
//! `GET /link?account_linking_token=…&redirect_uri=…` shows a form; `POST /link` with the
//! form fields `username`, `password`, `account_linking_token`, `redirect_uri` checks the
//! login with the [`LinkingProvider`] and answers `303 See Other` to `redirect_uri` with
//! `authorization_code=…` appended. A wrong login shows the form again with an error and
//! no redirect. Messenger then sends an `account_linking` webhook carrying that code.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use bankbot_bank::{BankError, LinkingProvider};
use serde::Deserialize;

/// The query of `GET /link`.
#[derive(Debug, Deserialize)]
pub struct LinkQuery {
    #[serde(default)]
    account_linking_token: String,
    #[serde(default)]
    redirect_uri: String,
}

/// The form of `POST /link`. Its `Debug` hides the password.
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

/// Routes `GET /link` and `POST /link`.
pub fn router(provider: Arc<dyn LinkingProvider>) -> Router {
    Router::new()
        .route("/link", get(show).post(submit))
        .with_state(provider)
}

async fn show(Query(q): Query<LinkQuery>) -> Response {
    if !is_web_url(&q.redirect_uri) {
        return bad_request();
    }
    page(
        &q.account_linking_token,
        &q.redirect_uri,
        None,
        StatusCode::OK,
    )
}

async fn submit(
    State(provider): State<Arc<dyn LinkingProvider>>,
    Form(f): Form<LinkForm>,
) -> Response {
    if !is_web_url(&f.redirect_uri) {
        return bad_request();
    }
    match provider.authorize(&f.username, &f.password).await {
        Ok(code) => {
            let sep = if f.redirect_uri.contains('?') {
                '&'
            } else {
                '?'
            };
            let location = format!(
                "{}{sep}authorization_code={}",
                f.redirect_uri,
                url_encode(&code.0)
            );
            tracing::info!("account link login succeeded");
            (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
        }
        Err(BankError::InvalidCredentials) => {
            tracing::info!("account link login refused");
            let msg = "That username and password do not match. Please try again.";
            page(
                &f.account_linking_token,
                &f.redirect_uri,
                Some(msg),
                StatusCode::OK,
            )
        }
        Err(err) => {
            tracing::warn!(error = err.kind(), "account link login failed");
            let msg = "We cannot sign you in right now. Please try again in a few minutes.";
            page(
                &f.account_linking_token,
                &f.redirect_uri,
                Some(msg),
                StatusCode::SERVICE_UNAVAILABLE,
            )
        }
    }
}

fn bad_request() -> Response {
    (
        StatusCode::BAD_REQUEST,
        Html("<!doctype html><p>This link is incomplete: open it from Messenger.</p>"),
    )
        .into_response()
}

/// Only absolute http(s) URLs are followed, so the page cannot be turned into a
/// `javascript:` or relative redirect.
fn is_web_url(uri: &str) -> bool {
    let lower = uri.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !uri.chars().any(|c| c.is_control() || c == ' ')
}

fn page(token: &str, redirect: &str, error: Option<&str>, status: StatusCode) -> Response {
    let error_html = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    let body = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Link your bank account</title>
<style>body{{font-family:system-ui,sans-serif;max-width:24rem;margin:2rem auto;padding:0 1rem}}
label,input,button{{display:block;width:100%;margin:.4rem 0}}input,button{{padding:.6rem;font-size:1rem}}
.error{{color:#a00}}</style></head>
<body><h1>Link your bank account</h1>
<p>Sign in to let the Messenger assistant answer questions about your accounts. You can unlink at any time.</p>
{error_html}
<form method="post" action="link">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<input type="hidden" name="account_linking_token" value="{token}">
<input type="hidden" name="redirect_uri" value="{redirect}">
<button type="submit">Sign in and link</button>
</form></body></html>"#,
        token = escape(token),
        redirect = escape(redirect),
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(body)).into_response()
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("\"><script>"), "&quot;&gt;&lt;script&gt;");
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(is_web_url(
            "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token=x"
        ));
        assert_eq!(url_encode("a b&c"), "a%20b%26c");
    }
}
