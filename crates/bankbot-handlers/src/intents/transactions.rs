//! `transactions`: the newest transactions matching the slots (count, dates, merchant,
//! category, amounts, account), pending ones marked, "show more" continuing where the last
//! answer stopped.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{Currency, DateRange, Money, Slots, Transaction, TransactionStatus};
use chrono::{Days, NaiveDate};

use crate::catalog::{Msg, TxFilters};
use crate::ctx::Ctx;
use crate::cues::Ask;
use crate::format;
use crate::intents::income_before;
use crate::{DialogState, HandlerError, TxCursor};
use bankbot_core::Payload;

/// How many transactions an answer shows when the customer gives no count.
pub const DEFAULT_COUNT: u32 = 5;
/// The most transactions one answer shows.
pub const MAX_COUNT: u32 = 25;
/// The most pages fetched for one answer (a guard against connectors that never end).
pub(crate) const MAX_PAGES: usize = 20;

pub(crate) async fn handle(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    slots: &Slots,
    ask: Ask,
    out_only: bool,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let Some((query, currency)) = build_query(ctx, credential, slots, today).await? else {
        return Ok(());
    };
    if matches!(
        ask,
        Ask::Pending | Ask::Income | Ask::Largest | Ask::Smallest | Ask::HowMany
    ) {
        return special(ctx, state, credential, slots, query, ask).await;
    }
    let count = slots.count.unwrap_or(DEFAULT_COUNT).clamp(1, MAX_COUNT);
    let (items, cursor) = if out_only {
        // "purchases over $100": money in (salary, refunds) is not a purchase. Read a full
        // listing, keep money out, then the count asked.
        let (mut items, _) = collect(ctx, credential, query.clone(), MAX_COUNT, 0).await?;
        items.retain(|t| t.amount.is_negative());
        items.truncate(count as usize);
        (items, None)
    } else {
        collect(ctx, credential, query.clone(), count, 0).await?
    };
    let amount = |d| currency.map(|c| Money::new(d, c).format(ctx.lang));
    // "et la sncf": the merchant as the bank names it ("SNCF"), not as typed.
    let canonical = slots
        .merchant
        .as_deref()
        .and_then(|typed| format::bank_merchant_name(typed, &items));
    let filters = TxFilters {
        merchant: canonical.as_deref().or(slots.merchant.as_deref()),
        category: slots.category,
        account: slots.account_type,
        range: query.range.map(|r| format::range(r, today, ctx.lang)),
        min: slots.amount_min.and_then(amount),
        max: slots.amount_max.and_then(amount),
    };
    ctx.audit("transactions");
    if items.is_empty() {
        ctx.say(Msg::TxNone { filters: &filters });
        state.more = None;
        if let Some(range) = query.range {
            // "le dernier trimestre" with the history starting after it: said.
            if let Some(crate::history::Held::After(first)) =
                crate::history::clipped(ctx, credential, range).await?
            {
                ctx.say(Msg::HistoryFrom(&format::date(first, today, ctx.lang)));
            }
            crate::intents::last_before::show(
                ctx, state, credential, slots, &query, range, out_only,
            )
            .await?;
        }
        return Ok(());
    }
    // Money out only is a list of payments, and says so: "transactions" would claim the
    // salary in between was not there.
    let n = items.len();
    let header = ctx.t(if out_only {
        Msg::TxPaymentsHeader {
            n,
            filters: &filters,
        }
    } else {
        Msg::TxHeader {
            n,
            filters: &filters,
        }
    });
    send_list(ctx, state, header, &items, cursor);
    Ok(())
}

/// "Show more": the next transactions of the last listing.
pub(crate) async fn more(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
) -> Result<(), HandlerError> {
    // Kept in the state until the next page is in hand, so a failed call can be retried.
    let Some(cursor) = state.more.clone() else {
        ctx.say(Msg::TxNoMore);
        return Ok(());
    };
    let count = cursor.count.clamp(1, MAX_COUNT);
    let (items, next) = collect(ctx, credential, cursor.query, count, cursor.skip).await?;
    ctx.audit("transactions");
    if items.is_empty() {
        state.more = None;
        ctx.say(Msg::TxNoMore);
        return Ok(());
    }
    let header = ctx.t(Msg::TxMoreHeader { n: items.len() });
    send_list(ctx, state, header, &items, next);
    Ok(())
}

