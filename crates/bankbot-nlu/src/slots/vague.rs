//! Vague periods customers name: "the other day", "a few days ago", "a couple days back",
//! "a few weeks ago", "a few months back", and a part of a month: "early last month",
//! "mid october", "the end of september", "the beginning of the month". Each becomes a
//! generous range holding what the customer most likely meant, so the answer shows it
//! rather than an empty day. English only; exact counts ("3 days ago", "a couple of weeks
//! ago") stay with [`super::ago`], which also reads "back" for "ago" through this module.

use chrono::{Datelike, Days, Months, NaiveDate};

/// `(from, to)`, inclusive.
type Range = (NaiveDate, NaiveDate);

/// Which part of a month: days 1–10, 11–20 or 21 to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Middle,
    Late,
}

/// False when `norm` holds none of the words a vague period needs, so most messages skip
/// [`extract`] and its word list.
pub(super) fn may_name_one(norm: &str) -> bool {
    const CUES: &[&str] = &[
        "other day",
        "ago",
        "back",
        "before",
        "early",
        "mid",
        "late",
        "end of",
        "beginning",
        "start of",
    ];
    CUES.iter().any(|c| norm.contains(c))
}

/// The vague period in a normalised utterance, ending on or before `now`. `whole` reads
/// the exact period of what remains once the part-of-month words are taken out.
pub(super) fn extract(
    norm: &str,
    now: NaiveDate,
    whole: fn(&str, NaiveDate) -> Option<Range>,
) -> Option<Range> {
    let words: Vec<&str> = crate::normalize::words(norm).collect();
    if has(&words, &["the", "other", "day"]) || has(&words, &["other", "day"]) {
        return span(now, 7, 1);
    }
    if let Some(r) = few_units_back(&words, now) {
        return Some(r);
    }
    // "a couple days back", "2 weeks back": "back" read as "ago".
    if let Some(at) = words.iter().position(|w| *w == "back")
        && at > 0
        && is_unit(words[at - 1])
    {
        let mut as_ago: Vec<&str> = words.clone();
        as_ago[at] = "ago";
        return super::ago::extract(&as_ago.join(" "), now);
    }
    part_of_month(&words, now, whole)
}

/// "a few days ago", "few weeks back", "a couple days ago" (without "of": loosely a range).
fn few_units_back(words: &[&str], now: NaiveDate) -> Option<Range> {
    let at = words
        .iter()
        .position(|w| matches!(*w, "ago" | "back" | "before"))?;
    let unit = *words.get(at.checked_sub(1)?)?;
    let quantity = *words.get(at.checked_sub(2)?)?;
    match (quantity, unit) {
        ("few", "days") => super::ago::few_back(super::ago::Unit::Day, now),
        ("couple", "days") => span(now, 3, 1),
        ("few", "weeks") => super::ago::few_back(super::ago::Unit::Week, now),
        ("few", "months") => {
            let this_month = now.with_day(1)?;
            let from = this_month.checked_sub_months(Months::new(4))?;
            let to = this_month.checked_sub_days(Days::new(1))?;
            Some((from, to))
        }
        _ => None,
    }
}

/// "early last month", "mid october", "end of september": the part of the month the rest
/// of the utterance names (this month when it names none).
fn part_of_month(
    words: &[&str],
    now: NaiveDate,
    whole: fn(&str, NaiveDate) -> Option<Range>,
) -> Option<Range> {
    let (part, skip) = words.iter().enumerate().find_map(|(i, w)| {
        let next = words.get(i + 1).copied();
        let next2 = words.get(i + 2).copied();
        let of = next == Some("of") || next2 == Some("of");
        // "a late fee", "late payments": lateness, not a time of the month.
        let about_lateness = next.is_some_and(|n| {
            n.starts_with("fee") || n.starts_with("payment") || n.starts_with("charge")
        });
        match *w {
            "early" => Some((Part::Early, 1)),
            "beginning" | "start" if of => Some((Part::Early, 1)),
            "mid" | "midmonth" => Some((Part::Middle, 1)),
            "middle" if of => Some((Part::Middle, 1)),
            "late" if !about_lateness => Some((Part::Late, 1)),
            "end" if of => Some((Part::Late, 1)),
            _ => None,
        }
        .map(|(p, n)| (p, (i, n)))
    })?;
    // "late october", "early last month", "end of the month": the month words follow at
    // once; "my late husband … this month" names no part of it.
    let next = words[skip.0 + skip.1..]
        .iter()
        .find(|w| !matches!(**w, "of" | "the" | "in"))?;
    let names_month = matches!(*next, "last" | "this" | "previous" | "month" | "mth")
        || whole(next, now).is_some();
    if !names_month {
        return None;
    }
    let rest: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < skip.0 || *i >= skip.0 + skip.1)
        .map(|(_, w)| *w)
        .collect();
    let rest = rest.join(" ");
    let this_month = (now.with_day(1)?, now);
    let (from, to) = match whole(&rest, now) {
        Some(r) if r.0.day() == 1 && (r.1 == now || is_month_end(r.1)) && same_month(r) => r,
        // "the end of the month": this month, or the last one while this month's part has
        // not begun ("end of month spending" on 6 December is November's last days).
        None if words.iter().any(|w| matches!(*w, "month" | "mth")) => {
            if part_begun(part, now) {
                this_month
            } else {
                let first = this_month.0.checked_sub_months(Months::new(1))?;
                (first, this_month.0.pred_opt()?)
            }
        }
        _ => return None,
    };
    let last = last_day(from)?;
    let (a, b) = match part {
        Part::Early => (1, 10),
        Part::Middle => (11, 20),
        Part::Late => (21, last),
    };
    let start = from.with_day(a)?;
    let end = from.with_day(b.min(last))?.min(to);
    (start <= end).then_some((start, end))
}

