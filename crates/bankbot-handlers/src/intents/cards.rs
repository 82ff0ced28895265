//! `card_lock`: which card (quick replies when there are several), a yes/no confirmation,
//! then the lock through `CardControls`. Needs a fresh authentication.

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, Card, CardId, CardKind};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::format::{card_label, card_label_short};
use crate::words::normalize;
use crate::{DialogState, HandlerError, Pending};
use bankbot_core::Payload;

/// The intent: pick the card, or ask which.
pub(crate) async fn handle(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
) -> Result<(), HandlerError> {
    if !ctx.auth_fresh {
        ctx.link_button(Msg::CardNeedsAuth);
        return Ok(());
    }
    let cards = ctx.services.cards.cards(credential).await?;
    ctx.audit("cards");
    let wanted = card_kind(kind);
    let mut candidates: Vec<&Card> = cards
        .iter()
        .filter(|c| wanted.is_none_or(|k| c.kind == k))
        .collect();
    if candidates.is_empty() {
        // "my credit card" when only a debit card exists: offer what there is.
        candidates = cards.iter().collect();
    }
    match candidates.as_slice() {
        [] => ctx.say(Msg::CardNone),
        [card] => confirm(ctx, state, card),
        several => {
            let choices = several
                .iter()
                .map(|c| {
                    bankbot_core::QuickReply::new(
                        card_label_short(c),
                        Payload::Card(c.id.clone()).encode(),
                    )
                })
                .collect();
            state.pending = Some(Pending::CardChoice);
            ctx.ask(Msg::CardChoose, choices);
        }
    }
    Ok(())
}

/// A lock order: the card named after its verb ("should i lock the debit card") when it
/// names one, said so when the customer has no such card, else as `handle`.
pub(crate) async fn handle_order(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
    text: &str,
) -> Result<(), HandlerError> {
    // "lock my card it's not working": the lock as asked, the failure acknowledged.
    if super::card_status::says_not_working(text) {
        let said = ctx.t(Msg::LockDespiteDeclined(ctx.contact()));
        ctx.reply(bankbot_core::Reply::text(said));
    }
    if ctx.auth_fresh {
        let cards = ctx.services.cards.cards(credential).await?;
        if super::lock_target::someone_elses(text, &cards) {
            ctx.audit("cards");
            state.pending = None;
            ctx.say(Msg::CardOfSomeoneElse);
            return Ok(());
        }
        match super::lock_target::after_verb(text, &cards) {
            Some(super::card_named::Named::One(card)) => {
                ctx.audit("cards");
                confirm(ctx, state, &card);
                return Ok(());
            }
            Some(super::card_named::Named::NotTheirs) => {
                ctx.say(Msg::CardNotTheirs);
                return handle(ctx, state, credential, None).await;
            }
            _ => {}
        }
    }
    // "is my debit card locked" then "lock it": the card just spoken of.
    let kind = kind.or_else(|| {
        state
            .card_spoken
            .filter(|_| super::card_spoken::points_back(text))
    });
    handle(ctx, state, credential, kind).await
}

/// A card was chosen by payload: check it is the customer's, then confirm.
pub(crate) async fn chosen(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    card: &CardId,
) -> Result<(), HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    match cards.iter().find(|c| c.id == *card) {
        Some(c) => confirm_or_lock(ctx, state, credential, c).await?,
        None => {
            state.pending = None;
            ctx.say(Msg::CardNone);
        }
    }
    Ok(())
}

