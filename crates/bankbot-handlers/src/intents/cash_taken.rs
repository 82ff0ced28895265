//! "Combien j'ai retiré ce mois ?", "mes retraits de la semaine", "le cash que j'ai retiré",
//! "how much cash did I withdraw this month": the cash withdrawals over a period (this
//! month when none is named) and their total, or that there were none, rather than the
//! whole spending or the latest payments. A withdrawal is known by its description, as for
//! "the last time" ([`last_time::is_cash`]). Where to take cash out ("où retirer du
//! liquide"), limits and "the last withdrawal" are answered elsewhere.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{DateRange, IntentId, Slots};
use chrono::Datelike;

use crate::catalog::{FlowMsg, Msg};
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::{history, last_time, transactions};
use crate::{DialogState, HandlerError, format};

/// Words at most in a period follow-up to a list of withdrawals.
const MAX_FOLLOW_UP_WORDS: usize = 7;

/// Cash already taken out, as people say it (folded, whole words).
const TAKEN: &[&str] = &[
    "retraits",
    "mes retrait",
    "j'ai retire",
    "jai retire",
    "j ai retire",
    "ai je retire",
    "ai-je retire",
    "j'ai sorti",
    "que j'ai retire",
    "retire en liquide",
    "retire en especes",
    "retire au distributeur",
    "retire au dab",
    "retire au guichet",
    "withdrawals",
    "withdrew",
    "withdrawn",
    "did i withdraw",
    "took out",
    "have i taken out",
    "cash i took",
    "cash i got",
];

/// Words that make a "sorti" or "took out" about cash ("j'ai sorti 40 balles", no: that
/// is spending).
const CASH: &[&str] = &[
    "cash",
    "liquide",
    "especes",
    "retrait",
    "retraits",
    "retire",
    "withdraw",
    "withdrawals",
    "withdrew",
    "withdrawn",
    "atm",
    "dab",
];

/// Other questions about withdrawals: limits, fees, where, the last one, or one not made.
const ELSEWHERE: &[&str] = &[
    "plafond",
    "limite",
    "limit",
    "frais",
    "fees",
    "fee",
    "ou ",
    "where",
    "pres",
    "near",
    "dernier",
    "derniere",
    "last time",
    "when",
    "quand",
    "pas moi",
    "not me",
    "didn't",
    "didnt",
    "pas fait",
    "jamais",
    "never",
    "quelqu'un",
    "someone",
    "somebody",
    "frauduleux",
];

/// True when `text` asks what cash was taken out (over a period or lately).
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| bankbot_core::has_padded_phrase(&f, p));
    has(TAKEN)
        && has(CASH)
        && !has(ELSEWHERE)
        && !f.contains(" ou ")
        && !crate::cues::asks_held_now(text)
}

/// The cash withdrawals over `range`, any account.
async fn withdrawals(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    range: Option<DateRange>,
) -> Result<Vec<bankbot_core::Transaction>, HandlerError> {
    let query = TransactionQuery {
        range,
        account: None,
        ..TransactionQuery::default()
    };
    let mut found = history::all(ctx, credential, &query).await?;
    found.retain(last_time::is_cash);
    Ok(found)
}

