//! Seasons in a date: "since the autumn", "since summer", "since like the fall" (from that
//! season's start up to today), "this summer", "last winter", "over the summer" (that
//! season, capped at today), and the French "depuis l'automne", "cet été". Seasons are the
//! meteorological ones of the northern hemisphere: spring March–May, summer June–August,
//! autumn September–November, winter December–February. A season is the most recent one
//! that has begun; "last" is the one before when that one is still under way. A season's
//! name needs a marker before it ("since", "this", "last", "the"…): "spring" or "fall"
//! alone are ordinary words.

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

/// `(from, to)`, inclusive.
type Range = (NaiveDate, NaiveDate);

const SEASONS: &str =
    "spring|summer|summertime|autumn|autum|fall|winter|printemps|ete|automne|hiver";

/// Words a customer puts between "since" and the season ("since like the fall").
const FILLER: &str = r"(?:(?:like|about|around|maybe|roughly|um|uh|the|start\s+of|beginning\s+of|le|l'|debut\s+de|de)\s*)*";

static SEASON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(since|depuis|from|a\s+partir\s+de|this|cet|ce|last|past|previous|over|during|in|pendant|durant|en)\s+{FILLER}({SEASONS})\b(\s+dernier)?"
    ))
    .ok()
});

/// True when `norm` may name a season (one substring search per name).
pub(super) fn may_name_one(norm: &str) -> bool {
    SEASONS.split('|').any(|s| norm.contains(s))
}

/// The first month of a season.
fn first_month(name: &str) -> Option<u32> {
    Some(match name {
        "spring" | "printemps" => 3,
        "summer" | "summertime" | "ete" => 6,
        "autumn" | "autum" | "fall" | "automne" => 9,
        "winter" | "hiver" => 12,
        _ => return None,
    })
}

/// The start of the most recent season starting in `month` that has begun by `now`.
fn recent_start(now: NaiveDate, month: u32) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(now.year(), month, 1)?;
    if this_year <= now {
        Some(this_year)
    } else {
        NaiveDate::from_ymd_opt(now.year() - 1, month, 1)
    }
}

/// The season range named in a normalised utterance, ending on or before `now`.
pub(super) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    let c = SEASON.as_ref()?.captures(norm)?;
    let marker = c.get(1)?.as_str();
    let mut start = recent_start(now, first_month(c.get(2)?.as_str())?)?;
    let end_of = |s: NaiveDate| {
        s.checked_add_months(Months::new(3))?
            .pred_opt()
            .map(|e| e.min(now))
    };
    let last = matches!(marker, "last" | "past" | "previous") || c.get(3).is_some();
    // "last summer" in December is this year's (over); "last winter" in December, the one before.
    if last && end_of(start)? >= now {
        start = start.checked_sub_months(Months::new(12))?;
    }
    if matches!(marker, "since" | "depuis" | "from") || marker.starts_with("a ") {
        return Some((start, now));
    }
    Some((start, end_of(start)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn since_a_season_runs_to_today() {
        let now = d(2026, 12, 6);
        let r = |s: &str| extract(&crate::normalize::normalize(s), now);
        assert_eq!(r("how much since the autumn"), Some((d(2026, 9, 1), now)));
        assert_eq!(r("since summer"), Some((d(2026, 6, 1), now)));
        assert_eq!(r("since like the fall"), Some((d(2026, 9, 1), now)));
        assert_eq!(r("since spring?"), Some((d(2026, 3, 1), now)));
        assert_eq!(r("since winter"), Some((d(2026, 12, 1), now)));
        assert_eq!(r("depuis l'automne"), Some((d(2026, 9, 1), now)));
    }

    #[test]
    fn a_season_alone_is_that_season() {
        let now = d(2026, 12, 6);
        let r = |s: &str| extract(&crate::normalize::normalize(s), now);
        assert_eq!(
            r("what did i spend this summer"),
            Some((d(2026, 6, 1), d(2026, 8, 31)))
        );
        assert_eq!(r("over the summer"), Some((d(2026, 6, 1), d(2026, 8, 31))));
        assert_eq!(r("last summer"), Some((d(2026, 6, 1), d(2026, 8, 31))));
        assert_eq!(r("last winter"), Some((d(2025, 12, 1), d(2026, 2, 28))));
        assert_eq!(r("this winter"), Some((d(2026, 12, 1), now)));
    }

    #[test]
    fn ordinary_words_are_no_season() {
        let now = d(2026, 12, 6);
        let r = |s: &str| extract(&crate::normalize::normalize(s), now);
        assert_eq!(r("my card might fall out of my pocket"), None);
        assert_eq!(r("spring water at whole foods"), None);
        assert_eq!(r("what did i spend"), None);
    }
}