/// True when `part` of `now`'s month has begun.
fn part_begun(part: Part, now: NaiveDate) -> bool {
    match part {
        Part::Early => true,
        Part::Middle => now.day() >= 11,
        Part::Late => now.day() >= 21,
    }
}

fn same_month((a, b): Range) -> bool {
    a.year() == b.year() && a.month() == b.month()
}

fn is_month_end(d: NaiveDate) -> bool {
    d.checked_add_days(Days::new(1))
        .is_some_and(|n| n.day() == 1)
}

fn last_day(d: NaiveDate) -> Option<u32> {
    d.with_day(1)?
        .checked_add_months(Months::new(1))?
        .checked_sub_days(Days::new(1))
        .map(|x| x.day())
}

/// From `far` days before `now` to `near` days before it.
fn span(now: NaiveDate, far: u64, near: u64) -> Option<Range> {
    Some((
        now.checked_sub_days(Days::new(far))?,
        now.checked_sub_days(Days::new(near))?,
    ))
}

fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "day" | "days" | "week" | "weeks" | "wk" | "wks" | "month" | "months" | "mth" | "mths"
    )
}

/// True when `words` holds `phrase` as consecutive words.
fn has(words: &[&str], phrase: &[&str]) -> bool {
    words.windows(phrase.len()).any(|w| w == phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn read(s: &str) -> Option<Range> {
        let norm = crate::normalize::normalize(s);
        extract(&norm, day(11, 29), super::super::dates::extract)
    }

    #[test]
    fn loose_counts_are_ranges() {
        assert_eq!(
            read("what did i buy the other day"),
            Some((day(11, 22), day(11, 28)))
        );
        assert_eq!(
            read("purchases a few days ago"),
            Some((day(11, 23), day(11, 27)))
        );
        assert_eq!(
            read("txns a couple days back"),
            Some((day(11, 26), day(11, 28)))
        );
        assert_eq!(
            read("spent a few weeks ago"),
            Some((day(10, 26), day(11, 22)))
        );
        assert_eq!(read("a few months back"), Some((day(7, 1), day(10, 31))));
        assert_eq!(read("2 weeks back"), Some((day(11, 9), day(11, 15))));
    }

    #[test]
    fn parts_of_a_month() {
        assert_eq!(
            read("spending early last month"),
            Some((day(10, 1), day(10, 10)))
        );
        assert_eq!(read("mid october"), Some((day(10, 11), day(10, 20))));
        assert_eq!(read("end of last month"), Some((day(10, 21), day(10, 31))));
        assert_eq!(
            read("beginning of the month"),
            Some((day(11, 1), day(11, 10)))
        );
        assert_eq!(read("late september"), Some((day(9, 21), day(9, 30))));
        // The end of this month has not come on 6 December: the end of November.
        let dec6 = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let early = |s: &str| {
            extract(
                &crate::normalize::normalize(s),
                dec6,
                super::super::dates::extract,
            )
        };
        assert_eq!(
            early("what did i spend at the end of the month"),
            Some((day(11, 21), day(11, 30)))
        );
        assert_eq!(
            early("end of month spending"),
            Some((day(11, 21), day(11, 30)))
        );
        assert_eq!(read("at the end of the day"), None);
        assert_eq!(read("i'm running late"), None);
        assert_eq!(read("send it back"), None);
        assert_eq!(read("any late fees this month"), None);
        assert_eq!(read("my late husband spent this month"), None);
    }
}
