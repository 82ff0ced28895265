//! Who an `account_linking_token` belongs to: `GET /me?fields=recipient&account_linking_token=…`
//! answers the PSID of the user whose account-link button opened the login page (platform
//! doc §4.1 step 6). The bot asks before minting a login code, so only that user can redeem it.

use serde_json::Value;

use crate::send::{SendClient, SendError};

impl SendClient {
    /// The PSID the token was issued to. A token Meta does not recognise (expired, forged)
    /// comes back as the Graph error Meta sent, usually [`SendError::Permanent`]; an answer
    /// without a recipient is [`SendError::Permanent`] too.
    pub async fn account_linking_recipient(&self, token: &str) -> Result<String, SendError> {
        let answer = self
            .get(
                "me",
                &[("fields", "recipient"), ("account_linking_token", token)],
            )
            .await?;
        answer
            .get("recipient")
            .and_then(|r| match r {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .filter(|psid| !psid.is_empty())
            .ok_or(SendError::Permanent {
                status: 200,
                graph: None,
            })
    }
}
