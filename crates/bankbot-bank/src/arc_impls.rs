//! `Arc<T>` implements every connector trait its `T` implements, so decorators and the
//! runtime can hold `Arc<dyn BankConnector>` and friends interchangeably.

use std::sync::Arc;

use async_trait::async_trait;
use bankbot_core::{Account, AccountId, Balance, Card, CardId, GeoPoint, Lang};

use crate::{
    AtmFilter, AtmLocator, AtmMatch, AuthorizationCode, BankConnector, BankResult, CardControls,
    CustomerCredential, Geocoder, LinkingProvider, Place, TransactionPage, TransactionQuery,
};

#[async_trait]
impl<T: BankConnector + ?Sized> BankConnector for Arc<T> {
    async fn accounts(&self, credential: &CustomerCredential) -> BankResult<Vec<Account>> {
        (**self).accounts(credential).await
    }
    async fn balance(
        &self,
        credential: &CustomerCredential,
        account: &AccountId,
    ) -> BankResult<Balance> {
        (**self).balance(credential, account).await
    }
    async fn transactions(
        &self,
        credential: &CustomerCredential,
        query: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        (**self).transactions(credential, query).await
    }
    async fn preferred_lang(
        &self,
        credential: &CustomerCredential,
    ) -> BankResult<Option<bankbot_core::Lang>> {
        (**self).preferred_lang(credential).await
    }
}

#[async_trait]
impl<T: CardControls + ?Sized> CardControls for Arc<T> {
    async fn cards(&self, credential: &CustomerCredential) -> BankResult<Vec<Card>> {
        (**self).cards(credential).await
    }
    async fn lock_card(&self, credential: &CustomerCredential, card: &CardId) -> BankResult<Card> {
        (**self).lock_card(credential, card).await
    }
    async fn unlock_card(
        &self,
        credential: &CustomerCredential,
        card: &CardId,
    ) -> BankResult<Card> {
        (**self).unlock_card(credential, card).await
    }
}

#[async_trait]
impl<T: AtmLocator + ?Sized> AtmLocator for Arc<T> {
    async fn nearest(
        &self,
        point: GeoPoint,
        k: usize,
        filter: &AtmFilter,
    ) -> BankResult<Vec<AtmMatch>> {
        (**self).nearest(point, k, filter).await
    }
}

#[async_trait]
impl<T: Geocoder + ?Sized> Geocoder for Arc<T> {
    async fn geocode(&self, query: &str, lang: Option<Lang>) -> BankResult<Option<Place>> {
        (**self).geocode(query, lang).await
    }
}

#[async_trait]
impl<T: LinkingProvider + ?Sized> LinkingProvider for Arc<T> {
    async fn authorize(&self, username: &str, password: &str) -> BankResult<AuthorizationCode> {
        (**self).authorize(username, password).await
    }
    async fn exchange(&self, code: &AuthorizationCode) -> BankResult<CustomerCredential> {
        (**self).exchange(code).await
    }
    async fn revoke(&self, credential: &CustomerCredential) -> BankResult<()> {
        (**self).revoke(credential).await
    }
    fn redirect_login(&self) -> Option<&dyn crate::RedirectLogin> {
        (**self).redirect_login()
    }
    async fn active_credential(
        &self,
        stored: &CustomerCredential,
    ) -> BankResult<crate::ActiveCredential> {
        (**self).active_credential(stored).await
    }
}
