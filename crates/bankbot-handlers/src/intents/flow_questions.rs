//! The questions about money in and out that the engine cannot tell apart from a spending
//! total, a transfer order or an alert, read from their words before the intent's module:
//! money in against money out ([`net_flow`]), money received from a payer
//! ([`received_from`]), the last time something happened ([`last_time`]) and when a
//! regular debit comes ([`next_debit`]).

use bankbot_core::IntentMatch;

use crate::ctx::Ctx;
use crate::intents::{cash_taken, last_time, net_flow, next_debit, received_from, upcoming};
use crate::{DialogState, HandlerError};

/// Answers `text` when it is one of these questions of a linked customer; `false` (nothing
/// said) otherwise.
pub(crate) async fn answered(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    text: &str,
    parsed: &IntentMatch,
) -> Result<bool, HandlerError> {
    let Some(credential) = ctx.customer else {
        return Ok(false);
    };
    let slots = &parsed.slots;
    if net_flow::asks(text) {
        state.pending = None;
        net_flow::answer(ctx, state, credential, slots).await?;
        return Ok(true);
    }
    if let Some(asked) = received_from::asks(text) {
        received_from::answer(ctx, state, credential, &asked, slots).await?;
        return Ok(true);
    }
    if let Some(last) = last_time::asks(text, slots) {
        state.pending = None;
        let slots = last_time::with_amount(text, slots);
        last_time::answer(ctx, state, credential, last, &slots).await?;
        return Ok(true);
    }
    if cash_taken::asks(text) || cash_taken::continues(state, text, parsed) {
        cash_taken::answer(ctx, state, credential, slots, text).await?;
        return Ok(true);
    }
    if next_debit::asks_pay(text) {
        state.pending = None;
        next_debit::answer_pay(ctx, state, credential).await?;
        return Ok(true);
    }
    if upcoming::asks(text, slots) {
        state.pending = None;
        upcoming::answer(ctx, state, credential).await?;
        return Ok(true);
    }
    if next_debit::asks(text, slots) {
        state.pending = None;
        next_debit::answer(ctx, state, credential, slots).await?;
        return Ok(true);
    }
    Ok(false)
}
