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

/// Payments a period may start from ("since rent", « depuis le loyer »), folded.
const PAYMENTS: &[&str] = &["rent", "mortgage", "loyer", "hypotheque"];

/// What may come between "since" and the payment ("since my rent", « depuis que j'ai payé
/// le loyer »), folded, each ending with a space when not empty.
const SINCE_FORMS: &[&str] = &[
    "since ",
    "since the ",
    "since my ",
    "since paying ",
    "since paying the ",
    "since paying my ",
    "since i paid ",
    "since i paid the ",
    "since i paid my ",
    "depuis ",
    "depuis le ",
    "depuis la ",
    "depuis mon ",
    "depuis ma ",
    "depuis que j'ai paye le ",
    "depuis que j'ai paye mon ",
    "depuis que jai paye le ",
];

/// True when `text` counts from a payment it names ("since rent how much I spend", « depuis
/// le loyer, combien ? »).
pub(crate) fn names_a_payment(text: &str) -> bool {
    let f = fold(text);
    SINCE_FORMS.iter().any(|form| {
        PAYMENTS
            .iter()
            .any(|p| bankbot_core::has_padded_phrase(&f, &format!("{form}{p}")))
    })
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
    fn a_payment_named_as_the_start() {
        assert!(super::names_a_payment("since rent how much I spend"));
        assert!(super::names_a_payment(
            "depuis le loyer combien j'ai dépensé"
        ));
        assert!(!super::names_a_payment("how much did i spend on rent"));
        assert!(!super::names_a_payment("since the rental car"));
    }

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
