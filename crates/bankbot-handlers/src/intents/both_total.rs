//! "total for both", « les deux ensemble ça fait combien » right after two totals (Starbucks,
//! then "and uber?"): the two added up, each named with its own total, over their period.
//! The total before the last one is remembered here ([`remember`]); two totals over
//! different periods, or in different currencies, are not added.

use bankbot_bank::CustomerCredential;
use bankbot_core::{IntentId, Money, Slots};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::spending;
use crate::intents::transactions::slot_range;
use crate::{DialogState, HandlerError, format};

/// Words naming the two things just asked, each padded and folded.
const BOTH: &[&str] = &[
    " both ",
    " the two ",
    " those two ",
    " les deux ",
    " des deux ",
    " tous les deux ",
    " toutes les deux ",
    " les 2 ",
    " ces deux ",
];

/// Words asking them added up, each padded and folded.
const ADDED: &[&str] = &[
    " total ",
    " together ",
    " combined ",
    " added ",
    " add ",
    " sum ",
    " how much ",
    " ensemble ",
    " combien ",
    " en tout ",
    " au total ",
    " additionne ",
    " additionnes ",
    " cumule ",
];

/// True when `text` asks the last two totals added up.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(BOTH) && has(ADDED)
}

/// After a turn: the total answered before the last one, kept while totals follow each
/// other ("starbucks" then "and uber?"), forgotten once something else is answered.
pub(crate) fn remember(state: &mut DialogState, before: (Option<IntentId>, Slots)) {
    let (intent, slots) = before;
    let total = |i: Option<IntentId>| i == Some(IntentId::SpendingSummary);
    let filtered = |s: &Slots| s.merchant.is_some() || s.category.is_some();
    if total(state.last_intent) && total(intent) && filtered(&slots) && slots != state.last_slots {
        state.earlier_total = Some(slots);
    } else if !total(state.last_intent) {
        state.earlier_total = None;
    }
}

/// Answers the last two totals added up; `false` (nothing said) when there are not two
/// over one period in one currency.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
) -> Result<bool, HandlerError> {
    let Some(earlier) = state.earlier_total.clone() else {
        return Ok(false);
    };
    let last = state.last_slots.clone();
    let today = ctx.services.clock.today();
    let range = slot_range(&last, today);
    if state.last_intent != Some(IntentId::SpendingSummary)
        || (last.merchant.is_none() && last.category.is_none())
        || range != slot_range(&earlier, today)
    {
        return Ok(false);
    }
    let (first, first_name) = spending::spent_quietly(ctx, credential, &earlier).await?;
    let (second, second_name) = spending::spent_quietly(ctx, credential, &last).await?;
    // One currency for both, or no sum.
    let mut currencies = first.keys().chain(second.keys());
    let Some(&currency) = currencies.next() else {
        return Ok(false);
    };
    if currencies.any(|c| *c != currency) {
        return Ok(false);
    }
    let amount = |s: &spending::Spent| s.get(&currency).copied().unwrap_or_default();
    let lang = ctx.lang;
    let money = |d| Money::new(d, currency).format(lang);
    let range_text = range
        .map(|r| format::range(r, today, lang))
        .unwrap_or_else(|| {
            let first_day = chrono::Datelike::with_day(&today, 1).unwrap_or(today);
            bankbot_core::DateRange::new(first_day, today)
                .map(|r| format::range(r, today, lang))
                .unwrap_or_default()
        });
    let first_text = format!("{first_name} ({})", money(amount(&first)));
    let second_text = format!("{second_name} ({})", money(amount(&second)));
    let total = money(amount(&first) + amount(&second));
    state.pending = None;
    state.turn_intent = Some(IntentId::SpendingSummary);
    ctx.audit("spending");
    ctx.say(Msg::SpendBoth {
        first: &first_text,
        second: &second_text,
        total: &total,
        range: &range_text,
    });
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn both_added_up() {
        assert!(asks("total for both"));
        assert!(asks("les deux ensemble ça fait combien ?"));
        assert!(!asks("lock both"));
        assert!(!asks(
            "lock both cards and tell me where the nearest atm is"
        ));
        assert!(!asks("how much on groceries"));
    }
}
