//! `out_of_scope`: a polite fallback with suggestions; after two misses in a row, a person
//! is offered.

use bankbot_core::IntentId;

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;

/// Misses in a row after which a person is offered.
pub const ESCALATE_AFTER: u8 = 2;

pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.misses = state.misses.saturating_add(1);
    if state.misses >= ESCALATE_AFTER {
        let choices = vec![
            ctx.intent_choice(Msg::LabelPerson, IntentId::HumanAgent),
            ctx.intent_choice(Msg::LabelHelp, IntentId::Help),
        ];
        ctx.ask(Msg::FallbackEscalate, choices);
    } else {
        let mut choices = vec![
            ctx.intent_choice(Msg::LabelBalance, IntentId::Balance),
            ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions),
            ctx.intent_choice(Msg::LabelAtm, IntentId::AtmNearby),
            ctx.intent_choice(Msg::LabelHelp, IntentId::Help),
        ];
        if ctx.customer.is_none() {
            choices.insert(0, ctx.intent_choice(Msg::LabelLink, IntentId::LinkAccount));
        }
        ctx.ask(Msg::Fallback, choices);
    }
}
