//! "When was my last cash withdrawal", "dernier retrait", "when did i last get paid", "the
//! interest credited last time", "c'était quand la dernière fois que j'ai payé le loyer":
//! the latest matching transaction as far back as the bank's history goes (not one month),
//! with its date and amount. The bank's data has no cash category: a withdrawal is known
//! by its description ("ATM", "retrait", "DAB"), and when none is named so the bot says it.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::has_padded_phrase;
use bankbot_core::{Category, IntentId, Slots, Transaction};

use crate::catalog::{FlowMsg, Msg, TxFilters};
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::history::{self, WHOLE_HISTORY_DAYS};
use crate::intents::{income_before, transactions};
use crate::{DialogState, HandlerError, format};

/// What the last time is asked of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Last {
    /// A cash withdrawal.
    Cash,
    /// Money in: pay, interest, a deposit.
    MoneyIn,
    /// A payment to the merchant or category named.
    Paid,
}

/// Words asking for the last one, folded.
const LAST: &[&str] = &[
    "last time",
    "when did i last",
    "did i last",
    "when i last",
    "i last",
    "when was my last",
    "when was the last",
    "when was the latest",
    "whens the last",
    "when's the last",
    "my last",
    "the last",
    "most recent",
    "latest",
    "derniere fois",
    "dernier",
    "derniere",
    "mon dernier",
    "ma derniere",
    "le dernier",
    "la derniere",
];

/// The stronger cues a merchant or category needs ("the last time i paid rent"): "my last
/// five starbucks" is a listing, answered elsewhere.
const LAST_TIME: &[&str] = &[
    "last time",
    "when did i last",
    "did i last",
    "when i last",
    "when was my last",
    "when was the last",
    "when was the latest",
    "derniere fois",
];

/// A question of when ("c'était quand mon dernier loyer").
const WHEN: &[&str] = &[
    "when",
    "whens",
    "when's",
    "what day",
    "which day",
    "what date",
    "quand",
    "quel jour",
    "quelle date",
    "c'etait quand",
];

/// A payment asked about in the past tense ("le loyer 950 il est passé quand", "when did
/// the rent go out"): when it happened, whatever period the last answer covered.
const PASSED: &[&str] = &[
    "est passe",
    "est passee",
    "sont passes",
    "passee quand",
    "a ete preleve",
    "a ete prelevee",
    "ete preleve",
    "ete prelevee",
    "a ete debite",
    "a ete debitee",
    "ete debite",
    "c'etait quand",
    "c etait quand",
    "ct quand",
    "went out",
    "came out",
    "was taken",
    "got taken",
    "was paid",
    "was charged",
    "was debited",
    "got debited",
    "did i pay",
];

/// Words of cash taken out.
const CASH: &[&str] = &[
    "cash withdrawal",
    "cash withdrawals",
    "withdrawal",
    "withdrawals",
    "withdrew",
    "withdraw",
    "took out cash",
    "take out cash",
    "took cash",
    "got cash",
    "get cash",
    "cash out",
    "atm",
    "retrait",
    "retraits",
    "retire",
    "retirer",
    "retire des sous",
    "liquide",
    "especes",
    "dab",
    "distributeur",
    "distrib",
];

/// Money in words.
const MONEY_IN: &[&str] = &[
    "been paid",
    "get paid",
    "got paid",
    "salary",
    "paycheck",
    "paycheque",
    "payday",
    "interest",
    "credited",
    "deposit",
    "came in",
    "salaire",
    "ma paie",
    "la paie",
    "derniere paie",
    "ma paye",
    "la paye",
    "derniere paye",
    "ete paye",
    "ete payee",
    "interets",
    "credite",
    "versement",
    "virement recu",
    "rentree d'argent",
];

/// Words of money paid out, to tell "the last time i paid rent" from "when did i last get
/// paid".
const PAID_OUT: &[&str] = &[
    "i paid",
    "j'ai paye",
    "jai paye",
    "paid for",
    "paid my",
    "paid the",
    "paid rent",
];

/// Description words of a cash withdrawal in the bank's data.
const CASH_DESCRIPTION: &[&str] = &[
    "atm",
    "withdrawal",
    "withdrawl",
    "wdl",
    "cash",
    "retrait",
    "dab",
    "distributeur",
];

/// What `text` asks the last time of, if it does. `slots` are the engine's.
pub(crate) fn asks(text: &str, slots: &Slots) -> Option<Last> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    // "my last 3 deposits": a listing of several.
    let passed = has(WHEN) && has(PASSED);
    if slots.count.is_some_and(|n| n > 1) || !(has(LAST) || passed) {
        return None;
    }
    if has(CASH) && !has(&["cash back", "cashback", "limit", "limite", "plafond"]) {
        return Some(Last::Cash);
    }
    let named = slots.merchant.is_some()
        || slots
            .category
            .is_some_and(|c| !matches!(c, Category::Income | Category::Transfer))
        // "le prélèvement de 950 il est passé quand": the payment of that amount.
        || (passed && crate::intents::afford::amount(text).is_some());
    if has(MONEY_IN) && !has(PAID_OUT) && (has(WHEN) || has(LAST_TIME)) {
        return Some(Last::MoneyIn);
    }
    if named && (has(LAST_TIME) || (has(WHEN) && has(LAST)) || passed) {
        return Some(Last::Paid);
    }
    None
}

/// `slots` with the amount typed in a "when did it go out" question ("le loyer 950 il est
/// passé quand"), when the engine left it out: 950 is 950.00 to 950.99.
pub(crate) fn with_amount(text: &str, slots: &Slots) -> Slots {
    let mut slots = slots.clone();
    if slots.amount_min.is_none()
        && slots.amount_max.is_none()
        && let Some(amount) = crate::intents::afford::amount(text)
    {
        slots.amount_min = Some(amount);
        slots.amount_max = Some(if amount.fract().is_zero() {
            amount + rust_decimal::Decimal::new(99, 2)
        } else {
            amount
        });
    }
    slots
}

