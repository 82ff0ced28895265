//! `date_from` / `date_to`: relative and named dates resolved against a reference day, in
//! English and French. All ranges are inclusive and never end after `now`.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate};
use regex::Regex;

use super::numbers::{NUMBER, value};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("february", 2),
    ("feb", 2),
    ("fevrier", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("august", 8),
    ("aug", 8),
    ("aout", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("decembre", 12),
];
const MONTH: &str = r"january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const DAY: &str = r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|er|e)?";

/// An inclusive range.
pub type Range = (NaiveDate, NaiveDate);

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

static DAY_MONTH: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(&format!(r"\b{DAY}\s+(?:of\s+)?({MONTH})\b")));
static MONTH_DAY: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(&format!(r"\b({MONTH})\.?\s+{DAY}\b")));
static SINCE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"\b(?:since|from|depuis|a\s+partir\s+du|a\s+partir\s+de)\b"));
static LAST_N: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?:last|past|previous|les|ces)\s+({NUMBER})\s+(days?|weeks?|months?|jours|semaines|mois)|(?:les\s+|ces\s+)?({NUMBER})\s+(?:derniers|dernieres)\s+(jours|semaines|mois)|(?:les\s+|ces\s+)?(?:derniers|dernieres)\s+({NUMBER})\s+(jours|semaines|mois))\b"
    ))
});
static NAMED_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(in|during|for|over|since|en|au\s+mois\s+d[e']?|pendant|depuis|durant|de|of)\s+)?({MONTH})\b"
    ))
});

struct Fixed {
    re: Option<Regex>,
    resolve: fn(NaiveDate) -> Option<Range>,
}

fn fixed(pattern: &str, resolve: fn(NaiveDate) -> Option<Range>) -> Fixed {
    Fixed {
        re: re(pattern),
        resolve,
    }
}

fn month_start(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)
}

fn week_start(d: NaiveDate) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
}

fn days_before(d: NaiveDate, n: u64) -> Option<NaiveDate> {
    d.checked_sub_days(Days::new(n))
}

static FIXED: LazyLock<Vec<Fixed>> = LazyLock::new(|| {
    vec![
        fixed(r"\b(?:day\s+before\s+yesterday|avant[\s-]hier)\b", |n| {
            days_before(n, 2).map(|d| (d, d))
        }),
        fixed(r"\b(?:yesterday|yday|hier)\b", |n| {
            days_before(n, 1).map(|d| (d, d))
        }),
        fixed(r"\b(?:today|tonight|aujourd'?\s?hui|ce\s+jour)\b", |n| {
            Some((n, n))
        }),
        fixed(
            r"\b(?:last|past|previous)\s+week\b|\bsemaine\s+(?:derniere|passee|precedente)\b",
            |n| {
                let this = week_start(n)?;
                Some((days_before(this, 7)?, days_before(this, 1)?))
            },
        ),
        fixed(r"\b(?:this|current)\s+week\b|\bcette\s+semaine\b", |n| {
            Some((week_start(n)?, n))
        }),
        fixed(
            r"\b(?:last|past|previous)\s+month\b|\bmois\s+(?:dernier|passe|precedent)\b",
            |n| {
                let this = month_start(n)?;
                Some((
                    this.checked_sub_months(Months::new(1))?,
                    days_before(this, 1)?,
                ))
            },
        ),
        fixed(
            r"\b(?:this|current)\s+month\b|\bce\s+mois\b|\bmois[\s-]ci\b|\bmois\s+en\s+cours\b",
            |n| Some((month_start(n)?, n)),
        ),
        fixed(
            r"\b(?:last|past|previous)\s+year\b|\bannee\s+(?:derniere|passee|precedente)\b|\ban\s+dernier\b",
            |n| {
                let y = n.year() - 1;
                Some((
                    NaiveDate::from_ymd_opt(y, 1, 1)?,
                    NaiveDate::from_ymd_opt(y, 12, 31)?,
                ))
            },
        ),
        fixed(
            r"\b(?:this|current)\s+year\b|\bcette\s+annee\b|\bannee\s+en\s+cours\b|\bso\s+far\s+this\s+year\b|\bytd\b",
            |n| Some((NaiveDate::from_ymd_opt(n.year(), 1, 1)?, n)),
        ),
    ]
});

