//! "Le loyer il passe quand ?", "when does netflix charge me", "when's rent due": from the
//! last time that payment was taken over the past year, when it was and when it should come
//! next if it comes every month (the same day of the month), plainly marked as an estimate.
//! A date already past that has not shown up yet is said so; no history, no guess; a
//! merchant paid several times a month has no set day, and the bot says so.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::has_padded_phrase;
use bankbot_core::{Category, IntentId, Slots};
use chrono::Months;

use crate::catalog::{FlowMsg, Msg};
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::transactions;
use crate::intents::{history, received_from};
use crate::{DialogState, HandlerError, format};

/// How far back the last payment is looked for.
const LOOK_BACK_DAYS: u64 = 365;
/// Two payments closer than this are no monthly debit ("when does starbucks charge me").
const MIN_MONTHLY_GAP_DAYS: i64 = 25;

/// Words asking when it comes (present or future), folded.
const WHEN_NEXT: &[&str] = &[
    "when does",
    "when do",
    "when will",
    "when's",
    "whens",
    "when is",
    "when are",
    "what day does",
    "which day does",
    "what day is",
    "due",
    "next",
    "upcoming",
    "prochain",
    "prochaine",
    "passe quand",
    "passera",
    "va passer",
    "vont passer",
    "quand passe",
    "quand est ce que",
    "quand est preleve",
    "preleve quand",
    "prelevee quand",
    "tombe quand",
    "quel jour passe",
    "c'est quand",
    "quand il passe",
    "quand ca passe",
];

/// Past or last: then the last payment is asked, not the next one.
const PAST: &[&str] = &[
    "did",
    "was",
    "were",
    "last",
    "dernier",
    "derniere",
    "etait",
    "c'etait",
    "a ete",
    "est passe",
    "deja",
    "already",
];

/// Words of the customer's pay or benefits ("when does my paycheck come", "next payday?").
const PAY: &[&str] = &[
    "paycheck",
    "paycheque",
    "payday",
    "pay day",
    "my pay",
    "get paid",
    "salary",
    "wages",
    "pension",
    "salaire",
    "ma paie",
    "la paie",
    "ma paye",
    "la paye",
    "prochaine paie",
    "prochaine paye",
    "prochain salaire",
    "suis paye",
    "suis payee",
    "allocs",
    "la caf",
    "retraite",
];

/// True when `text` asks when the customer's pay comes next.
pub(crate) fn asks_pay(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    has(PAY)
        && (has(WHEN_NEXT) || has(&["quand", "when"]) || asks_ahead(&f))
        && !has(PAST)
        && !has(&["how much", "combien", "since", "depuis"])
        // "notify me when my paycheck lands": an alert to set.
        && !has(received_from::ALERT)
        // « je veux être prévenu quand je touche mon salaire »: the deposit alert.
        && !crate::alert_words::named(text)
}

/// "will my paycheck hit before dec 18", "is my pay gonna land by friday": a question
/// about a date ahead, answered by the next estimated pay, not by a search of past dates.
/// "will my paycheck cover rent" weighs an amount instead, and "will i make it to payday"
/// asks whether the money lasts.
fn asks_ahead(folded: &str) -> bool {
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(folded, p));
    has(&[
        "will",
        "before",
        "by",
        "gonna",
        "going to",
        "coming",
        "expected",
        "expect",
        "avant",
        "va arriver",
        "arrivera",
    ]) && !has(&[
        "cover",
        "enough",
        "afford",
        "make it",
        "survive",
        "till",
        "until",
        "til",
        "assez",
        "suffisant",
        "tenir",
    ])
}

/// True when `text` asks when a payment named in `slots` comes.
pub(crate) fn asks(text: &str, slots: &Slots) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    let named = slots.merchant.is_some()
        || slots
            .category
            .is_some_and(|c| !matches!(c, Category::Income | Category::Transfer));
    named
        && has(WHEN_NEXT)
        // "when is my credit card bill due": the card's due date, answered elsewhere.
        && !crate::intents::card_bill::asks_due(text)
        && !has(PAST)
        && !has(&["how much", "combien"])
        && !has(received_from::ALERT)
}