/// A card was typed ("the visa", "1111") while a choice was pending. False when the text
/// names none of the cards.
pub(crate) async fn chosen_by_text(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    text: &str,
) -> Result<bool, HandlerError> {
    match named(ctx, credential, text).await? {
        Some(card) => {
            confirm_or_lock(ctx, state, credential, &card).await?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// "ok do it for the debit one" to "which card?": a yes that names the card locks it
/// without asking again. False when the text names none of the cards.
pub(crate) async fn chosen_with_yes(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    text: &str,
) -> Result<bool, HandlerError> {
    let Some(card) = named(ctx, credential, text).await? else {
        return Ok(false);
    };
    if card.locked {
        confirm(ctx, state, &card);
    } else {
        state.pending = None;
        answer(ctx, credential, &card.id, true).await?;
    }
    Ok(true)
}

/// The one card `text` names, by last four digits or a word of its name.
async fn named(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    text: &str,
) -> Result<Option<Card>, HandlerError> {
    // Words every card's name may hold ("Debit card", "Carte Visa"): "how i get new card"
    // names none of them.
    const GENERIC: &[&str] = &["card", "cards", "carte", "cartes", "back", "bank", "banque"];
    let t = normalize(text);
    let said: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let cards = ctx.services.cards.cards(credential).await?;
    let mut hits = cards.into_iter().filter(|c| {
        t.contains(c.last4.digits())
            || bankbot_core::fold_text(&c.display_name)
                .split_whitespace()
                .any(|w| w.len() > 3 && !GENERIC.contains(&w) && said.contains(&w))
    });
    let first = hits.next();
    Ok(if hits.next().is_some() { None } else { first })
}

/// What a short answer says about which of the customer's cards it means ("la visa", "ma
/// débit", "la cb"); `None` when it names no card.
pub(crate) async fn named_in(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    text: &str,
) -> Result<Option<super::card_named::Named>, HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    Ok(super::card_named::read(text, &cards))
}

/// Asks "lock this card?", unless the customer already agreed to the lock and was only
/// asked which card (`DialogState::lock_agreed`): then it is locked at once.
pub(crate) async fn confirm_or_lock(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    card: &Card,
) -> Result<(), HandlerError> {
    if std::mem::take(&mut state.lock_agreed) && !card.locked {
        state.pending = None;
        state.turn_intent = Some(bankbot_core::IntentId::CardLock);
        return answer(ctx, credential, &card.id, true).await.map(|_| ());
    }
    confirm(ctx, state, card);
    Ok(())
}

/// Asks "lock this card?" (or says it is locked already).
pub(crate) fn confirm(ctx: &mut Ctx<'_>, state: &mut DialogState, card: &Card) {
    let label = card_label(card);
    if card.locked {
        state.pending = None;
        ctx.say(Msg::CardAlready(&label));
        return;
    }
    state.pending = Some(Pending::CardLockConfirm {
        card: card.id.clone(),
    });
    let choices = ctx.yes_no();
    ctx.ask(Msg::CardConfirm(&label), choices);
}

/// The account a card draws on: the credit card's own, or checking for a debit card.
pub(crate) fn account_of(card: &Card) -> AccountKind {
    match card.kind {
        CardKind::Credit => AccountKind::CreditCard,
        _ => AccountKind::Checking,
    }
}

/// The answer to "Lock your card?": the account of the card locked, if one was.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    card: &CardId,
    yes: bool,
) -> Result<Option<AccountKind>, HandlerError> {
    if !yes {
        ctx.say(Msg::CardKept);
        return Ok(None);
    }
    if !ctx.auth_fresh {
        ctx.link_button(Msg::CardNeedsAuth);
        return Ok(None);
    }
    let locked = ctx.services.cards.lock_card(credential, card).await?;
    ctx.audit("card_lock");
    tracing::info!(target: "bankbot_handlers", "card locked");
    let label = card_label(&locked);
    let person = ctx.person_choice().into_iter().collect();
    let reach = ctx.reach();
    ctx.ask(Msg::CardDone(&label, reach), person);
    Ok(Some(account_of(&locked)))
}

/// Unlocks `card` (asked, or confirmed): the account it draws on.
pub(crate) async fn unlock_now(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    card: &CardId,
) -> Result<AccountKind, HandlerError> {
    let card = ctx.services.cards.unlock_card(credential, card).await?;
    ctx.audit("card_lock");
    tracing::info!(target: "bankbot_handlers", "card unlocked");
    ctx.say(Msg::CardUnlocked(&card_label(&card)));
    Ok(account_of(&card))
}

/// The answer to "unlock it?" after "found my card": the account of the card unlocked.
pub(crate) async fn answer_unlock(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    card: &CardId,
    yes: bool,
) -> Result<Option<AccountKind>, HandlerError> {
    if !yes {
        let cards = ctx.services.cards.cards(credential).await?;
        let label = cards
            .iter()
            .find(|c| &c.id == card)
            .map(card_label)
            .unwrap_or_default();
        ctx.say(Msg::CardStaysLocked(&label));
        return Ok(None);
    }
    if !ctx.auth_fresh {
        ctx.link_button(Msg::CardNeedsAuth);
        return Ok(None);
    }
    unlock_now(ctx, credential, card).await.map(Some)
}

/// "Unlock my card", "it turned up": unlock the locked card the customer means (the only
/// locked one, or the one of the kind named). The account of the card unlocked, if one was,
/// so "whats avail on it" next is about it. With `ask_first` ("found my card": news, no
/// order), the one locked card is offered for unlocking instead ("unlock it?").
pub(crate) async fn unlock(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
    ask_first: bool,
) -> Result<Option<AccountKind>, HandlerError> {
    state.pending = None;
    // A card named next goes on with the unlock (`lock_next::unlock_next`).
    state.unlock_asked = true;
    if !ctx.auth_fresh {
        ctx.link_button(Msg::CardNeedsAuth);
        return Ok(None);
    }
    let cards = ctx.services.cards.cards(credential).await?;
    ctx.audit("cards");
    let wanted = card_kind(kind);
    let mut named: Vec<&Card> = cards
        .iter()
        .filter(|c| wanted.is_none_or(|k| c.kind == k))
        .collect();
    // "ma visa" when the Visa is a debit card: the kind read from the name does not fit.
    if named.is_empty() {
        named = cards.iter().collect();
    }
    let locked: Vec<&Card> = named.iter().copied().filter(|c| c.locked).collect();
    match (locked.as_slice(), named.as_slice()) {
        ([card], _) if ask_first => {
            state.pending = Some(Pending::CardUnlockConfirm {
                card: card.id.clone(),
            });
            let choices = ctx.yes_no();
            ctx.ask(Msg::CardUnlockConfirm(&card_label(card)), choices);
            return Ok(Some(account_of(card)));
        }
        ([card], _) => return unlock_now(ctx, credential, &card.id).await.map(Some),
        ([], [card]) => {
            ctx.say(Msg::CardNotLocked(&card_label(card)));
            // "unlock the debit, keep the visa locked" when neither is: a customer who
            // believes another card locked is told it works too (blind round 15b).
            for other in cards.iter().filter(|c| c.id != card.id && !c.locked) {
                ctx.say(Msg::CardNotLocked(&card_label(other)));
            }
        }
        ([], _) => ctx.say(Msg::CardNoneLocked),
        _ => ctx.say(Msg::CardUnlockWhich),
    }
    Ok(None)
}

/// The kind of card an account kind names: a credit card for the credit account, a debit
/// card for checking; none for the others.
pub(crate) fn card_kind(kind: Option<AccountKind>) -> Option<CardKind> {
    match kind {
        Some(AccountKind::CreditCard) => Some(CardKind::Credit),
        Some(AccountKind::Checking) => Some(CardKind::Debit),
        _ => None,
    }
}

/// The cards of the kind `kind` names, or every card when it names none or none is of it.
pub(crate) fn of_kind_or_all(cards: &[Card], kind: Option<AccountKind>) -> Vec<&Card> {
    let wanted = card_kind(kind);
    let named: Vec<&Card> = cards
        .iter()
        .filter(|c| wanted.is_none_or(|k| c.kind == k))
        .collect();
    if named.is_empty() {
        cards.iter().collect()
    } else {
        named
    }
}
