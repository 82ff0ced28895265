//! The runtime's errors.

/// What went wrong outside a handler (handler errors become replies in [`crate::Bot`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RuntimeError {
    /// The store failed; the event stays in the inbox and is retried.
    #[error("store: {0}")]
    Store(#[from] bankbot_store::StoreError),
    /// An inbox payload could not be decoded; it will never succeed.
    #[error("undecodable inbox event: {0}")]
    Decode(String),
    /// Handing the thread to a person failed.
    #[error("handover failed: {0}")]
    Handover(String),
    /// Erasing a user's data outside the store failed (see
    /// [`UserDataHolder`](crate::UserDataHolder)); the turn is retried.
    #[error("erasing user data failed: {0}")]
    Erasure(String),
}

impl RuntimeError {
    /// A short, stable, data-free label (at most 32 characters), stored as the reason of a
    /// failed event: the message itself may be long and carry details.
    pub fn kind(&self) -> &'static str {
        match self {
            RuntimeError::Store(err) if err.is_retryable() => "store_unavailable",
            RuntimeError::Store(_) => "store_error",
            RuntimeError::Decode(_) => "undecodable_event",
            RuntimeError::Handover(_) => "handover_failed",
            RuntimeError::Erasure(_) => "erasure_failed",
        }
    }

    /// True when trying the same event again may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            RuntimeError::Store(_) | RuntimeError::Handover(_) | RuntimeError::Erasure(_)
        )
    }
}
