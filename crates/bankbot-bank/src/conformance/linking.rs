//! Conformance of a [`LinkingProvider`].

use super::{ConformanceFailure, ensure, fail, guarded};
use crate::{AuthorizationCode, BankError, LinkingProvider};

/// With a valid login: a wrong password is refused with `InvalidCredentials`; a code is
/// issued, exchanges once and only once; a forged code is refused; revoking works.
pub async fn check_linking_provider(
    provider: &dyn LinkingProvider,
    username: &str,
    password: &str,
) -> Result<(), ConformanceFailure> {
    let wrong = format!("{password}-wrong");
    let result = guarded(
        "linking.wrong_password",
        provider.authorize(username, &wrong),
    )
    .await?;
    ensure(
        matches!(result, Err(BankError::InvalidCredentials)),
        "linking.wrong_password",
        || "a wrong password was not refused with InvalidCredentials".into(),
    )?;
    let code = match guarded("linking.authorize", provider.authorize(username, password)).await? {
        Ok(c) => c,
        Err(e) => return fail("linking.authorize", e.to_string()),
    };
    let credential = match guarded("linking.exchange", provider.exchange(&code)).await? {
        Ok(s) => s,
        Err(e) => return fail("linking.exchange", e.to_string()),
    };
    let again = guarded("linking.code_once", provider.exchange(&code)).await?;
    ensure(again.is_err(), "linking.code_once", || {
        "a code exchanged twice".into()
    })?;
    let forged = AuthorizationCode("conformance-forged-code".into());
    let result = guarded("linking.forged_code", provider.exchange(&forged)).await?;
    ensure(result.is_err(), "linking.forged_code", || {
        "a forged code was accepted".into()
    })?;
    match guarded("linking.revoke", provider.revoke(&credential)).await? {
        Ok(()) => Ok(()),
        Err(e) => fail("linking.revoke", e.to_string()),
    }
}
