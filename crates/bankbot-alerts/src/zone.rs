//! Customers' time zones: IANA names with their daylight-saving rules, or fixed offsets.

use std::str::FromStr;

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Offset, TimeZone, Utc};

use crate::AlertError;

/// A customer's time zone: an IANA name (`Europe/Paris`, with its daylight-saving rules) or
/// a fixed UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// A zone of the IANA database.
    Named(chrono_tz::Tz),
    /// A fixed offset from UTC.
    Fixed(FixedOffset),
}

impl Zone {
    /// UTC.
    pub fn utc() -> Self {
        Zone::Fixed(Utc.fix())
    }

    /// The wall-clock time in this zone at `now`.
    pub fn local(&self, now: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Zone::Named(tz) => now.with_timezone(tz).naive_local(),
            Zone::Fixed(offset) => now.with_timezone(offset).naive_local(),
        }
    }

    /// The UTC offset in effect at `now`, in seconds.
    pub fn offset_seconds(&self, now: DateTime<Utc>) -> i32 {
        match self {
            Zone::Named(tz) => now.with_timezone(tz).offset().fix().local_minus_utc(),
            Zone::Fixed(offset) => offset.local_minus_utc(),
        }
    }

    /// The instant the clocks of this zone show `local`. A time that occurs twice (clocks
    /// going back) is its first occurrence; a time skipped when clocks go forward is the
    /// first instant after the gap.
    pub fn instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        self.instant_after(local, DateTime::<Utc>::MIN_UTC)
    }

    /// As [`instant`](Self::instant), but the first occurrence later than `after`: when
    /// the clocks go back, the second 01:30 if the first has passed.
    pub fn instant_after(
        &self,
        local: NaiveDateTime,
        after: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let resolve = |at: NaiveDateTime| -> Option<DateTime<Utc>> {
            let (first, second) = match self {
                Zone::Named(tz) => {
                    let r = tz.from_local_datetime(&at);
                    (
                        r.earliest().map(|t| t.to_utc()),
                        r.latest().map(|t| t.to_utc()),
                    )
                }
                Zone::Fixed(offset) => {
                    let r = offset.from_local_datetime(&at);
                    (
                        r.earliest().map(|t| t.to_utc()),
                        r.latest().map(|t| t.to_utc()),
                    )
                }
            };
            let first = first?;
            Some(match second {
                Some(s) if first <= after => s,
                _ => first,
            })
        };
        // Gaps are at most a few hours long (usually one): step through in minutes.
        (0..=4 * 60)
            .map(|m| local + Duration::minutes(m))
            .find_map(resolve)
    }
}

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Zone::Named(tz) => f.write_str(tz.name()),
            Zone::Fixed(offset) => write!(f, "{offset}"),
        }
    }
}

impl FromStr for Zone {
    type Err = AlertError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_zone(s)
    }
}

/// Parses a time zone: an IANA name (`America/New_York`, `Europe/Paris`), `UTC`, `Z` or a
/// UTC offset (`+01:00`, `-0500`, `UTC-5`).
pub fn parse_zone(text: &str) -> Result<Zone, AlertError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("utc") || t == "Z" || t.is_empty() {
        return Ok(Zone::utc());
    }
    if let Ok(tz) = t.parse::<chrono_tz::Tz>() {
        return Ok(Zone::Named(tz));
    }
    parse_offset(text).map(Zone::Fixed)
}

fn parse_offset(text: &str) -> Result<FixedOffset, AlertError> {
    let t = text.trim();
    let t = t.strip_prefix("UTC").unwrap_or(t);
    let bad = || {
        AlertError::Config(format!(
            "time zone `{text}`: expected an IANA name such as Europe/Paris, UTC or ±HH:MM"
        ))
    };
    let (sign, rest) = match t.chars().next() {
        Some('+') => (1, t.get(1..).unwrap_or_default()),
        Some('-') => (-1, t.get(1..).unwrap_or_default()),
        _ => return Err(bad()),
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().map_err(|_| bad())?, 0),
        4 => (
            digits
                .get(..2)
                .and_then(|d| d.parse::<i32>().ok())
                .ok_or_else(bad)?,
            digits
                .get(2..)
                .and_then(|d| d.parse::<i32>().ok())
                .ok_or_else(bad)?,
        ),
        _ => return Err(bad()),
    };
    if h > 14 || m > 59 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60)).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(y, mo, d)
            .unwrap()
            .and_hms_opt(h, mi, 0)
            .unwrap()
    }

    #[test]
    fn offsets_and_names_parse() {
        let now = utc(2026, 11, 28, 12, 0);
        assert_eq!(parse_zone("+01:00").unwrap().offset_seconds(now), 3600);
        assert_eq!(parse_zone("UTC-0530").unwrap().offset_seconds(now), -19800);
        assert_eq!(parse_zone("-5").unwrap().offset_seconds(now), -18000);
        assert_eq!(parse_zone("utc").unwrap(), Zone::utc());
        assert!(parse_zone("+25:00").is_err());
        assert!(parse_zone("Mars/Olympus_Mons").is_err());
        let paris = parse_zone("Europe/Paris").unwrap();
        assert_eq!(paris.to_string(), "Europe/Paris");
        // Winter and summer time.
        assert_eq!(paris.offset_seconds(now), 3600);
        assert_eq!(paris.offset_seconds(utc(2026, 7, 1, 12, 0)), 7200);
        let ny: Zone = "America/New_York".parse().unwrap();
        assert_eq!(ny.offset_seconds(now), -5 * 3600);
        assert_eq!(ny.offset_seconds(utc(2026, 7, 1, 12, 0)), -4 * 3600);
    }

    #[test]
    fn local_times_map_to_instants_across_daylight_saving_changes() {
        let ny = parse_zone("America/New_York").unwrap();
        // 2026-03-08: 02:00 → 03:00 in New York; 02:30 does not exist, the gap ends at
        // 03:00 EDT = 07:00 UTC.
        assert_eq!(
            ny.instant(local(2026, 3, 8, 2, 30)),
            Some(utc(2026, 3, 8, 7, 0))
        );
        // 2026-11-01: 01:30 happens twice; the first one is EDT (05:30 UTC).
        assert_eq!(
            ny.instant(local(2026, 11, 1, 1, 30)),
            Some(utc(2026, 11, 1, 5, 30))
        );
        assert_eq!(
            ny.instant(local(2026, 11, 28, 7, 0)),
            Some(utc(2026, 11, 28, 12, 0))
        );
        assert_eq!(
            ny.local(utc(2026, 11, 28, 12, 0)),
            local(2026, 11, 28, 7, 0)
        );
    }
}
