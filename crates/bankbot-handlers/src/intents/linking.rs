//! `link_account` and `unlink_account`: the account-link button, and the unlink button with
//! a confirmation.

use bankbot_core::{Button, Reply};

use crate::catalog::{Msg, PrivacyMsg};
use crate::ctx::Ctx;
use crate::{DialogState, Effect, Pending};
use bankbot_core::Payload;

pub(crate) fn link(ctx: &mut Ctx<'_>) {
    if ctx.customer.is_some() {
        ctx.say(Msg::AlreadyLinked);
    } else {
        ctx.link_button(Msg::LinkPrompt);
    }
}

pub(crate) fn unlink(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    if ctx.customer.is_none() {
        let choice = ctx.intent_choice(Msg::LabelLink, bankbot_core::IntentId::LinkAccount);
        ctx.ask(Msg::NotLinked, vec![choice]);
        return;
    }
    state.pending = Some(Pending::UnlinkConfirm);
    let text = ctx.t(Msg::UnlinkAsk);
    let cancel = Button::Postback {
        title: ctx.t(Msg::LabelCancel),
        payload: Payload::No.encode(),
    };
    ctx.reply(Reply::with_buttons(
        text,
        vec![Button::AccountUnlink, cancel],
    ));
}

/// The answer to "Unlink your account?".
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState, yes: bool) {
    if !yes {
        ctx.say(Msg::UnlinkKept);
        return;
    }
    ctx.effect(Effect::UnlinkAccount);
    state.last_intent = None;
    state.last_slots = Default::default();
    state.more = None;
    let text = ctx.with_undo(Msg::Unlinked, PrivacyMsg::UndoUnlinked);
    ctx.reply(Reply::text(text));
}
