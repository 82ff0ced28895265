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
    " a tout ",
    " a toute ",
    " a tantot ",
    " a demain ",
    " a la revoyure ",
    " bonne continuation ",
    " ciao ",
    " tchao ",
    " bye ",
    " bye bye ",
    " bisous ",
    " biz ",
    " salut et merci ",
    " merci salut ",
    " merci et salut ",
];

/// Farewells typed with a sign, which folding drops ("mrc a+", "merci ++").
fn signed_farewell(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || ",.!".contains(c))
        .any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "a+" | "à+" | "++" | "@+" | "a+++"
            )
        })
}

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
        && (WISHES.iter().any(|w| f.contains(w))
            || f.ends_with(" a plus ")
            || signed_farewell(text))
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
            "mrc a+",
            "merci bcp bonne soirée",
            "ciao",
            "bye",
            "à plus",
            "merci à toute",
            "ok super a demain",
            "merci ++",
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
            "il reste a plus de 100 euros ?",
            "les achats a plus de 50 euros",
        ] {
            assert!(!wishes(t), "{t}");
        }
    }
}
