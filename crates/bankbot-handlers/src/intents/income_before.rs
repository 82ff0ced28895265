//! "Any interest on my savings?", "has anything come in?" when nothing came in over the
//! days asked (this month by default): the latest money in of the past year, so the
//! customer hears when it last happened instead of a bare "nothing".

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{Category, Transaction};

use crate::HandlerError;
use crate::ctx::Ctx;
use crate::intents::transactions::MAX_PAGES;

/// How far back to look.
const LOOK_BACK_DAYS: u64 = 365;

/// The latest money in (not a transfer between the customer's own accounts) matching
/// `query`'s account, category and text, over the past year.
pub(crate) async fn latest(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    query: &TransactionQuery,
) -> Result<Option<Transaction>, HandlerError> {
    let today = ctx.services.clock.today();
    let mut query = TransactionQuery {
        range: crate::intents::transactions::last_days(today, LOOK_BACK_DAYS),
        limit: bankbot_bank::MAX_PAGE_SIZE,
        page_token: None,
        ..query.clone()
    };
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        if let Some(tx) = page
            .transactions
            .into_iter()
            .filter(|t| !t.is_debit() && t.category != Some(Category::Transfer))
            .max_by_key(|t| t.booking_date)
        {
            return Ok(Some(tx));
        }
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => break,
        }
    }
    Ok(None)
}
