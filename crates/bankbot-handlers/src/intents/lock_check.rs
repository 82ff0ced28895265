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

/// Words naming every card at once, each padded and folded.
const EVERY_CARD: &[&str] = &[
    " both ",
    " both of them ",
    " all my cards ",
    " all of them ",
    " all the cards ",
    " my cards ",
    " my 2 cards ",
    " my two cards ",
    " every card ",
    " each card ",
    " les deux ",
    " mes cartes ",
    " mes deux cartes ",
];

/// Words asking which card, each padded and folded: "which one is locked so", « laquelle
/// est bloquée ? » ask for every card's state too.
const WHICH_CARD: &[&str] = &[
    " which one ",
    " which 1 ",
    " which ones ",
    " which card ",
    " which cards ",
    " which of ",
    " wich one ",
    " wich card ",
    " whichever ",
    " any of my cards ",
    " any card ",
    " any cards ",
    " laquelle ",
    " lesquelles ",
    " quelle carte ",
    " quelles cartes ",
];

/// A lock state asked about, each padded and folded.
const LOCKED: &[&str] = &[
    " locked ",
    " blocked ",
    " frozen ",
    " bloquees ",
    " bloquee ",
];

/// Words that ask for a change instead ("lock both", "unlock my cards").
const CHANGE: &[&str] = &[
    " lock ",
    " unlock ",
    " block ",
    " unblock ",
    " freeze ",
    " unfreeze ",
    " bloque ",
    " bloquer ",
    " bloquez ",
    " debloque ",
    " debloquer ",
];

/// True when `text` asks whether every card is locked ("are both locked now?", "r my cards
/// blocked", "are all of them frozen?"): each card's state, not only the last one named.
pub(crate) fn asks_every_card(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    (has(EVERY_CARD) || has(WHICH_CARD)) && has(LOCKED) && !has(CHANGE)
}

#[cfg(test)]
mod tests {
    use super::{asks, asks_every_card};

    #[test]
    fn every_card_state_asked() {
        for t in [
            "are both locked now?",
            "r both of them blocked",
            "are my cards locked",
            "so all my cards are frozen?",
            "both locked?",
            "Kindly confirm that both cards are locked",
            "les deux sont bloquees ?",
            "which one is locked so",
            "laquelle est bloquee ?",
        ] {
            assert!(asks_every_card(t), "{t}");
        }
        for t in [
            "lock both",
            "unlock my cards",
            "is my visa locked",
            "both",
            "which card should i lock",
        ] {
            assert!(!asks_every_card(t), "{t}");
        }
    }

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
