//! "my visa was stolen" … "has anything been spent on it since yesterday": the card (or
//! account) in context filters a question about money on "it" — the card a lock waits
//! on, else the one last spoken of — so the answer is not about every account.

use bankbot_bank::CustomerCredential;
use bankbot_core::AccountKind;

use crate::ctx::Ctx;
use crate::cues::fold;
use crate::{DialogState, HandlerError, Pending};

/// Words pointing money at "it", padded and folded.
const ON_IT: &[&str] = &[
    " on it ",
    " with it ",
    " on that card ",
    " on the card ",
    " on this card ",
    " dessus ",
    " avec elle ",
    " sur elle ",
    " avec cette carte ",
    " sur cette carte ",
    " avec la carte ",
    " sur la carte ",
];

/// True when `text` asks about money spent on, or gone through, "it".
pub(crate) fn spent_on_it(text: &str) -> bool {
    let f = fold(text);
    ON_IT.iter().any(|w| f.contains(w))
}

/// The account of the card in context: the card a lock waits a yes for, else the
/// account the last answer was about.
pub(crate) async fn account(
    ctx: &Ctx<'_>,
    state: &DialogState,
    credential: &CustomerCredential,
) -> Result<Option<AccountKind>, HandlerError> {
    if let Some(Pending::CardLockConfirm { card }) = &state.pending {
        let cards = ctx.services.cards.cards(credential).await?;
        if let Some(found) = cards.iter().find(|c| &c.id == card) {
            return Ok(Some(crate::intents::cards::account_of(found)));
        }
    }
    Ok(state.last_slots.account_type)
}
