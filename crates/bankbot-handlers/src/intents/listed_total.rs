//! "ça fait combien en tout ?", "and in total?" after a listing with no date ("mes achats chez
//! Carrefour"): the spending over exactly what was listed — from its oldest payment to
//! today, with the same filters — not this month's.

use bankbot_bank::{CustomerCredential, MAX_PAGE_SIZE};
use bankbot_core::IntentId;

use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::{spending, transactions};
use crate::{DialogState, HandlerError};

/// Words that ask for the sum of what was shown, each padded and folded.
const TOTAL: &[&str] = &[
    " en tout ",
    " au total ",
    " le total ",
    " total ",
    " au final ",
    " in total ",
    " altogether ",
    " all together ",
    " all in all ",
    " add them up ",
    " add it up ",
    " add up ",
    " adds up ",
    " sum them ",
    " sum it up ",
    " sum up ",
    " the sum ",
    " combined ",
    " additionne ",
    " additionner ",
    " additionnez ",
    " fais le total ",
    " faire le total ",
    " faites le total ",
    " la somme ",
    " en tout et pour tout ",
    " ca fait combien ",
    " ca fait cb ",
    " ca fait combien en tout ",
];

/// True when `text` asks for the total of a listing (and names no period of its own).
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    TOTAL.iter().any(|w| f.contains(w))
}

/// True when the last answer was a listing with no date, which a total should cover.
pub(crate) fn after_undated_listing(state: &DialogState) -> bool {
    state.last_intent == Some(IntentId::Transactions)
        && state.last_slots.date_from.is_none()
        && state.last_slots.date_to.is_none()
}

/// True when the last answer was a listing over a period ("mes opérations d'octobre"): a
/// total then covers that period with the same filters, not this month (blind round 14b).
pub(crate) fn after_dated_listing(state: &DialogState) -> bool {
    state.last_intent == Some(IntentId::Transactions)
        && (state.last_slots.date_from.is_some() || state.last_slots.date_to.is_some())
}

/// True when the last answer was a total over a period with no filter ("ce qui est sorti
/// entre le 25 novembre et le 5 décembre"): « et le total ? » is that period's again, not
/// this month's (blind round 15a).
pub(crate) fn after_dated_total(state: &DialogState) -> bool {
    let s = &state.last_slots;
    state.last_intent == Some(IntentId::SpendingSummary)
        && (s.date_from.is_some() || s.date_to.is_some())
        && s.merchant.is_none()
        && s.category.is_none()
        && s.amount_min.is_none()
        && s.amount_max.is_none()
}

/// Sums the money out of the last listing: from its oldest payment shown to today.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let mut slots = state.last_slots.clone();
    let Some((query, _)) = transactions::build_query(ctx, credential, &slots, today).await? else {
        return Ok(());
    };
    // The listing showed its first `count` items (all of them without a cursor).
    let shown = state.more.as_ref().map_or(MAX_PAGE_SIZE, |c| c.count);
    let (items, _) = transactions::collect(ctx, credential, query, shown, 0).await?;
    slots.date_from = items
        .iter()
        .filter(|t| t.is_debit())
        .map(|t| t.booking_date)
        .min();
    state.turn_intent = Some(IntentId::SpendingSummary);
    state.pending = None;
    state.more = None;
    spending::handle(ctx, credential, &slots).await?;
    state.last_intent = Some(IntentId::SpendingSummary);
    state.last_slots = slots;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn totals_are_asked() {
        for t in [
            "ça fait combien en tout ?",
            "et au total ?",
            "le total stp",
            "how much is that altogether",
            "and in total?",
            "add them up",
            "ok sum it up pls",
            "additionne",
            "fais le total stp",
            "ça fait combien ?",
            "how much is that combined",
        ] {
            assert!(asks(t), "{t}");
        }
    }

    #[test]
    fn other_follow_ups_are_not() {
        for t in [
            "merci pour tout",
            "c'est tout",
            "combien j'ai",
            "and last month?",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
