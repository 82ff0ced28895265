//! `human_agent`: tell the customer a person takes over, and ask the runtime to pass the
//! thread to the Page Inbox (the bot stays quiet until the thread comes back).

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::{DialogState, Effect};

pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.pending = None;
    state.misses = 0;
    if !ctx.people_available {
        let menu = vec![
            ctx.intent_choice(Msg::LabelBalance, bankbot_core::IntentId::Balance),
            ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help),
        ];
        let text = ctx.t(Msg::HandoffUnavailable(ctx.contact()));
        ctx.reply(bankbot_core::Reply::with_quick_replies(text, menu));
        return;
    }
    ctx.say(Msg::Handoff);
    ctx.effect(Effect::HandOverToHuman);
}
