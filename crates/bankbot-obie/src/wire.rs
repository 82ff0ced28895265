//! Lenient reading of what banks actually send: JSON field access that tolerates missing,
//! empty or mistyped optional fields, ISO and non-ISO dates, unsigned amounts with a
//! `CreditDebitIndicator`, and spending categories from merchant category codes.

use bankbot_core::{Category, Currency, Money};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde_json::Value;

/// The non-blank, trimmed string at `key`; `None` when missing, `""`, `{}` or not a string.
pub(crate) fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The string at a path of keys, e.g. `["MerchantDetails", "MerchantName"]`.
pub(crate) fn text_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let (last, parents) = path.split_last()?;
    let mut cur = v;
    for key in parents {
        cur = cur.get(*key)?;
    }
    text(cur, last)
}

/// The array at `key`: a lone object counts as a one-element array (some banks drop the
/// brackets when there is one record); empty when missing or of another type.
pub(crate) fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    match v.get(key) {
        Some(Value::Array(items)) => items,
        Some(one @ Value::Object(_)) => std::slice::from_ref(one),
        _ => &[],
    }
}

/// A time stamp as the bank wrote it: its local (bank-timezone) reading and an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// Date and time in the offset the bank used (or as written, when it gave none).
    pub(crate) local: NaiveDateTime,
    /// The instant; UTC is assumed when no offset was given.
    pub(crate) utc: DateTime<Utc>,
}

const NAIVE_DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
];
const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y%m%d"];

/// Parses ISO 8601 date-times with `Z`, `+00:00` or `+0000` offsets, date-times without an
/// offset, and bare dates (`2017-04-05`, or the spec's own non-ISO `01-05-2002`).
pub(crate) fn parse_stamp(raw: &str) -> Option<Stamp> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let with_offset = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .ok();
    if let Some(dt) = with_offset {
        return Some(Stamp {
            local: dt.naive_local(),
            utc: dt.with_timezone(&Utc),
        });
    }
    let naive = NAIVE_DATETIME_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .or_else(|| {
            DATE_FORMATS
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
                .map(|d| d.and_time(NaiveTime::MIN))
        })?;
    Some(Stamp {
        local: naive,
        utc: naive.and_utc(),
    })
}

/// Money in or out of the holder's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Credit,
    Debit,
}

/// `CreditDebitIndicator`, case-insensitively; `None` when missing or unknown.
pub(crate) fn direction(v: &Value) -> Option<Direction> {
    let cdi = text(v, "CreditDebitIndicator")?;
    if cdi.eq_ignore_ascii_case("credit") {
        Some(Direction::Credit)
    } else if cdi.eq_ignore_ascii_case("debit") {
        Some(Direction::Debit)
    } else {
        None
    }
}