/// The query for the slots and the currency to show amount filters in; `None` after
/// telling the customer that the named account does not exist.
pub(crate) async fn build_query(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
    today: NaiveDate,
) -> Result<Option<(TransactionQuery, Option<Currency>)>, HandlerError> {
    let mut query = TransactionQuery {
        range: slot_range(slots, today),
        text: slots.merchant.clone(),
        category: slots.category,
        amount_min: slots.amount_min.map(|d| d.abs()),
        amount_max: slots.amount_max.map(|d| d.abs()),
        ..TransactionQuery::default()
    };
    let needs_accounts =
        slots.account_type.is_some() || slots.amount_min.is_some() || slots.amount_max.is_some();
    let mut currency = None;
    if needs_accounts {
        let accounts = ctx.services.bank.accounts(credential).await?;
        currency = accounts.first().map(|a| a.currency);
        if let Some(kind) = slots.account_type {
            let Some(account) = accounts.iter().find(|a| a.kind == kind) else {
                ctx.no_account_of_kind(kind);
                return Ok(None);
            };
            query.account = Some(account.id.clone());
            currency = Some(account.currency);
        }
    }
    Ok(Some((query, currency)))
}

/// The date range the slots name: `date_from`..`date_to`, an open end meaning today (or a
/// year before `date_to`), swapped when given backwards.
pub(crate) fn slot_range(slots: &Slots, today: NaiveDate) -> Option<DateRange> {
    let (from, to) = match (slots.date_from, slots.date_to) {
        (None, None) => return None,
        (Some(f), None) => (f, today.max(f)),
        (None, Some(t)) => (t.checked_sub_days(Days::new(365)).unwrap_or(t), t),
        (Some(f), Some(t)) => (f.min(t), f.max(t)),
    };
    DateRange::new(from, to).ok()
}

/// The last `days` days up to `today`: the look-back of a search that names no period.
pub(crate) fn last_days(today: NaiveDate, days: u64) -> Option<DateRange> {
    let from = today.checked_sub_days(Days::new(days)).unwrap_or(today);
    DateRange::new(from, today).ok()
}

/// The range the slots name, else the last `days` days.
pub(crate) fn slot_range_or_last(slots: &Slots, today: NaiveDate, days: u64) -> Option<DateRange> {
    slot_range(slots, today).or_else(|| last_days(today, days))
}

/// Pages through `query` from `skip` items into its page until `count` items are found.
/// Returns them and where the next ones start, if anywhere.
pub(crate) async fn collect(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    mut query: TransactionQuery,
    count: u32,
    mut skip: u32,
) -> Result<(Vec<Transaction>, Option<TxCursor>), HandlerError> {
    let want = count as usize;
    query.limit = count;
    let mut out: Vec<Transaction> = Vec::with_capacity(want);
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        let len = page.transactions.len();
        let start = (skip as usize).min(len);
        let take = (want - out.len()).min(len - start);
        out.extend(page.transactions.into_iter().skip(start).take(take));
        if out.len() >= want {
            let consumed = start + take;
            let cursor = if consumed < len {
                Some(TxCursor {
                    query,
                    count,
                    skip: u32::try_from(consumed).unwrap_or(u32::MAX),
                })
            } else {
                page.next_page.map(|token| TxCursor {
                    query: TransactionQuery {
                        page_token: Some(token),
                        ..query
                    },
                    count,
                    skip: 0,
                })
            };
            return Ok((out, cursor));
        }
        match page.next_page {
            Some(token) => {
                query.page_token = Some(token);
                skip = 0;
            }
            None => return Ok((out, None)),
        }
    }
    Ok((out, None))
}

