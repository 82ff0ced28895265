//! "i got a text saying my account is locked, click a link, is that you", "email from my
//! bank with a link to verify, legit?": a message with a link that claims to be the bank.
//! The answer: not the bot nor the bank, don't click, delete it; then, as for someone
//! asking for a code (`phishing`), the offer to lock a card in case they already did.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::{DialogState, Pending};

/// A link, or clicking one, padded.
const LINK: &[&str] = &[
    " link ",
    " links ",
    " click ",
    " clicked ",
    " clik ",
    " url ",
    " lien ",
    " cliquer ",
    " clique ",
    " cliquez ",
];

/// How it came, padded.
const CHANNEL: &[&str] = &[
    " text ",
    " texts ",
    " txt ",
    " sms ",
    " message ",
    " msg ",
    " email ",
    " e mail ",
    " mail ",
    " whatsapp ",
    " texto ",
    " courriel ",
];

/// Told of, or asked whether it is real, padded.
const TOLD: &[&str] = &[
    " got ",
    " get ",
    " received ",
    " receive ",
    " recieved ",
    " saying ",
    " says ",
    " said ",
    " is that you ",
    " was that you ",
    " is this you ",
    " is it you ",
    " that u ",
    " u guys ",
    " you guys ",
    " from you ",
    " legit ",
    " real ",
    " scam ",
    " fake ",
    " recu ",
    " c'est vous ",
    " c vous ",
    " arnaque ",
    " vrai ",
];

/// The customer asking for a link themself ("email me the link to the app").
const OWN: &[&str] = &[
    " send me ",
    " email me ",
    " text me ",
    " give me ",
    " envoie moi ",
    " envoyez moi ",
    " where is the link ",
    " what is the link ",
    " the link to ",
];

/// True when `text` tells of a text or email with a link that claims to be the bank.
pub(crate) fn told(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(LINK) && has(CHANNEL) && has(TOLD) && !has(OWN)
}

/// Not us, don't click; then the offer to lock a card (and a person where one answers).
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(IntentId::ReportFraud);
    state.more = None;
    let cards = ctx.services.capabilities.cards;
    let mut choices = Vec::new();
    if cards {
        choices.push(ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
    }
    choices.extend(ctx.person_choice());
    ctx.ask(Msg::PhishingLink { cards }, choices);
    if cards && ctx.customer.is_some() {
        state.pending = Some(Pending::LockOffer);
    }
}

#[cfg(test)]
mod tests {
    use super::told;

    #[test]
    fn a_link_claiming_to_be_the_bank() {
        for t in [
            "i got a text saying my account is locked, click a link, is that you",
            "got sms my acct is suspended with a link. was that u guys?",
            "I received an email from the bank asking me to click a link to verify my account",
            "is this link in the text message from you? it says my card is blocked",
            "clicked a link in a txt that said it was my bank",
            "jai recu un sms avec un lien pour debloquer mon compte c'est vous ?",
            "got a whatsapp msg with link saying my account will be closed legit??",
        ] {
            assert!(told(t), "{t}");
        }
        for t in [
            "email me the link to the app",
            "send me a link to download my statement",
            "lock my card",
            "what is the link to your privacy page",
        ] {
            assert!(!told(t), "{t}");
        }
    }
}
