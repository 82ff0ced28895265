//! `report_fraud`: offer to lock the card and to reach a person.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;

pub(crate) fn handle(ctx: &mut Ctx<'_>) {
    let choices = vec![
        ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock),
        ctx.intent_choice(Msg::LabelPerson, IntentId::HumanAgent),
    ];
    ctx.ask(Msg::FraudOffer, choices);
}
