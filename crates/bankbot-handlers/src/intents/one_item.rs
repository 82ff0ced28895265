//! "The biggest one", "la plus importante", "le plus gros": one item asked for, not a top
//! five ("largest expense in october" still lists the few largest).

use crate::cues::fold;

/// Words that name one item, each padded and folded.
const ONE: &[&str] = &[" one ", " la plus ", " le plus ", " celle ", " celui "];

/// Words that name several, each padded and folded.
const SEVERAL: &[&str] = &[
    " ones ",
    " purchases ",
    " expenses ",
    " payments ",
    " transactions ",
    " charges ",
    " les plus ",
    " achats ",
    " depenses ",
    " paiements ",
    " operations ",
    " celles ",
    " ceux ",
    " top ",
];

/// True when `text` asks for a single item.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    ONE.iter().any(|w| f.contains(w)) && !SEVERAL.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn one_or_several() {
        for t in [
            "the biggest one",
            "la plus importante",
            "which one was the largest",
            "c'est quoi le plus gros paiement",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "my biggest purchases",
            "les plus grosses dépenses",
            "top 5 expenses",
            "the biggest ones",
            "largest expense in october",
        ] {
            assert!(!asked(t), "{t}");
        }
    }
}
