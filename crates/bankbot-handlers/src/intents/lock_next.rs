//! "and the visa too", "same for the visa", "what about my credit card" right after a card
//! was locked (or its lock asked): the lock goes on with the card named, asked again as any
//! lock is; never a balance of that card nor the data kept. Right after an unlock (done, or
//! "None of your cards is locked", "which one?"), "the visa", "debit card" go on with the
//! unlock instead: never a lock offer a hurried "yes" would confirm.

use bankbot_bank::CustomerCredential;
use bankbot_core::IntentId;

use crate::ctx::Ctx;
use crate::intents::card_named::Named;
use crate::{DialogState, HandlerError};

/// True when the last answer was about locking a card, so a card named next continues it
/// (not after an unlock: "debit card" then goes on with the unlock).
pub(crate) fn follows_a_lock(state: &DialogState) -> bool {
    state.pending.is_none() && state.last_intent == Some(IntentId::CardLock) && !state.unlock_asked
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

/// The most words a card named to go on with an unlock has ("the visa", "my debit card pls").
const MAX_UNLOCK_NEXT_WORDS: usize = 5;

/// Goes on with the unlock asked in the last turn when `text` only names one of the
/// customer's cards; false when it asks something else (nothing said).
pub(crate) async fn unlock_next(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    text: &str,
) -> Result<bool, HandlerError> {
    if !state.unlock_asked
        || state.pending.is_some()
        || text.split_whitespace().count() > MAX_UNLOCK_NEXT_WORDS
        || crate::intents::lock_order::has_lock_verb(text)
    {
        return Ok(false);
    }
    let Some(Named::One(card)) = crate::intents::cards::named_in(ctx, credential, text).await?
    else {
        return Ok(false);
    };
    state.turn_intent = Some(IntentId::CardLock);
    let kind = crate::intents::cards::account_of(&card);
    crate::intents::cards::unlock(ctx, state, credential, Some(kind), false).await?;
    Ok(true)
}
