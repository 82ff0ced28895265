//! "je lui ai déjà donné le code", "j'ai mis ma carte sur le site du colis", "i gave him the
//! code from the text", "i entered my card on that link": the customer says, often in
//! passing, that a code or the card's details went to someone else. The card is
//! compromised: said so with who to tell, and the lock asked at once (or done, when the
//! message asks for it). Never a PIN-change answer: the customer did not ask for a new code.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::{DialogState, HandlerError, Pending};

/// Giving, typing or sending, each padded and folded ("donné", "tapé", "gave", "entered").
const GAVE: &[&str] = &[
    " donne ",
    " donnee ",
    " donnes ",
    " jai donner ",
    " j'ai donner ",
    " g donner ",
    " g donne ",
    " communique ",
    " tape ",
    " tapee ",
    " mis ",
    " rentre ",
    " rentree ",
    " saisi ",
    " saisie ",
    " dit ",
    " lu ",
    " gave ",
    " given ",
    " told ",
    " typed ",
    " entered ",
    " put ",
    " sent ",
    " shared ",
    " filled in ",
    " read out ",
];

/// What must stay secret: a code, or the card's details, each padded and folded.
const SECRET: &[&str] = &[
    " code ",
    " codes ",
    " pin ",
    " mot de passe ",
    " mdp ",
    " password ",
    " passcode ",
    " cvv ",
    " cryptogramme ",
    " numero de carte ",
    " numero de ma carte ",
    " card number ",
    " card details ",
    " card info ",
    " card information ",
    " infos de carte ",
    " infos de ma carte ",
    " informations de carte ",
    " coordonnees bancaires ",
    " bank details ",
    " identifiants ",
    " login ",
    " chiffres au dos ",
    " numeros au dos ",
    " code au dos ",
    " code de securite ",
    " date d'expiration ",
    " numbers on the back ",
    " digits on the back ",
    " expiry date ",
];

/// The card itself ("j'ai mis ma carte sur le site"), which counts with a place only.
const CARD: &[&str] = &[
    " ma carte ",
    " ma cb ",
    " my card ",
    " the card ",
    " la carte ",
];

/// Where it went: a fake site, link or message, each padded and folded.
const PLACE: &[&str] = &[
    " site ",
    " website ",
    " link ",
    " lien ",
    " page ",
    " sms ",
    " texto ",
    " text ",
    " mail ",
    " email ",
    " faux ",
    " fausse ",
    " fake ",
    " colis ",
    " package ",
    " parcel ",
    " whatsapp ",
];

/// Who it went to, each padded and folded.
const SOMEONE: &[&str] = &[
    " lui ",
    " leur ",
    " him ",
    " her ",
    " them ",
    " someone ",
    " somebody ",
    " a guy ",
    " quelqu'un ",
    " quelquun ",
    " qqn ",
    " un mec ",
    " un monsieur ",
    " une dame ",
    " au monsieur ",
    " a la dame ",
    " au gars ",
    " au mec ",
    " the guy ",
    " the lady ",
    " the man ",
    " the woman ",
    " the caller ",
    " scammer ",
    " arnaqueur ",
    " escroc ",
    " au telephone ",
    " on the phone ",
    " over the phone ",
];

/// The customer's own use of the code or card ("j'ai tapé 3 fois le mauvais code", "i put
/// my card in the atm"): no one else has it.
const OWN_USE: &[&str] = &[
    " atm ",
    " distributeur ",
    " dab ",
    " machine ",
    " wrong ",
    " mauvais ",
    " faux code ",
    " 3 fois ",
    " trois fois ",
    " 3 times ",
    " three times ",
    " oublie ",
    " forgot ",
    " apple pay ",
    " google pay ",
    " wallet ",
    " amazon ",
    " caisse ",
    " terminal ",
    " nouveau code ",
    " new pin ",
];

/// The card copied at a machine ("skimmed at a gas station", "skimmer sur les pompes",
/// "ma carte a été clonée"), each padded and folded: compromised, even at an ATM.
const SKIMMED: &[&str] = &[
    " skimmed ",
    " skimmer ",
    " skimmers ",
    " skimming ",
    " skimme ",
    " skimmee ",
    " cloned ",
    " clonee ",
    " clone ",
    " copied my card ",
    " ma carte a ete copiee ",
    " carte copiee ",
    " piratee ",
];

