//! A fraud worry with a period: "someone took money at the ATM since yesterday ??", "qqn a
//! retiré de l'argent avec ma carte depuis hier", "did somebody use my card this week". The
//! money that went out over that period is shown first (cash withdrawals at the top when
//! the customer speaks of cash, and said plainly when there is none), then the offer to
//! lock the card and how to report what is not theirs: the customer sees at once whether
//! anything was taken, rather than a sympathy text that looked at nothing.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{IntentId, IntentMatch, Slots, Transaction};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format;
use crate::intents::{fraud, transactions};
use crate::{DialogState, HandlerError};

/// Someone else at work, each padded and folded.
const SOMEONE: &[&str] = &[
    " someone ",
    " somebody ",
    " some one ",
    " sum1 ",
    " smn ",
    " anyone ",
    " anybody ",
    " a stranger ",
    " not me ",
    " wasnt me ",
    " wasn't me ",
    " hacked ",
    " quelqu'un ",
    " quelquun ",
    " qqn ",
    " qq1 ",
    " qlq1 ",
    " qlqn ",
    " quelqu un ",
    " pas moi ",
    " c'est pas moi ",
    " piratee ",
    " pirate ",
];

/// Words of cash taken out, each padded and folded.
const CASH: &[&str] = &[
    " atm ",
    " atms ",
    " cash ",
    " withdrew ",
    " withdrawn ",
    " withdrawal ",
    " withdrawals ",
    " withdraw ",
    " cash machine ",
    " retire ",
    " retiree ",
    " retires ",
    " retrait ",
    " retraits ",
    " distributeur ",
    " dab ",
    " liquide ",
    " especes ",
];

/// Words a withdrawal carries in the bank's description, each padded and folded.
const WITHDRAWAL_LINE: &[&str] = &[
    " atm ",
    " withdrawal ",
    " cash ",
    " retrait ",
    " dab ",
    " gab ",
];

/// True when `text` fears someone else took money over a period it names.
pub(crate) fn asks(text: &str, parsed: &IntentMatch) -> bool {
    if parsed.slots.date_from.is_none() || parsed.slots.merchant.is_some() {
        return false;
    }
    let f = fold(text);
    parsed.intent == IntentId::ReportFraud || SOMEONE.iter().any(|w| f.contains(w))
}

/// True when `text` speaks of cash taken out.
fn names_cash(text: &str) -> bool {
    let f = fold(text);
    CASH.iter().any(|w| f.contains(w))
}

fn is_withdrawal(tx: &Transaction) -> bool {
    let line = fold(&format!("{} {}", tx.description, tx.counterparty()));
    WITHDRAWAL_LINE.iter().any(|w| line.contains(w))
}

/// The money out over the period `slots` name (withdrawals first), then the offer.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    slots: &Slots,
    text: &str,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let slots = Slots {
        date_from: slots.date_from,
        date_to: slots.date_to,
        account_type: slots.account_type,
        ..Slots::default()
    };
    state.turn_intent = Some(IntentId::ReportFraud);
    state.pending = None;
    let range = transactions::slot_range(&slots, today);
    let query = TransactionQuery {
        range,
        ..TransactionQuery::default()
    };
    let (mut items, _) =
        transactions::collect(ctx, credential, query, transactions::MAX_COUNT, 0).await?;
    ctx.audit("transactions");
    items.retain(|t| t.amount.is_negative());
    // Withdrawals first, each group newest first as the bank lists them.
    items.sort_by_key(|t| !is_withdrawal(t));
    let range_text = range.map(|r| format::range(r, today, ctx.lang));
    let range_text = range_text.as_deref().unwrap_or_default();
    let mut lines = Vec::new();
    if names_cash(text) && !items.iter().any(is_withdrawal) {
        lines.push(ctx.t(Msg::FraudNoWithdrawal(range_text)));
    }
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = slots.clone();
    if items.is_empty() {
        lines.push(ctx.t(Msg::FraudNothingOut(range_text)));
        ctx.reply(bankbot_core::Reply::text(lines.join("\n")));
        state.more = None;
    } else {
        lines.push(ctx.t(Msg::FraudOutHeader(range_text)));
        transactions::send_list(ctx, state, lines.join("\n"), &items, None);
    }
    if !fraud::already_locked(ctx, credential, slots.account_type).await? {
        fraud::review_offer(ctx, state);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cash_words() {
        for t in [
            "someone took money at the ATM since yesterday ??",
            "qqn a retiré de l'argent avec ma carte depuis hier",
            "cash withdrawn this week not me",
        ] {
            assert!(names_cash(t), "{t}");
        }
        assert!(!names_cash("someone used my card since monday"));
    }
}
