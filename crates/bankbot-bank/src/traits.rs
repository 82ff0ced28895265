//! The plug-in points a bank implements. All are object-safe and used as `Arc<dyn …>`.

use async_trait::async_trait;
use bankbot_core::{Account, AccountId, Atm, AtmFeatures, Balance, Card, CardId, GeoPoint, Lang};
use serde::{Deserialize, Serialize};

use crate::{
    ActiveCredential, AuthorizationCode, BankError, BankResult, CustomerCredential, RedirectLogin,
    TransactionPage, TransactionQuery,
};

/// Accounts, balances and transactions of a linked customer.
#[async_trait]
pub trait BankConnector: Send + Sync {
    /// The customer's accounts.
    async fn accounts(&self, credential: &CustomerCredential) -> BankResult<Vec<Account>>;

    /// The balance of one of the customer's accounts.
    async fn balance(
        &self,
        credential: &CustomerCredential,
        account: &AccountId,
    ) -> BankResult<Balance>;

    /// One page of transactions matching `query`, newest first.
    async fn transactions(
        &self,
        credential: &CustomerCredential,
        query: &TransactionQuery,
    ) -> BankResult<TransactionPage>;

    /// The language the bank knows the customer by (their profile's), if any: the bot
    /// answers a linked customer's first message in it ("yo" from a French customer gets
    /// French). The default knows none.
    async fn preferred_lang(&self, _credential: &CustomerCredential) -> BankResult<Option<Lang>> {
        Ok(None)
    }
}

/// Filters for ATM searches; `false` means "don't care".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AtmFilter {
    /// Only machines that take deposits.
    pub deposits: bool,
    /// Only machines open around the clock.
    pub open_24h: bool,
    /// Only accessible machines.
    pub accessible: bool,
    /// Only this brand (case-insensitive).
    pub brand: Option<String>,
}

impl AtmFilter {
    /// True when `atm` passes every filter.
    pub fn accepts(&self, atm: &Atm) -> bool {
        self.accepts_parts(&atm.features, &atm.brand)
    }

    /// True when a machine with these `features` and `brand` passes every filter (for
    /// indexes that keep machines in a compact form rather than as [`Atm`]s).
    #[inline]
    pub fn accepts_parts(&self, features: &AtmFeatures, brand: &str) -> bool {
        (!self.deposits || features.deposits)
            && (!self.open_24h || features.open_24h)
            && (!self.accessible || features.accessible)
            && self
                .brand
                .as_deref()
                .is_none_or(|b| brand.eq_ignore_ascii_case(b))
    }
}

/// One answer of an ATM search: a site, its distance and how many machines stand there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AtmMatch {
    /// The (first) machine at the site.
    pub atm: Atm,
    /// Great-circle distance from the query point, in metres.
    pub distance_m: f64,
    /// Machines at this site that pass the filter (at least 1).
    pub machines: u32,
}

/// Finds cash machines.
#[async_trait]
pub trait AtmLocator: Send + Sync {
    /// The `k` nearest sites to `point` passing `filter`, nearest first.
    async fn nearest(
        &self,
        point: GeoPoint,
        k: usize,
        filter: &AtmFilter,
    ) -> BankResult<Vec<AtmMatch>>;
}

/// A place a geocoder found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Where it is.
    pub point: GeoPoint,
    /// A readable name ("SW1A 1", "Lyon, FR").
    pub label: String,
    /// ISO 3166-1 alpha-2 country code, when known.
    pub country: Option<String>,
}

/// Turns what a customer typed ("94105", "SW1A 1AA", "Lyon") into coordinates.
#[async_trait]
pub trait Geocoder: Send + Sync {
    /// The best match for `query`, `None` when nothing matches. `lang` breaks ties such as a
    /// five-digit code that is both a US ZIP and a French postcode.
    async fn geocode(&self, query: &str, lang: Option<Lang>) -> BankResult<Option<Place>>;
}

/// Card controls: list, lock, unlock.
#[async_trait]
pub trait CardControls: Send + Sync {
    /// The customer's cards.
    async fn cards(&self, credential: &CustomerCredential) -> BankResult<Vec<Card>>;

    /// Locks a card; locking a locked card is not an error. Returns the card's new state.
    async fn lock_card(&self, credential: &CustomerCredential, card: &CardId) -> BankResult<Card>;

    /// Unlocks a card; unlocking an unlocked card is not an error.
    async fn unlock_card(&self, credential: &CustomerCredential, card: &CardId)
    -> BankResult<Card>;
}

/// Customers' answers to the bank's fraud checks ("did you make this purchase?").
#[async_trait]
pub trait FraudReporting: Send + Sync {
    /// Records the customer's answer about the transaction `reference`: `genuine` when
    /// they made it, otherwise reported as fraud.
    async fn confirm_transaction(
        &self,
        credential: &CustomerCredential,
        reference: &str,
        genuine: bool,
    ) -> BankResult<()>;
}

/// Account linking: the bank's login and the code exchange behind Messenger's account link.
#[async_trait]
pub trait LinkingProvider: Send + Sync {
    /// Checks a login and issues a one-time authorization code (the `/link` page's form).
    ///
    /// A provider that signs customers in on the bank's own pages
    /// ([`LinkingProvider::redirect_login`]) has no form and keeps the default, which
    /// answers [`BankError::Unsupported`]; a form-login provider implements it.
    async fn authorize(&self, _username: &str, _password: &str) -> BankResult<AuthorizationCode> {
        Err(BankError::Unsupported(
            "password sign-in (the customer signs in on the bank's own pages)",
        ))
    }

    /// Exchanges a code (once) for the customer and a credential.
    ///
    /// Redirect logins exchange their code in [`RedirectLogin::finish`] at
    /// `/link/callback` and keep the default, which answers [`BankError::Unsupported`];
    /// a form-login provider implements it.
    async fn exchange(&self, _code: &AuthorizationCode) -> BankResult<CustomerCredential> {
        Err(BankError::Unsupported(
            "code exchange outside the callback (it happens at /link/callback)",
        ))
    }

    /// Revokes a credential; later calls with it fail with `ReauthenticationRequired`.
    async fn revoke(&self, credential: &CustomerCredential) -> BankResult<()>;

    /// The bank's own login pages, when it signs customers in by redirect (OAuth 2.0):
    /// the `/link` page then sends the browser there instead of showing its form. `None`
    /// (the default): the form and [`LinkingProvider::authorize`].
    fn redirect_login(&self) -> Option<&dyn RedirectLogin> {
        None
    }

    /// The credential a turn's connector calls use, from the link as stored: a provider
    /// whose credential expires renews it here (and says what to store instead). A
    /// renewal the bank refuses is `ReauthenticationRequired`: the customer links again.
    /// The default uses the stored credential as it is.
    async fn active_credential(&self, stored: &CustomerCredential) -> BankResult<ActiveCredential> {
        Ok(ActiveCredential {
            credential: stored.clone(),
            renewed: None,
        })
    }
}
