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
/// out ([`crate::texting_fr`]), and English customers' borrowed and Scots words ("saldo",
/// "tarjeta", "cannae") in plain English (the `words_en` module). Punctuation is kept (the slot extractors need `$`, `€`,
/// `.` and `,`).
///
/// Normalising twice changes nothing (`normalize(&normalize(t)) == normalize(t)`), so
/// [`crate::Engine::parse`] normalises once and hands the result to the classifier and
/// every slot reader. Writing a texting form out can make another one readable ("cb"
/// written "combien" makes the message French, so "tt" after it is "tout"), so the
/// expansion is repeated until nothing changes — in practice once, as almost no message
/// has a texting form at all.
pub fn normalize(text: &str) -> String {
    normalize_marked(text).0
}

/// [`normalize`], and whether French texting forms were written out (then the text differs
/// from a plain [`fold_text`], and the dialogue should read this form).
pub fn normalize_marked(text: &str) -> (String, bool) {
    let mut out = fold_text(text);
    let mut written = false;
    // Each pass writes out at least one texting form and none writes one back, so this
    // ends; the bound only guards against a future table that would.
    for _ in 0..MAX_EXPANSION_PASSES {
        match crate::texting_fr::expand(&out) {
            Some(next) => {
                out = next;
                written = true;
            }
            None => break,
        }
    }
    // "what is my saldo", "i cannae find my card": borrowed and Scots words in English.
    if let Some(next) = crate::words_en::plain_english(&out) {
        out = next;
        written = true;
    }
    // "septante-cinq francs": a spelled-out amount in digits, as every amount reader wants.
    if let Some(next) = crate::spelled_fr::amounts_as_digits(&out) {
        out = next;
        written = true;
    }
    (out, written)
}

/// `norm` (a [`normalize`]d text) with English amounts spelled out written as digits
/// ("above fifty dollars" → "above 50 dollars"), or `None` when it has none. Read by the
/// slots and the dialogue only: the classifier keeps the words, as digits there moved
/// out-of-scope questions into scope (CLINC150 OOS recall 47.7 % → 47.5 %).
pub fn english_amounts_as_digits(norm: &str) -> Option<String> {
    crate::spelled_en::amounts_as_digits(norm)
}

/// Passes of [`crate::texting_fr::expand`] at most (two suffice for every form today).
const MAX_EXPANSION_PASSES: usize = 4;

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
    fn normalising_twice_changes_nothing() {
        // "combien" (from "cb") makes the message French, so "tt" is "tout"; "bien" (from
        // "b1") after "ce" makes it "c'est": one pass of texting forms is not always enough.
        for (typed, want) in [
            ("cb dispo tt", "combien dispo tout"),
            ("ce b1 ca", "c'est bien ca"),
            ("ce quoa", "c'est quoi"),
            ("g plu d'tunes ou koi", "j'ai plu d'tunes ou quoi"),
            ("What's my BALANCE", "what's my balance"),
        ] {
            let once = normalize(typed);
            assert_eq!(once, want, "{typed}");
            assert_eq!(normalize(&once), once, "{typed}");
        }
    }

    proptest::proptest! {
        #[test]
        fn normalize_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn normalize_is_idempotent_on_texting_words(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "cb", "ce", "c", "ya", "tt", "mm", "g", "b1", "koi", "quoa", "ma", "il",
                    "dispo", "ok", "de", "bon", "the", "my", "keske", "stp", "que", "vs",
                ]),
                0..8,
            )
        ) {
            let s = words.join(" ");
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once);
        }
    }

    #[test]
    fn truncates_on_char_boundary() {
        let s = "é".repeat(MAX_INPUT_BYTES);
        assert!(truncate(&s).len() <= MAX_INPUT_BYTES);
        assert_eq!(truncate("abc"), "abc");
    }
}