/// When the pay last came in, and when it should come next if monthly.
pub(crate) async fn answer_pay(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let last = crate::intents::income_before::latest(ctx, credential, &TransactionQuery::default())
        .await?;
    ctx.audit("transactions");
    state.more = None;
    state.turn_intent = Some(IntentId::Transactions);
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = Slots {
        category: Some(Category::Income),
        ..Slots::default()
    };
    let lang = ctx.lang;
    let Some(tx) = last else {
        let range = transactions::last_days(today, LOOK_BACK_DAYS)
            .map(|r| format::range(r, today, lang))
            .unwrap_or_default();
        ctx.say(Msg::IncomeNone(&range));
        return Ok(());
    };
    let next = tx
        .booking_date
        .checked_add_months(Months::new(1))
        .unwrap_or(tx.booking_date);
    ctx.say(Msg::Flow(FlowMsg::NextPay {
        who: tx.counterparty(),
        last: &format::date(tx.booking_date, today, lang),
        amount: &format::signed(&tx.amount, lang),
        next: &format::date(next, today, lang),
        late: next <= today,
    }));
    Ok(())
}

/// When it was last taken, and when it should come next.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<(), HandlerError> {
    let named = Slots {
        merchant: slots.merchant.clone(),
        category: slots.category,
        account_type: slots.account_type,
        ..Slots::default()
    };
    let today = ctx.services.clock.today();
    let Some((query, _)) = transactions::build_query(ctx, credential, &named, today).await? else {
        return Ok(());
    };
    let query = TransactionQuery {
        range: None,
        ..query
    };
    let query = TransactionQuery {
        range: transactions::last_days(today, LOOK_BACK_DAYS),
        ..query
    };
    let mut paid: Vec<_> = history::all(ctx, credential, &query)
        .await?
        .into_iter()
        .filter(|t| t.is_debit() && t.category != Some(Category::Transfer))
        .collect();
    paid.sort_by_key(|t| std::cmp::Reverse(t.booking_date));
    let often = paid
        .windows(2)
        .any(|w| (w[0].booking_date - w[1].booking_date).num_days() < MIN_MONTHLY_GAP_DAYS);
    let last = paid.into_iter().next();
    ctx.audit("transactions");
    state.more = None;
    state.turn_intent = Some(IntentId::Transactions);
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = named.clone();
    let lang = ctx.lang;
    let Some(tx) = last else {
        let who = match (&named.merchant, named.category) {
            (Some(m), _) => crate::catalog::title_case(m),
            (None, c) => crate::catalog::category(lang, c).to_owned(),
        };
        ctx.say(Msg::Flow(FlowMsg::NextDebitNone { who: &who }));
        return Ok(());
    };
    // "when does starbucks charge me": paid several times a month, no set day to guess.
    if often {
        ctx.say(Msg::Flow(FlowMsg::NextDebitOften {
            who: tx.counterparty(),
            last: &format::date(tx.booking_date, today, lang),
            amount: &format::signed(&tx.amount, lang),
        }));
        return Ok(());
    }
    let next = tx
        .booking_date
        .checked_add_months(Months::new(1))
        .unwrap_or(tx.booking_date);
    ctx.say(Msg::Flow(FlowMsg::NextDebit {
        who: tx.counterparty(),
        last: &format::date(tx.booking_date, today, lang),
        amount: &format::signed(&tx.amount, lang),
        next: &format::date(next, today, lang),
        late: next <= today,
    }));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(merchant: Option<&str>, category: Option<Category>) -> Slots {
        Slots {
            merchant: merchant.map(str::to_owned),
            category,
            ..Slots::default()
        }
    }

    #[test]
    fn when_a_payment_comes() {
        let rent = with(None, Some(Category::Housing));
        let netflix = with(Some("netflix"), None);
        assert!(asks("le loyer il passe quand ?", &rent));
        assert!(asks("when's rent due", &rent));
        assert!(asks("when does netflix charge me", &netflix));
        assert!(asks("quand est-ce que netflix me prélève ?", &netflix));
        assert!(asks("next netflix payment?", &netflix));
        for t in [
            "when does my paycheck come",
            "next payday?",
            "when do i get paid",
            "mon salaire tombe quand ?",
            "c'est quand la prochaine paie",
        ] {
            assert!(asks_pay(t), "{t}");
        }
        for t in [
            "did my paycheck come in",
            "how much was my last paycheck",
            "spending since payday",
            "mon salaire est tombé ?",
            "notify me when my paycheck lands",
            "préviens moi quand mon salaire arrive",
        ] {
            assert!(!asks_pay(t), "{t}");
        }
    }

    #[test]
    fn past_payments_and_unnamed_ones_are_not() {
        let netflix = with(Some("netflix"), None);
        assert!(!asks("when did netflix charge me", &netflix));
        assert!(!asks("when was my last netflix payment", &netflix));
        assert!(!asks("when is my payment due", &Slots::default()));
        let bills = Slots {
            category: Some(Category::Bills),
            ..Slots::default()
        };
        assert!(!asks("when is my credit card bill due", &bills));
        assert!(!asks("how much is netflix next month", &netflix));
    }
}
