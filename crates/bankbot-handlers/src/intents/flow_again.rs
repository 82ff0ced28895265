//! "Same for October.", "and last month?", « et en octobre ? » right after money in was
//! weighed against money out: the same question over the period (or account) named, never
//! a plain spending total that would leave the money in out.
//!
//! Only a follow-up that names a period or an account and no filter of its own continues
//! ("what did I spend in october" asks spending afresh). The answer is [`super::net_flow`]'s.

use bankbot_core::{IntentMatch, Slots};
use chrono::NaiveDate;

use crate::intents::shift;

/// The slots to weigh money in and out over again, when `text` follows a net-flow answer
/// over `last` with only a new period or account.
pub(crate) fn again(
    last: &Slots,
    text: &str,
    parsed: &IntentMatch,
    today: NaiveDate,
) -> Option<Slots> {
    let s = &parsed.slots;
    let filters = s.merchant.is_some()
        || s.category.is_some()
        || s.amount_min.is_some()
        || s.amount_max.is_some();
    if filters || !crate::ellipsis::continues(text) {
        return None;
    }
    let dated = s.date_from.is_some() || s.date_to.is_some();
    if dated || s.account_type.is_some() {
        return Some(Slots {
            date_from: if dated { s.date_from } else { last.date_from },
            date_to: if dated { s.date_to } else { last.date_to },
            account_type: s.account_type.or(last.account_type),
            ..Slots::default()
        });
    }
    // "and the month before?": the period before the last one.
    shift::asks(text).and_then(|step| shift::back(last, step, today))
}
