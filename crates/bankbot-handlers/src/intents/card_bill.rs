//! The credit card's bill in plain words: "how much i must pay to the card", "what do i
//! owe" (the amount owed: the card's balance), "whats avail on it" after a card (its
//! available credit), "when is the date for pay it" (the due date, which the bot does not
//! have) and "how do i pay my card from here" (paying the card: a bill payment the bot
//! cannot make).

use crate::cues::fold;

/// Words that name what is owed, each padded and folded.
const OWED: &[&str] = &[
    " owe ",
    " owed ",
    " owing ",
    " i owe ",
    " must pay ",
    " need to pay ",
    " needs to pay ",
    " have to pay ",
    " has to pay ",
    " got to pay ",
    " gotta pay ",
    " should pay ",
    " to pay back ",
    " pay back ",
    " to pay off ",
    " outstanding ",
    " dois payer ",
    " doit payer ",
    " je dois ",
    " a rembourser ",
];

/// Words asking an amount, each padded and folded.
const HOW_MUCH: &[&str] = &[
    " how much ",
    " how many dollars ",
    " what ",
    " whats ",
    " what's ",
    " the amount ",
    " combien ",
    " montant ",
];

/// Words asking when, each padded and folded.
const WHEN: &[&str] = &[
    " when ",
    " whens ",
    " when's ",
    " what day ",
    " which day ",
    " the date ",
    " date for ",
    " date to ",
    " date of ",
    " by when ",
    " deadline ",
    " quand ",
    " quelle date ",
];

/// Words naming paying, each padded and folded.
const PAY: &[&str] = &[
    " pay ",
    " paying ",
    " payment ",
    " pay off ",
    " pay it ",
    " pay down ",
    " payer ",
    " rembourser ",
    " regler ",
];

/// Words naming the card or its bill, each padded and folded.
const CARD: &[&str] = &[
    " card ",
    " visa ",
    " credit ",
    " mastercard ",
    " amex ",
    " cc ",
    " credit card ",
    " card bill ",
    " balance ",
    " it ",
    // "how to pay the same", "how can i pay that" after the card's bill: that bill.
    " the same ",
    " that ",
    " bill ",
    " carte ",
];

/// Words asking how to do it, each padded and folded.
const HOW_TO: &[&str] = &[
    " how do i ",
    " how can i ",
    " how i ",
    " how to ",
    " can i ",
    " can you ",
    " could you ",
    " i want to ",
    " i wanna ",
    " i would like to ",
    " i'd like to ",
    " id like to ",
    " make the pay ",
    " make a payment ",
    " make the payment ",
    " comment ",
    " je veux ",
];

