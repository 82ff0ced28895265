//! The redirect half of account linking (`[linking] kind = "oauth"` or `"obie"`), driven the
//! way Messenger's webview and the customer's browser do it: open the bot's `/link` page,
//! follow its redirect to the bank, come back to the bot's `/link/callback` with the login
//! cookie, and read the code the bot hands Messenger. What the customer does on the bank's
//! page belongs to the bank: [`crate::obie::MockObieBank::sign_in`] for the mock Open
//! Banking bank; [`crate::MockOidcProvider`] answers at once.
//!
//! Every function needs a client that does not follow redirects.

use reqwest::StatusCode;

use crate::TestkitError;
use crate::login::{REDIRECT_BASE, get_link_page, redirect_uri};

/// The `Location` header of a response, if any.
pub fn location(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .map(str::to_owned)
}

/// Fails with [`TestkitError::Refused`] unless `resp` answered `want`.
fn expect_status(resp: &reqwest::Response, want: StatusCode) -> Result<(), TestkitError> {
    match resp.status() {
        status if status == want => Ok(()),
        status => Err(TestkitError::Refused(status.as_u16())),
    }
}

/// Where the bot's `/link` page sent the browser.
#[derive(Debug, Clone)]
pub struct ToTheBank {
    /// The bank's authorization URL, with its query.
    pub authorize: String,
    /// The bot's login cookie as set (`Set-Cookie`, with its attributes).
    pub set_cookie: String,
    /// That cookie as the browser sends it back (`name=value`).
    pub cookie: String,
}

/// Opens `{base_url}/link` as Messenger's webview does for `account_linking_token` and
/// reads the 302 to the bank with the login cookie.
pub async fn open_link_page(
    http: &reqwest::Client,
    base_url: &str,
    account_linking_token: &str,
) -> Result<ToTheBank, TestkitError> {
    let redirect = redirect_uri(account_linking_token);
    let resp = get_link_page(http, base_url, account_linking_token, &redirect).await?;
    expect_status(&resp, StatusCode::FOUND)?;
    let set_cookie = resp
        .headers()
        .get("set-cookie")
        .and_then(|c| c.to_str().ok())
        .map(str::to_owned);
    match (location(&resp), set_cookie) {
        (Some(authorize), Some(set_cookie)) => Ok(ToTheBank {
            authorize,
            cookie: set_cookie.split(';').next().unwrap_or_default().to_owned(),
            set_cookie,
        }),
        _ => Err(TestkitError::InvalidOption(
            "the link page redirected without a location or a login cookie".into(),
        )),
    }
}

/// The bank's redirect back to the bot's `/link/callback`, and the cookie to send with it.
#[derive(Debug, Clone)]
pub struct Back {
    /// The callback URL, on the server under test.
    pub callback: String,
    /// The bot's login cookie (`name=value`).
    pub cookie: String,
}

impl Back {
    /// The bank sent the browser to `location`, an address under the bot's `public_url`;
    /// the same path on the server under test at `base_url`.
    pub fn new(location: &str, public_url: &str, base_url: &str, cookie: &str) -> Back {
        Back {
            callback: location.replace(public_url, base_url),
            cookie: cookie.to_owned(),
        }
    }

    /// Follows the redirect to the bot's callback with the login cookie.
    pub async fn follow(&self, http: &reqwest::Client) -> Result<reqwest::Response, TestkitError> {
        Ok(http
            .get(&self.callback)
            .header("cookie", &self.cookie)
            .send()
            .await?)
    }
}

/// The code the bot hands Messenger: `resp` is the callback's 303 to Messenger's
/// `redirect_uri`; its `authorization_code`.
pub fn messenger_code(resp: &reqwest::Response) -> Result<String, TestkitError> {
    expect_status(resp, StatusCode::SEE_OTHER)?;
    let to_messenger = location(resp).unwrap_or_default();
    if !to_messenger.starts_with(REDIRECT_BASE) {
        return Err(TestkitError::InvalidUrl {
            url: to_messenger,
            reason: "not Messenger's account-linking redirect".into(),
        });
    }
    url::Url::parse(&to_messenger)
        .ok()
        .and_then(|url| {
            url.query_pairs()
                .find(|(k, _)| k == "authorization_code")
                .map(|(_, v)| v.into_owned())
        })
        .ok_or_else(|| TestkitError::InvalidUrl {
            url: to_messenger,
            reason: "no authorization_code".into(),
        })
}
