//! Routes one input: payloads, then what the bot was waiting for, then "show more" and
//! follow-ups from the session context, then the intent's module.

use bankbot_core::{IntentId, IntentMatch, Slots};

use crate::alert_words;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::intents::change_of_mind;
use crate::intents::{
    access, alerts, atm, balance, cards, fallback, fraud, handoff, linking, privacy, privacy_info,
    small_talk, spending, transactions,
};
use crate::intents::{
    cancel, card_status, contact, money_out, previous, scam, shift, since_then, what_on,
};
use crate::{DialogState, HandlerError, Input, Pending, cues, words};
use bankbot_core::Payload;

/// Below this confidence an utterance may be a follow-up ("and savings?") or an answer.
pub const CONFIDENT: f32 = 0.5;
/// Words at most in a bare place typed to "where are you?" ("market and 5th st sf").
const MAX_BARE_PLACE_WORDS: usize = 6;
/// Below this confidence, an utterance that opens like a follow-up ("and …", "what about
/// …", "et …") and carries fitting slots continues the last data answer even when the
/// engine placed it elsewhere ("what about October?" after a spending summary).
pub const CUED_FOLLOW_UP: f32 = 0.8;
/// Words at most in a message disowning the payments just shown ("no way that was me").
const MAX_DISOWN_WORDS: usize = 14;

pub(crate) async fn run(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    input: Input<'_>,
) -> Result<(), HandlerError> {
    // What the turn before was handled as ("why did the machine refuse it" after a card's
    // state answered without being the last intent).
    let turn_before = state.turn_intent.take();
    // "ok actually yes do it", « en fait si vas-y » right after a lock or an alert was
    // turned down: the no taken back, the question answered yes.
    let declined = state.declined.take();
    if let Input::Message { text, .. } = input
        && let Some(asked) = declined
        && change_of_mind::reconsiders(text)
    {
        state.pending = Some(asked);
        return answer(ctx, state, true).await;
    }
    // "on va faire comment alors" right after a can't-do: where it can be done.
    let said_cannot = std::mem::take(&mut state.said_cannot);
    if let Input::Message { text, .. } = input
        && said_cannot
        && crate::intents::how_then::asks(text)
    {
        crate::intents::how_then::answer(ctx);
        return Ok(());
    }
    // "jsuis srx là", "i'm serious": an insistence, nothing new asked — where it can be
    // done right after a can't-do, else the bot listens (never the balances).
    if let Input::Message { text, .. } = input
        && state.pending.is_none()
        && crate::intents::insists::says(text)
    {
        state.turn_intent = Some(IntentId::Help);
        if said_cannot {
            crate::intents::how_then::answer(ctx);
        } else {
            crate::intents::insists::answer(ctx);
        }
        return Ok(());
    }
    // "le deuxième", "the second one": an item of the last answer's list ("de combien ?",
    // "c'était quand ?": the one item it showed). Any other answer
    // lists afresh or leaves nothing to pick from.
    let listed = std::mem::take(&mut state.listed);
    let picked = state.picked.take();
    // "Same for October." right after net cash flow: money in and out over October.
    let flow_asked = std::mem::take(&mut state.flow_asked);
    if flow_asked
        && state.pending.is_none()
        && let Input::Message { text, parsed } = input
        && let Some(credential) = ctx.customer
        && let Some(slots) = crate::intents::flow_again::again(
            &state.last_slots,
            parsed.written_out.as_deref().unwrap_or(text),
            parsed,
            ctx.services.clock.today(),
        )
    {
        return crate::intents::net_flow::answer(ctx, state, credential, &slots).await;
    }
    // "is it open all nite?", « celui de la Bastille, je peux déposer un chèque dedans ? »
    // right after cash machines: yes or no from that machine's data; the list stays.
    // "nothing closer? I'm on foot", « rien de plus près ? je suis à pied »: the first one
    // listed is the nearest known (never a goodbye nor the balances); the list stays.
    if let Input::Message { text, .. } = input
        && state.pending.is_none()
        && state.last_intent == Some(IntentId::AtmNearby)
        && crate::intents::atm_follow::asks_closer(text)
        && crate::intents::atm_follow::answer_closer(ctx, &listed)
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        state.listed = listed;
        return Ok(());
    }
    // "another one close by?", « un autre pas loin ? »: more machines around the same
    // place, past those shown.
    if let Input::Message { text, .. } = input
        && state.pending.is_none()
        && state.last_intent == Some(IntentId::AtmNearby)
        && crate::intents::atm_more::asks(text)
        && atm::search_others(ctx, state, &listed, text).await?
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        return Ok(());
    }
    if let Input::Message { text, .. } = input
        && state.pending.is_none()
        && state.last_intent == Some(IntentId::AtmNearby)
        && let Some((atm, features)) = crate::intents::atm_feature::asked(text, &listed, picked)
    {
        let name = atm::display_name(atm);
        for feature in features {
            ctx.say(Msg::AtmHasFeature {
                name: &name,
                address: &atm.address,
                feature,
                has: feature.of(atm),
            });
        }
        state.turn_intent = Some(IntentId::AtmNearby);
        state.listed = listed;
        state.picked = picked;
        return Ok(());
    }
    if let Input::Message { text, .. } = input
        && state.pending.is_none()
        && !listed.is_empty()
        && let Some(n) = crate::pick::rank(text)
            .or_else(|| (listed.len() == 1 && crate::pick::asks_about_it(text)).then_some(1))
            // « celui-là » after « le deuxième »: the second again.
            .or_else(|| {
                picked
                    .filter(|_| crate::pick::asks_about_it(text))
                    .map(|i| i + 1)
            })
            .or_else(|| {
                crate::pick::asks_address(text, &listed).then_some(picked.map_or(1, |i| i + 1))
            })
    {
        return crate::pick::answer(ctx, state, listed, n).await;
    }
    // "wasnt me", « j'ai pas pris le train moi » just after payments were shown: the fraud
    // path for those payments (named when one), their card the one to lock.
    if let Input::Message { text, parsed } = input
        && state.last_intent == Some(IntentId::Transactions)
        && !names_a_subject(&parsed.slots, &state.last_slots)
        && listed
            .iter()
            .all(|l| matches!(l, crate::Listed::Transaction { .. }))
        && !listed.is_empty()
        && text.split_whitespace().count() <= MAX_DISOWN_WORDS
        && crate::intents::disowned::says(text)
        && !crate::intents::stand_down::charge_is_mine(text)
        && let Some(credential) = ctx.customer
        && !crate::intents::disowned::shown_money_in(ctx, credential, &listed).await?
    {
        return crate::intents::disowned::report(ctx, state, credential, listed, text).await;
    }
    // "how much do i have left after that?", « after the facture, il me reste combien ? »
    // just after payments were shown: their account's balance now, never spending.
    if let Input::Message { text, parsed } = input
        && state.pending.is_none()
        && state.last_intent == Some(IntentId::Transactions)
        && !listed.is_empty()
        && listed
            .iter()
            .all(|l| matches!(l, crate::Listed::Transaction { .. }))
        && crate::intents::left_after::asks(text)
    {
        let named = parsed.slots.account_type;
        return crate::intents::left_after::answer(ctx, state, &listed, named).await;
    }
    // "any other payments there?", « y en a eu d'autres là-bas ? » just after payments at
    // one merchant: that merchant's payments, not everyone else's.
    // (The engine may read « chez eux » as a merchant named "eux".)
    if let Input::Message { text, .. } = input
        && state.pending.is_none()
        && state.last_intent == Some(IntentId::Transactions)
        && crate::intents::others_there::asks(text)
        && let Some(credential) = ctx.customer
        && crate::intents::others_there::answer(ctx, state, credential, &listed, picked).await?
    {
        return Ok(());
    }
    // « C'est quoi ce PRLV Loyer ? », "what does DD mean": what the bank's code stands for;
    // a whole statement line quoted ("c quoi CB CARREFOUR CITY") is also looked up below.
    if let Input::Message { text, .. } = input
        && state.pending.is_none()
        && crate::intents::bank_label::answer(ctx, text)
        && !crate::intents::bank_label::quotes_a_statement_line(text)
    {
        state.turn_intent = state.last_intent;
        state.listed = listed;
        return Ok(());
    }
    // "under 100 dollars", « et aussi pour les gros paiements » just after an alert turn:
    // the alert's threshold or another alert, never a search of payments.
    if let Input::Message { text, parsed } = input {
        let text = parsed.written_out.as_deref().unwrap_or(text);
        if crate::intents::alert_follow::answer(ctx, state, text) {
            return Ok(());
        }
    }
    // "last 4 of my debit card": the card's last digits, never the lock offer.
    if let Input::Message { text, parsed } = input
        && crate::intents::card_digits::asks(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        let kind = parsed.slots.account_type;
        return crate::intents::card_digits::answer(ctx, credential, kind).await;
    }
    // "why did the machine refuse it" just after a card was said declined: that answer again,
    // never a cash machine search.
    if let Input::Message { text, .. } = input
        && (state.last_intent == Some(IntentId::CardLock)
            || turn_before == Some(IntentId::CardLock))
        && crate::intents::refused_why::asks(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        let kind = state.last_slots.account_type;
        return card_status::answer(ctx, credential, kind, true).await;
    }
    let lock_asked = state.pending.clone();
    let done = route(ctx, state, input).await;
    // The card chosen in answer to a lock question is done with: "aye lock it" next is
    // about another card.
    let named = match input {
        Input::Message { parsed, .. } if lock_asked.is_none() => parsed.slots.account_type,
        _ => None,
    };
    state.card_spoken = crate::intents::card_spoken::kept(named, state.turn_intent);
    if done.is_ok() {
        crate::intents::payment_named::after_turn(ctx, state, lock_asked.as_ref()).await?;
        crate::intents::lock_reminder::after_turn(ctx, state, lock_asked).await?;
    }
    if state.turn_intent != Some(IntentId::Transactions) {
        state.out_only = false;
        state.cash_only = false;
    }
    if state.pending != Some(Pending::CardChoice) {
        state.lock_agreed = false;
    }
    if state.turn_intent != Some(IntentId::CardLock) {
        state.unlock_asked = false;
    }
    // The kind of cash machine asked for lasts while "where are you?" is open.
    if state.pending != Some(Pending::AtmLocation) {
        state.atm_wanted = bankbot_bank::AtmFilter::default();
    }
    // The lock offered after payments were listed: those payments' card is the one to lock.
    if state.pending == Some(Pending::LockOffer) {
        if state.disputed_account.is_none() {
            let shown = if state.listed.is_empty() {
                &listed
            } else {
                &state.listed
            };
            state.disputed_account = crate::intents::fraud::one_account(shown);
        }
    } else {
        state.disputed_account = None;
    }
    done
}

/// True when the message names what to look at (a period, amount, category, account, or a
/// merchant other than the one just searched): "the 129.99 amazon one, I didn't buy that",
/// "anything weird on my visa this week" are a search of their own, not the payments shown
/// before; "I ain't took no Uber" after the Uber rides names those.
fn names_a_subject(slots: &Slots, shown: &Slots) -> bool {
    let other_merchant = match (&slots.merchant, &shown.merchant) {
        (Some(named), Some(searched)) => !named.eq_ignore_ascii_case(searched),
        (named, _) => named.is_some(),
    };
    other_merchant
        || slots.date_from.is_some()
        || slots.date_to.is_some()
        || slots.amount_min.is_some()
        || slots.amount_max.is_some()
        || slots.category.is_some()
        || slots.account_type.is_some()
}

async fn route(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    input: Input<'_>,
) -> Result<(), HandlerError> {
    match input {
        Input::Postback { payload } => postback(ctx, state, payload).await,
        Input::Location(point) => atm::search_location(ctx, state, point).await,
        Input::Message { text, parsed } => {
            let parsed = crate::own_merchant::prefer(ctx, text, parsed).await;
            // "what went out of it" after the savings: the savings' money out.
            let parsed = crate::account_pointer::kept(text, parsed, state.last_slots.account_type);
            message(ctx, state, text, &parsed).await
        }
        Input::Compare { first, second } => {
            if !crate::intents::compare::answer(ctx, state, first.1, second.1).await? {
                message(ctx, state, first.0, first.1).await?;
                state.turn_intent = None;
                message(ctx, state, second.0, second.1).await?;
            }
            Ok(())
        }
    }
}

async fn postback(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    payload: &str,
) -> Result<(), HandlerError> {
    let Some(p) = Payload::parse(payload) else {
        tracing::debug!(target: "bankbot_handlers", "unknown payload");
        fallback::handle(ctx, state);
        return Ok(());
    };
    if let Some(intent) = p.intent() {
        // [Transactions] or [Spending] under one account's balance: that account's.
        let mut slots = Slots::default();
        if matches!(intent, IntentId::Transactions | IntentId::SpendingSummary)
            && state.last_intent == Some(IntentId::Balance)
        {
            slots.account_type = state.last_slots.account_type;
        }
        return intent_turn(ctx, state, intent, &slots, "").await;
    }
    match p {
        Payload::Yes => answer(ctx, state, true).await,
        Payload::No => answer(ctx, state, false).await,
        Payload::More => match ctx.customer {
            Some(credential) if state.more.is_some() => {
                state.turn_intent = Some(IntentId::Transactions);
                transactions::more(ctx, state, credential).await
            }
            Some(credential) => transactions::more(ctx, state, credential).await,
            None => link_needed(ctx),
        },
        Payload::Card(card) => match ctx.customer {
            Some(credential) => cards::chosen(ctx, state, credential, &card).await,
            None => link_needed(ctx),
        },
        Payload::Alert(kind, on) if ctx.customer.is_some() => {
            alerts::set(ctx, state, kind, on);
            Ok(())
        }
        Payload::AlertsOff if ctx.customer.is_some() => {
            alerts::all_off(ctx);
            Ok(())
        }
        _ => link_needed(ctx),
    }
}

