//! Which booking days a transaction query fetches from the bank: the query's dates, or
//! for a dateless query the recent window first (`recent_window_days`), and the fetch and
//! filter of those days across accounts.

use std::collections::HashSet;

use bankbot_bank::{BankResult, CustomerCredential, TransactionQuery};
use bankbot_core::AccountId;
use chrono::{NaiveDate, NaiveDateTime};
use futures::{StreamExt, TryStreamExt};

use super::{ACCOUNT_CONCURRENCY, ObieConnector};
use crate::cursor::{self, sort_key};
use crate::error::Resource;
use crate::parse::{self, ObieTransaction};

/// Booking days to fetch; `None` ends are open.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Days {
    pub(super) from: Option<NaiveDate>,
    pub(super) to: Option<NaiveDate>,
}

/// Transactions booked at or after this instant are inside a window starting on `start`
/// (bank-local days) whatever the offsets the bank wrote their times with.
pub(super) fn surely_inside(start: NaiveDate) -> NaiveDateTime {
    start
        .succ_opt()
        .unwrap_or(start)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
}

impl ObieConnector {
    /// Every transaction of one account booked within `days`, de-duplicated across pages.
    async fn account_transactions(
        &self,
        credential: &CustomerCredential,
        account: &AccountId,
        days: Days,
    ) -> BankResult<Vec<ObieTransaction>> {
        let mut url = self
            .client
            .url(&["accounts", account.as_str(), "transactions"])?;
        // Bank-local times without an offset (bank-apis §1.2): whole days, inclusive.
        if let Some(from) = days.from {
            url.query_pairs_mut()
                .append_pair("fromBookingDateTime", &format!("{from}T00:00:00"));
        }
        if let Some(to) = days.to {
            url.query_pairs_mut()
                .append_pair("toBookingDateTime", &format!("{to}T23:59:59"));
        }
        let all = self
            .follow(credential, url, Resource::AccountScoped, |body| {
                parse::transactions(body, account)
            })
            .await?;
        let mut seen = HashSet::new();
        let unique: Vec<ObieTransaction> = all
            .into_iter()
            .filter(|tx| seen.insert(tx.dedup_key.clone()))
            .collect();
        Ok(unique)
    }

    /// Where the recent-history window of a dateless query starts: `None` when the query
    /// has dates, the window is off, or the page asked for lies before the window.
    pub(super) fn recent_window(&self, query: &TransactionQuery) -> BankResult<Option<NaiveDate>> {
        if query.range.is_some() || self.recent_window_days == 0 {
            return Ok(None);
        }
        let days = chrono::Days::new(u64::from(self.recent_window_days));
        // A window reaching before the calendar's start is no window at all.
        let Some(start) = self.clock.today().checked_sub_days(days) else {
            return Ok(None);
        };
        match cursor::position(query)? {
            Some(at) if at < surely_inside(start) => Ok(None),
            _ => Ok(Some(start)),
        }
    }

    /// The transactions of `accounts` booked within `days` that match `query`, newest
    /// first.
    pub(super) async fn matching(
        &self,
        credential: &CustomerCredential,
        accounts: &[AccountId],
        days: Days,
        query: &TransactionQuery,
    ) -> BankResult<Vec<ObieTransaction>> {
        let fetches: Vec<_> = accounts
            .iter()
            .map(|id| self.account_transactions(credential, id, days))
            .collect();
        let per_account: Vec<Vec<ObieTransaction>> = futures::stream::iter(fetches)
            .buffered(ACCOUNT_CONCURRENCY)
            .try_collect()
            .await?;
        let mut merged: Vec<ObieTransaction> = per_account
            .into_iter()
            .flatten()
            .filter(|tx| query.matches(&tx.transaction))
            .collect();
        merged.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
        Ok(merged)
    }
}
