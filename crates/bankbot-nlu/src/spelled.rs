//! The scan shared by the spelled-out amount readers ([`crate::spelled_en`],
//! [`crate::spelled_fr`]): a run of number words (hyphenated ones split, "twenty-five",
//! "septante-cinq") right before a currency word is written in digits. Each language gives
//! its number words; the scan knows none.

/// One language's number words.
pub(crate) struct NumberWords {
    /// True for a word that may be part of a spelled-out number.
    pub(crate) is_part: fn(&str) -> bool,
    /// The value of a run of such words and how many of them it took.
    pub(crate) read: fn(&[&str]) -> Option<(u32, usize)>,
    /// Currency words that make the run an amount (normalised).
    pub(crate) currency: &'static [&'static str],
}

/// `norm` with each spelled-out amount of `lang` written in digits, or `None` when it has
/// none.
pub(crate) fn amounts_as_digits(norm: &str, lang: &NumberWords) -> Option<String> {
    let tokens: Vec<&str> = norm.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut changed = false;
    let mut i = 0;
    while i < tokens.len() {
        // Number words of the tokens from `i`, split on hyphens.
        let mut parts: Vec<&str> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        for (j, t) in tokens.iter().enumerate().skip(i) {
            let pieces: Vec<&str> = t.split('-').collect();
            if !pieces.iter().all(|p| (lang.is_part)(p)) {
                break;
            }
            parts.extend(pieces);
            ends.push(j + 1);
        }
        if let Some((value, taken)) = (lang.read)(&parts)
            && taken == parts.len()
            && let Some(&end) = ends.last()
            && tokens
                .get(end)
                .map(|c| c.trim_end_matches(['?', '!', '.', ',']))
                .is_some_and(|c| lang.currency.contains(&c))
            && value > 0
        {
            out.push(value.to_string());
            changed = true;
            i = end;
            continue;
        }
        out.push(tokens[i].to_string());
        i += 1;
    }
    changed.then(|| out.join(" "))
}
