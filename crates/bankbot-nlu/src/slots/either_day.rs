//! Two dates joined by "or": "hier ou avant-hier", "le 1er ou le 2 novembre", "je crois le
//! premier ou le deux" (with a month named elsewhere in the message), "the 3rd or the 4th".
//! The customer is unsure which, so both are searched: the range from the earlier to the
//! later. A message with one date and an "ou" elsewhere ("c'est où", "ou bien") is not this.

use chrono::NaiveDate;

use super::dates::{Range, extract, month_number};
use super::numbers::value;

/// What joins the two dates.
const JOINS: &[&str] = &[" ou bien ", " ou alors ", " ou ", " or maybe ", " or "];

/// The range covering both dates, when `norm` names two dates joined by "or".
pub(super) fn extract_either(norm: &str, now: NaiveDate) -> Option<Range> {
    let (at, len) = JOINS
        .iter()
        .filter_map(|j| norm.find(j).map(|i| (i, j.len())))
        .min_by_key(|(i, len)| (*i, usize::MAX - len))?;
    let (left, right) = (norm.get(..at)?, norm.get(at + len..)?);
    if let Some(r) = two_days(left, right, norm, now) {
        return Some(r);
    }
    let a = extract(left, now)?;
    let b = extract(right, now)?;
    Some((a.0.min(b.0), a.1.max(b.1)))
}

/// "le premier ou le deux", "le 1er ou le 2 novembre": the last word before the join and
/// the first after it (past "le", "the") are days; the month is the one after the second
/// day, else the one named anywhere in the message, else the most recent holding both.
fn two_days(left: &str, right: &str, norm: &str, now: NaiveDate) -> Option<Range> {
    let d1 = day(left.split_whitespace().last()?)?;
    let mut after = right
        .split_whitespace()
        .skip_while(|w| matches!(*w, "le" | "the" | "l'"));
    let d2 = day(after.next()?)?;
    // "novembre,", "d'octobre": the month's name alone.
    let bare = |w: &'_ str| -> String {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.strip_prefix("d'").unwrap_or(w).into()
    };
    let month = after
        .next()
        .map(bare)
        .filter(|w| month_number(w).is_some())
        .or_else(|| {
            norm.split_whitespace().map(bare).find(|w| {
                w.len() > 3 && month_number(w).is_some() && !matches!(w.as_str(), "mars" | "sept")
            })
        });
    let (from, to) = (d1.min(d2), d1.max(d2));
    let text = match month {
        Some(m) => format!("du {from} au {to} {m}"),
        None => format!("du {from} au {to}"),
    };
    extract(&text, now)
}

/// A day of the month: "1er", "2", "premier", "deux", "3rd".
fn day(word: &str) -> Option<u32> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let n = match w {
        "premier" | "first" | "1st" | "1er" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if digits.is_empty() {
                value(w)?
            } else if w.len() - digits.len() <= 2 {
                value(digits)?
            } else {
                return None;
            }
        }
    };
    (1..=31).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::extract_either;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn either_day_is_both() {
        let now = d(12, 6);
        for (text, from, to) in [
            (
                "jsp si g paye la boulangerie hier ou avant hier",
                d(12, 4),
                d(12, 5),
            ),
            ("le 1er ou le 2 novembre", d(11, 1), d(11, 2)),
            (
                "au debut du mois de novembre, je crois le premier ou le deux ?",
                d(11, 1),
                d(11, 2),
            ),
            ("the 3rd or the 4th of december", d(12, 3), d(12, 4)),
            ("avant hier ou hier", d(12, 4), d(12, 5)),
        ] {
            assert_eq!(extract_either(text, now), Some((from, to)), "{text}");
        }
        assert_eq!(extract_either("c'est ou le distributeur", now), None);
        assert_eq!(extract_either("hier ou bien", now), None);
    }
}
