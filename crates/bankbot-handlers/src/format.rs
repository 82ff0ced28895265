//! Per-locale formatting of dates, distances and signed amounts. Money itself is
//! [`Money::format`] in core (`$2,345.67`, `1 234,56 €`); masked numbers print as `••4321`.

use bankbot_core::{Account, Card, DateRange, GeoPoint, Lang, Money};
use chrono::{Datelike, NaiveDate};

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// A day as customers read it: `Nov 27` / `27 nov.`, with the year when it is not
/// `today`'s year (`Dec 31, 2025` / `31 déc. 2025`).
pub fn date(day: NaiveDate, today: NaiveDate, lang: Lang) -> String {
    let idx = usize::try_from(day.month0()).unwrap_or(0);
    let with_year = day.year() != today.year();
    match lang {
        Lang::En => {
            let m = MONTHS_EN.get(idx).copied().unwrap_or("");
            if with_year {
                format!("{m} {}, {}", day.day(), day.year())
            } else {
                format!("{m} {}", day.day())
            }
        }
        Lang::Fr => {
            let m = MONTHS_FR.get(idx).copied().unwrap_or("");
            let d = if day.day() == 1 {
                "1er".to_owned()
            } else {
                day.day().to_string()
            };
            if with_year {
                format!("{d} {m} {}", day.year())
            } else {
                format!("{d} {m}")
            }
        }
    }
}

/// A range: `from Oct 1 to Oct 31` / `du 1er oct. au 31 oct.`, or `on Nov 3` / `le 3 nov.`
/// for a single day.
pub fn range(r: DateRange, today: NaiveDate, lang: Lang) -> String {
    let (from, to) = (date(r.from(), today, lang), date(r.to(), today, lang));
    match (lang, r.from() == r.to()) {
        (Lang::En, true) => format!("on {from}"),
        (Lang::En, false) => format!("from {from} to {to}"),
        (Lang::Fr, true) => format!("le {from}"),
        (Lang::Fr, false) => format!("du {from} au {to}"),
    }
}

/// A transaction amount with an explicit sign: `-$4.95`, `+$3,200.00`, `+1 500,00 €`.
pub fn signed(m: &Money, lang: Lang) -> String {
    let text = m.format(lang);
    if m.is_negative() || text.starts_with('-') {
        text
    } else {
        format!("+{text}")
    }
}

/// An account as customers know it: `Everyday Checking ••4321`.
pub fn account_label(a: &Account) -> String {
    match &a.masked_number {
        Some(n) => format!("{} {n}", a.display_name),
        None => a.display_name.clone(),
    }
}

/// A card as customers know it: `Cash Back Visa ••1111`.
pub fn card_label(c: &Card) -> String {
    format!("{} {}", c.display_name, c.last4)
}

/// A card label that fits a quick reply (20 characters): the name is shortened with `…`.
pub fn card_label_short(c: &Card) -> String {
    let full = card_label(c);
    if full.chars().count() <= 20 {
        return full;
    }
    let tail = format!(" {}", c.last4);
    let room = 20usize.saturating_sub(tail.chars().count() + 1);
    let name: String = c.display_name.chars().take(room).collect();
    format!("{}…{tail}", name.trim_end())
}

/// Distance units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    /// Miles (US customers).
    Miles,
    /// Kilometres and metres.
    Metric,
}

