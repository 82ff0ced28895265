//! `human_agent`: tell the customer a person takes over, and ask the runtime to pass the
//! thread to the Page Inbox (the bot stays quiet until the thread comes back).

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::{DialogState, Effect};

pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.pending = None;
    state.misses = 0;
    ctx.say(Msg::Handoff);
    ctx.effect(Effect::HandOverToHuman);
}
