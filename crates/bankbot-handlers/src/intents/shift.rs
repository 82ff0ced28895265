//! "And the month before that?", "the week before", "la semaine d'avant" after a data
//! answer: the same question over the period before the last one (or before this month /
//! week / day when the last answer had no dates).

use bankbot_core::Slots;
use chrono::{Datelike, Days, Months, NaiveDate};

use crate::cues::fold;

/// The period to step back by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    Day,
    Week,
    Month,
    Year,
}

const ASKS: &[(&str, Step)] = &[
    (" the day before ", Step::Day),
    (" day before that ", Step::Day),
    (" la veille ", Step::Day),
    (" le jour d'avant ", Step::Day),
    (" the week before ", Step::Week),
    (" week before that ", Step::Week),
    (" la semaine d'avant ", Step::Week),
    (" the month before ", Step::Month),
    (" month before that ", Step::Month),
    (" the month prior ", Step::Month),
    (" le mois d'avant ", Step::Month),
    (" the year before ", Step::Year),
    (" year before that ", Step::Year),
    (" l'annee d'avant ", Step::Year),
];

/// The step back `text` asks for, if it asks for one.
pub(crate) fn asks(text: &str) -> Option<Step> {
    let f = fold(text);
    ASKS.iter().find(|(p, _)| f.contains(p)).map(|(_, s)| *s)
}

/// The step as long as the last answer's period, for "and the one before?", « et celle
/// d'avant ? » after a total over a day, a week or a whole month (none for other spans).
pub(crate) fn span_of(last: &Slots) -> Option<Step> {
    let (from, to) = (last.date_from?, last.date_to?);
    let days = (to - from).num_days() + 1;
    let month_end = to.succ_opt().is_some_and(|next| next.day() == 1);
    match days {
        1 => Some(Step::Day),
        7 => Some(Step::Week),
        _ if from.day() == 1 && from.month() == to.month() && (month_end || days >= 28) => {
            Some(Step::Month)
        }
        _ => None,
    }
}

/// `last` with its dates moved back one `step` (from the current period when it had none).
pub(crate) fn back(last: &Slots, step: Step, today: NaiveDate) -> Option<Slots> {
    let (from, to) = match (last.date_from, last.date_to) {
        (Some(f), t) => (f, t.unwrap_or(today)),
        (None, _) => match step {
            Step::Day => (today, today),
            Step::Week => {
                let monday = today.checked_sub_days(Days::new(u64::from(
                    today.weekday().num_days_from_monday(),
                )))?;
                (monday, today)
            }
            Step::Month => (today.with_day(1)?, today),
            Step::Year => (today.with_ordinal(1)?, today),
        },
    };
    let (from, to) = match step {
        Step::Day => (from.pred_opt()?, from.pred_opt()?),
        Step::Week => (
            from.checked_sub_days(Days::new(7))?,
            from.checked_sub_days(Days::new(1))?,
        ),
        Step::Month => {
            // A whole month ends on its last day; else the same days a month earlier.
            let start = from.checked_sub_months(Months::new(1))?;
            let whole = from.day() == 1;
            let end = if whole {
                from.pred_opt()?
            } else {
                to.checked_sub_months(Months::new(1))?
            };
            (start, end)
        }
        Step::Year => (
            from.checked_sub_months(Months::new(12))?,
            to.checked_sub_months(Months::new(12))?,
        ),
    };
    Some(Slots {
        date_from: Some(from),
        date_to: Some(to),
        ..last.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn steps_back() {
        assert_eq!(asks("And the month before that?"), Some(Step::Month));
        assert_eq!(asks("et la semaine d'avant ?"), Some(Step::Week));
        assert_eq!(asks("what's my balance"), None);
    }

    #[test]
    fn span_of_the_last_period() {
        let week = Slots {
            date_from: Some(d(11, 16)),
            date_to: Some(d(11, 22)),
            ..Slots::default()
        };
        assert_eq!(span_of(&week), Some(Step::Week));
        let october = Slots {
            date_from: Some(d(10, 1)),
            date_to: Some(d(10, 31)),
            ..Slots::default()
        };
        assert_eq!(span_of(&october), Some(Step::Month));
        let range = Slots {
            date_from: Some(d(11, 5)),
            date_to: Some(d(11, 20)),
            ..Slots::default()
        };
        assert_eq!(span_of(&range), None);
        let nov = Slots {
            date_from: Some(d(11, 1)),
            date_to: Some(d(11, 29)),
            ..Slots::default()
        };
        let oct = back(&nov, Step::Month, d(11, 29)).unwrap();
        assert_eq!(
            (oct.date_from, oct.date_to),
            (Some(d(10, 1)), Some(d(10, 31)))
        );
        let none = back(&Slots::default(), Step::Week, d(11, 29)).unwrap();
        assert_eq!(
            (none.date_from, none.date_to),
            (Some(d(11, 16)), Some(d(11, 22)))
        );
    }
}
