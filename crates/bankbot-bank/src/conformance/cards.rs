//! Conformance of [`CardControls`].

use bankbot_core::CardId;

use super::{ConformanceFailure, ensure, fail, guarded};
use crate::{CardControls, CustomerCredential};

/// Locks and unlocks each card of the customer (twice each, to check idempotence) and
/// leaves every card as it found it; an unknown card must give an error.
pub async fn check_card_controls(
    controls: &dyn CardControls,
    credential: &CustomerCredential,
) -> Result<usize, ConformanceFailure> {
    let cards = match guarded("cards", controls.cards(credential)).await? {
        Ok(c) => c,
        Err(e) => return fail("cards", format!("listing cards failed: {e}")),
    };
    for card in &cards {
        for locked in [true, true, false, false] {
            let call = if locked {
                controls.lock_card(credential, &card.id)
            } else {
                controls.unlock_card(credential, &card.id)
            };
            let after = match guarded("cards.lock", call).await? {
                Ok(c) => c,
                Err(e) => return fail("cards.lock", format!("{}: {e}", card.id)),
            };
            ensure(after.locked == locked, "cards.lock", || {
                format!("{} locked={} after asking {locked}", card.id, after.locked)
            })?;
            let listed = match guarded("cards", controls.cards(credential)).await? {
                Ok(c) => c,
                Err(e) => return fail("cards", e.to_string()),
            };
            let now = listed.iter().find(|c| c.id == card.id).map(|c| c.locked);
            ensure(now == Some(locked), "cards.state_persists", || {
                format!("{} listed as {now:?} after asking locked={locked}", card.id)
            })?;
        }
        if card.locked {
            let _ = controls.lock_card(credential, &card.id).await;
        }
    }
    let unknown = CardId::new("conformance-no-such-card");
    let result = guarded("cards.unknown", controls.lock_card(credential, &unknown)).await?;
    ensure(result.is_err(), "cards.unknown", || {
        "locked a card that does not exist".into()
    })?;
    Ok(cards.len())
}
