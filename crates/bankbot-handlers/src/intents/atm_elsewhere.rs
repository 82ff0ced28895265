//! After a cash-machine answer, a short question about another spot: "any by the ferry
//! building", "one near union square?", "anything around soho", "how about close to
//! the castro". Returns the place to search; the caller checks the last intent was ATMs.

use crate::words::normalize;

/// Openers dropped before the "any"/"one" word: "and", "ok", "what about"…
const OPENERS: &[&str] = &[
    "and ",
    "ok ",
    "okay ",
    "what about ",
    "how about ",
    "and what about ",
];

/// What stands for "a cash machine" in the short question.
const SOME: &[&str] = &[
    "any ",
    "anything ",
    "one ",
    "ones ",
    "some ",
    "another ",
    "another one ",
    "any more ",
    "any others ",
    "is there one ",
    "is there any ",
    "are there any ",
    "any atm ",
    "any atms ",
    "an atm ",
    "atms ",
    "atm ",
];

/// Words that say where: the place follows.
const WHERE: &[&str] = &[
    "by ",
    "near ",
    "nearer ",
    "around ",
    "close to ",
    "closer to ",
    "next to ",
    "at ",
    "in ",
    "over by ",
    "over in ",
    "round ",
];

/// The place named in a short "any by X" question; `None` for anything else.
pub(crate) fn place(text: &str) -> Option<String> {
    let mut t = normalize(text);
    for opener in OPENERS {
        if let Some(rest) = t.strip_prefix(opener) {
            t = rest.to_owned();
        }
    }
    let rest = longest_prefix(&t, SOME)?;
    let rest = longest_prefix(rest, WHERE)?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest).trim();
    let words = rest.split_whitespace().count();
    (1..=4)
        .contains(&words)
        .then(|| rest.trim_end_matches(['?', '!', '.']).to_owned())
        .filter(|p| !matches!(p.as_str(), "here" | "there" | "me" | "else" | "other"))
}

fn longest_prefix<'a>(text: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes
        .iter()
        .filter(|p| text.starts_with(*p))
        .max_by_key(|p| p.len())
        .map(|p| &text[p.len()..])
}

#[cfg(test)]
mod tests {
    use super::place;

    #[test]
    fn another_spot_is_read() {
        for (text, want) in [
            ("any by the ferry building", "ferry building"),
            ("one near union square?", "union square"),
            ("and anything around soho", "soho"),
            ("how about any close to the castro", "castro"),
            ("ok is there one at covent garden", "covent garden"),
        ] {
            assert_eq!(place(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn other_questions_are_not_places() {
        for text in [
            "any open 24h near me",
            "one more thing",
            "any by here",
            "thanks",
            "any",
        ] {
            assert_eq!(place(text), None, "{text}");
        }
    }
}
