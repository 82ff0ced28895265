//! "wat is the 1850?", "whats 1850", "1850?" right after a spending total or a list: a
//! figure the bot just showed, asked about bare — the payments of that amount (Parkview
//! Apartments −$1,850, Nov 9), as "what's the $1850 charge?" is answered by `exact_amount`.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::cues::fold;

/// The most words such a question takes ("ok so what is that 1850 then").
const MAX_WORDS: usize = 7;

/// Words asking what it is, padded.
const WHAT: &[&str] = &[
    " what ",
    " whats ",
    " what's ",
    " wat ",
    " wats ",
    " wut ",
    " which ",
    " explain ",
    " c'est quoi ",
    " quoi ",
    " c quoi ",
];

/// Words of money to move, not a lookup, padded.
const MOVE: &[&str] = &[
    " send ",
    " pay ",
    " transfer ",
    " move ",
    " envoie ",
    " vire ",
    " virer ",
    " payer ",
];

/// The one amount asked about, when `text` is a short question about a bare figure.
pub(crate) fn asked(text: &str) -> Option<Decimal> {
    let f = fold(text);
    if f.split_whitespace().count() > MAX_WORDS || MOVE.iter().any(|w| f.contains(w)) {
        return None;
    }
    if !(text.contains('?') || WHAT.iter().any(|w| f.contains(w))) {
        return None;
    }
    // A word with a digit is a figure only as "$1,850", "1850?" or "129.99": "25th",
    // "7days" or "2nd" are no amount.
    let mut figures = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| {
            w.trim_start_matches(['$', '€'])
                .trim_end_matches(['?', '!', '.', ','])
                .replace(',', "")
        });
    let figure = figures.next()?;
    if figures.next().is_some() || !figure.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    Decimal::from_str(&figure)
        .ok()
        .filter(|d| *d >= Decimal::ONE)
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn a_figure_asked_about() {
        for (t, want) in [
            ("wat is the 1850?", "1850"),
            ("whats 1850", "1850"),
            ("1850?", "1850"),
            ("what is that $1,850", "1850"),
            ("and the 129.99?", "129.99"),
        ] {
            assert_eq!(asked(t).map(|d| d.to_string()), Some(want.into()), "{t}");
        }
        for t in [
            "send 1850 to mom",
            "what about 2 and 3",
            "1850",
            "how much did i spend",
            "anything since the 25th?",
        ] {
            assert_eq!(asked(t), None, "{t}");
        }
    }
}
