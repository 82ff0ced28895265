//! "where can i use my visa", "where is my visa accepted", « où je peux utiliser ma carte »:
//! where a card works — its state, then where cards are accepted. A question, never an
//! offer to lock; where a card *was* used is its payments
//! ([`super::card_spoken::asks_where_used`]), and a card abroad has its own answer (the
//! travel notice, `cues::unsupported`).

use crate::cues::fold;

/// Words naming a card, each padded and folded.
const CARD: &[&str] = &[
    " card ",
    " carte ",
    " visa ",
    " cb ",
    " mastercard ",
    " debit ",
];

/// Where a card may be used, asked, each padded and folded.
const WHERE_USABLE: &[&str] = &[
    " where can i use ",
    " where can you use ",
    " where can i pay with ",
    " where do they take ",
    " where does my ",
    " where is my ",
    " ou je peux utiliser ",
    " ou est ce que je peux utiliser ",
    " ou puis je utiliser ",
    " ou on peut utiliser ",
    " ou elle marche ",
    " ou elle est acceptee ",
];

/// With "where does my" or "where is my": the verb that makes it a question of use.
const USE_VERB: &[&str] = &[
    " work ",
    " works ",
    " accepted ",
    " take ",
    " use ",
    " utiliser ",
    " acceptee ",
    " marche ",
    " fonctionne ",
    " payer ",
];

/// Words of a card used before, lost or to lock: another question.
const OTHER: &[&str] = &[
    " was ",
    " used ",
    " did i ",
    " have i ",
    " lost ",
    " stolen ",
    " lock ",
    " block ",
    " freeze ",
    " utilisee ",
    " ai utilise ",
    " perdu ",
    " vole ",
    " bloque ",
    " bloquer ",
];

/// True when `text` asks where a card can be used.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(CARD) && has(WHERE_USABLE) && has(USE_VERB) && !has(OTHER)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn where_usable() {
        for t in [
            "where can i use my visa",
            "where does my visa work",
            "where is my visa accepted",
            "où est-ce que je peux utiliser ma carte ?",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "where was my visa used",
            "where is my card",
            "lock my visa",
            "where did i use my card",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
