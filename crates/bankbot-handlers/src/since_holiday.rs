//! "since Halloween", « depuis Noël », "since thanksgiving": a period from that day (its
//! latest occurrence up to today) to today. The engine knows months, not holidays: "since
//! Halloween" was read as this month.

use chrono::{Datelike, NaiveDate, Weekday};

/// A holiday's day in a given year.
type DayIn = fn(i32) -> Option<NaiveDate>;

/// Holidays by the folded words that name them, with their day in a given year.
const HOLIDAYS: &[(&[&str], DayIn)] = &[
    (&["halloween", "haloween", "helloween"], |y| {
        NaiveDate::from_ymd_opt(y, 10, 31)
    }),
    (
        &["christmas", "xmas", "noel", "chrismas", "christmas day"],
        |y| NaiveDate::from_ymd_opt(y, 12, 25),
    ),
    (
        &[
            "new year",
            "new years",
            "new year's",
            "new years day",
            "new year's day",
            "nouvel an",
            "jour de l'an",
            "le jour de l'an",
            "l'an",
        ],
        |y| NaiveDate::from_ymd_opt(y, 1, 1),
    ),
    (
        &[
            "valentine's",
            "valentines",
            "valentine's day",
            "valentines day",
            "la saint valentin",
            "saint valentin",
            "st valentin",
        ],
        |y| NaiveDate::from_ymd_opt(y, 2, 14),
    ),
    (&["thanksgiving"], thanksgiving),
    (&["la toussaint", "toussaint"], |y| {
        NaiveDate::from_ymd_opt(y, 11, 1)
    }),
    (
        &[
            "july 4th",
            "the 4th of july",
            "4th of july",
            "fourth of july",
            "the fourth of july",
            "independence day",
        ],
        |y| NaiveDate::from_ymd_opt(y, 7, 4),
    ),
    (&["bastille day", "le 14 juillet"], |y| {
        NaiveDate::from_ymd_opt(y, 7, 14)
    }),
];

/// The fourth Thursday of November.
fn thanksgiving(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4)
}

/// Words that open a period running to today.
const SINCE: &[&str] = &["since", "depuis", "sinse", "dpuis"];

/// The first day of "since <holiday>" in `text`: the holiday's latest day up to `today`.
pub(crate) fn since(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let f = crate::cues::fold(text).replace(['?', '!', ',', '.'], " ");
    let padded = format!(" {} ", f.split_whitespace().collect::<Vec<_>>().join(" "));
    for opener in SINCE {
        let Some(at) = padded.find(&format!(" {opener} ")) else {
            continue;
        };
        let rest = &padded[at + opener.len() + 1..];
        let rest = rest.strip_prefix(" the").unwrap_or(rest);
        for (names, day) in HOLIDAYS {
            if names.iter().any(|n| rest.starts_with(&format!(" {n} "))) {
                let this_year = day(today.year())?;
                return if this_year <= today {
                    Some(this_year)
                } else {
                    day(today.year() - 1)
                };
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::since;
    use chrono::NaiveDate;

    #[test]
    fn holidays_start_a_period() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let day = |m, d, y| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(since("spending since halloween", today), day(10, 31, 2026));
        assert_eq!(since("depuis noël", today), day(12, 25, 2025));
        assert_eq!(since("since thanksgiving?", today), day(11, 26, 2026));
        assert_eq!(since("spending since september", today), None);
    }
}
