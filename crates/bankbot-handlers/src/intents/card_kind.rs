//! "is my visa a credit card?", « c'est pas une carte de crédit ? C'est quoi d'abord ? »,
//! « ma carte c'est débit ou crédit ? »: the kind of the customer's card, read from their
//! card data (a Visa may well be a debit card) — a question, never a fraud report nor a
//! lock. Balances, limits and payments on a card are other questions.

use bankbot_bank::CustomerCredential;
use bankbot_core::CardKind;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format::card_label;

/// Words naming a card, each padded and folded.
const CARD: &[&str] = &[
    " card ",
    " carte ",
    " visa ",
    " cb ",
    " mastercard ",
    " amex ",
];

/// Ways of asking which kind a card is, each padded and folded.
const KIND_ASKED: &[&str] = &[
    " what kind of card ",
    " what type of card ",
    " which kind of card ",
    " is it a credit ",
    " is it a debit ",
    " is my visa a ",
    " is my card a ",
    " is this a credit ",
    " is this a debit ",
    " is it credit ",
    " is it debit ",
    " a credit card or ",
    " a debit card or ",
    " debit or credit ",
    " credit or debit ",
    " not a credit card ",
    " not a debit card ",
    " isn't a credit card ",
    " isnt a credit card ",
    " quel type de carte ",
    " quel genre de carte ",
    " quelle sorte de carte ",
    " comme carte ",
    " c'est une carte de ",
    " c'est une carte credit ",
    " c'est une carte debit ",
    " c une carte de ",
    " est une carte de ",
    " pas une carte de ",
    " debit ou credit ",
    " credit ou debit ",
    " debit ou de credit ",
    " credit ou de debit ",
];

/// Words of another question about the card (its balance, limit, payments) or of a
/// change to it, each padded and folded.
const OTHER_QUESTION: &[&str] = &[
    " balance ",
    " limit ",
    " owe ",
    " how much ",
    " left ",
    " spent ",
    " payments ",
    " transactions ",
    " lock ",
    " lost ",
    " stolen ",
    " solde ",
    " plafond ",
    " limite ",
    " combien ",
    " reste ",
    " depense ",
    " depenses ",
    " operations ",
    " bloque ",
    " bloquer ",
    " perdu ",
    " vole ",
    " volee ",
];

/// True when `text` asks which kind (debit or credit) a card is.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(CARD) && has(KIND_ASKED) && !has(OTHER_QUESTION)
}

/// Each card the message names (or every card) said debit or credit.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    text: &str,
) -> Result<(), HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    ctx.audit("cards");
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let named = match super::card_named::pick(&words, &f, &cards) {
        Some(super::card_named::Named::One(card)) => vec![card],
        _ => cards,
    };
    if named.is_empty() {
        ctx.say(Msg::CardNone);
    }
    for card in &named {
        let label = card_label(card);
        let credit = card.kind == CardKind::Credit;
        ctx.say(Msg::CardKindIs {
            card: &label,
            credit,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn kind_asked() {
        for t in [
            "c'est pas une carte de crédit? C'est quoi d'abord?",
            "ma visa c'est une carte de crédit ?",
            "c'est quoi ma carte, débit ou crédit ?",
            "is my visa a credit card?",
            "what kind of card is my visa",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "le solde de ma carte de crédit",
            "combien il reste sur ma carte de crédit ?",
            "what's my credit card balance?",
            "lock my credit card",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
