//! "whats up with my acct ending 4321", "the 4321 one", "show me 8765", "anything on my
//! 1111": an account named only by its last digits, in a message the engine placed
//! elsewhere (a greeting, thanks, the data kept about the customer) or nowhere. When the
//! digits are those of one of the customer's accounts, the message asks about that
//! account: its activity when it says so, else its balance.

use bankbot_bank::CustomerCredential;
use bankbot_core::has_padded_phrase;
use bankbot_core::{AccountKind, IntentId};

use crate::HandlerError;
use crate::ctx::Ctx;
use crate::cues;

/// Intents a message naming an account's digits is not really about.
pub(crate) fn misplaced(intent: IntentId) -> bool {
    matches!(
        intent,
        IntentId::OutOfScope
            | IntentId::Greeting
            | IntentId::Thanks
            | IntentId::Goodbye
            | IntentId::Help
            | IntentId::DataAccess
            | IntentId::PrivacyInfo
            | IntentId::ReportFraud
    )
}

/// The kind of the customer's account whose last digits `text` names, if any.
pub(crate) async fn kind(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    text: &str,
) -> Result<Option<AccountKind>, HandlerError> {
    let digits = cues::last_digits(text);
    if digits.is_empty() {
        return Ok(None);
    }
    let accounts = ctx.services.bank.accounts(credential).await?;
    Ok(accounts
        .iter()
        .find(|a| {
            a.masked_number
                .as_ref()
                .is_some_and(|n| digits.iter().any(|d| d == n.digits()))
        })
        .map(|a| a.kind))
}

/// "anything on my 1111", "what's going on with 4321", "activity on 8765": the account's
/// recent transactions rather than its balance.
pub(crate) fn asks_activity(text: &str) -> bool {
    const ACTIVITY: &[&str] = &[
        "anything on",
        "going on",
        "activity",
        "transactions",
        "txns",
        "txn",
        "history",
        "charges",
        "payments",
        "purchases",
        "movements",
        "statement",
    ];
    let f = cues::fold(text);
    ACTIVITY.iter().any(|p| has_padded_phrase(&f, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_is_told_from_balance() {
        assert!(asks_activity("anything on my 1111"));
        assert!(asks_activity("whats going on with acct 4321"));
        assert!(!asks_activity("whats up with my acct ending 4321"));
        assert!(!asks_activity("the 4321 one"));
    }
}