async fn message(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    text: &str,
    parsed: &IntentMatch,
) -> Result<(), HandlerError> {
    // "vs etes un robot ?", "pk ma cb marche pas": the words the engine read, texting forms
    // written out, so every cue below reads them as it reads the full forms.
    let text = parsed.written_out.as_deref().unwrap_or(text);
    // "tell me when my balance changes? nah leave it actually", « active les alertes solde
    // bas… non en fait »: an alert asked and taken back in the same message; nothing switched.
    if ctx.customer.is_some()
        && crate::intents::take_back_end::says(text)
        && (parsed.intent == IntentId::ManageAlerts
            || matches!(
                alerts::parse(text),
                alerts::Command::Set(..) | alerts::Command::AllOff
            ))
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::ManageAlerts);
        ctx.say(Msg::AlertsKept);
        return Ok(());
    }
    // "my phone got stolen, can the thief use my messenger", « ils vont pas pouvoir utiliser
    // mon compte messenger ? » after a theft: what the chat shows them, the unlink asked.
    let after_theft = matches!(
        state.last_intent,
        Some(IntentId::CardLock | IntentId::ReportFraud)
    );
    if crate::intents::phone_stolen::asks(text, after_theft) {
        crate::intents::phone_stolen::answer(ctx, state);
        return Ok(());
    }
    // "if someone steals my phone can they see my balance here": what a locked phone keeps
    // out and how to cut the chat off (a phone said gone is answered just above, with the
    // unlink asked), never the balances.
    if state.pending.is_none() && crate::phone_taken::asked(text) {
        state.more = None;
        state.turn_intent = Some(IntentId::PrivacyInfo);
        crate::phone_taken::answer(ctx);
        return Ok(());
    }
    // "will you tell me if someone else uses my card?", « vous me prévenez si quelqu'un
    // utilise ma carte ? »: the fraud alert asked, never a fraud report with a lock offer.
    if ctx.customer.is_some()
        && crate::intents::alerts::asked_plainly(text)
        && matches!(
            alerts::parse(text),
            alerts::Command::Set(bankbot_core::AlertKind::FraudSuspected, true)
                | alerts::Command::Offer(bankbot_core::AlertKind::FraudSuspected)
        )
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::ManageAlerts);
        alerts::set(ctx, state, bankbot_core::AlertKind::FraudSuspected, true);
        return Ok(());
    }
    // "stop my visa being used online only": not here; the whole card offered.
    if crate::intents::online_only::asks(text) {
        crate::intents::online_only::answer(ctx, state);
        return Ok(());
    }
    // "a direct debit i don't recognise": no card lock; how it is disputed.
    if crate::intents::direct_debit_disowned::told(text) && parsed.slots.merchant.is_none() {
        crate::intents::direct_debit_disowned::answer(ctx, state);
        return Ok(());
    }
    // "i dont want the deposit texts anymore", « jveux plus les sms quand la paye tombe »:
    // an alert switched off, never a deposit machine or the last pay shown.
    if ctx.customer.is_some()
        && crate::intents::alerts::turned_off_plainly(text)
        && crate::intents::erase_how::asked(text).is_none()
    {
        return intent_turn(ctx, state, IntentId::ManageAlerts, &Slots::default(), text).await;
    }
    // "alors déliez mon compte tout de suite", "je veux unlink mon compte": the link
    // removed (asked first), not "already linked" nor a thumbs-up (blind round 14a).
    if ctx.customer.is_some()
        && state.pending.is_none()
        && parsed.intent != IntentId::DeleteMyData
        && cues::orders_unlink(text)
    {
        return intent_turn(ctx, state, IntentId::UnlinkAccount, &Slots::default(), text).await;
    }
    // "3,80 chez Paul c'était moi ce matin. Bon, bloquez quand même par sécurité": the lock
    // ordered last is the request, whatever the sentences before it name.
    if ctx.customer.is_some()
        && state.pending.is_none()
        && parsed.intent != IntentId::CardLock
        && crate::intents::lock_order::last_sentence_orders(text)
        && !crate::intents::lock_order::requests_unlock(text)
    {
        let slots = Slots {
            account_type: parsed.slots.account_type,
            ..Slots::default()
        };
        return intent_turn(ctx, state, IntentId::CardLock, &slots, text).await;
    }
    // "in total?", « et en tout ? » alone after a category's or a merchant's total over a
    // period: both readings, the same filter over the whole history, then all the spending
    // of that period (en and fr alike, round 15).
    if crate::intents::widen_all::after_filtered_total(state)
        && parsed.slots.is_empty()
        && crate::intents::widen_all::asks_bare_total(text)
        && let Some(credential) = ctx.customer
    {
        let today = ctx.services.clock.today();
        let last = state.last_slots.clone();
        if !crate::history::covers_year(&last, today) {
            let ever = Slots {
                date_from: crate::history::year_back(today),
                date_to: Some(today),
                ..last.clone()
            };
            state.turn_intent = Some(IntentId::SpendingSummary);
            state.pending = None;
            spending::handle(ctx, credential, &ever).await?;
        }
        let slots = crate::intents::widen_all::widened(&last, &parsed.slots);
        return intent_turn(ctx, state, IntentId::SpendingSummary, &slots, text).await;
    }
    // « et en tout ? », « loyer compris », "everything included" after a category's or a
    // merchant's total: all the spending of that period (blind round 14b).
    if crate::intents::widen_all::after_filtered_total(state)
        && parsed.slots.merchant.is_none()
        && crate::intents::widen_all::asks(text, parsed.slots.category.is_some())
        && ctx.customer.is_some()
    {
        let slots = crate::intents::widen_all::widened(&state.last_slots, &parsed.slots);
        return intent_turn(ctx, state, IntentId::SpendingSummary, &slots, text).await;
    }
    // A hesitant privacy reading that carries dates, amounts or a category ("wat about last
    // mnth") is about the customer's money, not their data. A merchant alone is not enough:
    // "fb" in "do my bank details go to fb?" names Facebook the platform.
    let unplaced;
    let parsed = if matches!(parsed.intent, IntentId::PrivacyInfo | IntentId::DataAccess)
        && parsed.confidence < CUED_FOLLOW_UP
        && (parsed.slots.date_from.is_some()
            || parsed.slots.date_to.is_some()
            || parsed.slots.amount_min.is_some()
            || parsed.slots.amount_max.is_some()
            || parsed.slots.category.is_some()
            // "i want to see what i bought": purchases, not the data kept.
            || cues::names_purchases(text))
        && !crate::intents::access::asks_shown(text)
    {
        unplaced = IntentMatch {
            intent: IntentId::OutOfScope,
            ..parsed.clone()
        };
        &unplaced
    } else {
        parsed
    };
    // « le solde de ma visa » when the Visa is a debit card: its account, not a credit card.
    let branded;
    let parsed = match ctx.customer {
        Some(credential) => {
            match crate::intents::brand_named::reading(ctx, credential, text, parsed).await? {
                Some(reading) => {
                    branded = reading;
                    &branded
                }
                None => parsed,
            }
        }
        None => parsed,
    };
    // "is my visa a credit card?", « c'est pas une carte de crédit ? C'est quoi d'abord ? »:
    // the card's kind, from the customer's cards (never a fraud report).
    if crate::intents::card_kind::asks(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        return crate::intents::card_kind::answer(ctx, credential, text).await;
    }
    // "where can i use my visa": where a card works, after its state (never a lock).
    if crate::intents::card_where::asks(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        card_status::answer(ctx, credential, parsed.slots.account_type, false).await?;
        ctx.say(Msg::CardWhereUsable);
        return Ok(());
    }
    // "where was my visa used", « où j'ai utilisé ma carte » : that card's payments.
    if crate::intents::card_spoken::asks_where_used(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        let cards = ctx.services.cards.cards(credential).await?;
        let mut slots = parsed.slots.clone();
        // « ma visa » when the Visa is a debit card: its account, not a credit card.
        if let Some(kind) = crate::intents::card_spoken::account_named(text, &cards) {
            slots.account_type = Some(kind);
        }
        return intent_turn(ctx, state, IntentId::Transactions, &slots, text).await;
    }
    // "will i get the 129 back?", « je serai remboursé ? » just after a payment was disowned
    // or its card locked: how a disputed payment is refunded, before any open question
    // reads the figure as a payment to search.
    if matches!(
        state.last_intent,
        Some(IntentId::ReportFraud | IntentId::CardLock)
    ) && (crate::intents::refund::asks_sum_back(text)
        || crate::intents::refund::asks(text) == Some(crate::intents::refund::Refund::Status))
    {
        state.pending = None;
        state.more = None;
        state.turn_intent = Some(IntentId::ReportFraud);
        crate::intents::refund::status(ctx);
        return Ok(());
    }
    // "the one for atm i think the debit", « la visa là, celle du resto » to "which card?":
    // that card, before the words of its use are read as a request (an ATM search).
    if state.pending == Some(Pending::CardChoice)
        && !crate::intents::lock_order::requests_unlock(text)
        && crate::intents::stand_down::reason(text).is_none()
        && words::yes_no(text) != Some(false)
        && let Some(kind) = crate::intents::card_use::read(text)
        && let Some(credential) = ctx.customer
    {
        state.turn_intent = Some(IntentId::CardLock);
        // A card named outright goes the usual way (a lock already agreed to is done).
        if let Some(named) = cards::named_in(ctx, credential, text).await? {
            return crate::intents::card_named::answer(
                ctx,
                state,
                credential,
                &Pending::CardChoice,
                named,
                text,
            )
            .await;
        }
        return cards::handle(ctx, state, credential, Some(kind)).await;
    }
    // "wats my ballence" (read as a card lock): a balance, when no card nor lock is named.
    let heard;
    let parsed = if parsed.intent != IntentId::Balance && crate::misheard::asks_balance(text) {
        heard = IntentMatch {
            intent: IntentId::Balance,
            ..parsed.clone()
        };
        &heard
    } else {
        parsed
    };
    // "did my rent go out this month", "tell me the last payment for electricity bill",
    // « la facture edf est passée ? »: the payments of that bill, looked up (the last one
    // before the period when it holds none), not a spending total or a bill to pay.
    let looked_up;
    let parsed = if matches!(
        parsed.intent,
        IntentId::OutOfScope | IntentId::SpendingSummary
    ) && (parsed.slots.category.is_some() || parsed.slots.merchant.is_some())
        && crate::bill_lookup::asked(text)
    {
        looked_up = IntentMatch {
            intent: IntentId::Transactions,
            ..parsed.clone()
        };
        &looked_up
    } else {
        parsed
    };
    // "the last movements of my card of credit": the credit card's transactions.
    let moved = crate::movements::read(text, parsed);
    let parsed = moved.as_ref().unwrap_or(parsed);
    // "wat about starbucks not on the visa": the card ruled out is not the account asked.
    let unnamed = crate::intents::card_ruled_out::unnamed(text, parsed);
    let parsed = unnamed.as_ref().unwrap_or(parsed);
    // "starbucks in oct and nov": both months.
    let both = crate::two_months::read(text, parsed);
    let parsed = both.as_ref().unwrap_or(parsed);
    // "et le mois d'avant", "ce mois-là": a period named from the last answer's.
    let shifted = crate::periods::in_context(state, parsed, text, ctx.services.clock.today());
    let relative_period = shifted.is_some();
    let parsed = shifted.as_ref().unwrap_or(parsed);
    // "payments over $1000" without "alert" or "tell me": payments, not an alert setting.
    let unalerted;
    let parsed = if parsed.intent == IntentId::ManageAlerts
        && !alert_words::named(text)
        && (parsed.slots.amount_min.is_some()
            || parsed.slots.amount_max.is_some()
            || parsed.slots.date_from.is_some()
            || parsed.slots.merchant.is_some())
    {
        unalerted = IntentMatch {
            intent: IntentId::Transactions,
            ..parsed.clone()
        };
        &unalerted
    } else {
        parsed
    };
    // "what about uber", "how about netflix" (after a privacy answer or not): that
    // merchant's payments, never the data kept about the customer.
    let merchant_asked;
    let parsed = if matches!(
        parsed.intent,
        IntentId::DataAccess | IntentId::PrivacyInfo | IntentId::OutOfScope
    ) && parsed.slots.merchant.is_some()
        && words::follow_up_cue(text)
        && words::after_cue(text).is_some()
        && crate::privacy_question::read(text).is_none()
    {
        merchant_asked = IntentMatch {
            intent: IntentId::Transactions,
            confidence: parsed.confidence.max(CONFIDENT),
            ..parsed.clone()
        };
        &merchant_asked
    } else {
        parsed
    };
    // "the last purchases on that card" after locking the Visa: that card's; "whats avail
    // on it" after the Visa: what is left on it.
    let pointed;
    let parsed = if parsed.slots.account_type.is_none()
        && state.last_slots.account_type.is_some()
        && (cues::names_that_account(text) || crate::intents::card_bill::asks_available_on_it(text))
    {
        pointed = IntentMatch {
            slots: Slots {
                account_type: state.last_slots.account_type,
                ..parsed.slots.clone()
            },
            ..parsed.clone()
        };
        &pointed
    } else {
        parsed
    };
    // "my visa was stolen" … "anything spent on it since yesterday": that card's money.
    let on_card;
    let parsed = if parsed.slots.account_type.is_none()
        && matches!(
            parsed.intent,
            IntentId::SpendingSummary | IntentId::Transactions
        )
        && crate::card_in_context::spent_on_it(text)
        && let Some(credential) = ctx.customer
        && let Some(kind) = crate::card_in_context::account(ctx, state, credential).await?
    {
        on_card = IntentMatch {
            slots: Slots {
                account_type: Some(kind),
                ..parsed.slots.clone()
            },
            ..parsed.clone()
        };
        &on_card
    } else {
        parsed
    };
    // "purchases a few days ago": a past period is a question about money, never a goodbye.
    // "whats that 1850 thing": a question, or a figure, without a farewell word is never a
    // goodbye either, however the engine leaned; it is read as not placed.
    let undone;
    // « Ah fada, c'est tout ? Et le Carrefour ? »: "that's all?" asked, then a merchant or a
    // category named: a follow-up, never a goodbye.
    let subject_named = parsed.slots.merchant.is_some() || parsed.slots.category.is_some();
    let unsure_goodbye = parsed.intent == IntentId::Goodbye
        && parsed.confidence < CUED_FOLLOW_UP
        && (crate::words::names_a_request(text)
            || text.chars().any(|c| c.is_ascii_digit())
            || (text.contains('?') && subject_named))
        && !text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| crate::casual::is_farewell(&w.to_lowercase()));
    let parsed = if parsed.intent == IntentId::Goodbye
        && parsed
            .slots
            .date_to
            .is_some_and(|d| d < ctx.services.clock.today())
    {
        undone = IntentMatch {
            intent: IntentId::Transactions,
            ..parsed.clone()
        };
        &undone
    } else if parsed.intent == IntentId::Goodbye && crate::intents::atm_place_guess::names_atm(text)
    {
        // "je vais a paris ce soir y a un distrib vers bastille ?", "un distrib vers
        // bastille ? bonne soirée": an evening named or wished while a cash machine is
        // asked for; the place typed after the ATM words first.
        undone = IntentMatch {
            intent: IntentId::AtmNearby,
            confidence: parsed.confidence.max(CONFIDENT),
            slots: Slots {
                location: crate::intents::atm_place_guess::after_atm_words(text)
                    .or_else(|| parsed.slots.location.clone()),
                ..Slots::default()
            },
            ..parsed.clone()
        };
        &undone
    } else if unsure_goodbye
        || (parsed.intent == IntentId::Goodbye && crate::time_words::time_not_farewell(text))
    {
        undone = IntentMatch {
            intent: IntentId::OutOfScope,
            ..parsed.clone()
        };
        &undone
    } else {
        parsed
    };
    // "est-ce que le loyer est bien passé ?": the payments, not a spending total.
    let taken;
    let parsed =
        if parsed.intent == IntentId::SpendingSummary && crate::intents::debited::asks(text) {
            taken = IntentMatch {
                intent: IntentId::Transactions,
                ..parsed.clone()
            };
            &taken
        } else {
            parsed
        };
    // "since Halloween", « depuis Noël »: from that day to today (not this month).
    let since_holiday;
    let today = ctx.services.clock.today();
    let parsed = if let Some(from) = crate::since_holiday::since(text, today) {
        since_holiday = IntentMatch {
            slots: Slots {
                date_from: Some(from),
                date_to: Some(today),
                ..parsed.slots.clone()
            },
            ..parsed.clone()
        };
        &since_holiday
    } else {
        parsed
    };
    let confident = parsed.intent != IntentId::OutOfScope && parsed.confidence >= CONFIDENT;
    // "nearest one open all night", "any open 24 7" about the cash machines just listed:
    // never a goodbye nor the balances.
    if state.last_intent == Some(IntentId::AtmNearby)
        && state.pending.is_none()
        && parsed.slots.location.is_none()
    {
        // ("i want make deposito" is a fresh request: where is asked again.)
        if atm::names_filter(text)
            && !crate::intents::cash_deposit::asks(text)
            && let Some(place) = state.last_slots.location.clone()
        {
            state.turn_intent = Some(IntentId::AtmNearby);
            return atm::search_place(ctx, state, &place, text).await;
        }
    }
    // "found it", "c bon je l'ai retrouvée" after a lock (or naming the card): good news,
    // and the locked card offered for unlocking, never unlocked unasked. (To a lock still
    // asked about, `stand_down` calls the lock off instead.) "found it, turn it back on"
    // unlocks at once.
    let found_news = crate::intents::found_card::news_only(text);
    if (found_news || crate::intents::found_card::with_unlock_order(text))
        && !state.pending.as_ref().is_some_and(Pending::asks_a_lock)
        && (matches!(
            state.last_intent,
            Some(IntentId::CardLock | IntentId::ReportFraud)
        ) || crate::intents::found_card::names_card(text))
        && let Some(credential) = ctx.customer
    {
        state.turn_intent = Some(IntentId::CardLock);
        let kind = cards::unlock(
            ctx,
            state,
            credential,
            parsed.slots.account_type,
            found_news,
        )
        .await?;
        state.last_intent = Some(IntentId::CardLock);
        state.last_slots = Slots {
            account_type: kind,
            ..Slots::default()
        };
        return Ok(());
    }
    // "lock my debit card lol jk dont": asked and taken back; nothing is started.
    // ("ok je l'ai retrouvée, débloque-la" takes nothing back: it asks for the unlock.)
    if (crate::intents::taken_back::taken_back(text)
        || crate::intents::take_back_end::says(text)
        // "il faut pas la bloquer en fait" after a lock was asked ("dont block my card"
        // before a trip is a travel notice).
        || parsed.intent == IntentId::CardLock
            && state.last_intent == Some(IntentId::CardLock)
            && crate::intents::taken_back::lock_refused(text)
        || parsed.intent == IntentId::CardLock
            && crate::intents::taken_back::lock_not_wanted(text))
        && !crate::intents::lock_order::requests_unlock(text)
        && !crate::intents::found_card::with_unlock_order(text)
        && matches!(
            parsed.intent,
            IntentId::CardLock
                | IntentId::UnlinkAccount
                | IntentId::DeleteMyData
                | IntentId::OutOfScope
                | IntentId::ReportFraud
        )
    {
        state.pending = None;
        state.turn_intent = Some(parsed.intent);
        if parsed.intent == IntentId::CardLock {
            ctx.say(Msg::CardKept);
        } else {
            ctx.say(Msg::Okay);
        }
        return Ok(());
    }
    // "how much was rent", "le loyer c'était combien": the latest rent payment, whatever the
    // last answer's period or card ("how much I pay of rent" is no bill to pay).
    if crate::intents::rent_asked::asked(text)
        && !since_then::names_a_payment(text)
        && parsed.slots.date_from.is_none()
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.more = None;
        let slots = Slots {
            category: Some(bankbot_core::Category::Housing),
            ..Slots::default()
        };
        state.turn_intent = Some(IntentId::Transactions);
        transactions::handle(ctx, state, credential, &slots, cues::Ask::Plain, true).await?;
        state.last_intent = Some(IntentId::Transactions);
        state.last_slots = slots;
        return Ok(());
    }
    // "mi can tek out 300 from di atm today?", « je peux retirer 300 au distributeur ? »: the
    // money available against the amount, never the cash machine finder.
    if let Some(asked) = crate::intents::afford::asks_cash(text)
        && let Some(credential) = ctx.customer
    {
        let kind = parsed.slots.account_type;
        return crate::intents::afford::answer(ctx, state, credential, asked, kind).await;
    }
    // "why does it take so long", « quand est-ce que ça passe » about a pending payment: what
    // pending means, then the pending payments.
    if ctx.customer.is_some() && crate::intents::pending_wait::asks(text, state.last_intent) {
        state.pending = None;
        ctx.say(Msg::ExplainPending);
        return intent_turn(
            ctx,
            state,
            IntentId::Transactions,
            &Slots::default(),
            "pending transactions",
        )
        .await;
    }
    // "total for both" after Starbucks' total then Uber's: the two added up.
    if state.earlier_total.is_some()
        && crate::intents::both_total::asks(text)
        && let Some(credential) = ctx.customer
        && crate::intents::both_total::answer(ctx, state, credential).await?
    {
        return Ok(());
    }
    // "and the rest?" after rent's total or payments: the spending of that period without it.
    if matches!(
        state.last_intent,
        Some(IntentId::SpendingSummary | IntentId::Transactions)
    ) && (state.last_slots.category.is_some() || state.last_slots.merchant.is_some())
        && parsed.slots.category.is_none()
        && parsed.slots.merchant.is_none()
        && crate::intents::spent_without::asks_rest(text)
        && let Some(credential) = ctx.customer
    {
        let rest = crate::intents::spent_without::rest_of(&state.last_slots, &parsed.slots);
        crate::intents::spent_without::answer(ctx, state, credential, &rest).await?;
        return Ok(());
    }
    // "apart from rent", "minus the amazon stuff" just after a total: that total without it.
    if matches!(
        state.last_intent,
        Some(IntentId::SpendingSummary | IntentId::Transactions)
    ) && crate::intents::spent_without::asks(text)
        && !crate::intents::anything_else::asks_other_money_in(text)
        && let Some(credential) = ctx.customer
        && crate::intents::spent_without::answer(ctx, state, credential, &parsed.slots).await?
    {
        return Ok(());
    }
    // "How do I see my pension, the deposit?": the money in, never a cash machine.
    if ctx.customer.is_some() && crate::intents::income_seen::asks(text) {
        state.pending = None;
        return intent_turn(
            ctx,
            state,
            IntentId::Transactions,
            &Slots::default(),
            "money in",
        )
        .await;
    }
    // "What was the $500 transfer for?": that transfer shown, never "I can't make transfers".
    if let Some(credential) = ctx.customer
        && crate::transfer_lookup::asked(text)
    {
        return crate::transfer_lookup::answer(ctx, state, credential, &parsed.slots, text).await;
    }
    // "4321 is my checking right?", « 2468, c'est bien le courant ? »: yes or no, then the
    // balance of the account those digits are.
    if let Some(credential) = ctx.customer
        && let Some(named) = parsed.slots.account_type
        && crate::intents::account_confirm::asked(text, Some(named))
        && crate::intents::account_confirm::answer(ctx, state, credential, named, text).await?
    {
        return Ok(());
    }
    // "and the minimum?", "when is the payment day?" right after the credit card: its
    // minimum payment (what is owed, the minimum on the statement) or its due date (not
    // shown here), never "didn't get that" nor the last transactions.
    if let Some(credential) = ctx.customer
        && parsed.slots.merchant.is_none()
        && let Some(asked) = crate::intents::card_bill_follow::read(state, text)
    {
        state.pending = None;
        state.more = None;
        return match asked {
            crate::intents::card_bill_follow::BillFollow::Minimum => {
                crate::intents::balance_terms::minimum(ctx, state, credential).await
            }
            crate::intents::card_bill_follow::BillFollow::Due => {
                state.turn_intent = Some(IntentId::Balance);
                small_talk::unsupported(ctx, cues::Unsupported::Statement);
                state.said_cannot = true;
                Ok(())
            }
        };
    }
    // "interest for savings", "minimum I'd have to pay", "net worth roughly": a balance, with
    // what is not shown said so.
    if let Some(credential) = ctx.customer
        && crate::intents::rate_asked::asked(text).is_some()
            | crate::intents::card_bill::asks_minimum(text)
            | crate::intents::accounts_total::asks(text)
    {
        return crate::intents::balance_terms::answer(ctx, state, credential, text).await;
    }
    // "is that all my accounts?", "c'est tous mes comptes ?": yes, and how many are linked.
    if crate::intents::all_accounts::asks(text)
        && state.pending.is_none()
        && let Some(credential) = ctx.customer
    {
        state.turn_intent = Some(IntentId::Balance);
        return crate::intents::all_accounts::answer(ctx, credential).await;
    }
    // "do you speak spanish", "my english is not so good": the languages spoken (a question
    // left open stays open).
    if crate::intents::languages::asked(text) {
        state.misses = 0;
        state.turn_intent = Some(IntentId::Help);
        crate::intents::languages::answer(ctx);
        return Ok(());
    }
    // "nvm", "brb", "my bad", "hbu", "who r u", "i have a question": the conversation
    // steered, nothing asked.
    if let Some(step) = crate::intents::chat_moves::read(text) {
        return chat_move(ctx, state, step).await;
    }
    // "i dont know which one, lock both": every card, whatever the engine leaned to (the
    // "dont" is no answer to anything).
    if state.pending.is_none()
        && crate::intents::lock_all::names_every_card(text)
        && !matches!(parsed.intent, IntentId::CardLock | IntentId::ReportFraud)
        && let Some(credential) = ctx.customer
    {
        state.turn_intent = Some(IntentId::CardLock);
        return crate::intents::lock_all::confirm(ctx, state, credential).await;
    }
    // "can you unlock my visa" to the offer of a lock or to "which card do you want to
    // lock?": the opposite order, read afresh (never taken as the card to lock).
    if matches!(
        state.pending,
        Some(Pending::LockOffer | Pending::CardChoice)
    ) && crate::intents::lock_order::requests_unlock(text)
    {
        state.pending = None;
    }
    // "what happens now?", "et maintenant ?" after a fraud report, the card not locked yet:
    // the next steps, and the lock still offered.
    if (state.pending == Some(Pending::LockOffer)
        || (state.pending.is_none() && state.last_intent == Some(IntentId::ReportFraud)))
        && crate::intents::after_lock::asked(text)
            == Some(crate::intents::after_lock::AfterLock::NextSteps)
    {
        state.turn_intent = Some(IntentId::ReportFraud);
        let reach = ctx.reach();
        let mut choices = Vec::new();
        if ctx.services.capabilities.cards {
            choices.push(ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock));
        }
        choices.extend(ctx.person_choice());
        ctx.ask(Msg::FraudNextSteps(reach), choices);
        return Ok(());
    }
    // "laisse tomber la carte", "oublie le blocage" to a lock, to its offer or as a lock
    // order of its own: nothing is locked, and nothing stays asked.
    if (parsed.intent == IntentId::CardLock
        || state.pending.as_ref().is_some_and(Pending::asks_a_lock))
        && crate::intents::taken_back::card_dropped(text)
    {
        state.declined = state.pending.take().filter(change_of_mind::undoable);
        state.turn_intent = Some(IntentId::CardLock);
        ctx.say(Msg::CardKept);
        return Ok(());
    }
    // "nope thats it", « pas maintenant merci » just after an alert was switched: nothing
    // else, not an undo.
    if matches!(state.pending, Some(Pending::AlertUndo { .. })) && words::says_nothing_else(text) {
        state.pending = None;
    }
    if let Some(pending) = state.pending.clone() {
        // « j'ai pas répondu », "i hung up" to the lock offered after a scam warning:
        // nothing given, nothing to lock.
        if pending == Pending::LockOffer && crate::intents::nothing_given::told(text) {
            state.pending = None;
            state.turn_intent = Some(IntentId::ReportFraud);
            ctx.say(Msg::NothingGiven);
            return Ok(());
        }
        // "what number do I call", « je peux appeler qui » while a lock is asked: how to
        // reach the bank; the lock question stays open (nothing locked, nothing dropped).
        if pending.asks_a_lock() && contact::asks(text) {
            state.turn_intent = Some(IntentId::HumanAgent);
            contact::answer(ctx);
            return Ok(());
        }
        // "if i find it tomorrow can i unlock it?", « et si je la retrouve ? » while a lock is
        // asked: yes, it can be unlocked here any time; the lock is asked again (a
        // supposition neither calls the lock off nor confirms it).
        if pending.asks_a_lock()
            && crate::intents::found_later::asks(text)
            && let Some(credential) = ctx.customer
        {
            state.turn_intent = Some(IntentId::CardLock);
            ctx.say(Msg::UnlockHere);
            return crate::intents::lock_reminder::ask_again(ctx, state, pending, credential).await;
        }
        // "ah non c'est bon je l'ai retrouvée", "c bon jlai", "c'est moi qui ai payé" to a
        // lock or to the offer of one: no lock, with the reason said back (before the yes/no
        // reading, where "c bon" is a yes).
        if pending.asks_a_lock()
            && let Some(why) = crate::intents::stand_down::reason(text)
        {
            state.pending = None;
            state.turn_intent = Some(IntentId::CardLock);
            ctx.say(Msg::LockCalledOff(why));
            return Ok(());
        }
        // "non c'est pas moi", "nan c pas moi" to the lock offered after a payment: the
        // payment disowned (the "non" answers "is it yours?"), not the lock turned down; the
        // lock offered again, nothing locked.
        let opens_with_no = text
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "non" | "nan" | "naan" | "nn" | "no" | "nope" | "nah" | "naw"
                )
            });
        if pending == Pending::LockOffer
            && opens_with_no
            && text.split_whitespace().count() <= 8
            && crate::intents::disowned::says(text)
            && !crate::intents::taken_back::lock_refused(text)
            && !crate::intents::taken_back::lock_not_wanted(text)
            && !crate::intents::lock_order::agrees(text)
        {
            state.turn_intent = Some(IntentId::ReportFraud);
            fraud::handle(ctx, state);
            state.last_intent = Some(IntentId::ReportFraud);
            return Ok(());
        }
        // (Before the yes/no reading: "les deux stp" is no bare yes.)
        // "the visa too, both of them" to "lock your debit card?" or "which card?": every
        // card, confirmed once (not the Visa alone, which would leave the debit card working).
        // "the visa too please" to "lock all your cards?": still all of them, asked again
        // (not the Visa alone in place of the debit card).
        let adds_to_all = matches!(pending, Pending::CardLockConfirmAll { .. })
            && words::yes_no(text) != Some(true)
            && crate::intents::lock_all::adds_every_card(text, true);
        if (adds_to_all
            || matches!(
                pending,
                Pending::CardChoice | Pending::CardLockConfirm { .. }
            ) && crate::intents::lock_all::adds_every_card(
                text,
                matches!(pending, Pending::CardLockConfirm { .. }),
            ))
            && let Some(credential) = ctx.customer
        {
            state.turn_intent = Some(IntentId::CardLock);
            return crate::intents::lock_all::confirm(ctx, state, credential).await;
        }
        // "ok thx", "merci beaucoup" to "where are you?": the question closed, thanks taken.
        if pending == Pending::AtmLocation && crate::place_shape::only_thanks(text) {
            state.pending = None;
            state.turn_intent = Some(IntentId::Thanks);
            small_talk::thanks(ctx);
            return Ok(());
        }
        let open_question = matches!(pending, Pending::AtmLocation | Pending::CardChoice);
        // "oberkampf stp", "a lyon svp" to "where are you?": a place signed off politely,
        // not a yes.
        let signed_place = pending == Pending::AtmLocation && {
            let bare = crate::place_text::without_opening(text);
            bare != text.trim() && !bare.is_empty() && words::yes_no(bare).is_none()
        };
        let said = if signed_place {
            None
        } else {
            words::yes_no(text)
        };
        // "wait is my visa locked too" to "which card?": that card's state, the choice kept.
        if pending == Pending::CardChoice
            && card_status::asks(text)
            && let Some(credential) = ctx.customer
        {
            state.turn_intent = Some(IntentId::CardLock);
            card_status::answer(ctx, credential, parsed.slots.account_type, false).await?;
            return cards::handle(ctx, state, credential, None).await;
        }
        match (open_question, said) {
            (true, Some(false)) => {
                if pending == Pending::CardChoice {
                    state.turn_intent = Some(IntentId::CardLock);
                }
                state.pending = None;
                ctx.say(Msg::Okay);
                return Ok(());
            }
            // "yes" to "which card?" or "where are you?": ask again rather than fall through.
            (true, Some(true)) => {
                return match (&pending, ctx.customer) {
                    (Pending::CardChoice, Some(credential)) => {
                        state.turn_intent = Some(IntentId::CardLock);
                        if cards::chosen_with_yes(ctx, state, credential, text).await? {
                            return Ok(());
                        }
                        // "Y", "yeah": which one is still to say, and how.
                        ctx.say(Msg::CardChooseHow);
                        cards::handle(ctx, state, credential, None).await
                    }
                    _ => {
                        state.turn_intent = Some(IntentId::AtmNearby);
                        atm::handle(ctx, state, "", None).await
                    }
                };
            }
            _ => {}
        }
        // "la visa", "ma débit", "la cb" to "which card?" or "lock your Visa?".
        if matches!(
            pending,
            Pending::CardChoice | Pending::CardLockConfirm { .. }
        ) && let Some(credential) = ctx.customer
            && !card_status::asks(text)
            && let Some(named) = cards::named_in(ctx, credential, text).await?
        {
            return crate::intents::card_named::answer(
                ctx, state, credential, &pending, named, text,
            )
            .await;
        }
        match pending {
            // "où ça ?" to "where are you?": the question again, still open.
            Pending::AtmLocation if crate::place_text::asks_back(text) => {
                state.turn_intent = Some(IntentId::AtmNearby);
                ctx.say(Msg::AtmAsk);
                return Ok(());
            }
            // "my car", "right here", "near me": still no place, said how to give one.
            Pending::AtmLocation if crate::place_text::names_no_place(text) => {
                state.turn_intent = Some(IntentId::AtmNearby);
                ctx.say(Msg::AtmPlaceNeeded);
                return Ok(());
            }
            Pending::AtmLocation => {
                let other_intent = confident && parsed.intent != IntentId::AtmNearby;
                // A place is a few words or is read as one; a sentence that names none
                // ("actually no dont lock it, i found it") is another request: the
                // question is dropped and the message read as usual.
                let short = text.split_whitespace().count() <= MAX_BARE_PLACE_WORDS;
                // "order a new pin", "increase my limit": a request the bot cannot do is
                // no place either.
                let cannot_do = cues::unsupported(text).is_some();
                // "need cash b4 shift", "any fee?", "ouvert la nuit ?": a sentence, no place.
                let place_like = crate::place_shape::may_be_place(text, false);
                // "ouvert la nuit ?", "any 24/7 ones?", "need cash b4 shift": cash or a kind
                // of machine asked for, still no place: the question again.
                if !place_like
                    && parsed.slots.location.is_none()
                    && (atm::names_filter(text) || crate::place_shape::wants_cash(text))
                {
                    state.turn_intent = Some(IntentId::AtmNearby);
                    return atm::handle(ctx, state, text, None).await;
                }
                // "La Défense, 92400 Courbevoie", "a marseille gros": the whole answer, when
                // the geocoder knows it, before the engine's piece of it ("92400").
                if !cannot_do
                    && short
                    && !other_intent
                    && parsed
                        .slots
                        .location
                        .as_deref()
                        .is_some_and(|l| l.trim() != text.trim())
                    && atm::search_if_known(ctx, state, text, atm::Shorter::NotTried, text).await?
                {
                    state.turn_intent = Some(IntentId::AtmNearby);
                    return Ok(());
                }
                if !cannot_do
                    && (parsed.slots.location.is_some() || (!other_intent && short && place_like))
                {
                    let place = parsed.slots.location.as_deref().unwrap_or(text).trim();
                    if !place.is_empty() {
                        state.turn_intent = Some(IntentId::AtmNearby);
                        return atm::search_place(ctx, state, place, text).await;
                    }
                }
                // "im at union square in san francisco", "soho thx": a known place in a
                // longer answer, or one the engine took for thanks.
                if !cannot_do
                    && let Some(place) = crate::place_scan::known_place(ctx, text).await?
                    && atm::search_exact(ctx, state, &place, text).await?
                {
                    state.turn_intent = Some(IntentId::AtmNearby);
                    return Ok(());
                }
                state.pending = None;
            }
            // "both", "les deux", "all of them" to "which card?".
            Pending::CardChoice
                if crate::intents::lock_all::answers_every_card(text) && ctx.customer.is_some() =>
            {
                if let Some(credential) = ctx.customer {
                    state.turn_intent = Some(IntentId::CardLock);
                    return crate::intents::lock_all::confirm(ctx, state, credential).await;
                }
            }
            Pending::CardChoice => {
                if let (Some(credential), false) = (ctx.customer, confident)
                    && cards::chosen_by_text(ctx, state, credential, text).await?
                {
                    return Ok(());
                }
            }
            // "can you lock both" to the offer: every card, confirmed once.
            Pending::LockOffer
                if crate::intents::lock_all::names_every_card(text) && ctx.customer.is_some() =>
            {
                if let Some(credential) = ctx.customer {
                    state.turn_intent = Some(IntentId::CardLock);
                    return crate::intents::lock_all::confirm(ctx, state, credential).await;
                }
            }
            // "i gave it to them", "trop tard je lui ai donné" to the offer made after a scam
            // warning or a fraud report: the card compromised, its lock asked at once.
            Pending::LockOffer
                if crate::intents::compromised::told_in_reply(text) && ctx.customer.is_some() =>
            {
                state.pending = None;
                return crate::intents::compromised::answer(ctx, state, text).await;
            }
            // "ouais bloque-la" to the offer: the order is the confirmation.
            Pending::LockOffer
                if crate::intents::lock_order::agrees(text) && ctx.customer.is_some() =>
            {
                if let Some(credential) = ctx.customer {
                    state.turn_intent = Some(IntentId::CardLock);
                    // "found it" next is about the card just locked.
                    state.last_intent = Some(IntentId::CardLock);
                    let kind = match parsed.slots.account_type {
                        Some(kind) => Some(kind),
                        None => fraud::disputed_card(ctx, state, credential).await?,
                    };
                    return crate::intents::lock_order::lock_now(ctx, state, credential, kind)
                        .await;
                }
            }
            // "on the visa", "it was my debit card" to the offer: lock that card, once confirmed.
            Pending::LockOffer
                if parsed.slots.account_type.is_some()
                    && !crate::intents::scam_checks::asks_more(text)
                    && (Slots {
                        account_type: None,
                        ..parsed.slots.clone()
                    })
                    .is_empty()
                    && !matches!(parsed.intent, IntentId::Balance | IntentId::Transactions)
                    || (parsed.slots.account_type.is_some()
                        && !confident
                        && !crate::intents::scam_checks::asks_more(text)) =>
            {
                if let Some(credential) = ctx.customer {
                    state.turn_intent = Some(IntentId::CardLock);
                    return cards::handle(ctx, state, credential, parsed.slots.account_type).await;
                }
            }
            // "what do I do?" to the offer: the offer again, with its choices.
            // ("whats that 23.50 one" asks about a payment listed, not about the offer.)
            Pending::LockOffer
                if (parsed.intent == IntentId::Help
                    || cues::asks_what_it_does(text)
                    || cues::asks_what_to_do(text))
                    && parsed.slots.merchant.is_none()
                    && crate::intents::exact_amount::asked(text).is_none() =>
            {
                state.turn_intent = Some(IntentId::ReportFraud);
                fraud::handle(ctx, state);
                return Ok(());
            }
            // "should I lock my card", « je dois la bloquer » to the offer: the lock asked
            // for that card, confirmed first (never done on a question; blind round 14b).
            Pending::LockOffer
                if crate::intents::lock_order::asks_advice(text) && ctx.customer.is_some() =>
            {
                if let Some(credential) = ctx.customer {
                    state.turn_intent = Some(IntentId::CardLock);
                    let kind = match parsed.slots.account_type {
                        Some(kind) => Some(kind),
                        None => fraud::disputed_card(ctx, state, credential).await?,
                    };
                    return cards::handle(ctx, state, credential, kind).await;
                }
            }
            // "Correct, merci ben", "ok thanks" to the offer: thanks for it, not the go-ahead;
            // asked again plainly (blind round 14b locked on it).
            Pending::LockOffer
                if (words::thanks_without_yes(text)
                    || crate::intents::lock_reply::only_satisfied(text))
                    && words::yes_no(text) != Some(false) =>
            {
                state.turn_intent = Some(IntentId::CardLock);
                state.pending = Some(Pending::LockOffer);
                let choices = ctx.yes_no();
                ctx.ask(Msg::LockOfferReask, choices);
                return Ok(());
            }
            // "Yes that one, I never order that" to the offer: the payment disowned after the
            // yes, the lock taken.
            Pending::LockOffer if crate::intents::lock_reply::yes_disowning(text) => {
                return answer(ctx, state, true).await;
            }
            // "Oui that one. C'est pour quoi ?": a question before the go-ahead; nothing locked.
            Pending::LockOffer if crate::intents::lock_reply::yes_with_question(text) => {}
            // An offer: a yes takes it, anything else moves on.
            // "en fait non laisse-la" just after an alert was switched: put it back.
            Pending::AlertUndo { alert, on } if alerts::takes_back(text) => {
                state.turn_intent = Some(IntentId::ManageAlerts);
                alerts::set(ctx, state, alert, on);
                state.pending = None;
                return Ok(());
            }
            Pending::AlertUndo { .. } => {}
            // "all of them" to "switch off all your alerts?": the yes.
            // "both", « les deux » to two alerts offered at once: the yes.
            Pending::AlertsAllOff | Pending::AlertSwitch { also: Some(_), .. }
                if words::says_all(text) =>
            {
                return answer(ctx, state, true).await;
            }
            Pending::LockOffer | Pending::AlertSwitch { .. } | Pending::AlertsAllOff => {
                if let Some(yes) = words::yes_no(text)
                    && (!confident || yes || words::bare_yes_no(text).is_some())
                {
                    return answer(ctx, state, yes).await;
                }
            }
            Pending::CardLockConfirm { .. }
            | Pending::CardUnlockConfirm { .. }
            | Pending::CardLockConfirmAll { .. }
            | Pending::UnlinkConfirm
            | Pending::DeleteConfirm => {
                // "wait actually whats my balance", "no wait how much did i spend" to "delete
                // everything?" or "lock your visa?": no (the safe answer), then the request.
                let other_request = confident
                    && !matches!(
                        parsed.intent,
                        IntentId::OutOfScope
                            | IntentId::Help
                            | IntentId::Greeting
                            | IntentId::Thanks
                            | IntentId::Goodbye
                    )
                    && parsed.intent != pending_intent(&pending)
                    && words::names_a_request(text)
                    && !cues::asks_what_it_does(text);
                // To a lock, the request is answered and the lock is recalled after it ("your
                // Visa is NOT locked yet: lock it now?", lock_reminder) rather than refused:
                // "ya eu des achats que j'ai pas faits ?" right after a theft is no "no".
                let lock_pending = matches!(
                    pending,
                    Pending::CardLockConfirm { .. } | Pending::CardLockConfirmAll { .. }
                );
                // "désactive-la", "vous pouvez la bloquer ?": the lock asked for is a yes.
                if lock_pending && crate::intents::lock_order::agrees(text) {
                    return answer(ctx, state, true).await;
                }
                // "je lui ai déjà donné le code": compromised, and the lock still asked.
                if lock_pending && crate::intents::compromised::told(text) {
                    return crate::intents::compromised::answer(ctx, state, text).await;
                }
                // "did they already use it?": the card's latest payments, then the lock
                // recalled (lock_reminder).
                if lock_pending
                    && crate::intents::lock_question::asks(text)
                    && crate::intents::lock_question::asks_used(text)
                    && let Some(credential) = ctx.customer
                {
                    let card = match &pending {
                        Pending::CardLockConfirm { card } => Some(card.clone()),
                        _ => None,
                    };
                    state.pending = None;
                    return crate::intents::lock_question::recent_uses(
                        ctx,
                        state,
                        credential,
                        card.as_ref(),
                        None,
                        &parsed.slots,
                    )
                    .await;
                }
                // "will that lock my cards?" to "erase everything?": answered (cards and
                // accounts untouched), and the question stays open for a "go ahead".
                if matches!(pending, Pending::DeleteConfirm | Pending::UnlinkConfirm)
                    && crate::intents::erase_how::asks_effect(text)
                    && crate::intents::erase_how::no_plain_answer(text)
                {
                    let unlink = matches!(pending, Pending::UnlinkConfirm);
                    crate::intents::erase_how::answer_effect(ctx, unlink);
                    return Ok(());
                }
                // "d'accord merci", "ok thanks" to "erase everything?": thanks for what was
                // explained, not the erase; asked again plainly.
                if matches!(pending, Pending::DeleteConfirm | Pending::UnlinkConfirm)
                    && words::thanks_without_yes(text)
                    && words::yes_no(text) != Some(false)
                {
                    let choices = ctx.yes_no();
                    ctx.ask(Msg::ConfirmReask, choices);
                    return Ok(());
                }
                // "attends... non c bon elle etait dans la voiture, bloque pas": a lock
                // refused in so many words is a no, whatever else the message holds.
                if lock_pending
                    && (crate::intents::taken_back::lock_not_wanted(text)
                        || crate::intents::taken_back::lock_refused(text))
                {
                    return answer(ctx, state, false).await;
                }
                match words::yes_no(text) {
                    Some(true) => return answer(ctx, state, true).await,
                    _ if other_request && !lock_pending => answer(ctx, state, false).await?,
                    Some(false) => return answer(ctx, state, false).await,
                    None => {}
                }
                // "the visa first" to "lock all your cards?": that card, confirmed alone.
                if matches!(pending, Pending::CardLockConfirmAll { .. })
                    && let Some(credential) = ctx.customer
                    && cards::chosen_by_text(ctx, state, credential, text).await?
                {
                    state.turn_intent = Some(IntentId::CardLock);
                    return Ok(());
                }
                // "what happens if I do?": explain, and the question stays open.
                if cues::asks_what_it_does(text) || parsed.intent == IntentId::Help {
                    let explain = match pending {
                        Pending::UnlinkConfirm => Msg::ExplainUnlink,
                        Pending::DeleteConfirm => Msg::ExplainDelete,
                        _ => Msg::ExplainLock,
                    };
                    let choices = ctx.yes_no();
                    ctx.ask(explain, choices);
                    return Ok(());
                }
                // Unclear, and no new request in it: ask again. "euh combien sur mon compte"
                // asks something else, and the question is dropped.
                // A question ("et comment j'en aurai une nouvelle") is answered below, and a
                // lock recalled after it.
                let asks_about_lock = lock_pending && crate::intents::lock_question::asks(text);
                if !confident
                    && !words::names_a_request(text)
                    && crate::intents::refund::asks(text).is_none()
                    && !asks_about_lock
                {
                    let choices = ctx.yes_no();
                    ctx.ask(Msg::ConfirmReask, choices);
                    return Ok(());
                }
            }
        }
        // Something else was asked: the question is dropped.
        state.pending = None;
    }
    // "how do i delete my data?", "difference between unlink and delete?": what each
    // removes, and a button to do it; never the confirmation as the first answer.
    if let Some(ask) = crate::intents::erase_how::asked(text) {
        state.pending = None;
        state.turn_intent = Some(IntentId::PrivacyInfo);
        crate::intents::erase_how::answer(ctx, ask);
        return Ok(());
    }
    // "has it been done?" with nothing held at all (just after an erase): nothing is kept.
    if crate::intents::nothing_held::asks(ctx, state, text) {
        state.turn_intent = Some(IntentId::PrivacyInfo);
        ctx.say(Msg::Privacy(crate::catalog::PrivacyMsg::NothingHeld));
        return Ok(());
    }
    // "the visa" just after "None of your cards is locked": that card's unlock.
    if let Some(credential) = ctx.customer
        && crate::intents::lock_next::unlock_next(ctx, state, credential, text).await?
    {
        return Ok(());
    }
    // "and the visa too" just after a lock: that card's lock asked.
    if crate::intents::lock_next::follows_a_lock(state)
        && let Some(credential) = ctx.customer
        && crate::intents::lock_next::answer(ctx, state, credential, text).await?
    {
        return Ok(());
    }
    // "will they be able to use it now?", "what do i do now?" just after a lock.
    if state.pending.is_none()
        && state.last_intent == Some(IntentId::CardLock)
        && let Some(asked) = crate::intents::after_lock::asked(text)
        && let Some(credential) = ctx.customer
        && crate::intents::after_lock::answer(ctx, state, credential, asked).await?
    {
        return Ok(());
    }
    // A card given away, a scammer's words, a lock in other words, a reaction (card_safety).
    if crate::intents::card_safety::route(ctx, state, text, parsed, confident).await? {
        return Ok(());
    }
    // "pas autre chose en octobre ?" after the rent: the period's other operations, or no.
    if crate::intents::anything_else::asks(text, state, &parsed.slots)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        return crate::intents::anything_else::answer(ctx, state, credential, &parsed.slots, text)
            .await;
    }
    // "which ones are free?" after cash machines, "any fee-free atm": no fee data, said so.
    // "any charges above $100 in november" is about payments: amounts, dates or a merchant.
    if (Slots {
        location: None,
        ..parsed.slots.clone()
    })
    .is_empty()
        && crate::intents::atm_fees::asks(text, state.last_intent == Some(IntentId::AtmNearby))
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::AtmNearby);
        ctx.say(Msg::AtmFeesUnknown);
        // "any fee-free atm near 94105": the machines there all the same.
        if let Some(place) = parsed.slots.location.as_deref() {
            return atm::search_place(ctx, state, place, text).await;
        }
        return Ok(());
    }
    // "cancel it" after Netflix's payments (or any payments shown): a subscription the bot
    // cannot stop, with the merchant the way to, and the lock if the payment is not theirs.
    let after_merchant = matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    );
    if cancel::asks(text, after_merchant) {
        state.pending = None;
        state.more = None;
        small_talk::unsupported(ctx, cues::Unsupported::Subscription);
        if ctx.customer.is_some() {
            let choices = vec![ctx.intent_choice(Msg::LabelLockCard, IntentId::CardLock)];
            ctx.ask(Msg::CancelWithMerchant, choices);
        }
        state.said_cannot = true;
        return Ok(());
    }
    // "are both locked now?", "r my cards blocked": every card's state, one by one.
    if crate::intents::lock_check::asks_every_card(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        return card_status::answer(ctx, credential, None, false).await;
    }
    // "did it work?", "c'est bon ?" just after a card was locked or unlocked: its state now.
    if state.last_intent == Some(IntentId::CardLock)
        && parsed.slots.is_empty()
        && crate::intents::lock_check::asks(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        let kind = state.last_slots.account_type;
        return card_status::answer(ctx, credential, kind, false).await;
    }
    // "ok et si je la retrouve demain ?" after a lock: its state, and how to unlock it here.
    if state.last_intent == Some(IntentId::CardLock)
        && card_status::asks_if_found(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        let kind = state.last_slots.account_type;
        return card_status::answer(ctx, credential, kind, false).await;
    }
    // A bare yes or no is never a goodbye, even when the engine is sure it is.
    // One that names something ("n groceries?", "nah, october") is a follow-up instead.
    let names_something = parsed.slots.category.is_some()
        || parsed.slots.merchant.is_some()
        || parsed.slots.date_from.is_some()
        || parsed.slots.account_type.is_some()
        || parsed.slots.location.is_some()
        // "no, under 20" after payments over 100: a correction of the bound, not a "no".
        || parsed.slots.amount_min.is_some()
        || parsed.slots.amount_max.is_some()
        || (state.last_intent == Some(IntentId::Balance) && !cues::last_digits(text).is_empty());
    // "je reste avec le bot" after a person was offered: stay, briefly.
    if crate::intents::stay_with_bot::stays(text) {
        state.pending = None;
        state.misses = 0;
        ctx.say(Msg::StayWithBot);
        return Ok(());
    }
    // « différence avec le solde comptable ? »: the two balances explained.
    if crate::intents::balance_kinds::asks(text) {
        state.pending = None;
        state.turn_intent = Some(IntentId::Balance);
        ctx.say(Msg::BalanceKinds);
        return Ok(());
    }
    // « chaque jour mon solde », "my balance every morning": the balance-update alert,
    // offered (switched only on a yes), not today's balances.
    if crate::intents::daily_balance::asks(text) {
        state.pending = None;
        return intent_turn(ctx, state, IntentId::ManageAlerts, &Slots::default(), text).await;
    }
    // "que Dieu vous garde", "c'est très clair", « où ça ? quand ? »: courtesy and reactions
    // stay courtesy (never the privacy notice their "garde" or "clair" lean to).
    if let Some(kind) = crate::intents::courtesy_only::read(text) {
        use crate::intents::courtesy_only::Courtesy;
        state.pending = None;
        state.turn_intent = Some(IntentId::Thanks);
        ctx.say(match kind {
            Courtesy::Blessing => Msg::Blessed,
            Courtesy::Understood => Msg::Understood,
            Courtesy::WhereWhen => Msg::WhereWhenOfWhat,
        });
        return Ok(());
    }
    // "merci, bonne soirée": a wish for the rest of the day is a goodbye.
    if (crate::intents::farewell_wish::wishes(text) || crate::intents::closing::closes(text))
        && !names_something
        && parsed.intent != IntentId::AtmNearby
    {
        state.pending = None;
        state.more = None;
        return intent_turn(ctx, state, IntentId::Goodbye, &parsed.slots, text).await;
    }
    // "ok et à paris ?", "and what about london" after cash machines: the same search there,
    // when the geocoder knows the place (not an "ok").
    if state.last_intent == Some(IntentId::AtmNearby)
        && let Some(spot) = crate::place_text::follow_up_spot(text)
        && atm::search_if_known(ctx, state, &spot, atm::Shorter::Tried, text).await?
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        return Ok(());
    }
    // "ou est le atm plus proche de gare du nord", "guichet mile end", "distrib paris 11e":
    // cash-machine words and a place the engine did not place: the search there, when the
    // geocoder knows the place (else the message is read as usual).
    if (parsed.intent == IntentId::OutOfScope || !confident)
        && crate::intents::atm_place_guess::names_atm(text)
        && let Some(place) = parsed
            .slots
            .location
            .clone()
            .or_else(|| crate::intents::atm_place_guess::remainder(text))
        && atm::search_if_known(ctx, state, &place, atm::Shorter::Tried, text).await?
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        return Ok(());
    }
    // "i want to deposit money", "where can i pay in cash": the cash machines that take
    // deposits, where the customer is (asked when not named).
    if crate::intents::cash_deposit::asks(text)
        && parsed.slots.date_from.is_none()
        && parsed.slots.merchant.is_none()
        && cues::unsupported(text).is_none()
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        if parsed.slots.location.is_none()
            && let Some(place) = crate::intents::cash_deposit::place_named(text)
            && atm::search_if_known(ctx, state, &place, atm::Shorter::Tried, text).await?
        {
            return Ok(());
        }
        let place = parsed.slots.location.clone();
        return atm::handle(ctx, state, text, place.as_deref()).await;
    }
    // "c bon elle est bien bloquée ?" asks the card's state: not a bare yes.
    // "fais le total stp" after a listing is the total, not a "yes".
    let asks_listed_total = crate::intents::listed_total::after_undated_listing(state)
        && crate::intents::listed_total::asks(text);
    // "lol ok ty", "yep cheers mate" with nothing asked: thanks, not a "yes" wanting more.
    if state.pending.is_none() && crate::place_shape::only_thanks(text) {
        state.misses = 0;
        state.turn_intent = Some(IntentId::Thanks);
        small_talk::thanks(ctx);
        return Ok(());
    }
    if (!confident || parsed.intent == IntentId::Goodbye)
        && !names_something
        && !card_status::asks(text)
        && !asks_listed_total
        // "la répartition stp" after a total: the split, not a "yes".
        && !crate::breakdown::asks(text)
        // "levez le blocage svp": the unlock asked, not a "yes".
        && !crate::intents::lock_order::requests_unlock(text)
        // "and my pin i have forget it": a PIN forgotten, not "forget it".
        && cues::unsupported(text) != Some(cues::Unsupported::Pin)
        && let Some(yes) = words::bare_yes_no(text)
    {
        return answer(ctx, state, yes).await;
    }
    if (words::show_more(text) || crate::casual::asks_if_all(text))
        && (state.more.is_some() || state.last_intent == Some(IntentId::Transactions))
    {
        state.turn_intent = Some(IntentId::Transactions);
        return match ctx.customer {
            Some(credential) => transactions::more(ctx, state, credential).await,
            None => link_needed(ctx),
        };
    }
    // "Hello again … I spoke to you yesterday": a returning customer greeting, nothing asked.
    if crate::intents::greeting_back::greets_back(text)
        && !words::names_a_request(text)
        && !scam::reported(text)
        && (!confident
            || matches!(
                parsed.intent,
                IntentId::Greeting | IntentId::Help | IntentId::PrivacyInfo | IntentId::DataAccess
            ))
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::Greeting);
        small_talk::greeting(ctx, text);
        return Ok(());
    }
    // "how r u", "hows it going": a short friendly answer.
    // ("today" in "how are you doing today" is no request.)
    if crate::intents::how_are_you::asks(text)
        && parsed.slots.merchant.is_none()
        && parsed.slots.category.is_none()
        && parsed.slots.account_type.is_none()
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::Greeting);
        small_talk::how_are_you(ctx);
        return Ok(());
    }
    // "what have you shown me in the past 30 days": what is kept, with what was shown.
    if crate::intents::access::asks_shown(text) {
        state.pending = None;
        return intent_turn(ctx, state, IntentId::DataAccess, &Slots::default(), text).await;
    }
    // "how long do you keep my chats": the retention of the conversation itself.
    if crate::intents::retention::asks(text)
        && matches!(
            parsed.intent,
            IntentId::PrivacyInfo | IntentId::DataAccess | IntentId::OutOfScope
        )
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::PrivacyInfo);
        crate::intents::retention::answer(ctx);
        return Ok(());
    }
    // "my card is damaged", "je fais comment pour en avoir une nouvelle": where to get a new
    // card (never a lock started unasked); lost and a new one wanted: the lock offered too.
    if let Some(what) = crate::intents::card_replace::asked(text) {
        crate::intents::card_replace::answer(ctx, state, what);
        return Ok(());
    }
    // "non lé pa moin" (Réunion: not me), "c pa moi" just after payments were listed: the
    // payment is disowned, the fraud path (never an "okay" nor "didn't get that").
    if state.last_intent == Some(IntentId::Transactions)
        && text.split_whitespace().count() <= 6
        && crate::intents::named_charge::disowns(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::ReportFraud);
        if !fraud::already_locked(ctx, credential, None).await? {
            fraud::handle(ctx, state);
        }
        return Ok(());
    }
    // "wsh", "t'es là ?", "tkt", "oklm", "jsp": a hello, a no-worries, an "I don't know".
    if let Some(slang) = crate::intents::slang_turn::read(text) {
        use crate::intents::slang_turn::Slang;
        state.pending = None;
        match slang {
            Slang::Hello => {
                state.turn_intent = Some(IntentId::Greeting);
                small_talk::greeting(ctx, text);
            }
            Slang::Calm => ctx.say(Msg::Okay),
            Slang::DontKnow => {
                state.turn_intent = Some(IntentId::Help);
                small_talk::help(ctx);
            }
        }
        return Ok(());
    }
    // "c'est moi qui ai payé" just after a payment was shown or reported: nothing to do.
    if matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::ReportFraud)
    ) && crate::intents::stand_down::charge_is_mine(text)
    {
        state.more = None;
        ctx.say(Msg::ChargeYours);
        return Ok(());
    }
    // "is this chat safe? could the person who stole my identity see…": the chat's safety,
    // not whether a person is behind it.
    let chat_safety = matches!(
        crate::privacy_question::read(text),
        Some(crate::privacy_question::PrivacyQuestion::Safe)
            | Some(crate::privacy_question::PrivacyQuestion::WhoReads)
            | Some(crate::privacy_question::PrivacyQuestion::HumanReads)
    );
    if !chat_safety
        && let Some(asked) = crate::intents::bot_identity::asked(text, cues::asks_if_bot(text))
    {
        state.pending = None;
        small_talk::bot_question(ctx, asked);
        return Ok(());
    }
    // "speak with someone about my late wife's account": condolences and the bank's contact.
    // "please revert", "undo that": what can be undone, never an action guessed.
    if crate::place_text::asks_undo(text) {
        ctx.say(Msg::UndoWhat);
        return Ok(());
    }
    if crate::intents::bereaved::told(text) {
        crate::intents::bereaved::answer(ctx, state);
        return Ok(());
    }
    // "my wife used to do all this, i dont know how any of it works", "I'm 80 and new to
    // this": how to ask and what the bot does, in a few warm words.
    // ("she did it all last year" names a time, not a request.)
    if crate::intents::newcomer::told(text)
        && (Slots {
            date_from: None,
            date_to: None,
            ..parsed.slots.clone()
        })
        .is_empty()
    {
        crate::intents::newcomer::answer(ctx, state, text);
        return Ok(());
    }
    // "what's bob's balance? he's my brother": only the customer's own accounts.
    if crate::intents::others_data::asked(text) {
        crate::intents::others_data::answer(ctx, state);
        return Ok(());
    }
    // "SMS de la banque qui me demande mon code c'est normal ??": no, never; then the offer.
    // "got a text saying my account is locked, click a link, is that you": no, don't click.
    if crate::intents::phishing_link::told(text) && !crate::intents::phishing::asked(text) {
        crate::intents::phishing_link::answer(ctx, state);
        return Ok(());
    }
    // "did anyone else log in to my account", "has my address been changed": not seen here.
    if crate::intents::account_watch::asks(text) {
        crate::intents::account_watch::answer(ctx, state);
        return Ok(());
    }
    if crate::intents::phishing::asked(text) {
        state.more = None;
        crate::intents::phishing::answer(ctx, state);
        return Ok(());
    }
    // "any charges today i dont recognize": those payments, then the offer to lock or to
    // reach a person.
    // "est-ce que quelqu'un a pu s'en servir ?" after a lost card: the same.
    if (crate::intents::scam_checks::asks_unrecognised(text)
        || crate::intents::scam_checks::asks_someone_used(text))
        && let Some(credential) = ctx.customer
    {
        state.turn_intent = Some(IntentId::Transactions);
        state.pending = None;
        let slots = parsed.slots.clone();
        transactions::handle(ctx, state, credential, &slots, cues::Ask::Plain, true).await?;
        state.last_intent = Some(IntentId::Transactions);
        state.last_slots = slots;
        if !fraud::already_locked(ctx, credential, None).await? {
            fraud::review_offer(ctx, state);
        }
        return Ok(());
    }
    // "someone took money at the ATM since yesterday ??": what went out since then, then
    // the offer to lock the card and how to report.
    if crate::intents::fraud_period::asks(text, parsed)
        && let Some(credential) = ctx.customer
    {
        return crate::intents::fraud_period::answer(ctx, state, credential, &parsed.slots, text)
            .await;
    }
    // "is my savings safe?", "is my money still there" (no scam told): the money and what
    // moved lately, not the privacy policy.
    if crate::intents::scam_checks::asks_money_safe(text)
        && !scam::reported(text)
        && !matches!(parsed.intent, IntentId::ReportFraud)
        && let Some(credential) = ctx.customer
    {
        state.turn_intent = Some(IntentId::Balance);
        state.pending = None;
        // "and is that money safe?" after the savings balance: that account.
        let kind = parsed.slots.account_type.or_else(|| {
            (state.last_intent == Some(IntentId::Balance)
                && crate::intents::scam_checks::refers_back(text))
            .then_some(state.last_slots.account_type)
            .flatten()
        });
        ctx.say(Msg::MoneySafeLead);
        crate::intents::scam_checks::reassure(ctx, state, credential, kind, text).await?;
        state.last_intent = Some(IntentId::Balance);
        state.last_slots = Slots {
            account_type: kind,
            ..Slots::default()
        };
        // Savings has no card to lock.
        if kind != Some(bankbot_core::AccountKind::Savings)
            && !fraud::already_locked(ctx, credential, None).await?
        {
            fraud::review_offer(ctx, state);
        }
        return Ok(());
    }
    // "a text asked for my PIN, what should I do?": a scam to report, not a PIN request.
    if scam::reported(text) {
        return intent_turn(ctx, state, IntentId::ReportFraud, &parsed.slots, text).await;
    }
    // "what came in vs went out", "le virement de la CAF est tombé ?", "dernier retrait",
    // "le loyer il passe quand ?": read from their words, whatever the engine leaned to.
    if crate::intents::flow_questions::answered(ctx, state, text, parsed).await? {
        return Ok(());
    }
    // "who is that parkview charge": that merchant's payments, not a fraud report; "what
    // is this shell 50": nor the list of what the bot can do.
    if parsed.slots.merchant.is_some()
        && matches!(
            parsed.intent,
            IntentId::ReportFraud | IntentId::OutOfScope | IntentId::PrivacyInfo | IntentId::Help
        )
        && crate::intents::named_charge::asks(text)
    {
        return intent_turn(ctx, state, IntentId::Transactions, &parsed.slots, text).await;
    }
    // "what about that shell 50 dollars, i didnt go to shell today": that merchant's
    // payments, then the offer to lock the card or reach a person.
    if parsed.slots.merchant.is_some()
        && matches!(
            parsed.intent,
            IntentId::Transactions | IntentId::OutOfScope | IntentId::SpendingSummary
        )
        && crate::intents::named_charge::disowns(text)
        && let Some(credential) = ctx.customer
    {
        state.turn_intent = Some(IntentId::Transactions);
        state.pending = None;
        let slots = Slots {
            merchant: parsed.slots.merchant.clone(),
            date_from: parsed.slots.date_from,
            date_to: parsed.slots.date_to,
            account_type: parsed.slots.account_type,
            ..Slots::default()
        };
        transactions::handle(ctx, state, credential, &slots, cues::Ask::Plain, true).await?;
        state.last_intent = Some(IntentId::Transactions);
        state.last_slots = slots;
        if !fraud::already_locked(ctx, credential, parsed.slots.account_type).await? {
            fraud::review_offer(ctx, state);
        }
        return Ok(());
    }
    // "ça fait combien en tout ?" after an undated listing: the total of what was listed.
    if crate::intents::listed_total::after_undated_listing(state)
        && parsed.slots.date_from.is_none()
        && parsed.slots.date_to.is_none()
        && crate::intents::listed_total::asks(text)
        && let Some(credential) = ctx.customer
    {
        return crate::intents::listed_total::answer(ctx, state, credential).await;
    }
    // « combien au total » after « mes opérations d'octobre »: October's spending, with the
    // listing's filters (blind round 14b). "total spending" asks afresh (this month).
    // « et le total ? » after the total over a range: that range's total again.
    if (crate::intents::listed_total::after_dated_listing(state)
        || crate::intents::listed_total::after_dated_total(state))
        && !cues::names_spending(text)
        && parsed.slots.date_from.is_none()
        && parsed.slots.date_to.is_none()
        && parsed.slots.merchant.is_none()
        && crate::intents::listed_total::asks(text)
        && ctx.customer.is_some()
    {
        let slots = Slots {
            count: None,
            ..state.last_slots.clone()
        };
        return intent_turn(ctx, state, IntentId::SpendingSummary, &slots, text).await;
    }
    // "on what?" after a total: the payments behind it.
    if state.last_intent == Some(IntentId::SpendingSummary)
        && parsed.slots.is_empty()
        && what_on::asks(text)
        && let Some(credential) = ctx.customer
    {
        let slots = state.last_slots.clone();
        state.turn_intent = Some(IntentId::Transactions);
        state.pending = None;
        transactions::handle(ctx, state, credential, &slots, cues::Ask::Plain, true).await?;
        state.last_intent = Some(IntentId::Transactions);
        state.last_slots = slots;
        return Ok(());
    }
    // "and the month before that?": the last question over the period before.
    if matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    ) && parsed.slots.date_from.is_none()
        && let Some(step) = shift::asks(text).or_else(|| {
            // « et celle d'avant ? » after last week's total: the week before.
            (state.last_intent == Some(IntentId::SpendingSummary) && previous::asks(text))
                .then(|| shift::span_of(&state.last_slots))
                .flatten()
        })
        && let Some(slots) = shift::back(&state.last_slots, step, ctx.services.clock.today())
    {
        let last = state.last_intent.unwrap_or(IntentId::SpendingSummary);
        return intent_turn(ctx, state, last, &slots, text).await;
    }
    // "and the one before?" after a listing: the next older item of that search.
    if state.last_intent == Some(IntentId::Transactions)
        && (Slots {
            count: None,
            ..parsed.slots.clone()
        })
        .is_empty()
        && previous::asks(text)
        && let Some(credential) = ctx.customer
    {
        let last = state.last_slots.clone();
        state.turn_intent = Some(IntentId::Transactions);
        state.pending = None;
        state.last_slots = previous::answer(ctx, state, credential, &last).await?;
        return Ok(());
    }
    // "je peux être prévenue quand mon compte passe sous 100 €", "text me when my balance
    // drops below 50": the alert, never a transfer refusal or a list of payments.
    if crate::intents::alerts::asked_plainly(text) && ctx.customer.is_some() {
        return intent_turn(ctx, state, IntentId::ManageAlerts, &Slots::default(), text).await;
    }
    // "can i afford a 300 dollar flight", "la cantine c'est 85, ça passe ?", "will i make
    // it to payday": what can be spent now, against the amount (never a bill to pay here,
    // a search for that amount or a spending total).
    // "Is that before or after the gas I bought this morning?" just after a balance: what
    // the current and available balances count, then the pending payments.
    if state.last_intent == Some(IntentId::Balance)
        && crate::intents::pending_included::asked(text)
        && ctx.customer.is_some()
    {
        ctx.say(Msg::BalanceCountsPending);
        return intent_turn(
            ctx,
            state,
            IntentId::Transactions,
            &Slots::default(),
            "pending transactions",
        )
        .await;
    }
    // "balance after rent comes out", « il me restera combien après le loyer »: what can be
    // spent now less the usual rent.
    if crate::intents::after_rent::asked(text)
        && let Some(credential) = ctx.customer
    {
        return crate::intents::after_rent::answer(ctx, state, credential, text).await;
    }
    if let Some(asked) = crate::intents::afford::asks(text)
        && let Some(credential) = ctx.customer
    {
        let kind = parsed.slots.account_type;
        return crate::intents::afford::answer(ctx, state, credential, asked, kind).await;
    }
    // "what's your phone number?": how to reach the bank.
    if contact::asks(text) && parsed.intent != IntentId::HumanAgent {
        state.pending = None;
        state.turn_intent = Some(IntentId::HumanAgent);
        contact::answer(ctx);
        return Ok(());
    }
    // "can you unlock it from here?": yes, how, and which card is locked now.
    if crate::intents::unlock_question::asks(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        ctx.say(Msg::UnlockHere);
        return card_status::answer(ctx, credential, parsed.slots.account_type, false).await;
    }
    // "is my card locked?": a question about the card, not an offer to lock it.
    if (card_status::asks(text) || card_status::lists_cards(text))
        && crate::cant_do::asked(text).is_none()
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        let declined = card_status::declined(text);
        // "bloque ma carte elle marche plus": the lock asked for, the failure acknowledged.
        if declined && crate::intents::lock_order::requests(&card_status::without_failure(text)) {
            return cards::handle_order(ctx, state, credential, parsed.slots.account_type, text)
                .await;
        }
        return card_status::answer(ctx, credential, parsed.slots.account_type, declined).await;
    }
    // "ah oui c'est le train. et 41,75 ?" after a list or a total: the last sentence asks
    // about that figure, and the words before it filter nothing.
    let figure_after = matches!(
        state.last_intent,
        Some(IntentId::SpendingSummary | IntentId::Transactions)
    )
    .then(|| crate::intents::figure_asked::in_last_sentence(text))
    .flatten();
    let amount_slots = match figure_after {
        Some(_) => Slots::default(),
        None => parsed.slots.clone(),
    };
    // "j'ai une opé de 45 euros, c'est quoi ?": the operations of exactly that amount.
    // ("the 8765 one" after balances names an account by its digits.)
    if parsed.slots.amount_min.is_none()
        && parsed.slots.amount_max.is_none()
        && (state.last_intent != Some(IntentId::Balance) || cues::last_digits(text).is_empty())
        && let Some(amount) = figure_after
            .or_else(|| crate::intents::exact_amount::asked(text))
            .or_else(|| crate::intents::exact_amount::dated(text, &parsed.slots))
            .or_else(|| {
                // "wat is the 1850?" just after a total or a list, or as a first message
                // ("what's the 950"): that figure's payments ("the -12 on tuesday?": on that
                // day, the figure written as money).
                let undated = Slots {
                    date_from: None,
                    date_to: None,
                    ..parsed.slots.clone()
                };
                (undated.is_empty()
                    && matches!(
                        state.last_intent,
                        Some(IntentId::SpendingSummary | IntentId::Transactions)
                    )
                    || (state.last_intent.is_none()
                        && crate::intents::figure_asked::ends_on_the_figure(text)))
                .then(|| {
                    if parsed.slots.is_empty() {
                        crate::intents::figure_asked::asked(text)
                    } else {
                        crate::intents::figure_asked::asked_as_money(text)
                    }
                })
                .flatten()
            })
            .or_else(|| {
                // "celui de 45 euros" just after a fraud report: that payment, and the
                // offer to lock made again under it (payment_named).
                (state.last_intent == Some(IntentId::ReportFraud))
                    .then(|| crate::intents::exact_amount::pointed(text))
                    .flatten()
            })
        && let Some(credential) = ctx.customer
    {
        let (min, max) = crate::intents::exact_amount::bounds(text, amount);
        let slots = crate::intents::exact_amount::slots(&amount_slots, min, max);
        state.turn_intent = Some(IntentId::Transactions);
        state.pending = None;
        let slots = crate::intents::exact_amount::other_dates(ctx, credential, slots).await?;
        transactions::handle(ctx, state, credential, &slots, cues::Ask::Plain, false).await?;
        state.last_intent = Some(IntentId::Transactions);
        let card = slots.account_type;
        state.last_slots = slots;
        // "the 129.99 amazon one, i didn't buy that": then the offer to lock or report.
        if crate::intents::named_charge::disowns(text)
            && !fraud::already_locked(ctx, credential, card).await?
        {
            fraud::handle(ctx, state);
        }
        return Ok(());
    }
    // "je le récupère comment ?" just after a fraud report or a lock: the refund, not a
    // dispute the bot cannot open nor "didn't get that".
    if matches!(
        state.last_intent,
        Some(IntentId::ReportFraud | IntentId::CardLock)
    ) && (crate::intents::refund::asks_it_back(text)
        || crate::intents::refund::asks_sum_back(text))
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::ReportFraud);
        crate::intents::refund::status(ctx);
        return Ok(());
    }
    // "ils vont me rembourser ?", "j'ai été remboursé par amazon ?": a refund to the
    // customer (the bank decides; what came in), not a transfer or a list.
    if let Some(asked) = crate::intents::refund::asks(text) {
        state.pending = None;
        state.more = None;
        state.turn_intent = Some(IntentId::Transactions);
        return match (asked, ctx.customer) {
            (crate::intents::refund::Refund::Received, Some(credential)) => {
                let merchant = parsed.slots.merchant.clone();
                crate::intents::refund::received(ctx, state, credential, merchant.as_deref()).await
            }
            (crate::intents::refund::Refund::Received, None) => link_needed(ctx),
            (crate::intents::refund::Refund::Status, _) => {
                // Not a list: no lock offered again under it.
                state.turn_intent = Some(IntentId::ReportFraud);
                crate::intents::refund::status(ctx);
                Ok(())
            }
        };
    }
    // "what rate did i get on my foreign purchases": those payments, as charged.
    if crate::exchange::about_own_payments(text)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.more = None;
        state.turn_intent = Some(IntentId::Transactions);
        state.last_intent = Some(IntentId::Transactions);
        state.last_slots = parsed.slots.clone();
        crate::intents::foreign::answer(ctx, credential, &parsed.slots).await?;
        ctx.say(Msg::ExchangeRateNotShown);
        return Ok(());
    }
    if let Some(what) = cues::unsupported(text) {
        state.pending = None;
        state.more = None;
        small_talk::unsupported(ctx, what);
        state.said_cannot = true;
        return Ok(());
    }
    // "did netflix charge me twice?", "anything in foreign currency?": read from the list.
    if let Some(credential) = ctx.customer
        && ((crate::intents::double_charge::asks(text) && !card_status::says_not_working(text))
            || crate::intents::foreign::asks(text))
    {
        state.pending = None;
        state.more = None;
        state.turn_intent = Some(IntentId::Transactions);
        state.last_intent = Some(IntentId::Transactions);
        state.last_slots = parsed.slots.clone();
        return if crate::intents::double_charge::asks(text) {
            crate::intents::double_charge::answer(ctx, credential, &parsed.slots).await
        } else {
            crate::intents::foreign::answer(ctx, credential, &parsed.slots).await
        };
    }
    // "what does pending mean?": the word explained, the pending payments offered.
    if cues::asks_what_pending_means(text) {
        state.turn_intent = Some(IntentId::Transactions);
        let list = ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions);
        ctx.ask(Msg::ExplainPending, vec![list]);
        return Ok(());
    }
    // "il ouvre à quelle heure ?" after cash machines: hours are not known, said so.
    if state.last_intent == Some(IntentId::AtmNearby)
        && parsed.slots.location.is_none()
        && !atm::names_filter(text)
        && crate::intents::atm_hours::asks(text, true)
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        ctx.say(Msg::AtmHoursUnknown);
        return Ok(());
    }
    // "whats up with my acct ending 4321", "the 4321 one": that account, however placed.
    if crate::intents::named_account::misplaced(parsed.intent)
        && let Some(credential) = ctx.customer
        && let Some(kind) = crate::intents::named_account::kind(ctx, credential, text).await?
    {
        let slots = Slots {
            account_type: Some(kind),
            ..parsed.slots.clone()
        };
        let intent = if crate::intents::named_account::asks_activity(text) {
            IntentId::Transactions
        } else {
            IntentId::Balance
        };
        return intent_turn(ctx, state, intent, &slots, text).await;
    }
    // "which of those take deposits?", "any open 24h?": the last ATM search, filtered.
    if state.last_intent == Some(IntentId::AtmNearby)
        && parsed.slots.location.is_none()
        && atm::names_filter(text)
        && let Some(place) = state.last_slots.location.clone()
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        return atm::search_place(ctx, state, &place, text).await;
    }
    // "any open 24/7?" after cash machines were asked for but no place found yet: where.
    if state.last_intent == Some(IntentId::AtmNearby)
        && parsed.slots.location.is_none()
        && atm::names_filter(text)
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        return atm::handle(ctx, state, text, None).await;
    }
    // "this month?", "et ce mois ci ?" after a total: the same question over those days,
    // however sure the engine is that it is a fresh one, when asked as a follow-up (a
    // question mark or an opener); a bare "october" the engine is sure of stands alone.
    let dates_only = parsed.slots.date_from.is_some()
        && (parsed.confidence < CUED_FOLLOW_UP || text.contains('?') || words::follow_up_cue(text))
        && matches!(
            state.last_intent,
            Some(IntentId::Transactions | IntentId::SpendingSummary)
        )
        && cues::only_dates(text);
    // "on food?", "chez amazon ?" after last month's total: an elliptic follow-up, however
    // sure the engine is that it is a fresh question (`ellipsis` has the rule).
    let elliptic = matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    ) && (matches!(
        parsed.intent,
        IntentId::Transactions | IntentId::SpendingSummary | IntentId::OutOfScope
    ) || (parsed.intent == IntentId::Balance
        // "combien pour le loyer": a balance never has a category or a merchant.
        && parsed.slots.account_type.is_none()
        && (parsed.slots.category.is_some() || parsed.slots.merchant.is_some())))
        && parsed.slots.date_from.is_none()
        && parsed.slots.location.is_none()
        && (parsed.slots.category.is_some()
            || parsed.slots.merchant.is_some()
            || parsed.slots.account_type.is_some()
            || parsed.slots.amount_min.is_some()
            || parsed.slots.amount_max.is_some())
        && crate::ellipsis::continues(text);
    let open = !confident
        || dates_only
        || relative_period
        || elliptic
        || (words::follow_up_cue(text) && parsed.confidence < CUED_FOLLOW_UP);
    let (mut intent, mut slots) = follow_up(state, parsed, open, relative_period, text);
    // "ops entre le 1 et le 15 nov" after a groceries total: a new list over its own
    // period, without the groceries ("et pour les courses ?" keeps them).
    // Unplaced, with no money answer before, it is that list all the same ("opé depuis lundi").
    if (matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    ) || intent == IntentId::OutOfScope)
        && crate::intents::new_list::asks(text, parsed)
    {
        intent = IntentId::Transactions;
        slots = parsed.slots.clone();
    }
    // "anything from starbucks in there", "uniquement celles de Carrefour": the last
    // answer's search, narrowed by what the message adds.
    let last_data = matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    );
    if last_data
        && parsed.slots.date_from.is_none()
        && parsed.slots.location.is_none()
        && crate::intents::within::asks(text)
    {
        let mut narrowed = state.last_slots.clone();
        merge(&mut narrowed, &parsed.slots);
        slots = narrowed;
        // "the ones", "celles": the items themselves, unless a sum is asked.
        intent = if cues::asks_sum(text) {
            IntentId::SpendingSummary
        } else {
            IntentId::Transactions
        };
    }
    // "which category do I spend the most on" after October's total: October's.
    if last_data
        && parsed.slots.date_from.is_none()
        && parsed.slots.category.is_none()
        && parsed.slots.merchant.is_none()
        && (state.last_slots.date_from.is_some() && crate::intents::within::ranks(text)
            // "by category?", "détaille par catégorie" after October's total: October's.
            || crate::breakdown::asks(text))
    {
        intent = IntentId::SpendingSummary;
        slots = Slots {
            date_from: state.last_slots.date_from,
            date_to: state.last_slots.date_to,
            account_type: parsed.slots.account_type.or(state.last_slots.account_type),
            ..Slots::default()
        };
    }
    // "ever?", "all time?", "in total?" after Starbucks this month: the same search over the
    // whole history (the period is dropped here; `intent_turn` sets the history's window).
    if let Some(last @ (IntentId::Transactions | IntentId::SpendingSummary)) = state.last_intent
        && parsed.slots.is_empty()
        && text.split_whitespace().count() <= 4
        && cues::asks_all_time(
            text,
            state.last_slots.merchant.is_some() || state.last_slots.category.is_some(),
        )
    {
        slots = Slots {
            date_from: None,
            date_to: None,
            ..state.last_slots.clone()
        };
        intent = last;
    }
    // "how much was it", "combien ça fait": about the last answer's items.
    if matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    ) && parsed.slots.is_empty()
        && cues::points_back(text)
        && cues::asks_sum(text)
    {
        slots = state.last_slots.clone();
        // After money in ("when did I get paid"), the sum of that money in.
        intent = if slots.category == Some(bankbot_core::Category::Income) {
            IntentId::Transactions
        } else {
            IntentId::SpendingSummary
        };
    }
    // "which of those was the largest", "the biggest one?": the extreme items of the last
    // answer's search.
    if matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    ) && parsed.slots.is_empty()
        && (cues::points_back(text)
            || crate::intents::one_item::asked(text)
            || text.split_whitespace().count() <= 3
            // "quelle a été la plus grosse dépense", "la plus grosse somme" after November's
            // total: November's, unless the whole history is asked ("ever").
            || !cues::asks_all_time(text, false))
        && cues::asks_extreme(text)
    {
        slots = state.last_slots.clone();
        intent = IntentId::Transactions;
    }
    // "biggest expense in the last 60 days" after money in: spending, not income.
    if slots.category == Some(bankbot_core::Category::Income)
        && parsed.slots.category.is_none()
        && cues::names_spending(text)
    {
        slots.category = None;
    }
    // "et au total ?" after balances: the total across accounts.
    if state.last_intent == Some(IntentId::Balance)
        && parsed.slots.is_empty()
        && intent != IntentId::Balance
        && cues::asks_total(text)
    {
        intent = IntentId::Balance;
    }
    // "c'était quand ?": the last answer's items, with their dates.
    if matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    ) && parsed.slots.is_empty()
        && crate::intents::recall::asks_when(text)
    {
        intent = IntentId::Transactions;
        slots = state.last_slots.clone();
    }
    // "le montant exact ?": the last answer again.
    if let Some(last @ (IntentId::Transactions | IntentId::SpendingSummary)) = state.last_intent
        && parsed.slots.is_empty()
        && crate::intents::recall::asks_amount(text)
    {
        intent = last;
        slots = state.last_slots.clone();
    }
    // A message the engine could not place that names a known merchant, or is little more
    // than a category ("mes abonnements"), is a search; one
    // that names only an account ("how's my checking looking") asks for its balance.
    if intent == IntentId::OutOfScope
        && (parsed.slots.merchant.is_some()
            || cues::names_purchases(text)
            // "tt ce qui dépasse 50 €", "anything under 20 bucks": payments of that size.
            || ((parsed.slots.amount_min.is_some() || parsed.slots.amount_max.is_some())
                && parsed.slots.location.is_none())
            || (parsed.slots.category.is_some()
                && parsed.slots.location.is_none()
                && text.split_whitespace().count() <= 4))
    {
        intent = IntentId::Transactions;
    } else if (intent == IntentId::OutOfScope
        // "my visa": a hesitant lock reading of a bare account name.
        || (intent == IntentId::CardLock
            && parsed.confidence < CONFIDENT
            && text.split_whitespace().count() <= 3))
        && parsed.slots.account_type.is_some()
        && (Slots {
            account_type: None,
            ..parsed.slots.clone()
        })
        .is_empty()
    {
        intent = IntentId::Balance;
    }
    // "when exactly?" after money answers: the dated items of the same search.
    if (intent == IntentId::OutOfScope || parsed.confidence < CUED_FOLLOW_UP)
        && matches!(
            state.last_intent,
            Some(IntentId::Transactions | IntentId::SpendingSummary)
        )
        && crate::intents::when_was_it::asks_when(text)
    {
        intent = IntentId::Transactions;
        slots = state.last_slots.clone();
    }
    // "et la boulangerie ?" after a search by merchant: the same search for that name.
    if intent == IntentId::OutOfScope
        && parsed.slots.is_empty()
        && words::follow_up_cue(text)
        && matches!(
            state.last_intent,
            Some(IntentId::Transactions | IntentId::SpendingSummary)
        )
        && state.last_slots.merchant.is_some()
        && let Some(name) = words::after_cue(text)
    {
        intent = state.last_intent.unwrap_or(IntentId::Transactions);
        slots = state.last_slots.clone();
        slots.merchant = Some(name);
    }
    // "what about london", "et à lyon ?" after cash machines: the same search elsewhere.
    if (intent == IntentId::OutOfScope || parsed.confidence < CUED_FOLLOW_UP)
        && parsed.slots.location.is_none()
        && words::follow_up_cue(text)
        && state.last_intent == Some(IntentId::AtmNearby)
        && let Some(place) = words::after_cue(text)
        && !matches!(
            place.as_str(),
            "me" | "moi" | "you" | "toi" | "vous" | "it" | "ça" | "ca"
        )
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        return atm::search_place(ctx, state, &place, text).await;
    }
    // "any by the ferry building" after cash machines: the same search by another spot.
    if (intent == IntentId::OutOfScope || parsed.confidence < CUED_FOLLOW_UP)
        && parsed.slots.location.is_none()
        && state.last_intent == Some(IntentId::AtmNearby)
        && let Some(place) = crate::intents::atm_elsewhere::place(text)
    {
        state.turn_intent = Some(IntentId::AtmNearby);
        return atm::search_place(ctx, state, &place, text).await;
    }
    // "market street", "gare de lyon" alone after cash machines: the same search by that
    // spot, when it is a place the geocoder knows.
    if (intent == IntentId::OutOfScope || parsed.confidence < CUED_FOLLOW_UP)
        && state.last_intent == Some(IntentId::AtmNearby)
        && (Slots {
            location: None,
            ..parsed.slots.clone()
        })
        .is_empty()
        && text.split_whitespace().count() <= 4
        && words::yes_no(text).is_none()
    {
        let spot = parsed.slots.location.as_deref().unwrap_or(text);
        let spot = crate::place_text::without_opening(spot).trim().to_owned();
        if !spot.is_empty()
            && atm::search_if_known(ctx, state, &spot, atm::Shorter::NotTried, text).await?
        {
            state.turn_intent = Some(IntentId::AtmNearby);
            return Ok(());
        }
    }
    // "how much was rent", "combien pour uber": a balance never has a category or merchant.
    if intent == IntentId::Balance
        && slots.account_type.is_none()
        && (slots.category.is_some() || slots.merchant.is_some())
    {
        intent = IntentId::SpendingSummary;
    }
    // "ça va toi ?", "slt ça va ?": asked how the bot is, answered so, not with the welcome.
    let social = cues::social(text);
    let how_are_you = social == Some(cues::Social::HowAreYou)
        && slots.is_empty()
        && matches!(
            intent,
            IntentId::Greeting
                | IntentId::PrivacyInfo
                | IntentId::DataAccess
                | IntentId::Help
                | IntentId::Thanks
        );
    // "this bot is useless": frustration, not a question about the bot's data or a greeting.
    let insult = social == Some(cues::Social::Insult)
        && slots.is_empty()
        && matches!(
            intent,
            IntentId::Greeting
                | IntentId::PrivacyInfo
                | IntentId::DataAccess
                | IntentId::Help
                | IntentId::Thanks
        );
    if (intent == IntentId::OutOfScope || how_are_you || insult)
        && let Some(what) = social
    {
        if intent == IntentId::Greeting {
            state.turn_intent = Some(IntentId::Greeting);
        }
        small_talk::social(ctx, what);
        return Ok(());
    }
    intent_turn(ctx, state, intent, &slots, text).await
}

