//! Transaction queries and pages.

use bankbot_core::{AccountId, Category, DateRange, Transaction};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The most transactions one page may hold.
pub const MAX_PAGE_SIZE: u32 = 100;

/// Which transactions to fetch. Every filter is optional; results come newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TransactionQuery {
    /// One account, or every account of the customer when `None`.
    pub account: Option<AccountId>,
    /// Booking dates, inclusive.
    pub range: Option<DateRange>,
    /// Case-insensitive text that the merchant or the description must contain.
    pub text: Option<String>,
    /// Category filter.
    pub category: Option<Category>,
    /// Smallest magnitude (absolute amount), inclusive.
    pub amount_min: Option<Decimal>,
    /// Largest magnitude (absolute amount), inclusive.
    pub amount_max: Option<Decimal>,
    /// Page size; connectors cap it at [`MAX_PAGE_SIZE`] and treat 0 as their default.
    pub limit: u32,
    /// Opaque token from a previous page's `next_page`.
    pub page_token: Option<PageToken>,
}

impl TransactionQuery {
    /// A query for the newest `limit` transactions of every account.
    pub fn latest(limit: u32) -> Self {
        TransactionQuery {
            limit,
            ..TransactionQuery::default()
        }
    }

    /// The effective page size: `limit` capped at [`MAX_PAGE_SIZE`], 0 meaning 25.
    pub fn page_size(&self) -> usize {
        match self.limit {
            0 => 25,
            n => n.min(MAX_PAGE_SIZE) as usize,
        }
    }

    /// True when `tx` passes every filter but the page token and limit. Connectors that
    /// filter in memory use it; remote ones may use it to re-check what the bank sent.
    pub fn matches(&self, tx: &Transaction) -> bool {
        let account_ok = self.account.as_ref().is_none_or(|a| *a == tx.account_id);
        let range_ok = self.range.is_none_or(|r| r.contains(tx.booking_date));
        let text_ok = self.text.as_deref().is_none_or(|needle| {
            // "cafe" finds "Café de Flore": both sides folded alike.
            let needle = bankbot_core::fold_text(needle);
            bankbot_core::fold_text(&tx.description).contains(&needle)
                || tx
                    .merchant
                    .as_deref()
                    .is_some_and(|m| bankbot_core::fold_text(m).contains(&needle))
        });
        let category_ok = self.category.is_none_or(|c| tx.category == Some(c));
        let magnitude = tx.amount.amount.abs();
        let min_ok = self.amount_min.is_none_or(|m| magnitude >= m);
        let max_ok = self.amount_max.is_none_or(|m| magnitude <= m);
        account_ok && range_ok && text_ok && category_ok && min_ok && max_ok
    }
}

/// An opaque continuation token.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PageToken(pub String);

/// One page of transactions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TransactionPage {
    /// The transactions, newest booking date first.
    pub transactions: Vec<Transaction>,
    /// Where to continue, `None` on the last page.
    pub next_page: Option<PageToken>,
}
