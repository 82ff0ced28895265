//! The bank-login half of account linking, as Messenger's webview would do it: post the
//! `/link` form, follow nothing, read the authorization code from the redirect.

use crate::TestkitError;

/// The `redirect_uri` Messenger gives the login page (its shape, for tests).
pub const REDIRECT_URI: &str =
    "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token=ALT";

/// Logs `username` in at `{base_url}/link` with `password` and returns the
/// `authorization_code` the page redirects to Messenger with. `http` must not follow
/// redirects.
pub async fn authorization_code(
    http: &reqwest::Client,
    base_url: &str,
    username: &str,
    password: &str,
) -> Result<String, TestkitError> {
    let resp = http
        .post(format!("{base_url}/link"))
        .form(&[
            ("username", username),
            ("password", password),
            ("account_linking_token", "ALT"),
            ("redirect_uri", REDIRECT_URI),
        ])
        .send()
        .await?;
    let status = resp.status();
    let code = resp
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .filter(|_| status.is_redirection())
        .and_then(|l| l.split("authorization_code=").nth(1))
        .map(|c| c.split('&').next().unwrap_or(c).to_owned());
    code.ok_or_else(|| TestkitError::InvalidOption(format!("login answered {status}, no code")))
}
