//! French vague periods: "il y a 3 jours", "y a quelques semaines", "il y a un mois",
//! "l'autre jour", "début du mois dernier", "fin octobre", "mi-novembre". Each becomes a
//! range that has begun, capped at today.
//!
//! "il y a N …" counts back like the English "N … ago" (a day, a Monday-to-Sunday week, a
//! calendar month); "quelques" (a few) is vague, so it covers the weeks or days around it
//! rather than one. "début" is days 1–10 of the month, "milieu"/"mi" 11–20, "fin" 21 to
//! the end. "depuis le début du mois" is month to date and is left to the caller.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate};
use regex::Regex;

use super::ago::{Unit, counted_back, few_back};
use super::numbers::value;

/// `(from, to)`, inclusive.
type Range = (NaiveDate, NaiveDate);

/// "il y a 3 jours", "y a quelques semaines", "ya deux mois" (texting "ya" is written out).
static AGO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:il\s+)?y\s+a\s+(?:(\w+)\s+)?(jours?|semaines?|mois)\b").ok()
});

/// "l'autre jour", "l autre jour", "ces jours-ci".
static OTHER_DAY: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\bl'?\s?autre\s+jour\b|\bces\s+jours[\s-]ci\b").ok());

/// "début du mois dernier", "fin du mois passé", "milieu du mois précédent".
static PART_OF_LAST_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(debut|fin|milieu|mi)[\s-]+(?:du\s+|de\s+)?mois\s+(?:dernier|passe|precedent)\b")
        .ok()
});

/// "début du mois", "fin de ce mois", "en début de mois".
static PART_OF_THIS_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(debut|fin|milieu|mi)[\s-]+(?:du\s+mois|de\s+ce\s+mois|de\s+mois|ce\s+mois)\b")
        .ok()
});

/// "début novembre", "fin d'octobre", "mi-septembre".
static PART_OF_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(debut|fin|milieu|mi)[\s-]+(?:de\s+|d'\s?)?({})\b",
        super::dates::MONTH
    ))
    .ok()
});

/// The period a French vague expression names in `norm`, if any.
pub(super) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    if let Some(r) = ago(norm, now) {
        return Some(r);
    }
    if OTHER_DAY.as_ref().is_some_and(|r| r.is_match(norm)) {
        // A few days back, not today.
        let from = now.checked_sub_days(Days::new(10))?;
        let to = now.checked_sub_days(Days::new(1))?;
        return Some((from, to));
    }
    part_of_month(norm, now)
}

fn ago(norm: &str, now: NaiveDate) -> Option<Range> {
    let c = AGO.as_ref()?.captures(norm)?;
    let unit = c.get(2)?.as_str();
    let count = c.get(1).map(|m| m.as_str());
    let vague = matches!(count, Some("quelques" | "plusieurs" | "qq" | "qlq"));
    let n = match count {
        None => return None,
        Some(_) if vague => 3,
        Some(w) => value(w)?,
    };
    let unit = match unit.chars().next()? {
        'j' => Unit::Day,
        's' => Unit::Week,
        _ => Unit::Month,
    };
    if vague {
        if unit == Unit::Month {
            // "quelques mois": the three months before this one.
            let first = now.with_day(1)?;
            let from = first.checked_sub_months(Months::new(3))?;
            return Some((from, first.checked_sub_days(Days::new(1))?));
        }
        return few_back(unit, now);
    }
    counted_back(n, unit, now)
}

/// Days 1–10, 11–20 or 21–end of `month_first`'s month, capped at `now`.
fn part(month_first: NaiveDate, which: &str, now: NaiveDate) -> Option<Range> {
    let last = month_first
        .checked_add_months(Months::new(1))?
        .checked_sub_days(Days::new(1))?;
    let (from, to) = match which {
        "debut" => (month_first, month_first.with_day(10)?),
        "fin" => (month_first.with_day(21)?, last),
        _ => (month_first.with_day(11)?, month_first.with_day(20)?),
    };
    (from <= now).then_some((from, to.min(now)))
}

fn part_of_month(norm: &str, now: NaiveDate) -> Option<Range> {
    if norm.contains("depuis le debut") || norm.contains("depuis debut") {
        return None;
    }
    let this_month = now.with_day(1)?;
    if let Some(c) = PART_OF_LAST_MONTH.as_ref()?.captures(norm) {
        let first = this_month.checked_sub_months(Months::new(1))?;
        return part(first, c.get(1)?.as_str(), now);
    }
    if let Some(c) = PART_OF_MONTH.as_ref()?.captures(norm) {
        let month = super::dates::month_number(c.get(2)?.as_str())?;
        let year = if month <= now.month() {
            now.year()
        } else {
            now.year() - 1
        };
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let which = c.get(1)?.as_str();
        // "fin décembre" on 6 December has not begun: last year's.
        return part(first, which, now).or_else(|| {
            let first = NaiveDate::from_ymd_opt(year - 1, month, 1)?;
            part(first, which, now)
        });
    }
    if let Some(c) = PART_OF_THIS_MONTH.as_ref()?.captures(norm) {
        // "en fin de mois" on 6 December: this month's end has not come, November's.
        let which = c.get(1)?.as_str();
        return part(this_month, which, now)
            .or_else(|| part(this_month.checked_sub_months(Months::new(1))?, which, now));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn il_y_a_counts_back() {
        let now = day(12, 6); // a Sunday
        assert_eq!(
            extract("il y a 3 jours", now),
            Some((day(12, 3), day(12, 3)))
        );
        assert_eq!(
            extract("y a deux semaines j'ai paye quoi", now),
            Some((day(11, 16), day(11, 22)))
        );
        assert_eq!(
            extract("y a quelques semaines", now),
            Some((day(11, 2), day(11, 29)))
        );
        assert_eq!(
            extract("il y a un mois", now),
            Some((day(11, 1), day(11, 30)))
        );
        assert_eq!(extract("il y a combien sur mon compte", now), None);
        assert_eq!(extract("il y a un distributeur", now), None);
    }

    #[test]
    fn parts_of_months() {
        let now = day(12, 6);
        assert_eq!(
            extract("debut du mois dernier", now),
            Some((day(11, 1), day(11, 10)))
        );
        assert_eq!(
            extract("fin du mois passe", now),
            Some((day(11, 21), day(11, 30)))
        );
        assert_eq!(
            extract("mi-novembre", now),
            Some((day(11, 11), day(11, 20)))
        );
        assert_eq!(
            extract("fin octobre", now),
            Some((day(10, 21), day(10, 31)))
        );
        assert_eq!(
            extract("en debut de mois", now),
            Some((day(12, 1), day(12, 6)))
        );
        assert_eq!(extract("depuis le debut du mois", now), None);
        assert_eq!(
            extract("j'ai depense combien en fin de mois", now),
            Some((day(11, 21), day(11, 30)))
        );
        assert_eq!(
            extract("l'autre jour", now),
            Some((day(11, 26), day(12, 5)))
        );
    }
}
