//! English amounts spelled out in words, written as digits: "fifty dollars" → "50
//! dollars", "a hundred bucks" → "100 bucks", "two hundred and fifty quid" → "250 quid",
//! "twenty-five dollars" → "25 dollars". Only a run of number words followed by a currency
//! word is rewritten, so "a few", "one card" or "my last ten transactions" stay as typed.

use crate::spelled::NumberWords;

/// Currency words that make a run of number words an amount (normalised).
const CURRENCY: &[&str] = &[
    "dollar", "dollars", "dollar's", "dolar", "dolars", "bucks", "buck", "usd", "quid", "pound",
    "pounds", "gbp", "euro", "euros", "eur",
];

/// The value of a number word: units, teens and tens.
fn word_value(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// True for the words that scale or join number words.
fn joins(w: &str) -> bool {
    matches!(w, "hundred" | "thousand" | "and" | "a")
}

/// Reads the number words of `words`: the value and how many words it took, or `None` when
/// nothing is a number. "a" counts only before "hundred" or "thousand" ("a hundred").
fn read(words: &[&str]) -> Option<(u32, usize)> {
    let mut total: u32 = 0;
    let mut current: u32 = 0;
    let mut taken = 0;
    let mut any = false;
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        match *w {
            "a" if !any && matches!(next, Some("hundred" | "thousand")) => {
                current = 1;
            }
            "and" if any && next.is_some_and(|n| word_value(n).is_some()) => {}
            "hundred" if any => current = current.max(1).saturating_mul(100),
            "thousand" if any => {
                total = total.saturating_add(current.max(1).saturating_mul(1000));
                current = 0;
            }
            _ => match word_value(w) {
                Some(v) => current = current.saturating_add(v),
                None => break,
            },
        }
        any = true;
        taken = i + 1;
    }
    any.then_some((total.saturating_add(current), taken))
}

/// `norm` with each spelled-out amount written in digits, or `None` when it has none.
pub fn amounts_as_digits(norm: &str) -> Option<String> {
    crate::spelled::amounts_as_digits(norm, &ENGLISH)
}

/// English number words for [`crate::spelled`].
const ENGLISH: NumberWords = NumberWords {
    is_part,
    read,
    currency: CURRENCY,
    bounds: BOUNDS,
    after_bound: &[],
};

/// Words right before a number that make it the amount of one operation ("a payment of...
/// fifty", "the charge of forty-five"), when the number ends the message.
const BOUNDS: &[&[&str]] = &[
    &["payment", "of"],
    &["payment", "for"],
    &["charge", "of"],
    &["charge", "for"],
    &["transaction", "of"],
    &["purchase", "of"],
    &["debit", "of"],
    &["withdrawal", "of"],
];

/// True for a word that may be part of a spelled-out number ("twenty", "hundred", "and").
fn is_part(w: &str) -> bool {
    word_value(w).is_some() || joins(w)
}

#[cfg(test)]
mod tests {
    use super::amounts_as_digits as d;

    #[test]
    fn spelled_amounts_become_digits() {
        for (typed, want) in [
            ("above fifty dollars", "above 50 dollars"),
            ("below ten dollars?", "below 10 dollars?"),
            ("over a hundred bucks", "over 100 bucks"),
            ("two hundred and fifty quid", "250 quid"),
            ("twenty-five dollars", "25 dollars"),
            ("twenty five dollars", "25 dollars"),
            ("one thousand five hundred dollars", "1500 dollars"),
            ("a thousand dollars", "1000 dollars"),
            ("more than forty pounds", "more than 40 pounds"),
            ("a payment of... fifty", "a payment of... 50"),
        ] {
            assert_eq!(d(typed).as_deref(), Some(want), "{typed}");
        }
    }

    #[test]
    fn other_number_words_stay() {
        for typed in [
            "a few",
            "my last ten transactions",
            "one card",
            "and a dollar",
            "dollars",
            "a hundred",
            "",
        ] {
            assert_eq!(d(typed), None, "{typed}");
        }
    }
}
