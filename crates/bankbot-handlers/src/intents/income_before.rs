//! "Any interest on my savings?", "has anything come in?" when nothing came in over the
//! days asked (this month by default): the latest money in of the past year, so the
//! customer hears when it last happened instead of a bare "nothing".

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{Category, Transaction};

use crate::HandlerError;
use crate::ctx::Ctx;
use crate::intents::history;

/// How far back to look.
const LOOK_BACK_DAYS: u64 = 365;

/// True for money in that is not a transfer between the customer's own accounts.
pub(crate) fn is_money_in(t: &Transaction) -> bool {
    !t.is_debit() && t.category != Some(Category::Transfer)
}

/// True for money in to one account (`into_one`: any credit, a transfer from another of
/// the customer's accounts too), else for money in as `is_money_in` reads it.
pub(crate) fn is_money_in_to(t: &Transaction, into_one: bool) -> bool {
    if into_one {
        !t.is_debit()
    } else {
        is_money_in(t)
    }
}

/// The latest money in matching `query`'s account, category and text, over the past year:
/// into one account, any credit; across them all, not a transfer between them.
pub(crate) async fn latest(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    query: &TransactionQuery,
) -> Result<Option<Transaction>, HandlerError> {
    let into_one = query.account.is_some();
    history::latest_where(ctx, credential, query, LOOK_BACK_DAYS, |t| {
        is_money_in_to(t, into_one)
    })
    .await
}

/// The latest money in, then, when that was a transfer from another of the customer's
/// accounts, the latest from outside them too ("deposits to my savings": the $500 moved
/// from checking, and the interest before it).
pub(crate) async fn latest_with_outside(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    query: &TransactionQuery,
) -> Result<Vec<Transaction>, HandlerError> {
    let Some(first) = latest(ctx, credential, query).await? else {
        return Ok(Vec::new());
    };
    let mut found = vec![first];
    if !is_money_in(&found[0])
        && let Some(outside) =
            history::latest_where(ctx, credential, query, LOOK_BACK_DAYS, is_money_in).await?
    {
        found.push(outside);
    }
    Ok(found)
}
