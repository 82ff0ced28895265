//! "il ouvre à quelle heure ?", "c'est quoi les horaires ?", "is it open on sunday?" right
//! after a cash-machine answer: opening hours. The ATM data says only whether a machine is
//! open around the clock, so the answer says that plainly and how to see those machines,
//! rather than a misunderstanding. Questions that name round-the-clock opening ("ouvert la
//! nuit ?", "24h/24 ?") are a filter instead ([`crate::intents::atm`]).

use crate::cues::fold;

/// Words about opening hours, each padded.
const HOURS: &[&str] = &[
    " horaire ",
    " horaires ",
    " heure ",
    " heures d'ouverture ",
    " ouvre ",
    " ouvrent ",
    " ouvert ",
    " ouverts ",
    " ouverte ",
    " ferme ",
    " ferment ",
    " fermeture ",
    " opening hours ",
    " hours ",
    " open ",
    " opens ",
    " close ",
    " closes ",
    " closing ",
];

/// True when `text`, right after a cash-machine answer (`after_atms`), asks when the
/// machines open or close.
pub(crate) fn asks(text: &str, after_atms: bool) -> bool {
    let f = fold(text);
    after_atms && HOURS.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn reads_questions_on_hours() {
        for t in [
            "il ouvre a quelle heure ?",
            "c quoi les horaires",
            "ils ferment quand ?",
            "what are the opening hours",
            "is it open on sunday?",
        ] {
            assert!(asks(t, true), "{t}");
        }
        assert!(!asks("il ouvre a quelle heure ?", false));
        assert!(!asks("merci", true));
    }
}
