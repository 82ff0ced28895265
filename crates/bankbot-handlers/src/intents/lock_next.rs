//! "and the visa too", "same for the visa", "what about my credit card" right after a card
//! was locked (or its lock asked): the lock goes on with the card named, asked again as any
//! lock is; never a balance of that card nor the data kept.

use bankbot_bank::CustomerCredential;
use bankbot_core::IntentId;

use crate::ctx::Ctx;
use crate::intents::card_named::Named;
use crate::{DialogState, HandlerError};

/// True when the last answer was about locking a card, so a card named next continues it.
pub(crate) fn follows_a_lock(state: &DialogState) -> bool {
    state.pending.is_none() && state.last_intent == Some(IntentId::CardLock)
}

/// Asks to lock the card `text` names, when it only names one of the customer's cards
/// ("the visa as well", "et la visa aussi"); false when it names none (nothing said).
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    text: &str,
) -> Result<bool, HandlerError> {
    if !ctx.auth_fresh || crate::intents::card_status::asks(text) {
        return Ok(false);
    }
    let Some(Named::One(card)) = crate::intents::cards::named_in(ctx, credential, text).await?
    else {
        return Ok(false);
    };
    state.turn_intent = Some(IntentId::CardLock);
    crate::intents::cards::confirm(ctx, state, &card);
    Ok(true)
}
