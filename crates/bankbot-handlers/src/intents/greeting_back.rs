//! "Hello again. I am not sure whether you remember me, I spoke to you yesterday about my
//! savings.", "hey it's me again": a returning customer's greeting, answered as one — not
//! as a message not understood — when it asks nothing else.

use crate::cues::fold;

/// Greeting words that open the message.
const OPENERS: &[&str] = &[
    "hello",
    "hi",
    "hey",
    "heya",
    "hiya",
    "yo",
    "morning",
    "good morning",
    "good afternoon",
    "good evening",
    "evening",
    "afternoon",
    "greetings",
    "howdy",
    "bonjour",
    "bonsoir",
    "salut",
    "allo",
];

/// Words of a customer coming back, each padded.
const BACK: &[&str] = &[
    " again ",
    " it's me ",
    " its me ",
    " it is me ",
    " me again ",
    " i'm back ",
    " im back ",
    " i am back ",
    " remember me ",
    " spoke to you ",
    " spoken to you ",
    " talked to you ",
    " chatted with you ",
    " wrote to you ",
    " we spoke ",
    " we talked ",
    " c'est moi ",
    " me revoila ",
    " encore moi ",
];

/// True when `text` is a returning customer's greeting.
pub(crate) fn greets_back(text: &str) -> bool {
    let f = fold(text);
    let opens = OPENERS.iter().any(|o| {
        f.trim_start()
            .strip_prefix(o)
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
    });
    opens && BACK.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::greets_back;

    #[test]
    fn returning_greetings() {
        for q in [
            "Hello again. I am not sure whether you remember me, I spoke to you yesterday about my savings.",
            "hey it's me again",
            "hi, its me again lol",
            "good morning, we spoke last week",
        ] {
            assert!(greets_back(q), "{q}");
        }
        assert!(!greets_back("hello"));
        assert!(!greets_back("history again"));
    }
}