/// The latest one in the whole history, with its date and amount.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    last: Last,
    slots: &Slots,
) -> Result<(), HandlerError> {
    let named = Slots {
        merchant: slots.merchant.clone().filter(|_| last != Last::Cash),
        category: slots
            .category
            .filter(|c| last == Last::Paid && !matches!(c, Category::Income | Category::Transfer)),
        account_type: slots.account_type,
        amount_min: slots.amount_min.filter(|_| last == Last::Paid),
        amount_max: slots.amount_max.filter(|_| last == Last::Paid),
        ..Slots::default()
    };
    let today = ctx.services.clock.today();
    let Some((query, _)) = transactions::build_query(ctx, credential, &named, today).await? else {
        return Ok(());
    };
    let query = TransactionQuery {
        range: None,
        ..query
    };
    let keep: fn(&Transaction) -> bool = match last {
        Last::Cash => is_cash,
        Last::MoneyIn => income_before::is_money_in,
        Last::Paid => |t| t.is_debit() && t.category != Some(Category::Transfer),
    };
    let found = history::latest_where(ctx, credential, &query, WHOLE_HISTORY_DAYS, keep).await?;
    ctx.audit("transactions");
    state.turn_intent = Some(IntentId::Transactions);
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = Slots {
        category: (last == Last::MoneyIn)
            .then_some(Category::Income)
            .or(named.category),
        ..named.clone()
    };
    match found {
        // "when did i last pay at trader joes": "Your last transaction at Trader Joe's:"
        // (the name as the bank writes it).
        Some(tx) if last == Last::Paid => {
            let canonical = named
                .merchant
                .as_deref()
                .and_then(|typed| format::bank_merchant_name(typed, std::slice::from_ref(&tx)));
            let filters = TxFilters {
                merchant: canonical.as_deref().or(named.merchant.as_deref()),
                category: named.category,
                account: named.account_type,
                ..TxFilters::default()
            };
            let header = ctx.t(Msg::TxHeader {
                n: 1,
                filters: &filters,
            });
            transactions::send_list(ctx, state, header, &[tx], None);
        }
        Some(tx) => {
            let header = ctx.t(Msg::Flow(FlowMsg::LastOne));
            transactions::send_list(ctx, state, header, &[tx], None);
        }
        None if last == Last::Cash => ctx.say(Msg::Flow(FlowMsg::CashNone)),
        None => {
            state.more = None;
            let filters = TxFilters {
                merchant: named.merchant.as_deref(),
                category: named.category,
                account: named.account_type,
                ..TxFilters::default()
            };
            ctx.say(Msg::TxNone { filters: &filters });
        }
    }
    Ok(())
}

/// True for money taken out in cash, as the bank names it.
pub(crate) fn is_cash(t: &Transaction) -> bool {
    let named = fold(&format!(
        "{} {}",
        t.description,
        t.merchant.as_deref().unwrap_or("")
    ));
    t.is_debit()
        && CASH_DESCRIPTION
            .iter()
            .any(|w| has_padded_phrase(&named, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(merchant: Option<&str>, category: Option<Category>) -> Slots {
        Slots {
            merchant: merchant.map(str::to_owned),
            category,
            ..Slots::default()
        }
    }

    #[test]
    fn last_times_are_read() {
        let none = Slots::default();
        for t in [
            "when was my last cash withdrawal",
            "dernier retrait",
            "c'était quand mon dernier retrait au distributeur",
            "last time i took out cash?",
            "when did i last use an atm",
        ] {
            assert_eq!(asks(t, &none), Some(Last::Cash), "{t}");
        }
        for t in [
            "when did i last get paid",
            "c'était quand ma dernière paie",
            "when was my last paycheck",
        ] {
            assert_eq!(asks(t, &none), Some(Last::MoneyIn), "{t}");
        }
        assert_eq!(
            asks(
                "the interest credited last time",
                &with(Some("interest"), None)
            ),
            Some(Last::MoneyIn)
        );
        let rent = with(None, Some(Category::Housing));
        for t in [
            "c'était quand la dernière fois que j'ai payé le loyer",
            "when was the last time i paid rent",
            "when did i last pay rent",
            "quand ai-je payé la sncf pour la dernière fois",
            "le loyer 950 il est passé quand",
            "le loyer il a été prélevé quand ?",
            "c'était quand le loyer",
            "when did i pay the rent",
        ] {
            assert_eq!(asks(t, &rent), Some(Last::Paid), "{t}");
        }
        assert_eq!(
            asks("le prélèvement de 950 il est passé quand", &none),
            Some(Last::Paid)
        );
        // A debit to come is no last time.
        assert_eq!(asks("le loyer passe quand", &rent), None);
        assert_eq!(asks("when does rent go out", &rent), None);
    }

    #[test]
    fn listings_and_other_questions_are_not() {
        let none = Slots::default();
        assert_eq!(asks("my last 5 transactions", &none), None);
        assert_eq!(asks("what did i spend last month", &none), None);
        assert_eq!(
            asks(
                "my last 3 deposits",
                &Slots {
                    count: Some(3),
                    ..Slots::default()
                }
            ),
            None
        );
        assert_eq!(asks("last payment on my cash back visa", &none), None);
        assert_eq!(asks("what's my daily withdrawal limit", &none), None);
        assert_eq!(
            asks("my last starbucks", &with(Some("starbucks"), None)),
            None
        );
    }
}
