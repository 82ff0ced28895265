//! « ma visa », « le solde de ma visa », « mes opérations visa » from a customer whose
//! Visa is a debit card: the engine reads a card brand as a credit card, but the card is
//! chosen from the customer's own cards, so the account it draws on (the current account)
//! is the one asked about. A credit card named as such ("carte de crédit") stays one.

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, IntentMatch};

use crate::HandlerError;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Card brands the engine takes for a credit card, each padded and folded.
const BRANDS: &[&str] = &[" visa ", " mastercard ", " master card ", " amex "];

/// Words naming the credit kind itself, each padded and folded.
const CREDIT_NAMED: &[&str] = &[" credit ", " cc ", " carte de credit "];

/// The reading of `text` with the account of the card its brand names, when the engine
/// took that brand for a credit card and the customer's card of that brand is another
/// kind; `None` when nothing changes.
pub(crate) async fn reading(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    text: &str,
    parsed: &IntentMatch,
) -> Result<Option<IntentMatch>, HandlerError> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    // A bank without card controls has no card list to read the brand from.
    if !ctx.services.capabilities.cards
        || parsed.slots.account_type != Some(AccountKind::CreditCard)
        || !has(BRANDS)
        || has(CREDIT_NAMED)
    {
        return Ok(None);
    }
    let cards = ctx.services.cards.cards(credential).await?;
    match super::card_spoken::account_named(text, &cards) {
        Some(kind) if kind != AccountKind::CreditCard => {
            let mut reading = parsed.clone();
            reading.slots.account_type = Some(kind);
            Ok(Some(reading))
        }
        _ => Ok(None),
    }
}
