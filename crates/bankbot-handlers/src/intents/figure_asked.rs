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
    figure(text).map(|(amount, _)| amount)
}

/// The amount asked about when it is written as money ("-12", "$45", "4.95", "63,20 €"),
/// so a period said with it keeps its own numbers ("the -12 on tuesday?", not "the past
/// 7 days").
pub(crate) fn asked_as_money(text: &str) -> Option<Decimal> {
    figure(text).and_then(|(amount, money)| money.then_some(amount))
}

/// The one figure of a short question about it, and whether it is written as money.
fn figure(text: &str) -> Option<(Decimal, bool)> {
    let f = fold(text);
    if f.split_whitespace().count() > MAX_WORDS || MOVE.iter().any(|w| f.contains(w)) {
        return None;
    }
    if !(text.contains('?') || WHAT.iter().any(|w| f.contains(w))) {
        return None;
    }
    // A word with a digit is a figure only as "$1,850", "1850?", "129.99", "-45" or
    // "63,20 €" as the list shows it: "25th", "7days" or "2nd" are no amount (a day named
    // with it, "the -12 on the 24th", leaves the one figure).
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut figures = words
        .iter()
        .enumerate()
        .filter(|(i, w)| !(*i > 0 && is_day_after(words[i - 1], w)))
        .map(|(_, w)| *w)
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !is_day(w))
        .map(|w| {
            let money = w.contains(['-', '+', '−', '–', '$', '€', '.', ','])
                && w.chars().next().is_some_and(|c| !c.is_ascii_digit())
                || w.trim_end_matches(['?', '!']).contains(['.', ','])
                || w.contains(['$', '€']);
            let w = w
                .trim_start_matches(['-', '+', '−', '–'])
                .trim_start_matches(['$', '€'])
                .trim_end_matches(['?', '!', '.', ',', '€', '$']);
            (decimal_point(w), money)
        });
    let (figure, money) = figures.next()?;
    if figures.next().is_some() || !figure.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    Decimal::from_str(&figure)
        .ok()
        .filter(|d| *d >= Decimal::ONE)
        .map(|d| (d, money))
}

/// "ah oui c'est le train. et 41,75 ?": the amount, written as money, asked about in the
/// last sentence of a message of more than one (the sentences before answer the bot).
pub(crate) fn in_last_sentence(text: &str) -> Option<Decimal> {
    let trimmed = text.trim_end();
    let cut = trimmed
        .char_indices()
        .filter(|(i, c)| {
            matches!(c, '.' | '!' | ';') && trimmed[i + 1..].starts_with(char::is_whitespace)
        })
        .map(|(i, _)| i + 1)
        .next_back()?;
    asked_as_money(&trimmed[cut..])
}

/// "24th", "1er", "2nd", "3rd", "24/11": a day, not an amount.
fn is_day(word: &str) -> bool {
    let w = word.trim_end_matches(['?', '!', '.', ',']).to_lowercase();
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    (!digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th" | "er" | "eme"))
        || w.contains('/')
}

/// "du 19", "on 24": a bare day number after a word that dates it.
fn is_day_after(before: &str, word: &str) -> bool {
    let day = word.trim_end_matches(['?', '!', '.', ',']);
    matches!(
        before.to_lowercase().as_str(),
        "du" | "au" | "on" | "jusqu'au"
    ) && day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// "63,20" → "63.20" (a decimal comma: two digits after it), "1,850" → "1850".
fn decimal_point(figure: &str) -> String {
    match figure.rsplit_once(',') {
        Some((whole, cents))
            if cents.len() == 2 && !whole.contains(',') && !figure.contains('.') =>
        {
            format!("{whole}.{cents}")
        }
        _ => figure.replace(',', ""),
    }
}

/// "what's the 950", « c'est quoi le 950 »: a short message ending on "the" and a bare
/// figure, asked with nothing shown before (not "my acct ending 4321", "1000 usd in cad").
pub(crate) fn ends_on_the_figure(text: &str) -> bool {
    let f = text.to_lowercase().replace(['?', '!'], " ");
    let words: Vec<&str> = f.split_whitespace().collect();
    let [.., the, figure] = words.as_slice() else {
        return false;
    };
    words.len() <= 5
        && matches!(*the, "the" | "that" | "le" | "la" | "ce" | "ca")
        && figure.chars().any(|c| c.is_ascii_digit())
        && figure
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '$' | '€' | '-'))
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
            ("c quoi le -45", "45"),
            ("c'est quoi le -63,20 ?", "63.20"),
            ("the -12 on tuesday?", "12"),
            ("what's the -4.95 on the 25th?", "4.95"),
            ("et le -41,75€ ?", "41.75"),
            ("c quoi le -41,75 du 19 ?", "41.75"),
            ("what is that $1,850.00", "1850.00"),
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
