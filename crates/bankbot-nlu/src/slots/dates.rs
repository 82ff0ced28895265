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
pub(super) const MONTH: &str = r"january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
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
/// One end of a day range: "the 3rd", "nov 10", "10 novembre", "le 1er".
const END: &str = r"(?:the\s+|le\s+)?(?:({MONTH})\.?\s+)?(\d{1,2})(st|nd|rd|th|er|e)?(?:\s+(?:of\s+)?({MONTH})\b)?";

static DAY_RANGE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let end = END.replace("{MONTH}", MONTH);
    re(&format!(
        r"\b(?:between|from|entre|du|de|since)\s+{end}\s+(?:and|to|till|until|through|thru|-|et|au|a|jusqu'?\s?au)\s+{end}"
    ))
});

static SINCE_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"\b(?:since|from|depuis|a\s+partir\s+du)\s+(?:(the|le)\s+)?(\d{1,2})(st|nd|rd|th|er|e)?\b")
});

/// "premier" before a month name: the 1st of that month.
static FIRST_OF_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"\b(le\s+|du\s+|au\s+)?(?:premier|1\s+er)\s+({MONTH})\b"
    ))
});

static SINCE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"\b(?:since|from|depuis|a\s+partir\s+du|a\s+partir\s+de)\b"));
static LAST_N: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(?:last|past|previous|les|ces)\s+({NUMBER})\s+(days?|weeks?|months?|jours|semaines|mois)|(?:les\s+|ces\s+)?({NUMBER})\s+(?:derniers|dernieres)\s+(jours|semaines|mois)|(?:les\s+|ces\s+)?(?:derniers|dernieres)\s+({NUMBER})\s+(jours|semaines|mois)|(?:depuis|since|over|within|in|for|sur|en)\s+(?:the\s+)?({NUMBER})\s+(days?|weeks?|months?|jours|semaines|mois))\b"
    ))
});
static NAMED_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(in|during|for|over|since|en|au\s+mois\s+d[e']?|pendant|depuis|durant|de|of)\s+(?:(?:like|about|around|maybe|roughly|um|uh|the\s+start\s+of|the\s+beginning\s+of|start\s+of|beginning\s+of|early|le\s+debut\s+d[e']?|debut)\s*)*)?({MONTH})\b"
    ))
});

/// What every date reader needs besides a digit: the words (or stems) of the weekend,
/// weekday, "ago", "last N …", fixed-period and month-name readers. One literal search
/// lets most messages ("what's my balance") skip every date regex.
static CUES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        "week|day|sem|ago|jour|mois|month|hier|tonight|aujourd|last|past|prev|year|annee|",
        "dernier|ytd|mtd|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|",
        "jan|feb|fev|mar|apr|avr|may|mai|jun|jui|jul|aug|aout|sep|oct|nov|dec|",
        "spring|summer|autum|fall|winter|printemps|ete|automne|hiver|",
        "matin|midi|soir|aprem|morning|afternoon|\\bwe\\b",
    ))
});

