//! "On what?", "where?", "what for", "sur quoi ?" right after a spending total: the
//! payments behind it, listed — a short question about the last answer, never a privacy
//! question or a miss.

use crate::cues::fold;

const ASKS: &[&str] = &[
    " on what ",
    " what on ",
    " spent on what ",
    " where ",
    " where on ",
    " what for ",
    " for what ",
    " what was it ",
    " what were they ",
    " like what ",
    " such as ",
    " which ones ",
    " breakdown ",
    " details ",
    " show me ",
    " sur quoi ",
    " pour quoi ",
    " ou ca ",
    " lesquelles ",
    " lesquels ",
    " le detail ",
    " quoi par exemple ",
];

/// True when `text` is a short question about what a total was made of.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    f.split_whitespace().count() <= 4 && ASKS.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn short_questions_about_a_total() {
        assert!(asks("on what"));
        assert!(asks("on what??"));
        assert!(asks("where?"));
        assert!(asks("sur quoi ?"));
        assert!(!asks("where is the nearest atm to 94105"));
        assert!(!asks("what's my balance"));
    }
}
