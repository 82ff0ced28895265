//! The few words the dialogue understands on its own: yes, no and "show more", in English
//! and French, for answers the intent engine is not trained on.

/// Lower case, trimmed, without surrounding punctuation, inner whitespace collapsed.
pub(crate) fn normalize(text: &str) -> String {
    let lower = text.to_lowercase().replace('’', "'");
    let trimmed = lower.trim_matches(|c: char| c.is_whitespace() || ".!?,;:…".contains(c));
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

const YES: &[&str] = &[
    "yes",
    "y",
    "yeah",
    "yep",
    "yup",
    "sure",
    "ok",
    "okay",
    "confirm",
    "do it",
    "go ahead",
    "yes please",
    "please do",
    "correct",
    "oui",
    "ouais",
    "o",
    "d'accord",
    "daccord",
    "vas-y",
    "vas y",
    "allez-y",
    "confirmer",
    "je confirme",
    "oui merci",
    "bien sûr",
    "👍",
];

const NO: &[&str] = &[
    "no",
    "n",
    "nope",
    "nah",
    "cancel",
    "stop",
    "don't",
    "do not",
    "no thanks",
    "not now",
    "never mind",
    "non",
    "non merci",
    "annuler",
    "annule",
    "pas maintenant",
    "laisse tomber",
    "surtout pas",
    "👎",
];

const MORE: &[&str] = &[
    "more",
    "show more",
    "see more",
    "show me more",
    "more please",
    "next",
    "next page",
    "more transactions",
    "older",
    "plus",
    "voir plus",
    "encore",
    "la suite",
    "suite",
    "afficher plus",
    "montre plus",
    "montrez plus",
    "montre-moi plus",
    "d'autres",
    "les suivantes",
    "suivantes",
];

const CUES: &[&str] = &[
    "and ",
    "what about ",
    "how about ",
    "same for ",
    "same with ",
    "now ",
    "also ",
    "only ",
    "just ",
    "et ",
    "et pour ",
    "pareil ",
    "même chose ",
    "quid de ",
    "pour le ",
    "pour la ",
    "pour mon ",
    "pour ma ",
    "seulement ",
    "juste ",
];

/// True when the message opens like a follow-up: "and savings?", "what about October?",
/// "et le livret ?".
pub(crate) fn follow_up_cue(text: &str) -> bool {
    let t = normalize(text);
    CUES.iter().any(|c| t.starts_with(c))
}

/// `Some(true)` for a yes, `Some(false)` for a no, `None` otherwise.
pub(crate) fn yes_no(text: &str) -> Option<bool> {
    let t = normalize(text);
    if YES.contains(&t.as_str()) {
        Some(true)
    } else if NO.contains(&t.as_str()) {
        Some(false)
    } else {
        None
    }
}

/// True for "show more" and its variants.
pub(crate) fn show_more(text: &str) -> bool {
    MORE.contains(&normalize(text).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn understands_short_answers() {
        assert_eq!(yes_no(" Yes! "), Some(true));
        assert_eq!(yes_no("Oui."), Some(true));
        assert_eq!(yes_no("D’accord"), Some(true));
        assert_eq!(yes_no("non merci"), Some(false));
        assert_eq!(yes_no("what's my balance"), None);
        assert!(show_more("Show   more"));
        assert!(show_more("voir plus ?"));
        assert!(!show_more("more money please"));
        assert!(follow_up_cue("And savings?"));
        assert!(follow_up_cue("what about October?"));
        assert!(follow_up_cue("et le livret ?"));
        assert!(!follow_up_cue("andrew"));
        assert!(!follow_up_cue("what's my balance"));
    }
}
