//! "And the one before?", "the previous one", "celle d'avant ?" after a listing: the next
//! older item of the same search — the second one after "when did I last go to
//! Starbucks", the fourth after "my last 3 at Starbucks", one further at each ask.

use bankbot_bank::CustomerCredential;
use bankbot_core::Slots;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::transactions::{MAX_COUNT, build_query, collect, send_list};
use crate::{DialogState, HandlerError};

const ASKS: &[&str] = &[
    " the one before ",
    " one before that ",
    " the one before that ",
    " before that one ",
    " the previous one ",
    " previous one ",
    " the one prior ",
    " the time before ",
    " the last one before ",
    " the one before it ",
    " celle d'avant ",
    " celui d'avant ",
    " la precedente ",
    " le precedent ",
    " l'avant derniere ",
    " l'avant dernier ",
    " la fois d'avant ",
];

/// True when `text` asks for the item before the one just shown.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    ASKS.iter().any(|w| f.contains(w))
}

/// Shows the next older item of the last search and returns the slots to remember (its
/// position in `count`, so a further "and before that?" goes one further).
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    last: &Slots,
) -> Result<Slots, HandlerError> {
    let position = last.count.map_or(2, |c| c.saturating_add(1)).min(MAX_COUNT);
    let today = ctx.services.clock.today();
    let search = Slots {
        count: None,
        ..last.clone()
    };
    let Some((query, _)) = build_query(ctx, credential, &search, today).await? else {
        return Ok(last.clone());
    };
    let (items, _) = collect(ctx, credential, query, position, 0).await?;
    ctx.audit("transactions");
    match items.get(position as usize - 1) {
        Some(tx) => {
            let header = ctx.t(Msg::TxOneBefore);
            send_list(ctx, state, header, std::slice::from_ref(tx), None);
        }
        None => ctx.say(Msg::TxNoneBefore),
    }
    Ok(Slots {
        count: Some(position),
        ..last.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn the_one_before() {
        assert!(asks("and the one before"));
        assert!(asks("what about the previous one?"));
        assert!(asks("et celle d'avant ?"));
        assert!(!asks("what did i spend before christmas"));
    }
}
