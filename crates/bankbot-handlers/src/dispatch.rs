//! Routes one input: payloads, then what the bot was waiting for, then "show more" and
//! follow-ups from the session context, then the intent's module.

use bankbot_core::{IntentId, IntentMatch, Slots};

use crate::alert_words;
use crate::catalog::Msg;
use crate::ctx::Ctx;
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

pub(crate) async fn run(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    input: Input<'_>,
) -> Result<(), HandlerError> {
    state.turn_intent = None;
    // "on va faire comment alors" right after a can't-do: where it can be done.
    let said_cannot = std::mem::take(&mut state.said_cannot);
    if let Input::Message { text, .. } = input
        && said_cannot
        && crate::intents::how_then::asks(text)
    {
        crate::intents::how_then::answer(ctx);
        return Ok(());
    }
    let lock_asked = state.pending.clone();
    let done = route(ctx, state, input).await;
    if done.is_ok() {
        crate::intents::lock_reminder::after_turn(ctx, state, lock_asked).await?;
    }
    if state.turn_intent != Some(IntentId::Transactions) {
        state.out_only = false;
    }
    done
}

async fn route(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    input: Input<'_>,
) -> Result<(), HandlerError> {
    match input {
        Input::Postback { payload } => postback(ctx, state, payload).await,
        Input::Location(point) => atm::search_location(ctx, state, point).await,
        Input::Message { text, parsed } => message(ctx, state, text, parsed).await,
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
        return intent_turn(ctx, state, intent, &Slots::default(), "").await;
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
    {
        unplaced = IntentMatch {
            intent: IntentId::OutOfScope,
            ..parsed.clone()
        };
        &unplaced
    } else {
        parsed
    };
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
    // "the last purchases on that card" after locking the Visa: that card's.
    let pointed;
    let parsed = if parsed.slots.account_type.is_none()
        && state.last_slots.account_type.is_some()
        && cues::names_that_account(text)
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
    // "purchases a few days ago": a past period is a question about money, never a goodbye.
    let undone;
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
    let confident = parsed.intent != IntentId::OutOfScope && parsed.confidence >= CONFIDENT;
    if let Some(pending) = state.pending.clone() {
        let open_question = matches!(pending, Pending::AtmLocation | Pending::CardChoice);
        match (open_question, words::yes_no(text)) {
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
            Pending::AtmLocation => {
                let other_intent = confident && parsed.intent != IntentId::AtmNearby;
                // A place is a few words or is read as one; a sentence that names none
                // ("actually no dont lock it, i found it") is another request: the
                // question is dropped and the message read as usual.
                let short = text.split_whitespace().count() <= MAX_BARE_PLACE_WORDS;
                if parsed.slots.location.is_some() || (!other_intent && short) {
                    let place = parsed.slots.location.as_deref().unwrap_or(text).trim();
                    if !place.is_empty() {
                        state.turn_intent = Some(IntentId::AtmNearby);
                        return atm::search_place(ctx, state, place, text).await;
                    }
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
            // "ouais bloque-la" to the offer: the order is the confirmation.
            Pending::LockOffer
                if crate::intents::lock_order::orders(text) && ctx.customer.is_some() =>
            {
                if let Some(credential) = ctx.customer {
                    state.turn_intent = Some(IntentId::CardLock);
                    let kind = parsed.slots.account_type;
                    return crate::intents::lock_order::lock_now(ctx, state, credential, kind)
                        .await;
                }
            }
            // "on the visa", "it was my debit card" to the offer: lock that card, once confirmed.
            Pending::LockOffer
                if parsed.slots.account_type.is_some()
                    && (Slots {
                        account_type: None,
                        ..parsed.slots.clone()
                    })
                    .is_empty()
                    && !matches!(parsed.intent, IntentId::Balance | IntentId::Transactions)
                    || (parsed.slots.account_type.is_some() && !confident) =>
            {
                if let Some(credential) = ctx.customer {
                    state.turn_intent = Some(IntentId::CardLock);
                    return cards::handle(ctx, state, credential, parsed.slots.account_type).await;
                }
            }
            // "what do I do?" to the offer: the offer again, with its choices.
            Pending::LockOffer
                if parsed.intent == IntentId::Help
                    || cues::asks_what_it_does(text)
                    || cues::asks_what_to_do(text) =>
            {
                state.turn_intent = Some(IntentId::ReportFraud);
                fraud::handle(ctx, state);
                return Ok(());
            }
            // An offer: a yes takes it, anything else moves on.
            // "en fait non laisse-la" just after an alert was switched: put it back.
            Pending::AlertUndo { alert, on } if alerts::takes_back(text) => {
                state.turn_intent = Some(IntentId::ManageAlerts);
                alerts::set(ctx, state, alert, on);
                state.pending = None;
                return Ok(());
            }
            Pending::AlertUndo { .. } => {}
            Pending::LockOffer | Pending::AlertSwitch { .. } => {
                if let Some(yes) = words::yes_no(text)
                    && (!confident || yes || words::bare_yes_no(text).is_some())
                {
                    return answer(ctx, state, yes).await;
                }
            }
            Pending::CardLockConfirm { .. }
            | Pending::CardLockConfirmAll { .. }
            | Pending::UnlinkConfirm
            | Pending::DeleteConfirm => {
                if let Some(yes) = words::yes_no(text) {
                    return answer(ctx, state, yes).await;
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
                if !confident && !words::names_a_request(text) {
                    let choices = ctx.yes_no();
                    ctx.ask(Msg::ConfirmReask, choices);
                    return Ok(());
                }
            }
        }
        // Something else was asked: the question is dropped.
        state.pending = None;
    }
    // "pas autre chose en octobre ?" after the rent: the period's other operations, or no.
    if crate::intents::anything_else::asks(text, state, &parsed.slots)
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        return crate::intents::anything_else::answer(ctx, state, credential, &parsed.slots).await;
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
    // "cancel it" after Netflix's payments: a subscription the bot cannot stop.
    let after_merchant = matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    ) && state.last_slots.merchant.is_some();
    if cancel::asks(text, after_merchant) {
        state.pending = None;
        state.more = None;
        small_talk::unsupported(ctx, cues::Unsupported::Subscription);
        state.said_cannot = true;
        return Ok(());
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
        || (state.last_intent == Some(IntentId::Balance) && !cues::last_digits(text).is_empty());
    // "je reste avec le bot" after a person was offered: stay, briefly.
    if crate::intents::stay_with_bot::stays(text) {
        state.pending = None;
        state.misses = 0;
        ctx.say(Msg::StayWithBot);
        return Ok(());
    }
    // "merci, bonne soirée": a wish for the rest of the day is a goodbye.
    if (crate::intents::farewell_wish::wishes(text) || crate::intents::closing::closes(text))
        && !names_something
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
    // "c bon elle est bien bloquée ?" asks the card's state: not a bare yes.
    // "fais le total stp" after a listing is the total, not a "yes".
    let asks_listed_total = crate::intents::listed_total::after_undated_listing(state)
        && crate::intents::listed_total::asks(text);
    if (!confident || parsed.intent == IntentId::Goodbye)
        && !names_something
        && !card_status::asks(text)
        && !asks_listed_total
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
    if cues::asks_if_bot(text) {
        state.pending = None;
        small_talk::bot_question(ctx);
        return Ok(());
    }
    // "SMS de la banque qui me demande mon code c'est normal ??": no, never; then the offer.
    if crate::intents::phishing::asked(text) {
        state.more = None;
        crate::intents::phishing::answer(ctx, state);
        return Ok(());
    }
    // "a text asked for my PIN, what should I do?": a scam to report, not a PIN request.
    if scam::reported(text) {
        return intent_turn(ctx, state, IntentId::ReportFraud, &parsed.slots, text).await;
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
        && let Some(step) = shift::asks(text)
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
    // "what's your phone number?": how to reach the bank.
    if contact::asks(text) && parsed.intent != IntentId::HumanAgent {
        state.pending = None;
        state.turn_intent = Some(IntentId::HumanAgent);
        contact::answer(ctx);
        return Ok(());
    }
    // "is my card locked?": a question about the card, not an offer to lock it.
    if (card_status::asks(text) || card_status::lists_cards(text))
        && let Some(credential) = ctx.customer
    {
        state.pending = None;
        state.turn_intent = Some(IntentId::CardLock);
        let declined = card_status::declined(text);
        return card_status::answer(ctx, credential, parsed.slots.account_type, declined).await;
    }
    // "j'ai une opé de 45 euros, c'est quoi ?": the operations of exactly that amount.
    if parsed.slots.amount_min.is_none()
        && parsed.slots.amount_max.is_none()
        && let Some(amount) = crate::intents::exact_amount::asked(text)
        && let Some(credential) = ctx.customer
    {
        let (min, max) = crate::intents::exact_amount::bounds(text, amount);
        let slots = crate::intents::exact_amount::slots(&parsed.slots, min, max);
        state.turn_intent = Some(IntentId::Transactions);
        state.pending = None;
        let slots = crate::intents::exact_amount::other_dates(ctx, credential, slots).await?;
        transactions::handle(ctx, state, credential, &slots, cues::Ask::Plain, false).await?;
        state.last_intent = Some(IntentId::Transactions);
        state.last_slots = slots;
        return Ok(());
    }
    if let Some(what) = cues::unsupported(text) {
        state.pending = None;
        state.more = None;
        small_talk::unsupported(ctx, what);
        state.said_cannot = true;
        return Ok(());
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
    // "this month?", "et ce mois ci ?" after a total: the same question over those days,
    // however sure the engine is that it is a fresh one, when asked as a follow-up (a
    // question mark or an opener); a bare "october" the engine is sure of stands alone.
    let dates_only = parsed.slots.date_from.is_some()
        && (parsed.confidence < CUED_FOLLOW_UP && state.last_intent != Some(parsed.intent)
            || text.contains('?')
            || words::follow_up_cue(text))
        && matches!(
            state.last_intent,
            Some(IntentId::Transactions | IntentId::SpendingSummary)
        )
        && cues::only_dates(text);
    let open = !confident
        || dates_only
        || relative_period
        || (words::follow_up_cue(text) && parsed.confidence < CUED_FOLLOW_UP);
    let (mut intent, mut slots) = follow_up(state, parsed, open, text);
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
        && state.last_slots.date_from.is_some()
        && crate::intents::within::ranks(text)
    {
        intent = IntentId::SpendingSummary;
        slots = Slots {
            date_from: state.last_slots.date_from,
            date_to: state.last_slots.date_to,
            account_type: parsed.slots.account_type.or(state.last_slots.account_type),
            ..Slots::default()
        };
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
            || text.split_whitespace().count() <= 3)
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
/// `open` says whether the utterance may be one (not placed, or cued).
fn follow_up(
    state: &DialogState,
    parsed: &IntentMatch,
    open: bool,
    text: &str,
) -> (IntentId, Slots) {
    let s = &parsed.slots;
    let last = match state.last_intent {
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
    let mut merged = state.last_slots.clone();
    if last == IntentId::Balance || last == IntentId::AtmNearby {
        merged = Slots::default();
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

/// Yes or no, to whatever was asked.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    yes: bool,
) -> Result<(), HandlerError> {
    state.turn_intent = match &state.pending {
        Some(
            Pending::CardLockConfirm { .. }
            | Pending::CardLockConfirmAll { .. }
            | Pending::CardChoice,
        ) => Some(IntentId::CardLock),
        Some(Pending::UnlinkConfirm) => Some(IntentId::UnlinkAccount),
        Some(Pending::DeleteConfirm) => Some(IntentId::DeleteMyData),
        Some(Pending::AtmLocation) => Some(IntentId::AtmNearby),
        Some(Pending::LockOffer) => Some(IntentId::CardLock),
        Some(Pending::AlertSwitch { .. } | Pending::AlertUndo { .. }) => {
            Some(IntentId::ManageAlerts)
        }
        None => None,
    };
    match state.pending.take() {
        Some(Pending::CardLockConfirm { card }) => match ctx.customer {
            Some(credential) => {
                // "did it work?" next is about this card, whatever was answered between.
                if state.last_intent != Some(IntentId::CardLock) {
                    state.last_intent = Some(IntentId::CardLock);
                    state.last_slots = Slots::default();
                }
                let done = cards::answer(ctx, credential, &card, yes).await;
                if done.is_err() {
                    // The bank failed: the same "yes" can be sent again.
                    state.pending = Some(Pending::CardLockConfirm { card });
                }
                done
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
        Some(Pending::LockOffer) => match (yes, ctx.customer) {
            (true, Some(credential)) => cards::handle(ctx, state, credential, None).await,
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
        Some(Pending::AlertSwitch { alert: kind, on }) => {
            if yes {
                alerts::set(ctx, state, kind, on);
            } else {
                ctx.say(Msg::Okay);
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

/// The account-link button, for a data request from an unlinked user.
fn link_needed(ctx: &mut Ctx<'_>) -> Result<(), HandlerError> {
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

async fn intent_turn(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    intent: IntentId,
    slots: &Slots,
    text: &str,
) -> Result<(), HandlerError> {
    let (intent, ask) = cues::refine(intent, text);
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
    let intent = crate::intents::afford::balance_instead(intent, text);
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
        slots.date_from = today.checked_sub_days(chrono::Days::new(364));
        slots.date_to = Some(today);
    }
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
    // "my purchases over 40 euros": a threshold asks for the items, unless a sum is asked.
    let intent = if intent == IntentId::SpendingSummary
        && (slots.amount_min.is_some() || slots.amount_max.is_some())
        && !cues::asks_sum(text)
    {
        state.turn_intent = Some(IntentId::Transactions);
        IntentId::Transactions
    } else {
        intent
    };
    let slots = &slots;
    match (intent, credential) {
        (IntentId::Balance, Some(s)) => {
            balance::handle(ctx, s, slots.account_type, ask, text).await?
        }
        (IntentId::Transactions, Some(s)) => {
            let refines = state.last_intent == Some(IntentId::Transactions)
                && money_out::still_only(text, state.out_only);
            let out_only = money_out::only(text) || refines;
            transactions::handle(ctx, state, s, slots, ask, out_only).await?;
            state.out_only = out_only;
        }
        (IntentId::CardLock, Some(s)) if ask == cues::Ask::Unlock => {
            cards::unlock(ctx, state, s, slots.account_type).await?
        }
        (IntentId::SpendingSummary, Some(s)) => {
            spending::handle(ctx, s, slots).await?;
        }
        (IntentId::CardLock, Some(s)) if crate::intents::lock_all::names_every_card(text) => {
            crate::intents::lock_all::confirm(ctx, state, s).await?
        }
        (IntentId::CardLock, Some(s)) => cards::handle(ctx, state, s, slots.account_type).await?,
        (IntentId::ManageAlerts, Some(_)) => alerts::handle(ctx, state, text),
        (IntentId::AtmNearby, _) => {
            atm::handle(ctx, state, text, slots.location.as_deref()).await?
        }
        (IntentId::ReportFraud, Some(s)) => {
            if !fraud::already_locked(ctx, s, slots.account_type).await? {
                fraud::handle(ctx, state);
            }
        }
        (IntentId::ReportFraud, None) => fraud::handle(ctx, state),
        (IntentId::HumanAgent, _) => handoff::handle(ctx, state),
        (IntentId::LinkAccount, _) => linking::link(ctx),
        (IntentId::UnlinkAccount, _) => linking::unlink(ctx, state),
        (IntentId::DeleteMyData, _) => privacy::handle(ctx, state),
        (IntentId::PrivacyInfo, _) => privacy_info::handle(ctx),
        (IntentId::DataAccess, _) => access::handle(ctx),
        (IntentId::Greeting, _) => small_talk::greeting(ctx),
        (IntentId::Help, _) => small_talk::help(ctx),
        (IntentId::Thanks, _) => small_talk::thanks(ctx),
        (IntentId::Goodbye, _) => small_talk::goodbye(ctx),
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
        if ask == cues::Ask::Income {
            // What follows ("how much was it", "and in october?") is about money in.
            state.last_slots.category = Some(bankbot_core::Category::Income);
        }
    }
    Ok(())
}
