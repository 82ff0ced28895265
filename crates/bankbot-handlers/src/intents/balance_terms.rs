//! Balances asked in other words: "interest for savings" (the savings balance, then the rate
//! said not shown here), "minimum I'd have to pay" (the card owed, then the minimum said to
//! be on the statement), "net worth roughly" (the total across the accounts).

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, IntentId, Slots};

use crate::ctx::Ctx;
use crate::cues::{Ask, Unsupported};
use crate::intents::{accounts_total, balance, card_bill, rate_asked, small_talk};
use crate::{DialogState, HandlerError};

/// Answers `text`, which [`rate_asked::asked`], [`card_bill::asks_minimum`] (see [`minimum`]) or
/// [`accounts_total::asks`] holds.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    text: &str,
) -> Result<(), HandlerError> {
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::Balance);
    let mut kind = None;
    if let Some(rated) = rate_asked::asked(text) {
        kind = Some(rated);
        balance::handle(ctx, credential, kind, Ask::Plain, "").await?;
        small_talk::unsupported(ctx, Unsupported::Rates);
    } else if card_bill::asks_minimum(text) {
        return minimum(ctx, state, credential).await;
    } else if accounts_total::asks(text) {
        balance::handle(ctx, credential, None, Ask::Total, "").await?;
    }
    state.last_intent = Some(IntentId::Balance);
    state.last_slots = Slots {
        account_type: kind,
        ..Slots::default()
    };
    Ok(())
}

/// The card's minimum payment ("minimum I'd have to pay", "and the minimum?" after the
/// card): what is owed on it, then the minimum said to be on the statement.
pub(crate) async fn minimum(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
) -> Result<(), HandlerError> {
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::Balance);
    let kind = Some(AccountKind::CreditCard);
    balance::handle(ctx, credential, kind, Ask::Credit, "").await?;
    small_talk::unsupported(ctx, Unsupported::Statement);
    state.last_intent = Some(IntentId::Balance);
    state.last_slots = Slots {
        account_type: kind,
        ..Slots::default()
    };
    Ok(())
}
