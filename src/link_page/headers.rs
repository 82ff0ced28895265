//! The login page's response headers: a strict Content-Security-Policy (no script at all,
//! the one stylesheet by hash, forms only to this page and Meta's account-linking host),
//! no framing, no referrer, no MIME sniffing.

use std::sync::LazyLock;

use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

use super::html::STYLE;

/// `'sha256-…'` of the page's only `<style>` element.
static STYLE_HASH: LazyLock<String> = LazyLock::new(|| {
    let digest = Sha256::digest(STYLE.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
});

/// The Content-Security-Policy for a page that may post to `form_targets` (origins).
pub fn content_security_policy(form_targets: &[String]) -> String {
    let mut targets = vec!["'self'".to_owned()];
    targets.extend(
        [
            "https://www.facebook.com",
            "https://facebook.com",
            "https://m.facebook.com",
        ]
        .map(str::to_owned),
    );
    targets.extend(form_targets.iter().cloned());
    format!(
        "default-src 'none'; style-src {}; form-action {}; frame-ancestors 'none'; \
         base-uri 'none'",
        *STYLE_HASH,
        targets.join(" ")
    )
}

/// Adds the headers to every response of the router it wraps; `csp` is the policy value.
pub async fn add(State(csp): State<HeaderValue>, req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let headers = resp.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    resp
}
