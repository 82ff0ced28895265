//! When an alert may be sent: Messenger's 24-hour window, the utility template, quiet hours.

use std::str::FromStr;

use bankbot_core::AlertKind;
use chrono::{DateTime, Duration, NaiveTime, Utc};

use crate::{AlertError, Zone};

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
    pub fn release_at(&self, now: DateTime<Utc>, zone: Zone) -> Option<DateTime<Utc>> {
        if self.start == self.end {
            return None;
        }
        let local = zone.local(now);
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
            local.date().succ_opt()?
        } else {
            local.date()
        };
        zone.instant_after(day.and_time(self.end), now)
    }
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
    pub default_zone: Zone,
    /// A utility-message template approved for the Page, for out-of-window alerts: its
    /// body has one parameter, the alert's text.
    pub utility_template: Option<String>,
    /// A utility-message template for out-of-window fraud checks: the same body parameter
    /// and two POSTBACK buttons (yes, it was me / no), so the customer can answer from the
    /// notification. Without it fraud checks use `utility_template` and the question waits
    /// in the conversation.
    pub utility_fraud_template: Option<String>,
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
            default_zone: Zone::utc(),
            utility_template: None,
            utility_fraud_template: None,
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
        zone: Option<Zone>,
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
        let fraud_template = match kind {
            AlertKind::FraudSuspected => self.utility_fraud_template.as_ref(),
            _ => None,
        };
        match fraud_template.or(self.utility_template.as_ref()) {
            Some(t) => Decision::SendTemplate(t.clone()),
            None => Decision::HoldForNextMessage,
        }
    }

    /// True when `template` is the fraud template, whose POSTBACK buttons carry the answer.
    pub fn is_fraud_template(&self, template: &str) -> bool {
        self.utility_fraud_template.as_deref() == Some(template)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_zone;
    use chrono::TimeZone;

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
    fn quiet_hours_follow_daylight_saving_time() {
        let q: QuietHours = "22:00-07:00".parse().unwrap();
        let paris = parse_zone("Europe/Paris").unwrap();
        let summer = |h, m| Utc.with_ymd_and_hms(2026, 7, 1, h, m, 0).unwrap();
        // 20:30 UTC is 22:30 in Paris in July (UTC+2): quiet until 07:00 = 05:00 UTC.
        assert_eq!(
            q.release_at(summer(20, 30), paris),
            Some(Utc.with_ymd_and_hms(2026, 7, 2, 5, 0, 0).unwrap())
        );
        // In November (UTC+1) 20:30 UTC is 21:30 in Paris: not quiet yet.
        assert_eq!(q.release_at(at(20, 30), paris), None);
        assert_eq!(
            q.release_at(at(21, 30), paris),
            Some(at(6, 0) + Duration::days(1))
        );
        // New York, 2026-11-01, clocks go back at 02:00 EDT: 01:00–02:00 happens twice.
        // At 01:10 the second time (06:10 UTC) quiet hours ending 01:30 end at the second
        // 01:30 (06:30 UTC), not at the first one, which has passed.
        let ny = parse_zone("America/New_York").unwrap();
        let late: QuietHours = "22:00-01:30".parse().unwrap();
        let fall_back = Utc.with_ymd_and_hms(2026, 11, 1, 6, 10, 0).unwrap();
        assert_eq!(
            late.release_at(fall_back, ny),
            Some(Utc.with_ymd_and_hms(2026, 11, 1, 6, 30, 0).unwrap())
        );
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
        assert_eq!(
            p.decide(fraud, at(12, 0), old, None),
            Decision::SendTemplate("account_alert".into())
        );
        p.utility_fraud_template = Some("fraud_check".into());
        assert_eq!(
            p.decide(fraud, at(12, 0), old, None),
            Decision::SendTemplate("fraud_check".into())
        );
        assert_eq!(
            p.decide(low, at(12, 0), old, None),
            Decision::SendTemplate("account_alert".into())
        );
        assert!(p.is_fraud_template("fraud_check") && !p.is_fraud_template("account_alert"));
        p.quiet_hours = None;
        assert_eq!(p.decide(low, at(23, 0), recent, None), Decision::SendUpdate);
    }
}
