//! Slot extraction, whatever the intent: the runtime decides which slots it uses.

mod ago;
mod amounts;
mod bare_days;
mod count;
mod dates;
mod either_day;
mod long_periods;
mod numbers;
mod ordinal_day;
mod periods_fr;
mod place;
mod seasons;
mod spelling;
mod split_words;
mod vague;
mod weekdays;

use bankbot_core::Slots;
use chrono::NaiveDate;

use crate::lexicon::Lexicon;

pub use amounts::parse_number;

const DATE_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "last",
    "this",
    "week",
    "month",
    "year",
    "since",
    "hier",
    "aujourd",
    "semaine",
    "mois",
    "annee",
    "depuis",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "fevrier",
    "avril",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "between",
    "entre",
    "weekend",
    "week-end",
    "past",
    "previous",
    "next",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// True for words that start a date expression, which end a place name.
pub fn is_date_word(lower: &str) -> bool {
    DATE_WORDS.contains(&lower)
}

/// Units a count of time is made of ("septante jours", "ninety days").
const TIME_UNITS: &[&str] = &[
    "days", "day", "weeks", "week", "months", "month", "jours", "jour", "semaines", "semaine",
    "mois",
];

/// True when `name` (lower case) is a number and a unit of time, as a period is said.
fn is_count_of_days(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    matches!(words.as_slice(), [n, unit] if numbers::value(n).is_some() && TIME_UNITS.contains(unit))
}

/// Every slot found in `text` (original) / `norm` (its normalised form), dates resolved
/// against `now`.
pub fn extract(text: &str, norm: &str, now: NaiveDate, lexicon: &Lexicon) -> Slots {
    let (amount_min, amount_max) = amounts::extract(norm);
    let joined = split_words::join(norm);
    let date_norm = spelling::fix_date_words(&joined);
    // "since the start of october", "this quarter": a long range, before the vague reader
    // takes "the start of october" for its first days.
    let (date_from, date_to) = long_periods::extract(&date_norm, now)
        .or_else(|| {
            vague::may_name_one(&date_norm)
                .then(|| vague::extract(&date_norm, now, dates::extract))
                .flatten()
                .or_else(|| {
                    dates::may_name_a_date(&date_norm)
                        .then(|| {
                            dates::extract(&date_norm, now)
                                .or_else(|| ordinal_day::extract(&date_norm, now))
                        })
                        .flatten()
                })
        })
        .map_or((None, None), |(a, b)| (Some(a), Some(b)));
    let amount_digits: Vec<String> = [amount_min, amount_max]
        .iter()
        .flatten()
        .map(|d| d.trunc().to_string())
        .collect();
    // "spent on eating out": a category's own words are never a shop's name, nor are they
    // with their article ("payé pour le char": the car, a category).
    let merchant = place::merchant(&date_norm, lexicon).filter(|m| {
        let m = m.to_lowercase();
        !lexicon.is_category_or_account_word(&m)
            // "spending from the start of the year": "start" is the period's, no shop.
            && !long_periods::is_period_word(&m)
            // "sur septante jours": a count of days, no shop.
            && !is_count_of_days(&m)
            && !["le", "la", "les", "mon", "ma", "mes", "the", "my"]
                .iter()
                .any(|a| lexicon.is_category_or_account_word(&format!("{a} {m}")))
    });
    let mut location = place::location(text, norm, &amount_digits);
    if location
        .as_ref()
        .is_some_and(|l| merchant.as_ref().is_some_and(|m| *m == l.to_lowercase()))
    {
        location = None;
    }
    let mut category = lexicon.category(&without_payday_start(&without_money_out(norm)));
    if category.is_some() && merchant.is_some() {
        category = merchant_sentence_category(&date_norm, lexicon).unwrap_or(category);
    }
    Slots {
        account_type: lexicon.account_type(norm),
        count: count::extract(norm),
        date_from,
        date_to,
        amount_min,
        amount_max,
        merchant,
        category,
        location,
    }
}

/// `norm` without a start at payday ("since my last paycheck", "depuis mon salaire"): the
/// pay there names when the period starts, not money in to sum, so "groceries since my
/// last paycheck" keeps groceries.
fn without_payday_start(norm: &str) -> std::borrow::Cow<'_, str> {
    const PAYDAY_START: &[&str] = &[
        "since my last paycheck",
        "since my last paycheque",
        "since my paycheck",
        "since my paycheque",
        "since i got my paycheck",
        "since i got my paycheque",
        "since i got my salary",
        "since my last salary",
        "since my salary",
        "since my last wages",
        "since my wages",
        "since wages",
        "since payroll",
        "since the paycheck",
        "since last paycheck",
        "depuis mon salaire",
        "depuis le salaire",
        "depuis mon dernier salaire",
        "depuis le dernier salaire",
    ];
    if !norm.contains("since") && !norm.contains("depuis") {
        return std::borrow::Cow::Borrowed(norm);
    }
    let mut out = norm.to_string();
    for phrase in PAYDAY_START {
        out = out.replace(phrase, " ");
    }
    std::borrow::Cow::Owned(out)
}

/// `norm` without the words "les sorties", "des sorties", "sorties d'argent" or "entrées
/// et sorties": money going out of the account, not outings (a leisure category, as in
/// "dépensé en sorties").
fn without_money_out(norm: &str) -> std::borrow::Cow<'_, str> {
    const MONEY_OUT: &[&str] = &[
        "entrees et sorties",
        "entrees et les sorties",
        "sorties d'argent",
        "sorties d argent",
        "les sorties",
        "des sorties",
        "tes sorties",
    ];
    if !norm.contains("sorties")
        || norm.contains("sorties au")
        || norm.contains("sorties entre amis")
    {
        return std::borrow::Cow::Borrowed(norm);
    }
    let mut out = norm.to_string();
    for phrase in MONEY_OUT {
        out = out.replace(phrase, " ");
    }
    std::borrow::Cow::Owned(out)
}

/// "ugh rent. whens my netflix charge": in a message of several sentences, the category of
/// the sentence that names the merchant (none when it names none), so a word said in
/// passing elsewhere does not filter that merchant's payments. `None` when the message is
/// one sentence or no sentence names the merchant alone.
#[allow(clippy::option_option)]
fn merchant_sentence_category(
    norm: &str,
    lexicon: &Lexicon,
) -> Option<Option<bankbot_core::Category>> {
    let sentences = sentences(norm);
    if sentences.len() < 2 {
        return None;
    }
    let with_merchant = sentences
        .iter()
        .find(|s| place::merchant(s, lexicon).is_some())?;
    Some(lexicon.category(with_merchant))
}

/// The sentences of a normalised text: split after ".", "!", "?" or ";" that end a word
/// ("amazon.com" and "12.50" stay whole).
fn sentences(norm: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = norm.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        let ends = matches!(b, b'.' | b'!' | b'?' | b';')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if ends {
            let s = norm[start..i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
    }
    let rest = norm[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}
