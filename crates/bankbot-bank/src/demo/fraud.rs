//! The demo bank's fraud checks: answers are kept in memory.

use async_trait::async_trait;

use super::DemoBank;
use crate::{BankResult, CustomerCredential, FraudReporting};

#[async_trait]
impl FraudReporting for DemoBank {
    async fn confirm_transaction(
        &self,
        credential: &CustomerCredential,
        reference: &str,
        genuine: bool,
    ) -> BankResult<()> {
        let customer = self.authenticate(credential)?;
        let key = (customer.customer_ref.clone(), reference.to_owned());
        self.state().fraud_answers.insert(key, genuine);
        tracing::info!(genuine, "fraud check answered");
        Ok(())
    }
}

impl DemoBank {
    /// The customer's answer about a transaction, if given (for tests and demos).
    pub fn fraud_answer(&self, credential: &CustomerCredential, reference: &str) -> Option<bool> {
        let key = (credential.customer.clone(), reference.to_owned());
        self.state().fraud_answers.get(&key).copied()
    }
}