/// "and savings?", "what about October?", "and in Lyon?": an utterance the engine could not
/// place, carrying slots that fit the last data answer, continues it with those slots.
/// `open` says whether the utterance may be one (not placed, or cued); `refers_back` that
/// it names its period from the last answer's ("the month before"). After a money answer,
/// what carries over follows `ellipsis`: a complete new question keeps only its own slots.
fn follow_up(
    state: &DialogState,
    parsed: &IntentMatch,
    open: bool,
    refers_back: bool,
    text: &str,
) -> (IntentId, Slots) {
    let s = &parsed.slots;
    let last = match state.last_intent {
        // "and the last movements of my card of credit?" after a balance: a list.
        Some(IntentId::Balance) if crate::movements::named(text) => {
            return (parsed.intent, s.clone());
        }
        Some(last) if open => last,
        _ => return (parsed.intent, s.clone()),
    };
    let fits = match last {
        IntentId::Balance => s.account_type.is_some() || !cues::last_digits(text).is_empty(),
        IntentId::Transactions | IntentId::SpendingSummary => s.location.is_none() && !s.is_empty(),
        IntentId::AtmNearby => s.location.is_some(),
        _ => false,
    };
    if !fits {
        return (parsed.intent, s.clone());
    }
    // "and my savings" after a spending total: nobody spends from savings, the balance is
    // asked.
    if last == IntentId::SpendingSummary
        && s.account_type == Some(bankbot_core::AccountKind::Savings)
        && (Slots {
            account_type: None,
            ..s.clone()
        })
        .is_empty()
    {
        return (IntentId::Balance, s.clone());
    }
    // "pis le livret ?" after the search for one 45 € payment: another account is another
    // subject; the amount was that payment's, not a filter for the next account.
    let one_payment =
        state.last_slots.amount_min.is_some() && state.last_slots.amount_max.is_some();
    if last == IntentId::Transactions
        && one_payment
        && s.account_type.is_some()
        && s.account_type != state.last_slots.account_type
        && (Slots {
            account_type: None,
            ..s.clone()
        })
        .is_empty()
    {
        let intent = if parsed.intent == IntentId::Transactions {
            IntentId::Transactions
        } else {
            IntentId::Balance
        };
        return (intent, s.clone());
    }
    let mut merged = state.last_slots.clone();
    if last == IntentId::Balance || last == IntentId::AtmNearby {
        merged = Slots::default();
    } else if !refers_back {
        match crate::ellipsis::frame(text) {
            // "what i pay more than 100 dollar" after an Amazon search: its own filters only.
            crate::ellipsis::Frame::Complete if crate::ellipsis::filters(s) => {
                let intent = if parsed.intent == IntentId::OutOfScope {
                    last
                } else {
                    parsed.intent
                };
                return (intent, s.clone());
            }
            // "more than 50 dollar" after a fuel total: every payment that size, same period.
            _ if crate::ellipsis::bare_amount(text, s) => {
                merged.merchant = None;
                merged.category = None;
            }
            _ => {}
        }
    }
    merge(&mut merged, s);
    (last, merged)
}

