//! Periods longer than a month, read as the whole range the customer named (never shrunk to
//! a few days or to this month): "since the start of october", "depuis le début
//! d'octobre" (that month's first day to today), "since the beginning of the year", "year
//! to date", "depuis le début de l'année" (January 1st to today), "this quarter", "du
//! trimestre", "quarter to date" (the calendar quarter so far), "last quarter", "le
//! trimestre dernier" (the whole calendar quarter before this one), "depuis la rentrée"
//! (September 1st to today). Ranges never end after `now`; what the bank holds is the
//! caller's to clip.

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

/// `(from, to)`, inclusive.
type Range = (NaiveDate, NaiveDate);

/// The words one of these periods needs; most messages skip the regexes.
const CUES: &[&str] = &[
    "year",
    "annee",
    "ytd",
    "quarter",
    "qtr",
    "trimestre",
    "rentree",
    "start",
    "beginning",
    "debut",
    "begining",
    "janvier",
    "month",
    "mois",
    "ensemble",
    "toute",
    "whole",
    "entire",
];

/// "since the start of", "since the beginning of", "depuis le début de", "from the start
/// of", "à partir du début de": the opening of a range that runs to today.
const SINCE_START: &str = r"(?:since|from|depuis|a\s+partir\s+du?)\s+(?:the\s+|le\s+)?(?:very\s+)?(?:start|beginning|begining|debut)\s+(?:of\s+|de\s+|d'\s?|du\s+)?(?:the\s+|l'\s?|la\s+|le\s+)?";

static SINCE_START_OF_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{SINCE_START}(?:this\s+|cette\s+)?(?:year|yr|annee|lannee|an)\b|\byear[\s-]to[\s-]date\b|\bytd\b|\b(?:this\s+year\s+so\s+far|so\s+far\s+this\s+year)\b|\bdepuis\s+le\s+(?:1\s*er|premier|1)\s+janvier\b"
    ))
    .ok()
});

static SINCE_START_OF_MONTH: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"\b{SINCE_START}({})\b", super::dates::MONTH)).ok());

static SINCE_START_OF_THIS_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{SINCE_START}(?:this\s+|ce\s+)?(?:month|mois)\b"
    ))
    .ok()
});

static SINCE_START_OF_LAST_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b{SINCE_START}(?:(?:last|previous|past|prev)\s+month|mois\s+(?:dernier|passe|precedent))\b"
    ))
    .ok()
});

/// "l'ensemble de l'année", "toute l'année", "the whole year": this year so far (a year
/// named after it, "toute l'année dernière", is not this one: see `extract`).
static WHOLE_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:l'\s?)?ensemble\s+de\s+(?:l'\s?|cette\s+)?(?:annee|lannee)\b|\btoute\s+(?:l'\s?annee|lannee|cette\s+annee)\b|\b(?:the\s+)?(?:whole|entire)\s+(?:of\s+)?(?:this\s+|the\s+)?year\b")
        .ok()
});

/// "ce month-ci" (franglais): this month.
static MIXED_THIS_MONTH: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\bce\s+month[\s-]?ci\b|\bthis\s+mois\b").ok());

static LAST_QUARTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:last|previous|prev|past)\s+(?:quarter|qtr)\b|\btrimestre\s+(?:dernier|passe|precedent)\b|\b(?:dernier|precedent)\s+trimestre\b")
        .ok()
});

static THIS_QUARTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:this|current|the)\s+(?:quarter|qtr)\b|\bquarter[\s-]to[\s-]date\b|\bqtd\b|\b(?:ce|du|le|cet?)\s+trimestre\b|\btrimestre\s+en\s+cours\b")
        .ok()
});

static RENTREE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\b(?:depuis|a\s+partir\s+de)\s+(?:la\s+)?rentree\b").ok());

/// True for the words of these periods, which never name a shop ("from the start of the
/// year": no merchant "Start").
pub(super) fn is_period_word(lower: &str) -> bool {
    matches!(
        lower,
        "start"
            | "beginning"
            | "begining"
            | "debut"
            | "quarter"
            | "trimestre"
            | "rentree"
            | "ensemble"
            | "l'ensemble"
            | "l' ensemble"
            | "lensemble"
    )
}

