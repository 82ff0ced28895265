//! The crate's error type.

use std::net::SocketAddr;

/// Everything that can go wrong in the test kit.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TestkitError {
    /// The mock Graph API could not listen on the requested address.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address that was requested.
        addr: SocketAddr,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A URL could not be parsed.
    #[error("invalid URL {url:?}: {reason}")]
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The load tool only targets loopback addresses; this one is not.
    #[error("refusing non-loopback target {0:?} (only 127.0.0.0/8, ::1 and localhost are allowed)")]
    NotLoopback(String),
    /// An option had a value the tool cannot use.
    #[error("invalid option: {0}")]
    InvalidOption(String),
    /// `--linked`: some load users could not be linked (check `--link-as` /
    /// `--link-password` against the bank's users and that the bot serves `/link`).
    #[error("only {linked} of {users} load users could be linked: {reason}")]
    Linking {
        /// Users whose link was confirmed.
        linked: usize,
        /// Users that were to be linked.
        users: usize,
        /// The first failure seen.
        reason: String,
    },
    /// The HTTP client could not be built or a request failed at the transport level
    /// (without the request URL).
    #[error("HTTP error: {0}")]
    Http(reqwest::Error),
    /// The server under test still had work queued when the harness stopped waiting (or
    /// its queues could not be read): what was left.
    #[error("the server did not settle: {0}")]
    NotSettled(String),
    /// The server answered a webhook with another status than 200 OK.
    #[error("the webhook was answered {0}, not 200 OK")]
    Refused(u16),
}

impl From<reqwest::Error> for TestkitError {
    fn from(err: reqwest::Error) -> Self {
        TestkitError::Http(err.without_url())
    }
}
