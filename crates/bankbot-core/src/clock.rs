//! Where "now" comes from, so demos and tests can fix it.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// A source of the current time.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in UTC.
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stopped at one instant (what `BANKBOT_NOW` selects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub DateTime<Utc>);

/// Text that is neither an RFC 3339 instant nor a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is neither an RFC 3339 time nor a YYYY-MM-DD date")]
pub struct ClockParseError(pub String);

impl FixedClock {
    /// Parses `2026-11-29T12:00:00Z` or `2026-11-29` (noon UTC, so that "today" is the same
    /// day in every time zone from UTC−11 to UTC+11).
    pub fn parse(text: &str) -> Result<Self, ClockParseError> {
        let t = text.trim();
        if let Ok(instant) = DateTime::parse_from_rfc3339(t) {
            return Ok(FixedClock(instant.with_timezone(&Utc)));
        }
        let day = NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map_err(|_| ClockParseError(t.to_owned()))?;
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
        Ok(FixedClock(day.and_time(noon).and_utc()))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        let c = FixedClock::parse("2026-11-29").unwrap();
        assert_eq!(c.today().to_string(), "2026-11-29");
        let c = FixedClock::parse("2026-11-29T23:30:00+02:00").unwrap();
        assert_eq!(c.now().to_rfc3339(), "2026-11-29T21:30:00+00:00");
        assert!(FixedClock::parse("yesterday").is_err());
    }
}
