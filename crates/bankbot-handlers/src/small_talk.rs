//! `greeting`, `help`, `thanks`, `goodbye`: what the bot can do, as quick replies.

use crate::catalog::Msg;
use crate::ctx::Ctx;

pub(crate) fn greeting(ctx: &mut Ctx<'_>) {
    let linked = ctx.customer.is_some();
    let menu = ctx.menu();
    ctx.ask(Msg::Greeting { linked }, menu);
}

pub(crate) fn help(ctx: &mut Ctx<'_>) {
    let menu = ctx.menu();
    ctx.ask(Msg::Help, menu);
}

pub(crate) fn thanks(ctx: &mut Ctx<'_>) {
    ctx.say(Msg::Thanks);
}

pub(crate) fn goodbye(ctx: &mut Ctx<'_>) {
    ctx.say(Msg::Goodbye);
}
