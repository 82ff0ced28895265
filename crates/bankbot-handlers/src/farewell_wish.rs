//! "merci, bonne soirée", "je vous souhaite une excellente journée", "merci, à la
//! prochaine", "have a nice day": a wish for the rest of the day (or a farewell) closes the
//! conversation, even after thanks or a polite opener — answered with a goodbye, never
//! "anything else?" or a misunderstanding.

use crate::cues::fold;

/// Wishes that end a conversation, each padded and folded.
const WISHES: &[&str] = &[
    " bonne journee ",
    " bonne soiree ",
    " bonne nuit ",
    " bonne fin de journee ",
    " bonne fin de soiree ",
    " bonne fin de semaine ",
    " bon week end ",
    " bon weekend ",
    " bon dimanche ",
    " excellente journee ",
    " excellente soiree ",
    " belle journee ",
    " belle soiree ",
    " have a nice day ",
    " have a good day ",
    " have a great day ",
    " have a good one ",
    " have a nice evening ",
    " have a good evening ",
    " have a good night ",
    " have a lovely day ",
    " have a lovely evening ",
    " have a great evening ",
    " have a great weekend ",
    " have a nice weekend ",
    " have a good weekend ",
    " good night ",
    " goodnight ",
    " nite ",
    " gnight ",
    " take care ",
    // Farewells that, after thanks, still end the conversation ("merci, à la prochaine").
    " a la prochaine ",
    " a bientot ",
    " a plus tard ",
    " au revoir ",
    " see you ",
    " see ya ",
];

/// Words of a request or question that a wish only decorates ("bonne journée, et mon
/// solde ?").
const ASKING: &[&str] = &[
    " mon ",
    " ma ",
    " mes ",
    " my ",
    " combien ",
    " quel ",
    " quelle ",
    " how ",
    " what ",
];

/// True when `text` wishes a good day (or evening, weekend…) and asks for nothing else.
pub(crate) fn wishes(text: &str) -> bool {
    let f = fold(text);
    !text.contains('?')
        && WISHES.iter().any(|w| f.contains(w))
        && !ASKING.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::wishes;

    #[test]
    fn wishes_close_the_conversation() {
        for t in [
            "merci, bonne soirée",
            "Très bien, je vous souhaite une excellente journée.",
            "top merci et bonne journee",
            "super, bon week-end !",
            "thanks, have a nice day",
            "merci beaucoup, à la prochaine",
            "ok merci au revoir",
        ] {
            assert!(wishes(t), "{t}");
        }
    }

    #[test]
    fn a_wish_with_a_request_is_the_request() {
        for t in [
            "bonne journée, et mon solde ?",
            "bonjour, combien j'ai dépensé",
            "merci",
            "have a nice day, what's my balance",
        ] {
            assert!(!wishes(t), "{t}");
        }
    }
}
