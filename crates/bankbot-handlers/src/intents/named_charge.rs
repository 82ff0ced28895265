//! "who is that parkview charge", "what's this amazon payment", "whats the netflix one":
//! a question about a payment to a merchant the customer names, answered with that
//! merchant's payments — not a fraud report, which needs the customer to disown it ("i
//! didn't make", "not me", "don't recognise").

use crate::cues::fold;

/// Words asking what or who a payment is, each padded and folded.
const ASKS: &[&str] = &[
    " who is ",
    " whos ",
    " who's ",
    " who are ",
    " what is ",
    " whats ",
    " what's ",
    " what was ",
    " what are ",
    " wat is ",
    " wats ",
    " which is ",
    " explain ",
    " tell me about ",
    " c'est quoi ",
    " cest quoi ",
    " c quoi ",
    " qui est ",
];

/// Words saying the payment is not the customer's: then it is a report.
const DISOWNS: &[&str] = &[
    " didnt ",
    " didn't ",
    " did not ",
    " never ",
    " not me ",
    " wasnt me ",
    " wasn't me ",
    " dont recogni",
    " don't recogni",
    " do not recogni",
    " not recogni",
    " unknown ",
    " unauthori",
    " stolen ",
    " fraud",
    " scam",
    " hacked ",
    " suspicious ",
    " weird ",
    " strange ",
    " pas moi ",
    // Réunion and texting: "lé pa moin", "c pa moi".
    " pa moi ",
    " pa moin ",
    " pas moin ",
    " reconnais pas ",
    " jamais ",
    // Disowned in everyday words: "i dont have netflix", "I ain't took no Uber", « jai pas
    // pris le train moi », « un truc chelou de 45 balles ».
    " dont have ",
    " don't have ",
    " do not have ",
    " never had ",
    " havent got ",
    " haven't got ",
    " not mine ",
    " didnt take ",
    " didn't take ",
    " aint took ",
    " ain't took ",
    " aint bought ",
    " ain't bought ",
    " aint order",
    " ain't order",
    " aint never ",
    " ain't never ",
    " aint me ",
    " ain't me ",
    " pas pris ",
    " pas achete ",
    " pas commande ",
    " pas abonne ",
    " suis pas alle ",
    " suis pas allee ",
    " pas ete a ",
    " c'est pas a moi ",
    " chelou ",
    " louche ",
    " bizarre ",
];

/// True when `text` says a payment is not the customer's ("i didnt go to shell today").
pub(crate) fn disowns(text: &str) -> bool {
    let f = without_dismissal(text);
    DISOWNS.iter().any(|w| f.contains(w))
}

/// `text` folded without "never mind" ("it's the wean's. Never mind"): its "never" is
/// no denial.
pub(crate) fn without_dismissal(text: &str) -> String {
    fold(text)
        .replace(" never mind ", " ")
        .replace(" nevermind ", " ")
}

/// True when `text` asks what a named payment is, without disowning it.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    ASKS.iter().any(|w| f.contains(w)) && !DISOWNS.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn questions_about_a_payment() {
        for q in [
            "who is that parkview charge",
            "whats this amazon payment",
            "what's the pg&e thing",
            "wat is that uber charge??",
        ] {
            assert!(asks(q), "{q}");
        }
    }

    #[test]
    fn disowned_payments_are_reports() {
        for q in [
            "what is this amazon charge i didnt make",
            "whats that uber charge, wasnt me",
            "who is this, i dont recognize that shell charge",
            "what's this netflix charge i dont have netflix",
            "c koi ce truc sncf 45e jai pas pris le train moi",
        ] {
            assert!(!asks(q), "{q}");
        }
    }
}