pub(crate) fn send_list(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    header: String,
    items: &[Transaction],
    next: Option<TxCursor>,
) {
    let today = ctx.services.clock.today();
    let mut lines = vec![header];
    state.cash_only = false;
    state.listed = items
        .iter()
        .map(|tx| crate::Listed::Transaction {
            account: tx.account_id.clone(),
            id: tx.id.clone(),
            day: tx.booking_date,
        })
        .collect();
    for tx in items {
        let date = format::date(tx.booking_date, today, ctx.lang);
        let amount = format::signed(&tx.amount, ctx.lang);
        lines.push(ctx.t(Msg::TxLine {
            date: &date,
            who: tx.counterparty(),
            amount: &amount,
            pending: tx.status == TransactionStatus::Pending,
        }));
    }
    let text = lines.join("\n");
    match next {
        Some(cursor) => {
            state.more = Some(cursor);
            let more = ctx.choice(Msg::LabelMore, Payload::More);
            ctx.ask_text(text, vec![more]);
        }
        None => {
            state.more = None;
            ctx.reply(bankbot_core::Reply::text(text));
        }
    }
}

/// Pending items only, money in, or the largest purchases: read the whole range (bounded)
/// and pick.
async fn special(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    slots: &Slots,
    mut query: TransactionQuery,
    ask: Ask,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let asked_query = query.clone();
    if query.range.is_none() && ask != Ask::Pending {
        let first = chrono::Datelike::with_day(&today, 1).unwrap_or(today);
        let named = slots.merchant.is_some() || slots.category.is_some();
        let from = if ask == Ask::HowMany && named {
            // "How many times did I go to Starbucks": over the past year.
            today.checked_sub_days(Days::new(365)).unwrap_or(today)
        } else if ask == Ask::Income && today.signed_duration_since(first).num_days() < 7 {
            // Early in the month, "has my salary arrived" looks back a month.
            today.checked_sub_days(Days::new(31)).unwrap_or(today)
        } else {
            first
        };
        query.range = DateRange::new(from, today).ok();
    }
    query.limit = bankbot_bank::MAX_PAGE_SIZE;
    let mut all = Vec::new();
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        all.extend(page.transactions);
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => break,
        }
    }
    ctx.audit("transactions");
    state.more = None;
    let lang = ctx.lang;
    let range = query
        .range
        .map(|r| format::range(r, today, lang))
        .unwrap_or_default();
    let own_transfer = |tx: &Transaction| tx.category == Some(bankbot_core::Category::Transfer);
    let (header, items): (String, Vec<Transaction>) = match ask {
        Ask::Pending => {
            let items: Vec<Transaction> = all
                .into_iter()
                .filter(|t| t.status == TransactionStatus::Pending)
                .collect();
            if items.is_empty() {
                // "pending on my visa": nothing there, which says nothing of the others.
                ctx.say(match slots.account_type {
                    Some(kind) => Msg::TxNoPendingOn(kind),
                    None => Msg::TxNoPending,
                });
                return Ok(());
            }
            (ctx.t(Msg::TxPendingHeader(items.len())), items)
        }
        Ask::HowMany => {
            let mut items: Vec<Transaction> =
                all.into_iter().filter(|t| !own_transfer(t)).collect();
            if items.is_empty() {
                ctx.say(Msg::TxCount {
                    n: 0,
                    range: &range,
                });
                return Ok(());
            }
            // "how many times at Carrefour": the count, with what those payments came to.
            let header = match spent_total(&items) {
                Some(spent) => ctx.t(Msg::TxCountSpent {
                    n: items.len(),
                    range: &range,
                    spent: &spent.format(lang),
                }),
                None => ctx.t(Msg::TxCount {
                    n: items.len(),
                    range: &range,
                }),
            };
            items.truncate(MAX_COUNT as usize);
            (header, items)
        }
        Ask::Income => {
            // Into one account, a transfer from another is money in; across them all it
            // is money moved, not money in.
            let items: Vec<Transaction> = all
                .into_iter()
                .filter(|t| income_before::is_money_in_to(t, asked_query.account.is_some()))
                .collect();
            if items.is_empty() {
                // "how much uber paid me": nothing from Uber, then what did come in.
                let none = match asked_query.text.as_deref() {
                    Some(payer) => ctx.t(Msg::IncomeNoneFrom {
                        payer,
                        range: &range,
                    }),
                    None => match slots.account_type {
                        Some(account) => ctx.t(Msg::IncomeNoneInto {
                            account,
                            range: &range,
                        }),
                        None => ctx.t(Msg::IncomeNone(&range)),
                    },
                };
                let any_payer = TransactionQuery {
                    text: None,
                    ..asked_query.clone()
                };
                // Say when money last came in: from that payer if ever over the past year
                // ("the interest credited last time"), else from anyone.
                let from_payer = match asked_query.text {
                    Some(_) => {
                        income_before::latest_with_outside(ctx, credential, &asked_query).await?
                    }
                    None => Vec::new(),
                };
                let latest = match from_payer.is_empty() {
                    false => from_payer,
                    true => income_before::latest_with_outside(ctx, credential, &any_payer).await?,
                };
                if !latest.is_empty() {
                    let header = format!("{none} {}", ctx.t(Msg::IncomeLatest));
                    send_list(ctx, state, header, &latest, None);
                } else {
                    ctx.reply(bankbot_core::Reply::text(none));
                }
                return Ok(());
            }
            let currency = items[0].amount.currency;
            let total = Money::sum(
                currency,
                items
                    .iter()
                    .filter(|t| t.amount.currency == currency)
                    .map(|t| &t.amount),
            )?
            .format(lang);
            (
                ctx.t(Msg::IncomeHeader {
                    total: &total,
                    range: &range,
                }),
                items,
            )
        }
        _ => {
            let mut items: Vec<Transaction> = all
                .into_iter()
                .filter(|t| t.is_debit() && !own_transfer(t))
                .collect();
            if ask == Ask::Smallest {
                items.sort_by_key(|t| t.amount.amount.abs());
            } else {
                items.sort_by_key(|t| std::cmp::Reverse(t.amount.amount.abs()));
            }
            items.truncate(slots.count.unwrap_or(DEFAULT_COUNT).clamp(1, MAX_COUNT) as usize);
            if items.is_empty() {
                ctx.say(Msg::SpendNone {
                    range: &range,
                    merchant: None,
                    category: None,
                    account: None,
                });
                return Ok(());
            }
            let (n, range) = (items.len(), range.as_str());
            let header = if ask == Ask::Smallest {
                ctx.t(Msg::SmallestHeader { n, range })
            } else {
                ctx.t(Msg::LargestHeader { n, range })
            };
            (header, items)
        }
    };
    send_list(ctx, state, header, &items, None);
    Ok(())
}

