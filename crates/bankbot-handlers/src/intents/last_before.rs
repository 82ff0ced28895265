//! A search by merchant or category that finds nothing in its period ("and the electricity
//! bill?" after this month's rent; "did I pay PG&E this month"; "la boulangerie hier ou
//! avant-hier" paid today): after saying so, the newest matching item up to today, so the
//! customer sees when it last was.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{DateRange, Slots};

use crate::catalog::{Msg, TxFilters};
use crate::ctx::Ctx;
use crate::intents::transactions::{MAX_COUNT, collect, send_list};
use crate::{DialogState, HandlerError};

/// Shows the newest item matching `query` up to today, outside `range` (which has none);
/// nothing when there is none
/// or the search names neither a merchant nor a category. `out_only`: money out only.
pub(crate) async fn show(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    slots: &Slots,
    query: &TransactionQuery,
    range: DateRange,
    out_only: bool,
) -> Result<(), HandlerError> {
    if slots.merchant.is_none() && slots.category.is_none() {
        return Ok(());
    }
    // Up to today: "hier ou avant-hier" when it was paid this morning shows this morning's.
    let end = ctx.services.clock.today().max(range.to());
    let Some(start) = end.checked_sub_months(chrono::Months::new(24)) else {
        return Ok(());
    };
    let mut earlier = query.clone();
    earlier.range = DateRange::new(start, end).ok();
    if earlier.range.is_none() {
        return Ok(());
    }
    let wanted = if out_only { MAX_COUNT } else { 1 };
    let (mut items, _) = collect(ctx, credential, earlier, wanted, 0).await?;
    items.retain(|t| !out_only || t.amount.is_negative());
    items.truncate(1);
    if items.is_empty() {
        return Ok(());
    }
    let filters = TxFilters {
        merchant: slots.merchant.as_deref(),
        category: slots.category,
        account: slots.account_type,
        range: None,
        min: None,
        max: None,
    };
    let header = ctx.t(Msg::TxHeader {
        n: items.len(),
        filters: &filters,
    });
    send_list(ctx, state, header, &items, None);
    Ok(())
}
