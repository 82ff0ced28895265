//! Login codes waiting to be redeemed by Messenger's `account_linking` webhook.
//!
//! The `/link` page mints a fresh random code for one `account_linking_token` after the bank
//! accepted the login; the bank's own one-time code travels with it, sealed at rest. Codes
//! are found by the SHA-256 of their text, so the table never holds a redeemable code.

use std::fmt;

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::SecretString;

/// A minted login code, as stored until it is redeemed or expires.
#[derive(Clone, PartialEq, Eq)]
pub struct PendingLinkCode {
    /// [`digest`] of the code handed to Messenger.
    pub code_hash: String,
    /// [`digest`] of the `account_linking_token` the code was minted for.
    pub token_hash: String,
    /// The Messenger user the token belongs to, when Messenger was asked (a page access
    /// token is configured); only that user may redeem the code.
    pub owner: Option<UserId>,
    /// The bank's one-time authorization code (encrypted at rest).
    pub provider_code: SecretString,
    /// When it was minted.
    pub created_at: DateTime<Utc>,
    /// After this instant the code is worthless.
    pub expires_at: DateTime<Utc>,
}

impl fmt::Debug for PendingLinkCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingLinkCode")
            // Whether an owner is known; who it is stays out of logs.
            .field("owner_known", &self.owner.is_some())
            .field("created_at", &self.created_at)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Lowercase hex SHA-256 of a code or token: how they are looked up and compared.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}
