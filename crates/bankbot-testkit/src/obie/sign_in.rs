//! The customer on the mock bank's login page: what a browser does between the bot's
//! redirect to `/authorize` and the bank's redirect back (see [`crate::redirect_login`]).

use reqwest::StatusCode;

use super::MockObieBank;
use crate::TestkitError;
use crate::redirect_login::location;

/// What the customer answers on the bank's consent page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Signs in and authorises the consent.
    Allow,
    /// Refuses it (the bank answers `error=access_denied`).
    Deny,
}

impl MockObieBank {
    /// Opens the bank's login page at `authorize` (where the bot sent the browser: the page
    /// answers 200 once the signed request object and the consent check out), signs in as
    /// `login` / `password` and answers `decision`; returns where the bank sends the
    /// browser back (its 303's `Location`). `http` must not follow redirects.
    pub async fn sign_in(
        &self,
        http: &reqwest::Client,
        authorize: &str,
        login: &str,
        password: &str,
        decision: Decision,
    ) -> Result<String, TestkitError> {
        let page = http.get(authorize).send().await?;
        if page.status() != StatusCode::OK {
            return Err(TestkitError::Refused(page.status().as_u16()));
        }
        let html = page.text().await?;
        let txn = html
            .split("name=\"txn\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .ok_or_else(|| TestkitError::InvalidOption("the login page has no form".into()))?
            .to_owned();
        let decision = match decision {
            Decision::Allow => "allow",
            Decision::Deny => "deny",
        };
        let resp = http
            .post(format!("{}/authorize", self.issuer()))
            .form(&[
                ("txn", txn.as_str()),
                ("username", login),
                ("password", password),
                ("decision", decision),
            ])
            .send()
            .await?;
        match (resp.status(), location(&resp)) {
            (StatusCode::SEE_OTHER, Some(back)) => Ok(back),
            (status, _) => Err(TestkitError::Refused(status.as_u16())),
        }
    }
}
