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
    // Without the article, as learners and fast typers write it.
    " have nice day ",
    " have good day ",
    " have great day ",
    " have nice evening ",
    " have good evening ",
    " have nice weekend ",
    " have good weekend ",
    " have a blessed day ",
    " enjoy your day ",
    " enjoy your evening ",
    " enjoy your weekend ",
    " enjoy the rest of your day ",
    " good day to you ",
    " cya ",
    " ttyl ",
    " cheerio ",
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

/// The part of the day (or week) a farewell or a greeting names, so the bot answers in
/// kind: "bonne soirée" → "bonne soirée", "bon week-end" → "bon week-end", "bonsoir" →
/// "bonsoir". `Plain` when none is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Wish {
    #[default]
    Plain,
    Day,
    EndOfDay,
    Evening,
    Night,
    Weekend,
    Sunday,
    Tomorrow,
    Morning,
    Afternoon,
}

/// Which [`Wish`] `text` makes, the most specific first ("bonne fin de journée" before
/// "bonne journée", "bonne fin de semaine", the Québec weekend, before "semaine").
pub(crate) fn wish_in(text: &str) -> Wish {
    use Wish::*;
    const KINDS: &[(Wish, &[&str])] = &[
        (
            EndOfDay,
            &[
                " fin de journee ",
                " rest of your day ",
                " rest of the day ",
            ],
        ),
        (
            Weekend,
            &[
                " week end ",
                " weekend ",
                " fin de semaine ",
                " bonne fin de semaine ",
                " wknd ",
            ],
        ),
        (Sunday, &[" bon dimanche ", " sunday "]),
        (
            Night,
            &[
                " bonne nuit ",
                " good night ",
                " goodnight ",
                " nite ",
                " gnight ",
                " gn ",
                " bne nuit ",
            ],
        ),
        (
            Evening,
            &[" soiree ", " bonsoir ", " bsr ", " evening ", " tonight "],
        ),
        (
            Tomorrow,
            &[" a demain ", " see you tomorrow ", " tomorrow ", " a dem1 "],
        ),
        (Morning, &[" good morning ", " morning ", " bon matin "]),
        (
            Afternoon,
            &[" good afternoon ", " afternoon ", " bon apres midi "],
        ),
        (
            Day,
            &[
                " journee ",
                " nice day ",
                " good day ",
                " great day ",
                " lovely day ",
            ],
        ),
    ];
    let f = fold(text);
    KINDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| f.contains(w)))
        .map_or(Plain, |(kind, _)| *kind)
}

#[cfg(test)]
mod tests {
    use super::{Wish, wish_in, wishes};

    #[test]
    fn answered_in_kind() {
        for (t, want) in [
            ("merci bonne soirée", Wish::Evening),
            ("bonne soirée là", Wish::Evening),
            ("bonne nuit", Wish::Night),
            ("gn", Wish::Night),
            ("bon week-end !", Wish::Weekend),
            ("bonne fin de semaine", Wish::Weekend),
            ("merci bonne fin de journée", Wish::EndOfDay),
            ("ok a demain", Wish::Tomorrow),
            ("bonne journee", Wish::Day),
            ("have a good night", Wish::Night),
            ("good evening", Wish::Evening),
            ("bonsoir", Wish::Evening),
            ("bye", Wish::Plain),
            ("merci au revoir", Wish::Plain),
        ] {
            assert_eq!(wish_in(t), want, "{t}");
        }
    }

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
