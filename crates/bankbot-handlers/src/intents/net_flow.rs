//! Money in against money out in one question: "what came in vs went out last month", "net
//! for november?", "did i make more than i spent this month", "entrées moins sorties ce
//! mois-ci", "j'ai gagné plus que dépensé ?" — both figures over the period (this month by
//! default) and the difference. Transfers between the customer's own accounts are neither.
//! Also "compare my income this month to october": money in over both periods.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::has_padded_phrase;
use bankbot_core::{Category, DateRange, IntentId, Money, Slots, Transaction};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::catalog::{FlowMsg, Msg, Weighed};
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::{history, transactions};
use crate::{DialogState, HandlerError, format};

/// Words of money coming in (folded, whole words or phrases).
const IN: &[&str] = &[
    "came in",
    "come in",
    "coming in",
    "went in",
    "money in",
    "income",
    "incomes",
    "earn",
    "earned",
    "earning",
    "earnings",
    "make",
    "made",
    "got paid",
    "get paid",
    "received",
    "deposits",
    "gagne",
    "gagner",
    "gagnes",
    "est entre",
    "sont entres",
    "entrees",
    "entree",
    "rentre",
    "rentree",
    "rentrees",
    "rentres",
    "revenus",
    "revenu",
    "recu",
    "touche",
    "salaire",
    "total in",
];

/// Words of money going out.
const OUT: &[&str] = &[
    "went out",
    "gone out",
    "go out",
    "goes out",
    "going out",
    "money out",
    "spent",
    "spend",
    "spending",
    "expenses",
    "outgoings",
    "outgoing",
    "paid out",
    "depense",
    "depenses",
    "depensee",
    "depensees",
    "depenser",
    "sorti",
    "sortis",
    "sortie",
    "sorties",
    "est sorti",
    "sort",
    "sortent",
    "total out",
];

/// Whole phrases that ask for both at once.
const BOTH: &[&str] = &[
    "net",
    "cash flow",
    "cashflow",
    "in and out",
    "in vs out",
    "in versus out",
    "in v out",
    "in or out",
    "ins and outs",
    "in out",
    "bilan du mois",
    "bilan de ce mois",
    "bilan de mon mois",
    "entrees sorties",
    "entrees et sorties",
    "entrees moins sorties",
];

/// Words that make "net" something else ("net banking", "net salary").
const NOT_NET: &[&str] = &[
    "banking",
    "salary",
    "salaire net",
    "net pay",
    "internet",
    "worth",
];

/// True when `text` asks money in and money out together.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    if has(BOTH) && !has(NOT_NET) {
        return true;
    }
    // "combien j'ai dépensé depuis mon salaire": the pay names where the range starts.
    has(IN) && has(OUT) && !crate::cues::since_payday(text)
}

/// True when a comparison's parts weigh money in ("compare my income this month to
/// october"): either names income.
pub(crate) fn compares_income(first: &Slots, second: &Slots) -> bool {
    first.category == Some(Category::Income) || second.category == Some(Category::Income)
}

/// Money in and money out over the slots' period (this month so far by default), and the
/// difference.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let range = period(slots, today);
    let items = read(ctx, credential, slots, range).await?;
    ctx.audit("transactions");
    let Some(currency) = currency(ctx, credential, &items).await? else {
        return Ok(());
    };
    let money_in = total(&items, currency, |t| !t.is_debit());
    let money_out = total(&items, currency, Transaction::is_debit);
    let (diff, weighed) = weigh(money_in, money_out);
    let lang = ctx.lang;
    let shown = |d: Decimal| Money::new(d, currency).format(lang);
    let range_text = format::range(range, today, lang);
    ctx.say(Msg::Flow(FlowMsg::InOut {
        range: &range_text,
        money_in: &shown(money_in),
        money_out: &shown(money_out),
        diff: &shown(diff),
        weighed,
    }));
    state.more = None;
    state.flow_asked = true;
    state.turn_intent = Some(IntentId::SpendingSummary);
    state.last_intent = Some(IntentId::SpendingSummary);
    state.last_slots = Slots {
        date_from: Some(range.from()),
        date_to: Some(range.to()),
        account_type: slots.account_type,
        ..Slots::default()
    };
    Ok(())
}

