//! Two months in one question: "starbucks in oct and nov", "spending sept & october",
//! "courses en octobre et novembre". The engine reads the first month; the period runs on
//! to the end of the second, and the answer's range ("Oct 1 to Nov 30") says so.

use bankbot_core::IntentMatch;
use chrono::{Datelike, Months, NaiveDate};

use crate::cues::fold;

/// The month a word names (1–12), English or French, full or short.
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let n = match w {
        "jan" | "january" | "janv" | "janvier" => 1,
        "feb" | "february" | "fev" | "fevr" | "fevrier" => 2,
        "mar" | "march" | "mars" => 3,
        "apr" | "april" | "avr" | "avril" => 4,
        "may" | "mai" => 5,
        "jun" | "june" | "juin" => 6,
        "jul" | "july" | "juil" | "juillet" => 7,
        "aug" | "august" | "aout" => 8,
        "sep" | "sept" | "september" | "septembre" => 9,
        "oct" | "october" | "octobre" => 10,
        "nov" | "november" | "novembre" => 11,
        "dec" | "december" | "decembre" => 12,
        _ => return None,
    };
    Some(n)
}

/// Words joining two months into one period.
const JOIN: &[&str] = &[
    "and", "et", "to", "through", "thru", "till", "until", "a", "au",
];

/// The second month of "<month> and <month>" in `text`, when the first is `first`.
fn second_month(text: &str, first: u32) -> Option<u32> {
    let f = fold(text.replace(['&', '+', '-', '/'], " and ").as_str());
    let w: Vec<&str> = f.split_whitespace().collect();
    w.windows(3).find_map(|p| {
        (month(p[0]) == Some(first) && JOIN.contains(&p[1]))
            .then(|| month(p[2]))
            .flatten()
            .filter(|&m| m != first)
    })
}

/// "le mois passé et celui-ci", "last month and this one": the month named, then the
/// current one, folded.
const AND_THIS_ONE: &[&str] = &[
    " et celui ci ",
    " et de celui ci ",
    " et celui la ",
    " et ce mois ci ",
    " et ce mois ",
    " et de ce mois ",
    " et le mois en cours ",
    " et le mois actuel ",
    " and this one ",
    " and this month ",
    " and the current one ",
    " and the current month ",
    " and so far this month ",
    " plus this month ",
];

/// The engine's reading with its one-month period stretched to the end of the second month
/// named, when the message names two; "the month before and this one": up to today.
pub(crate) fn read(text: &str, parsed: &IntentMatch) -> Option<IntentMatch> {
    let from = parsed.slots.date_from?;
    if from.day() != 1 {
        return None;
    }
    let f = fold(text);
    if parsed.slots.date_to.is_some() && AND_THIS_ONE.iter().any(|w| f.contains(w)) {
        let mut fixed = parsed.clone();
        fixed.slots.date_to = None;
        return Some(fixed);
    }
    let second = second_month(text, from.month())?;
    let year = if second > from.month() {
        from.year()
    } else {
        from.year() + 1
    };
    let start = NaiveDate::from_ymd_opt(year, second, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    let mut fixed = parsed.clone();
    fixed.slots.date_to = Some(end);
    Some(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_months() {
        assert_eq!(second_month("starbucks in oct and nov", 10), Some(11));
        assert_eq!(second_month("spending sept & october", 9), Some(10));
        assert_eq!(second_month("courses en octobre et novembre", 10), Some(11));
        assert_eq!(second_month("oct-nov", 10), Some(11));
        assert_eq!(second_month("oct and groceries", 10), None);
        assert_eq!(second_month("in october", 10), None);
    }
}
