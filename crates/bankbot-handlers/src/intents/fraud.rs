//! `report_fraud`: offer to lock the card and to reach a person; with a bank that takes no
//! fraud reports here, say so and give its contact.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;

/// With card controls, a yes to the offer starts the card lock
/// ([`crate::Pending::LockOffer`]).
pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut crate::DialogState) {
    let provided = &ctx.services.capabilities;
    let (cards, reports) = (provided.cards, provided.fraud_reporting);
    let mut choices = Vec::new();
    if cards {
        choices.push(ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
    }
    choices.push(ctx.intent_choice(Msg::LabelPerson, IntentId::HumanAgent));
    let text = match (cards, reports) {
        (true, true) => ctx.t(Msg::FraudOffer),
        (true, false) => ctx.t(Msg::FraudNoReports(ctx.contact())),
        (false, _) => ctx.t(Msg::FraudUnavailable(ctx.contact())),
    };
    ctx.ask_text(text, choices);
    if cards && ctx.customer.is_some() {
        state.pending = Some(crate::Pending::LockOffer);
    }
}
