//! Whole-word phrase search in a space-padded text (" ne bloque pas ma carte "), without
//! building the padded phrase: the matchers ask it for every phrase of their word lists on
//! every message, and allocating `format!(" {phrase} ")` for each was the largest single
//! cost of a turn.

/// True when `padded` holds `phrase` with a space on each side: the same answer as
/// `padded.contains(&format!(" {phrase} "))`, without allocating. Every occurrence is
/// tried, overlapping ones included (" xa a a " holds "a a" at its second place).
pub fn has_padded_phrase(padded: &str, phrase: &str) -> bool {
    let Some(first) = phrase.chars().next() else {
        return padded.contains("  ");
    };
    let bytes = padded.as_bytes();
    let mut from = 0;
    while let Some(found) = padded.get(from..).and_then(|rest| rest.find(phrase)) {
        let start = from + found;
        let end = start + phrase.len();
        let spaced_before = start > 0 && bytes[start - 1] == b' ';
        if spaced_before && bytes.get(end) == Some(&b' ') {
            return true;
        }
        from = start + first.len_utf8();
    }
    false
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
