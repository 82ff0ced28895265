//! Who a connector call is made for.

use std::fmt;

use bankbot_core::CustomerRef;
use serde::{Deserialize, Serialize};

/// A secret the bank issued for one customer (an access token, a refresh token …).
/// `Debug` never prints it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Credential(String);

impl Credential {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Credential(secret.into())
    }

    /// The secret, for the connector to put on the wire or a store to encrypt.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Credential(<redacted>)")
    }
}

/// The customer a call is made for and the credential that proves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerCredential {
    /// The bank's customer reference.
    pub customer: CustomerRef,
    /// The credential issued at linking.
    pub credential: Credential,
}

impl CustomerCredential {
    /// The credential of `customer`.
    pub fn new(customer: CustomerRef, credential: Credential) -> Self {
        CustomerCredential {
            customer,
            credential,
        }
    }
}

/// A one-time authorization code issued after a successful login.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AuthorizationCode(pub String);

impl fmt::Debug for AuthorizationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthorizationCode(<redacted>)")
    }
}
