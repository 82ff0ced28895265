//! "d'accord, on va faire comment alors", "so how do I do it then?" right after the bot said
//! it cannot do something here: a question, not an "ok" — where it can be done (the bank's
//! app or website) and how to reach a person.

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Ways of asking "how, then?", padded and folded.
const HOW: &[&str] = &[
    " on va faire comment ",
    " on fait comment ",
    " je fais comment ",
    " comment je fais ",
    " comment on fait ",
    " comment faire ",
    " comment alors ",
    " comment donc ",
    " je dois faire comment ",
    " faut faire comment ",
    " je peux faire ca ou ",
    " c'est ou alors ",
    " how then ",
    " how do i do it ",
    " how do i do that ",
    " how can i do it ",
    " how can i do that ",
    " so how ",
    " then how ",
    " where then ",
    " where can i do it ",
    " where do i do it ",
    " what do i do then ",
    " then what ",
    " what now ",
    " que faire alors ",
    " je fais quoi alors ",
    " je fais quoi ",
];

/// True when `text` asks how or where, then.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    HOW.iter().any(|w| f.contains(w))
}

/// Where it can be done, and how to reach a person (offered here only when one can take
/// over).
pub(crate) fn answer(ctx: &mut Ctx<'_>) {
    let contact = ctx.contact();
    let text = ctx.t(Msg::HowElsewhere(contact));
    if ctx.people_available {
        let person = ctx.intent_choice(Msg::LabelPerson, bankbot_core::IntentId::HumanAgent);
        ctx.ask_text(text, vec![person]);
    } else {
        ctx.reply(bankbot_core::Reply::text(text));
    }
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn how_then() {
        assert!(asks("d'accord, on va faire comment alors"));
        assert!(asks("ok so how do i do it then?"));
        assert!(asks("bon je fais comment"));
        assert!(!asks("ok merci"));
    }
}
