//! "What's your phone number?", "how do I contact customer service", "numéro du service
//! client ?": how to reach the bank (the configured contact, else the number on the back of
//! the card), with a way to a person — a question, not a hand-over.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

const ASKS: &[&str] = &[
    " phone number ",
    " your number ",
    " telephone number ",
    " contact number ",
    " customer service ",
    " customer services ",
    " customer support ",
    " support number ",
    " helpline ",
    " hotline ",
    " call you ",
    " call the bank ",
    " phone you ",
    " contact you ",
    " contact the bank ",
    " contact info ",
    " contact details ",
    " email address for ",
    " your email ",
    " numero de telephone ",
    " numero du service ",
    " service client ",
    " service clientele ",
    " vous appeler ",
    " vous joindre ",
    " joindre la banque ",
    " contacter la banque ",
    " vous contacter ",
    " vous telephoner ",
    " telephoner a la banque ",
    " appeler la banque ",
    " appeler ma banque ",
    " joindre ma banque ",
    " contacter ma banque ",
    " phone line ",
    " who do i call ",
    " who should i call ",
    " who can i call ",
    " number should i call ",
    " bank's phone ",
    " banks phone ",
    " bank phone ",
    " appeler qui ",
    " j'appelle qui ",
    " jappelle qui ",
    " qui appeler ",
    " qui je dois appeler ",
    " qui dois je appeler ",
    " qui je peux appeler ",
    " numero de tel ",
    " num de tel ",
    " numero de telephone ",
];

/// Words of a change of details ("update my phone number"), which are can't-dos.
const CHANGE: &[&str] = &[
    " change ",
    " update ",
    " new ",
    " changer ",
    " modifier ",
    " nouveau ",
];

/// "c quoi le numéro d'abord", "what's the number then": the number alone, after the bot
/// said to call — the bank's.
const BARE_NUMBER: &[&str] = &[
    " c quoi le numero ",
    " c'est quoi le numero ",
    " cest quoi le numero ",
    " quel est le numero ",
    " quel numero ",
    " le numero c'est quoi ",
    " le numero c quoi ",
    " le numero cest quoi ",
    " le numero c est quoi ",
    " c est quoi le numero ",
    " le numero c'est lequel ",
    " donne moi le numero ",
    " donnez moi le numero ",
    " donne le numero ",
    " what's the number ",
    " whats the number ",
    " what is the number ",
    " which number ",
    " what number ",
    " give me the number ",
    " votre numero ",
    " ton numero ",
    " vot numero ",
    " numero de la banque ",
    " numero pour vous joindre ",
    " numero pour joindre ",
    " numero a appeler ",
    " numero pour appeler ",
    " ur number ",
    " your number ",
    " number to call ",
    " number i can call ",
    " number do i call ",
    " bank's number ",
    " banks number ",
    " bank number ",
];

/// "number?", "phone no", "telephone": the number asked for in a word or two, nothing else
/// said — the bank's.
const ALONE: &[&str] = &[
    "number",
    "the number",
    "ur number",
    "your number",
    "number pls",
    "number please",
    "phone",
    "phone number",
    "telephone",
    "tel",
    "contact",
    "numero",
    "le numero",
    "votre numero",
];

/// Words that make "the number" another one (an account, a card, a case, a postcode).
const OTHER_NUMBER: &[&str] = &[
    " compte ",
    " carte ",
    " cb ",
    " iban ",
    " rib ",
    " dossier ",
    " postal ",
    " account ",
    " card ",
    " case ",
    " routing ",
    " ticket ",
    " transaction ",
    " operation ",
];

/// True when `text` asks how to reach the bank.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let bare =
        BARE_NUMBER.iter().any(|w| f.contains(w)) && !OTHER_NUMBER.iter().any(|w| f.contains(w));
    let alone = ALONE.contains(&f.trim());
    (alone || bare || ASKS.iter().any(|w| f.contains(w))) && !CHANGE.iter().any(|w| f.contains(w))
}

/// How to reach the bank, with the way to a person.
pub(crate) fn answer(ctx: &mut Ctx<'_>) {
    let mut choices: Vec<_> = ctx.person_choice().into_iter().collect();
    choices.push(ctx.intent_choice(Msg::LabelHelp, IntentId::Help));
    let text = ctx.t(Msg::ContactInfo(ctx.contact()));
    ctx.reply(bankbot_core::Reply::with_quick_replies(text, choices));
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn contact_questions() {
        assert!(asks("what is your phone number"));
        assert!(asks("how do i contact customer service?"));
        assert!(asks("c'est quoi le numéro du service client"));
        assert!(!asks("i need to update my phone number"));
        assert!(!asks("what's my balance"));
        assert!(asks("c quoi le numero d abord"));
        assert!(asks("ok what's the number then"));
        assert!(asks("quel numéro ?"));
        assert!(!asks("c quoi le numero de mon compte"));
        assert!(!asks("quel est le numéro de ma carte"));
        for text in [
            "il est quel numéro ?",
            "c'est quoi votre numéro",
            "on peut vous téléphoner ?",
            "whats ur number",
            "number to call please",
            "who do i call",
            "do you have a phone line",
            "le numéro de la banque svp",
        ] {
            assert!(asks(text), "{text}");
        }
        assert!(!asks("c'est quoi votre numéro de compte"));
        assert!(asks("number?"));
        assert!(asks("Telephone"));
        assert!(!asks("number 2"));
    }
}
