//! "je reste avec le bot", "non c'est bon je reste ici", "pas besoin de conseiller", "I'll
//! stay with the bot": the customer turns down a person (offered or not) and stays. The
//! answer is a short acknowledgement: no balances nobody asked for, no menu.

use crate::cues::fold;

/// Phrases that say "I stay with you", each padded and folded.
const STAYING: &[&str] = &[
    " je reste avec le bot ",
    " je reste avec le robot ",
    " je reste avec toi ",
    " je reste avec vous ",
    " je reste avec l'assistant ",
    " je reste ici ",
    " je reste la ",
    " je reste avec le chatbot ",
    " on reste ici ",
    " on continue ensemble ",
    " on continue ",
    " je continue avec toi ",
    " je continue avec vous ",
    " je continue avec le bot ",
    " pas besoin de conseiller ",
    " pas besoin d'un conseiller ",
    " pas de conseiller ",
    " pas besoin d'humain ",
    " pas besoin d'un humain ",
    " le bot ca ira ",
    " toi ca ira ",
    " ca ira avec toi ",
    " i'll stay with the bot ",
    " ill stay with the bot ",
    " i'll stay with you ",
    " ill stay with you ",
    " i'll stay here ",
    " stay with the bot ",
    " stay with you ",
    " no need for a person ",
    " no need for a human ",
    " no person needed ",
];

/// Words that make the message a request after all ("je reste ici, et mon solde ?").
const ASKING: &[&str] = &[
    " solde ",
    " soldes ",
    " operations ",
    " depenses ",
    " distributeur ",
    " carte ",
    " balance ",
    " transactions ",
    " spending ",
    " atm ",
    " card ",
];

/// True when `text` says the customer stays with the bot and asks nothing else.
pub(crate) fn stays(text: &str) -> bool {
    let f = fold(text);
    STAYING.iter().any(|s| f.contains(s)) && !ASKING.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::stays;

    #[test]
    fn staying_with_the_bot() {
        for t in [
            "je reste avec le bot",
            "non c bon je reste ici",
            "pas besoin de conseiller merci",
            "nan je reste avec toi",
            "I'll stay with the bot",
            "Non merci, je reste avec vous.",
        ] {
            assert!(stays(t), "{t}");
        }
    }

    #[test]
    fn staying_and_asking_is_a_request() {
        for t in [
            "je reste ici, et mon solde ?",
            "je veux un conseiller",
            "reste combien sur mon compte",
        ] {
            assert!(!stays(t), "{t}");
        }
    }
}
