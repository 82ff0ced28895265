//! "any direct debits coming out soon", "what payments are coming up", "my standing orders",
//! "prélèvements à venir": the regular payments expected in the coming weeks, estimated from
//! the past year (rent, bills, subscriptions, or a payee paid about monthly), each with the
//! day it should come if monthly, plainly marked as an estimate (the bank's data carries no
//! scheduled payments). One named payee ("when does netflix charge me") is
//! [`next_debit`](crate::intents::next_debit)'s.

use std::collections::BTreeMap;

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{Category, IntentId, Slots, Transaction};
use chrono::{Months, NaiveDate};

use crate::catalog::{FlowMsg, Msg};
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::{history, transactions};
use crate::{DialogState, HandlerError, format};

/// How far back regular payments are looked for.
const LOOK_BACK_DAYS: u64 = 365;
/// How far ahead an expected payment is listed.
const AHEAD_DAYS: i64 = 31;
/// Two payments of one payee this close are no monthly payment.
const MIN_MONTHLY_GAP_DAYS: i64 = 25;
/// Two payments of one payee this far apart are no monthly payment either.
const MAX_MONTHLY_GAP_DAYS: i64 = 35;

/// Words of payments still to come, folded.
const AHEAD: &[&str] = &[
    "coming up",
    "coming out",
    "comming up",
    "upcoming",
    "up coming",
    "due soon",
    "going out soon",
    "go out soon",
    "to go out",
    "about to come out",
    "to come out",
    "coming off",
    "scheduled",
    "scheduled payments",
    "future payments",
    "next payments",
    "a venir",
    "prochains prelevements",
    "prochains paiements",
    "vont passer",
    "va passer",
    "doivent passer",
    "prevus",
    "programmes",
];

/// Names of regular payments, folded.
const REGULAR: &[&str] = &[
    "direct debits",
    "standing orders",
    "recurring payments",
    "recurring charges",
    "regular payments",
    "automatic payments",
    "autopay",
    "auto pay",
    "prelevements",
    "virements permanents",
    "paiements recurrents",
];

/// Subscriptions named as such ("show my subscriptions", « mes abonnements »): the regular
/// payments, whatever category the engine read in the word. Folded.
const SUBSCRIPTIONS: &[&str] = &[
    "subscriptions",
    "my subscriptions",
    "subs",
    "abonnements",
    "mes abonnements",
    "abos",
];

/// True when `text` asks which payments are coming ("what payments are coming up") or names
/// the regular ones ("my standing orders", "my subscriptions"), with no payee nor category
/// named ("any bills due soon" is the bills' own question).
pub(crate) fn asks(text: &str, slots: &Slots) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| bankbot_core::has_padded_phrase(&f, p));
    let subscriptions = has(SUBSCRIPTIONS);
    slots.merchant.is_none()
        && (slots.category.is_none() || subscriptions)
        && slots.amount_min.is_none()
        && slots.amount_max.is_none()
        && slots.date_from.is_none()
        && (has(AHEAD) && has(PAYMENT_WORDS)
            || has(REGULAR)
            // "how much on subscriptions" is a total of them.
            || subscriptions && !crate::cues::asks_sum(text))
        && !has(&[
            "cancel",
            "stop",
            "annuler",
            "resilier",
            "arreter",
            "set up",
            "mettre en place",
        ])
}

/// Words of payments in general.
const PAYMENT_WORDS: &[&str] = &[
    "payments",
    "payment",
    "bills",
    "bill",
    "debits",
    "charges",
    "anything",
    "something",
    "money",
    "what",
    "paiements",
    "factures",
    "quoi",
    "qu'est ce qui",
];

/// One payment expected: the last one of its payee and when the next should come.
struct Expected {
    last: Transaction,
    next: NaiveDate,
}

/// The regular payments expected within the next weeks, from the past year.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let query = TransactionQuery {
        range: transactions::last_days(today, LOOK_BACK_DAYS),
        ..TransactionQuery::default()
    };
    let paid: Vec<Transaction> = history::all(ctx, credential, &query)
        .await?
        .into_iter()
        .filter(|t| t.is_debit() && t.category != Some(Category::Transfer))
        .collect();
    ctx.audit("transactions");
    state.more = None;
    state.turn_intent = Some(IntentId::Transactions);
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = Slots::default();
    let expected = expected(paid, today);
    let lang = ctx.lang;
    if expected.is_empty() {
        ctx.say(Msg::Flow(FlowMsg::UpcomingNone));
        return Ok(());
    }
    let lines: Vec<String> = expected
        .iter()
        .map(|e| {
            format!(
                "~{} · {} · {}",
                format::date(e.next, today, lang),
                e.last.counterparty(),
                format::signed(&e.last.amount, lang)
            )
        })
        .collect();
    ctx.say(Msg::Flow(FlowMsg::Upcoming {
        lines: &lines.join("\n"),
    }));
    Ok(())
}

/// Per payee, the last payment and its next day if the payee is paid monthly (a rent, a
/// bill, a subscription, or payments 25 to 35 days apart), kept when that day falls from
/// today to a month ahead; soonest first.
fn expected(paid: Vec<Transaction>, today: NaiveDate) -> Vec<Expected> {
    let mut by_payee: BTreeMap<String, Vec<Transaction>> = BTreeMap::new();
    for t in paid {
        by_payee
            .entry(t.counterparty().to_lowercase())
            .or_default()
            .push(t);
    }
    let mut out: Vec<Expected> = by_payee
        .into_values()
        .filter_map(|mut list| {
            list.sort_by_key(|t| std::cmp::Reverse(t.booking_date));
            let gaps: Vec<i64> = list
                .windows(2)
                .map(|w| (w[0].booking_date - w[1].booking_date).num_days())
                .collect();
            let monthly_gaps = !gaps.is_empty()
                && gaps
                    .iter()
                    .all(|g| (MIN_MONTHLY_GAP_DAYS..=MAX_MONTHLY_GAP_DAYS).contains(g));
            let last = list.into_iter().next()?;
            let regular_kind = matches!(
                last.category,
                Some(Category::Housing | Category::Bills | Category::Entertainment)
            ) && gaps.iter().all(|g| *g >= MIN_MONTHLY_GAP_DAYS);
            if !(monthly_gaps || regular_kind) {
                return None;
            }
            let next = last.booking_date.checked_add_months(Months::new(1))?;
            let ahead = (next - today).num_days();
            (0..=AHEAD_DAYS)
                .contains(&ahead)
                .then_some(Expected { last, next })
        })
        .collect();
    out.sort_by_key(|e| e.next);
    out
}
