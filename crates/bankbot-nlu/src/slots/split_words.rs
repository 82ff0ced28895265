//! Words split in two by voice typing or by ear ("trans actions", "trans-action"), put back
//! together before a merchant is looked for: "show me my trans actions" asks for the
//! transactions, it does not name the shop "Action".

use std::borrow::Cow;

/// The split forms (normalised, whole words) and the word they stand for.
const SPLIT: &[(&str, &str)] = &[
    ("trans actions", "transactions"),
    ("trans action", "transaction"),
    ("trans-actions", "transactions"),
    ("trans-action", "transaction"),
    ("tran sactions", "transactions"),
    ("transac tions", "transactions"),
];

/// `norm` with split words joined; borrowed when none is.
pub(crate) fn join(norm: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(norm);
    for (split, whole) in SPLIT {
        while let Some(at) = word_at(&out, split) {
            let mut joined = String::with_capacity(out.len());
            joined.push_str(&out[..at]);
            joined.push_str(whole);
            joined.push_str(&out[at + split.len()..]);
            out = Cow::Owned(joined);
        }
    }
    out
}

/// Where `phrase` first stands in `norm` as whole words.
fn word_at(norm: &str, phrase: &str) -> Option<usize> {
    norm.match_indices(phrase).map(|(i, _)| i).find(|&i| {
        let before = norm[..i].chars().next_back();
        let after = norm[i + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::join;

    #[test]
    fn split_words_are_joined() {
        assert_eq!(join("show me my trans actions"), "show me my transactions");
        assert_eq!(
            join("trans actions from last week?"),
            "transactions from last week?"
        );
        assert_eq!(
            join("any trans-action at amazon"),
            "any transaction at amazon"
        );
    }

    #[test]
    fn other_text_is_left_alone() {
        assert_eq!(join("what did i buy at action"), "what did i buy at action");
        assert_eq!(join("transactions please"), "transactions please");
        assert_eq!(join("trans actionsx"), "trans actionsx");
    }
}