fn month_number(name: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| *m == name).map(|(_, v)| *v)
}

/// The most recent `month/day` not after `now`.
fn recent_day(now: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(now.year(), month, day);
    match this_year {
        Some(d) if d <= now => Some(d),
        _ => NaiveDate::from_ymd_opt(now.year() - 1, month, day),
    }
}

/// The most recent month (as a range capped at `now`) not in the future.
fn recent_month(now: NaiveDate, month: u32) -> Option<Range> {
    let year = if month <= now.month() {
        now.year()
    } else {
        now.year() - 1
    };
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = days_before(start.checked_add_months(Months::new(1))?, 1)?;
    Some((start, end.min(now)))
}

/// A day with a month name ("november 3rd", "3 novembre", "1er novembre") and where it starts.
fn day_date(norm: &str, now: NaiveDate) -> Option<(NaiveDate, usize)> {
    let dm = DAY_MONTH
        .as_ref()
        .and_then(|r| r.captures(norm))
        .and_then(|c| {
            let d = value(c.get(1)?.as_str())?;
            Some((
                recent_day(now, month_number(c.get(2)?.as_str())?, d)?,
                c.get(0)?.start(),
            ))
        });
    let md = MONTH_DAY
        .as_ref()
        .and_then(|r| r.captures(norm))
        .and_then(|c| {
            let d = value(c.get(2)?.as_str())?;
            Some((
                recent_day(now, month_number(c.get(1)?.as_str())?, d)?,
                c.get(0)?.start(),
            ))
        });
    match (dm, md) {
        (Some(a), Some(b)) => Some(if a.1 <= b.1 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn last_n(norm: &str, now: NaiveDate) -> Option<Range> {
    let c = LAST_N.as_ref()?.captures(norm)?;
    let (n, unit) = [(1, 2), (3, 4), (5, 6)]
        .iter()
        .find_map(|(a, b)| Some((value(c.get(*a)?.as_str())?, c.get(*b)?.as_str())))?;
    let n = u64::from(n.clamp(1, 3660));
    let from = match unit.chars().next() {
        Some('d' | 'j') => days_before(now, n - 1)?,
        Some('w' | 's') => days_before(now, 7 * n - 1)?,
        _ => now
            .checked_sub_months(Months::new(u32::try_from(n).ok()?))?
            .checked_add_days(Days::new(1))?,
    };
    Some((from, now))
}

/// The date range in a normalised utterance.
pub fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    let since = SINCE.as_ref().and_then(|r| r.find(norm)).map(|m| m.end());
    if let Some((d, at)) = day_date(norm, now) {
        return Some(match since {
            Some(s) if s <= at => (d, now),
            _ => (d, d),
        });
    }
    if let Some(r) = last_n(norm, now) {
        return Some(r);
    }
    for f in FIXED.iter() {
        if f.re.as_ref().is_some_and(|r| r.is_match(norm)) {
            return (f.resolve)(now);
        }
    }
    let re = NAMED_MONTH.as_ref()?;
    for c in re.captures_iter(norm) {
        let name = c.get(2).map_or("", |m| m.as_str());
        let prep = c.get(1).map(|m| m.as_str());
        // "may", "mar", "dec" ... are also words: only with a preposition before them.
        let ambiguous = matches!(
            name,
            "may"
                | "mar"
                | "dec"
                | "jan"
                | "sep"
                | "oct"
                | "nov"
                | "feb"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "mars"
                | "mai"
                | "sept"
        );
        if ambiguous && prep.is_none() {
            continue;
        }
        let month = month_number(name)?;
        let (from, to) = recent_month(now, month)?;
        return Some(match prep {
            Some("since" | "depuis") => (from, now),
            _ => (from, to),
        });
    }
    None
}
