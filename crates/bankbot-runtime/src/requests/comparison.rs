//! Two periods compared in one message: "did I spend more this month than last", "how does
//! this month compare to last month", "groceries in october vs september", and after a
//! total "compared to september" or "is that more than last month?". Each period is
//! answered in turn, oldest last as asked, with the same filters (category, merchant,
//! account), then the difference. English and French ("j'ai plus dépensé en novembre
//! qu'en octobre", "ce mois-ci par rapport au mois dernier"); a message without both
//! periods is left alone.

use bankbot_core::{IntentId, IntentMatch, Slots};
use chrono::{Datelike, Days, Months, NaiveDate};

use super::Reader;

/// What stands between the two periods, each padded with spaces.
const VERSUS: &[&str] = &[
    " compared to ",
    " compared with ",
    " compare to ",
    " compare with ",
    " comparing to ",
    " in comparison to ",
    " vs. ",
    " vs ",
    " versus ",
    " against ",
    " than ",
    " par rapport aux ",
    " par rapport au ",
    " par rapport a ",
    " par rapport à ",
    " compare a ",
    " compare au ",
    " comparé à ",
    " comparé au ",
    " comparativement a ",
    " que ",
    " qu'",
    " qu’",
    " qu ",
];

/// Cues that compare only after "more" or "less" ("plus … que"): alone they join clauses
/// ("est-ce que") or name a threshold ("more than $100").
const AFTER_MORE: &[&str] = &[" than ", " que ", " qu'", " qu’", " qu "];

/// Words of the second half that mean "the period before the first".
const BEFORE: &[&str] = &[
    "last",
    "last one",
    "the last one",
    "before",
    "the one before",
    "previous",
    "the previous one",
    "prior",
    "the prior one",
    "avant",
    "celui d'avant",
    "le precedent",
    "le précédent",
];

