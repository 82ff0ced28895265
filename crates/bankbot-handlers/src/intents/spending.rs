//! `spending_summary`: money out over a period (default: this month so far), in total, by
//! category and by merchant. Transfers between accounts are not spending.

use std::collections::BTreeMap;

use bankbot_bank::{CustomerCredential, MAX_PAGE_SIZE, TransactionQuery};
use bankbot_core::{Category, Currency, DateRange, Money, MoneyError, Slots};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::HandlerError;
use crate::catalog::{Msg, category};
use crate::ctx::Ctx;
use crate::format;
use crate::history::Held;
use crate::intents::transactions::slot_range;

/// The most pages summed for one answer.
const MAX_PAGES: usize = 50;
/// How many categories and merchants an answer lists.
const TOP: usize = 5;

/// Totals per currency and per (name, currency).
#[derive(Default)]
struct Totals {
    total: BTreeMap<Currency, Decimal>,
    by_category: BTreeMap<(Option<Category>, Currency), Decimal>,
    by_merchant: BTreeMap<(String, Currency), Decimal>,
}

/// What was spent, per currency (empty when nothing was).
pub(crate) type Spent = BTreeMap<Currency, Decimal>;

/// Payments left out of a total ("apart from rent", "minus the amazon stuff").
#[derive(Debug, Clone, Default)]
pub(crate) struct Skip {
    pub category: Option<Category>,
    /// Lower case, matched within the counterparty's name.
    pub merchant: Option<String>,
    /// When not empty, every payment outside these categories is left out ("food": groceries
    /// and dining).
    pub only: &'static [Category],
}

impl Skip {
    fn skips(&self, tx: &bankbot_core::Transaction) -> bool {
        (!self.only.is_empty() && !tx.category.is_some_and(|c| self.only.contains(&c)))
            || self.category.is_some_and(|c| tx.category == Some(c))
            || self
                .merchant
                .as_deref()
                .is_some_and(|m| tx.counterparty().to_lowercase().contains(m))
    }
}

