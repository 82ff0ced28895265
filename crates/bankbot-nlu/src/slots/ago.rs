//! "3 days ago", "two weeks ago", "a couple of weeks ago", "a month ago": a period counted
//! back from today. Days are that day; weeks that Monday-to-Sunday week; months that
//! calendar month. English only; gated on the word "ago", so other messages cost one
//! substring search.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::numbers::value;

/// `(from, to)`, inclusive.
type Range = (NaiveDate, NaiveDate);

/// The period "N units ago" names in a normalised utterance, ending on or before `now`.
pub(super) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    if !norm.contains("ago") {
        return None;
    }
    let words: Vec<&str> = crate::normalize::words(norm).collect();
    let at = words.iter().position(|w| *w == "ago")?;
    let unit = *words.get(at.checked_sub(1)?)?;
    // "3 days ago", "a couple of weeks ago", "a few days ago".
    let before = &words[..at - 1];
    let n = match before {
        [.., "couple", "of"] | [.., "couple"] => 2,
        [.., "few"] => 3,
        [.., w] => value(w)?,
        [] => return None,
    };
    let unit = match unit {
        "day" | "days" | "dys" => Unit::Day,
        "week" | "weeks" | "wk" | "wks" => Unit::Week,
        "month" | "months" | "mo" | "mos" | "mth" | "mths" => Unit::Month,
        _ => return None,
    };
    counted_back(n, unit, now)
}

/// A unit counted back from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
}

/// `n` units back from `now` (both languages: "3 days ago", "il y a 3 jours"): that day,
/// that Monday-to-Sunday week, that calendar month, capped at `now`.
pub(super) fn counted_back(n: u32, unit: Unit, now: NaiveDate) -> Option<Range> {
    let n = u64::from(n.clamp(1, 520));
    match unit {
        Unit::Day => {
            let d = now.checked_sub_days(Days::new(n))?;
            Some((d, d))
        }
        Unit::Week => {
            let from = this_monday(now)?.checked_sub_days(Days::new(7 * n))?;
            let to = from.checked_add_days(Days::new(6))?;
            Some((from, to.min(now)))
        }
        Unit::Month => {
            let from = now
                .with_day(1)?
                .checked_sub_months(Months::new(u32::try_from(n).ok()?))?;
            let to = from
                .checked_add_months(Months::new(1))?
                .checked_sub_days(Days::new(1))?;
            Some((from, to.min(now)))
        }
    }
}

/// "a few days / weeks ago", "il y a quelques jours / semaines": days 6 to 2 back, or the
/// four weeks before this one. (A few months is each language's own.)
pub(super) fn few_back(unit: Unit, now: NaiveDate) -> Option<Range> {
    match unit {
        Unit::Day => Some((
            now.checked_sub_days(Days::new(6))?,
            now.checked_sub_days(Days::new(2))?,
        )),
        Unit::Week => {
            let monday = this_monday(now)?;
            Some((
                monday.checked_sub_days(Days::new(28))?,
                monday.checked_sub_days(Days::new(1))?,
            ))
        }
        Unit::Month => None,
    }
}

/// The Monday of `now`'s week.
fn this_monday(now: NaiveDate) -> Option<NaiveDate> {
    now.checked_sub_days(Days::new(u64::from(now.weekday().num_days_from_monday())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn counts_back_from_today() {
        let now = day(11, 29); // a Sunday
        assert_eq!(
            extract("what did i buy 3 days ago", now),
            Some((day(11, 26), day(11, 26)))
        );
        assert_eq!(
            extract("transactions from 2 weeks ago", now),
            Some((day(11, 9), day(11, 15)))
        );
        assert_eq!(
            extract("spending a couple of weeks ago", now),
            Some((day(11, 9), day(11, 15)))
        );
        assert_eq!(extract("a month ago", now), Some((day(10, 1), day(10, 31))));
        assert_eq!(extract("ago", now), None);
        assert_eq!(extract("last month", now), None);
    }
}