/// The two periods asked about, each a spending question, when `text` compares periods.
/// `last` is the last data answer (its intent and slots), for "compared to september".
pub(crate) fn parts(
    reader: Reader<'_>,
    text: &str,
    last: Option<(IntentId, &Slots)>,
) -> Option<Vec<(String, IntentMatch)>> {
    // "money in vs money out in october": one question of two figures, not two periods.
    if bankbot_handlers::one_request(text) {
        return None;
    }
    let lower = format!(" {} ", text.to_lowercase().replace(['?', '!'], " "));
    // "compare this month with last month", "compare october and november".
    let after_compare = lower.find(" compare").map(|i| {
        let from = i + " compare".len();
        [" with ", " and ", " to "]
            .iter()
            .filter_map(|c| lower[from..].find(c).map(|j| (from + j, *c)))
            .min_by_key(|(j, _)| *j)
    });
    // "than" and "que" compare only after more/less ("est-ce que j'ai dépensé plus ce
    // mois-ci que le mois dernier": the second "que").
    let (at, cue) = VERSUS
        .iter()
        .flat_map(|c| lower.match_indices(c).map(|(i, _)| (i, *c)))
        .chain(after_compare.flatten())
        .filter(|(i, c)| {
            !AFTER_MORE.contains(c) || lower[..*i].split_whitespace().any(is_more_or_less)
        })
        .min_by_key(|(i, c)| (*i, usize::MAX - c.len()))?;
    let head = lower[..at].trim();
    if AFTER_MORE.contains(&cue) && head.split_whitespace().count() < 2 {
        return None;
    }
    let tail = lower[at + cue.len()..].trim();
    let whole = reader.parse(text);
    let left = reader.parse(head);
    let right = reader.parse(tail);
    if right.slots.amount_min.is_some() || right.slots.amount_max.is_some() {
        return None;
    }
    // The first period: named before the cue, else the last answer's.
    let context = last.filter(|(i, s)| {
        matches!(i, IntentId::SpendingSummary | IntentId::Transactions) && s.date_from.is_some()
    });
    let (mut first, intent) = match (left.slots.date_from, context) {
        (Some(_), _) => (left.slots.clone(), IntentId::SpendingSummary),
        (None, Some((intent, slots))) if left.slots.is_empty() || names_nothing(head) => {
            (slots.clone(), intent)
        }
        (None, _) if mentions_this(head) => (
            this_month(reader.today, &left.slots),
            IntentId::SpendingSummary,
        ),
        // "my spending compared to last month", nothing said before: this month's.
        (None, None) if left.intent == IntentId::SpendingSummary => (
            this_month(reader.today, &left.slots),
            IntentId::SpendingSummary,
        ),
        _ => return None,
    };
    let intent = if intent == IntentId::Transactions
        && first.category != Some(bankbot_core::Category::Income)
    {
        IntentId::SpendingSummary
    } else {
        intent
    };
    let (from, to) = (first.date_from?, first.date_to.unwrap_or(reader.today));
    let (second_from, second_to) = match (right.slots.date_from, right.slots.date_to) {
        (Some(f), t) => (f, t.unwrap_or(reader.today)),
        (None, _)
            if BEFORE.contains(&tail.trim_end_matches([' ', '.'])) || tail.contains("last") =>
        {
            before(from, to)?
        }
        _ => return None,
    };
    if (second_from, second_to) == (from, to) {
        return None;
    }
    // Filters named anywhere apply to both periods: "on groceries", "at amazon".
    for s in [&whole.slots, &right.slots] {
        first.category = first.category.or(s.category);
        first.merchant = first.merchant.clone().or(s.merchant.clone());
        first.account_type = first.account_type.or(s.account_type);
    }
    first.date_to = Some(to);
    let second = Slots {
        date_from: Some(second_from),
        date_to: Some(second_to),
        ..first.clone()
    };
    let question = |slots: Slots| IntentMatch {
        intent,
        confidence: 1.0,
        lang: whole.lang,
        slots,
        written_out: None,
    };
    let head_text = if head.is_empty() { text } else { head };
    Some(vec![
        (head_text.to_owned(), question(first)),
        (tail.to_owned(), question(second)),
    ])
}

fn is_more_or_less(w: &str) -> bool {
    matches!(
        w,
        "more"
            | "less"
            | "fewer"
            | "higher"
            | "lower"
            | "bigger"
            | "smaller"
            | "over"
            | "under"
            | "plus"
            | "moins"
            | "davantage"
    )
}

/// "is that", "how does it", "and": a first half that names nothing of its own.
fn names_nothing(head: &str) -> bool {
    !head.contains("this ") && !head.contains("ce ")
}

/// "this month", "so far": the current month.
fn mentions_this(head: &str) -> bool {
    head.contains("this month")
        || head.contains("so far")
        || head.contains("this mth")
        || head.contains("ce mois")
        || head.contains("jusqu'ici")
}

fn this_month(today: NaiveDate, filters: &Slots) -> Slots {
    Slots {
        date_from: today.with_day(1),
        date_to: Some(today),
        ..filters.clone()
    }
}

/// The period just before `from..=to`: the month before when it starts on the 1st,
/// else as many days before.
fn before(from: NaiveDate, to: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    if from.day() == 1 && to.month() == from.month() && to.year() == from.year() {
        let start = from.checked_sub_months(Months::new(1))?;
        let end = from.checked_sub_days(Days::new(1))?;
        return Some((start, end));
    }
    let days = (to - from).num_days().max(0) as u64 + 1;
    Some((
        from.checked_sub_days(Days::new(days))?,
        from.checked_sub_days(Days::new(1))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_period_before_a_month_is_the_whole_month_before() {
        assert_eq!(
            before(day(11, 1), day(11, 29)),
            Some((day(10, 1), day(10, 31)))
        );
        assert_eq!(
            before(day(11, 22), day(11, 28)),
            Some((day(11, 15), day(11, 21)))
        );
    }
}
