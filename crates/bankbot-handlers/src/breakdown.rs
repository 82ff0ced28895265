//! "by category?", "break it down", "et par catégorie ?", "détaille par catégorie" after a
//! spending total or a list of money out: the same period's spending, split by category
//! (never this month's when October was asked, never a "thanks" or a "didn't get that").

use crate::cues::fold;

/// Phrases that ask for a split of what was just summed, each padded with spaces.
const SPLIT: &[&str] = &[
    " by category ",
    " by categories ",
    " per category ",
    " by cat ",
    " by type ",
    " categories ",
    " category breakdown ",
    " break it down ",
    " break that down ",
    " break this down ",
    " break down ",
    " breakdown ",
    " broken down ",
    " split it ",
    " split by ",
    " itemize ",
    " itemise ",
    " par categorie ",
    " par categories ",
    " par cat ",
    " par poste ",
    " par type ",
    " detaille ",
    " detailler ",
    " ventile ",
    " ventilation ",
    " repartition ",
];

/// True when `text` asks for the last total split by category.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    SPLIT.iter().any(|p| f.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_for_a_split() {
        for t in [
            "by category?",
            "break it down",
            "can u break that down pls",
            "and per category",
            "et par catégorie ?",
            "détaille par catégorie",
            "tu peux détailler ?",
            "la répartition stp",
            "categories?",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "how much did i spend on groceries",
            "mes dépenses en octobre",
            "thanks",
            "merci",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
