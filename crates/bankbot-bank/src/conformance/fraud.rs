//! Conformance of a [`FraudReporting`] implementation.

use super::{ConformanceFailure, ensure, fail, guarded};
use crate::{BankError, Credential, CustomerCredential, FraudReporting};

/// Answers a fraud check about `reference` (a transaction of the customer's) the ways a
/// customer does: "it was me", then "it was not me" (the later answer stands), then the
/// same answer again (Messenger redelivers a tapped button); each must be accepted. A
/// forged credential must be refused with `ReauthenticationRequired`, and an empty or
/// hostile reference must give an answer, never a panic.
pub async fn check_fraud_reporting(
    fraud: &dyn FraudReporting,
    credential: &CustomerCredential,
    reference: &str,
) -> Result<(), ConformanceFailure> {
    for (check, genuine) in [
        ("fraud.genuine", true),
        ("fraud.not_genuine", false),
        ("fraud.repeated", false),
    ] {
        match guarded(
            check,
            fraud.confirm_transaction(credential, reference, genuine),
        )
        .await?
        {
            Ok(()) => {}
            Err(e) => return fail(check, format!("answer genuine={genuine} refused: {e}")),
        }
    }

    let forged = CustomerCredential::new(
        credential.customer.clone(),
        Credential::new("conformance-forged"),
    );
    let result = guarded(
        "fraud.bad_credential",
        fraud.confirm_transaction(&forged, reference, true),
    )
    .await?;
    ensure(
        matches!(result, Err(BankError::ReauthenticationRequired)),
        "fraud.bad_credential",
        || format!("a forged credential gave {result:?}"),
    )?;

    for hostile in ["", "../../admin", "tx?id=1&genuine=true", "é\u{0}"] {
        // Accepted or refused, but answered.
        guarded(
            "fraud.hostile_reference",
            fraud.confirm_transaction(credential, hostile, true),
        )
        .await?
        .ok();
    }
    Ok(())
}
