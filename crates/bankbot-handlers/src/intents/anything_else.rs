//! "pas autre chose en octobre ?", "rien d'autre ?", "anything else in october?" after a
//! listing or total narrowed to a merchant or category (the rent): the other operations of
//! that period, or a plain "no, nothing else" when there are none.

use bankbot_bank::CustomerCredential;
use bankbot_core::{IntentId, Slots};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::transactions::{self, MAX_COUNT};
use crate::{DialogState, HandlerError};

/// Ways of asking for other operations than those named, padded.
const ELSE: &[&str] = &[
    " autre chose ",
    " rien d'autre ",
    " rien d autre ",
    " rien dautre ",
    " pas d'autre ",
    " pas d autre ",
    " d'autres ",
    " autres operations ",
    " autres paiements ",
    " autres depenses ",
    " autres prelevements ",
    " anything else ",
    " something else ",
    " any other ",
    " other than ",
    " besides ",
    " apart from ",
    " aside from ",
    " a part ca ",
    " autres que ",
    " autre que ",
    " others ",
    " other payments ",
    " other transactions ",
];

/// Words of money coming in ("d'autres dépôts que ma paye", "any other deposits"), padded.
const MONEY_IN: &[&str] = &[
    " depot ",
    " depots ",
    " entree ",
    " entrees ",
    " rentree ",
    " rentrees ",
    " recu ",
    " recus ",
    " revenu ",
    " revenus ",
    " versement ",
    " versements ",
    " virements recus ",
    " argent recu ",
    " credits ",
    " deposit ",
    " deposits ",
    " money in ",
    " money coming in ",
    " incoming ",
    " income ",
    " payments in ",
];

/// True when `text` asks for other money in than some named ("any other deposits apart
/// from my pay?"): never a spending total with something left out.
pub(crate) fn asks_other_money_in(text: &str) -> bool {
    let f = fold(text);
    ELSE.iter().any(|w| f.contains(w)) && MONEY_IN.iter().any(|w| f.contains(w))
}

/// True when `text` asks for other operations than a merchant or category, named in it
/// ("le loyer c'est tout ? pas autre chose ?") or in the last answer (`state`).
pub(crate) fn asks(text: &str, state: &DialogState, named: &Slots) -> bool {
    let after_data = matches!(
        state.last_intent,
        Some(IntentId::Transactions | IntentId::SpendingSummary)
    );
    let narrowed = named.category.is_some()
        || named.merchant.is_some()
        || (after_data
            && (state.last_slots.category.is_some() || state.last_slots.merchant.is_some()));
    let f = fold(text);
    narrowed && text.contains('?') && ELSE.iter().any(|w| f.contains(w))
}

/// The operations of the period (the one named, else the last answer's) outside the last
/// answer's merchant or category.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    named: &Slots,
    text: &str,
) -> Result<(), HandlerError> {
    let f = fold(text);
    let money_in = MONEY_IN.iter().any(|w| f.contains(w));
    let today = ctx.services.clock.today();
    let (from, to) = if named.date_from.is_some() || named.date_to.is_some() {
        (named.date_from, named.date_to)
    } else {
        (state.last_slots.date_from, state.last_slots.date_to)
    };
    // What was named: this message's merchant or category, else the last answer's.
    let filter = if named.category.is_some() || named.merchant.is_some() {
        named
    } else {
        &state.last_slots
    };
    let before = Slots {
        date_from: from,
        date_to: to,
        account_type: state.last_slots.account_type,
        merchant: filter.merchant.clone(),
        category: filter.category,
        ..Slots::default()
    };
    let all = Slots {
        date_from: from,
        date_to: to,
        account_type: state.last_slots.account_type,
        ..Slots::default()
    };
    let Some((all_query, _)) = transactions::build_query(ctx, credential, &all, today).await?
    else {
        return Ok(());
    };
    let Some((shown_query, _)) = transactions::build_query(ctx, credential, &before, today).await?
    else {
        return Ok(());
    };
    let (every, _) =
        transactions::collect(ctx, credential, all_query.clone(), MAX_COUNT, 0).await?;
    let (shown, _) = transactions::collect(ctx, credential, shown_query, MAX_COUNT, 0).await?;
    ctx.audit("transactions");
    let others: Vec<_> = every
        .into_iter()
        .filter(|t| !shown.iter().any(|s| s.id == t.id))
        // « d'autres dépôts que ma paye » : money in only.
        .filter(|t| !money_in || t.amount.amount > rust_decimal::Decimal::ZERO)
        .collect();
    state.turn_intent = Some(IntentId::Transactions);
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = all;
    let range = all_query
        .range
        .map(|r| crate::format::range(r, today, ctx.lang))
        .unwrap_or_default();
    if others.is_empty() {
        ctx.say(if money_in {
            Msg::OtherMoneyIn {
                n: 0,
                range: &range,
            }
        } else {
            Msg::NothingElse(&range)
        });
        return Ok(());
    }
    let n = others.len();
    let header = ctx.t(if money_in {
        Msg::OtherMoneyIn { n, range: &range }
    } else {
        Msg::AlsoThese { n, range: &range }
    });
    transactions::send_list(ctx, state, header, &others, None);
    Ok(())
}
