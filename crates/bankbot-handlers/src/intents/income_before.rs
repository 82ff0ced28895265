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

/// The latest money in (not a transfer between the customer's own accounts) matching
/// `query`'s account, category and text, over the past year.
pub(crate) async fn latest(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    query: &TransactionQuery,
) -> Result<Option<Transaction>, HandlerError> {
    history::latest_where(ctx, credential, query, LOOK_BACK_DAYS, is_money_in).await
}
