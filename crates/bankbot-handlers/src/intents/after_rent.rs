//! "balance after rent comes out", "how much will i have left after rent", « il me restera
//! combien après le loyer »: what can be spent now less the usual rent (the last rent paid,
//! unless an amount is named), as "can I afford 1900 rent" weighs 1900 — not the last
//! housing payment alone.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{Category, DateRange};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format;
use crate::intents::afford::Afford;
use crate::intents::transactions::collect;
use crate::{DialogState, HandlerError};

/// Words naming the rent, padded and folded.
const RENT: &[&str] = &[
    " rent ",
    " rent's ",
    " rents ",
    " mortgage ",
    " loyer ",
    " le loyer ",
    " mon loyer ",
];

/// Words putting the rent first, padded and folded.
const AFTER: &[&str] = &[
    " after ",
    " afta ",
    " aftr ",
    " once ",
    " minus ",
    " less the ",
    " take away ",
    " apres ",
    " une fois ",
    " moins le ",
    " moins mon ",
    " deduction ",
    " deduit ",
];

/// Words asking what is left, padded and folded.
const LEFT: &[&str] = &[
    " left ",
    " balance ",
    " remain ",
    " remaining ",
    " will i have ",
    " do i have ",
    " i'll have ",
    " ill have ",
    " reste ",
    " restera ",
    " resterait ",
    " restant ",
    " solde ",
    " il me reste ",
    " j'aurai ",
    " jaurai ",
    " aurai je ",
    " combien ",
];

/// Words taking the rent off, padded and folded ("si j'enlève le loyer il me reste
/// combien"); with a spending word they ask for spending without it instead.
const SUBTRACT: &[&str] = &[
    " enleve ",
    " j'enleve ",
    " jenleve ",
    " on enleve ",
    " enleves ",
    " enlever ",
    " retire ",
    " retirer ",
    " deduis ",
    " deduire ",
    " soustrais ",
    " soustraire ",
    " subtract ",
    " deduct ",
    " take out ",
    " take off ",
];

/// True when `text` asks what is left once the rent has gone out.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(RENT) && has(LEFT) && (has(AFTER) || (has(SUBTRACT) && !crate::cues::names_spending(text)))
}

/// Says the usual rent (the last one paid in the past two months) and weighs it against
/// what can be spent now; an amount named in `text` is the rent weighed instead.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    text: &str,
) -> Result<(), HandlerError> {
    let named = crate::intents::afford::amount(text);
    let mut amount = named;
    if named.is_none() {
        let today = ctx.services.clock.today();
        let start = today
            .checked_sub_months(chrono::Months::new(2))
            .unwrap_or(today);
        let query = TransactionQuery {
            range: DateRange::new(start, today).ok(),
            category: Some(Category::Housing),
            ..TransactionQuery::default()
        };
        let (items, _) = collect(ctx, credential, query, 10, 0).await?;
        if let Some(rent) = items.iter().find(|t| t.amount.is_negative()) {
            let paid = rent.amount.abs();
            ctx.say(Msg::UsualRent {
                amount: &paid.format(ctx.lang),
                date: &format::date(rent.booking_date, today, ctx.lang),
                who: rent.counterparty(),
            });
            amount = Some(paid.amount);
        } else {
            ctx.say(Msg::NoRentFound);
        }
    }
    let asked = Afford {
        amount,
        ahead: false,
        cash: false,
    };
    crate::intents::afford::answer(ctx, state, credential, asked, None).await
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn left_after_rent() {
        for t in [
            "balance after rent comes out",
            "how much will i have left after rent",
            "il me restera combien après le loyer",
            "whats left once the rent is paid",
            "combien il me reste une fois le loyer passé",
            "what's my balance minus rent",
            "how much do i have after my mortgage",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "how much was rent",
            "did my rent go out",
            "can i afford 1900 rent",
            "spending after the 15th",
            "le loyer c'était combien",
        ] {
            assert!(!asked(t), "{t}");
        }
    }
}
