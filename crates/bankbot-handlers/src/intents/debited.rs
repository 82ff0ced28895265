//! "est-ce que le loyer est bien passé ce mois-ci ?", "a-t-il été prélevé ?", "did netflix
//! go through?": whether a payment was taken is answered with the payments themselves (and
//! the last one when there is none in the period), never with a spending total.

use crate::cues::fold;

/// Ways of asking whether a payment went out, padded and folded.
const TAKEN: &[&str] = &[
    " est passe ",
    " est bien passe ",
    " sont passes ",
    " est il passe ",
    " est elle passee ",
    " a ete preleve ",
    " a ete prelevee ",
    " a bien ete preleve ",
    " bien ete preleve ",
    " ete preleve ",
    " a t il ete ",
    " a t elle ete ",
    " m'a preleve ",
    " m'ont preleve ",
    " est sorti ",
    " est parti ",
    " went through ",
    " gone through ",
    " go through ",
    " been taken ",
    " been debited ",
    " come out ",
    " came out ",
    " gone out ",
    " been charged ",
];

/// True when `text` asks whether a payment was taken.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    TAKEN.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn was_it_taken() {
        for t in [
            "est ce que le loyer est bien passé ce mois ci",
            "le loyer de 950 euros, a-t-il bien été prélevé ce mois-ci ?",
            "est-ce que netflix est passé ?",
            "did my rent go through",
        ] {
            assert!(asks(t), "{t}");
        }
        assert!(!asks("combien j'ai dépensé ce mois-ci"));
    }
}
