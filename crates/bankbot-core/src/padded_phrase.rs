//! Whole-word phrase search in a space-padded text (" ne bloque pas ma carte "), without
//! building the padded phrase: the matchers ask it for every phrase of their word lists on
//! every message, and allocating `format!(" {phrase} ")` (then a substring searcher) for
//! each was the largest single cost of a turn.

/// True when `padded` holds `phrase` with a space on each side: the same answer as
/// `padded.contains(&format!(" {phrase} "))`, without allocating and without building a
/// substring searcher per phrase (for texts of a few words, comparing at each word start
/// is cheaper): every place right after a space is tried.
pub fn has_padded_phrase(padded: &str, phrase: &str) -> bool {
    let (text, wanted) = (padded.as_bytes(), phrase.as_bytes());
    let Some(last_start) = text.len().checked_sub(wanted.len() + 1) else {
        return false;
    };
    (1..=last_start).any(|start| {
        text[start - 1] == b' '
            && text[start..].starts_with(wanted)
            && text[start + wanted.len()] == b' '
    })
}

#[cfg(test)]
mod tests {
    use super::has_padded_phrase;

    /// The reference: what every caller wrote before.
    fn reference(padded: &str, phrase: &str) -> bool {
        padded.contains(&format!(" {phrase} "))
    }

    #[test]
    fn answers_as_the_padded_contains_does() {
        let texts = [
            " ne bloque pas ma carte ",
            " xa a a ",
            " aa a ",
            " c'est quoi mon solde ",
            " débloquer ma carte ",
            " ok 👍 ",
            "",
            " ",
            "  ",
            "no padding",
            " a ",
            " a a ",
            " été été ",
        ];
        let phrases = [
            "ma carte",
            "a a",
            "a",
            "carte",
            "ma",
            "bloque pas",
            "quoi mon",
            "c'est",
            "👍",
            "ok",
            "",
            " ",
            "été",
            "té",
            "e",
            "no",
            "padding",
            "ne bloque pas ma carte",
        ];
        for text in texts {
            for phrase in phrases {
                assert_eq!(
                    has_padded_phrase(text, phrase),
                    reference(text, phrase),
                    "{text:?} / {phrase:?}"
                );
            }
        }
    }

    #[test]
    fn finds_a_later_occurrence_after_a_glued_one() {
        assert!(has_padded_phrase(" xa a a ", "a a"));
        assert!(has_padded_phrase(" cartes carte ", "carte"));
        assert!(!has_padded_phrase(" cartes cartel ", "carte"));
    }
}
