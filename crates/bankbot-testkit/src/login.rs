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
    let page = open_form(http, base_url, account_linking_token, &redirect).await?;
    let resp = http
        .post(format!("{base_url}/link"))
        .header("cookie", &page.cookie)
        .form(&[
            ("username", username),
            ("password", password),
            ("account_linking_token", account_linking_token),
            ("redirect_uri", redirect.as_str()),
            ("csrf", page.csrf.as_str()),
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

/// What the login form carries between the GET and the POST: the CSRF cookie and field.
#[derive(Debug, Clone)]
pub struct OpenedForm {
    /// The `Cookie` header value to send back (`name=value`).
    pub cookie: String,
    /// The hidden `csrf` field.
    pub csrf: String,
}

/// Opens `{base_url}/link` as Messenger's webview does and reads the form's CSRF pair.
pub async fn open_form(
    http: &reqwest::Client,
    base_url: &str,
    account_linking_token: &str,
    redirect_uri: &str,
) -> Result<OpenedForm, TestkitError> {
    let resp = get_link_page(http, base_url, account_linking_token, redirect_uri).await?;
    let status = resp.status();
    let cookie = resp
        .headers()
        .get("set-cookie")
        .and_then(|c| c.to_str().ok())
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    let html = resp.text().await?;
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned);
    match (cookie, csrf) {
        (Some(cookie), Some(csrf)) => Ok(OpenedForm { cookie, csrf }),
        _ => Err(TestkitError::InvalidOption(format!(
            "the login page answered {status} without a form"
        ))),
    }
}

/// `GET {base_url}/link` as Messenger's webview opens it for `account_linking_token`, with
/// Meta's `redirect_uri`.
pub(crate) async fn get_link_page(
    http: &reqwest::Client,
    base_url: &str,
    account_linking_token: &str,
    redirect_uri: &str,
) -> Result<reqwest::Response, TestkitError> {
    Ok(http
        .get(format!("{base_url}/link"))
        .query(&[
            ("account_linking_token", account_linking_token),
            ("redirect_uri", redirect_uri),
        ])
        .send()
        .await?)
}