/// A distance: `0.4 mi`, `350 m`, `1.2 km` / `1,2 km`; from 100 units on, whole and grouped
/// (`4,130 mi`, `5\u{202F}840 km`).
pub fn distance(metres: f64, units: Units, lang: Lang) -> String {
    let m = if metres.is_finite() {
        metres.max(0.0)
    } else {
        0.0
    };
    let (value, unit) = match units {
        Units::Miles => (m / 1609.344, "mi"),
        Units::Metric if m < 1000.0 => {
            return format!("{} m", ((m / 10.0).round() * 10.0) as u64);
        }
        Units::Metric => (m / 1000.0, "km"),
    };
    // Far away (another city, another country): whole units, thousands grouped.
    if value >= 100.0 {
        let whole = (value.round() as u64).to_string();
        let sep = match lang {
            Lang::En => ",",
            Lang::Fr => "\u{202F}",
        };
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push_str(sep);
            }
            grouped.push(c);
        }
        return format!("{grouped} {unit}");
    }
    let text = format!("{value:.1} {unit}");
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// A Google Maps search link for a point.
pub fn maps_url(p: GeoPoint) -> String {
    format!(
        "https://www.google.com/maps/search/?api=1&query={:.6},{:.6}",
        p.lat(),
        p.lon()
    )
}

/// True for points inside the United States (contiguous states, Alaska, Hawaii), used for
/// a shared location, which comes without a country.
pub fn in_us(p: GeoPoint) -> bool {
    let (lat, lon) = (p.lat(), p.lon());
    let contiguous = (24.4..=49.4).contains(&lat) && (-124.8..=-66.9).contains(&lon);
    let alaska = (51.0..=71.5).contains(&lat) && (-180.0..=-129.9).contains(&lon);
    let hawaii = (18.8..=22.3).contains(&lat) && (-160.3..=-154.7).contains(&lon);
    contiguous || alaska || hawaii
}

/// The bank's own name for the merchant typed as `typed`, from the items found: the first
/// whose merchant folds to the same words ("sncf" → "SNCF").
pub(crate) fn bank_merchant_name(
    typed: &str,
    items: &[bankbot_core::Transaction],
) -> Option<String> {
    let typed = bankbot_core::fold_text(typed);
    items
        .iter()
        .filter_map(|t| t.merchant.as_deref())
        .find(|m| bankbot_core::fold_text(m) == typed)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::Currency;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates() {
        let today = d(2026, 11, 29);
        assert_eq!(date(d(2026, 11, 27), today, Lang::En), "Nov 27");
        assert_eq!(date(d(2025, 12, 31), today, Lang::En), "Dec 31, 2025");
        assert_eq!(date(d(2026, 11, 27), today, Lang::Fr), "27 nov.");
        assert_eq!(date(d(2026, 8, 1), today, Lang::Fr), "1er août");
        let oct = DateRange::new(d(2026, 10, 1), d(2026, 10, 31)).unwrap();
        assert_eq!(range(oct, today, Lang::En), "from Oct 1 to Oct 31");
        assert_eq!(range(oct, today, Lang::Fr), "du 1er oct. au 31 oct.");
        assert_eq!(range(DateRange::day(today), today, Lang::En), "on Nov 29");
    }

    #[test]
    fn distances_and_amounts() {
        assert_eq!(distance(643.7, Units::Miles, Lang::En), "0.4 mi");
        assert_eq!(distance(347.0, Units::Metric, Lang::Fr), "350 m");
        assert_eq!(distance(1234.0, Units::Metric, Lang::Fr), "1,2 km");
        assert_eq!(
            distance(4_130.4 * 1609.344, Units::Miles, Lang::En),
            "4,130 mi"
        );
        assert_eq!(
            distance(5_840_200.0, Units::Metric, Lang::Fr),
            "5\u{202F}840 km"
        );
        assert_eq!(distance(150_400.0, Units::Metric, Lang::En), "150 km");
        let m = Money::parse("3200", Currency::USD).unwrap();
        assert_eq!(signed(&m, Lang::En), "+$3,200.00");
        assert_eq!(signed(&m.negated(), Lang::En), "-$3,200.00");
        let sf = GeoPoint::new(37.7936, -122.3965).unwrap();
        assert!(in_us(sf));
        assert!(!in_us(GeoPoint::new(51.5, -0.12).unwrap()));
        assert_eq!(
            maps_url(sf),
            "https://www.google.com/maps/search/?api=1&query=37.793600,-122.396500"
        );
    }
}
