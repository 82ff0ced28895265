//! "Did I spend more this month than last?", "j'ai plus dépensé en novembre qu'en
//! octobre ?": both spending totals, each as its own answer, then one line that weighs them
//! ("You spent $2,065.00 more from Nov 1 to Nov 29 than from Oct 1 to Oct 31.").

use bankbot_core::{Currency, IntentId, IntentMatch, Money, Slots};
use rust_decimal::Decimal;

use crate::catalog::{Msg, Weighed};
use crate::ctx::Ctx;
use crate::intents::spending::{self, Spent};
use crate::intents::transactions;
use crate::{DialogState, HandlerError, format};

/// Answers a comparison of two spending totals; `false` (nothing said) when the parts are
/// not both spending questions of a linked customer, for the caller to answer each.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    first: &IntentMatch,
    second: &IntentMatch,
) -> Result<bool, HandlerError> {
    let spending_parts = [first, second]
        .iter()
        .all(|p| p.intent == IntentId::SpendingSummary);
    let Some(credential) = ctx.customer.filter(|_| spending_parts) else {
        return Ok(false);
    };
    // "compare my income this month to october": money in over both periods.
    if crate::intents::net_flow::compares_income(&first.slots, &second.slots) {
        state.pending = None;
        state.misses = 0;
        crate::intents::net_flow::compare_income(
            ctx,
            state,
            credential,
            &first.slots,
            &second.slots,
        )
        .await?;
        return Ok(true);
    }
    state.turn_intent = Some(IntentId::SpendingSummary);
    state.pending = None;
    state.more = None;
    state.misses = 0;
    let later = spending::handle(ctx, credential, &first.slots).await?;
    let earlier = spending::handle(ctx, credential, &second.slots).await?;
    state.last_intent = Some(IntentId::SpendingSummary);
    state.last_slots = second.slots.clone();
    if let (Some(later), Some(earlier)) = (later, earlier)
        && let Some((currency, a, b)) = one_currency(&later, &earlier)
    {
        let today = ctx.services.clock.today();
        let range = |s: &Slots| {
            transactions::slot_range(s, today).map(|r| format::range(r, today, ctx.lang))
        };
        if let (Some(range), Some(other)) = (range(&first.slots), range(&second.slots)) {
            let diff = Money::new((a - b).abs(), currency).format(ctx.lang);
            let weighed = match a.cmp(&b) {
                std::cmp::Ordering::Greater => Weighed::More,
                std::cmp::Ordering::Less => Weighed::Less,
                std::cmp::Ordering::Equal => Weighed::Same,
            };
            ctx.say(Msg::SpendDifference {
                diff: &diff,
                weighed,
                range: &range,
                other: &other,
            });
        }
    }
    Ok(true)
}

/// The two totals in their one shared currency (nothing spent counts as zero in it).
fn one_currency(a: &Spent, b: &Spent) -> Option<(Currency, Decimal, Decimal)> {
    let mut currencies = a.keys().chain(b.keys()).copied().collect::<Vec<_>>();
    currencies.sort();
    currencies.dedup();
    match currencies.as_slice() {
        [c] => Some((
            *c,
            a.get(c).copied().unwrap_or_default(),
            b.get(c).copied().unwrap_or_default(),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_weighed_in_one_currency_only() {
        let usd = |d: i64| Spent::from([(Currency::USD, Decimal::from(d))]);
        let weighed =
            |a: &Spent, b: &Spent| one_currency(a, b).map(|(c, x, y)| (c.code().to_owned(), x, y));
        assert_eq!(
            weighed(&usd(10), &Spent::new()),
            Some(("USD".to_owned(), Decimal::from(10), Decimal::ZERO))
        );
        assert_eq!(
            weighed(&usd(10), &usd(4)),
            Some(("USD".to_owned(), Decimal::from(10), Decimal::from(4)))
        );
        let eur = Spent::from([(Currency::EUR, Decimal::from(3))]);
        assert_eq!(weighed(&usd(10), &eur), None);
        assert_eq!(weighed(&Spent::new(), &Spent::new()), None);
    }
}
