//! # bankbot
//!
//! The facade crate: re-exports the member crates so an application depends on one crate,
//! and holds what the `bankbot` binary wires together (configuration, the account-link
//! page, the server). The binary's subcommands live in `src/cli/`.

pub mod app;
pub mod config;
pub mod link_page;
pub mod privacy_page;

pub use bankbot_atm as atm;
pub use bankbot_bank as bank;
pub use bankbot_core as core;
pub use bankbot_messenger as messenger;
pub use bankbot_oauth as oauth;
pub use bankbot_runtime as runtime;
pub use bankbot_store as store;

pub use app::{AppError, Server, ServerBuilder};
pub use config::Config;

/// Everything a connector author needs, in one import.
///
/// ```
/// use bankbot::prelude::*;
///
/// /// A bank that has nothing yet: every call says so.
/// struct MyBank;
///
/// #[async_trait]
/// impl BankConnector for MyBank {
///     async fn accounts(&self, _: &CustomerCredential) -> BankResult<Vec<Account>> {
///         Ok(Vec::new())
///     }
///     async fn balance(&self, _: &CustomerCredential, id: &AccountId) -> BankResult<Balance> {
///         Err(BankError::NotFound(id.to_string()))
///     }
///     async fn transactions(
///         &self,
///         _: &CustomerCredential,
///         _: &TransactionQuery,
///     ) -> BankResult<TransactionPage> {
///         Err(BankError::Unsupported("transactions"))
///     }
/// }
///
/// let bank: std::sync::Arc<dyn BankConnector> = std::sync::Arc::new(MyBank);
/// let demo = std::sync::Arc::new(DemoBank::builtin(std::sync::Arc::new(SystemClock)));
/// let _builder = Server::builder(bank, demo);
/// ```
pub mod prelude {
    pub use async_trait::async_trait;
    pub use bankbot_bank::conformance::{
        BankConformanceOptions, BankReport, ConformanceFailure, check_atm_locator,
        check_bank_connector, check_card_controls, check_fraud_reporting, check_linking_provider,
    };
    pub use bankbot_bank::demo::DemoBank;
    pub use bankbot_bank::{
        AtmFilter, AtmLocator, AtmMatch, AuthorizationCode, BankConnector, BankError, BankResult,
        CardControls, Credential, CustomerCredential, FraudReporting, Geocoder, LinkingProvider,
        MAX_PAGE_SIZE, PageToken, Place, TransactionPage, TransactionQuery,
    };
    pub use bankbot_core::{
        Account, AccountId, AccountKind, Atm, AtmFeatures, Balance, Card, CardId, CardKind, Clock,
        Currency, CustomerRef, DateRange, FixedClock, GeoPoint, Lang, MaskedNumber, Money,
        SystemClock, Transaction, TransactionId, TransactionStatus,
    };

    pub use bankbot_bank::{ActiveCredential, LoginStart, PendingLogin, RedirectLogin};
    pub use bankbot_oauth::{ClientSecret, OAuthLinking, OAuthOptions};
    pub use bankbot_obie::{ObieLinking, ObieLinkingOptions, RequestSigner};

    pub use crate::app::{AppError, Server, ServerBuilder};
    pub use crate::config::Config;
}