/// False when `norm` cannot name a date: no digit and none of [`CUES`].
pub fn may_name_a_date(norm: &str) -> bool {
    super::numbers::has_digit(norm) || CUES.as_ref().is_none_or(|r| r.is_match(norm))
}

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
        fixed(
            r"\b(?:today|tonight|this\s+morning|this\s+afternoon|aujourd'?\s?hui|ce\s+jour|ce\s+matin|ce\s+midi|cet?\s+apres[\s-]midi|cet\s+aprem|ce\s+soir)\b",
            |n| Some((n, n)),
        ),
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
            r"\b(?:last|past|previous|prev)\s+(?:month|mth|mnth|mo|mon)\b|\bmois\s+(?:dernier|passe|precedent)\b",
            |n| {
                let this = month_start(n)?;
                Some((
                    this.checked_sub_months(Months::new(1))?,
                    days_before(this, 1)?,
                ))
            },
        ),
        fixed(
            r"\b(?:this|current)\s+month\b|\bce\s+mois\b|\bmois[\s-]ci\b|\bmois\s+en\s+cours\b|\bmonth[\s-]to[\s-]date\b|\bmtd\b",
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

pub(crate) fn month_number(name: &str) -> Option<u32> {
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

/// `month/day` of `year`, or the month's last day when it has fewer days.
fn last_day_at_most(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    (1..=day)
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
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
    let (n, unit) = [(1, 2), (3, 4), (5, 6), (7, 8)]
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

/// "between the 3rd and the 10th", "from nov 10 to nov 20", "entre le 3 et le 10 octobre",
/// "du 15 au 25 novembre": a range of days. A missing month is the other end's, else the
/// most recent month holding the days. Bare numbers ("from 10 to 20") are not dates.
fn day_range(norm: &str, now: NaiveDate) -> Option<Range> {
    let c = DAY_RANGE.as_ref()?.captures(norm)?;
    let month_of = |i: usize| c.get(i).and_then(|m| month_number(m.as_str()));
    let (m1, d1, suffix1, m1b) = (month_of(1), c.get(2)?, c.get(3), month_of(4));
    let (m2, d2, suffix2, m2b) = (month_of(5), c.get(6)?, c.get(7), month_of(8));
    let from_month = m1.or(m1b);
    let to_month = m2.or(m2b);
    if from_month.is_none() && to_month.is_none() && suffix1.is_none() && suffix2.is_none() {
        return None;
    }
    let (d1, d2) = (value(d1.as_str())?, value(d2.as_str())?);
    let end_month = to_month.or(from_month);
    // A range that has begun this month or this year is that one, its end capped at today
    // ("du 1er au 10 décembre" on 6 December is this December's).
    let start_month_now = from_month.or(end_month).unwrap_or(now.month());
    let begun = end_month.is_none_or(|m| start_month_now <= m)
        && NaiveDate::from_ymd_opt(now.year(), start_month_now, d1).is_some_and(|s| s <= now);
    let end = match end_month {
        Some(m) if begun && recent_day(now, m, d2).is_some_and(|d| d.year() < now.year()) => {
            last_day_at_most(now.year(), m, d2)?
        }
        Some(m) => recent_day(now, m, d2)?,
        None => {
            // The most recent month in which day d2 is not after today.
            let this = NaiveDate::from_ymd_opt(now.year(), now.month(), d2);
            match this {
                Some(d) if d <= now => d,
                _ if begun && d1 <= d2 => last_day_at_most(now.year(), now.month(), d2)?,
                _ => {
                    let prev = month_start(now)?.checked_sub_months(Months::new(1))?;
                    NaiveDate::from_ymd_opt(prev.year(), prev.month(), d2)?
                }
            }
        }
    };
    let start_month = from_month.unwrap_or(end.month());
    let mut start = NaiveDate::from_ymd_opt(end.year(), start_month, d1)?;
    if start > end {
        start = if from_month.is_some() {
            NaiveDate::from_ymd_opt(end.year() - 1, start_month, d1)?
        } else {
            start.checked_sub_months(Months::new(1))?
        };
    }
    Some((start, end.min(now)))
}

/// "du we", "ce we", "le we": the texters' weekend (French only: "we" alone is English).
static WE_SHORT: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"\b(?:du|ce|le|pendant\s+le)\s+we\b"));

/// "last weekend", "le week-end dernier": the most recent Saturday and Sunday before this
/// one; "this weekend": this week's.
fn weekend(norm: &str, now: NaiveDate) -> Option<Range> {
    let last = norm.contains("last weekend")
        || norm.contains("last week-end")
        || norm.contains("past weekend")
        || norm.contains("week-end dernier")
        || norm.contains("weekend dernier")
        || norm.contains("week end dernier")
        || norm.contains("we dernier");
    // "over the weekend", "on the weekend": the most recent one (this one from Saturday).
    let recent = [
        "over the weekend",
        "on the weekend",
        "at the weekend",
        "the weekend",
        "pendant le week-end",
        "le week-end",
        "le weekend",
        "ce week-end",
        "ce weekend",
        "le week end",
        "du week-end",
        "du weekend",
        "du week end",
        "ce week end",
        "this past weekend",
    ]
    .iter()
    .any(|p| norm.contains(p))
        || WE_SHORT.as_ref().is_some_and(|r| r.is_match(norm))
            && !norm.contains("weekend before")
            && !norm.contains("week-end d'avant");
    let this = norm.contains("this weekend")
        || norm.contains("ce week-end")
        || norm.contains("ce weekend")
        || norm.contains("ce week end");
    if !last && !this && !recent {
        return None;
    }
    let monday = week_start(now)?;
    let saturday = monday.checked_add_days(Days::new(5))?;
    let saturday = if last || saturday > now {
        days_before(saturday, 7)?
    } else {
        saturday
    };
    let sunday = saturday.checked_add_days(Days::new(1))?;
    Some((saturday, sunday.min(now)))
}

/// The date range in a normalised utterance.
pub fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    // "depuis le premier novembre", "le premier decembre": the 1st, read as "1er".
    if let Some(first) = FIRST_OF_MONTH.as_ref()
        && first.is_match(norm)
    {
        let digits = first.replace_all(norm, "${1}1er ${2}");
        return extract(&digits, now);
    }
    // "hier ou avant-hier": either day, so both.
    if let Some(r) = super::either_day::extract_either(norm, now) {
        return Some(r);
    }
    if let Some(r) = day_range(norm, now) {
        return Some(r);
    }
    if let Some(r) = weekend(norm, now) {
        return Some(r);
    }
    if let Some(r) = super::bare_days::extract(norm, now) {
        return Some(r);
    }
    if let Some(r) = super::weekdays::extract(norm, now) {
        return Some(r);
    }
    if let Some(r) = super::ago::extract(norm, now) {
        return Some(r);
    }
    if let Some(r) = super::periods_fr::extract(norm, now) {
        return Some(r);
    }
    if let Some(c) = SINCE_DAY.as_ref().and_then(|r| r.captures(norm))
        && (c.get(1).is_some() || c.get(3).is_some())
        && day_date(norm, now).is_none()
        && let Some(d) = value(c.get(2).map_or("", |m| m.as_str()))
    {
        let this = NaiveDate::from_ymd_opt(now.year(), now.month(), d).filter(|x| *x <= now);
        let day = match this {
            Some(x) => Some(x),
            None => month_start(now)
                .and_then(|m| m.checked_sub_months(Months::new(1)))
                .and_then(|p| NaiveDate::from_ymd_opt(p.year(), p.month(), d)),
        };
        if let Some(day) = day {
            return Some((day, now));
        }
    }
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
    // Several fixed periods ("traveling this week. what did i spend last month"): the one
    // named last, which is the question's; what comes before sets the scene.
    // Where two end together ("day before yesterday", "yesterday"), the first listed.
    let latest = FIXED
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let m = f.re.as_ref()?.find_iter(norm).last()?;
            Some(((m.end(), m.start()), i, f))
        })
        .max_by_key(|((end, _), i, _)| (*end, std::cmp::Reverse(*i)));
    if let Some(((_, start), _, f)) = latest {
        let (from, to) = (f.resolve)(now)?;
        // "since yesterday", "depuis hier", "since last week": from then up to today.
        let since = norm[..start].trim_end();
        if since.ends_with("since") || since.ends_with("depuis") {
            return Some((from, now));
        }
        return Some((from, to));
    }
    if super::seasons::may_name_one(norm)
        && let Some(r) = super::seasons::extract(norm, now)
    {
        return Some(r);
    }
    let re = NAMED_MONTH.as_ref()?;
    for c in re.captures_iter(norm) {
        let name = c.get(2).map_or("", |m| m.as_str());
        let prep = c.get(1).map(|m| m.as_str());
        // "may", "mar", "dec" ... are also words: only with a preposition before them.
        let ambiguous = matches!(name, "may" | "mar" | "jan" | "mars" | "sept");
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

#[cfg(test)]
mod range_tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn premier_before_a_month_is_the_first() {
        let now = d(12, 6);
        let r = |s: &str| extract(&crate::normalize::normalize(s), now);
        assert_eq!(r("depuis le premier novembre"), Some((d(11, 1), now)));
        assert_eq!(r("depuis le 1er novembre"), Some((d(11, 1), now)));
        assert_eq!(r("a partir du premier octobre"), Some((d(10, 1), now)));
        assert_eq!(r("le premier decembre"), Some((d(12, 1), d(12, 1))));
        assert_eq!(
            r("du premier novembre au 15 novembre"),
            Some((d(11, 1), d(11, 15)))
        );
        assert_eq!(r("mon premier virement"), None);
    }

    #[test]
    fn ranges_of_days_are_ranges() {
        let now = d(11, 29); // a Sunday
        let r = |s: &str| extract(&crate::normalize::normalize(s), now);
        assert_eq!(
            r("spending between the 3rd and the 10th"),
            Some((d(11, 3), d(11, 10)))
        );
        assert_eq!(
            r("entre le 3 et le 10 octobre"),
            Some((d(10, 3), d(10, 10)))
        );
        assert_eq!(r("du 15 au 25 novembre"), Some((d(11, 15), d(11, 25))));
        assert_eq!(r("from nov 10 to nov 20"), Some((d(11, 10), d(11, 20))));
        assert_eq!(r("last weekend"), Some((d(11, 21), d(11, 22))));
        for said in [
            "mes transactions du weekend",
            "mes depenses du week-end",
            "qu'est-ce que j'ai paye du week end",
            "mes achats du we",
            "ce we j'ai depense combien",
        ] {
            assert_eq!(r(said), Some((d(11, 28), d(11, 29))), "{said}");
        }
        for said in [
            "mes achats de ce matin",
            "ce soir j'ai paye quoi",
            "cet aprem",
            "qu'est-ce que j'ai paye cet apres-midi",
            "what did i spend this morning",
        ] {
            assert_eq!(r(said), Some((d(11, 29), d(11, 29))), "{said}");
        }
        assert_eq!(r("le week-end dernier"), Some((d(11, 21), d(11, 22))));
        assert_eq!(
            r("what did i spend over the weekend"),
            Some((d(11, 28), now))
        );
        assert_eq!(
            extract(&crate::normalize::normalize("over the weekend"), d(11, 25)),
            Some((d(11, 21), d(11, 22)))
        );
        assert_eq!(r("anything since the 25th"), Some((d(11, 25), now)));
        assert_eq!(
            r("someone took money since yesterday"),
            Some((d(11, 28), now))
        );
        assert_eq!(r("depuis hier"), Some((d(11, 28), now)));
        assert_eq!(r("since last week"), Some((d(11, 16), now)));
        assert_eq!(r("transactions yesterday"), Some((d(11, 28), d(11, 28))));
        assert_eq!(r("spending oct"), Some((d(10, 1), d(10, 31))));
        assert_eq!(r("last mth"), Some((d(10, 1), d(10, 31))));
        assert_eq!(r("between 10 and 20 dollars"), None);
        // A range that has begun is this year's (or this month's), capped at today.
        let dec6 = d(12, 6);
        let r = |s: &str| extract(&crate::normalize::normalize(s), dec6);
        assert_eq!(r("du 1er au 10 décembre"), Some((d(12, 1), dec6)));
        assert_eq!(r("entre le 2 et le 20 decembre"), Some((d(12, 2), dec6)));
        assert_eq!(r("du 1er au 15"), Some((d(12, 1), dec6)));
        let last_year = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        assert_eq!(
            r("du 10 au 20 décembre"),
            Some((last_year(12, 10), last_year(12, 20)))
        );
    }

    #[test]
    fn every_date_passes_the_cue_check() {
        for s in [
            "spent yesterday",
            "avant-hier",
            "aujourd'hui",
            "tonight",
            "prev mo",
            "ytd",
            "an dernier",
            "les trois derniers mois",
            "a couple of weeks ago",
            "depuis lundi",
            "et mardi ?",
            "in sept",
            "en juillet",
            "fevrier",
            "since the 3rd",
            "sem derniere",
            "over the weekend",
        ] {
            let norm = crate::normalize::normalize(s);
            assert!(may_name_a_date(&norm), "{s}");
        }
        for s in [
            "what's my balance",
            "hi",
            "bloquer ma carte svp",
            "thanks a lot",
        ] {
            assert!(!may_name_a_date(s), "{s}");
        }
    }
}
