//! `delete_my_data`: a confirmation, then erase everything tied to the user.

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::{DialogState, Effect, Pending};

pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.pending = Some(Pending::DeleteConfirm);
    let choices = ctx.yes_no();
    ctx.ask(Msg::DeleteAsk, choices);
}

/// The answer to "Delete everything?". On yes the dialogue state is reset too.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState, yes: bool) {
    if !yes {
        ctx.say(Msg::DeleteKept);
        return;
    }
    *state = DialogState::default();
    ctx.effect(Effect::DeleteUserData);
    ctx.say(Msg::Deleted);
}
