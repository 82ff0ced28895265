//! Who is talking, and whom they are at the bank.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The bank's opaque reference for a customer, issued by a `LinkingProvider`.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerRef(pub String);

impl CustomerRef {
    /// Wraps a reference.
    pub fn new(id: impl Into<String>) -> Self {
        CustomerRef(id.into())
    }
    /// The reference text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for CustomerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CustomerRef({})", self.0)
    }
}

impl fmt::Display for CustomerRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A channel user id (a Messenger page-scoped id, or a console user name).
/// Its `Display` prints it; log it only through a hash.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UserId(pub String);

impl UserId {
    /// Wraps an id.
    pub fn new(id: impl Into<String>) -> Self {
        UserId(id.into())
    }
    /// The id text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
