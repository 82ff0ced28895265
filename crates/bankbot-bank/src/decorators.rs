//! Decorators that add cross-cutting behaviour to any connector.
//!
//! Each wraps an implementation of [`BankConnector`](crate::BankConnector),
//! [`CardControls`](crate::CardControls), [`AtmLocator`](crate::AtmLocator),
//! [`Geocoder`](crate::Geocoder) or [`LinkingProvider`](crate::LinkingProvider) and
//! implements the same traits. Stack them as `Traced<Retry<Timeout<C>>>`: the timeout
//! bounds each attempt, retries wrap attempts, and
//! tracing sees one span per logical call.
//!
//! ```
//! use std::sync::Arc;
//! use std::time::Duration;
//! use bankbot_bank::decorators::{RetryPolicy, Retry, Timeout, Traced};
//! use bankbot_bank::demo::DemoBank;
//! use bankbot_bank::BankConnector;
//!
//! let bank = DemoBank::builtin(Arc::new(bankbot_core::SystemClock));
//! let stacked: Arc<dyn BankConnector> = Arc::new(Traced::new(
//!     "demo",
//!     Retry::new(Timeout::new(bank, Duration::from_secs(5)), RetryPolicy::default()),
//! ));
//! # let _ = stacked;
//! ```

mod retry;
mod timeout;
mod traced;

pub use retry::{Retry, RetryPolicy};
pub use timeout::Timeout;
pub use traced::Traced;

/// Implements every connector trait for a decorator whose `call(op, retryable, f)` method
/// runs one operation. `retryable` is false for calls that must not be repeated (a one-time
/// code exchange, a login).
macro_rules! decorate_all_traits {
    ($decorator:ident) => {
        #[async_trait::async_trait]
        impl<C: $crate::BankConnector> $crate::BankConnector for $decorator<C> {
            async fn accounts(
                &self,
                credential: &$crate::CustomerCredential,
            ) -> $crate::BankResult<Vec<bankbot_core::Account>> {
                self.call("accounts", true, || self.inner.accounts(credential))
                    .await
            }
            async fn balance(
                &self,
                credential: &$crate::CustomerCredential,
                account: &bankbot_core::AccountId,
            ) -> $crate::BankResult<bankbot_core::Balance> {
                self.call("balance", true, || self.inner.balance(credential, account))
                    .await
            }
            async fn transactions(
                &self,
                credential: &$crate::CustomerCredential,
                query: &$crate::TransactionQuery,
            ) -> $crate::BankResult<$crate::TransactionPage> {
                self.call("transactions", true, || {
                    self.inner.transactions(credential, query)
                })
                .await
            }
            async fn preferred_lang(
                &self,
                credential: &$crate::CustomerCredential,
            ) -> $crate::BankResult<Option<bankbot_core::Lang>> {
                self.call("preferred_lang", true, || {
                    self.inner.preferred_lang(credential)
                })
                .await
            }
        }

        #[async_trait::async_trait]
        impl<C: $crate::CardControls> $crate::CardControls for $decorator<C> {
            async fn cards(
                &self,
                credential: &$crate::CustomerCredential,
            ) -> $crate::BankResult<Vec<bankbot_core::Card>> {
                self.call("cards", true, || self.inner.cards(credential))
                    .await
            }
            async fn lock_card(
                &self,
                credential: &$crate::CustomerCredential,
                card: &bankbot_core::CardId,
            ) -> $crate::BankResult<bankbot_core::Card> {
                self.call("lock_card", true, || self.inner.lock_card(credential, card))
                    .await
            }
            async fn unlock_card(
                &self,
                credential: &$crate::CustomerCredential,
                card: &bankbot_core::CardId,
            ) -> $crate::BankResult<bankbot_core::Card> {
                self.call("unlock_card", true, || {
                    self.inner.unlock_card(credential, card)
                })
                .await
            }
        }

        #[async_trait::async_trait]
        impl<C: $crate::AtmLocator> $crate::AtmLocator for $decorator<C> {
            async fn nearest(
                &self,
                point: bankbot_core::GeoPoint,
                k: usize,
                filter: &$crate::AtmFilter,
            ) -> $crate::BankResult<Vec<$crate::AtmMatch>> {
                self.call("atm_nearest", true, || self.inner.nearest(point, k, filter))
                    .await
            }
        }

        #[async_trait::async_trait]
        impl<C: $crate::Geocoder> $crate::Geocoder for $decorator<C> {
            async fn geocode(
                &self,
                query: &str,
                lang: Option<bankbot_core::Lang>,
            ) -> $crate::BankResult<Option<$crate::Place>> {
                self.call("geocode", true, || self.inner.geocode(query, lang))
                    .await
            }
        }

        #[async_trait::async_trait]
        impl<C: $crate::LinkingProvider> $crate::LinkingProvider for $decorator<C> {
            async fn authorize(
                &self,
                username: &str,
                password: &str,
            ) -> $crate::BankResult<$crate::AuthorizationCode> {
                self.call("authorize", false, || {
                    self.inner.authorize(username, password)
                })
                .await
            }
            async fn exchange(
                &self,
                code: &$crate::AuthorizationCode,
            ) -> $crate::BankResult<$crate::CustomerCredential> {
                self.call("exchange", false, || self.inner.exchange(code))
                    .await
            }
            async fn revoke(
                &self,
                credential: &$crate::CustomerCredential,
            ) -> $crate::BankResult<()> {
                self.call("revoke", true, || self.inner.revoke(credential))
                    .await
            }
            fn redirect_login(&self) -> Option<&dyn $crate::RedirectLogin> {
                self.inner.redirect_login()
            }
            // A refresh is one-time (a rotated refresh token cannot be presented twice).
            async fn active_credential(
                &self,
                stored: &$crate::CustomerCredential,
            ) -> $crate::BankResult<$crate::ActiveCredential> {
                self.call("active_credential", false, || {
                    self.inner.active_credential(stored)
                })
                .await
            }
        }
    };
}

pub(crate) use decorate_all_traits;
