//! "how much was rent", "how much I pay of rent", "le loyer c'était combien": the rent
//! payment itself (the latest one, with its date), not a month's housing total that may
//! hold none, nor "I can't pay bills" ("pay" here is what was paid). An order to pay it
//! ("pay my rent", "tu peux payer mon loyer") is no such question.

use crate::cues::fold;

/// Words naming the rent, each padded and folded.
const RENT: &[&str] = &[" rent ", " rents ", " loyer ", " loyers ", " rental "];

/// Words asking an amount, each padded and folded.
const HOW_MUCH: &[&str] = &[
    " how much ",
    " how mich ",
    " hw much ",
    " how many ",
    " what was ",
    " whats ",
    " what's ",
    " what is ",
    " combien ",
    " cb ",
    " c'etait combien ",
    " montant ",
    " le prix ",
];

/// Words ordering a payment, each padded and folded.
const ORDER: &[&str] = &[
    " can you pay ",
    " could you pay ",
    " pay my ",
    " pay the ",
    " i want to pay ",
    " i need to pay ",
    " payer mon ",
    " payer le ",
    " paie mon ",
    " paye mon ",
    " regler mon ",
];

/// Words asking when it last went out, each padded and folded ("when last I pay rent",
/// « quand j'ai payé le loyer »).
const WHEN_PAST: &[&str] = &[
    " when last ",
    " when did ",
    " when was ",
    " when i last ",
    " last time ",
    " last paid ",
    " last pay ",
    " when have i ",
    " quand j'ai ",
    " quand jai ",
    " quand j ai ",
    " quand est ce que j'ai ",
    " quand est ce que jai ",
    " derniere fois ",
    " paye quand ",
    " payee quand ",
];

/// Words of a rent still to come: "when is rent due", « quand je dois payer le loyer ».
const AHEAD: &[&str] = &[
    " due ",
    " next ",
    " will ",
    " dois ",
    " doit ",
    " prochain ",
    " va ",
    " vais ",
];

/// True when `text` asks how much the rent was, or when it last went out.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let amount = has(HOW_MUCH) && !has(ORDER);
    let when = has(WHEN_PAST) && !has(AHEAD);
    has(RENT)
        && (amount || when)
        && !crate::intents::after_rent::asked(text)
        && !crate::intents::spent_without::asks(text)
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn rent_amount_questions() {
        for t in [
            "how much was rent",
            "how much I pay of rent",
            "how much do i pay for rent",
            "whats my rent",
            "le loyer c etait combien",
            "combien le loyer",
            "c'était combien mon loyer ?",
            "montant du loyer",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "can you pay my rent",
            "i want to pay the rent",
            "tu peux payer mon loyer",
            "how much did i spend on groceries",
            "rent",
        ] {
            assert!(!asked(t), "{t}");
        }
    }
}
