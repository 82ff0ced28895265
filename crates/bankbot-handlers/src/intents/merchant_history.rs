//! "how much did i spend at pg&e", « combien chez Leroy Merlin » with no period: this month
//! when something was paid there this month, else the whole history the bank gives rather
//! than "nothing this month" (a merchant never paid stays this month's "none", so a second
//! merchant asked with it keeps this month too). Whether to widen is all this file decides;
//! the total is [`spending`](crate::intents::spending)'s.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{DateRange, Slots};
use chrono::{Datelike, NaiveDate};

use crate::HandlerError;
use crate::ctx::Ctx;

/// True when `slots` name a merchant and no period, nothing of that merchant was paid this
/// month, and something was before, within the whole-history window.
pub(crate) async fn only_earlier(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<bool, HandlerError> {
    if slots.merchant.is_none() || slots.date_from.is_some() || slots.date_to.is_some() {
        return Ok(false);
    }
    let today = ctx.services.clock.today();
    let first = today.with_day(1).unwrap_or(today);
    let year = crate::history::year_back(today).unwrap_or(first);
    Ok(!any_paid(ctx, credential, slots, first, today).await?
        && any_paid(ctx, credential, slots, year, today).await?)
}

/// True when `slots`' merchant (and category) was paid anything from `from` to `to`.
async fn any_paid(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<bool, HandlerError> {
    let query = TransactionQuery {
        range: DateRange::new(from, to).ok(),
        text: slots.merchant.clone(),
        category: slots.category,
        limit: 1,
        ..TransactionQuery::default()
    };
    let page = ctx.services.bank.transactions(credential, &query).await?;
    Ok(!page.transactions.is_empty())
}
