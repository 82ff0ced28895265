//! "ouais bloque-la", "bloquez-la direct", "yes lock it": a lock ordered outright in answer
//! to the offer made after a fraud report. The order is the confirmation, so the only card
//! (or the only one of the kind named) is locked at once; with several, the usual choice.

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, CardKind};

use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::cards;
use crate::{DialogState, HandlerError};

/// Lock verbs in the imperative, each padded ("bloque-la" folds to " bloque la ").
const LOCK_VERBS: &[&str] = &[
    " bloque ",
    " bloquez ",
    " bloques ",
    " bloquer ",
    " verrouille ",
    " verrouillez ",
    " gele ",
    " gelez ",
    " lock ",
    " freeze ",
    " block ",
];

/// Words that turn the order around ("ne la bloque pas", "débloque", "don't lock").
const AGAINST: &[&str] = &[
    " pas ",
    " non ",
    " nan ",
    " no ",
    " not ",
    " dont ",
    " don't ",
    " debloque ",
    " debloquez ",
    " unlock ",
    " unfreeze ",
    " unblock ",
];

/// True when `text` orders the card locked, without a negation or a question. The
/// negation counts in the order's own clause: "non c'est pas moi, bloque-la" orders the lock
/// (the "pas" is about the payment), "non, ne la bloque pas" does not.
pub(crate) fn orders(text: &str) -> bool {
    if text.contains('?') {
        return false;
    }
    let against = |f: &str| AGAINST.iter().any(|w| f.contains(w));
    let clauses: Vec<String> = text.split([',', ';', '.', '!']).map(fold).collect();
    // The last order, and nothing against it after ("lock it, no wait" is no order).
    clauses
        .iter()
        .rposition(|f| LOCK_VERBS.iter().any(|w| f.contains(w)))
        .is_some_and(|at| !clauses[at..].iter().any(|f| against(f)))
}

/// Locks the one card meant at once; with none or several, the usual lock flow asks.
pub(crate) async fn lock_now(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
) -> Result<(), HandlerError> {
    state.pending = None;
    if !ctx.auth_fresh {
        return cards::handle(ctx, state, credential, kind).await;
    }
    let all = ctx.services.cards.cards(credential).await?;
    let wanted = match kind {
        Some(AccountKind::CreditCard) => Some(CardKind::Credit),
        Some(AccountKind::Checking) => Some(CardKind::Debit),
        _ => None,
    };
    let unlocked: Vec<_> = all
        .iter()
        .filter(|c| !c.locked && wanted.is_none_or(|k| c.kind == k))
        .collect();
    match unlocked.as_slice() {
        [card] => cards::answer(ctx, credential, &card.id, true)
            .await
            .map(|_| ()),
        _ => cards::handle(ctx, state, credential, kind).await,
    }
}

#[cfg(test)]
mod tests {
    use super::orders;

    #[test]
    fn lock_orders_are_orders() {
        for t in [
            "ouais bloque la",
            "bloque-la direct",
            "oui bloquez-la",
            "vas y bloque",
            "yes lock it",
            "freeze it now",
            "non c'est pas moi, bloque la",
        ] {
            assert!(orders(t), "{t}");
        }
    }

    #[test]
    fn refusals_and_questions_are_not() {
        for t in [
            "non ne la bloque pas",
            "nan bloque pas",
            "débloque la",
            "tu peux la bloquer ?",
            "don't lock it",
            "merci",
            "oui",
            "non, ne la bloque pas",
            "lock it, no wait",
        ] {
            assert!(!orders(t), "{t}");
        }
    }
}
