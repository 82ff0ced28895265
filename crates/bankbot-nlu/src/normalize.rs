//! Text normalisation shared by the classifier and the slot extractors.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longest input (in bytes) the engine looks at; the rest of a longer message is ignored.
pub const MAX_INPUT_BYTES: usize = 2_000;

/// Cuts `text` to at most [`MAX_INPUT_BYTES`], on a character boundary.
pub fn truncate(text: &str) -> &str {
    if text.len() <= MAX_INPUT_BYTES {
        return text;
    }
    let mut end = MAX_INPUT_BYTES;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// Lower case, compatibility decomposition with accents removed, typographic apostrophes
/// and dashes made ASCII, runs of white space collapsed to one space, trimmed.
/// Punctuation is kept (the slot extractors need `$`, `€`, `.` and `,`). French texting
/// forms ("g", "koi", "jai") are written out ([`crate::texting_fr`]).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{2010}'..='\u{2015}' => '-',
            _ => c,
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    crate::texting_fr::expand(&out).unwrap_or(out)
}

/// Words of a normalised text: maximal runs of alphanumeric characters.
pub fn words(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_accents_and_case() {
        assert_eq!(
            normalize("  Où est le DISTRIBUTEUR  le plus proche ?"),
            "ou est le distributeur le plus proche ?"
        );
        assert_eq!(normalize("what\u{2019}s my balance"), "what's my balance");
        assert_eq!(
            words("what's my balance?").collect::<Vec<_>>(),
            ["what", "s", "my", "balance"]
        );
    }

    #[test]
    fn truncates_on_char_boundary() {
        let s = "é".repeat(MAX_INPUT_BYTES);
        assert!(truncate(&s).len() <= MAX_INPUT_BYTES);
        assert_eq!(truncate("abc"), "abc");
    }
}
