//! The demo bank's login: one-time codes and credentials.

use async_trait::async_trait;
use bankbot_core::CustomerRef;
use chrono::Duration;
use rand::Rng;
use subtle::ConstantTimeEq;

use super::DemoBank;
use crate::{
    AuthorizationCode, BankError, BankResult, Credential, CustomerCredential, LinkingProvider,
};

/// How long a one-time code stays valid.
const CODE_LIFETIME_MINUTES: i64 = 10;

impl DemoBank {
    /// The credential the demo bank issues to a customer: stable across restarts, derived
    /// from the fixtures' secret so it cannot be guessed from the customer reference alone.
    pub(super) fn secret_for(&self, customer: &CustomerRef) -> Credential {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self
            .inner
            .secret
            .bytes()
            .chain([0u8])
            .chain(customer.as_str().bytes())
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        Credential::new(format!("demo-token-{hash:016x}"))
    }
}

#[async_trait]
impl LinkingProvider for DemoBank {
    async fn authorize(&self, username: &str, password: &str) -> BankResult<AuthorizationCode> {
        // The password is compared in constant time, and compared (with a throwaway) even
        // for an unknown login, so timing tells neither the password nor whether the login
        // exists.
        let found = self
            .inner
            .customers
            .values()
            .find(|c| c.login == username.trim());
        let expected = found.map_or("\u{0}unknown-login", |c| c.password.as_str());
        let matches: bool = expected.as_bytes().ct_eq(password.as_bytes()).into();
        let customer = found
            .filter(|_| matches)
            .ok_or(BankError::InvalidCredentials)?;
        let code: String = {
            let mut rng = rand::rng();
            (0..32)
                .map(|_| {
                    char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.random_range(0..36)])
                })
                .collect()
        };
        let now = self.inner.clock.now();
        let mut state = self.state();
        state
            .codes
            .retain(|_, (_, issued)| now - *issued < Duration::minutes(CODE_LIFETIME_MINUTES));
        state
            .codes
            .insert(code.clone(), (customer.customer_ref.clone(), now));
        Ok(AuthorizationCode(code))
    }

    async fn exchange(&self, code: &AuthorizationCode) -> BankResult<CustomerCredential> {
        let now = self.inner.clock.now();
        let (customer, issued) = self
            .state()
            .codes
            .remove(&code.0)
            .ok_or(BankError::InvalidCredentials)?;
        if now - issued >= Duration::minutes(CODE_LIFETIME_MINUTES) {
            return Err(BankError::InvalidCredentials);
        }
        let credential = self.secret_for(&customer);
        self.state().revoked.remove(credential.expose());
        Ok(CustomerCredential::new(customer, credential))
    }

    async fn revoke(&self, credential: &CustomerCredential) -> BankResult<()> {
        self.authenticate(credential)?;
        self.state()
            .revoked
            .insert(credential.credential.expose().to_owned());
        Ok(())
    }
}
