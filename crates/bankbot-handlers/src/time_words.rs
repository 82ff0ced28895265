//! "je vais a paris ce soir", "demain soir je passe à Lyon", "tonight i'm in town": a time
//! of day named in a message is no farewell. The engine leans to a goodbye on "soir"; a
//! goodbye that rests on a time word alone, with no farewell said ("au revoir", "à ce
//! soir", "bye", "bonne soirée"), is read as not placed. What it does not do: turn a real
//! farewell around ("merci à demain", "bonne soirée" alone stay goodbyes).

use bankbot_core::has_padded_phrase;

use crate::cues::fold;

/// Times of day and days ahead, folded.
const TIMES: &[&str] = &[
    "ce soir",
    "demain soir",
    "demain matin",
    "demain",
    "soir",
    "soiree",
    "cette nuit",
    "ce matin",
    "cet aprem",
    "cet apres midi",
    "ce week end",
    "ce weekend",
    "tonight",
    "tomorrow",
    "this evening",
    "tmrw",
    "tmr",
];

/// Farewells that may hold a time ("à ce soir", "à demain", "see you tonight"), folded.
const FAREWELLS: &[&str] = &[
    "a ce soir",
    "a demain",
    "a tout a l'heure",
    "a tantot",
    "a plus",
    "a plus tard",
    "a bientot",
    "au revoir",
    "bonne soiree",
    "bonne nuit",
    "bonne journee",
    "see you",
    "see ya",
    "catch you",
    "talk tomorrow",
    "good night",
    "goodnight",
];

/// True when `text` names a time of day and says no farewell: a goodbye read from it rests
/// on the time word alone.
pub(crate) fn time_not_farewell(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    has(TIMES)
        && !has(FAREWELLS)
        && !f
            .split_whitespace()
            .any(|w| crate::casual::is_farewell(w) || w == "merci" || w.starts_with("thank"))
}

#[cfg(test)]
mod tests {
    use super::time_not_farewell;

    #[test]
    fn a_time_is_no_farewell() {
        for t in [
            "je vais a paris ce soir",
            "demain soir je vais a lyon",
            "tonight i'm in town",
            "je passe a la banque demain",
        ] {
            assert!(time_not_farewell(t), "{t}");
        }
        for t in [
            "a ce soir",
            "merci a demain",
            "bonne soirée",
            "bye see you tomorrow",
            "ok merci, ce soir je regarderai",
            "au revoir",
        ] {
            assert!(!time_not_farewell(t), "{t}");
        }
    }
}