/// Overrides `base` with every slot present in `new`.
fn merge(base: &mut Slots, new: &Slots) {
    let n = new.clone();
    base.account_type = n.account_type.or(base.account_type);
    base.count = n.count.or(base.count);
    if n.date_from.is_some() || n.date_to.is_some() {
        base.date_from = n.date_from;
        base.date_to = n.date_to;
    }
    base.amount_min = n.amount_min.or(base.amount_min);
    base.amount_max = n.amount_max.or(base.amount_max);
    // "more than 50" after "under 40" or an exact 45: the new bound wins, never an empty
    // range.
    if let (Some(min), Some(max)) = (base.amount_min, base.amount_max)
        && min > max
    {
        if n.amount_min.is_some() {
            base.amount_max = n.amount_max;
        } else {
            base.amount_min = n.amount_min;
        }
    }
    // A new merchant or category replaces the other: "and uber?" after "rent" is not rent
    // at Uber.
    match (&n.merchant, &n.category) {
        (Some(_), None) => base.category = None,
        (None, Some(_)) => base.merchant = None,
        _ => {}
    }
    base.merchant = n.merchant.or(base.merchant.take());
    base.category = n.category.or(base.category);
    base.location = n.location.or(base.location.take());
}

/// The intent whose confirmation `pending` waits for.
fn pending_intent(pending: &Pending) -> IntentId {
    match pending {
        Pending::UnlinkConfirm => IntentId::UnlinkAccount,
        Pending::DeleteConfirm => IntentId::DeleteMyData,
        _ => IntentId::CardLock,
    }
}

