//! `report_fraud`: offer to lock the card and to reach a person; with a bank that takes no
//! fraud reports here, say so and give its contact.

use bankbot_core::IntentId;

use crate::catalog::Msg;
use crate::ctx::Ctx;

/// A report when every card concerned (of `kind`, else all) is already locked: says so
/// instead of offering to lock them, and goes on with the report (a person, where one can
/// take over; else the bank's contact). False when a card is still usable: the offer then.
pub(crate) async fn already_locked(
    ctx: &mut Ctx<'_>,
    credential: &bankbot_bank::CustomerCredential,
    kind: Option<bankbot_core::AccountKind>,
) -> Result<bool, crate::HandlerError> {
    use bankbot_core::{AccountKind, CardKind};
    if !(ctx.services.capabilities.cards && ctx.services.capabilities.fraud_reporting) {
        return Ok(false);
    }
    let cards = ctx.services.cards.cards(credential).await?;
    let wanted = match kind {
        Some(AccountKind::CreditCard) => Some(CardKind::Credit),
        Some(AccountKind::Checking) => Some(CardKind::Debit),
        _ => None,
    };
    let concerned: Vec<_> = cards
        .iter()
        .filter(|c| wanted.is_none_or(|k| c.kind == k))
        .collect();
    if concerned.is_empty() || concerned.iter().any(|c| !c.locked) {
        return Ok(false);
    }
    ctx.audit("cards");
    let labels: Vec<String> = concerned
        .iter()
        .map(|c| crate::format::card_label(c))
        .collect();
    let text = ctx.t(Msg::FraudCardsLocked {
        cards: &labels.join(", "),
        n: labels.len(),
    });
    // Without a person behind the chat, how to reach the bank comes with it. The choices
    // stay the offer's: another card may need locking, and a person hears the report.
    let text = if ctx.people_available {
        text
    } else {
        format!("{text}\n\n{}", ctx.t(Msg::ContactInfo(ctx.contact())))
    };
    let mut choices = vec![ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock)];
    choices.extend(ctx.person_choice());
    ctx.ask_text(text, choices);
    Ok(true)
}

/// The account of the one payment listed ("the 129.99 amazon one": the Visa's). Several
/// payments listed point at none of them: the customer is asked which card.
pub(crate) fn one_account(listed: &[crate::Listed]) -> Option<bankbot_core::AccountId> {
    match listed {
        [crate::Listed::Transaction { account, .. }] => Some(account.clone()),
        _ => None,
    }
}

/// The kind of the card on the disputed payment's account, when it has exactly one card
/// (else `None`: the customer is asked which card).
pub(crate) async fn disputed_card(
    ctx: &mut Ctx<'_>,
    state: &crate::DialogState,
    credential: &bankbot_bank::CustomerCredential,
) -> Result<Option<bankbot_core::AccountKind>, crate::HandlerError> {
    let Some(account) = &state.disputed_account else {
        return Ok(None);
    };
    let cards = ctx.services.cards.cards(credential).await?;
    let on_account: Vec<_> = cards.iter().filter(|c| &c.account_id == account).collect();
    Ok(match on_account.as_slice() {
        [card] => Some(crate::intents::cards::account_of(card)),
        _ => None,
    })
}

/// With card controls, a yes to the offer starts the card lock
/// ([`crate::Pending::LockOffer`]).
pub(crate) fn handle(ctx: &mut Ctx<'_>, state: &mut crate::DialogState) {
    let provided = &ctx.services.capabilities;
    let (cards, reports) = (provided.cards, provided.fraud_reporting);
    let mut choices = Vec::new();
    if cards {
        choices.push(ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
    }
    choices.extend(ctx.person_choice());
    // Told again right after the offer: not the same sympathy word for word.
    let again = state.last_intent == Some(IntentId::ReportFraud);
    let text = match (cards, reports) {
        (true, true) if again => ctx.t(Msg::FraudOfferAgain(ctx.reach())),
        (true, true) => ctx.t(Msg::FraudOffer(ctx.reach())),
        (true, false) => ctx.t(Msg::FraudNoReports(ctx.contact())),
        (false, _) => ctx.t(Msg::FraudUnavailable(ctx.contact())),
    };
    ctx.ask_text(text, choices);
    if cards && ctx.customer.is_some() {
        state.pending = Some(crate::Pending::LockOffer);
    }
}

/// After the payments listed for a worried customer ("any charges i dont recognize"): if
/// one is not theirs, lock the card or reach a person. A yes locks, as after the offer.
pub(crate) fn review_offer(ctx: &mut Ctx<'_>, state: &mut crate::DialogState) {
    let provided = &ctx.services.capabilities;
    if !(provided.cards && provided.fraud_reporting) {
        handle(ctx, state);
        return;
    }
    let reach = ctx.reach();
    lock_offer(ctx, state, Msg::FraudReviewOffer(reach));
}

/// `text` with the quick replies `before`, the card lock (when the bank locks cards) and
/// `after`; a yes next takes the lock (`Pending::LockOffer`) when a linked customer can.
pub(crate) fn say_with_lock_choice(
    ctx: &mut Ctx<'_>,
    state: &mut crate::DialogState,
    text: String,
    before: Vec<bankbot_core::QuickReply>,
    after: Vec<bankbot_core::QuickReply>,
) {
    let cards = ctx.services.capabilities.cards;
    let mut choices = before;
    if cards {
        choices.push(ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
    }
    choices.extend(after);
    ctx.reply(bankbot_core::Reply::with_quick_replies(text, choices));
    if cards && ctx.customer.is_some() {
        state.pending = Some(crate::Pending::LockOffer);
    }
}

/// `msg`, which offers to lock the card, with the choices to do so or reach a person; a
/// yes then locks (`Pending::LockOffer`).
pub(crate) fn lock_offer(ctx: &mut Ctx<'_>, state: &mut crate::DialogState, msg: Msg<'_>) {
    let mut choices = vec![ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock)];
    choices.extend(ctx.person_choice());
    ctx.ask(msg, choices);
    if ctx.customer.is_some() {
        state.pending = Some(crate::Pending::LockOffer);
    }
}