/// Answers with the spending over `slots` and returns what was spent (`None` when the
/// question could not be answered), for a comparison to weigh.
pub(crate) async fn handle(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<Option<Spent>, HandlerError> {
    handle_skipping(ctx, credential, slots, None).await
}

/// [`handle`], the payments `skip` matches left out (and said so under the total).
pub(crate) async fn handle_skipping(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
    skip: Option<&Skip>,
) -> Result<Option<Spent>, HandlerError> {
    let today = ctx.services.clock.today();
    let range = slot_range(slots, today).unwrap_or_else(|| month_to_date(today));
    let mut query = TransactionQuery {
        range: Some(range),
        text: slots.merchant.clone(),
        category: slots.category,
        amount_min: slots.amount_min.map(|d| d.abs()),
        amount_max: slots.amount_max.map(|d| d.abs()),
        limit: MAX_PAGE_SIZE,
        ..TransactionQuery::default()
    };
    let mut account_name = None;
    if let Some(kind) = slots.account_type {
        let accounts = ctx.services.bank.accounts(credential).await?;
        let Some(account) = accounts.iter().find(|a| a.kind == kind) else {
            ctx.no_account_of_kind(kind);
            return Ok(None);
        };
        query.account = Some(account.id.clone());
        account_name = Some(crate::format::account_label(account));
    }
    // "since the beginning of the year" with two months held: those two months, said.
    let held = crate::history::clipped(ctx, credential, range).await?;
    let asked = range;
    let range = match held {
        Some(Held::From(part)) => part,
        Some(Held::After(first)) => {
            let held = format::date(first, today, ctx.lang);
            let asked = format::range(range, today, ctx.lang);
            ctx.say(Msg::HistoryNone {
                held: &held,
                range: &asked,
            });
            return Ok(Some(Spent::new()));
        }
        None => range,
    };
    query.range = Some(range);
    let totals = sum(ctx, credential, query, skip).await?;
    ctx.audit("spending");
    // The period as asked, and what it holds said apart.
    let range_text = format::range(asked, today, ctx.lang);
    let history_note = matches!(held, Some(Held::From(_))).then(|| {
        ctx.t(Msg::HistoryFrom(&format::date(
            range.from(),
            today,
            ctx.lang,
        )))
    });
    if totals.total.is_empty() {
        // Say what was looked for, and offer the whole month's spending instead.
        let none = ctx.t(Msg::SpendNone {
            range: &range_text,
            merchant: slots.merchant.as_deref(),
            category: slots.category,
            account: account_name.as_deref(),
        });
        let text = match history_note {
            Some(note) => format!("{none}\n{note}"),
            None => none,
        };
        let next = vec![
            ctx.intent_choice(Msg::LabelSpending, bankbot_core::IntentId::SpendingSummary),
            ctx.intent_choice(Msg::LabelTransactions, bankbot_core::IntentId::Transactions),
        ];
        ctx.ask_text(text, next);
        return Ok(Some(Spent::new()));
    }
    let lang = ctx.lang;
    let spent = totals.total.clone();
    let total = totals
        .total
        .iter()
        .map(|(c, d)| Money::new(*d, *c).format(lang))
        .collect::<Vec<_>>()
        .join(" + ");
    // "trader joes": the merchant as the bank names it ("Trader Joe's"), when one matched.
    let mut matched = totals.by_merchant.keys().map(|(name, _)| name.as_str());
    let merchant = match (matched.next(), matched.next()) {
        (Some(name), None) if slots.merchant.is_some() => Some(name.to_owned()),
        _ => slots.merchant.clone(),
    };
    let mut lines = vec![ctx.t(Msg::SpendTotal {
        total: &total,
        range: &range_text,
        merchant: merchant.as_deref(),
        category: slots.category,
        account: account_name.as_deref(),
    })];
    if skip.is_some_and(|s| !s.only.is_empty()) {
        lines.push(ctx.t(Msg::SpendFood));
    }
    if let Some(skip) = skip.filter(|s| s.category.is_some() || s.merchant.is_some()) {
        let name = match (&skip.merchant, skip.category) {
            (Some(m), _) => m.clone(),
            (None, c) => category(lang, c).to_lowercase(),
        };
        lines.push(ctx.t(Msg::SpendWithout(&name)));
    }
    if slots.category.is_none() && slots.merchant.is_none() {
        let items = top(
            totals
                .by_category
                .into_iter()
                .map(|((cat, cur), d)| (category(lang, cat).to_owned(), Money::new(d, cur))),
            lang,
        );
        lines.push(ctx.t(Msg::SpendByCategory(&items)));
    }
    if slots.merchant.is_none() {
        let items = top(
            totals
                .by_merchant
                .into_iter()
                .map(|((name, cur), d)| (name, Money::new(d, cur))),
            lang,
        );
        lines.push(ctx.t(Msg::SpendByMerchant(&items)));
    }
    lines.extend(history_note);
    ctx.reply(bankbot_core::Reply::text(lines.join("\n")));
    Ok(Some(spent))
}

/// What was spent over `slots` (this month when they name no period), nothing said: the
/// total per currency and the name it was spent under (the merchant as the bank names it
/// when one matched, else the merchant or the category asked).
pub(crate) async fn spent_quietly(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<(Spent, String), HandlerError> {
    let today = ctx.services.clock.today();
    let range = slot_range(slots, today).unwrap_or_else(|| month_to_date(today));
    let query = TransactionQuery {
        range: Some(range),
        text: slots.merchant.clone(),
        category: slots.category,
        limit: MAX_PAGE_SIZE,
        ..TransactionQuery::default()
    };
    let totals = sum(ctx, credential, query, None).await?;
    let mut matched = totals.by_merchant.keys().map(|(name, _)| name.as_str());
    let name = match (matched.next(), matched.next(), &slots.merchant) {
        (Some(name), None, Some(_)) => name.to_owned(),
        (_, _, Some(merchant)) => merchant.clone(),
        _ => category(ctx.lang, slots.category).to_lowercase(),
    };
    Ok((totals.total, name))
}

/// The first of `today`'s month to `today`.
fn month_to_date(today: NaiveDate) -> DateRange {
    let first = today.with_day(1).unwrap_or(today);
    DateRange::new(first, today).unwrap_or_else(|_| DateRange::day(today))
}

async fn sum(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    mut query: TransactionQuery,
    skip: Option<&Skip>,
) -> Result<Totals, HandlerError> {
    let mut t = Totals::default();
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        for tx in &page.transactions {
            if !tx.is_debit()
                || tx.category == Some(Category::Transfer)
                || skip.is_some_and(|s| s.skips(tx))
            {
                continue;
            }
            let (out, cur) = (tx.amount.amount.abs(), tx.amount.currency);
            add(t.total.entry(cur).or_default(), out)?;
            add(t.by_category.entry((tx.category, cur)).or_default(), out)?;
            let merchant = tx.counterparty().to_owned();
            add(t.by_merchant.entry((merchant, cur)).or_default(), out)?;
        }
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => break,
        }
    }
    Ok(t)
}

fn add(slot: &mut Decimal, amount: Decimal) -> Result<(), MoneyError> {
    *slot = slot.checked_add(amount).ok_or(MoneyError::Overflow)?;
    Ok(())
}

/// The largest `TOP` items as `Groceries $300.00 · Dining $120.50`.
fn top(items: impl Iterator<Item = (String, Money)>, lang: bankbot_core::Lang) -> String {
    let mut v: Vec<(String, Money)> = items.collect();
    v.sort_by(|a, b| b.1.amount.cmp(&a.1.amount).then_with(|| a.0.cmp(&b.0)));
    v.into_iter()
        .take(TOP)
        .map(|(name, m)| format!("{name} {}", m.format(lang)))
        .collect::<Vec<_>>()
        .join(" · ")
}
