//! Text normalisation shared by the classifier and the slot extractors.

use bankbot_core::fold_text;

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

/// The text the classifier and the slot extractors read: [`bankbot_core::fold_text`]
/// (lower case, accents removed, typographic apostrophes and dashes made ASCII, runs of
/// white space collapsed, trimmed), then French texting forms ("g", "koi", "jai") written
/// out ([`crate::texting_fr`]). Punctuation is kept (the slot extractors need `$`, `€`,
/// `.` and `,`).
pub fn normalize(text: &str) -> String {
    normalize_marked(text).0
}

/// [`normalize`], and whether French texting forms were written out (then the text differs
/// from a plain [`fold_text`], and the dialogue should read this form).
pub fn normalize_marked(text: &str) -> (String, bool) {
    let out = fold_text(text);
    match crate::texting_fr::expand(&out) {
        Some(written) => (written, true),
        None => (out, false),
    }
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
