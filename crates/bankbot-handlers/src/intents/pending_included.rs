//! "Is that before or after the gas I bought this morning?", "does that include the
//! pending stuff", « c'est avant ou après le plein de ce matin ? » just after a balance: the
//! current balance counts posted payments only, the available one takes off the pending
//! ones too — said, then the pending payments listed.

use crate::cues::fold;

/// Words asking whether a payment is counted in the balance, padded and folded.
const COUNTED: &[&str] = &[
    " before or after ",
    " b4 or after ",
    " does that include ",
    " does it include ",
    " does this include ",
    " is that including ",
    " is that with ",
    " including the ",
    " include the ",
    " counted ",
    " taken into account ",
    " avant ou apres ",
    " ca inclut ",
    " ca comprend ",
    " c'est avec ou sans ",
    " avec ou sans ",
    " compte deja ",
    " pris en compte ",
    // "is that the same as what I can spend today?", « c'est ce que je peux dépenser ? »:
    // which of the two figures is the money free to spend.
    " what i can spend ",
    " what i can actually spend ",
    " what i can use ",
    " what i have to spend ",
    " what i got to spend ",
    " same as available ",
    " ce que je peux depenser ",
    " ce que je peux vraiment depenser ",
    " ce que je peux utiliser ",
    " ce que j'ai a depenser ",
];

/// True when `text` asks whether a recent payment is in the balance just shown.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    COUNTED.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn counted_or_not() {
        for t in [
            "Is that before or after the gas I bought this morning?",
            "does that include the pending stuff",
            "c'est avant ou après le plein de ce matin ?",
            "ça inclut la boulangerie de ce matin ?",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in ["what's my balance", "spending after the 15th"] {
            assert!(!asked(t), "{t}");
        }
    }
}