/// An `{ "Amount": "10.00", "Currency": "GBP" }` object, unsigned on the wire. Parsed from
/// the text with [`Money::parse`] (a JSON number is read from its textual form, never as a
/// float). `fallback` is used when the currency is missing.
pub(crate) fn amount(v: &Value, fallback: Option<Currency>) -> Option<Money> {
    let currency = text(v, "Currency")
        .and_then(|c| Currency::new(c).ok())
        .or(fallback)?;
    let raw = match v.get("Amount")? {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    Money::parse(&raw, currency).ok()
}

/// Applies the indicator to an unsigned wire amount: money out (or owed) is negative. When
/// the indicator is missing, a sign the bank wrote into the amount is kept.
pub(crate) fn signed(unsigned: Money, dir: Option<Direction>) -> Money {
    match dir {
        Some(Direction::Credit) => unsigned.abs(),
        Some(Direction::Debit) => unsigned.abs().negated(),
        None => unsigned,
    }
}

/// A spending category from an ISO 18245 merchant category code, else from the bank's
/// transaction codes.
pub(crate) fn category(tx: &Value) -> Option<Category> {
    let mcc = text_at(tx, &["MerchantDetails", "MerchantCategoryCode"])
        .and_then(|c| c.parse::<u16>().ok());
    if let Some(c) = mcc.and_then(category_of_mcc) {
        return Some(c);
    }
    let proprietary = text_at(tx, &["ProprietaryBankTransactionCode", "Code"]).unwrap_or("");
    let code = text_at(tx, &["BankTransactionCode", "Code"]).unwrap_or("");
    let p = proprietary.to_ascii_lowercase();
    if p.contains("directdebit") || p.contains("standingorder") || p.contains("bill") {
        Some(Category::Bills)
    } else if p.contains("salary") || p.contains("wage") {
        Some(Category::Income)
    } else if code.ends_with("CreditTransfer") || p.contains("transfer") {
        Some(Category::Transfer)
    } else {
        None
    }
}

fn category_of_mcc(mcc: u16) -> Option<Category> {
    Some(match mcc {
        5411 | 5422 | 5441 | 5451 | 5462 | 5499 => Category::Groceries,
        5811..=5814 => Category::Dining,
        5541 | 5542 | 5983 => Category::Fuel,
        3000..=3299 | 4011 | 4111 | 4112 | 4121 | 4131 | 4411 | 4511 | 4784 | 4789 | 7523 => {
            Category::Transport
        }
        4812 | 4814 | 4899 | 4900 => Category::Bills,
        6513 => Category::Housing,
        5815..=5818 | 7832 | 7841 | 7922 | 7929 | 7991 | 7996 | 7997 => Category::Entertainment,
        5200..=5999 => Category::Shopping,
        _ => return None,
    })
}

/// A stable 64-bit FNV-1a hash, for the fallback de-duplication key (stable across Rust
/// versions, unlike `DefaultHasher`).
pub(crate) fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stamps_in_every_shape_banks_send() {
        let d = |s: &str| parse_stamp(s).map(|st| st.local.to_string());
        assert_eq!(
            d("2017-04-05T10:43:07+00:00").as_deref(),
            Some("2017-04-05 10:43:07")
        );
        assert_eq!(
            d("2017-04-05T10:43:07Z").as_deref(),
            Some("2017-04-05 10:43:07")
        );
        assert_eq!(
            d("2017-04-05T23:30:00-05:00").as_deref(),
            Some("2017-04-05 23:30:00")
        );
        assert_eq!(
            d("2017-04-05T10:43:07+0100").as_deref(),
            Some("2017-04-05 10:43:07")
        );
        assert_eq!(
            d("2017-04-05T10:43:07.123").as_deref(),
            Some("2017-04-05 10:43:07.123")
        );
        assert_eq!(d("2017-04-05").as_deref(), Some("2017-04-05 00:00:00"));
        assert_eq!(d("01-05-2002").as_deref(), Some("2002-05-01 00:00:00"));
        assert_eq!(d("yesterday"), None);
        assert_eq!(d(""), None);
        let late = parse_stamp("2017-04-05T23:30:00-05:00").unwrap();
        assert_eq!(late.utc.to_rfc3339(), "2017-04-06T04:30:00+00:00");
    }

    #[test]
    fn amounts_and_signs() {
        let a = amount(&json!({"Amount": "10.50", "Currency": "gbp"}), None).unwrap();
        assert_eq!(a.to_string(), "10.50 GBP");
        assert_eq!(signed(a, Some(Direction::Debit)).to_string(), "-10.50 GBP");
        assert_eq!(
            signed(a.negated(), Some(Direction::Credit)).to_string(),
            "10.50 GBP"
        );
        let n = amount(&json!({"Amount": 3.1}), Some(Currency::EUR)).unwrap();
        assert_eq!(n.to_string(), "3.10 EUR");
        assert!(amount(&json!({"Amount": "1e3", "Currency": "GBP"}), None).is_none());
        assert!(amount(&json!({"Amount": "1.00"}), None).is_none());
        assert!(amount(&json!({"Amount": {}, "Currency": "GBP"}), None).is_none());
    }

    #[test]
    fn empty_and_mistyped_fields_are_absent() {
        let v = json!({"a": "", "b": {}, "c": " x ", "d": 5});
        assert_eq!(text(&v, "a"), None);
        assert_eq!(text(&v, "b"), None);
        assert_eq!(text(&v, "c"), Some("x"));
        assert_eq!(text(&v, "d"), None);
        assert_eq!(array(&v, "b").len(), 1, "a lone object is one record");
        assert!(array(&v, "c").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn stamp_parser_never_panics(s in ".{0,40}", t in "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?") {
            let _ = parse_stamp(&s);
            let _ = parse_stamp(&t);
        }
    }

    #[test]
    fn categories() {
        let tx = json!({"MerchantDetails": {"MerchantCategoryCode": "5411"}});
        assert_eq!(category(&tx), Some(Category::Groceries));
        let dd = json!({"ProprietaryBankTransactionCode": {"Code": "DirectDebit"}});
        assert_eq!(category(&dd), Some(Category::Bills));
        assert_eq!(category(&json!({})), None);
        assert_ne!(fnv1a(&["a", "bc"]), fnv1a(&["ab", "c"]));
    }
}
