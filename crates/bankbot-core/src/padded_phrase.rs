//! Whole-word phrase search in a space-padded text (" ne bloque pas ma carte "), without
//! building the padded phrase: the matchers ask it for every phrase of their word lists on
//! every message, and allocating `format!(" {phrase} ")` (then a substring searcher) for
//! each was the largest single cost of a turn.

/// True when `padded` holds `phrase` with a space on each side: the same answer as
/// `padded.contains(&format!(" {phrase} "))`, without allocating and without building a
/// substring searcher per phrase (for texts of a few words, comparing at each word start
/// is cheaper).
///
/// Only the places right after a space are tried, going from one to the next with a scan
/// for the next space, and at each the phrase's first byte and the space after it are
/// compared before the rest: the matchers try hundreds of phrases per message, nearly all
/// absent, and most word starts are turned down without a call to `memcmp`.
pub fn has_padded_phrase(padded: &str, phrase: &str) -> bool {
    let (text, wanted) = (padded.as_bytes(), phrase.as_bytes());
    let Some(last_start) = text.len().checked_sub(wanted.len() + 1) else {
        return false;
    };
    let Some(&first) = wanted.first() else {
        // The empty phrase: two spaces in a row.
        return text.windows(2).any(|pair| pair == b"  ");
    };
    let mut start = 1;
    while start <= last_start {
        if text[start] == first
            && text[start - 1] == b' '
            && text[start + wanted.len()] == b' '
            && text[start..start + wanted.len()] == *wanted
        {
            return true;
        }
        match text[start..=last_start].iter().position(|&b| b == b' ') {
            Some(space) => start += space + 1,
            None => return false,
        }
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

    /// Every text of up to 7 characters and every phrase of up to 3 over `a`, `b` and the
    /// space: glued words, doubled spaces, a phrase at either end, texts not padded.
    #[test]
    fn answers_as_the_padded_contains_does_for_every_short_text() {
        fn all(max: usize) -> Vec<String> {
            let mut out = vec![String::new()];
            let mut last = vec![String::new()];
            for _ in 0..max {
                last = last
                    .iter()
                    .flat_map(|s| [' ', 'a', 'b'].map(|c| format!("{s}{c}")))
                    .collect();
                out.extend(last.iter().cloned());
            }
            out
        }
        let phrases = all(3);
        for text in all(7) {
            for phrase in &phrases {
                assert_eq!(
                    has_padded_phrase(&text, phrase),
                    reference(&text, phrase),
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
