//! "how much is the fee if I send thru bank wire", "what fees does the bank charge for a
//! wire", "combien coûte un virement international": the price of a service, which is in
//! the bank's fee schedule, not in its data here — a can't-do with where to look, never
//! "I didn't get that". Fees already taken ("did the bank charge me any fees") are not this.

use crate::cues::fold;

/// A fee or a price, padded.
const FEE: &[&str] = &[
    " fee ",
    " fees ",
    " how much does it cost ",
    " how much would it cost ",
    " cost to ",
    " cost of ",
    " charge for ",
    " charges for ",
    " price of ",
    " frais ",
    " combien coute ",
    " combien ca coute ",
    " tarif ",
    " tarifs ",
];

/// A service priced, padded.
const SERVICE: &[&str] = &[
    " wire ",
    " wires ",
    " transfer ",
    " transfers ",
    " send ",
    " sending ",
    " remittance ",
    " international ",
    " abroad ",
    " overseas ",
    " zelle ",
    " cashier's check ",
    " cashiers check ",
    " money order ",
    " stop payment ",
    " replacement card ",
    " virement ",
    " virements ",
    " envoyer ",
    " etranger ",
    " cheque de banque ",
    // « les frais de tenue de compte », "the monthly maintenance fee": the account's own
    // price.
    " tenue de compte ",
    " tenue du compte ",
    " gestion de compte ",
    " frais bancaires ",
    " cotisation ",
    " account maintenance ",
    " maintenance fee ",
    " maintenance fees ",
    " monthly fee ",
    " monthly fees ",
    " service fee ",
    " service fees ",
    " account fee ",
    " account fees ",
];

/// Fees already taken, asked about as history, padded.
const TAKEN: &[&str] = &[
    " charged me ",
    " did the bank charge ",
    " did you charge ",
    " any fees this ",
    " fees last ",
    " fees this month ",
    " was i charged ",
    " got charged ",
    " m'a preleve ",
    " preleve ",
    " refund ",
    " rembourse ",
];

/// True when `text` asks what a service costs.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(FEE) && has(SERVICE) && !has(TAKEN)
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn the_price_of_a_service() {
        for t in [
            "how much is the fee if I send thru bank wire",
            "what fees does the bank charge for a wire",
            "wire transfer fee?",
            "how much does it cost to send money abroad",
            "international transfer fees pls",
            "combien coute un virement international",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "did the bank charge me any fees this month? overdraft or monthly fee?",
            "transfer $200 to savings",
            "what's my balance",
            "atm fees",
        ] {
            assert!(!asked(t), "{t}");
        }
    }
}