/// Words of a question about past payments, which are data ("did i pay with my card").
const PAST: &[&str] = &[
    " did i ",
    " have i ",
    " i paid ",
    " paid with ",
    " pay with ",
    " paying with ",
    " payment with ",
    " payments ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// Nouns of the amount a card's bill stands at, each padded and folded: "the outstanding
/// amount", "my cc dues", "credit card bill" (Indian and formal English name the amount
/// owed this way, without "how much").
const BILL_AMOUNT: &[&str] = &[
    " outstanding ",
    " outstandings ",
    " dues ",
    " amount due ",
    " due amount ",
    " total due ",
    " balance due ",
    " card bill ",
    " cc bill ",
    " credit card bill ",
    " visa bill ",
    " card dues ",
    " bill amount ",
];

/// "what's the damage on the Visa", "the damage this month on my card": the amount owed,
/// in the everyday idiom (never a damaged card), each padded and folded.
const DAMAGE_OWED: &[&str] = &[
    " the damage on ",
    " the damage for ",
    " the damage this month ",
    " the damage so far ",
];

/// Words that lock or block a card, each padded and folded: with them the bill noun is
/// not the request ("block my card, the outstanding can wait").
const LOCKING: &[&str] = &[
    " lock ",
    " block ",
    " freeze ",
    " stolen ",
    " lost ",
    " bloquer ",
    " bloque ",
];

/// "how much i must pay to the card", "what do i owe on my visa", "i want to know the
/// outstanding amount", "my credit card bill": the amount owed.
pub(crate) fn asks_owed(text: &str) -> bool {
    let f = fold(text);
    (has(&f, OWED) && has(&f, HOW_MUCH) && !has(&f, WHEN)) || names_bill(text)
}

/// "the outstanding amount", "my credit card outstanding plz", "cc dues": the bill named by
/// its amount, without asking when or how to pay it, nor locking the card.
pub(crate) fn names_bill(text: &str) -> bool {
    let f = fold(text);
    let named = has(&f, BILL_AMOUNT) || has(&f, DAMAGE_OWED);
    named && !has(&f, WHEN) && !has(&f, LOCKING) && !has(&f, PAST) && !paying(&f)
}

/// "how to pay my cc bill": the way to pay, not the amount.
fn paying(f: &str) -> bool {
    has(f, PAY) && has(f, HOW_TO)
}

/// "when is the date for pay it", "when do i have to pay my visa": the due date.
pub(crate) fn asks_due(text: &str) -> bool {
    let f = fold(text);
    let bill = has(&f, PAY) || has(&f, OWED) || has(&f, BILL_AMOUNT) || f.contains(" due ");
    has(&f, WHEN) && bill && has(&f, CARD) && !has(&f, PAST)
}

/// "how i make the pay of the card from here?", "can i pay off my visa here": paying the
/// card, which the bot cannot do.
pub(crate) fn pays_card(text: &str) -> bool {
    let f = fold(text);
    (has(&f, PAY) || f.contains(" pay of "))
        && has(&f, CARD)
        && has(&f, HOW_TO)
        && !has(&f, PAST)
        && !has(&f, HOW_MUCH)
}

/// "minimum I'd have to pay", "minimum due on the visa", « le paiement minimum de ma carte »:
/// the card's minimum payment, which is on the statement (not shown here) — the amount owed
/// is shown with it. A minimum balance to keep is no such question.
pub(crate) fn asks_minimum(text: &str) -> bool {
    let f = fold(text);
    has(&f, &[" minimum ", " min ", " minimal ", " mini "])
        && has(
            &f,
            &[
                " pay ",
                " payment ",
                " pymt ",
                " due ",
                " owe ",
                " payer ",
                " paiement ",
                " rembourser ",
                " mensualite ",
            ],
        )
        && !has(
            &f,
            &[
                " balance ",
                " bal ",
                " solde ",
                " keep ",
                " maintain ",
                " garder ",
                " deposit ",
                " withdraw ",
                " retrait ",
                " retirer ",
            ],
        )
}

/// "whats avail on it", "how much is available on there": what is left on the card just
/// talked about.
pub(crate) fn asks_available_on_it(text: &str) -> bool {
    let f = fold(text);
    has(
        &f,
        &[
            " avail ",
            " available ",
            " availble ",
            " left ",
            " room ",
            " dispo ",
        ],
    ) && has(
        &f,
        &[
            " on it ",
            " on there ",
            " on that ",
            " on this ",
            " dessus ",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owed() {
        for q in [
            "the card of credit, how much i must pay to it",
            "how much i must pay to the card",
            "what do i owe on my visa",
            "how much do i owe",
            "how much do i need to pay on my credit card",
        ] {
            assert!(asks_owed(q), "{q}");
        }
        assert!(!asks_owed("when do i have to pay it"));
        assert!(!asks_owed("how much did i spend at uber"));
    }

    #[test]
    fn bill_named_by_its_amount() {
        for q in [
            "i want to know the outstanding amount",
            "kindly tell total outstanding amount",
            "my credit card outstanding plz",
            "what are my cc dues",
            "credit card bill amount?",
            "one query regarding my credit card bill",
        ] {
            assert!(names_bill(q), "{q}");
        }
        for q in [
            "when is my credit card bill due",
            "how to pay my credit card bill",
            "block my card, the outstanding can wait",
            "did i pay my cc bill",
            "how much did i spend last month",
        ] {
            assert!(!names_bill(q), "{q}");
        }
    }

    #[test]
    fn due() {
        for q in [
            "when is the date for pay it",
            "when do i have to pay my visa",
            "whens the card payment due",
            "when is my credit card bill due",
            "by when must i pay the card",
        ] {
            assert!(asks_due(q), "{q}");
        }
        assert!(!asks_due("when did i pay with my card at shell"));
    }

    #[test]
    fn paying_the_card() {
        for q in [
            "ok i understand. how i make the pay of the card from here?",
            "how do i pay my card from here",
            "can i pay off my visa here",
            "i want to pay my credit card balance",
        ] {
            assert!(pays_card(q), "{q}");
        }
        for q in [
            "did i pay with my card at starbucks",
            "how much i must pay to the card",
            "can i pay with my card in london",
        ] {
            assert!(!pays_card(q), "{q}");
        }
    }

    #[test]
    fn available_on_it() {
        assert!(asks_available_on_it("whats avail on it"));
        assert!(asks_available_on_it("how much is left on there?"));
        assert!(!asks_available_on_it("whats my balance"));
    }
}
