//! "How much have I spent since then", "and after that?", "depuis ce jour-là": a range that
//! starts where the last answer was — its first day, or the last payday after a question
//! about the salary (which names no dates).

use crate::cues::fold;

const PHRASES: &[&str] = &[
    " since then ",
    " from then ",
    " from then on ",
    " since that ",
    " since that day ",
    " after that ",
    " since that date ",
    " depuis ce jour ",
    " depuis ce jour la ",
    " depuis lors ",
    " depuis ce moment ",
    " depuis ce moment la ",
    " depuis cette date ",
];

/// True when `text` dates its range from the last answer.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    PHRASES.iter().any(|p| f.contains(p)) || f.ends_with(" depuis ")
}

/// The day after the latest transaction the last answer was about (its merchant or
/// category; today at the latest), over the past year: where "since then" starts after
/// "when did my rent go out" — the rent itself is not "since". After a payday, the payday
/// itself, as "since payday" reads.
pub(crate) async fn latest_day(
    ctx: &crate::ctx::Ctx<'_>,
    credential: &bankbot_bank::CustomerCredential,
    last: &bankbot_core::Slots,
) -> Result<Option<chrono::NaiveDate>, crate::HandlerError> {
    if last.merchant.is_none() && last.category.is_none() {
        return Ok(None);
    }
    let today = ctx.services.clock.today();
    let from = today
        .checked_sub_days(chrono::Days::new(365))
        .unwrap_or(today);
    let query = bankbot_bank::TransactionQuery {
        range: bankbot_core::DateRange::new(from, today).ok(),
        text: last.merchant.clone(),
        category: last.category,
        limit: 1,
        ..bankbot_bank::TransactionQuery::default()
    };
    let page = ctx.services.bank.transactions(credential, &query).await?;
    let after = u64::from(last.category != Some(bankbot_core::Category::Income));
    Ok(page.transactions.first().map(|t| {
        t.booking_date
            .checked_add_days(chrono::Days::new(after))
            .map_or(today, |d| d.min(today))
    }))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn since_then_is_read() {
        assert!(asks("how much have i spent since then"));
        assert!(asks("and what did i buy after that?"));
        assert!(asks("combien j'ai dépensé depuis ?"));
        assert!(asks("depuis ce jour-là"));
        assert!(!asks("how much did i spend since the 3rd"));
        assert!(!asks("depuis le début du mois"));
    }
}