/// A question about the word itself ("what is a skimmer?"), not a report.
const DEFINITION: &[&str] = &[
    " what is ",
    " what's a ",
    " whats a ",
    " c'est quoi ",
    " qu'est ce qu ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// True when `text` tells that a code or the card's details went to someone else.
pub(crate) fn told(text: &str) -> bool {
    let f = fold(text);
    if has(&f, SKIMMED) && !has(&f, DEFINITION) {
        return true;
    }
    if !has(&f, GAVE) || has(&f, OWN_USE) {
        return false;
    }
    let secret = has(&f, SECRET);
    let elsewhere = has(&f, PLACE) || has(&f, SOMEONE);
    (secret && elsewhere) || (has(&f, CARD) && has(&f, PLACE))
}

/// Giving away, said in reply to a warning about a scam ("i gave it to them", "too late i
/// already did", "trop tard je lui ai donné"), each padded and folded: what was given is
/// the code the warning spoke of. Narrower than [`GAVE`] ("he sent me a text" tells
/// nothing given).
const GAVE_IT: &[&str] = &[
    " gave ",
    " given ",
    " give it ",
    " told them ",
    " told him ",
    " told her ",
    " typed ",
    " entered ",
    " shared ",
    " filled in ",
    " clicked ",
    " too late ",
    " already did ",
    " i did ",
    " donne ",
    " donnee ",
    " donner ",
    " communique ",
    " tape ",
    " tapee ",
    " saisi ",
    " clique ",
    " trop tard ",
    " deja fait ",
    " je l'ai fait ",
];

/// Words that deny the giving ("i didn't give anything", "j'ai rien donné").
const DENIED: &[&str] = &[
    " not ",
    " didn't ",
    " didnt ",
    " did not ",
    " never ",
    " nothing ",
    " pas ",
    " rien ",
    " jamais ",
    " aucun ",
    " no ",
];

/// True when, just after a scam warning or a fraud report, `text` tells that the code or
/// the details went to the scammer, in any words ([`told`], or "i gave it to them").
pub(crate) fn told_in_reply(text: &str) -> bool {
    let f = fold(text);
    told(text) || (has(&f, GAVE_IT) && !has(&f, DENIED) && !has(&f, OWN_USE) && !text.contains('?'))
}

/// The card is compromised: said so, with who to tell, then the lock asked at once ("lock
/// your Visa?", or which card); when the message also asks for the lock ("j'ai donné mon
/// code, bloque-la"), the lock itself. While "lock your card?" waits, it is asked again.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    text: &str,
) -> Result<(), HandlerError> {
    state.turn_intent = Some(IntentId::ReportFraud);
    state.more = None;
    let reach = ctx.reach();
    let Some(credential) = ctx.customer.filter(|_| ctx.services.capabilities.cards) else {
        ctx.say(Msg::CardCompromised(reach));
        return Ok(());
    };
    ctx.say(Msg::CardCompromised(reach));
    state.turn_intent = Some(IntentId::CardLock);
    match state.pending.take() {
        Some(Pending::CardLockConfirm { card }) => {
            crate::intents::cards::chosen(ctx, state, credential, &card).await
        }
        _ if crate::intents::lock_order::agrees(text) => {
            crate::intents::lock_order::lock_now(ctx, state, credential, None).await
        }
        _ => {
            crate::intents::cards::handle(ctx, state, credential, None).await?;
            // "Which card?" after a compromise: the card named is the one to lock now.
            state.lock_agreed = state.pending == Some(Pending::CardChoice);
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::told;

    #[test]
    fn given_away_in_reply_to_a_warning() {
        use super::told_in_reply;
        for t in [
            "i gave it to them",
            "too late i already did",
            "omg i gave it",
            "trop tard je lui ai donné",
            "je l'ai déjà donné",
            "i clicked the link and typed everything",
        ] {
            assert!(told_in_reply(t), "{t}");
        }
        for t in [
            "no i didn't give anything",
            "j'ai rien donné",
            "he sent me a text",
            "what if i gave it?",
        ] {
            assert!(!told_in_reply(t), "{t}");
        }
    }

    #[test]
    fn secrets_given_away() {
        for t in [
            "je lui ai déjà donné le code",
            "j'ai mis ma carte sur le site du colis",
            "i gave him the code from the text",
            "i entered my card on that link",
            "je lui ai donné le code qu'il y avait dans le sms",
            "i already told them my pin",
            "i gave my card number to someone on the phone",
            "j'ai tapé mon numéro de carte sur un faux site",
            "got a text about a package and i put my card details on the site",
            "ma fille a mis ma carte sur un lien",
            "jai donner mon code au monsieur",
            "je lui ai donné les chiffres au dos de ma carte",
            "my card was skimmed at a gas station",
            "skimmer sur les pompes à essence… je fais quoi ??",
            "i think the atm had a skimmer on it",
            "ma carte a été clonée",
            "card got cloned at the pump",
        ] {
            assert!(told(t), "{t}");
        }
    }

    #[test]
    fn own_use_is_not() {
        for t in [
            "j'ai tapé 3 fois le mauvais code",
            "i put my card in the atm and it kept it",
            "i entered the wrong pin",
            "j'ai oublié mon code",
            "how do i change my pin",
            "i put my card on apple pay",
            "j'ai mis ma carte dans le distributeur",
            "je veux un nouveau code",
            "i put my card on my phone",
            "what is a skimmer?",
        ] {
            assert!(!told(t), "{t}");
        }
    }
}