/// Yes or no, to whatever was asked.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    yes: bool,
) -> Result<(), HandlerError> {
    state.turn_intent = match &state.pending {
        Some(
            Pending::CardLockConfirm { .. }
            | Pending::CardUnlockConfirm { .. }
            | Pending::CardLockConfirmAll { .. }
            | Pending::CardChoice,
        ) => Some(IntentId::CardLock),
        Some(Pending::UnlinkConfirm) => Some(IntentId::UnlinkAccount),
        Some(Pending::DeleteConfirm) => Some(IntentId::DeleteMyData),
        Some(Pending::AtmLocation) => Some(IntentId::AtmNearby),
        Some(Pending::LockOffer) => Some(IntentId::CardLock),
        Some(Pending::AlertSwitch { .. } | Pending::AlertUndo { .. } | Pending::AlertsAllOff) => {
            Some(IntentId::ManageAlerts)
        }
        None => None,
    };
    if !yes {
        state.declined = state.pending.clone().filter(change_of_mind::undoable);
    }
    match state.pending.take() {
        Some(Pending::CardLockConfirm { card }) => match ctx.customer {
            Some(credential) => {
                // "did it work?" next is about this card, whatever was answered between.
                if state.last_intent != Some(IntentId::CardLock) {
                    state.last_intent = Some(IntentId::CardLock);
                    state.last_slots = Slots::default();
                }
                let done = cards::answer(ctx, credential, &card, yes).await;
                match done {
                    // "whats left on it" next is about the card just locked.
                    Ok(Some(kind)) => state.last_slots.account_type = Some(kind),
                    Ok(None) => {}
                    // The bank failed: the same "yes" can be sent again.
                    Err(_) => state.pending = Some(Pending::CardLockConfirm { card }),
                }
                done.map(|_| ())
            }
            None => link_needed(ctx),
        },
        Some(Pending::CardUnlockConfirm { card }) => match ctx.customer {
            Some(credential) => {
                let done = cards::answer_unlock(ctx, credential, &card, yes).await;
                match done {
                    Ok(Some(kind)) => state.last_slots.account_type = Some(kind),
                    Ok(None) => {}
                    // The bank failed: the same "yes" can be sent again.
                    Err(_) => state.pending = Some(Pending::CardUnlockConfirm { card }),
                }
                done.map(|_| ())
            }
            None => link_needed(ctx),
        },
        Some(Pending::CardLockConfirmAll { cards }) => match ctx.customer {
            Some(credential) => {
                state.last_intent = Some(IntentId::CardLock);
                state.last_slots = Slots::default();
                let done = crate::intents::lock_all::answer(ctx, credential, &cards, yes).await;
                if done.is_err() {
                    // The bank failed: the same "yes" can be sent again.
                    state.pending = Some(Pending::CardLockConfirmAll { cards });
                }
                done
            }
            None => link_needed(ctx),
        },
        Some(Pending::UnlinkConfirm) => {
            linking::answer(ctx, state, yes);
            Ok(())
        }
        Some(Pending::DeleteConfirm) => {
            privacy::answer(ctx, state, yes);
            Ok(())
        }
        // A yes to "I can lock your card right away": the lock, without asking again.
        Some(Pending::LockOffer) => match (yes, ctx.customer) {
            (true, Some(credential)) => {
                // "what happens now?" next is about the card just locked.
                state.last_intent = Some(IntentId::CardLock);
                state.last_slots = Slots::default();
                let kind = fraud::disputed_card(ctx, state, credential).await?;
                crate::intents::lock_order::lock_now(ctx, state, credential, kind).await
            }
            _ => {
                ctx.say(Msg::Okay);
                Ok(())
            }
        },
        Some(Pending::AlertUndo { alert, on }) => {
            if yes {
                ctx.say(Msg::Okay);
            } else {
                alerts::set(ctx, state, alert, on);
                state.pending = None;
            }
            Ok(())
        }
        Some(Pending::AlertsAllOff) => {
            if yes {
                alerts::all_off(ctx);
            } else {
                ctx.say(Msg::AlertsKept);
            }
            Ok(())
        }
        Some(Pending::AlertSwitch {
            alert: kind,
            on,
            also,
        }) => {
            match (yes, also) {
                // « oui les deux » to two alerts offered in one message: both (the one
                // already switched by the message is not switched again).
                (true, Some(first)) if ctx.alerts.is_on(first) != on => {
                    alerts::set_two(ctx, state, (first, on), kind, on)
                }
                (true, _) => alerts::set(ctx, state, kind, on),
                (false, _) => ctx.say(Msg::Okay),
            }
            Ok(())
        }
        // Nothing to confirm: "yes" wants more; a bare "no" or "ok" is acknowledged, never
        // taken for goodbye (and never counted as a misunderstanding).
        Some(Pending::AtmLocation | Pending::CardChoice) | None => {
            if yes {
                let menu = ctx.menu();
                ctx.ask(Msg::WhatElse, menu);
            } else {
                ctx.say(Msg::Okay);
            }
            Ok(())
        }
    }
}