/// The day the customer was last paid (the latest money in that is not a transfer between
/// their own accounts), within the last 45 days.
pub(crate) async fn last_payday(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
) -> Result<Option<NaiveDate>, HandlerError> {
    let today = ctx.services.clock.today();
    let from = today.checked_sub_days(Days::new(45)).unwrap_or(today);
    let mut query = TransactionQuery {
        range: DateRange::new(from, today).ok(),
        limit: bankbot_bank::MAX_PAGE_SIZE,
        ..TransactionQuery::default()
    };
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        if let Some(tx) = page.transactions.iter().find(|t| {
            !t.is_debit()
                && t.category != Some(bankbot_core::Category::Transfer)
                && t.amount.amount >= rust_decimal::Decimal::from(100)
        }) {
            return Ok(Some(tx.booking_date));
        }
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => break,
        }
    }
    Ok(None)
}

/// The money out of `items` when they are all in one currency: what a count of payments
/// came to ("3 times at Carrefour, 163,05 € in all").
fn spent_total(items: &[Transaction]) -> Option<Money> {
    let currency = items.iter().find(|t| t.is_debit())?.amount.currency;
    if items.iter().any(|t| t.amount.currency != currency) {
        return None;
    }
    let total = items
        .iter()
        .filter(|t| t.is_debit())
        .map(|t| t.amount.amount.abs())
        .sum();
    Some(Money::new(total, currency))
}
