//! "apart from rent", "minus the amazon stuff", « sans compter le loyer » just after a
//! spending total: the same total with that category or merchant left out — never that
//! category's or merchant's own total.

use bankbot_bank::CustomerCredential;
use bankbot_core::{IntentId, Slots};

use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::spending::{self, Skip};
use crate::{DialogState, HandlerError};

/// Words leaving something out, each padded and folded.
const EXCEPT: &[&str] = &[
    " apart from ",
    " aside from ",
    " except ",
    " excluding ",
    " exclude ",
    " without ",
    " minus ",
    " not counting ",
    " other than ",
    " besides ",
    " leave out ",
    " leaving out ",
    " take out the ",
    " outside of ",
    " sans compter ",
    " sans le ",
    " sans la ",
    " sans les ",
    " hors ",
    " a part ",
    " sauf ",
    " en dehors ",
    " moins le ",
    " moins la ",
    " moins les ",
    " en enlevant ",
    " si on enleve ",
];

/// Words asking for everything but what the last answer was about ("and the rest?", « et
/// le reste ? »), each padded and folded.
const REST: &[&str] = &[
    " the rest ",
    " all the rest ",
    " everything else ",
    " rest of it ",
    " rest of my spending ",
    " other spending ",
    " le reste ",
    " tout le reste ",
    " reste des depenses ",
    " autres depenses ",
    " tout le restant ",
];

/// The most words of a question for the rest ("and what about all the rest then?").
const MAX_REST_WORDS: usize = 7;

/// True when `text` asks for the spending apart from what the last answer was about.
pub(crate) fn asks_rest(text: &str) -> bool {
    let f = fold(text);
    f.split_whitespace().count() <= MAX_REST_WORDS && REST.iter().any(|w| f.contains(w))
}

/// What "the rest" leaves out: the last answer's category or merchant, over the period
/// `parsed` names (else the last one's).
pub(crate) fn rest_of(last: &Slots, parsed: &Slots) -> Slots {
    Slots {
        category: last.category,
        merchant: last.merchant.clone(),
        date_from: parsed.date_from,
        date_to: parsed.date_to,
        account_type: parsed.account_type,
        ..Slots::default()
    }
}

/// True when `text` asks a total with something left out.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    EXCEPT.iter().any(|w| f.contains(w))
}

/// The last total again, `parsed`'s category or merchant left out; false when `parsed`
/// names neither.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    parsed: &Slots,
) -> Result<bool, HandlerError> {
    if parsed.category.is_none() && parsed.merchant.is_none() {
        return Ok(false);
    }
    let skip = Skip {
        category: parsed.category.filter(|_| parsed.merchant.is_none()),
        merchant: parsed.merchant.as_ref().map(|m| m.to_lowercase()),
        only: &[],
    };
    let last = &state.last_slots;
    // The total left out of is the last one, unless it was the very thing left out.
    let same = |a: &Slots| {
        (a.category.is_some() && a.category == parsed.category)
            || (a.merchant.is_some() && a.merchant == parsed.merchant)
    };
    let slots = Slots {
        category: None,
        merchant: None,
        date_from: parsed.date_from.or(last.date_from),
        date_to: parsed.date_to.or(last.date_to),
        account_type: parsed.account_type.or(last.account_type),
        ..Slots::default()
    };
    let slots = if same(last) || (last.category.is_none() && last.merchant.is_none()) {
        slots
    } else {
        Slots {
            category: last.category,
            merchant: last.merchant.clone(),
            ..slots
        }
    };
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::SpendingSummary);
    spending::handle_skipping(ctx, credential, &slots, Some(&skip)).await?;
    state.last_intent = Some(IntentId::SpendingSummary);
    state.last_slots = slots;
    Ok(true)
}