/// The long period `norm` names, if any.
pub(super) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    if !CUES.iter().any(|c| norm.contains(c)) {
        return None;
    }
    let found = |r: &LazyLock<Option<Regex>>| r.as_ref().is_some_and(|r| r.is_match(norm));
    if found(&SINCE_START_OF_YEAR) {
        return Some((NaiveDate::from_ymd_opt(now.year(), 1, 1)?, now));
    }
    if let Some(c) = SINCE_START_OF_MONTH.as_ref()?.captures(norm) {
        let month = super::dates::month_number(c.get(1)?.as_str())?;
        let year = if month <= now.month() {
            now.year()
        } else {
            now.year() - 1
        };
        return Some((NaiveDate::from_ymd_opt(year, month, 1)?, now));
    }
    if found(&SINCE_START_OF_LAST_MONTH) {
        let first = now.with_day(1)?.checked_sub_months(Months::new(1))?;
        return Some((first, now));
    }
    if found(&WHOLE_YEAR)
        && !["derniere", "passee", "precedente", "last", "previous"]
            .iter()
            .any(|w| norm.contains(w))
    {
        return Some((NaiveDate::from_ymd_opt(now.year(), 1, 1)?, now));
    }
    if found(&SINCE_START_OF_THIS_MONTH) || found(&MIXED_THIS_MONTH) {
        return Some((now.with_day(1)?, now));
    }
    let quarter_start = quarter_start(now)?;
    if found(&LAST_QUARTER) {
        let from = quarter_start.checked_sub_months(Months::new(3))?;
        return Some((from, quarter_start.pred_opt()?));
    }
    if found(&THIS_QUARTER) {
        return Some((quarter_start, now));
    }
    if found(&RENTREE) {
        let year = if now.month() >= 9 {
            now.year()
        } else {
            now.year() - 1
        };
        return Some((NaiveDate::from_ymd_opt(year, 9, 1)?, now));
    }
    None
}

/// The first day of `d`'s calendar quarter.
fn quarter_start(d: NaiveDate) -> Option<NaiveDate> {
    let month = (d.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(d.year(), month, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn read(s: &str) -> Option<Range> {
        extract(&crate::normalize::normalize(s), day(11, 29))
    }

    #[test]
    fn since_the_start_of_a_month_runs_to_today() {
        let october = Some((day(10, 1), day(11, 29)));
        for s in [
            "how much did i spend since the start of october",
            "spending since the beginning of oct",
            "depuis le début d'octobre",
            "depuis debut octobre",
            "a partir du debut de octobre",
        ] {
            assert_eq!(read(s), october, "{s}");
        }
        assert_eq!(
            read("since the start of the month"),
            Some((day(11, 1), day(11, 29)))
        );
    }

    #[test]
    fn the_year_so_far() {
        let year = Some((day(1, 1), day(11, 29)));
        for s in [
            "spending since the beginning of the year",
            "how much have i spent year to date",
            "ytd spending",
            "so far this year",
            "depuis le début de l'année",
            "depuis le debut de lannee",
            "depuis le 1er janvier",
        ] {
            assert_eq!(read(s), year, "{s}");
        }
    }

    #[test]
    fn since_the_start_of_last_month_and_the_whole_year() {
        for s in [
            "depuis le début du mois dernier",
            "depuis le debut du mois passe",
            "since the start of last month",
            "from the beginning of the previous month",
        ] {
            assert_eq!(read(s), Some((day(10, 1), day(11, 29))), "{s}");
        }
        for s in [
            "mes dépenses sur l'ensemble de l'année",
            "toute l'année",
            "over the whole year",
        ] {
            assert_eq!(read(s), Some((day(1, 1), day(11, 29))), "{s}");
        }
        assert_eq!(read("toute l'année dernière"), None);
        assert_eq!(read("ce month-ci"), Some((day(11, 1), day(11, 29))));
    }

    #[test]
    fn quarters_are_calendar_quarters() {
        for s in [
            "what did i spend this quarter",
            "dépenses du trimestre",
            "spent quarter to date",
        ] {
            assert_eq!(read(s), Some((day(10, 1), day(11, 29))), "{s}");
        }
        for s in [
            "spending last quarter",
            "le trimestre dernier",
            "le dernier trimestre",
        ] {
            assert_eq!(read(s), Some((day(7, 1), day(9, 30))), "{s}");
        }
        assert_eq!(read("depuis la rentrée"), Some((day(9, 1), day(11, 29))));
    }

    #[test]
    fn other_words_name_none() {
        for s in [
            "what's my balance",
            "start of the day",
            "my card year of expiry",
            "beginning to worry",
        ] {
            assert_eq!(read(s), None, "{s}");
        }
    }
}
