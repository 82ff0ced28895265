//! [`ObieConnector`]: `BankConnector` over the AIS endpoints.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use bankbot_bank::decorators::{Retry, RetryPolicy, Timeout, Traced};
use bankbot_bank::{
    BankConnector, BankResult, CustomerCredential, TransactionPage, TransactionQuery,
};
use bankbot_core::{Account, AccountId, Balance, Clock, Currency, SystemClock};
use chrono::Utc;
use tracing::{debug, warn};
use url::Url;

mod history;

use history::{Days, surely_inside};

use crate::config::ObieConfig;
use crate::cursor::{self, sort_key};
use crate::error::{ObieError, Resource};
use crate::http::{AisClient, header_map};
use crate::parse;
use crate::token::{CredentialAsBearer, OAuth2RefreshTokens, TokenProvider};

/// How many accounts' transactions are fetched at once for an all-accounts query.
const ACCOUNT_CONCURRENCY: usize = 4;

/// A [`BankConnector`] for a bank exposing the UK Open Banking AIS v3.1 API.
///
/// Build it with [`ObieConnector::from_config`]; wrap it with [`ObieConnector::decorated`]
/// for the bank crate's timeout and retry decorators.
#[derive(Debug)]
pub struct ObieConnector {
    client: AisClient,
    default_currency: Currency,
    max_pages: u32,
    call_timeout: Duration,
    retries: u32,
    recent_window_days: u32,
    clock: Arc<dyn Clock>,
}

/// The connector wrapped in the bank crate's decorators, outermost first: tracing, retries
/// with backoff (honouring short `Retry-After`s), and a timeout on each attempt.
pub type DecoratedObie = Traced<Retry<Timeout<ObieConnector>>>;

impl ObieConnector {
    /// A connector from typed options. Credentials are OAuth2 refresh tokens when
    /// `token_url` is set, bearer access tokens otherwise.
    pub fn from_config(config: ObieConfig) -> Result<Self, ObieError> {
        let http = http_client(&config)?;
        let tokens: Arc<dyn TokenProvider> = match (&config.token_url, &config.client_id) {
            (Some(token_url), Some(client_id)) => Arc::new(OAuth2RefreshTokens::new(
                http.clone(),
                http_url(token_url, "token_url")?,
                client_id.clone(),
                config.client_secret.clone(),
                config.request_timeout(),
            )),
            (None, None) => Arc::new(CredentialAsBearer),
            _ => return Err(ObieError::IncompleteOAuth),
        };
        Self::with_client(config, http, tokens)
    }

    /// A connector with a token provider of your own (client credentials, a vault …).
    pub fn with_token_provider(
        config: ObieConfig,
        tokens: Arc<dyn TokenProvider>,
    ) -> Result<Self, ObieError> {
        let http = http_client(&config)?;
        Self::with_client(config, http, tokens)
    }

    /// A connector on an HTTP client of your own, e.g. one holding the client certificate
    /// (mTLS) that FAPI banks require. Per-request timeouts still come from `config`.
    pub fn with_client(
        config: ObieConfig,
        http: reqwest::Client,
        tokens: Arc<dyn TokenProvider>,
    ) -> Result<Self, ObieError> {
        let mut base = http_url(&config.base_url, "base_url")?;
        if base.cannot_be_a_base() {
            return Err(ObieError::InvalidUrl { field: "base_url" });
        }
        base.path_segments_mut()
            .map_err(|()| ObieError::InvalidUrl { field: "base_url" })?
            .pop_if_empty();
        let extra_headers = header_map(&config.extra_headers).map_err(ObieError::InvalidHeader)?;
        let default_currency =
            Currency::new(&config.default_currency).map_err(|_| ObieError::InvalidCurrency)?;
        Ok(ObieConnector {
            client: AisClient {
                http,
                base,
                extra_headers,
                tokens,
                request_timeout: config.request_timeout(),
                max_body_bytes: config.max_body_bytes,
                consent_links: false,
            },
            default_currency,
            max_pages: config.max_pages.max(1),
            call_timeout: config.call_timeout(),
            retries: config.retries,
            recent_window_days: config.recent_window_days,
            clock: Arc::new(SystemClock),
        })
    }

    /// For customers linked through [`ObieLinking`](crate::ObieLinking): the customer's
    /// credential is the consent's access token (renewed by the linking provider), and a
    /// 403 means the consent was revoked or has expired, so the customer is asked to link
    /// again (`ReauthenticationRequired`) rather than told a permission is missing.
    pub fn for_consent_links(mut self) -> Self {
        self.client.tokens = Arc::new(CredentialAsBearer);
        self.client.consent_links = true;
        self
    }