/// The withdrawals over the period the slots name (else this month, or the whole history
/// when this month holds none), with their total.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    slots: &Slots,
    text: &str,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let month_start = today.with_day(1).unwrap_or(today);
    // "depuis la paie": from the last pay to today.
    let payday = if crate::cues::since_payday(text) {
        transactions::last_payday(ctx, credential).await?
    } else {
        None
    };
    let named = payday
        .and_then(|day| DateRange::new(day, today).ok())
        .or_else(|| transactions::slot_range(slots, today));
    let mut range = named.or_else(|| DateRange::new(month_start, today).ok());
    let mut found = withdrawals(ctx, credential, range).await?;
    // "s'il y a des retraits au distributeur", no period named and none this month: the
    // whole history, and when it holds none either, said so.
    if found.is_empty() && named.is_none() {
        range = crate::history::year_back(today).and_then(|from| DateRange::new(from, today).ok());
        found = withdrawals(ctx, credential, range).await?;
        if found.is_empty() {
            ctx.audit("transactions");
            state.pending = None;
            state.more = None;
            state.turn_intent = Some(IntentId::Transactions);
            state.last_intent = Some(IntentId::Transactions);
            state.last_slots = Slots {
                account_type: slots.account_type,
                ..Slots::default()
            };
            state.cash_only = true;
            ctx.say(Msg::Flow(FlowMsg::CashNone));
            return Ok(());
        }
    }
    ctx.audit("transactions");
    state.pending = None;
    state.turn_intent = Some(IntentId::Transactions);
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = Slots {
        date_from: range.map(|r| r.from()),
        date_to: range.map(|r| r.to()),
        account_type: slots.account_type,
        ..Slots::default()
    };
    let range_text = range
        .map(|r| format::range(r, today, ctx.lang))
        .unwrap_or_default();
    if found.is_empty() {
        state.more = None;
        ctx.say(Msg::Flow(FlowMsg::CashNoneIn { range: &range_text }));
        state.cash_only = true;
        return Ok(());
    }
    // Every withdrawal in one currency makes one total; mixed currencies none.
    let total = found
        .first()
        .map(|t| t.amount.currency)
        .and_then(|c| bankbot_core::Money::sum(c, found.iter().map(|t| &t.amount)).ok())
        .map(|m| m.abs().format(ctx.lang))
        .unwrap_or_default();
    let header = ctx.t(Msg::Flow(FlowMsg::CashIn {
        range: &range_text,
        total: &total,
        n: found.len(),
    }));
    transactions::send_list(ctx, state, header, &found, None);
    state.cash_only = true;
    Ok(())
}

/// True when, right after a list of withdrawals, `parsed` names only another period
/// ("et le mois dernier ?", "et en octobre", "pareil pour la semaine passée"); a whole
/// request ("mes opérations du mois dernier") is longer or names what it lists.
pub(crate) fn continues(
    state: &DialogState,
    text: &str,
    parsed: &bankbot_core::IntentMatch,
) -> bool {
    let s = &parsed.slots;
    let f = fold(text);
    let names_other = [
        "operation",
        "operations",
        "depense",
        "depenses",
        "achat",
        "achats",
        "paiement",
        "paiements",
        "transactions",
        "spent",
        "spend",
        "spending",
        "purchases",
        "payments",
    ]
    .iter()
    .any(|w| bankbot_core::has_padded_phrase(&f, w));
    state.cash_only
        && !names_other
        && f.split_whitespace().count() <= MAX_FOLLOW_UP_WORDS
        && state.pending.is_none()
        && s.date_from.is_some()
        && s.merchant.is_none()
        && s.category.is_none()
        && s.amount_min.is_none()
        && s.amount_max.is_none()
        && s.location.is_none()
        && parsed.confidence < crate::dispatch::CUED_FOLLOW_UP
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn cash_taken_out_over_a_period() {
        for said in [
            "combien j'ai retiré ce mois",
            "mes retraits du mois",
            "le cash que j'ai retiré ce mois",
            "jai retiré cb en liquide cette semaine",
            "mes retraits d'espèces en octobre",
            "le cash que j ai retiré en octobre",
            "how much cash did i withdraw this month",
            "my atm withdrawals last week",
            "how much cash have i taken out since payday",
        ] {
            assert!(asks(said), "{said}");
        }
    }

    #[test]
    fn a_period_alone_continues_the_withdrawals() {
        use bankbot_core::{IntentId, IntentMatch, Lang, Slots};
        let state = crate::DialogState {
            cash_only: true,
            ..crate::DialogState::default()
        };
        let dated = |text: &str| {
            let parsed = IntentMatch {
                intent: IntentId::SpendingSummary,
                confidence: 0.6,
                lang: Lang::Fr,
                slots: Slots {
                    date_from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1),
                    date_to: chrono::NaiveDate::from_ymd_opt(2026, 10, 31),
                    ..Slots::default()
                },
                written_out: None,
            };
            super::continues(&state, text, &parsed)
        };
        assert!(dated("et le mois dernier ?"));
        assert!(dated("and in october"));
        assert!(!dated("mes opérations du mois dernier"));
        assert!(!dated("combien j'ai dépensé en octobre"));
    }

    #[test]
    fn where_limits_last_and_disputed_withdrawals_are_elsewhere() {
        for said in [
            "où retirer du liquide",
            "quel est mon plafond de retrait",
            "mon dernier retrait",
            "when was my last withdrawal",
            "atm near me",
            "je n'ai jamais fait ce retrait",
            "someone withdrew money from my account",
            "combien j'ai dépensé ce mois",
            "j'ai sorti ma carte",
        ] {
            assert!(!asks(said), "{said}");
        }
    }
}
