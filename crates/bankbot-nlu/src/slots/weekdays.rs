//! Days of the week: "on tuesday", "last friday", "since monday", "mardi dernier",
//! "depuis lundi" — the most recent such day (today included, unless "last" / "dernier"
//! says an earlier one), or from it until today after "since" / "depuis".

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::dates::Range;

const NAMES: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("lundi", Weekday::Mon),
    ("mardi", Weekday::Tue),
    ("mercredi", Weekday::Wed),
    ("jeudi", Weekday::Thu),
    ("vendredi", Weekday::Fri),
    ("samedi", Weekday::Sat),
    ("dimanche", Weekday::Sun),
];

/// The day (or range from it) a weekday name in `norm` stands for.
pub(crate) fn extract(norm: &str, now: NaiveDate) -> Option<Range> {
    let words: Vec<&str> = norm
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let (at, day) = words
        .iter()
        .enumerate()
        .find_map(|(i, w)| NAMES.iter().find(|(n, _)| n == w).map(|(_, d)| (i, *d)))?;
    let before = |n: usize| at.checked_sub(n).and_then(|i| words.get(i)).copied();
    let after = words.get(at + 1).copied();
    let earlier = matches!(before(1), Some("last" | "past" | "previous"))
        || matches!(after, Some("dernier" | "passe"));
    let since = matches!(before(1), Some("since" | "depuis"))
        || (matches!(before(1), Some("last")) && matches!(before(2), Some("since")));
    let back = (7 + now.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    let back = if back == 0 && earlier { 7 } else { back };
    let date = now.checked_sub_days(Days::new(u64::from(back)))?;
    Some(if since { (date, now) } else { (date, date) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn weekdays_are_the_most_recent_such_day() {
        let now = d(11, 29); // a Sunday
        assert_eq!(
            extract("what did i buy on tuesday", now),
            Some((d(11, 24), d(11, 24)))
        );
        assert_eq!(extract("last friday", now), Some((d(11, 27), d(11, 27))));
        assert_eq!(extract("sunday", now), Some((now, now)));
        assert_eq!(extract("last sunday", now), Some((d(11, 22), d(11, 22))));
        assert_eq!(extract("since monday", now), Some((d(11, 23), now)));
        assert_eq!(extract("mardi dernier", now), Some((d(11, 24), d(11, 24))));
        assert_eq!(extract("depuis lundi", now), Some((d(11, 23), now)));
        assert_eq!(extract("my balance", now), None);
    }
}
