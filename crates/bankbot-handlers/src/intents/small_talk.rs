//! `greeting`, `help`, `thanks`, `goodbye`: what the bot can do, as quick replies.

use crate::catalog::Msg;
use crate::ctx::Ctx;

pub(crate) fn greeting(ctx: &mut Ctx<'_>) {
    let linked = ctx.customer.is_some();
    let people = ctx.people_available;
    let menu = ctx.menu();
    ctx.ask(Msg::Greeting { linked, people }, menu);
}

/// "how r u", "hows it going": a short friendly answer and two ways on.
pub(crate) fn how_are_you(ctx: &mut Ctx<'_>) {
    let menu = vec![
        ctx.intent_choice(Msg::LabelBalance, bankbot_core::IntentId::Balance),
        ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help),
    ];
    ctx.ask(Msg::HowAreYou, menu);
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

/// "Am I talking to a bot?": yes, honestly, with the way to a person.
pub(crate) fn bot_question(ctx: &mut Ctx<'_>) {
    let person = ctx.intent_choice(Msg::LabelPerson, bankbot_core::IntentId::HumanAgent);
    let help = ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help);
    ctx.ask(Msg::IAmABot, vec![person, help]);
}

/// A banking request the bot cannot carry out: say so plainly and offer a person, or,
/// where none can take over here, how to reach one.
pub(crate) fn unsupported(ctx: &mut Ctx<'_>, what: crate::cues::Unsupported) {
    let help = ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help);
    if !ctx.people_available {
        let contact = ctx.contact();
        let text = ctx.t(Msg::UnsupportedNoPerson(what, contact));
        ctx.ask_text(text, vec![help]);
        return;
    }
    let person = ctx.intent_choice(Msg::LabelPerson, bankbot_core::IntentId::HumanAgent);
    ctx.ask(Msg::Unsupported(what), vec![person, help]);
}

/// Laughs, emoji, insults, small talk: a short answer, never counted as a misunderstanding.
pub(crate) fn social(ctx: &mut Ctx<'_>, what: crate::cues::Social) {
    use crate::cues::Social::*;
    match what {
        Laugh => ctx.say(Msg::SocialLaugh),
        Insult => {
            let person = ctx.intent_choice(Msg::LabelPerson, bankbot_core::IntentId::HumanAgent);
            ctx.ask(Msg::SocialInsult, vec![person]);
        }
        Chitchat => {
            let menu = vec![
                ctx.intent_choice(Msg::LabelBalance, bankbot_core::IntentId::Balance),
                ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help),
            ];
            ctx.ask(Msg::SocialChitchat, menu);
        }
        HowAreYou => how_are_you(ctx),
    }
}
