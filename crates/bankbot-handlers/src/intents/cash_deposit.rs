//! "i want to deposit money", "i want make deposito", "where can i pay in cash", "need to
//! lodge some cash", "i need to put cash in my account": cash to pay in. The bot takes no
//! deposit itself, but it finds the cash machines that do: the search for those, asking
//! where when no place is named — never "didn't get that" nor the balances. A deposit
//! looked back on ("did my deposit come in", "deposits last month") is a data question,
//! and a cheque or a direct deposit is answered elsewhere.

use bankbot_core::has_padded_phrase;

use crate::cues::fold;

/// Ways of saying cash is to be paid in, folded.
const PAY_IN: &[&str] = &[
    "deposit",
    "make a deposit",
    "make deposit",
    "do a deposit",
    "pay in",
    "pay in cash",
    "pay cash in",
    "pay money in",
    "paying in",
    "put cash in",
    "put money in",
    "put some cash in",
    "put some money in",
    "lodge",
    "lodge cash",
    "lodge money",
    "lodge some",
];

/// Words that make it a look back or another kind of deposit.
const NOT_CASH_TO_PAY_IN: &[&str] = &[
    "did",
    "any",
    "from",
    "has",
    "have",
    "was",
    "were",
    "deposited",
    "deposits",
    "received",
    "come in",
    "came in",
    "show",
    "list",
    "last",
    "direct",
    "cheque",
    "check",
    "cheques",
    "checks",
    "salary",
    "paycheck",
    "payslip",
    "wages",
    "alert",
    "alerts",
    "notify",
    "tell me when",
];

/// True when `text` asks to pay cash in now.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let wants = PAY_IN.iter().any(|p| has_padded_phrase(&f, p))
        || (has_padded_phrase(&f, "to deposit") || has_padded_phrase(&f, "deposit cash"));
    wants && !NOT_CASH_TO_PAY_IN.iter().any(|w| has_padded_phrase(&f, w))
}

/// Words that say where, before a place ("at oxford circus", "near victoria").
const WHERE: &[&str] = &["at", "near", "by", "in", "around", "nr"];

/// What follows them that is no place ("in my account", "at an atm").
const NO_PLACE: &[&str] = &[
    "my", "an", "a", "the", "your", "it", "this", "that", "cash", "money", "atm", "atms",
];

/// The longest place read after the words that say where, in words.
const MAX_PLACE_WORDS: usize = 5;

/// The place named after "at", "near", "in"… ("wanna pay in some money at oxford
/// circus" → "oxford circus"), if any; the geocoder decides whether it is one.
pub(crate) fn place_named(text: &str) -> Option<String> {
    let lower = text.to_lowercase().replace(['?', '!', ',', '.'], " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let at = words.iter().rposition(|w| WHERE.contains(w))?;
    let place = &words[at + 1..];
    let first = place.first()?;
    (!NO_PLACE.contains(first) && place.len() <= MAX_PLACE_WORDS).then(|| place.join(" "))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn place_after_the_words_that_say_where() {
        use super::place_named;
        assert_eq!(
            place_named("wanna pay in some money at oxford circus").as_deref(),
            Some("oxford circus")
        );
        assert_eq!(place_named("i need to put cash in my account"), None);
        assert_eq!(place_named("can i pay in cash at an atm"), None);
        assert_eq!(place_named("i want to deposit money"), None);
    }

    #[test]
    fn cash_to_pay_in() {
        for t in [
            "i want to deposit money",
            "i want make deposit",
            "where can i pay in cash",
            "need to lodge some cash",
            "i need to put cash in my account",
            "can i make a deposit near kings cross",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "did my deposit come in",
            "any deposit from acme this month?",
            "show deposits last month",
            "set up direct deposit",
            "deposit a cheque",
            "alert me when a deposit arrives",
            "what's my balance",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
