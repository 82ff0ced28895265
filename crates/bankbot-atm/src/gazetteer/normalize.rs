//! Text normalisation for place names and postcodes.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a place name for matching: accents stripped, lower case, punctuation to spaces,
/// spaces collapsed, and `saint`/`sainte` shortened to `st`/`ste` (La Poste's spelling).
pub(crate) fn fold(s: &str) -> String {
    let mut f = Folder {
        out: String::with_capacity(s.len()),
        word_start: None,
    };
    if s.is_ascii() {
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                f.letter(c.to_ascii_lowercase());
            } else {
                f.end_word();
            }
        }
    } else {
        for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
            match c {
                'œ' | 'Œ' => "oe".chars().for_each(|c| f.letter(c)),
                'æ' | 'Æ' => "ae".chars().for_each(|c| f.letter(c)),
                'ß' => "ss".chars().for_each(|c| f.letter(c)),
                c if c.is_alphanumeric() => c.to_lowercase().for_each(|c| f.letter(c)),
                _ => f.end_word(),
            }
        }
    }
    f.end_word();
    f.out
}

/// Builds a folded string word by word.
struct Folder {
    out: String,
    /// Where the current word starts in `out`, while inside a word.
    word_start: Option<usize>,
}

impl Folder {
    fn letter(&mut self, c: char) {
        if self.word_start.is_none() {
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.word_start = Some(self.out.len());
        }
        self.out.push(c);
    }

    fn end_word(&mut self) {
        let Some(start) = self.word_start.take() else {
            return;
        };
        let short = match self.out.get(start..) {
            Some("saint") => "st",
            Some("sainte") => "ste",
            _ => return,
        };
        self.out.truncate(start);
        self.out.push_str(short);
    }
}

/// A UK postcode or outcode, upper-cased and without spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UkCode {
    /// A full postcode: outcode and inward code ("SW1A", "1AA").
    Full(String, String),
    /// An outcode alone ("SW1A", "M1", "EC2").
    Outcode(String),
}

/// Whether `s` has the shape `^[A-Z]{1,2}[0-9][A-Z0-9]?$`.
pub(crate) fn is_outcode(s: &str) -> bool {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) {
        return false;
    }
    let rest = b.get(letters..).unwrap_or(&[]);
    match rest {
        [d] => d.is_ascii_digit(),
        [d, x] => d.is_ascii_digit() && (x.is_ascii_digit() || x.is_ascii_uppercase()),
        _ => false,
    }
}

/// Reads a UK postcode or outcode, whatever its spacing and case.
pub(crate) fn uk_code(s: &str) -> Option<UkCode> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !compact.is_ascii() {
        return None;
    }
    if is_outcode(&compact) {
        return Some(UkCode::Outcode(compact));
    }
    if compact.len() >= 5 {
        let (out, inward) = compact.split_at(compact.len() - 3);
        let ib = inward.as_bytes();
        let inward_ok = matches!(ib, [d, a, b] if d.is_ascii_digit() && a.is_ascii_uppercase() && b.is_ascii_uppercase());
        if inward_ok && is_outcode(out) {
            return Some(UkCode::Full(out.to_owned(), inward.to_owned()));
        }
    }
    None
}

/// A five-digit code ("94105", "75011", "94105-1234" keeps its first five digits).
pub(crate) fn five_digits(s: &str) -> Option<u32> {
    let s = s.trim();
    let head = match s.split_once('-') {
        Some((h, tail)) if tail.len() == 4 && tail.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => s,
    };
    (head.len() == 5 && head.bytes().all(|b| b.is_ascii_digit()))
        .then(|| head.parse().ok())
        .flatten()
}

/// The ISO code of a country name or code typed after a comma ("france", "uk", "usa").
pub(crate) fn country_code(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "fr" | "france" => "FR",
        "uk" | "gb" | "united kingdom" | "great britain" | "britain" | "england" | "scotland"
        | "wales" | "royaume uni" | "angleterre" | "ecosse" | "pays de galles" => "GB",
        "us" | "usa" | "united states" | "united states of america" | "america" | "etats unis" => {
            "US"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_names() {
        assert_eq!(fold("  Saint-Étienne "), "st etienne");
        assert_eq!(fold("L'Isle-Adam"), "l isle adam");
        assert_eq!(fold("Œuilly"), "oeuilly");
        assert_eq!(fold("LYON"), "lyon");
        assert_eq!(fold("Лондон"), "лондон");
    }

    #[test]
    fn reads_uk_codes() {
        assert_eq!(
            uk_code("sw1a1aa"),
            Some(UkCode::Full("SW1A".into(), "1AA".into()))
        );
        assert_eq!(
            uk_code("SW1A 1AA"),
            Some(UkCode::Full("SW1A".into(), "1AA".into()))
        );
        assert_eq!(
            uk_code("m1 1ae"),
            Some(UkCode::Full("M1".into(), "1AE".into()))
        );
        assert_eq!(
            uk_code("M11AE"),
            Some(UkCode::Full("M1".into(), "1AE".into()))
        );
        assert_eq!(uk_code("ec2"), Some(UkCode::Outcode("EC2".into())));
        assert_eq!(uk_code("lyon"), None);
        assert_eq!(uk_code("94105"), None);
        assert_eq!(five_digits("94105-1234"), Some(94105));
        assert_eq!(five_digits("07501"), Some(7501));
        assert_eq!(five_digits("7501"), None);
    }
}
