//! "target amazon", "starbucks uber this month": two merchants typed side by side with no
//! "and" are two requests, as if the "and" were there; the engine alone reads only the first.

use super::Reader;

/// A message longer than this is not a bare pair of merchants.
const MAX_WORDS: usize = 6;
/// The first merchant is at most this many words ("whole foods").
const MAX_FIRST_WORDS: usize = 2;

/// `text` with " and " put between two merchants named side by side, if it names them so.
pub(crate) fn joined(reader: Reader<'_>, text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 || words.len() > MAX_WORDS {
        return None;
    }
    let merchant = |part: &str| reader.parse(part).slots.merchant;
    let whole = merchant(text)?;
    (1..=MAX_FIRST_WORDS.min(words.len() - 1)).find_map(|i| {
        let first = words[..i].join(" ");
        let rest = words[i..].join(" ");
        let a = merchant(&first)?;
        let b = merchant(&rest)?;
        (a == whole && b != a && merchant(words[i]).as_ref() == Some(&b))
            .then(|| format!("{first} and {rest}"))
    })
}
