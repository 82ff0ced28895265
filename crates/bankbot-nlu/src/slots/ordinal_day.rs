//! A day of the month named alone: "on the 17th", "the 3rd", "on 17th" — that day of this
//! month, or of last month when it is still to come.

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

use super::dates::Range;

static ORDINAL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(?:on\s+the|on|the)\s+(\d{1,2})(?:st|nd|rd|th)\b").ok());

/// The day an ordinal in `norm` names.
pub(crate) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    let c = ORDINAL.as_ref()?.captures(norm)?;
    let day: u32 = c.get(1)?.as_str().parse().ok()?;
    let this = NaiveDate::from_ymd_opt(now.year(), now.month(), day).filter(|d| *d <= now);
    let date = match this {
        Some(d) => d,
        None => {
            let prev = now.with_day(1)?.checked_sub_months(Months::new(1))?;
            NaiveDate::from_ymd_opt(prev.year(), prev.month(), day)?
        }
    };
    Some((date, date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn ordinal_days() {
        let now = d(11, 29);
        assert_eq!(
            extract("purchases on the 17th", now),
            Some((d(11, 17), d(11, 17)))
        );
        assert_eq!(
            extract("what did i buy the 30th", now),
            Some((d(10, 30), d(10, 30)))
        );
        assert_eq!(extract("my last 3 transactions", now), None);
    }
}
