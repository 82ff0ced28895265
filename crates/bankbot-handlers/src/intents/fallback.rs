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
        // Where nobody answers here, the bank's contact and a way on instead of a person.
        let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
        if choices.is_empty() {
            choices.extend([
                ctx.intent_choice(Msg::LabelBalance, IntentId::Balance),
                ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions),
                ctx.intent_choice(Msg::LabelAtm, IntentId::AtmNearby),
            ]);
        }
        choices.push(ctx.intent_choice(Msg::LabelHelp, IntentId::Help));
        let reach = ctx.reach();
        ctx.ask(Msg::FallbackEscalate(reach), choices);
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
