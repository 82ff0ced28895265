//! `report_fraud`: offer to lock the card and to reach a person.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;

/// A yes to the offer starts the card lock ([`crate::Pending::LockOffer`]).
pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut crate::DialogState) {
    let choices = vec![
        ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock),
        ctx.intent_choice(Msg::LabelPerson, IntentId::HumanAgent),
    ];
    ctx.ask(Msg::FraudOffer, choices);
    if ctx.customer.is_some() {
        state.pending = Some(crate::Pending::LockOffer);
    }
}
