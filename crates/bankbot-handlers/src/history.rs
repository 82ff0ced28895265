//! How far back the bank's history goes, for an answer over a long period: "since the
//! beginning of the year" when the bank holds only the last two months is answered over
//! those two months, and the answer says so ("I only have your transactions from Sep 28"),
//! rather than a total that looks like the whole year's.

use bankbot_bank::{CustomerCredential, MAX_PAGE_SIZE, TransactionQuery};
use bankbot_core::DateRange;
use chrono::{Days, NaiveDate};

use crate::HandlerError;
use crate::ctx::Ctx;

/// Ranges up to this many days are never checked: a month's answer stays one query.
const SHORT_RANGE_DAYS: i64 = 31;
/// How far before a range the bank is asked for anything older.
const LOOK_BEFORE_DAYS: u64 = 3660;
/// The most pages walked to find the oldest transaction in a range.
const MAX_PAGES: usize = 50;

/// How many days before today "the whole history" reaches ("ever", "amazon in total").
const YEAR_BACK_DAYS: u64 = 364;

/// The first day of the whole-history window that ends `today`: the past year.
pub(crate) fn year_back(today: NaiveDate) -> Option<NaiveDate> {
    today.checked_sub_days(Days::new(YEAR_BACK_DAYS))
}

/// True when `slots` already ask over the whole-history window (or longer).
pub(crate) fn covers_year(slots: &bankbot_core::Slots, today: NaiveDate) -> bool {
    slots
        .date_from
        .zip(year_back(today))
        .is_some_and(|(from, year)| from <= year)
}

/// What the bank holds of a long period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Held {
    /// The history starts inside the range: only this part of it is held.
    From(DateRange),
    /// The history starts after the range (on that day): nothing of it is held.
    After(NaiveDate),
}

/// What the bank holds of `range` when its history starts after the range's first day:
/// `None` when the range is a month or less, when the bank holds anything before it, or
/// when it holds nothing at all.
pub(crate) async fn clipped(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    range: DateRange,
) -> Result<Option<Held>, HandlerError> {
    if range.len_days() <= SHORT_RANGE_DAYS {
        return Ok(None);
    }
    let Some(day_before) = range.from().checked_sub_days(Days::new(1)) else {
        return Ok(None);
    };
    let far = day_before
        .checked_sub_days(Days::new(LOOK_BEFORE_DAYS))
        .unwrap_or(day_before);
    let before = TransactionQuery {
        range: DateRange::new(far, day_before).ok(),
        limit: 1,
        ..TransactionQuery::default()
    };
    if !ctx
        .services
        .bank
        .transactions(credential, &before)
        .await?
        .transactions
        .is_empty()
    {
        return Ok(None);
    }
    let today = ctx.services.clock.today().max(range.to());
    let Ok(since) = DateRange::new(range.from(), today) else {
        return Ok(None);
    };
    let Some(oldest) = oldest_in(ctx, credential, since).await? else {
        return Ok(None);
    };
    Ok(if oldest <= range.from() {
        None
    } else if oldest > range.to() {
        Some(Held::After(oldest))
    } else {
        DateRange::new(oldest, range.to()).ok().map(Held::From)
    })
}

/// The day of the oldest transaction in `range`, any account.
async fn oldest_in(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    range: DateRange,
) -> Result<Option<NaiveDate>, HandlerError> {
    let mut query = TransactionQuery {
        range: Some(range),
        limit: MAX_PAGE_SIZE,
        ..TransactionQuery::default()
    };
    let mut oldest: Option<NaiveDate> = None;
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        for tx in &page.transactions {
            oldest = Some(oldest.map_or(tx.booking_date, |o| o.min(tx.booking_date)));
        }
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => break,
        }
    }
    Ok(oldest)
}
