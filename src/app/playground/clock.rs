//! The bot's clock in the playground: the page may move "today" to another date; time
//! keeps running from there (sessions still expire, replies still get dated).

use std::sync::{Arc, RwLock};

use bankbot_core::{Clock, FixedClock};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// A clock running `offset` ahead of (or behind) `base`; no offset until
/// [`PlaygroundClock::set_today`] is called.
#[derive(Debug)]
pub struct PlaygroundClock {
    base: Arc<dyn Clock>,
    offset: RwLock<Option<Duration>>,
}

impl PlaygroundClock {
    /// `base` until told otherwise.
    pub fn new(base: Arc<dyn Clock>) -> Self {
        PlaygroundClock {
            base,
            offset: RwLock::new(None),
        }
    }

    /// Makes `date` today (its noon UTC is now), or goes back to `base` with `None`.
    pub fn set_today(&self, date: Option<NaiveDate>) {
        let offset = date.map(|d| {
            let noon = FixedClock::parse(&d.format("%Y-%m-%d").to_string())
                .map(|c| c.0)
                .unwrap_or_else(|_| self.base.now());
            noon - self.base.now()
        });
        if let Ok(mut slot) = self.offset.write() {
            *slot = offset;
        }
    }
}

impl Clock for PlaygroundClock {
    fn now(&self) -> DateTime<Utc> {
        let offset = self.offset.read().ok().and_then(|o| *o);
        let now = self.base.now();
        offset.map_or(now, |o| now + o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_moves_and_comes_back() {
        let base = Arc::new(FixedClock::parse("2026-11-29T08:00:00Z").unwrap());
        let clock = PlaygroundClock::new(base);
        assert_eq!(clock.today().to_string(), "2026-11-29");
        clock.set_today(NaiveDate::from_ymd_opt(2027, 2, 3));
        assert_eq!(clock.today().to_string(), "2027-02-03");
        assert_eq!(clock.now().to_rfc3339(), "2027-02-03T12:00:00+00:00");
        clock.set_today(None);
        assert_eq!(clock.today().to_string(), "2026-11-29");
    }
}
