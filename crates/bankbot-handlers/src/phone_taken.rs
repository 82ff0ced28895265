//! "can the thief see my accounts on my phone with this chat?", « j'ai perdu mon tel,
//! quelqu'un peut voir mon solde ici ? »: what someone holding the customer's lost or stolen
//! phone could see here. The answer says what a locked phone keeps out, what an unlocked one
//! lets through (this chat, balances asked of the bot, never a transfer nor the bank
//! password) and how to cut it off (logging Messenger out, unlinking), with the unlink and
//! a card lock offered. A lost phone with no question about this chat is not read here.

use bankbot_core::IntentId;

use crate::catalog::{Msg, PrivacyMsg};
use crate::ctx::Ctx;
use crate::cues::fold;

/// Words naming the phone, each padded and folded.
const PHONE: &[&str] = &[
    " phone ",
    " fone ",
    " cell ",
    " cellphone ",
    " mobile ",
    " iphone ",
    " smartphone ",
    " android ",
    " telephone ",
    " tel ",
    " portable ",
    " cellulaire ",
    " natel ",
];

/// Words of the phone lost or taken, each padded and folded.
const TAKEN: &[&str] = &[
    " stolen ",
    " steal ",
    " steals ",
    " stole ",
    " thief ",
    " robbed ",
    " nicked ",
    " pinched ",
    " lost ",
    " lose ",
    " loses ",
    " taken ",
    " grabbed ",
    " vole ",
    " voler ",
    " volait ",
    " voleur ",
    " voleuse ",
    " perdu ",
    " perds ",
    " perdais ",
    " pique ",
    " piquait ",
    " chourave ",
];

/// Words asking whether the holder could see or get in, each padded and folded.
const SEES: &[&str] = &[
    " see ",
    " read ",
    " access ",
    " get into ",
    " get in ",
    " look at ",
    " open ",
    " use ",
    " voir ",
    " voit ",
    " lire ",
    " acceder ",
    " acces ",
    " rentrer ",
    " ouvrir ",
    " utiliser ",
];

/// Words naming this chat or the money shown in it, each padded and folded.
const HERE: &[&str] = &[
    " chat ",
    " this ",
    " here ",
    " messenger ",
    " bot ",
    " account ",
    " accounts ",
    " balance ",
    " money ",
    " bank ",
    " ici ",
    " discussion ",
    " conversation ",
    " compte ",
    " comptes ",
    " solde ",
    " sous ",
    " argent ",
    " banque ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// True when `text` asks what a lost or stolen phone lets someone see here.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    has(&f, PHONE) && has(&f, TAKEN) && has(&f, SEES) && has(&f, HERE)
}

/// What a locked phone keeps out and how to cut the chat off, with the unlink and a card
/// lock offered.
pub(crate) fn answer(ctx: &mut Ctx<'_>) {
    let mut choices = Vec::new();
    if ctx.customer.is_some() {
        choices.push(ctx.intent_choice(
            Msg::Privacy(PrivacyMsg::LabelUnlinkAccount),
            IntentId::UnlinkAccount,
        ));
        choices.push(ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
    }
    ctx.ask(Msg::Privacy(PrivacyMsg::AnswerPhoneTaken), choices);
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn a_taken_phone_and_this_chat() {
        for q in [
            "can the thief see my accounts on my phone with this chat?",
            "if someone steals my phone can they see my balance here",
            "si on me vole mon téléphone, le voleur peut voir mes comptes avec ce chat ?",
            "j'ai perdu mon tel, quelqu'un peut voir mon solde ici ?",
        ] {
            assert!(asked(q), "{q}");
        }
        for q in [
            "i lost my card",
            "my phone was stolen",
            "does facebook see my messages?",
            "j'ai perdu ma carte, on peut voir mes comptes ?",
        ] {
            assert!(!asked(q), "{q}");
        }
    }
}
