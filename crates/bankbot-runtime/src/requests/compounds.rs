//! Names that hold "and" / "et" / "&" but are one thing — "gas and electric", "marks and
//! spencer", "food and drink", "eau et électricité" — so a message is not split there into
//! two requests.

const COMPOUNDS: &[&str] = &[
    "gas and electric",
    "gas & electric",
    "gas and electricity",
    "gas & electricity",
    "water and sewer",
    "water and power",
    "food and drink",
    "food and drinks",
    "food and groceries",
    "groceries and food",
    "marks and spencer",
    "marks & spencer",
    "bed bath and beyond",
    "barnes and noble",
    "barnes & noble",
    "ben and jerry",
    "ben & jerry",
    "pg and e",
    "fish and chips",
    "salt and straw",
    "bread and butter",
    "gaz et electricite",
    "gaz et électricité",
    "eau et electricite",
    "eau et électricité",
];

/// True when the join at byte `at` of `lower` (lower-cased text) sits inside a compound.
pub(crate) fn covers(lower: &str, at: usize) -> bool {
    COMPOUNDS.iter().any(|c| {
        lower
            .match_indices(c)
            .any(|(start, m)| start <= at && at < start + m.len())
    })
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn joins_inside_names_are_not_splits() {
        let text = "when was my last gas and electric bill and how much";
        let first = text.find(" and ").unwrap();
        assert!(covers(text, first));
        let second = text[first + 1..].find(" and ").unwrap() + first + 1;
        assert!(!covers(text, second));
        assert!(!covers("show my savings and find an atm", 15));
    }
}
