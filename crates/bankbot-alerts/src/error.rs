//! What can go wrong with an alert.

/// Why an alert was refused or could not be handled.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AlertError {
    /// The signature header is missing or wrong (answer 403).
    #[error("bad or missing alert signature")]
    BadSignature,
    /// The timestamp header is missing or not Unix seconds (answer 403).
    #[error("missing or malformed alert timestamp")]
    BadTimestamp,
    /// The signature is good but the timestamp is more than five minutes from the bot's
    /// clock: a replay, or a clock out of sync (answer 403).
    #[error("alert timestamp too far from the bot's clock")]
    StaleTimestamp,
    /// The body is not a valid alert (answer 400).
    #[error("invalid alert: {0}")]
    Invalid(String),
    /// A configuration value is unusable (time zone, quiet hours).
    #[error("alerts configuration: {0}")]
    Config(String),
    /// The store failed (answer 503; the bank retries).
    #[error("store: {0}")]
    Store(#[from] bankbot_store::StoreError),
}
