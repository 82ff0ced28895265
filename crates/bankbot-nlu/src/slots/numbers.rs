//! Small numbers written as digits or words, in English and French.

const WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("a", 1),
    ("an", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("couple", 2),
    ("few", 3),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("neuf", 9),
    ("dix", 10),
    ("onze", 11),
    ("douze", 12),
    ("quinze", 15),
    ("vingt", 20),
    ("trente", 30),
    ("quarante", 40),
    ("cinquante", 50),
    ("soixante", 60),
    // Belgian and Swiss tens.
    ("septante", 70),
    ("huitante", 80),
    ("octante", 80),
    ("nonante", 90),
    ("cent", 100),
];

/// Regex alternation matching a number (digits or a number word).
pub const NUMBER: &str = r"\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|cent";

/// True when `norm` has a digit of any script (what `\d` in a slot regex needs): messages
/// without one skip the amount and dated-day readers.
pub fn has_digit(norm: &str) -> bool {
    norm.bytes().any(|b| b.is_ascii_digit())
        || (!norm.is_ascii() && norm.chars().any(char::is_numeric))
}

/// The value of a number word or digits (`"three"`, `"trois"`, `"12"`).
pub fn value(word: &str) -> Option<u32> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_numbers() {
        assert_eq!(super::value("three"), Some(3));
        assert_eq!(super::value("trois"), Some(3));
        assert_eq!(super::value("42"), Some(42));
        assert_eq!(super::value("nonante"), Some(90));
        assert_eq!(super::value("ninety"), Some(90));
        assert_eq!(super::value("99999999999"), None);
        assert_eq!(super::value("lots"), None);
    }

    #[test]
    fn digits_of_any_script_count() {
        assert!(super::has_digit("over 100"));
        assert!(super::has_digit("plus de \u{0661}\u{0660}"));
        assert!(!super::has_digit("what's my balance"));
        assert!(!super::has_digit("quel est mon solde, ça va ?"));
    }
}
