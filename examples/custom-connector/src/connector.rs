//! [`CoreBanking`]: the bank traits over the core-banking API.

use std::time::Duration;

use bankbot::bank::decorators::{Retry, RetryPolicy, Timeout, Traced};
use bankbot::prelude::*;
use reqwest::Method;

use crate::error::Call;
use crate::http::{CoreHttp, Request, empty};
use crate::map;
use crate::options::{CoreBankingOptions, OptionsError};
use crate::wire;

/// The core's page size when the bot filters on what the core cannot (text, category,
/// amounts): bigger pages, fewer round trips.
const FILTERED_FETCH: u32 = 100;

/// Card status codes of the core.
const ACTIVE: &str = "ACTIVE";
const BLOCKED: &str = "BLOCKED_TEMPORARY";

/// A connector for the bank's core-banking API.
#[derive(Debug, Clone)]
pub struct CoreBanking {
    http: CoreHttp,
    options: CoreBankingOptions,
}

/// [`CoreBanking`] behind bankbot's decorators: a span per call, retries of what is worth
/// retrying, and a bound on each attempt.
pub type DecoratedCoreBanking = Traced<Retry<Timeout<CoreBanking>>>;

impl CoreBanking {
    /// A connector for the core `options` describes.
    pub fn new(options: CoreBankingOptions) -> Result<Self, OptionsError> {
        Ok(CoreBanking {
            http: CoreHttp::new(&options)?,
            options,
        })
    }

    /// This connector as the bot should use it for reads and card controls. Login, code
    /// exchange and fraud answers are one-time operations: use the plain connector for them.
    pub fn decorated(self) -> DecoratedCoreBanking {
        let policy = RetryPolicy {
            max_attempts: self.options.retries.saturating_add(1),
            ..RetryPolicy::default()
        };
        // reqwest's own timeout fires first and names the call; this is the backstop.
        let limit = self.options.call_timeout + Duration::from_secs(1);
        Traced::new(
            "core-banking",
            Retry::new(Timeout::new(self, limit), policy),
        )
    }

    /// The customer's account `id`, or `NotFound`.
    async fn account(
        &self,
        credential: &CustomerCredential,
        id: &AccountId,
    ) -> BankResult<Account> {
        self.accounts(credential)
            .await?
            .into_iter()
            .find(|a| a.id == *id)
            .ok_or_else(|| BankError::NotFound("account".into()))
    }

    async fn set_card_status(
        &self,
        credential: &CustomerCredential,
        card: &CardId,
        status: &str,
    ) -> BankResult<Card> {
        let body = wire::CardStatusRequest { status };
        let answer: Option<wire::WireCard> = self
            .http
            .send(Request {
                method: Method::PUT,
                path: &["v1", "cards", card.as_str(), "status"],
                query: &[],
                token: Some(credential.credential.expose()),
                body: Some(&body),
                call: Call::Data,
                what: "card",
            })
            .await?;
        map::card(answer.ok_or_else(|| empty("card"))?)
    }
}

#[async_trait]
impl BankConnector for CoreBanking {
    async fn accounts(&self, credential: &CustomerCredential) -> BankResult<Vec<Account>> {
        let list: wire::AccountList = self
            .http
            .get(
                credential.credential.expose(),
                &["v1", "accounts"],
                &[],
                "accounts",
            )
            .await?;
        list.accounts.into_iter().map(map::account).collect()
    }

    async fn balance(
        &self,
        credential: &CustomerCredential,
        id: &AccountId,
    ) -> BankResult<Balance> {
        let account = self.account(credential, id).await?;
        let answer: wire::WireBalance = self
            .http
            .get(
                credential.credential.expose(),
                &["v1", "accounts", id.as_str(), "balance"],
                &[],
                "balance",
            )
            .await?;
        map::balance(answer, &account)
    }

