//! "When exactly?", "what day was that" after money answers: the dated
//! items of the same search, since a total or a short list may not say when.

use crate::words::normalize;

/// Whole short questions asking when (normalised: lower case, no end punctuation).
const WHEN: &[&str] = &[
    "when",
    "when exactly",
    "when was that",
    "when was it",
    "when was this",
    "when did that happen",
    "when did it come in",
    "when did it arrive",
    "when did it go out",
    "when did i pay it",
    "what day",
    "what day was that",
    "what day was it",
    "which day",
    "which day was that",
    "what date",
    "what date was that",
    "on what day",
    "on which day",
    "what time",
    "and when",
];

/// True when the whole message asks when the last items happened.
pub(crate) fn asks_when(text: &str) -> bool {
    let t = normalize(text);
    crate::words::listed(WHEN, t.trim_end_matches(['?', '!', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::asks_when;

    #[test]
    fn when_questions_are_read() {
        for text in [
            "when exactly",
            "When was that?",
            "what day was it ??",
            "and when?",
        ] {
            assert!(asks_when(text), "{text}");
        }
    }

    #[test]
    fn requests_with_a_date_are_not() {
        for text in [
            "when did i last go to starbucks",
            "when is my rent due",
            "what",
        ] {
            assert!(!asks_when(text), "{text}");
        }
    }
}
