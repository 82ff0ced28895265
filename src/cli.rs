//! Subcommands of the `bankbot` binary, one file each.

pub mod alerts;
pub mod atm;
pub mod chat;
pub mod messenger;
pub mod nlu;
pub mod playground;
pub mod serve;
pub mod test;
pub mod version;

use bankbot_core::{Clock, FixedClock, SystemClock};

/// What a subcommand returns: a message for the user on failure.
pub type CliResult = Result<(), CliError>;

/// A subcommand's failure, printed as `bankbot: <message>` with exit code 1.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CliError(pub String);

impl CliError {
    /// A failure with a message.
    pub fn new(msg: impl Into<String>) -> Self {
        CliError(msg.into())
    }
}

/// The clock: fixed by `BANKBOT_NOW` (RFC 3339 or `YYYY-MM-DD`), else the system clock.
pub fn clock_from_env() -> Result<Box<dyn Clock>, CliError> {
    match std::env::var("BANKBOT_NOW") {
        Ok(text) if !text.trim().is_empty() => FixedClock::parse(&text)
            .map(|c| Box::new(c) as Box<dyn Clock>)
            .map_err(|e| CliError::new(format!("BANKBOT_NOW: {e}"))),
        _ => Ok(Box::new(SystemClock)),
    }
}
