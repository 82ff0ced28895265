//! A card lock asked for and not yet confirmed ("which card?", "lock your Visa?") must not
//! be dropped silently when the customer says something else ("merci frero", "et mon
//! solde ?"): the customer would believe the card is locked. The other message is answered,
//! then the bot says once that the card is not locked yet and asks again; a second message
//! elsewhere drops the question.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::format::card_label;
use crate::{DialogState, Effect, HandlerError, Pending};

/// After a turn: when `asked` (the question pending before it) was a card lock and the turn
/// dropped it without answering it, remind once and keep the question open.
pub(crate) async fn after_turn(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    asked: Option<Pending>,
) -> Result<(), HandlerError> {
    let handled = state.turn_intent == Some(IntentId::CardLock);
    let lock = asked.filter(|p| {
        matches!(
            p,
            Pending::CardChoice
                | Pending::CardLockConfirm { .. }
                | Pending::CardLockConfirmAll { .. }
        )
    });
    let (Some(lock), Some(credential)) = (lock, ctx.customer) else {
        state.lock_reminded = false;
        return Ok(());
    };
    let dropped = state.pending.is_none() && !handled;
    let handed_over = ctx.out.effects.iter().any(|e| {
        matches!(
            e,
            Effect::HandOverToHuman | Effect::UnlinkAccount | Effect::DeleteUserData
        )
    });
    if !dropped || handed_over || state.lock_reminded {
        state.lock_reminded = state.lock_reminded && state.pending == Some(lock);
        return Ok(());
    }
    let label = match &lock {
        Pending::CardLockConfirm { card } => ctx
            .services
            .cards
            .cards(credential)
            .await?
            .iter()
            .find(|c| c.id == *card)
            .filter(|c| !c.locked)
            .map(card_label),
        _ => None,
    };
    if matches!(lock, Pending::CardLockConfirm { .. }) && label.is_none() {
        // Locked meanwhile, or no longer the customer's: nothing to remind.
        return Ok(());
    }
    let choices = ctx.yes_no();
    ctx.ask(Msg::LockNotDone(label.as_deref()), choices);
    // A yes to "do you still want to lock one?" asks which ("both" locks every card).
    state.pending = Some(match lock {
        Pending::CardLockConfirm { .. } => lock,
        _ => Pending::LockOffer,
    });
    state.lock_reminded = true;
    Ok(())
}
