//! Periods named relative to the last answer rather than to today: "le mois d'avant",
//! "the month before", "la semaine d'avant" step back from the period last answered;
//! "ce mois-là", "that month", "la même période" keep it ("et en courses ce mois-là" after
//! October is October, although "ce mois" alone is the current month).

use bankbot_core::has_padded_phrase;
use bankbot_core::{IntentId, IntentMatch, Slots};
use chrono::{Datelike, Days, Months, NaiveDate};

use crate::DialogState;
use crate::cues::fold;

/// Phrases that keep the last answer's period.
const SAME: &[&str] = &[
    "ce mois la",
    "ce mois ci la",
    "cette semaine la",
    "cette periode la",
    "la meme periode",
    "meme periode",
    "le meme mois",
    "meme mois",
    "a ce moment la",
    "that month",
    "that week",
    "same month",
    "same period",
    "that period",
    "same time",
];

/// Phrases that step one month back from the last answer's period (or from this month).
const MONTH_BEFORE: &[&str] = &[
    "mois d'avant",
    "mois d avant",
    "mois davant",
    "mois avant",
    "mois precedent",
    "mois d'encore avant",
    "celui d'avant",
    "month before",
    "the month prior",
    "month prior",
];

/// Phrases that step one week back.
const WEEK_BEFORE: &[&str] = &[
    "semaine d'avant",
    "semaine d avant",
    "semaine davant",
    "semaine avant",
    "semaine precedente",
    "week before",
    "the week prior",
];

fn has(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_padded_phrase(folded, p))
}

/// The period `text` names relative to the last answer's `from..=to` (`None` when the last
/// answer had none: the current month then stands for it), or `None` when it names none.
pub(crate) fn relative(
    text: &str,
    last: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let f = fold(text);
    if has(&f, SAME) {
        return last;
    }
    let (from, _) = last.unwrap_or((today.with_day(1)?, today));
    if has(&f, WEEK_BEFORE) {
        let from = from.checked_sub_days(Days::new(7))?;
        return Some((from, from.checked_add_days(Days::new(6))?));
    }
    if has(&f, MONTH_BEFORE) {
        // A whole month (or the current one so far) steps to the whole month before.
        let start = from.with_day(1)?.checked_sub_months(Months::new(1))?;
        let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
        return Some((start, end));
    }
    None
}

/// `parsed` with the period `text` names relative to the last answer, when the message is
/// about transactions or spending (this one or the last one): "et le mois d'avant" after
/// November's spending is October's; `None` when no such period is named.
pub(crate) fn in_context(
    state: &DialogState,
    parsed: &IntentMatch,
    text: &str,
    today: NaiveDate,
) -> Option<IntentMatch> {
    let about_money =
        |i: Option<IntentId>| matches!(i, Some(IntentId::Transactions | IntentId::SpendingSummary));
    if !about_money(state.last_intent) && !about_money(Some(parsed.intent)) {
        return None;
    }
    let last = if about_money(state.last_intent) {
        let s = &state.last_slots;
        s.date_from.map(|from| (from, s.date_to.unwrap_or(today)))
    } else {
        None
    };
    let (from, to) = relative(text, last, today)?;
    Some(IntentMatch {
        slots: Slots {
            date_from: Some(from),
            date_to: Some(to),
            ..parsed.slots.clone()
        },
        ..parsed.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn steps_back_from_the_last_period() {
        let today = d(11, 29);
        let november = Some((d(11, 1), d(11, 29)));
        let october = Some((d(10, 1), d(10, 31)));
        for before in [
            "et le mois d'avant",
            "le mois précédent ?",
            "and the month before",
        ] {
            assert_eq!(relative(before, november, today), october, "{before}");
        }
        assert_eq!(
            relative("et le mois d'avant", october, today),
            Some((d(9, 1), d(9, 30)))
        );
        assert_eq!(relative("et le mois d'avant", None, today), october);
        assert_eq!(
            relative("et la semaine d'avant", Some((d(11, 23), d(11, 29))), today),
            Some((d(11, 16), d(11, 22)))
        );
    }

    #[test]
    fn keeps_the_last_period() {
        let today = d(11, 29);
        let october = Some((d(10, 1), d(10, 31)));
        assert_eq!(
            relative("et en courses ce mois-là", october, today),
            october
        );
        assert_eq!(
            relative("what about groceries that month", october, today),
            october
        );
        assert_eq!(relative("ce mois ci", october, today), None);
        assert_eq!(relative("mes courses", october, today), None);
    }
}