/// Money in over `first`'s period against `second`'s.
pub(crate) async fn compare_income(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    first: &Slots,
    second: &Slots,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let (a, b) = (period(first, today), period(second, today));
    let first_items = read(ctx, credential, first, a).await?;
    let second_items = read(ctx, credential, second, b).await?;
    ctx.audit("transactions");
    let mut both = first_items.clone();
    both.extend(second_items.iter().cloned());
    let Some(currency) = currency(ctx, credential, &both).await? else {
        return Ok(());
    };
    let in_a = total(&first_items, currency, |t| !t.is_debit());
    let in_b = total(&second_items, currency, |t| !t.is_debit());
    let (diff, weighed) = weigh(in_a, in_b);
    let lang = ctx.lang;
    let shown = |d: Decimal| Money::new(d, currency).format(lang);
    ctx.say(Msg::Flow(FlowMsg::IncomeCompared {
        range: &format::range(a, today, lang),
        total: &shown(in_a),
        other: &format::range(b, today, lang),
        other_total: &shown(in_b),
        diff: &shown(diff),
        weighed,
    }));
    state.more = None;
    state.turn_intent = Some(IntentId::Transactions);
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = Slots {
        category: Some(Category::Income),
        date_from: Some(b.from()),
        date_to: Some(b.to()),
        ..Slots::default()
    };
    Ok(())
}

/// The slots' period, else this month so far.
fn period(slots: &Slots, today: NaiveDate) -> DateRange {
    transactions::slot_range(slots, today).unwrap_or_else(|| {
        let first = today.with_day(1).unwrap_or(today);
        DateRange::new(first, today).unwrap_or_else(|_| DateRange::day(today))
    })
}

/// The period's transactions, on the account named if any, without transfers between the
/// customer's own accounts.
async fn read(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
    range: DateRange,
) -> Result<Vec<Transaction>, HandlerError> {
    let on_account = Slots {
        account_type: slots.account_type,
        ..Slots::default()
    };
    let Some((query, _)) =
        transactions::build_query(ctx, credential, &on_account, range.to()).await?
    else {
        return Ok(Vec::new());
    };
    let query = TransactionQuery {
        range: Some(range),
        ..query
    };
    Ok(history::all(ctx, credential, &query)
        .await?
        .into_iter()
        .filter(|t| t.category != Some(Category::Transfer))
        .collect())
}

/// The currency of the figures: the items', else the first account's; `None` when the
/// customer has no account at all.
async fn currency(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    items: &[Transaction],
) -> Result<Option<bankbot_core::Currency>, HandlerError> {
    if let Some(t) = items.first() {
        return Ok(Some(t.amount.currency));
    }
    let accounts = ctx.services.bank.accounts(credential).await?;
    Ok(accounts.first().map(|a| a.currency))
}

/// The sum, without sign, of the items in `currency` that pass `keep`.
fn total(
    items: &[Transaction],
    currency: bankbot_core::Currency,
    keep: impl Fn(&Transaction) -> bool,
) -> Decimal {
    items
        .iter()
        .filter(|t| t.amount.currency == currency && keep(t))
        .map(|t| t.amount.amount.abs())
        .sum()
}

/// How `a` weighs against `b`, and by how much.
fn weigh(a: Decimal, b: Decimal) -> (Decimal, Weighed) {
    let weighed = match a.cmp(&b) {
        std::cmp::Ordering::Greater => Weighed::More,
        std::cmp::Ordering::Less => Weighed::Less,
        std::cmp::Ordering::Equal => Weighed::Same,
    };
    ((a - b).abs(), weighed)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn in_and_out_together() {
        for t in [
            "what came in vs went out last month",
            "net for november?",
            "did i make more than i spent this month",
            "entrées moins sorties ce mois-ci",
            "j'ai gagné plus que dépensé ?",
            "money in vs money out in october",
            "how much came in and how much went out this month",
            "am i spending more than i earn",
            "cash flow this month",
            "mes revenus et mes dépenses de novembre",
            "combien est entré et combien est sorti en octobre",
            "ce qui rentre vs ce qui sort ce mois",
        ] {
            assert!(asks(t), "{t}");
        }
    }

    #[test]
    fn one_side_is_not() {
        for t in [
            "how much did i spend in october",
            "what came in this month",
            "dépenses entre le 1 et le 15 novembre",
            "when does netflix charge me",
            "my net salary",
            "spending on groceries",
            "j'ai reçu mon salaire ?",
            "combien j'ai dépensé depuis mon salaire",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
