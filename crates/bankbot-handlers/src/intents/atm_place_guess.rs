//! "un distrib place de la république", "dab saint lazare", "atm union square": a place
//! typed right after the ATM words, with no "near"/"près de" for the slot reader to catch.
//! What is left once the ATM words are dropped is tried as a place name.

/// Words that open an ATM request, dropped from the start.
const LEADING: &[&str] = &[
    "un",
    "une",
    "le",
    "la",
    "les",
    "des",
    "y",
    "il",
    "a",
    "ya",
    "y'a",
    "an",
    "the",
    "any",
    "distrib",
    "distribs",
    "distributeur",
    "distributeurs",
    "dab",
    "dabs",
    "gab",
    "atm",
    "atms",
    "cash",
    "machine",
    "machines",
    "billets",
    "plus",
    "proche",
    "nearest",
    "closest",
];

/// Polite words and punctuation dropped from the end.
const TRAILING: &[&str] = &[
    "stp", "svp", "please", "pls", "plz", "?", "!", "merci", "thanks",
];

/// The longest place name a request may end with, in words.
const MAX_WORDS: usize = 5;

/// The words left after the ATM words, when some are left and they may be a place.
pub(crate) fn remainder(text: &str) -> Option<String> {
    let lower = text.to_lowercase().replace(['?', '!', ','], " ");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    let lead = words.iter().take_while(|w| LEADING.contains(w)).count();
    if lead == 0 {
        return None;
    }
    words.drain(..lead);
    while words.last().is_some_and(|w| TRAILING.contains(w)) {
        words.pop();
    }
    if words.is_empty()
        || words.len() > MAX_WORDS
        || words
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.len() < 4)
    {
        return None;
    }
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::remainder;

    #[test]
    fn the_place_after_the_atm_words() {
        assert_eq!(
            remainder("un distrib place de la république").as_deref(),
            Some("place de la république")
        );
        assert_eq!(
            remainder("dab saint lazare stp").as_deref(),
            Some("saint lazare")
        );
        assert_eq!(
            remainder("atm union square?").as_deref(),
            Some("union square")
        );
    }

    #[test]
    fn nothing_when_only_atm_words() {
        assert_eq!(remainder("un distributeur ?"), None);
        assert_eq!(remainder("distrib le plus proche"), None);
        assert_eq!(remainder("où est le distributeur"), None);
    }
}
