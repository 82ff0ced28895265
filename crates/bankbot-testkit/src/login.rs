//! The bank-login half of account linking, as Messenger's webview would do it: open the
//! `/link` page with an `account_linking_token` and Meta's `redirect_uri`, post the form,
//! follow nothing, read the authorization code from the redirect.

use crate::TestkitError;

/// Meta's account-linking URL, the `redirect_uri` Messenger gives the login page.
pub const REDIRECT_BASE: &str = "https://www.facebook.com/messenger_platform/account_linking/";

/// The `redirect_uri` Messenger appends for `token`.
pub fn redirect_uri(token: &str) -> String {
    let mut url = url::Url::parse(REDIRECT_BASE).expect("a valid constant URL");
    url.query_pairs_mut()
        .append_pair("account_linking_token", token);
    url.into()
}

/// Logs `username` in at `{base_url}/link` with `password`, on the page Messenger opened
/// with `account_linking_token` (see [`crate::MockGraphApi::linking_token_for`]), and
/// returns the `authorization_code` the page redirects to Messenger with. `http` must not
/// follow redirects.
pub async fn authorization_code(
    http: &reqwest::Client,
    base_url: &str,
    account_linking_token: &str,
    username: &str,
    password: &str,
) -> Result<String, TestkitError> {
    let redirect = redirect_uri(account_linking_token);
    let resp = http
        .post(format!("{base_url}/link"))
        .form(&[
            ("username", username),
            ("password", password),
            ("account_linking_token", account_linking_token),
            ("redirect_uri", redirect.as_str()),
        ])
        .send()
        .await?;
    let status = resp.status();
    let code = resp
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .filter(|_| status.is_redirection())
        .and_then(|l| url::Url::parse(l).ok())
        .and_then(|l| {
            l.query_pairs()
                .find(|(k, _)| k == "authorization_code")
                .map(|(_, v)| v.into_owned())
        });
    code.ok_or_else(|| TestkitError::InvalidOption(format!("login answered {status}, no code")))
}
