//! The playground's stand-in for Messenger's `account_linking_token`s: one random token per
//! tap of an account-link button, bound to the playground user who tapped it, used once,
//! valid for as long as Messenger's (a few minutes).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use bankbot_core::UserId;

/// How long a token stays usable.
const TOKEN_LIFETIME: Duration = Duration::from_secs(10 * 60);
/// At most this many tokens are kept (older ones go first).
const MAX_TOKENS: usize = 1024;

/// Tokens handed out and not yet used.
#[derive(Debug, Default)]
pub struct LinkTokens {
    issued: Mutex<HashMap<String, (UserId, Instant)>>,
}

impl LinkTokens {
    /// A fresh token for `user`.
    pub fn issue(&self, user: &UserId, now: Instant) -> String {
        let bytes: [u8; 24] = rand::random();
        let token = format!("pgt_{}", hex::encode(bytes));
        if let Ok(mut issued) = self.issued.lock() {
            issued.retain(|_, (_, at)| now.duration_since(*at) < TOKEN_LIFETIME);
            if issued.len() >= MAX_TOKENS
                && let Some(oldest) = issued
                    .iter()
                    .min_by_key(|(_, (_, at))| *at)
                    .map(|(t, _)| t.clone())
            {
                issued.remove(&oldest);
            }
            issued.insert(token.clone(), (user.clone(), now));
        }
        token
    }

    /// The user `token` was issued to, once; `None` when unknown, used or expired.
    pub fn redeem(&self, token: &str, now: Instant) -> Option<UserId> {
        let (user, at) = self.issued.lock().ok()?.remove(token)?;
        (now.duration_since(at) < TOKEN_LIFETIME).then_some(user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_names_its_user_once_and_expires() {
        let tokens = LinkTokens::default();
        let now = Instant::now();
        let alice = UserId::new("pg-a");
        let t1 = tokens.issue(&alice, now);
        let t2 = tokens.issue(&alice, now);
        assert_ne!(t1, t2);
        assert_eq!(tokens.redeem(&t1, now), Some(alice.clone()));
        assert_eq!(tokens.redeem(&t1, now), None, "used twice");
        assert_eq!(tokens.redeem("pgt_forged", now), None);
        assert_eq!(tokens.redeem(&t2, now + TOKEN_LIFETIME), None, "expired");
    }
}
