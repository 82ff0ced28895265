//! Redirect logins between `/link` and `/link/callback`: what the bot must remember while
//! the customer signs in on the bank's own pages.
//!
//! The `/link` page picks a random `state` and a random browser key (set as a cookie) and
//! keeps, sealed in the store for ten minutes, the `account_linking_token`, Messenger's
//! `redirect_uri` and the provider's secret ([`PendingLogin`]: a PKCE verifier, a nonce).
//! The callback takes it back once, and only with the same browser key: a `state` that is
//! unknown, expired, used before or presented by another browser gives nothing. The rows
//! share the login codes' table, under their own namespace (see [`crate::LinkCodes`]).

use std::sync::Arc;

use bankbot_bank::PendingLogin;
use bankbot_core::{Clock, SystemClock};
use bankbot_store::{PendingLinkCode, SecretString, Store, StoreError, digest};
use chrono::Duration;

/// How long a customer has to sign in at the bank.
pub const PENDING_LOGIN_LIFETIME_MINUTES: i64 = 10;

/// A redirect login waiting for the browser to come back. `Debug` shows nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct PendingRedirect {
    /// Messenger's token for the account-link button that opened `/link`.
    pub account_linking_token: String,
    /// Where Messenger wants the browser back (checked when `/link` was opened).
    pub redirect_uri: String,
    /// The provider's own secret for finishing the login.
    pub login: PendingLogin,
}

impl std::fmt::Debug for PendingRedirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingRedirect").finish_non_exhaustive()
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    account_linking_token: String,
    redirect_uri: String,
    login: String,
}

/// Keeps and takes back pending redirect logins. Cheap to clone.
#[derive(Clone)]
pub struct PendingLogins {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for PendingLogins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingLogins").finish_non_exhaustive()
    }
}

fn state_hash(state: &str) -> String {
    digest(&format!("login-state:{state}"))
}

fn browser_hash(browser: &str) -> String {
    digest(&format!("login-browser:{browser}"))
}

impl PendingLogins {
    /// Pending logins kept in `store`, timed by the system clock (a fixed `BANKBOT_NOW`
    /// must not keep them alive forever).
    pub fn new(store: Arc<dyn Store>) -> Self {
        PendingLogins {
            store,
            clock: Arc::new(SystemClock),
        }
    }

    /// Times them by `clock` instead (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Keeps `pending` until a browser holding `browser` comes back with `state`.
    pub async fn save(
        &self,
        state: &str,
        browser: &str,
        pending: &PendingRedirect,
    ) -> Result<(), StoreError> {
        let text = serde_json::json!({
            "account_linking_token": pending.account_linking_token,
            "redirect_uri": pending.redirect_uri,
            "login": pending.login.expose(),
        })
        .to_string();
        let now = self.clock.now();
        self.store
            .save_link_code(&PendingLinkCode {
                code_hash: state_hash(state),
                token_hash: browser_hash(browser),
                owner: None,
                provider_code: SecretString::new(text),
                created_at: now,
                expires_at: now + Duration::minutes(PENDING_LOGIN_LIFETIME_MINUTES),
            })
            .await
    }

    /// The login begun with `state`, once, if it is live and `browser` is the browser that
    /// began it. Any attempt burns the `state`.
    pub async fn take(
        &self,
        state: &str,
        browser: &str,
    ) -> Result<Option<PendingRedirect>, StoreError> {
        if state.is_empty() || browser.is_empty() {
            return Ok(None);
        }
        let Some(row) = self
            .store
            .take_link_code(&state_hash(state), self.clock.now())
            .await?
        else {
            return Ok(None);
        };
        if row.token_hash != browser_hash(browser) {
            tracing::warn!("a sign-in came back in another browser than it began in");
            return Ok(None);
        }
        let Ok(stored) = serde_json::from_str::<Stored>(row.provider_code.expose()) else {
            tracing::warn!("a pending sign-in could not be read");
            return Ok(None);
        };
        Ok(Some(PendingRedirect {
            account_linking_token: stored.account_linking_token,
            redirect_uri: stored.redirect_uri,
            login: PendingLogin::new(stored.login),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_store::EncryptionKey;

    async fn logins() -> PendingLogins {
        let store = bankbot_store::connect("sqlite::memory:", EncryptionKey::generate())
            .await
            .expect("store");
        PendingLogins::new(store)
    }

    fn pending() -> PendingRedirect {
        PendingRedirect {
            account_linking_token: "ALT".into(),
            redirect_uri: "https://www.facebook.com/messenger_platform/account_linking/".into(),
            login: PendingLogin::new("verifier-and-nonce"),
        }
    }

    #[tokio::test]
    async fn a_state_is_taken_back_once_by_its_own_browser() {
        let logins = logins().await;
        logins.save("s1", "b1", &pending()).await.expect("save");
        assert_eq!(
            logins.take("s1", "b1").await.expect("take"),
            Some(pending())
        );
        assert_eq!(
            logins.take("s1", "b1").await.expect("again"),
            None,
            "single use"
        );

        logins.save("s2", "b1", &pending()).await.expect("save");
        assert_eq!(logins.take("s2", "other").await.expect("take"), None);
        assert_eq!(
            logins.take("s2", "b1").await.expect("take"),
            None,
            "a wrong browser burns the state"
        );
        assert_eq!(logins.take("", "").await.expect("empty"), None);
        assert_eq!(logins.take("unknown", "b1").await.expect("unknown"), None);
    }

    #[tokio::test]
    async fn a_state_is_not_a_login_code() {
        let logins = logins().await;
        logins.save("s1", "b1", &pending()).await.expect("save");
        let codes = crate::LinkCodes::new(logins.store.clone());
        let user = bankbot_core::UserId::new("u1");
        for presented in ["s1", "login-state:s1"] {
            assert_eq!(
                codes.redeem(presented, &user).await.expect("redeem"),
                Err(crate::LinkRefusal::UnknownCode)
            );
        }
        assert!(logins.take("s1", "b1").await.expect("take").is_some());
    }
}
