//! The payment named while a lock is offered: after "I didn't make this payment" the bot
//! offers to lock the card; "the uber one", « le sncf », "the 45 one" then lists those
//! payments. The offer must not vanish with that list (a "yes" after it would find nothing
//! to agree to and the card would stay active): when the turn listed payments by merchant
//! or amount, the offer is made again under them, unless the card is already locked.

use bankbot_core::IntentId;

use crate::ctx::Ctx;
use crate::intents::fraud;
use crate::{DialogState, HandlerError, Pending};

/// After a turn: when `asked` (the question pending before it) was the offer of a lock
/// and the turn answered with payments of a named merchant or amount, offer it again.
pub(crate) async fn after_turn(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    asked: Option<&Pending>,
) -> Result<(), HandlerError> {
    let Some(credential) = ctx.customer else {
        return Ok(());
    };
    let named = &state.last_slots;
    let listed_named_payments = state.turn_intent == Some(IntentId::Transactions)
        && state.last_intent == Some(IntentId::Transactions)
        && (named.merchant.is_some() || named.amount_min.is_some() || named.amount_max.is_some());
    if asked != Some(&Pending::LockOffer) || state.pending.is_some() || !listed_named_payments {
        return Ok(());
    }
    if !fraud::already_locked(ctx, credential, named.account_type).await? {
        fraud::review_offer(ctx, state);
    }
    Ok(())
}
