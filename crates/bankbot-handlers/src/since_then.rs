//! "How much have I spent since then", "and after that?", "depuis ce jour-là": a range that
//! starts where the last answer was — its first day, or the last payday after a question
//! about the salary (which names no dates).

use crate::cues::fold;

const PHRASES: &[&str] = &[
    " since then ",
    " from then ",
    " from then on ",
    " since that ",
    " since that day ",
    " after that ",
    " since that date ",
    " depuis ce jour ",
    " depuis ce jour la ",
    " depuis lors ",
    " depuis ce moment ",
    " depuis ce moment la ",
    " depuis cette date ",
];

/// True when `text` dates its range from the last answer.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    PHRASES.iter().any(|p| f.contains(p)) || f.ends_with(" depuis ")
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn since_then_is_read() {
        assert!(asks("how much have i spent since then"));
        assert!(asks("and what did i buy after that?"));
        assert!(asks("combien j'ai dépensé depuis ?"));
        assert!(asks("depuis ce jour-là"));
        assert!(!asks("how much did i spend since the 3rd"));
        assert!(!asks("depuis le début du mois"));
    }
}