    /// Uses `clock` for "today" (where the recent-history window starts).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// This connector inside the bank crate's decorators, configured from `call_timeout_ms`
    /// and `retries`: what the runtime should be handed.
    pub fn decorated(self) -> DecoratedObie {
        let policy = RetryPolicy {
            max_attempts: self.retries.saturating_add(1),
            ..RetryPolicy::default()
        };
        let limit = self.call_timeout;
        Traced::new("obie", Retry::new(Timeout::new(self, limit), policy))
    }

    /// Every page of `url`, parsed by `parse_page` (which returns the items and `Links.Next`).
    async fn follow<T>(
        &self,
        credential: &CustomerCredential,
        mut url: Url,
        resource: Resource,
        parse_page: impl Fn(&[u8]) -> BankResult<parse::Parsed<Vec<T>>>,
    ) -> BankResult<Vec<T>> {
        let mut visited = HashSet::new();
        let mut out = Vec::new();
        for _ in 0..self.max_pages {
            let body = self.client.get(credential, &url, resource).await?;
            let page = parse_page(&body)?;
            out.extend(page.items);
            visited.insert(url.clone());
            match page.next {
                Some(next) => {
                    url = self.client.next_url(&url, &next)?;
                    if visited.contains(&url) {
                        debug!("obie: Links.Next loops back; stopping");
                        return Ok(out);
                    }
                }
                None => return Ok(out),
            }
        }
        warn!(
            max_pages = self.max_pages,
            "obie: page limit reached; results truncated"
        );
        Ok(out)
    }
}

fn http_client(config: &ObieConfig) -> Result<reqwest::Client, ObieError> {
    reqwest::Client::builder()
        .connect_timeout(config.connect_timeout())
        .timeout(config.request_timeout())
        .user_agent(concat!("bankbot-obie/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| ObieError::Client(e.without_url().to_string()))
}

fn http_url(raw: &str, field: &'static str) -> Result<Url, ObieError> {
    let url = Url::parse(raw.trim()).map_err(|_| ObieError::InvalidUrl { field })?;
    if matches!(url.scheme(), "http" | "https") && url.has_host() {
        Ok(url)
    } else {
        Err(ObieError::InvalidUrl { field })
    }
}

#[async_trait]
impl BankConnector for ObieConnector {
    async fn accounts(&self, credential: &CustomerCredential) -> BankResult<Vec<Account>> {
        let url = self.client.url(&["accounts"])?;
        let currency = self.default_currency;
        let all = self
            .follow(credential, url, Resource::Accounts, |body| {
                parse::accounts(body, currency)
            })
            .await?;
        let mut seen = HashSet::new();
        Ok(all
            .into_iter()
            .filter(|a| seen.insert(a.id.clone()))
            .collect())
    }

    async fn balance(
        &self,
        credential: &CustomerCredential,
        account: &AccountId,
    ) -> BankResult<Balance> {
        let url = self
            .client
            .url(&["accounts", account.as_str(), "balances"])?;
        let body = self
            .client
            .get(credential, &url, Resource::AccountScoped)
            .await?;
        parse::balance(&body, account, Utc::now())
    }

    async fn transactions(
        &self,
        credential: &CustomerCredential,
        query: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        let accounts: Vec<AccountId> = match &query.account {
            Some(id) => vec![id.clone()],
            None => self
                .accounts(credential)
                .await?
                .into_iter()
                .map(|a| a.id)
                .collect(),
        };
        let window = self.recent_window(query)?;
        let days = match (query.range, window) {
            (Some(r), _) => Days {
                from: Some(r.from()),
                to: Some(r.to()),
            },
            (None, Some(start)) => Days {
                from: Some(start),
                to: None,
            },
            (None, None) => Days::default(),
        };
        let mut merged = self.matching(credential, &accounts, days, query).await?;
        if let Some(start) = window
            && !cursor::covers(&merged, query, surely_inside(start))?
        {
            let older = Days {
                from: None,
                to: start.pred_opt(),
            };
            debug!("obie: recent window too short for this page; fetching older history");
            merged.extend(self.matching(credential, &accounts, older, query).await?);
            let mut seen = HashSet::new();
            merged.retain(|tx| {
                seen.insert((tx.transaction.account_id.clone(), tx.dedup_key.clone()))
            });
            merged.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        }
        let (items, next_page) = cursor::page(merged, query)?;
        Ok(TransactionPage {
            transactions: items.into_iter().map(|t| t.transaction).collect(),
            next_page,
        })
    }
}
