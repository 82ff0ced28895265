//! "if i find it tomorrow can i unlock it?", « si je la retrouve demain je peux la
//! débloquer ? », « et si je la retrouve ? »: while a lock is asked, the card supposed found
//! later. That is a question, not news that the card is back ("found it") and never an
//! answer to the lock: it is answered (a locked card can be unlocked here at any time) and
//! the lock is asked again. « si je l'ai retrouvée » (past, "si" as a yes) is news, not a
//! supposition.

use crate::cues::fold;

/// Words opening a supposition, each padded and folded.
const SUPPOSING: &[&str] = &[
    " if i ",
    " if it ",
    " if u ",
    " if you ",
    " if we ",
    " if my ",
    " if ever ",
    " if she ",
    " if he ",
    " if someone ",
    " if somebody ",
    " what if ",
    " in case ",
    " incase ",
    " just in case ",
    " say i ",
    " suppose ",
    " supposing ",
    " should i find ",
    " when i find ",
    " when i get it back ",
    " once i find ",
    " once i get it back ",
    " si je ",
    " si j'",
    " si jla ",
    " si j la ",
    " si jamais ",
    " si elle ",
    " si on ",
    " s'il ",
    " et si ",
    " au cas ou ",
    " des que je ",
    " quand je la ",
    " quand je l'aurai ",
    " quand je retrouve ",
    " lorsque je ",
    " imaginons ",
    " admettons ",
    " supposons ",
];

/// "si je l'ai retrouvée", "si jlai": "si" as a yes, the card found (past), no supposition.
const PAST_YES: &[&str] = &[" si je l'ai ", " si jl'ai ", " si jlai ", " si j'l'ai "];

/// Words of the card turning up or being used again, each padded and folded.
const TURNS_UP: &[&str] = &[
    " find ",
    " found ",
    " turns up ",
    " turn up ",
    " shows up ",
    " show up ",
    " comes back ",
    " get it back ",
    " gets returned ",
    " hand it in ",
    " hands it in ",
    " retrouve ",
    " retrouvee ",
    " retrouver ",
    " retrouverai ",
    " retrouvais ",
    " retrouvai ",
    " remets la main ",
    " remet la main ",
    " reapparait ",
    " la recupere ",
    " recupere ",
    " rapporte ",
    " ramene ",
];

/// True when `text` supposes something ("if i…", « si je… », « au cas où »), not in the
/// past "si je l'ai retrouvée".
pub(crate) fn supposes(text: &str) -> bool {
    let f = fold(text);
    SUPPOSING.iter().any(|w| f.contains(w)) && !PAST_YES.iter().any(|w| f.contains(w))
}

/// True when `text` supposes the card found later, or asks whether it can be unlocked
/// later: a question to answer while the lock stays asked.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    supposes(text) && (TURNS_UP.iter().any(|w| f.contains(w)) || super::unlock_question::asks(text))
}

#[cfg(test)]
mod tests {
    use super::{asks, supposes};

    #[test]
    fn card_supposed_found() {
        for q in [
            "if i find it tomorrow can i unlock it?",
            "what if it turns up later tho",
            "ok but in case i find it in the car can i turn it back on myself",
            "If I found it again would I be able to unlock it please?",
            "n if i find it?",
            "when i find it can i unblock it",
            "if i find it i'll let you know",
            "si je la retrouve demain je peux la debloquer ?",
            "et si je la retrouve ?",
            "au cas ou je la retrouve je pourrai la reactiver",
            "Si jamais je la retrouvais, pourrais-je la débloquer moi-même ?",
            "quand je la retrouverai jpourrai la débloquer ?",
            "si jla retrouve dans la voiture on peut la réactiver ?",
        ] {
            assert!(asks(q), "{q}");
        }
    }

    #[test]
    fn news_or_orders() {
        for q in [
            "ah si je l'ai retrouvée",
            "found it",
            "je l'ai retrouvée",
            "yes lock it",
            "oui",
            "can you unlock my visa",
        ] {
            assert!(!asks(q), "{q}");
        }
        assert!(!supposes("ah si je l'ai retrouvée"));
        assert!(supposes("si je la retrouve"));
    }
}
