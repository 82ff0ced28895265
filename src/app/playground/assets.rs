//! The page, its script and its stylesheet, embedded in the binary (no build step), served
//! with a Content-Security-Policy that allows only themselves and calls to this server.

use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const PAGE: &str = include_str!("assets/index.html");
const SCRIPT: &str = include_str!("assets/playground.js");
const STYLE: &str = include_str!("assets/playground.css");

/// Scripts and styles from this server only, requests to it only, no framing. Map links
/// and the login page open in their own windows.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                   connect-src 'self'; img-src 'self' data: https:; form-action 'none'; \
                   frame-ancestors 'none'; base-uri 'none'";

fn with_headers(status: StatusCode, content_type: &'static str, body: String) -> Response {
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
        (
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        // As the login page: same origin, same policy, so the page keeps its handle on the
        // login pop-up (and closes it once signed in) while other sites get none.
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
    ];
    (status, headers, body).into_response()
}

/// `GET /playground`.
pub async fn page() -> Response {
    with_headers(StatusCode::OK, "text/html; charset=utf-8", PAGE.to_owned())
}

/// `GET /playground/playground.js`.
pub async fn script() -> Response {
    with_headers(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        SCRIPT.to_owned(),
    )
}

/// `GET /playground/playground.css`.
pub async fn style() -> Response {
    with_headers(StatusCode::OK, "text/css; charset=utf-8", STYLE.to_owned())
}

/// A small page with one sentence (the login callback's answer).
pub fn notice(status: StatusCode, message: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>bankbot playground</title>\
         <link rel=\"stylesheet\" href=\"/playground/playground.css\"></head>\
         <body class=\"notice\"><main><p role=\"status\" id=\"notice\">{}</p></main></body></html>",
        escape(message)
    );
    with_headers(status, "text/html; charset=utf-8", body)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
