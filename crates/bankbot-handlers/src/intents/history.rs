//! Reading the customer's history at the bank: every transaction of a query over a range
//! (bounded by pages), and the latest one that passes a test over the last N days — "the
//! last time", "when does it come", "what came in vs went out" all read it this way.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::Transaction;

use crate::HandlerError;
use crate::ctx::Ctx;
use crate::intents::transactions::{MAX_PAGES, last_days};

/// "As far back as the bank's history goes": ten years, more than any bank keeps online.
pub(crate) const WHOLE_HISTORY_DAYS: u64 = 3650;

/// Every transaction of `query` (its range as given), page after page.
pub(crate) async fn all(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    query: &TransactionQuery,
) -> Result<Vec<Transaction>, HandlerError> {
    let mut query = TransactionQuery {
        limit: bankbot_bank::MAX_PAGE_SIZE,
        page_token: None,
        ..query.clone()
    };
    let mut out = Vec::new();
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        out.extend(page.transactions);
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => break,
        }
    }
    Ok(out)
}

/// The latest transaction of `query` (its account, category and text) over the last
/// `days` days that passes `keep`.
pub(crate) async fn latest_where(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    query: &TransactionQuery,
    days: u64,
    keep: impl Fn(&Transaction) -> bool,
) -> Result<Option<Transaction>, HandlerError> {
    let query = TransactionQuery {
        range: last_days(ctx.services.clock.today(), days),
        ..query.clone()
    };
    Ok(all(ctx, credential, &query)
        .await?
        .into_iter()
        .filter(|t| keep(t))
        .max_by_key(|t| t.booking_date))
}
