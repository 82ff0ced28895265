//! "another one close by?", « un autre pas loin ? », « y en a d'autres à côté ? » right
//! after a cash-machine list: more machines around the same place, past those shown
//! ([`crate::intents::atm::search_others`]). A message that names a new place ("another one
//! near soho") is a new search, not this.

use crate::cues::fold;

/// Words asking for other machines than those shown (folded, apostrophes as spaces, padded).
const OTHER: &[&str] = &[
    " another ",
    " anotha ",
    " other ",
    " others ",
    " different one ",
    " one more ",
    " any more ",
    " more atms ",
    " more machines ",
    " un autre ",
    " une autre ",
    " d autres ",
    " dautres ",
    " les autres ",
    " encore un ",
    " un de plus ",
];

/// Ways of saying "around here" that name no place, dropped before the place cues.
const HERE: &[&str] = &[
    " near here ",
    " near by ",
    " nearby ",
    " near me ",
    " around here ",
    " around me ",
    " in the area ",
    " in this area ",
    " round here ",
    " dans le coin ",
    " dans le quartier ",
    " dans les environs ",
    " par ici ",
    " pres d ici ",
];

/// Words that send the search to a place named after them.
const PLACE_CUES: &[&str] = &[
    " near ",
    " pres de ",
    " proche de ",
    " a cote de ",
    " vers ",
    " dans le ",
    " in ",
    " at ",
    " around ",
    " on ",
];

/// "the other one", « l'autre »: one of the machines shown, not more of them.
const ONE_SHOWN: &[&str] = &[" the other ", " l autre ", " that other "];

/// Things other than cash machines that may be "other" ("my other account").
const NOT_MACHINES: &[&str] = &[
    " account",
    " compte",
    " card",
    " carte",
    " payment",
    " paiement",
    " transaction",
    " operation",
    " question",
    " chose",
    " thing",
    " bank ",
    " banque",
    " service",
];

/// True when `text` asks for other cash machines around the same place.
pub(crate) fn asks(text: &str) -> bool {
    let mut f = format!(" {} ", fold(text).replace('\'', " "));
    if !OTHER.iter().any(|w| f.contains(w))
        || ONE_SHOWN.iter().any(|w| f.contains(w))
        || NOT_MACHINES.iter().any(|w| f.contains(w))
    {
        return false;
    }
    for here in HERE {
        f = f.replace(here, " ");
    }
    !PLACE_CUES.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_asks_for_other_machines() {
        assert!(asks("another one close by?"));
        assert!(asks("any others nearby"));
        assert!(asks("Is there a different one not too far away?"));
        assert!(asks("un autre pas loin ?"));
        assert!(asks("y en a d autres a coté"));
        assert!(asks("Auriez-vous un autre distributeur à proximité ?"));
        assert!(!asks("another one near soho"));
        assert!(!asks("un autre près de bastille"));
        assert!(!asks("is it open all night"));
        assert!(asks("any other atms around here"));
        assert!(asks("un autre dab dans le coin ?"));
        assert!(!asks("show my other account"));
        assert!(!asks("does the other one take deposits"));
    }
}
