//! "why did the machine refuse it", « pourquoi elle a été refusée » right after a card
//! was said declined: the same answer again (the card's state and the usual reasons), never
//! a cash machine search nor a "didn't get that".

use crate::cues::fold;

/// The most words such a question takes.
const MAX_WORDS: usize = 10;

/// Words asking why, padded and folded.
const WHY: &[&str] = &[
    " why ",
    " y ",
    " how come ",
    " whys ",
    " why's ",
    " what happened ",
    " wat happened ",
    " reason ",
    " pourquoi ",
    " pk ",
    " pq ",
    " comment ca se fait ",
    " la raison ",
];

/// Words of a refusal, padded and folded.
const REFUSED: &[&str] = &[
    " refuse ",
    " refused ",
    " refuses ",
    " reject ",
    " rejected ",
    " decline ",
    " declined ",
    " denied ",
    " deny ",
    " wouldn't take ",
    " wouldnt take ",
    " didn't take ",
    " didnt take ",
    " won't take ",
    " wont take ",
    " didn't work ",
    " didnt work ",
    " not work ",
    " spat ",
    " spit ",
    " bounced ",
    " refusee ",
    " refusees ",
    " rejetee ",
    " rejete ",
    " pas passe ",
    " passe pas ",
    " marche pas ",
    " pas marche ",
    " pas fonctionne ",
];

/// True when `text` asks why the card was refused.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    f.split_whitespace().count() <= MAX_WORDS && has(WHY) && has(REFUSED)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn why_refused_asked() {
        for t in [
            "why did the machine refuse it",
            "y did it get rejected",
            "how come it wouldnt take my card",
            "pourquoi elle a été refusée",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in ["why", "is my card locked", "refund please"] {
            assert!(!asks(t), "{t}");
        }
    }
}
