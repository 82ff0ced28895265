//! Days of the week in a date: "depuis lundi" / "since monday" (that day up to today),
//! "lundi dernier" / "last monday" / "ce mardi" (that one day). A weekday is the most recent
//! one: strictly before today for a single day, up to today for "since". "Depuis le début
//! de la semaine" / "since the start of the week" is since Monday; "sem dernière" last week.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;

/// `(from, to)`, inclusive.
type Range = (NaiveDate, NaiveDate);

const DAYS: &str = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

static SINCE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:since|depuis|from|a\s+partir\s+de|a\s+partir\s+du)\s+(?:last\s+|le\s+|ce\s+)?({DAYS})\b"
    ))
    .ok()
});

/// A single day needs a marker: "le dimanche" alone is a habit ("ouvert le dimanche ?"),
/// while "les achats de samedi", "samedi soir", "saturday night" name one day.
static ONE_DAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(?:last|past|on|this|ce|mon|de|du)\s+({DAYS})|({DAYS})\s+(?:dernier|passe|last|soir|matin|midi|aprem|apres[\s-]midi|night|morning|afternoon|evening))\b"
    ))
    .ok()
});

/// A message that is little more than a day's name ("and tuesday?", "et mardi ?"): a
/// follow-up naming that day, the most recent one (today included).
static BARE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:and|what\s+about|how\s+about|et|pis|puis)\s+)?(?:on\s+|le\s+)?({DAYS})\s*\??$"
    ))
    .ok()
});

static WEEK_START: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:debut\s+de\s+(?:la\s+)?semaine|start\s+of\s+(?:the\s+|this\s+)?week|beginning\s+of\s+(?:the\s+|this\s+)?week)\b",
    )
    .ok()
});

/// "sem dernière", "sem passée": last week, as texters shorten it.
static LAST_WEEK_SHORT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\bsem\.?\s+(?:derniere|passee|precedente|d'avant)\b").ok());

/// Monday = 0 … Sunday = 6.
fn index(name: &str) -> Option<u32> {
    let i = DAYS.split('|').position(|d| d == name)?;
    u32::try_from(i % 7).ok()
}

/// The most recent `weekday` on or before `now` (`strict`: before `now`).
fn most_recent(now: NaiveDate, weekday: u32, strict: bool) -> Option<NaiveDate> {
    let today = now.weekday().num_days_from_monday();
    let mut back = (7 + today - weekday) % 7;
    if strict && back == 0 {
        back = 7;
    }
    now.checked_sub_days(Days::new(u64::from(back)))
}

/// The range a weekday names in a normalised utterance.
pub(super) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    // Every day name holds "di" (lundi … dimanche) or "day"; the week phrases "sem" or
    // "week": most messages skip the regexes.
    if !["di", "day", "sem", "week"]
        .iter()
        .any(|k| norm.contains(k))
    {
        return None;
    }
    if WEEK_START.as_ref().is_some_and(|r| r.is_match(norm)) {
        return Some((most_recent(now, 0, false)?, now));
    }
    if LAST_WEEK_SHORT.as_ref().is_some_and(|r| r.is_match(norm)) {
        let monday = most_recent(now, 0, false)?;
        let from = monday.checked_sub_days(Days::new(7))?;
        return Some((from, monday.checked_sub_days(Days::new(1))?));
    }
    if let Some(c) = SINCE.as_ref().and_then(|r| r.captures(norm)) {
        let day = most_recent(now, index(c.get(1)?.as_str())?, false)?;
        return Some((day, now));
    }
    if let Some(c) = BARE.as_ref().and_then(|r| r.captures(norm.trim())) {
        let day = most_recent(now, index(c.get(1)?.as_str())?, false)?;
        return Some((day, day));
    }
    let c = ONE_DAY.as_ref()?.captures(norm)?;
    let name = c.get(1).or_else(|| c.get(2))?.as_str();
    let day = most_recent(now, index(name)?, true)?;
    Some((day, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn weekdays_are_the_most_recent_ones() {
        let sunday = d(11, 29);
        assert_eq!(
            extract("mes achats depuis lundi", sunday),
            Some((d(11, 23), sunday))
        );
        assert_eq!(extract("since monday", sunday), Some((d(11, 23), sunday)));
        assert_eq!(extract("depuis dimanche", sunday), Some((sunday, sunday)));
        assert_eq!(
            extract("lundi dernier", sunday),
            Some((d(11, 23), d(11, 23)))
        );
        assert_eq!(
            extract("what did i spend on friday", sunday),
            Some((d(11, 27), d(11, 27)))
        );
        assert_eq!(extract("ce dimanche", sunday), Some((d(11, 22), d(11, 22))));
        assert_eq!(extract("ouvert le dimanche", sunday), None);
        let saturday = Some((d(11, 28), d(11, 28)));
        assert_eq!(extract("operations de samedi", sunday), saturday);
        assert_eq!(extract("mes achats du samedi", sunday), saturday);
        assert_eq!(extract("samedi soir j'ai paye quoi", sunday), saturday);
        assert_eq!(extract("what did i buy saturday night", sunday), saturday);
        assert_eq!(
            extract("vendredi matin", sunday),
            Some((d(11, 27), d(11, 27)))
        );
        assert_eq!(extract("mon solde", sunday), None);
        assert_eq!(
            extract("and tuesday?", sunday),
            Some((d(11, 24), d(11, 24)))
        );
        assert_eq!(extract("et mardi", sunday), Some((d(11, 24), d(11, 24))));
        assert_eq!(extract("sunday", sunday), Some((sunday, sunday)));
        let since_monday = Some((d(11, 23), sunday));
        assert_eq!(
            extract("depuis le debut de la semaine", sunday),
            since_monday
        );
        assert_eq!(extract("since the start of the week", sunday), since_monday);
        assert_eq!(
            extract("bouffe sem derniere", sunday),
            Some((d(11, 16), d(11, 22)))
        );
    }
}
