//! The scan shared by the spelled-out amount readers ([`crate::spelled_en`],
//! [`crate::spelled_fr`]): a run of number words (hyphenated ones split, "twenty-five",
//! "septante-cinq") right before a currency word is written in digits, and so is a run right
//! after a bound ("plus de septante", "supérieures à nonante ?") that ends the message or
//! is followed by a word of the sentence ("ce mois-ci", "chez"), not by a noun ("plus de
//! deux fois"). Each language gives its number words; the scan knows none.

/// One language's number words.
pub(crate) struct NumberWords {
    /// True for a word that may be part of a spelled-out number.
    pub(crate) is_part: fn(&str) -> bool,
    /// The value of a run of such words and how many of them it took.
    pub(crate) read: fn(&[&str]) -> Option<(u32, usize)>,
    /// Currency words that make the run an amount (normalised).
    pub(crate) currency: &'static [&'static str],
    /// Words that end right before a number and make it an amount with no currency word
    /// ("plus de", "supérieures à").
    pub(crate) bounds: &'static [&'static [&'static str]],
    /// Words that may follow such a bounded amount ("ce", "chez", "depuis").
    pub(crate) after_bound: &'static [&'static str],
}

/// Punctuation that may close a word.
const CLOSING: [char; 4] = ['?', '!', '.', ','];

/// True when the tokens before a number end with one of `lang`'s bounds; a pause typed
/// after the bound ("un paiement de… quarante-cinq", "a payment of... fifty") is no word.
fn bounded(before: &[&str], lang: &NumberWords) -> bool {
    let before: Vec<&str> = before
        .iter()
        .map(|t| t.trim_end_matches(['.', '\u{2026}']))
        .collect();
    lang.bounds.iter().any(|b| before.ends_with(b))
}

/// `norm` with each spelled-out amount of `lang` written in digits, or `None` when it has
/// none.
pub(crate) fn amounts_as_digits(norm: &str, lang: &NumberWords) -> Option<String> {
    let tokens: Vec<&str> = norm.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut changed = false;
    // Set after the first amount of "entre … et …", so the second one is read too.
    let mut between_open = false;
    let mut i = 0;
    while i < tokens.len() {
        // Number words of the tokens from `i`, split on hyphens.
        let mut parts: Vec<&str> = Vec::new();
        // For each token of the run: where it ends and how many parts the run has so far.
        let mut ends: Vec<(usize, usize)> = Vec::new();
        // Punctuation closing the run's last word ("plus de nonante ?" typed "nonante?").
        let mut closing = "";
        for (j, t) in tokens.iter().enumerate().skip(i) {
            let word = t.trim_end_matches(CLOSING);
            let pieces: Vec<&str> = word.split('-').collect();
            if word.is_empty() || !pieces.iter().all(|p| (lang.is_part)(p)) {
                break;
            }
            parts.extend(pieces);
            ends.push((j + 1, parts.len()));
            if word.len() < t.len() {
                closing = &t[word.len()..];
                break;
            }
        }
        if let Some((value, taken)) = (lang.read)(&parts)
            && let Some(&(end, _)) = ends.iter().find(|(_, count)| *count == taken)
            && value > 0
        {
            // "entre septante et cent": the run read stops at "et", before the last token.
            let closing = if end == ends.last().map_or(0, |e| e.0) {
                closing
            } else {
                ""
            };
            let next = tokens.get(end).map(|c| c.trim_end_matches(CLOSING));
            let currency = closing.is_empty() && next.is_some_and(|c| lang.currency.contains(&c));
            let bound_ends = !closing.is_empty()
                || next.is_none_or(|c| c.is_empty() || lang.after_bound.contains(&c));
            let second_of_between = tokens[..i].ends_with(&["et"]) && between_open;
            between_open = tokens[..i].ends_with(&["entre"]);
            if currency || ((bounded(&tokens[..i], lang) || second_of_between) && bound_ends) {
                out.push(format!("{value}{closing}"));
                changed = true;
                i = end;
                continue;
            }
        }
        out.push(tokens[i].to_string());
        i += 1;
    }
    changed.then(|| out.join(" "))
}
