//! Whether a message names an alert ("tell me when", "notify me", "préviens-moi"): without
//! such words, "payments over $1000" asks for payments, not for a large-payment alert.

use crate::cues::fold;

const WORDS: &[&str] = &[
    " alert ",
    " alerts ",
    " notify ",
    " notified ",
    " notification ",
    " notifications ",
    " notifs ",
    " tell me when ",
    " tell me if ",
    " let me know ",
    " text me ",
    " message me ",
    " ping me ",
    " warn ",
    " warning ",
    " remind ",
    " heads up ",
    " alerte ",
    " alertes ",
    " previens ",
    " prevenir ",
    " prevenez ",
    " avertir ",
    " avertis ",
    " notif ",
    " signale moi ",
    " dis moi quand ",
    " dis moi si ",
    " previent ",
    " prevenu ",
    " prevenue ",
    " averti ",
    " avertie ",
    " envoyer un message ",
    " m'envoyer un message ",
    " envoie moi un message ",
    " envoyez moi un message ",
    " envoyez un message ",
    " envoyez moi un sms ",
    " envoyez moi un texto ",
    " tenez moi au courant ",
    " tiens moi au courant ",
    " faites moi signe ",
    " fais moi signe ",
    " envoie un message ",
    " envoyer un sms ",
    " envoie moi un sms ",
    " send me a message ",
    " send me a text ",
    " message me ",
    " ping me ",
    " warn me ",
    " warned ",
    " alerted ",
    // "stop the texts about big payments", « plus de sms pour les gros paiements ».
    " texts ",
    " msg ",
    " texting ",
    " messaging me ",
    " want to know when ",
    " want to know every time ",
    " want to know whenever ",
    " wanna know when ",
    " savoir quand ",
    " etre au courant ",
    " text messages ",
    " sms ",
    " msgs ",
    " pings ",
    " keep me posted ",
    " give me a heads up ",
    " me prevenir ",
    " etre prevenu ",
    " etre prevenue ",
    // "is there a way to get reminded", « y a moyen d'avoir un rappel ? ».
    " reminded ",
    " reminder ",
    " reminders ",
    " un rappel ",
    " des rappels ",
    " rappels ",
];

/// Words asking whether something can be had, each padded and folded.
const CAN_IT: &[&str] = &[
    " a way ",
    " is there ",
    " can you ",
    " could you ",
    " can u ",
    " do you ",
    " can i ",
    " possible ",
    " moyen ",
    " vous pouvez ",
    " pouvez vous ",
    " tu peux ",
    " peux tu ",
    " est ce que ",
    " on peut ",
];

/// Words of a question about money already there, each padded and folded: "can you let me
/// know my balance" asks the balance, not for alerts.
const DATA: &[&str] = &[
    " balance ",
    " balances ",
    " solde ",
    " soldes ",
    " spent ",
    " spend ",
    " depense ",
    " transactions ",
    " operations ",
    " how much ",
    " combien ",
];

/// True when `text` names an alert or a notification.
pub(crate) fn named(text: &str) -> bool {
    let f = fold(text);
    WORDS.iter().any(|w| f.contains(w))
}

/// True when `text` asks whether alerts can be had, without a kind ("is there a way to get
/// reminded", "do you do reminders", « vous pouvez me prévenir quand il se passe quelque
/// chose ? »): the alerts there are.
pub(crate) fn asks_if_offered(text: &str) -> bool {
    let f = fold(text);
    named(text) && CAN_IT.iter().any(|w| f.contains(w)) && !DATA.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::{asks_if_offered, named};

    #[test]
    fn alerts_asked_about() {
        assert!(asks_if_offered("is there a way to get reminded"));
        assert!(asks_if_offered("y a moyen d'avoir un rappel ?"));
        assert!(!asks_if_offered("can you let me know my balance"));
        assert!(!asks_if_offered("is there a way to see my transactions"));
    }

    #[test]
    fn alerts_are_named() {
        assert!(named("alert me when a big payment goes out"));
        assert!(named("préviens-moi si mon solde est bas"));
        assert!(!named("payments over $1000"));
        assert!(named(
            "je peux être prévenue quand mon compte passe sous 100 €"
        ));
        assert!(named(
            "tu peux m'envoyer un message si mon solde descend en dessous de 50"
        ));
    }
}
