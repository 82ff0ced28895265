//! Subcommands of the `bankbot` binary, one file each.

pub mod messenger;
pub mod version;

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
