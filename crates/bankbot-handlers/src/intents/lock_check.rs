//! "Did it work?", "it's done?", "c'est bon ?", "ça a marché ?" just after a card was
//! locked or unlocked: the card's state now, not a goodbye or a listing.

use crate::cues::fold;

/// Short questions that check whether the last action went through, each padded and folded.
const CHECKS: &[&str] = &[
    " did it work ",
    " did that work ",
    " it worked ",
    " has it worked ",
    " did it go through ",
    " did that go through ",
    " it went through ",
    " is it done ",
    " is that done ",
    " it's done ",
    " its done ",
    " done ",
    " all done ",
    " all good ",
    " all set ",
    " so it's locked ",
    " so its locked ",
    " it's locked now ",
    " its locked now ",
    " locked now ",
    " unlocked now ",
    " is it off ",
    " is it on ",
    " c'est bon ",
    " c bon ",
    " cbon ",
    " c'est fait ",
    " c fait ",
    " cest fait ",
    " cest bon ",
    " ca a marche ",
    " ca marche ",
    " ca a fonctionne ",
    " ca a ete fait ",
    " c'est passe ",
    " c passe ",
    " elle est bloquee ",
    " elle est debloquee ",
    " c'est bloque ",
    " c bloque ",
    " bloquee maintenant ",
    " debloquee maintenant ",
    " c'est ok ",
    " c ok ",
];

/// The most words such a check takes ("ok so it's locked now right?").
const MAX_WORDS: usize = 7;

/// True when `text` asks whether the last card action went through.
pub(crate) fn asks(text: &str) -> bool {
    if text.split_whitespace().count() > MAX_WORDS {
        return false;
    }
    let f = fold(text);
    CHECKS.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn checks_after_an_action() {
        for t in [
            "did it work?",
            "it's done?",
            "so its locked now",
            "all good?",
            "c'est bon ?",
            "ça a marché ?",
            "c fait ?",
            "cest bon la",
            "ok elle est bloquée maintenant ?",
        ] {
            assert!(asks(t), "{t}");
        }
    }

    #[test]
    fn other_messages_are_not() {
        for t in [
            "lock my card",
            "thanks",
            "what's my balance",
            "merci au revoir",
            "did it work out with my salary this month, i mean did the payroll come in on time",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
