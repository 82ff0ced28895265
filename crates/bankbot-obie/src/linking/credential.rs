//! What a link keeps for an Open Banking customer (sealed by the store): the token set and
//! the consent it was granted for.

use std::fmt;

use bankbot_bank::Credential;
use bankbot_oauth::TokenSet;
use serde::{Deserialize, Serialize};

/// The stored credential of an Open Banking link. `Debug` shows no token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentTokens {
    /// The account-access-consent the tokens were granted for.
    pub consent_id: String,
    /// Access and refresh tokens.
    #[serde(flatten)]
    pub tokens: TokenSet,
}

impl fmt::Debug for ConsentTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConsentTokens")
            .field("consent_id", &self.consent_id)
            .field("tokens", &self.tokens)
            .finish()
    }
}

impl ConsentTokens {
    /// The consent tokens a stored credential holds; `None` for anything else.
    pub fn from_credential(credential: &Credential) -> Option<ConsentTokens> {
        serde_json::from_str(credential.expose()).ok()
    }

    /// The credential to store.
    pub fn to_credential(&self) -> Credential {
        Credential::new(serde_json::to_string(self).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_hides_tokens() {
        let kept = ConsentTokens {
            consent_id: "aac-1".into(),
            tokens: TokenSet {
                access_token: "at-secret".into(),
                refresh_token: Some("rt-secret".into()),
                expires_at: Some(5),
            },
        };
        assert_eq!(
            ConsentTokens::from_credential(&kept.to_credential()),
            Some(kept.clone())
        );
        assert!(!format!("{kept:?}").contains("secret"));
        assert_eq!(
            ConsentTokens::from_credential(&Credential::new("plain")),
            None
        );
    }
}