/// Answers a message that steers the conversation ("nvm", "brb", "who r u"): a question
/// left open stays open while the customer waits; dropping it answers it no.
async fn chat_move(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    step: crate::intents::chat_moves::Move,
) -> Result<(), HandlerError> {
    use crate::intents::chat_moves::Move;
    match step {
        Move::Dismiss => {
            state.more = None;
            return answer(ctx, state, false).await;
        }
        Move::Wait => ctx.say(Msg::TakeYourTime),
        Move::Apology => {
            let menu = ctx.menu();
            ctx.ask(Msg::NoHarmDone, menu);
        }
        Move::AskBack => small_talk::how_are_you(ctx),
        Move::WhoAreYou => small_talk::bot_question(ctx, crate::intents::bot_identity::Asked::Who),
        Move::IsItABot => small_talk::bot_question(ctx, crate::intents::bot_identity::Asked::Bot),
        Move::QuestionComing => {
            let menu = ctx.menu();
            ctx.ask(Msg::AskAway, menu);
        }
    }
    Ok(())
}

/// The account-link button, for a data request from an unlinked user.
pub(crate) fn link_needed(ctx: &mut Ctx<'_>) -> Result<(), HandlerError> {
    ctx.link_button(Msg::LinkNeeded);
    Ok(())
}

