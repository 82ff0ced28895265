//! The login page's HTML: the form, its error line, and the short pages for links that
//! cannot be used. Every value is escaped.

use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

/// The page's only stylesheet (allowed by hash in the Content-Security-Policy).
pub const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:24rem;margin:2rem auto;padding:0 1rem}\
label,input,button{display:block;width:100%;margin:.4rem 0}input,button{padding:.6rem;font-size:1rem}\
.error{color:#a00}";

/// The login form for `token`, returning to `redirect`, with the CSRF field and an optional
/// error line.
pub fn form(
    token: &str,
    redirect: &str,
    csrf: &str,
    error: Option<&str>,
    status: StatusCode,
) -> Response {
    let error_html = error
        .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>", escape(e)))
        .unwrap_or_default();
    let body = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Link your bank account</title>
<style>{STYLE}</style></head>
<body><h1>Link your bank account</h1>
<p>Sign in to let the Messenger assistant answer questions about your accounts. You can unlink at any time.</p>
{privacy}
{error_html}
<form method="post" action="link">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<input type="hidden" name="account_linking_token" value="{token}">
<input type="hidden" name="redirect_uri" value="{redirect}">
<input type="hidden" name="csrf" value="{csrf}">
<button type="submit">Sign in and link</button>
</form></body></html>"#,
        token = escape(token),
        redirect = escape(redirect),
        csrf = escape(csrf),
        privacy = crate::privacy_page::login_notice(),
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(body)).into_response()
}

/// A one-paragraph page (no form): a link that cannot be used, or a service problem.
pub fn notice(status: StatusCode, text: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Link your bank account</title></head><body><p>{}</p></body></html>",
        escape(text)
    );
    (status, [(header::CACHE_CONTROL, "no-store")], Html(body)).into_response()
}

/// A one-paragraph page that returns to Messenger (`back`, no code in it) after a few
/// seconds, or at once with its button.
pub fn back_to_messenger(text: &str, back: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"refresh\" content=\"5;url={back}\">\
         <title>Link your bank account</title><style>{STYLE}</style></head>\
         <body><p>{text}</p><p><a href=\"{back}\">Back to Messenger</a></p></body></html>",
        text = escape(text),
        back = escape(back),
    );
    (
        StatusCode::OK,
        [(header::CACHE_CONTROL, "no-store")],
        Html(body),
    )
        .into_response()
}

/// HTML-escapes text for element content and double- or single-quoted attributes.
pub fn escape(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("\"><script>"), "&quot;&gt;&lt;script&gt;");
    }
}
