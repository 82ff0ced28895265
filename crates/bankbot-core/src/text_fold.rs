//! The one text folding every matcher uses on what customers type: the intent engine
//! before classifying and reading slots, the dialogue's cue and yes/no words, merchant
//! searches. "Bien sur" matches "bien sûr", "Ça" matches "ca", a curly apostrophe matches
//! a straight one. It only folds; splitting into words, dropping punctuation or expanding
//! abbreviations is the caller's job.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` folded for matching: lower case, compatibility decomposition with accents and
/// other combining marks removed (so `ﬁ` is `fi` and a no-break space a space),
/// typographic apostrophes (`’`, `ʼ`, `` ` ``, `´`) made `'` and dashes (`‐` … `―`) made
/// `-`, runs of white space collapsed to one space, trimmed. Other punctuation is kept
/// (`$`, `€`, `.` and `,` carry amounts).
///
/// ```
/// use bankbot_core::fold_text;
/// assert_eq!(fold_text("  Bien SÛR !"), "bien sur !");
/// assert_eq!(fold_text("Ça m\u{2019}intéresse"), "ca m'interesse");
/// ```
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        // The common case: no decomposition to do, one pass over the bytes.
        push_folded(text.chars(), &mut out);
    } else {
        push_folded(text.nfkd().filter(|c| !is_combining_mark(*c)), &mut out);
    }
    out
}

/// Appends the folded `chars` (already decomposed, marks removed) to `out`.
fn push_folded(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut pending_space = false;
    for c in chars {
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
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold_text;

    #[test]
    fn accents_case_and_apostrophes_fold_alike() {
        assert_eq!(fold_text("bien sur"), fold_text("bien sûr"));
        assert_eq!(fold_text("Ça"), "ca");
        assert_eq!(fold_text("c'est"), fold_text("c\u{2019}est"));
        assert_eq!(fold_text("c'est"), fold_text("c\u{02BC}est"));
        assert_eq!(fold_text("DÉJÀ Noël"), "deja noel");
    }

    #[test]
    fn spaces_collapse_and_punctuation_stays() {
        assert_eq!(
            fold_text("  Où est le DISTRIBUTEUR \t le plus proche ?"),
            "ou est le distributeur le plus proche ?"
        );
        assert_eq!(fold_text("1\u{202f}234,56\u{a0}€"), "1 234,56 €");
        assert_eq!(fold_text("week\u{2011}end"), "week-end");
        assert_eq!(fold_text(""), "");
        assert_eq!(fold_text(" \n "), "");
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        use unicode_normalization::UnicodeNormalization;
        for s in [
            "What's MY balance",
            "a\u{0B}b",
            "x`y",
            "  lots   of\tspace  ",
        ] {
            let mut general = String::new();
            super::push_folded(s.nfkd(), &mut general);
            assert_eq!(fold_text(s), general, "{s:?}");
        }
    }
}
