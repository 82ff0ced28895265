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
    ask_again(ctx, state, lock, credential).await
}

/// Asks the lock question `lock` again (the card named when it is the one left to lock),
/// saying that nothing is locked yet, and keeps it open. Nothing is asked when no card is
/// left to lock.
pub(crate) async fn ask_again(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    lock: Pending,
    credential: &bankbot_bank::CustomerCredential,
) -> Result<(), HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    // The card named (or none) and whether some other card is locked already.
    let (label, others_locked, pending) = match &lock {
        Pending::CardLockConfirm { card } => {
            let Some(card) = cards.iter().find(|c| c.id == *card).filter(|c| !c.locked) else {
                // Locked meanwhile, or no longer the customer's: nothing to remind.
                return Ok(());
            };
            (Some(card_label(card)), false, lock)
        }
        _ => {
            // "which card?" left open after one card was locked ("aye the debit one",
            // then "aye lock it", then "cheers"): only the cards still unlocked are
            // named, never "none of your cards is locked".
            let unlocked: Vec<_> = cards.iter().filter(|c| !c.locked).collect();
            let some_locked = unlocked.len() < cards.len();
            match unlocked.as_slice() {
                [] => return Ok(()),
                [only] if some_locked => (
                    Some(card_label(only)),
                    false,
                    Pending::CardLockConfirm {
                        card: only.id.clone(),
                    },
                ),
                // A yes to "do you still want to lock one?" asks which ("both" locks
                // every card).
                _ => (None, some_locked, Pending::LockOffer),
            }
        }
    };
    let message = if others_locked {
        Msg::LockOthersNotDone
    } else {
        Msg::LockNotDone(label.as_deref())
    };
    let choices = ctx.yes_no();
    ctx.ask(message, choices);
    state.pending = Some(pending);
    state.lock_reminded = true;
    Ok(())
}
