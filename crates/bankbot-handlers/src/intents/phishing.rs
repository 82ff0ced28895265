//! "SMS de la banque qui me demande mon code c'est normal ??", "on m'a appelé de la banque
//! pour mon code", "got a text asking for my pin is that you": someone asking the customer
//! for a secret. The answer says first what they asked (no, the bank never asks; it is a
//! scam; give nothing), then offers to lock the card and reach a person, as a fraud report
//! does. Requests about the customer's own code ("j'ai oublié mon code") are not this.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::{DialogState, Pending};

/// The secrets a fraudster asks for, padded.
const SECRET: &[&str] = &[
    " code ",
    " codes ",
    " pin ",
    " mot de passe ",
    " mdp ",
    " password ",
    " passcode ",
    " identifiant ",
    " identifiants ",
    " login ",
    " credentials ",
    " cvv ",
    " cryptogramme ",
    " otp ",
    " numero de carte ",
    " card number ",
    " card details ",
    " bank details ",
    " coordonnees bancaires ",
    " mes coordonnees ",
    " security code ",
    " verification code ",
    " one time code ",
    " one time password ",
    " code secret ",
    " code confidentiel ",
];

/// How the request reached the customer, or who made it, padded.
const CHANNEL: &[&str] = &[
    " sms ",
    " texto ",
    " text ",
    " texts ",
    " txt ",
    " message ",
    " msg ",
    " mail ",
    " email ",
    " e mail ",
    " courriel ",
    " appel ",
    " appele ",
    " appelee ",
    " appelait ",
    " rappele ",
    " called ",
    " calling ",
    " call ",
    " phoned ",
    " phone call ",
    " telephone ",
    " whatsapp ",
    " lien ",
    " link ",
    " quelqu'un ",
    " quelquun ",
    " someone ",
    " somebody ",
    " a guy ",
    " un mec ",
    " un gars ",
    " une dame ",
    " un monsieur ",
    " un inconnu ",
    " une personne ",
    " faux ",
    " fake ",
    " de la banque ",
    " from the bank ",
    " from my bank ",
    " la banque m'a ",
    " the bank ",
    " my bank ",
    " votre banque ",
    " your bank ",
    " un conseiller ",
];

/// Asking for it, padded.
const ASKING: &[&str] = &[
    " demande ",
    " demandait ",
    " demandant ",
    " demander ",
    " demandent ",
    " demandé ",
    " veut ",
    " voulait ",
    " veulent ",
    " pour mon ",
    " pour ma ",
    " pour mes ",
    " ask ",
    " asks ",
    " asking ",
    " asked ",
    " wants ",
    " wanted ",
    " want my ",
    " for my ",
    " confirmer ",
    " confirm ",
    " valider ",
    " verify ",
    " donner ",
    " communiquer ",
    " saisir ",
    " taper ",
    " enter ",
    " envoyer mon ",
    " send my ",
    " send them ",
    " pour avoir ",
    " pour obtenir ",
    " pour recuperer ",
    " pour que je donne ",
    " to get my ",
    " to give ",
    " to tell ",
    " to read ",
    " wanted me to ",
];

/// The customer's own request about a code, not someone else's ("give me a new pin").
const OWN: &[&str] = &[
    " give me ",
    " me donner ",
    " nouveau code ",
    " new pin ",
    " new code ",
    " oublie ",
    " forgot ",
    " forgotten ",
    " changer ",
    " change ",
    " modifier ",
    " reset ",
    " bloque ",
    // ("je viens de recevoir un sms qui me demande mon code" is the request told of.)
    " recevoir un nouveau ",
    " recevoir mon nouveau ",
    " recevoir le nouveau ",
    " recevoir mon code ",
    " recevoir un autre ",
];

/// True when `text` tells of someone asking the customer for a code or password.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(SECRET) && has(CHANNEL) && has(ASKING) && !has(OWN)
}

/// No, the bank never asks; give nothing; then the fraud offer's choices (lock, a person).
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(IntentId::ReportFraud);
    let cards = ctx.services.capabilities.cards;
    let mut choices = Vec::new();
    if cards {
        choices.push(ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
    }
    // A person only where one can answer here (never offered to an empty inbox).
    choices.extend(ctx.person_choice());
    ctx.ask(Msg::PhishingWarning { cards }, choices);
    if cards && ctx.customer.is_some() {
        state.pending = Some(Pending::LockOffer);
    }
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn someone_asking_for_a_secret() {
        for text in [
            "SMS de la banque qui me demande mon code c'est normal ??",
            "on m'a appelé de la banque pour mon code",
            "email qui demande mes identifiants",
            "got a text asking for my pin is that you",
            "un mec m'a appelé il voulait mon code de carte",
            "jai recu un texto qui demande de confirmer mon mot de passe",
            "someone called from my bank and asked for my card number",
            "je viens de recevoir un sms qui me demande mon code de carte est ce normal",
        ] {
            assert!(asked(text), "{text}");
        }
        for text in [
            "j'ai oublié mon code",
            "how do i change my pin",
            "can the bank give me a new pin",
            "quel est mon solde",
            "mon code ne marche pas",
        ] {
            assert!(!asked(text), "{text}");
        }
    }
}
