//! Readings that keep a card safe, tried before the engine's intent once no question is
//! pending: a code or card details given away ("je lui ai déjà donné le code"), what a
//! scammer said ("he said he's from the fraud team"), a lock or unlock asked in words the
//! engine read elsewhere ("tu peux la freeze le temps que je check", "tu peux la
//! réactiver"), "did they use it?" after a theft or a lock, and a mere reaction ("putain ça
//! suffit pas") or remark ("bruh thats lowkey not bad") that must not start the fraud path.

use bankbot_core::{IntentId, IntentMatch};

use crate::ctx::Ctx;
use crate::intents::{
    bank_call, compromised, lock_order, lock_question, reaction, remark, scam_pressure,
};
use crate::{DialogState, HandlerError};

/// Engine readings a reaction may get (never a request of the customer's own).
const REACTION_MISREAD: &[IntentId] = &[
    IntentId::ReportFraud,
    IntentId::OutOfScope,
    IntentId::Goodbye,
    IntentId::PrivacyInfo,
    IntentId::DataAccess,
    IntentId::Help,
];

/// Answers `text` when one of these readings fits; false when none does.
pub(crate) async fn route(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    text: &str,
    parsed: &IntentMatch,
    confident: bool,
) -> Result<bool, HandlerError> {
    // ("someone called and i gave them my card number… is my money still there": the money
    // first, then the lock, as scam_checks answers it.)
    if compromised::told(text) && !crate::intents::scam_checks::asks_money_safe(text) {
        state.pending = None;
        compromised::answer(ctx, state, text).await?;
        return Ok(true);
    }
    if scam_pressure::heard(text) {
        state.pending = None;
        scam_pressure::answer(ctx, state);
        return Ok(true);
    }
    // "un monsieur m'a appelé de la banque": a warning, not a person offered.
    if matches!(parsed.intent, IntentId::HumanAgent | IntentId::OutOfScope)
        && bank_call::told(text)
        && !crate::intents::phishing::asked(text)
    {
        state.pending = None;
        bank_call::answer(ctx, state);
        return Ok(true);
    }
    if !matches!(parsed.intent, IntentId::CardLock | IntentId::ReportFraud)
        && (lock_order::requests(text) || lock_order::requests_unlock(text))
        && !crate::intents::unlock_question::asks(text)
    {
        state.pending = None;
        crate::dispatch::intent_turn(ctx, state, IntentId::CardLock, &parsed.slots, text).await?;
        return Ok(true);
    }
    if matches!(
        state.last_intent,
        Some(IntentId::CardLock | IntentId::ReportFraud)
    ) && lock_question::asks(text)
        && lock_question::asks_used(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        let kind = state.last_slots.account_type;
        lock_question::recent_uses(ctx, state, credential, None, kind, &parsed.slots).await?;
        return Ok(true);
    }
    if reaction::reacts(text) && (!confident || REACTION_MISREAD.contains(&parsed.intent)) {
        state.pending = None;
        reaction::answer(ctx, state);
        return Ok(true);
    }
    // « Ah fada, c'est tout ? Et le Carrefour ? » names what it asks about: no mere remark.
    let subject = parsed.slots.merchant.is_some() || parsed.slots.category.is_some();
    if remark::remarks(text)
        && !subject
        && (!confident || REACTION_MISREAD.contains(&parsed.intent))
    {
        state.pending = None;
        remark::answer(ctx, state);
        return Ok(true);
    }
    Ok(false)
}
