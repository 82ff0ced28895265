//! Answers to the offer of a lock that say more than yes or no (blind round 14): "Yes that
//! one, I never order that", « oui, j'ai jamais acheté ça » take the lock (the "never" is
//! about the payment, not the lock); "Oui that one. C'est pour quoi ?" asks first, so it is
//! no go-ahead yet.

use crate::cues::fold;
use crate::intents::{disowned, lock_order, taken_back};
use crate::words;

/// True when `text` opens with a yes and goes on to disown the payment: the lock agreed to.
pub(crate) fn yes_disowning(text: &str) -> bool {
    opens_with_yes(text)
        && disowned::says(text)
        && !taken_back::lock_refused(text)
        && !taken_back::lock_not_wanted(text)
        && !text.contains('?')
}

/// True when `text` says yes, then asks a question of its own ("yes that one. what is it
/// for?", « oui… c'est pour quoi ? »): the question answered first, nothing locked on it.
pub(crate) fn yes_with_question(text: &str) -> bool {
    opens_with_yes(text) && text.contains('?') && !lock_order::agrees(text)
}

/// True when the first word of `text` is a yes word ("yes", "ya", "oui", "ouais").
fn opens_with_yes(text: &str) -> bool {
    fold(text)
        .split_whitespace()
        .next()
        .is_some_and(|first| words::yes_no(first) == Some(true) && !words::only_acknowledges(first))
}
/// "d'accord c'est bon", "ah ok très bien", "ok great": satisfaction with what was said,
/// made only of acknowledging and approving words, with at least one approving word. To an
/// offer made as a statement ("I can lock your card right away") it is no go-ahead (blind
/// round 15b locked on it); a plain "ok" or "yes" still is.
pub(crate) fn only_satisfied(text: &str) -> bool {
    const APPROVING: &[&str] = &[
        "bien", "bon", "parfait", "super", "nickel", "top", "great", "perfect", "good", "fine",
        "nice", "cool", "va",
    ];
    const ACKNOWLEDGING: &[&str] = &[
        "ah", "oh", "ok", "okay", "d'accord", "daccord", "dac", "tres", "c'est", "cest", "c", "ca",
        "that's", "thats", "alright", "right", "oui", "yes", "merci", "thanks",
    ];
    let f = crate::cues::fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    words.iter().any(|w| APPROVING.contains(w))
        && words
            .iter()
            .all(|w| APPROVING.contains(w) || ACKNOWLEDGING.contains(w))
}
