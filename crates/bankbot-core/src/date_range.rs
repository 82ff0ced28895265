//! Inclusive ranges of calendar days.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// An inclusive range of days, `from <= to` always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawRange", into = "RawRange")]
pub struct DateRange {
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Serialize, Deserialize)]
struct RawRange {
    from: NaiveDate,
    to: NaiveDate,
}

/// A range whose end comes before its start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("date range ends ({to}) before it starts ({from})")]
pub struct DateRangeError {
    /// The requested start.
    pub from: NaiveDate,
    /// The requested end.
    pub to: NaiveDate,
}

impl DateRange {
    /// The days from `from` to `to`, both included.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, DateRangeError> {
        if from <= to {
            Ok(DateRange { from, to })
        } else {
            Err(DateRangeError { from, to })
        }
    }

    /// A single day.
    pub fn day(day: NaiveDate) -> Self {
        DateRange { from: day, to: day }
    }

    /// The last `days` days ending on `today` (`days = 1` is today alone; 0 is treated as 1).
    pub fn last_days(today: NaiveDate, days: u32) -> Self {
        let back = u64::from(days.max(1) - 1);
        let from = today.checked_sub_days(Days::new(back)).unwrap_or(NaiveDate::MIN);
        DateRange { from, to: today }
    }

    /// First day.
    pub fn from(&self) -> NaiveDate {
        self.from
    }

    /// Last day.
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// True when `day` lies in the range.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// How many days it covers (at least 1).
    pub fn len_days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The overlap of two ranges, if any.
    pub fn intersect(&self, other: &DateRange) -> Option<DateRange> {
        DateRange::new(self.from.max(other.from), self.to.min(other.to)).ok()
    }
}

impl TryFrom<RawRange> for DateRange {
    type Error = DateRangeError;
    fn try_from(r: RawRange) -> Result<Self, Self::Error> {
        DateRange::new(r.from, r.to)
    }
}

impl From<DateRange> for RawRange {
    fn from(r: DateRange) -> RawRange {
        RawRange {
            from: r.from,
            to: r.to,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn inclusive_bounds() {
        let r = DateRange::new(d(2026, 10, 1), d(2026, 10, 31)).unwrap();
        assert!(r.contains(d(2026, 10, 1)));
        assert!(r.contains(d(2026, 10, 31)));
        assert!(!r.contains(d(2026, 11, 1)));
        assert_eq!(r.len_days(), 31);
        assert!(DateRange::new(d(2026, 2, 1), d(2026, 1, 1)).is_err());
        assert_eq!(DateRange::last_days(d(2026, 11, 29), 7).from(), d(2026, 11, 23));
    }

    #[test]
    fn deserialization_validates() {
        let bad = r#"{"from":"2026-02-01","to":"2026-01-01"}"#;
        assert!(serde_json::from_str::<DateRange>(bad).is_err());
    }

    fn day() -> impl Strategy<Value = NaiveDate> {
        (0i64..40_000).prop_map(|n| d(1970, 1, 1) + chrono::Duration::days(n))
    }

    proptest! {
        #[test]
        fn new_orders_or_refuses(a in day(), b in day()) {
            match DateRange::new(a, b) {
                Ok(r) => {
                    prop_assert!(a <= b);
                    prop_assert!(r.contains(a) && r.contains(b));
                    prop_assert_eq!(r.len_days(), (b - a).num_days() + 1);
                }
                Err(_) => prop_assert!(a > b),
            }
        }

        #[test]
        fn intersection_is_contained_in_both(a in day(), b in day(), c in day(), e in day()) {
            let r1 = DateRange::new(a.min(b), a.max(b)).unwrap();
            let r2 = DateRange::new(c.min(e), c.max(e)).unwrap();
            if let Some(i) = r1.intersect(&r2) {
                prop_assert!(r1.contains(i.from()) && r1.contains(i.to()));
                prop_assert!(r2.contains(i.from()) && r2.contains(i.to()));
            } else {
                prop_assert!(r1.to() < r2.from() || r2.to() < r1.from());
            }
        }

        #[test]
        fn serde_round_trips(a in day(), b in day()) {
            let r = DateRange::new(a.min(b), a.max(b)).unwrap();
            let json = serde_json::to_string(&r).unwrap();
            prop_assert_eq!(serde_json::from_str::<DateRange>(&json).unwrap(), r);
        }
    }
}
