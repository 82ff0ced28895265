//! The bot's privacy page and the customer's one-time export.
//!
//! - `GET /privacy` (English or French, from `?lang=en|fr`, else `Accept-Language`): what
//!   Meta sees, what the bot keeps and why, what it never stores, how to see and delete
//!   it, and every record kept with its purpose, all from
//!   [`bankbot_handlers::privacy_facts`] (the same facts the `privacy_info` answer uses,
//!   whose record list is the store's schema), plus the bank's own policy when
//!   `[privacy] policy_url` is set.
//! - `GET /privacy/export/{token}`: the JSON copy behind a link minted by "what do you know
//!   about me?" ([`Bot::redeem_export`]): valid 10 minutes, once; 404 otherwise.
//!
//! [`login_notice`] is the fragment the login page shows before linking.

mod html;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bankbot_core::Lang;
use bankbot_runtime::Bot;
use serde::Deserialize;

pub use html::login_notice;

/// What the privacy routes need.
#[derive(Clone)]
pub struct PrivacyPage {
    bot: Arc<Bot>,
    policy_url: Option<String>,
}

impl std::fmt::Debug for PrivacyPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PrivacyPage")
            .field("policy_url", &self.policy_url)
            .finish_non_exhaustive()
    }
}

/// A `[privacy] policy_url` that is not an `http(s)://` address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("[privacy] policy_url must start with https:// (or http://), without spaces or quotes")]
pub struct BadPolicyUrl;

impl PrivacyPage {
    /// The page for `bot`, with the bank's own policy link if any.
    pub fn new(bot: Arc<Bot>, policy_url: Option<&str>) -> Result<Self, BadPolicyUrl> {
        let policy_url = match policy_url.map(str::trim).filter(|u| !u.is_empty()) {
            None => None,
            Some(url) => {
                let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
                let clean = !url.contains(|c: char| c.is_whitespace() || "\"'<>`".contains(c));
                if !(scheme_ok && clean) {
                    return Err(BadPolicyUrl);
                }
                Some(url.to_owned())
            }
        };
        Ok(PrivacyPage { bot, policy_url })
    }
}

/// `GET /privacy` and `GET /privacy/export/{token}`.
pub fn router(page: PrivacyPage) -> Router {
    Router::new()
        .route("/privacy", get(show))
        .route("/privacy/export/{token}", get(export))
        .with_state(page)
}

#[derive(Debug, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

/// `?lang=` first, then the first English or French entry of `Accept-Language`, else English.
pub fn page_lang(query: Option<&str>, headers: &HeaderMap) -> Lang {
    if let Some(l) = query.and_then(Lang::from_locale) {
        return l;
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    accept
        .split(',')
        .filter_map(|part| part.split(';').next())
        .filter_map(Lang::from_locale)
        .next()
        .unwrap_or(Lang::En)
}

async fn show(
    State(page): State<PrivacyPage>,
    Query(q): Query<LangQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = page_lang(q.lang.as_deref(), &headers);
    let body = html::page(lang, page.policy_url.as_deref());
    let mut response = (StatusCode::OK, axum::response::Html(body)).into_response();
    secure(&mut response, "max-age=300");
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

async fn export(State(page): State<PrivacyPage>, Path(token): Path<String>) -> Response {
    let well_formed = token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit());
    let found = if well_formed {
        page.bot.redeem_export(&token).await
    } else {
        Ok(None)
    };
    let mut response = match found {
        Ok(Some(export)) => match serde_json::to_vec_pretty(&export) {
            Ok(body) => (
                StatusCode::OK,
                [
                    (header::CONTENT_TYPE, "application/json"),
                    (
                        header::CONTENT_DISPOSITION,
                        "attachment; filename=\"my-data.json\"",
                    ),
                ],
                body,
            )
                .into_response(),
            Err(err) => {
                tracing::error!(%err, "export could not be written");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
        Ok(None) => (
            StatusCode::NOT_FOUND,
            "This link has expired or was already used. Ask the assistant \"what do you know \
             about me?\" for a new one.",
        )
            .into_response(),
        Err(err) => {
            tracing::warn!(error = %err, "export unavailable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Please try again in a few minutes.",
            )
                .into_response()
        }
    };
    secure(&mut response, "no-store");
    response
}

/// No scripts, no framing, no referrer (an export link must not leak), and caching as given.
fn secure(response: &mut Response, cache: &'static str) {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
}
