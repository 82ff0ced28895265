//! The core of the `webhook-load` tool: post signed text-message webhooks for many users at
//! a loopback bankbot server, watch the replies arrive at a [`crate::MockGraphApi`] and
//! report throughput and latency percentiles.
//!
//! Options beyond the basics: `--linked` links every user first through the real linking
//! flow ([`linking`]), `--mix realistic` sends the weighted mix of [`mix`], several `--url`s
//! spread events round-robin over instances, and `--rate` posts open-loop at a fixed rate
//! instead of keeping `concurrency` POSTs in flight.
//!
//! Scheduling: each user has at most one outstanding event. A user whose event was posted
//! goes back to the end of a FIFO queue of ready users once the reply (the first message
//! send to that PSID, received after the POST started) arrived, the POST failed, or
//! `reply_timeout` passed. So a reply is always attributed to the right event, and with
//! many users the next event of a user is posted long after its previous reply.

pub mod linking;
pub mod mix;
mod runner;
pub mod stats;

pub use linking::LinkingReport;
pub use mix::{Mix, RequestKind};
pub use runner::run;
pub use stats::LatencySummary;

use crate::TestkitError;
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

/// What to load and how hard.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Webhook URLs of the bot's instances (loopback only); events go round-robin.
    pub urls: Vec<String>,
    /// The bot's app secret, to sign bodies.
    pub app_secret: String,
    /// Page ID put in the bodies.
    pub page_id: String,
    /// Number of distinct users (PSIDs).
    pub users: usize,
    /// Maximum number of events to post.
    pub events: usize,
    /// Maximum number of POSTs in flight.
    pub concurrency: usize,
    /// Open loop: start this many events per second whatever the answers (`None`: closed
    /// loop, `concurrency` POSTs in flight all the time).
    pub rate: Option<f64>,
    /// Stop posting after this long.
    pub duration_limit: Duration,
    /// What the users say.
    pub mix: Mix,
    /// Link every user first ([`linking::link_all`]).
    pub linked: bool,
    /// Bank usernames to link as, user `i` as `link_as[i % len]`.
    pub link_as: Vec<String>,
    /// Their password.
    pub link_password: String,
    /// Give up waiting for one event's reply after this long.
    pub reply_timeout: Duration,
    /// After the last POST, wait at most this long for outstanding replies.
    pub drain_timeout: Duration,
}

impl LoadOptions {
    /// Defaults: 500 users, 20,000 events, concurrency 64 (closed loop), 120 s, "what's my
    /// balance" from unlinked users (linking, when asked, as the demo bank's alice and bob,
    /// password `demo`), reply timeout 10 s, drain timeout 10 s, the fixtures' Page ID.
    pub fn new(url: impl Into<String>, app_secret: impl Into<String>) -> Self {
        Self {
            urls: vec![url.into()],
            app_secret: app_secret.into(),
            page_id: crate::webhooks::DEFAULT_PAGE_ID.to_owned(),
            users: 500,
            events: 20_000,
            concurrency: 64,
            rate: None,
            duration_limit: Duration::from_secs(120),
            mix: Mix::Fixed("what's my balance".to_owned()),
            linked: false,
            link_as: vec!["alice".to_owned(), "bob".to_owned()],
            link_password: "demo".to_owned(),
            reply_timeout: Duration::from_secs(10),
            drain_timeout: Duration::from_secs(10),
        }
    }

    /// Checks the numbers and that every URL is a loopback http(s) URL.
    pub fn validate(&self) -> Result<(), TestkitError> {
        if self.urls.is_empty() {
            return Err(TestkitError::InvalidOption(
                "at least one --url is needed".to_owned(),
            ));
        }
        for url in &self.urls {
            ensure_loopback(url)?;
        }
        if self.rate.is_some_and(|r| !(r.is_finite() && r > 0.0)) {
            return Err(TestkitError::InvalidOption(
                "the rate must be a positive number of events per second".to_owned(),
            ));
        }
        if self.linked && self.link_as.iter().all(|u| u.trim().is_empty()) {
            return Err(TestkitError::InvalidOption(
                "--linked needs at least one --link-as user".to_owned(),
            ));
        }
        if self.users == 0 || self.events == 0 || self.concurrency == 0 {
            return Err(TestkitError::InvalidOption(
                "users, events and concurrency must be at least 1".to_owned(),
            ));
        }
        if self.users > 10_000_000 {
            return Err(TestkitError::InvalidOption(
                "at most 10,000,000 users".to_owned(),
            ));
        }
        Ok(())
    }
}

