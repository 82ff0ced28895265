//! "How do I see my pension, the deposit?", "where can i see my social security deposit",
//! « où je vois ma retraite » : money that came in, to be seen — the money in listed, never
//! a cash machine to pay in at nor what the bot keeps.

use crate::cues::fold;

/// Nouns of money received, padded and folded.
const MONEY_IN: &[&str] = &[
    " pension ",
    " the deposit ",
    " my deposit ",
    " deposits ",
    " social security ",
    " benefits ",
    " paycheck ",
    " paycheque ",
    " salary ",
    " wages ",
    " retraite ",
    " allocations ",
    " la caf ",
    " chomage ",
    " salaire ",
];

/// Verbs of seeing, padded and folded.
const SEE: &[&str] = &[
    " see ",
    " view ",
    " check ",
    " find ",
    " show ",
    " look at ",
    " where is ",
    " where's ",
    " wheres ",
    " voir ",
    " vois ",
    " consulter ",
    " trouver ",
    " trouve ",
    " ou est ",
    " afficher ",
];

/// Words of paying money in, or of something other than money received.
const NOT: &[&str] = &[
    " to deposit ",
    " deposit a ",
    " deposit cash ",
    " deposit money ",
    " deposit some ",
    " make a deposit ",
    " mobile deposit ",
    " cheque ",
    " atm ",
    " cash ",
    " branch ",
    " machine ",
    " alert ",
    " alerts ",
    " notify ",
    " deposer ",
    " distributeur ",
    " agence ",
];

/// True when `text` asks to see money that came in.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(MONEY_IN) && has(SEE) && !has(NOT)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn money_in_to_see() {
        for t in [
            "How do I see my pension, the deposit?",
            "where can i see my social security deposit",
            "où je vois ma retraite",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "where can i deposit cash",
            "how do i see my balance",
            "alert me when my salary lands",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
