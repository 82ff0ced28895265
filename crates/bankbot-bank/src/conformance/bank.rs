//! Conformance of a [`BankConnector`].

use std::collections::{HashMap, HashSet};

use bankbot_core::{Account, AccountId, DateRange, Transaction};

use super::{ConformanceFailure, ensure, fail, guarded};
use crate::{
    BankConnector, BankError, Credential, CustomerCredential, PageToken, TransactionQuery,
};

/// Knobs for [`check_bank_connector`].
#[derive(Debug, Clone)]
pub struct BankConformanceOptions {
    /// Page size used to walk the history (small, to exercise pagination).
    pub page_size: u32,
    /// Give up after this many pages: pagination that never ends is a failure.
    pub max_pages: usize,
    /// Also check that a made-up credential is refused with `ReauthenticationRequired`.
    pub check_bad_credential: bool,
}

impl Default for BankConformanceOptions {
    fn default() -> Self {
        BankConformanceOptions {
            page_size: 3,
            max_pages: 1_000,
            check_bad_credential: true,
        }
    }
}

/// What the suite saw, for the caller's own assertions.
#[derive(Debug, Clone, Default)]
pub struct BankReport {
    /// Accounts listed.
    pub accounts: usize,
    /// Transactions seen across all pages.
    pub transactions: usize,
    /// Pages walked.
    pub pages: usize,
}

/// Checks the invariants of `connector` for the customer of `credential`:
/// accounts have unique ids and masked numbers; balances match their account and currency;
/// transactions come newest first across pages, repeat nothing, end, stay in the customer's
/// accounts and currencies, honour account and date-range filters; an unknown account, a
/// forged page token and (optionally) a forged credential give errors, not panics.
pub async fn check_bank_connector(
    connector: &dyn BankConnector,
    credential: &CustomerCredential,
    options: &BankConformanceOptions,
) -> Result<BankReport, ConformanceFailure> {
    let accounts = match guarded("accounts", connector.accounts(credential)).await? {
        Ok(a) => a,
        Err(e) => return fail("accounts", format!("listing accounts failed: {e}")),
    };
    check_accounts(&accounts)?;
    for account in &accounts {
        check_balance(connector, credential, account).await?;
    }
    let by_id: HashMap<&AccountId, &Account> = accounts.iter().map(|a| (&a.id, a)).collect();
    let query = TransactionQuery::latest(options.page_size);
    let (history, pages) = walk(connector, credential, query, options).await?;
    for tx in &history {
        let Some(account) = by_id.get(&tx.account_id) else {
            return fail(
                "transactions.account",
                format!("{} is on an unlisted account", tx.id),
            );
        };
        ensure(
            tx.amount.currency == account.currency,
            "transactions.currency",
            || {
                format!(
                    "{} is in {}, its account in {}",
                    tx.id, tx.amount.currency, account.currency
                )
            },
        )?;
    }
    check_filters(connector, credential, options, &accounts, &history).await?;
    check_errors(connector, credential, options).await?;
    Ok(BankReport {
        accounts: accounts.len(),
        transactions: history.len(),
        pages,
    })
}

fn check_accounts(accounts: &[Account]) -> Result<(), ConformanceFailure> {
    let mut ids = HashSet::new();
    for a in accounts {
        ensure(ids.insert(&a.id), "accounts.unique_ids", || {
            format!("account id {} listed twice", a.id)
        })?;
        if let Some(m) = &a.masked_number {
            ensure(m.digits().len() <= 4, "accounts.masked", || {
                "masked number longer than 4 digits".into()
            })?;
        }
    }
    Ok(())
}

async fn check_balance(
    connector: &dyn BankConnector,
    credential: &CustomerCredential,
    account: &Account,
) -> Result<(), ConformanceFailure> {
    let balance = match guarded("balance", connector.balance(credential, &account.id)).await? {
        Ok(b) => b,
        Err(e) => return fail("balance", format!("balance of {} failed: {e}", account.id)),
    };
    ensure(balance.account_id == account.id, "balance.account", || {
        format!("asked {}, got {}", account.id, balance.account_id)
    })?;
    let currencies = [
        Some(balance.current),
        balance.available,
        balance.credit_limit,
    ];
    for money in currencies.into_iter().flatten() {
        ensure(
            money.currency == account.currency,
            "balance.currency",
            || format!("{} balance in {}", account.currency, money.currency),
        )?;
    }
    Ok(())
}