/// Latency of one kind of request of the mix.
#[derive(Debug, Clone, Serialize)]
pub struct KindReport {
    /// Events of this kind acknowledged.
    pub acked: usize,
    /// From the start of the POST to the first message send for that user.
    pub webhook_to_reply: LatencySummary,
}

/// True when a recorded Send API call carries an account-link (login) button: the bot
/// asking the user to link, which a linked load should never see.
pub fn asks_to_link(request: &crate::RecordedRequest) -> bool {
    request.is_message()
        && request
            .body
            .to_string()
            .contains(r#""type":"account_link""#)
}

/// The JSON report printed by `webhook-load`.
#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    /// Webhook POSTs started.
    pub events_sent: usize,
    /// POSTs answered with a 2xx status.
    pub acked: usize,
    /// Answers by HTTP status (`"200"`, `"503"`, …; `"error"` for transport failures).
    pub acks_by_status: BTreeMap<String, usize>,
    /// `acked` divided by the posting phase (first POST start to last answer).
    pub acked_events_per_s: f64,
    /// Time from starting a POST to receiving its whole answer.
    pub ack_latency: LatencySummary,
    /// Successful message sends (not sender actions) to the load's users seen by the mock.
    pub replies_received: usize,
    /// Acked events for which a reply arrived.
    pub events_with_reply: usize,
    /// Acked events with no reply within the reply or drain timeout.
    pub events_without_reply: usize,
    /// From the start of an event's POST to the first Send API call of any kind (sender
    /// actions included) for that user.
    pub webhook_to_first_send: LatencySummary,
    /// From the start of an event's POST to the first message send for that user.
    pub webhook_to_reply: LatencySummary,
    /// Mock Graph records the load could not inspect because it fell behind (should be 0).
    pub feed_lagged: u64,
    /// Length of the posting phase, seconds.
    pub posting_duration_s: f64,
    /// Whole run including the drain, seconds.
    pub duration_s: f64,
    /// `"events"` when all events were posted, `"duration_limit"` otherwise.
    pub stopped_by: String,
    /// Users and concurrency used.
    pub users: usize,
    /// POSTs in flight at most.
    pub concurrency: usize,
    /// Instances (URLs) the events were spread over.
    pub instances: usize,
    /// Open-loop target rate, events/s (`None`: closed loop).
    pub target_rate: Option<f64>,
    /// Open loop: events started more than 10 ms after their scheduled time (no free user
    /// or no free connection; the tool, not the bot, was the limit for them).
    pub late_starts: usize,
    /// The linking phase (`--linked`).
    pub linking: Option<LinkingReport>,
    /// Replies carrying an account-link button (a linked load expects 0).
    pub replies_asking_to_link: usize,
    /// Per kind of request of the mix.
    pub by_kind: BTreeMap<RequestKind, KindReport>,
}

/// Accepts only `http`/`https` URLs whose host is `localhost`, 127.0.0.0/8 or `::1`.
pub fn ensure_loopback(url: &str) -> Result<(), TestkitError> {
    let parsed = url::Url::parse(url).map_err(|e| TestkitError::InvalidUrl {
        url: url.to_owned(),
        reason: e.to_string(),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(TestkitError::InvalidUrl {
            url: url.to_owned(),
            reason: "scheme must be http or https".to_owned(),
        });
    }
    let loopback = match parsed.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    if loopback {
        Ok(())
    } else {
        Err(TestkitError::NotLoopback(url.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_targets_are_accepted() {
        for ok in [
            "http://127.0.0.1:8080/webhook",
            "http://127.1.2.3/webhook",
            "http://localhost:8080/webhook",
            "https://LOCALHOST/webhook",
            "http://[::1]:8080/webhook",
        ] {
            assert!(ensure_loopback(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.1/webhook",
            "http://example.com/webhook",
            "http://localhost.example.com/webhook",
            "http://0.0.0.0:8080/webhook",
            "http://[::ffff:10.0.0.1]/webhook",
        ] {
            assert!(
                matches!(ensure_loopback(bad), Err(TestkitError::NotLoopback(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            ensure_loopback("ftp://127.0.0.1/"),
            Err(TestkitError::InvalidUrl { .. })
        ));
        assert!(matches!(
            ensure_loopback("not a url"),
            Err(TestkitError::InvalidUrl { .. })
        ));
    }

    #[test]
    fn options_are_validated() {
        let mut o = LoadOptions::new("http://127.0.0.1:1/webhook", "s");
        assert!(o.validate().is_ok());
        o.concurrency = 0;
        assert!(matches!(o.validate(), Err(TestkitError::InvalidOption(_))));
    }
}
