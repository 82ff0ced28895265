//! `greeting`, `help`, `thanks`, `goodbye`: what the bot can do, as quick replies.

use crate::catalog::Msg;
use crate::ctx::Ctx;

/// The welcome, answering "bonsoir" or "good morning" in kind (`text`).
pub(crate) fn greeting(ctx: &mut Ctx<'_>, text: &str) {
    let linked = ctx.customer.is_some();
    let people = ctx.people_available;
    let hello = crate::intents::farewell_wish::wish_in(text);
    let menu = ctx.menu();
    ctx.ask(
        Msg::Greeting {
            linked,
            people,
            hello,
        },
        menu,
    );
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
    let reach = ctx.reach();
    ctx.ask(Msg::Help(reach), menu);
}

pub(crate) fn thanks(ctx: &mut Ctx<'_>) {
    ctx.say(Msg::Thanks);
}

/// A farewell answering the customer's wish in kind ("bonne soirée" → "bonne soirée").
pub(crate) fn goodbye(ctx: &mut Ctx<'_>, text: &str) {
    ctx.say(Msg::Goodbye(crate::intents::farewell_wish::wish_in(text)));
}

/// "Am I talking to a bot?": yes, honestly, with the way to a person; "are you human?":
/// no, a bot; "who am I talking to?": a bot, plainly.
pub(crate) fn bot_question(ctx: &mut Ctx<'_>, asked: crate::intents::bot_identity::Asked) {
    let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
    choices.push(ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help));
    let reach = ctx.reach();
    ctx.ask(Msg::IAmABot(asked, reach), choices);
}

/// A banking request the bot cannot carry out: say so plainly and offer a person (or,
/// where nobody answers here, the bank's contact).
pub(crate) fn unsupported(ctx: &mut Ctx<'_>, what: crate::cues::Unsupported) {
    let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
    choices.push(ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help));
    let reach = ctx.reach();
    ctx.ask(Msg::Unsupported(what, reach), choices);
}

/// Laughs, emoji, insults, small talk: a short answer, never counted as a misunderstanding.
pub(crate) fn social(ctx: &mut Ctx<'_>, what: crate::cues::Social) {
    use crate::cues::Social::*;
    match what {
        Laugh => ctx.say(Msg::SocialLaugh),
        Insult => {
            let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
            choices.push(ctx.intent_choice(Msg::LabelHelp, bankbot_core::IntentId::Help));
            let reach = ctx.reach();
            ctx.ask(Msg::SocialInsult(reach), choices);
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