/// Walks every page of `query`, checking order, uniqueness and that it ends.
async fn walk(
    connector: &dyn BankConnector,
    credential: &CustomerCredential,
    mut query: TransactionQuery,
    options: &BankConformanceOptions,
) -> Result<(Vec<Transaction>, usize), ConformanceFailure> {
    let mut seen = HashSet::new();
    let mut all: Vec<Transaction> = Vec::new();
    for pages in 1..=options.max_pages {
        let page = match guarded("transactions", connector.transactions(credential, &query)).await?
        {
            Ok(p) => p,
            Err(e) => return fail("transactions", format!("page {pages} failed: {e}")),
        };
        ensure(
            page.transactions.len() <= query.page_size(),
            "transactions.limit",
            || {
                format!(
                    "page of {} for a limit of {}",
                    page.transactions.len(),
                    query.page_size()
                )
            },
        )?;
        for tx in page.transactions {
            ensure(
                seen.insert(tx.id.clone()),
                "transactions.no_repeats",
                || format!("{} returned twice", tx.id),
            )?;
            if let Some(prev) = all.last() {
                ensure(
                    prev.booking_date >= tx.booking_date,
                    "transactions.newest_first",
                    || {
                        format!(
                            "{} ({}) after {} ({})",
                            tx.id, tx.booking_date, prev.id, prev.booking_date
                        )
                    },
                )?;
            }
            all.push(tx);
        }
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => return Ok((all, pages)),
        }
    }
    fail(
        "transactions.pagination_ends",
        format!("still paging after {} pages", options.max_pages),
    )
}

async fn check_filters(
    connector: &dyn BankConnector,
    credential: &CustomerCredential,
    options: &BankConformanceOptions,
    accounts: &[Account],
    history: &[Transaction],
) -> Result<(), ConformanceFailure> {
    for account in accounts {
        let query = TransactionQuery {
            account: Some(account.id.clone()),
            ..TransactionQuery::latest(options.page_size)
        };
        let (txs, _) = walk(connector, credential, query, options).await?;
        let expected = history
            .iter()
            .filter(|t| t.account_id == account.id)
            .count();
        ensure(
            txs.iter().all(|t| t.account_id == account.id),
            "filter.account",
            || format!("foreign transaction in {}'s history", account.id),
        )?;
        ensure(txs.len() == expected, "filter.account", || {
            format!(
                "{} has {} transactions alone, {expected} in the full history",
                account.id,
                txs.len()
            )
        })?;
    }
    if let (Some(newest), Some(oldest)) = (history.first(), history.last()) {
        let mid = oldest.booking_date + (newest.booking_date - oldest.booking_date) / 2;
        let Ok(range) = DateRange::new(oldest.booking_date.max(mid), newest.booking_date) else {
            return Ok(());
        };
        let query = TransactionQuery {
            range: Some(range),
            ..TransactionQuery::latest(options.page_size)
        };
        let (txs, _) = walk(connector, credential, query, options).await?;
        ensure(
            txs.iter().all(|t| range.contains(t.booking_date)),
            "filter.range",
            || "a transaction outside the requested dates".into(),
        )?;
        let expected = history
            .iter()
            .filter(|t| range.contains(t.booking_date))
            .count();
        ensure(txs.len() == expected, "filter.range", || {
            format!(
                "{} in range, {expected} expected from the full history",
                txs.len()
            )
        })?;
    }
    Ok(())
}

async fn check_errors(
    connector: &dyn BankConnector,
    credential: &CustomerCredential,
    options: &BankConformanceOptions,
) -> Result<(), ConformanceFailure> {
    let unknown = AccountId::new("conformance-no-such-account");
    let result = guarded(
        "errors.unknown_account",
        connector.balance(credential, &unknown),
    )
    .await?;
    ensure(result.is_err(), "errors.unknown_account", || {
        "a balance for an unknown account".into()
    })?;

    let forged = TransactionQuery {
        page_token: Some(PageToken("conformance-forged-token".into())),
        ..TransactionQuery::latest(options.page_size)
    };
    let result = guarded(
        "errors.forged_page_token",
        connector.transactions(credential, &forged),
    )
    .await?;
    ensure(result.is_err(), "errors.forged_page_token", || {
        "a forged page token was accepted".into()
    })?;

    if options.check_bad_credential {
        let bad = CustomerCredential::new(
            credential.customer.clone(),
            Credential::new("conformance-forged"),
        );
        let result = guarded("errors.bad_credential", connector.accounts(&bad)).await?;
        ensure(
            matches!(result, Err(BankError::ReauthenticationRequired)),
            "errors.bad_credential",
            || format!("a forged credential gave {:?}", result.map(|a| a.len())),
        )?;
    }
    Ok(())
}
