//! Instants are stored as microseconds since the Unix epoch (UTC) in both backends, so
//! rows map the same way everywhere and compare as plain integers.

use chrono::{DateTime, Utc};

use crate::StoreError;

/// An instant as stored.
pub(crate) fn to_db(at: DateTime<Utc>) -> i64 {
    at.timestamp_micros()
}

/// A stored instant read back.
pub(crate) fn from_db(micros: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_micros(micros)
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp out of range: {micros}")))
}
