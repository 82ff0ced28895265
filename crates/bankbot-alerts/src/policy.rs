//! When an alert may be sent: Messenger's 24-hour window, the utility template, quiet hours.

use std::str::FromStr;

use bankbot_core::AlertKind;
use chrono::{DateTime, Duration, FixedOffset, NaiveTime, Offset, TimeZone, Utc};

use crate::AlertError;

/// A daily quiet period in local time, e.g. `22:00-07:00` (may cross midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    /// Start (inclusive).
    pub start: NaiveTime,
    /// End (exclusive).
    pub end: NaiveTime,
}

impl FromStr for QuietHours {
    type Err = AlertError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || AlertError::Config(format!("quiet hours `{s}`: expected HH:MM-HH:MM"));
        let (a, b) = s.trim().split_once('-').ok_or_else(bad)?;
        let parse = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").map_err(|_| bad());
        Ok(QuietHours {
            start: parse(a)?,
            end: parse(b)?,
        })
    }
}

impl QuietHours {
    /// When the quiet period containing `now` ends, or `None` outside quiet hours.
    pub fn release_at(&self, now: DateTime<Utc>, zone: FixedOffset) -> Option<DateTime<Utc>> {
        if self.start == self.end {
            return None;
        }
        let local = now.with_timezone(&zone);
        let t = local.time();
        let (quiet, next_day) = if self.start < self.end {
            (t >= self.start && t < self.end, false)
        } else {
            (t >= self.start || t < self.end, t >= self.start)
        };
        if !quiet {
            return None;
        }
        let day = if next_day {
            local.date_naive().succ_opt()?
        } else {
            local.date_naive()
        };
        let end = zone.from_local_datetime(&day.and_time(self.end)).single()?;
        Some(end.with_timezone(&Utc))
    }
}

/// Parses a time zone given as `UTC`, `Z` or a UTC offset (`+01:00`, `-0500`).
pub fn parse_zone(text: &str) -> Result<FixedOffset, AlertError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("utc") || t == "Z" || t.is_empty() {
        return Ok(Utc.fix());
    }
    let t = t.strip_prefix("UTC").unwrap_or(t);
    let bad = || AlertError::Config(format!("time zone `{text}`: expected UTC or ±HH:MM"));
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

/// What to do with an alert now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Inside the 24-hour window: send with messaging type `UPDATE`.
    SendUpdate,
    /// Outside the window: send as a Messenger utility message with this template.
    SendTemplate(String),
    /// Quiet hours: hold until then.
    HoldUntil(DateTime<Utc>),
    /// Outside the window and no template: hold and announce at the next message.
    HoldForNextMessage,
}

/// The bank's delivery rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryPolicy {
    /// Quiet hours (`None`: never quiet).
    pub quiet_hours: Option<QuietHours>,
    /// The time zone for customers whose alerts carry none.
    pub default_zone: FixedOffset,
    /// A utility-message template approved for the Page, for out-of-window alerts.
    pub utility_template: Option<String>,
    /// Messenger's standard messaging window.
    pub window: Duration,
    /// A fraud question unanswered this long is repeated once.
    pub reminder_after: Duration,
}

impl Default for DeliveryPolicy {
    fn default() -> Self {
        DeliveryPolicy {
            quiet_hours: Some(QuietHours {
                start: NaiveTime::from_hms_opt(22, 0, 0).unwrap_or_default(),
                end: NaiveTime::from_hms_opt(7, 0, 0).unwrap_or_default(),
            }),
            default_zone: Utc.fix(),
            utility_template: None,
            window: Duration::hours(24),
            reminder_after: Duration::minutes(30),
        }
    }
}

impl DeliveryPolicy {
    /// True when a customer who last wrote at `last_inbound` can get a free-form message.
    pub fn window_open(&self, now: DateTime<Utc>, last_inbound: Option<DateTime<Utc>>) -> bool {
        last_inbound.is_some_and(|t| now - t < self.window)
    }