/// True for intents that show bank data or act on the account.
pub fn needs_link(intent: IntentId) -> bool {
    matches!(
        intent,
        IntentId::Balance
            | IntentId::Transactions
            | IntentId::SpendingSummary
            | IntentId::CardLock
            | IntentId::ManageAlerts
    )
}

pub(crate) async fn intent_turn(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    intent: IntentId,
    slots: &Slots,
    text: &str,
) -> Result<(), HandlerError> {
    // "what went out in nov", "my outgoings" (even after money in): spending, its total
    // unless the items are asked for.
    let outgoings = crate::intents::money_out::outgoings(text)
        && slots.merchant.is_none()
        && matches!(slots.category, None | Some(bankbot_core::Category::Income))
        && matches!(
            intent,
            IntentId::Balance
                | IntentId::Transactions
                | IntentId::SpendingSummary
                | IntentId::OutOfScope
        );
    let outgoing_slots;
    let (intent, slots) = if outgoings {
        outgoing_slots = Slots {
            category: None,
            ..slots.clone()
        };
        let intent = if crate::intents::money_out::wants_items(text) {
            IntentId::Transactions
        } else {
            IntentId::SpendingSummary
        };
        (intent, &outgoing_slots)
    } else {
        (intent, slots)
    };
    let (intent, ask) = cues::refine(intent, text);
    // "debit card" right after "None of your cards is locked" (an unlock asked): the unlock
    // of that card, not the offer to lock it.
    let after_unlock = std::mem::take(&mut state.unlock_asked);
    let ask = if after_unlock
        && intent == IntentId::CardLock
        && ask == cues::Ask::Plain
        && !crate::intents::lock_order::has_lock_verb(text)
    {
        cues::Ask::Unlock
    } else {
        ask
    };
    // "what i pay more than 100 dollar", "payments bigger than 100 dollar": an amount with a
    // word of money going out is a listing, though the engine read nothing.
    // "montre moi ce qui est au-dessus de huitante": help never carries an amount bound.
    let intent = if (intent == IntentId::OutOfScope && money_out::only(text)
        || intent == IntentId::Help)
        && (slots.amount_min.is_some() || slots.amount_max.is_some())
    {
        state.turn_intent = Some(IntentId::Transactions);
        IntentId::Transactions
    } else {
        intent
    };
    let ask = if outgoings && ask == cues::Ask::Income {
        cues::Ask::Plain
    } else {
        ask
    };
    // Money in named as a category ("and in october?", "how much was it" after "what came
    // in") is income: a listing of money in with its total, never spending.
    let (intent, ask) = if ask == cues::Ask::Plain
        && matches!(
            intent,
            IntentId::Transactions | IntentId::SpendingSummary
        )
        && slots.category == Some(bankbot_core::Category::Income)
        // "depuis la paie", "since then": the pay names where the range starts.
        && !cues::since_payday(text)
        && !since_then::asks(text)
    {
        (IntentId::Transactions, cues::Ask::Income)
    } else {
        (intent, ask)
    };
    let intent = crate::intents::recall::list_instead(intent, ask, slots, text);
    let intent = crate::intents::swallowed::card_intent(intent, text);
    let intent = crate::intents::card_taken::card_intent(intent, text);
    // "my card got swallowed in atm what to do": how to get it back, then the lock.
    if intent == IntentId::CardLock && crate::intents::swallowed::kept(text) {
        let reach = ctx.reach();
        ctx.say(Msg::CardKeptByAtm(reach));
    }
    let intent = crate::intents::afford::balance_instead(intent, text);
    // "non mais c'est pour l'ATM": a cash machine named, nothing else read: where it is.
    let intent =
        if intent == IntentId::OutOfScope && crate::intents::atm_place_guess::asks_for_atm(text) {
            IntentId::AtmNearby
        } else {
            intent
        };
    tracing::debug!(target: "bankbot_handlers", intent = intent.as_str(), "handling intent");
    state.turn_intent = Some(intent);
    state.pending = None;
    if intent != IntentId::Transactions {
        state.more = None;
    }
    if intent != IntentId::OutOfScope {
        state.misses = 0;
    }
    if intent == IntentId::CardLock && !ctx.services.capabilities.cards {
        let text = ctx.t(Msg::CardsUnavailable(ctx.contact()));
        ctx.reply(bankbot_core::Reply::text(text));
        return Ok(());
    }
    let credential = match (needs_link(intent), ctx.customer) {
        // A lock before linking: who can block the card at once, then the link.
        (true, None) if intent == IntentId::CardLock => {
            let services = ctx.services;
            let contact =
                crate::catalog::Contact::from_config(services.capabilities.contact.as_deref());
            ctx.link_button(Msg::LockNeedsLink(contact));
            return Ok(());
        }
        (true, None) => {
            return link_needed(ctx);
        }
        (_, credential) => credential,
    };
    let mut slots = slots.clone();
    // "les virements reçus", "mes revenus": money in is the question, not a category of it.
    if ask == cues::Ask::Income
        && matches!(
            slots.category,
            Some(bankbot_core::Category::Transfer | bankbot_core::Category::Income)
        )
    {
        slots.category = None;
    }
    // "the biggest one", "la plus importante": one item, not a top five.
    if matches!(ask, cues::Ask::Largest | cues::Ask::Smallest)
        && slots.count.is_none()
        && crate::intents::one_item::asked(text)
    {
        slots.count = Some(1);
    }
    let data = matches!(intent, IntentId::Transactions | IntentId::SpendingSummary);
    // "the biggest ever", "amazon in total": the past year, the answer says so.
    let filtered = slots.merchant.is_some() || slots.category.is_some();
    if data
        && slots.date_from.is_none()
        && slots.date_to.is_none()
        && cues::asks_all_time(text, filtered)
    {
        let today = ctx.services.clock.today();
        slots.date_from = crate::history::year_back(today);
        slots.date_to = Some(today);
    }
    // "how much at pg&e" with nothing paid there this month: the whole history, not "none".
    if intent == IntentId::SpendingSummary
        && slots.date_from.is_none()
        && slots.date_to.is_none()
        && let Some(s) = credential
        && crate::intents::merchant_history::only_earlier(ctx, s, &slots).await?
    {
        let today = ctx.services.clock.today();
        slots.date_from = crate::history::year_back(today);
        slots.date_to = Some(today);
    }
    // "since rent how much I spend", « depuis le loyer »: all the spending from the day after
    // that payment.
    let since_payment = data
        && slots.date_from.is_none()
        && (slots.category.is_some() || slots.merchant.is_some())
        && since_then::names_a_payment(text);
    if since_payment
        && let Some(s) = credential
        && let Some(from) = since_then::latest_day(ctx, s, &slots).await?
    {
        slots.date_from = Some(from);
        slots.date_to = Some(ctx.services.clock.today());
        slots.category = None;
        slots.merchant = None;
    }
    let intent = if since_payment && slots.date_from.is_some() {
        state.turn_intent = Some(IntentId::SpendingSummary);
        IntentId::SpendingSummary
    } else {
        intent
    };
    // "since then": from the first day of the last answer, when it had one.
    let since_last = data && slots.date_from.is_none() && since_then::asks(text);
    if since_last && let Some(from) = state.last_slots.date_from {
        slots.date_from = Some(from);
        slots.date_to = Some(ctx.services.clock.today());
    } else if since_last
        && let Some(s) = credential
        && let Some(from) = since_then::latest_day(ctx, s, &state.last_slots).await?
    {
        // "when did my rent go out" … "since then": from that payment.
        slots.date_from = Some(from);
        slots.date_to = Some(ctx.services.clock.today());
        if slots.category == Some(bankbot_core::Category::Income) {
            // After "did my pay come in", "since then" names the start, not what to sum.
            slots.category = None;
        }
    }
    if data
        && (cues::since_payday(text) || (since_last && slots.date_from.is_none()))
        && let Some(s) = credential
        && let Some(day) = transactions::last_payday(ctx, s).await?
    {
        slots.date_from = Some(day);
        slots.date_to = Some(ctx.services.clock.today());
        if slots.category == Some(bankbot_core::Category::Income) {
            // "paie" names the start of the range, not what to sum.
            slots.category = None;
        }
    }
    // "j'ai dépensé plus de 70 € ce mois-ci ?": the total weighed against the figure.
    let total_bound = matches!(intent, IntentId::SpendingSummary | IntentId::Transactions)
        && slots.amount_min.is_some() != slots.amount_max.is_some()
        && crate::intents::spent_bound::asks(text);
    if total_bound {
        state.turn_intent = Some(IntentId::SpendingSummary);
    }
    // "my purchases over 40 euros": a threshold asks for the items, unless a sum is asked.
    // "things i spent money on last week": the purchases themselves.
    // « combien depuis ma dernière paie », « qu'est-ce que j'ai dépensé depuis ma paye »: the
    // total since that salary, not a list of it (blind round 14b).
    let payday_total = intent == IntentId::Transactions
        && ask == cues::Ask::Plain
        && slots.date_from.is_some()
        && cues::since_payday(text)
        && (cues::asks_sum(text)
            || [" depense", " spent ", " spend ", " claque"]
                .iter()
                .any(|w| cues::fold(text).contains(w)));
    if payday_total {
        state.turn_intent = Some(IntentId::SpendingSummary);
    }
    let intent = if total_bound || payday_total {
        IntentId::SpendingSummary
    } else if intent == IntentId::SpendingSummary
        && (slots.amount_min.is_some() || slots.amount_max.is_some() || cues::names_purchases(text))
        && !cues::asks_sum(text)
    {
        state.turn_intent = Some(IntentId::Transactions);
        IntentId::Transactions
    } else {
        intent
    };
    // « c quoi CB CARREFOUR CITY »: that payment's label, not every Carrefour.
    if matches!(intent, IntentId::SpendingSummary | IntentId::Transactions)
        && let Some(merchant) = slots.merchant.as_deref()
        && let Some(credential) = credential
        && let Some(label) =
            crate::statement_label::narrowed(ctx, credential, text, merchant).await?
    {
        slots.merchant = Some(label);
    }
    let slots = &slots;
    // The account of a card unlocked this turn, kept for "whats avail on it".
    let mut unlocked = None;
    match (intent, credential) {
        (IntentId::Balance, Some(s)) => {
            balance::handle(ctx, s, slots.account_type, ask, text).await?
        }
        // "food", "show me food": groceries and dining out together (a list filters one
        // category), as their total with the merchants behind it.
        (IntentId::Transactions, Some(s))
            if ask == cues::Ask::Plain
                && let Some(food) = crate::intents::food::wide(text, slots.category) =>
        {
            state.turn_intent = Some(IntentId::SpendingSummary);
            let all = Slots {
                category: None,
                ..slots.clone()
            };
            spending::handle_skipping(ctx, s, &all, Some(&food)).await?;
        }
        (IntentId::Transactions, Some(s)) => {
            let refines = state.last_intent == Some(IntentId::Transactions)
                && money_out::still_only(text, state.out_only);
            // "more than 50 dollar" after a spending total: the spending behind it (not
            // "tt mes ops ce mois", which asks for every operation).
            let after_total = state.last_intent == Some(IntentId::SpendingSummary)
                && crate::ellipsis::continues(text)
                && !crate::intents::new_list::names_list(text);
            let out_only = money_out::only(text) || refines || after_total;
            transactions::handle(ctx, state, s, slots, ask, out_only).await?;
            state.out_only = out_only;
        }
        (IntentId::CardLock, Some(s)) if ask == cues::Ask::Unlock => {
            let ask_first = crate::intents::found_card::news_only(text);
            if let Some(kind) = cards::unlock(ctx, state, s, slots.account_type, ask_first).await? {
                unlocked = Some(kind);
            }
        }
        (IntentId::SpendingSummary, Some(s)) if total_bound => {
            crate::intents::spent_bound::answer(ctx, s, slots).await?;
        }
        // "how much on food": groceries and dining out together.
        (IntentId::SpendingSummary, Some(s))
            if let Some(food) = crate::intents::food::wide(text, slots.category) =>
        {
            let all = Slots {
                category: None,
                ..slots.clone()
            };
            spending::handle_skipping(ctx, s, &all, Some(&food)).await?;
        }
        // "average monthly spend": the total, then what it comes to a month.
        (IntentId::SpendingSummary, Some(s)) if crate::intents::average::asked(text) => {
            crate::intents::average::answer(ctx, s, slots).await?;
        }
        (IntentId::SpendingSummary, Some(s)) => {
            spending::handle(ctx, s, slots).await?;
        }
        (IntentId::CardLock, Some(s)) if crate::intents::lock_all::names_every_card(text) => {
            crate::intents::lock_all::confirm(ctx, state, s).await?
        }
        (IntentId::CardLock, Some(s)) => {
            cards::handle_order(ctx, state, s, slots.account_type, text).await?
        }
        (IntentId::ManageAlerts, Some(_)) => alerts::handle(ctx, state, text),
        (IntentId::AtmNearby, _) => {
            atm::handle(ctx, state, text, slots.location.as_deref()).await?
        }
        (IntentId::ReportFraud, Some(s)) => {
            // "… is my money still there": the balances first, then the offer.
            if crate::intents::scam_checks::asks_money_safe(text) {
                balance::handle(ctx, s, None, cues::Ask::Plain, text).await?;
            }
            if !fraud::already_locked(ctx, s, slots.account_type).await? {
                fraud::handle(ctx, state);
            }
        }
        (IntentId::ReportFraud, None) => fraud::handle(ctx, state),
        (IntentId::HumanAgent, _) => handoff::handle(ctx, state),
        (IntentId::LinkAccount, _) => linking::link(ctx),
        (IntentId::UnlinkAccount, _) => linking::unlink(ctx, state),
        // "surtout n'effacez pas", « vous avez bien rien effacé ? » from a linked customer
        // (whose data was therefore not wiped): nothing erased, nothing asked.
        (IntentId::DeleteMyData, Some(_)) if crate::intents::erase_refused::said(text) => {
            state.pending = None;
            ctx.say(Msg::DeleteKept);
        }
        (IntentId::DeleteMyData, _) => privacy::handle(ctx, state),
        (IntentId::PrivacyInfo, _) => privacy_info::handle(ctx, text),
        (IntentId::DataAccess, _) => access::handle(ctx),
        (IntentId::Greeting, _) => small_talk::greeting(ctx, text),
        (IntentId::Help, _) => small_talk::help(ctx),
        (IntentId::Thanks, _) => small_talk::thanks(ctx),
        // A short question after an answer ("is that normal", "how come", « c'est normal
        // ? ») is no goodbye: the bot sees figures, not the reasons behind them.
        (IntentId::Goodbye, _)
            if state.last_intent.is_some() && crate::intents::closing::asks_back(text) =>
        {
            ctx.say(Msg::ReasonNotSeen)
        }
        (IntentId::Goodbye, _) => small_talk::goodbye(ctx, text),
        (IntentId::OutOfScope, _) => {
            fallback::handle(ctx, state);
            return Ok(());
        }
        // Data intents without a credential were answered above.
        (_, None) => return Ok(()),
    }
    // Courtesies leave the context alone: "thanks! and my visa?" continues the balances.
    if !matches!(intent, IntentId::Thanks | IntentId::Greeting) {
        state.last_intent = Some(intent);
        state.last_slots = slots.clone();
        // "et sur la visa ?" without a credit card: "le loyer c'était combien" next is not
        // asked on a card that does not exist.
        if ctx.missing_account {
            state.last_slots.account_type = None;
        }
        // "j'ai dépensé plus de 80 € ce mois ?" then "et la semaine passée": the figure was
        // weighed against the total, it is no size of single payments to search next.
        if total_bound {
            state.last_slots.amount_min = None;
            state.last_slots.amount_max = None;
        }
        if unlocked.is_some() {
            state.last_slots.account_type = unlocked;
        }
        // "how much i must pay to the card": the credit card, so "and the minimum?" next is
        // about its bill.
        if intent == IntentId::Balance && ask == cues::Ask::Credit && !ctx.missing_account {
            state.last_slots.account_type = Some(bankbot_core::AccountKind::CreditCard);
        }
        if ask == cues::Ask::Income {
            // What follows ("how much was it", "and in october?") is about money in.
            state.last_slots.category = Some(bankbot_core::Category::Income);
        }
    }
    Ok(())
}
