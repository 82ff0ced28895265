//! "Average monthly spend, last 2 months", « combien je dépense en moyenne par mois »: the
//! total over the period (the last three months when none is named), then what it comes
//! to a month over the months the bank's history covers — not the total alone.

use bankbot_bank::CustomerCredential;
use bankbot_core::{DateRange, Money, Slots};
use chrono::{Days, Months};
use rust_decimal::Decimal;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::history::{self, Held};
use crate::intents::spending;
use crate::intents::transactions::slot_range;

/// Words asking for an average, padded and folded.
const AVERAGE: &[&str] = &[
    " average ",
    " avg ",
    " on average ",
    " mean ",
    " moyenne ",
    " en moyenne ",
    " moyen ",
    " typical month ",
    " usually spend ",
    " normally spend ",
];

/// The months looked at when the question names no period.
const DEFAULT_MONTHS: u32 = 3;
/// Days in an average month, to count the months a period covers.
const MONTH_DAYS: f64 = 30.44;

/// True when `text` asks for an average spending.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    AVERAGE.iter().any(|w| f.contains(w))
}

/// The total over the period asked (or the last three months), then the average a month.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let range = slot_range(slots, today).or_else(|| {
        let from = today
            .checked_sub_months(Months::new(DEFAULT_MONTHS))?
            .checked_add_days(Days::new(1))?;
        DateRange::new(from, today).ok()
    });
    let Some(range) = range else {
        spending::handle(ctx, credential, slots).await?;
        return Ok(());
    };
    let asked = Slots {
        date_from: Some(range.from()),
        date_to: Some(range.to()),
        ..slots.clone()
    };
    let Some(spent) = spending::handle(ctx, credential, &asked).await? else {
        return Ok(());
    };
    // Over the part of the period the history holds: months without data are no months
    // of zero spending.
    let held = match history::clipped(ctx, credential, range).await? {
        Some(Held::From(part)) => part,
        Some(Held::After(_)) => return Ok(()),
        None => range,
    };
    let months = months_in(held.len_days());
    let [(currency, total)] = spent.iter().collect::<Vec<_>>()[..] else {
        return Ok(());
    };
    let per = (*total / Decimal::from(months)).round_dp(2);
    let per = Money::new(per, *currency).format(ctx.lang);
    ctx.say(Msg::SpendAverage {
        per_month: &per,
        months,
    });
    Ok(())
}

/// The whole months (rounded) `days` days make.
fn months_in(days: i64) -> u32 {
    let months = (days as f64 / MONTH_DAYS).round();
    if months < 1.0 { 1 } else { months as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_words() {
        assert!(asked("Average monthly spend, last 2 months."));
        assert!(asked("combien je dépense en moyenne par mois"));
        assert!(!asked("how much did i spend last month"));
    }

    #[test]
    fn months_of_days() {
        assert_eq!(months_in(61), 2);
        assert_eq!(months_in(91), 3);
        assert_eq!(months_in(10), 1);
    }
}
