//! "Please can you tell me the last payment for electricity bill", "did my car insurance go
//! out", « est-ce que le loyer a bien été payé ce mois-ci », « la facture edf est passée ? »:
//! a bill or payment looked up in the operations, not an order to pay it. The search is
//! the operations of that merchant or category (and, when none in the period asked, the
//! last one before). An order ("pay my electricity bill", « payer mon loyer ») is no
//! look-up.

use crate::cues::fold;

/// Words that look up a payment already made or taken, each padded and folded.
const LOOKUP: &[&str] = &[
    " last payment ",
    " last bill ",
    " latest payment ",
    " latest bill ",
    " most recent payment ",
    " previous payment ",
    " tell me the last ",
    " show me the last ",
    " go out ",
    " gone out ",
    " went out ",
    " go thru ",
    " go through ",
    " gone through ",
    " went through ",
    " went thru ",
    " come out ",
    " came out ",
    " been taken ",
    " taken out ",
    " get taken ",
    " got taken ",
    " been paid ",
    " get paid ",
    " got paid ",
    " was paid ",
    " paid yet ",
    " did i pay ",
    " have i paid ",
    " did i already pay ",
    " when did i pay ",
    " when did i last pay ",
    " been debited ",
    " get debited ",
    " was debited ",
    " dernier paiement ",
    " derniere facture ",
    " dernier prelevement ",
    " est passe ",
    " est passee ",
    " sont passes ",
    " sont passees ",
    " c'est passe ",
    " a ete paye ",
    " a ete payee ",
    " a bien ete paye ",
    " a bien ete payee ",
    " bien ete paye ",
    " bien ete payee ",
    " a ete preleve ",
    " a ete prelevee ",
    " bien ete preleve ",
    " bien ete prelevee ",
    " est parti ",
    " est partie ",
    " est sorti ",
    " est sortie ",
    " j'ai paye ",
    " jai paye ",
    " ai je paye ",
    " deja paye ",
];

/// Words of an order to pay, each padded and folded: never a look-up.
const ORDER: &[&str] = &[
    " pay my ",
    " pay the ",
    " can you pay ",
    " could you pay ",
    " i want to pay ",
    " i need to pay ",
    " payer mon ",
    " payer ma ",
    " payer le ",
    " payer la ",
    " paie mon ",
    " paye mon ",
    " regler mon ",
    " regler ma ",
];

/// True when `text` looks up a payment already made or taken (a bill, the rent, a
/// merchant), rather than asking for one to be made.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(LOOKUP) && (!has(ORDER) || has(PAST))
}

/// Words asking about the past, padded and folded: "when did i last pay the water bill"
/// looks up, though "pay the" would order.
const PAST: &[&str] = &[" did i ", " have i ", " did you ", " ai je ", " j'ai "];

/// Words naming a bill, each padded and folded.
const BILL: &[&str] = &[
    " bill ",
    " bills ",
    " rent ",
    " mortgage ",
    " insurance ",
    " electricity ",
    " electric ",
    " gas bill ",
    " water ",
    " phone ",
    " internet ",
    " loyer ",
    " facture ",
    " factures ",
    " edf ",
    " engie ",
    " assurance ",
    " mutuelle ",
    " electricite ",
    " credit immobilier ",
    " pret ",
    " impots ",
];

/// True when `text` looks up a bill paid out ("le loyer a bien été payé ?"): the bill went
/// out; no money came in, though "été payé" may say so of a salary.
pub(crate) fn bill_paid_out(text: &str) -> bool {
    let f = fold(text);
    asked(text) && BILL.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn look_ups_and_orders() {
        for t in [
            "Please can you tell me the last payment for electricity bill",
            "did my car insurance go out",
            "est-ce que le loyer a bien été payé ce mois-ci",
            "la facture edf est passée ?",
            "has the rent gone out yet",
            "did the phone bill come out",
            "le prelevement edf est parti ?",
            "when did i last pay the water bill",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "pay my electricity bill",
            "can you pay the rent",
            "tu peux payer mon loyer",
            "how much did i spend on groceries",
            "balance after rent",
        ] {
            assert!(!asked(t), "{t}");
        }
    }
}
