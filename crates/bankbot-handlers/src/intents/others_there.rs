//! "any other payments there?", « y en a eu d'autres là-bas ? », "more from them?" right
//! after payments at one merchant: that merchant's payments (as « et les autres Carrefour ? »
//! gives them) — not the payments everywhere else, which "anything else?" asks
//! ([`crate::intents::anything_else`]).

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{DateRange, IntentId, Slots};

use crate::ctx::Ctx;
use crate::cues::{Ask, fold};
use crate::{DialogState, HandlerError, Listed};

/// Words asking for other or more payments (folded, apostrophes as spaces, padded).
const OTHERS: &[&str] = &[
    " other ",
    " others ",
    " more ",
    " autres ",
    " d autres ",
    " autre ",
    " encore ",
];

/// Words pointing back at the merchant just shown (folded, apostrophes as spaces, padded).
const THERE: &[&str] = &[
    " there ",
    " over there ",
    " from them ",
    " with them ",
    " at that place ",
    " same place ",
    " same shop ",
    " same store ",
    " same merchant ",
    " la bas ",
    " labas ",
    " chez eux ",
    " chez lui ",
    " chez elle ",
    " au meme endroit ",
    " meme magasin ",
    " meme endroit ",
    " la meme ",
];

/// True when `text` asks for the other payments at the merchant just shown.
pub(crate) fn asks(text: &str) -> bool {
    let f = format!(" {} ", fold(text).replace(['\'', '-'], " "));
    OTHERS.iter().any(|w| f.contains(w)) && THERE.iter().any(|w| f.contains(w))
}

/// The merchant of the last answer: the one it was narrowed to, else that of the one
/// payment it showed (the only one listed, or the one `picked` from the list).
async fn merchant_shown(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    state: &DialogState,
    listed: &[Listed],
    picked: Option<usize>,
) -> Result<Option<String>, HandlerError> {
    if let Some(merchant) = &state.last_slots.merchant {
        return Ok(Some(merchant.clone()));
    }
    let shown = match (listed, picked) {
        ([one], _) => Some(one),
        (_, Some(i)) => listed.get(i),
        _ => None,
    };
    let Some(Listed::Transaction { account, id, day }) = shown else {
        return Ok(None);
    };
    let query = TransactionQuery {
        account: Some(account.clone()),
        range: DateRange::new(*day, *day).ok(),
        limit: 100,
        ..TransactionQuery::default()
    };
    let page = ctx.services.bank.transactions(credential, &query).await?;
    Ok(page
        .transactions
        .into_iter()
        .find(|t| t.id == *id)
        .and_then(|t| t.merchant))
}

/// Lists the payments at the merchant of the last answer; false, and nothing said, when
/// that answer was about no one merchant.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    listed: &[Listed],
    picked: Option<usize>,
) -> Result<bool, HandlerError> {
    let Some(merchant) = merchant_shown(ctx, credential, state, listed, picked).await? else {
        return Ok(false);
    };
    let slots = Slots {
        merchant: Some(merchant),
        account_type: state.last_slots.account_type,
        ..Slots::default()
    };
    state.more = None;
    state.turn_intent = Some(IntentId::Transactions);
    crate::intents::transactions::handle(ctx, state, credential, &slots, Ask::Plain, false).await?;
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = slots;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_others_at_that_merchant() {
        assert!(asks("any other payments there?"));
        assert!(asks("y en a eu d'autres là-bas ?"));
        assert!(asks("d'autres chez eux ?"));
        assert!(asks("more from them?"));
        assert!(!asks("anything else?"));
        assert!(!asks("et les autres ?"));
        assert!(!asks("is there another one"));
    }
}
