//! A card named only to be ruled out: "no wait, the visa, not the debit", « non, pas la
//! débit, la visa », "the one ending 1111 not 9876", "wat about starbucks not on the visa".
//! The card after the "not" is never the card meant (blind round 15a: "the visa, not the
//! debit" asked again about the debit card, and a "yep" locked it).

use bankbot_core::{IntentMatch, Slots};

/// Words that rule out what follows them ("not", « pas », "except", "instead of").
const RULING_OUT: &[&str] = &[
    "not",
    "pas",
    "except",
    "excluding",
    "without",
    "instead",
    "than",
    "sauf",
    "hors",
    "sans",
    "lieu",
];

/// Words that may stand between the ruling-out word and the card ("not on the", « pas sur
/// la », "instead of my").
const LINKS: &[&str] = &[
    "the", "my", "that", "this", "a", "an", "of", "on", "with", "from", "using", "one", "ending",
    "in", "card", "la", "le", "l'", "ma", "mon", "sur", "avec", "de", "du", "d'", "par", "une",
    "un", "en", "qui", "finit", "carte", "celle",
];

/// Links that say the card is a way to pay, not the thing ("not on the visa", « pas avec
/// la visa »): the card is ruled out even when no other card is named.
const BY_CARD: &[&str] = &["on", "with", "from", "using", "sur", "avec", "par"];

/// `words` without the cards they rule out: "the visa not the debit" keeps "the visa";
/// "starbucks not on the visa" keeps "starbucks". A card after "not" stays when nothing
/// else is named and no "on"/« sur » says it is the means of paying ("i do not have my
/// visa", « je trouve pas ma visa »: the card is the one meant).
pub(crate) fn kept<'a>(words: &[&'a str], names_card: impl Fn(&str) -> bool) -> Vec<&'a str> {
    let spans: Vec<(usize, usize, bool)> = (0..words.len())
        .filter(|&i| RULING_OUT.contains(&words[i]))
        .filter_map(|i| {
            let mut by_card = false;
            for (j, w) in words.iter().enumerate().skip(i + 1) {
                if names_card(w) {
                    return Some((i, j, by_card));
                }
                if !LINKS.contains(w) {
                    return None;
                }
                by_card |= BY_CARD.contains(w);
            }
            None
        })
        .collect();
    let outside = |k: usize| !spans.iter().any(|&(i, j, _)| (i..=j).contains(&k));
    let other_named = (0..words.len()).any(|k| outside(k) && names_card(words[k]));
    if !other_named && !spans.iter().any(|&(_, _, by_card)| by_card) {
        return words.to_vec();
    }
    (0..words.len())
        .filter(|&k| outside(k))
        .map(|k| words[k])
        .collect()
}

/// True when `text` names one card and rules out another ("bloque la visa et pas la
/// débit", "the visa, not the debit"): one request about the card kept.
pub(crate) fn contrasted(text: &str) -> bool {
    let f = crate::cues::fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let names_card = crate::intents::card_named::names_card;
    let kept = kept(&words, names_card);
    kept.len() < words.len() && kept.iter().any(|w| names_card(w))
}

/// The message as read without the card it rules out as the means of paying ("wat about
/// starbucks not on the visa", « et starbucks pas sur la visa »): no account named, when
/// the engine took the card ruled out for the account asked about. `None` otherwise.
pub(crate) fn unnamed(text: &str, parsed: &IntentMatch) -> Option<IntentMatch> {
    parsed.slots.account_type?;
    let f = crate::cues::fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let names_card = crate::intents::card_named::names_card;
    let kept = kept(&words, names_card);
    (kept.len() < words.len() && !kept.iter().any(|w| names_card(w))).then(|| IntentMatch {
        slots: Slots {
            account_type: None,
            ..parsed.slots.clone()
        },
        ..parsed.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::kept;

    fn card(w: &str) -> bool {
        matches!(w, "visa" | "debit" | "credit" | "1111" | "9876")
    }

    fn keep(text: &str) -> String {
        let words: Vec<&str> = text.split_whitespace().collect();
        kept(&words, card).join(" ")
    }

    #[test]
    fn rules_out_the_card_after_not() {
        assert_eq!(keep("no wait the visa not the debit"), "no wait the visa");
        assert_eq!(keep("non pas la debit la visa"), "non la visa");
        assert_eq!(keep("the one ending 1111 not 9876"), "the one ending 1111");
        assert_eq!(keep("starbucks not on the visa"), "starbucks");
        assert_eq!(keep("lock the debit instead of the visa"), "lock the debit");
    }

    #[test]
    fn keeps_a_card_that_is_the_one_meant() {
        assert_eq!(keep("i do not have my visa"), "i do not have my visa");
        assert_eq!(keep("je trouve pas ma visa"), "je trouve pas ma visa");
        assert_eq!(keep("not sure lock the visa"), "not sure lock the visa");
    }
}