    /// The core filters by account and dates and pages with `after=<last id>`; text,
    /// category and amount filters are applied here. The page token handed out is the id
    /// of the last transaction returned, so the next page resumes right after it.
    async fn transactions(
        &self,
        credential: &CustomerCredential,
        query: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        let size = query.page_size();
        let local_filters = query.text.is_some()
            || query.category.is_some()
            || query.amount_min.is_some()
            || query.amount_max.is_some();
        let fetch = if local_filters {
            FILTERED_FETCH
        } else {
            size as u32
        };
        let mut base: Vec<(&str, String)> = vec![("limit", fetch.to_string())];
        if let Some(account) = &query.account {
            base.push(("account", account.as_str().to_owned()));
        }
        if let Some(range) = &query.range {
            base.push(("from", range.from().format("%Y-%m-%d").to_string()));
            base.push(("to", range.to().format("%Y-%m-%d").to_string()));
        }
        let mut after = query.page_token.as_ref().map(|t| t.0.clone());
        let mut found = Vec::with_capacity(size);
        loop {
            let mut params = base.clone();
            if let Some(after) = &after {
                params.push(("after", after.clone()));
            }
            let list: wire::TransactionList = self
                .http
                .get(
                    credential.credential.expose(),
                    &["v1", "transactions"],
                    &params,
                    "transactions",
                )
                .await?;
            let fetched = list.transactions.len();
            for (i, item) in list.transactions.into_iter().enumerate() {
                let tx = map::transaction(item)?;
                if !query.matches(&tx) {
                    continue;
                }
                found.push(tx);
                if found.len() == size {
                    let more = i + 1 < fetched || list.next.is_some();
                    let next = more.then(|| PageToken(found[size - 1].id.to_string()));
                    return Ok(TransactionPage {
                        transactions: found,
                        next_page: next,
                    });
                }
            }
            match list.next {
                Some(next) if fetched > 0 => after = Some(next),
                _ => {
                    return Ok(TransactionPage {
                        transactions: found,
                        next_page: None,
                    });
                }
            }
        }
    }
}

#[async_trait]
impl CardControls for CoreBanking {
    async fn cards(&self, credential: &CustomerCredential) -> BankResult<Vec<Card>> {
        let list: wire::CardList = self
            .http
            .get(
                credential.credential.expose(),
                &["v1", "cards"],
                &[],
                "cards",
            )
            .await?;
        list.cards.into_iter().map(map::card).collect()
    }

    async fn lock_card(&self, credential: &CustomerCredential, card: &CardId) -> BankResult<Card> {
        self.set_card_status(credential, card, BLOCKED).await
    }

    async fn unlock_card(
        &self,
        credential: &CustomerCredential,
        card: &CardId,
    ) -> BankResult<Card> {
        self.set_card_status(credential, card, ACTIVE).await
    }
}

#[async_trait]
impl FraudReporting for CoreBanking {
    async fn confirm_transaction(
        &self,
        credential: &CustomerCredential,
        reference: &str,
        genuine: bool,
    ) -> BankResult<()> {
        let body = wire::ConfirmationRequest { genuine };
        let _: Option<serde_json::Value> = self
            .http
            .send(Request {
                method: Method::POST,
                path: &["v1", "transactions", reference, "confirmation"],
                query: &[],
                token: Some(credential.credential.expose()),
                body: Some(&body),
                call: Call::Data,
                what: "transaction",
            })
            .await?;
        Ok(())
    }
}

#[async_trait]
impl LinkingProvider for CoreBanking {
    async fn authorize(&self, username: &str, password: &str) -> BankResult<AuthorizationCode> {
        let body = wire::LoginRequest { username, password };
        let answer: Option<wire::LoginAnswer> = self
            .http
            .send(Request {
                method: Method::POST,
                path: &["v1", "login"],
                query: &[],
                token: None,
                body: Some(&body),
                call: Call::Login,
                what: "login",
            })
            .await?;
        Ok(AuthorizationCode(answer.ok_or_else(|| empty("code"))?.code))
    }

    async fn exchange(&self, code: &AuthorizationCode) -> BankResult<CustomerCredential> {
        let body = wire::CodeRequest { code: &code.0 };
        let answer: Option<wire::TokenAnswer> = self
            .http
            .send(Request {
                method: Method::POST,
                path: &["v1", "token"],
                query: &[],
                token: None,
                body: Some(&body),
                call: Call::Login,
                what: "token",
            })
            .await?;
        let answer = answer.ok_or_else(|| empty("token"))?;
        Ok(CustomerCredential::new(
            CustomerRef::new(answer.customer_id),
            Credential::new(answer.access_token),
        ))
    }

    async fn revoke(&self, credential: &CustomerCredential) -> BankResult<()> {
        let result: BankResult<Option<serde_json::Value>> = self
            .http
            .send(Request::<()> {
                method: Method::POST,
                path: &["v1", "logout"],
                query: &[],
                token: Some(credential.credential.expose()),
                body: None,
                call: Call::Data,
                what: "logout",
            })
            .await;
        match result {
            // A token the core no longer knows is as revoked as it gets.
            Ok(_) | Err(BankError::ReauthenticationRequired) => Ok(()),
            Err(other) => Err(other),
        }
    }
}
