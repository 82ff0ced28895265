//! The one error type of the store.

use std::path::PathBuf;

/// Result of every store operation.
pub type StoreResult<T> = Result<T, StoreError>;

/// What went wrong in the store, phrased as what the caller can do about it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The URL names no backend this crate knows (`sqlite:` and `postgres:` are supported).
    #[error("unsupported store URL scheme: {0}")]
    UnsupportedUrl(String),
    /// The database cannot be reached right now (pool timeout, I/O, busy); retry later.
    #[error("store unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    /// The database refused an operation for another reason.
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    /// Applying the embedded migrations failed.
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// The encryption key text is not 64 hexadecimal characters.
    #[error("invalid encryption key: {0}")]
    InvalidKey(&'static str),
    /// The key file could not be read or written.
    #[error("key file {path}: {source}")]
    KeyFile {
        /// The key file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A stored credential does not decrypt with this key (wrong key, or a tampered row).
    #[error("credential cannot be decrypted: wrong key or tampered data")]
    Decryption,
    /// The caller passed a value the store refuses (e.g. digits in an audit string).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// The inbox event or outbox message is not claimed (never claimed, already finished,
    /// or recovered after a crash): the caller's work on it is stale.
    #[error("the row is not claimed (not processing or sending)")]
    NotClaimed,
    /// The row the operation targets does not exist.
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// A stored row cannot be read back (bad timestamp, unknown state, bad JSON).
    #[error("corrupt row: {0}")]
    Corrupt(String),
}

impl StoreError {
    /// True for errors worth retrying with the same call later.
    pub fn is_retryable(&self) -> bool {
        matches!(self, StoreError::Unavailable(_))
    }

    /// A short, stable, data-free label for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::UnsupportedUrl(_) => "unsupported_url",
            StoreError::Unavailable(_) => "unavailable",
            StoreError::Database(_) => "database",
            StoreError::Migration(_) => "migration",
            StoreError::InvalidKey(_) => "invalid_key",
            StoreError::KeyFile { .. } => "key_file",
            StoreError::Decryption => "decryption",
            StoreError::InvalidInput(_) => "invalid_input",
            StoreError::NotClaimed => "not_claimed",
            StoreError::NotFound(_) => "not_found",
            StoreError::Corrupt(_) => "corrupt",
        }
    }
}

/// PostgreSQL codes that pass once the server is back or less busy: serialization failure,
/// deadlock, too many clients, admin/crash shutdown and "starting up" (57P01–57P03), and
/// the connection exceptions (class 08).
fn postgres_transient(code: &str) -> bool {
    matches!(
        code,
        "40001" | "40P01" | "53300" | "57P01" | "57P02" | "57P03"
    ) || code.starts_with("08")
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        let transient = match &error {
            // Connection refused or reset (the server is down or restarting) is `Io`.
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::WorkerCrashed => true,
            sqlx::Error::Database(db) => {
                // SQLite: 5 = SQLITE_BUSY, 6 = SQLITE_LOCKED (extended codes keep the low byte).
                let code = db.code().map(|c| c.into_owned()).unwrap_or_default();
                let sqlite_busy = code
                    .parse::<u32>()
                    .map(|c| matches!(c & 0xff, 5 | 6))
                    .unwrap_or(false);
                sqlite_busy || postgres_transient(&code)
            }
            _ => false,
        };
        if transient {
            StoreError::Unavailable(error)
        } else {
            StoreError::Database(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::postgres_transient;

    #[test]
    fn server_restarts_are_transient() {
        for code in [
            "57P01", "57P02", "57P03", "08006", "08001", "40001", "53300",
        ] {
            assert!(postgres_transient(code), "{code}");
        }
        for code in ["23505", "42P01", "22001", ""] {
            assert!(!postgres_transient(code), "{code}");
        }
    }
}
