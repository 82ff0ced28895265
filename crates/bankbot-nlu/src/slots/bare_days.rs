//! French day ranges without a month: "entre le 20 et le 28", "du 3 au 10". The article
//! ("le") or the "du … au" pair makes the numbers days of the most recent month holding
//! both; "du 20 au 50 euros" stays an amount.

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

/// `(from, to)`, inclusive.
type Range = (NaiveDate, NaiveDate);

static RANGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:entre\s+le\s+(\d{1,2})(?:er)?\s+et\s+le\s+(\d{1,2})|du\s+(\d{1,2})(?:er)?\s+au\s+(\d{1,2}))(?:\s*(€|e\b|eur|euro|euros|balles|\$|dollars?|%))?",
    )
    .ok()
});

/// The range of days in a normalised utterance, ending on or before `now`.
pub(super) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    if !norm.contains("entre le") && !norm.contains("du ") {
        return None;
    }
    let c = RANGE.as_ref()?.captures(norm)?;
    if c.get(5).is_some() {
        return None;
    }
    let from_day: u32 = c.get(1).or_else(|| c.get(3))?.as_str().parse().ok()?;
    let to_day: u32 = c.get(2).or_else(|| c.get(4))?.as_str().parse().ok()?;
    if from_day == 0 || from_day > to_day || to_day > 31 {
        return None;
    }
    let this = now.with_day(1)?;
    let month = if to_day <= now.day() {
        this
    } else {
        this.checked_sub_months(Months::new(1))?
    };
    let from = NaiveDate::from_ymd_opt(month.year(), month.month(), from_day)?;
    let to = NaiveDate::from_ymd_opt(month.year(), month.month(), to_day)?;
    Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn bare_day_ranges() {
        let now = d(11, 29);
        let r = |s: &str| extract(s, now);
        assert_eq!(
            r("combien j'ai depense entre le 20 et le 28"),
            Some((d(11, 20), d(11, 28)))
        );
        assert_eq!(
            r("mes operations du 1er au 15"),
            Some((d(11, 1), d(11, 15)))
        );
        assert_eq!(r("du 25 au 30"), Some((d(10, 25), d(10, 30))));
        assert_eq!(r("des achats du 20 au 50 euros"), None);
        assert_eq!(r("du 28 au 3"), None);
        assert_eq!(r("mon solde"), None);
    }
}
