//! "my phone got stolen, can the thief use my messenger and see my accounts", « on m'a volé
//! mon tel, ils vont pas pouvoir utiliser mon compte messenger ? »: what this chat would
//! show whoever has the phone, and the unlink asked (blind round 15a showed the balances).

use bankbot_core::{Button, IntentId, Payload, Reply};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::{DialogState, Pending};

/// The phone, padded.
const PHONE: &[&str] = &[
    " phone ",
    " mobile ",
    " cell ",
    " cellphone ",
    " iphone ",
    " smartphone ",
    " android ",
    " tel ",
    " telephone ",
    " portable ",
    " cellulaire ",
];

/// Gone from the customer, padded.
const GONE: &[&str] = &[
    " stolen ",
    " stole ",
    " nicked ",
    " robbed ",
    " lost ",
    " snatched ",
    " swiped ",
    " vole ",
    " volee ",
    " perdu ",
    " pique ",
    " arrache ",
    " chourave ",
];

/// This chat, padded.
const CHAT: &[&str] = &[
    " messenger ",
    " facebook ",
    " fb ",
    " this chat ",
    " the chat ",
    " cette conversation ",
    " la conversation ",
];

/// Getting at the chat or the accounts, padded.
const ACCESS: &[&str] = &[
    " use ",
    " see ",
    " get into ",
    " get in ",
    " access ",
    " read ",
    " log in ",
    " look at ",
    " utiliser ",
    " voir ",
    " acceder ",
    " lire ",
    " rentrer ",
    " entrer ",
    " se connecter ",
    " servir ",
    " consulter ",
];

/// What they would get at, padded.
const ACCOUNTS: &[&str] = &[
    " account ",
    " accounts ",
    " bank ",
    " money ",
    " balance ",
    " compte ",
    " comptes ",
    " banque ",
    " argent ",
    " solde ",
];

/// Whoever has the phone, padded ("they" only just after a theft).
const THIEF: &[&str] = &[" thief ", " thieves ", " voleur ", " voleurs ", " robber "];
const SOMEONE: &[&str] = &[
    " they ",
    " them ",
    " someone ",
    " somebody ",
    " anyone ",
    " ils ",
    " il ",
    " quelqu'un ",
    " quelquun ",
];

/// True when `text` asks whether whoever has the customer's phone can get at the chat or
/// the accounts; `after_theft`: a lost or stolen card or phone was just told of, so "they"
/// is the thief.
pub(crate) fn asks(text: &str, after_theft: bool) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let phone_gone = has(PHONE) && has(GONE);
    let reached = has(ACCESS) && (has(CHAT) || has(ACCOUNTS));
    let holder = has(THIEF) || (phone_gone || after_theft) && has(SOMEONE);
    phone_gone && (has(CHAT) || reached) || has(CHAT) && has(ACCESS) && holder
}

/// What the chat would show, the steps, and the unlink asked (Unlink or Cancel).
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(IntentId::UnlinkAccount);
    state.more = None;
    let text = ctx.t(Msg::PhoneStolen(ctx.contact()));
    if ctx.customer.is_none() {
        ctx.reply(Reply::text(text));
        return;
    }
    state.pending = Some(Pending::UnlinkConfirm);
    let cancel = Button::Postback {
        title: ctx.t(Msg::LabelCancel),
        payload: Payload::No.encode(),
    };
    ctx.reply(Reply::with_buttons(
        text,
        vec![Button::AccountUnlink, cancel],
    ));
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn the_phone_holder_and_the_chat() {
        for t in [
            "my phone got stolen, can the thief use my messenger and see my accounts",
            "somebody nicked my phone, can they get into my bank through messenger?",
            "on m'a volé mon portable, est-ce que le voleur peut voir mes comptes sur messenger",
        ] {
            assert!(asks(t, false), "{t}");
        }
        assert!(asks(
            "jpp ils vont pas pouvoir utiliser mon compte messenger ?",
            true
        ));
        assert!(asks(
            "will they be able to see my account on facebook messenger",
            true
        ));
        for t in [
            "can facebook see my balance?",
            "i lost my card",
            "what's my phone number on file",
            "will they be able to see my account on facebook messenger",
        ] {
            assert!(!asks(t, false), "{t}");
        }
    }
}