    /// Decides for an alert of `kind` at `now`; `zone` is the customer's, if known.
    pub fn decide(
        &self,
        kind: AlertKind,
        now: DateTime<Utc>,
        last_inbound: Option<DateTime<Utc>>,
        zone: Option<FixedOffset>,
    ) -> Decision {
        if kind != AlertKind::FraudSuspected
            && let Some(q) = &self.quiet_hours
            && let Some(until) = q.release_at(now, zone.unwrap_or(self.default_zone))
        {
            return Decision::HoldUntil(until);
        }
        if self.window_open(now, last_inbound) {
            return Decision::SendUpdate;
        }
        match &self.utility_template {
            Some(t) => Decision::SendTemplate(t.clone()),
            None => Decision::HoldForNextMessage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 28, h, m, 0).unwrap()
    }

    #[test]
    fn quiet_hours_cross_midnight() {
        let q: QuietHours = "22:00-07:00".parse().unwrap();
        let utc = parse_zone("UTC").unwrap();
        assert_eq!(q.release_at(at(12, 0), utc), None);
        assert_eq!(q.release_at(at(21, 59), utc), None);
        assert_eq!(
            q.release_at(at(22, 0), utc),
            Some(at(7, 0) + Duration::days(1))
        );
        assert_eq!(q.release_at(at(3, 0), utc), Some(at(7, 0)));
        assert_eq!(q.release_at(at(7, 0), utc), None);
        // 23:30 UTC is 18:30 in New York (UTC-5): not quiet there.
        let ny = parse_zone("-05:00").unwrap();
        assert_eq!(q.release_at(at(23, 30), ny), None);
        // 04:00 UTC is 23:00 in New York: quiet until 07:00 New York = 12:00 UTC.
        assert_eq!(q.release_at(at(4, 0), ny), Some(at(12, 0)));
        let day: QuietHours = "01:00-05:00".parse().unwrap();
        assert_eq!(day.release_at(at(2, 0), utc), Some(at(5, 0)));
        assert!("22-7".parse::<QuietHours>().is_err());
    }

    #[test]
    fn zones_parse() {
        assert_eq!(parse_zone("+01:00").unwrap().local_minus_utc(), 3600);
        assert_eq!(parse_zone("UTC-0530").unwrap().local_minus_utc(), -19800);
        assert_eq!(parse_zone("-5").unwrap().local_minus_utc(), -18000);
        assert!(parse_zone("Europe/Paris").is_err());
        assert!(parse_zone("+25:00").is_err());
    }

    #[test]
    fn window_template_and_quiet_rules() {
        let mut p = DeliveryPolicy::default();
        let low = AlertKind::BalanceLow;
        let fraud = AlertKind::FraudSuspected;
        let recent = Some(at(12, 0) - Duration::hours(3));
        let old = Some(at(12, 0) - Duration::hours(25));
        assert_eq!(p.decide(low, at(12, 0), recent, None), Decision::SendUpdate);
        assert_eq!(
            p.decide(low, at(12, 0), old, None),
            Decision::HoldForNextMessage
        );
        assert_eq!(
            p.decide(low, at(12, 0), None, None),
            Decision::HoldForNextMessage
        );
        assert_eq!(
            p.decide(low, at(23, 0), recent, None),
            Decision::HoldUntil(at(7, 0) + Duration::days(1))
        );
        // Fraud is exempt from quiet hours.
        assert_eq!(
            p.decide(fraud, at(23, 0), recent, None),
            Decision::SendUpdate
        );
        p.utility_template = Some("account_alert".into());
        assert_eq!(
            p.decide(low, at(12, 0), old, None),
            Decision::SendTemplate("account_alert".into())
        );
        p.quiet_hours = None;
        assert_eq!(p.decide(low, at(23, 0), recent, None), Decision::SendUpdate);
    }
}
