//! The demo bank's accounts, balances, transactions and cards.

use async_trait::async_trait;
use bankbot_core::{
    Account, AccountId, Balance, Card, CardId, Transaction, TransactionId, TransactionStatus,
};
use chrono::Days;

use super::DemoBank;
use super::fixtures::CustomerFixture;
use crate::{
    BankConnector, BankError, BankResult, CardControls, CustomerCredential, PageToken,
    TransactionPage, TransactionQuery,
};

const PAGE_PREFIX: &str = "demo-offset:";

#[async_trait]
impl BankConnector for DemoBank {
    async fn preferred_lang(
        &self,
        credential: &CustomerCredential,
    ) -> BankResult<Option<bankbot_core::Lang>> {
        Ok(Some(self.authenticate(credential)?.lang))
    }

    async fn accounts(&self, credential: &CustomerCredential) -> BankResult<Vec<Account>> {
        let customer = self.authenticate(credential)?;
        Ok(customer
            .accounts
            .iter()
            .map(|a| a.account.clone())
            .collect())
    }

    async fn balance(
        &self,
        credential: &CustomerCredential,
        account: &AccountId,
    ) -> BankResult<Balance> {
        let customer = self.authenticate(credential)?;
        let fixture = customer
            .accounts
            .iter()
            .find(|a| a.account.id == *account)
            .ok_or_else(|| BankError::NotFound("account".into()))?;
        Ok(Balance {
            account_id: account.clone(),
            current: fixture.current,
            available: fixture.available,
            credit_limit: fixture.credit_limit,
            as_of: self.inner.clock.now(),
        })
    }

    async fn transactions(
        &self,
        credential: &CustomerCredential,
        query: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        let customer = self.authenticate(credential)?;
        if let Some(account) = &query.account
            && !customer.accounts.iter().any(|a| a.account.id == *account)
        {
            return Err(BankError::NotFound("account".into()));
        }
        let offset = match &query.page_token {
            None => 0,
            Some(token) => parse_token(token)?,
        };
        let mut all: Vec<Transaction> = self
            .resolve_transactions(customer)
            .into_iter()
            .filter(|t| query.matches(t))
            .collect();
        all.sort_by(|a, b| {
            b.booking_date
                .cmp(&a.booking_date)
                .then_with(|| b.id.cmp(&a.id))
        });
        let size = query.page_size();
        let end = offset.saturating_add(size).min(all.len());
        let transactions = all.get(offset..end).map(<[_]>::to_vec).unwrap_or_default();
        let next_page = (end < all.len()).then(|| PageToken(format!("{PAGE_PREFIX}{end}")));
        Ok(TransactionPage {
            transactions,
            next_page,
        })
    }
}

fn parse_token(token: &PageToken) -> BankResult<usize> {
    token
        .0
        .strip_prefix(PAGE_PREFIX)
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| BankError::InvalidRequest("unknown page token".into()))
}

impl DemoBank {
    /// The customer's transactions with dates resolved against the clock.
    fn resolve_transactions(&self, customer: &CustomerFixture) -> Vec<Transaction> {
        let today = self.inner.clock.today();
        customer
            .transactions
            .iter()
            .map(|t| {
                let date = today
                    .checked_sub_days(Days::new(u64::from(t.days_ago)))
                    .unwrap_or(today);
                Transaction {
                    id: TransactionId::new(&t.id),
                    account_id: t.account.clone(),
                    status: if t.pending {
                        TransactionStatus::Pending
                    } else {
                        TransactionStatus::Booked
                    },
                    booking_date: date,
                    value_date: (!t.pending).then_some(date),
                    amount: t.amount,
                    description: t.description.clone(),
                    merchant: t.merchant.clone(),
                    category: t.category,
                }
            })
            .collect()
    }

    fn card_state(&self, card: &Card) -> Card {
        let mut card = card.clone();
        card.locked = self.state().locked_cards.contains(&card.id);
        card
    }

    fn set_locked(
        &self,
        credential: &CustomerCredential,
        id: &CardId,
        locked: bool,
    ) -> BankResult<Card> {
        let customer = self.authenticate(credential)?;
        let card = customer
            .cards
            .iter()
            .find(|c| c.id == *id)
            .ok_or_else(|| BankError::NotFound("card".into()))?;
        {
            let mut state = self.state();
            if locked {
                state.locked_cards.insert(id.clone());
            } else {
                state.locked_cards.remove(id);
            }
        }
        Ok(self.card_state(card))
    }
}

#[async_trait]
impl CardControls for DemoBank {
    async fn cards(&self, credential: &CustomerCredential) -> BankResult<Vec<Card>> {
        let customer = self.authenticate(credential)?;
        Ok(customer.cards.iter().map(|c| self.card_state(c)).collect())
    }

    async fn lock_card(&self, credential: &CustomerCredential, card: &CardId) -> BankResult<Card> {
        self.set_locked(credential, card, true)
    }

    async fn unlock_card(
        &self,
        credential: &CustomerCredential,
        card: &CardId,
    ) -> BankResult<Card> {
        self.set_locked(credential, card, false)
    }
}
