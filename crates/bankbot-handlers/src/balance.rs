//! `balance`: the named account's balance, else every account's; available vs current;
//! what is owed and the credit left on credit cards.

use bankbot_bank::CustomerSession;
use bankbot_core::{Account, AccountKind, Balance, IntentId, Money};
use futures::future::try_join_all;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::format::account_label;

pub(crate) async fn handle(
    ctx: &mut Ctx<'_>,
    session: &CustomerSession,
    kind: Option<AccountKind>,
) -> Result<(), HandlerError> {
    let accounts = ctx.services.bank.accounts(session).await?;
    if accounts.is_empty() {
        ctx.say(Msg::NoAccounts);
        return Ok(());
    }
    let named: Vec<&Account> = accounts
        .iter()
        .filter(|a| kind.is_none_or(|k| a.kind == k))
        .collect();
    let shown = match (kind, named.is_empty()) {
        (Some(k), true) => {
            // Say so, then show what there is rather than nothing.
            ctx.say(Msg::NoAccountOfKind(k));
            accounts.iter().collect()
        }
        _ => named,
    };
    let bank = &ctx.services.bank;
    let balances = try_join_all(shown.iter().map(|a| bank.balance(session, &a.id))).await?;
    let mut lines = Vec::with_capacity(shown.len() + 1);
    if shown.len() > 1 {
        lines.push(ctx.t(Msg::BalanceIntro));
    }
    for (account, balance) in shown.iter().zip(&balances) {
        lines.push(line(ctx, account, balance));
    }
    let choices = vec![
        ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions),
        ctx.intent_choice(Msg::LabelSpending, IntentId::SpendingSummary),
    ];
    ctx.ask_text(lines.join("\n"), choices);
    ctx.audit("balances");
    Ok(())
}

fn line(ctx: &Ctx<'_>, account: &Account, b: &Balance) -> String {
    let lang = ctx.lang;
    let label = account_label(account);
    if account.kind == AccountKind::CreditCard
        || (b.credit_limit.is_some() && b.current.is_negative())
    {
        let owed = b.owed().unwrap_or_else(|| Money::zero(b.current.currency));
        let available = b
            .available
            .or_else(|| b.credit_limit.and_then(|l| l.checked_sub(&owed).ok()));
        let (owed, available) = (owed.format(lang), available.map(|a| a.format(lang)));
        return ctx.t(Msg::BalanceCredit {
            label: &label,
            owed: &owed,
            available: available.as_deref(),
        });
    }
    if account.kind.is_liability() {
        let owed = b.owed().unwrap_or_else(|| Money::zero(b.current.currency));
        let owed = owed.format(lang);
        return ctx.t(Msg::BalanceLoan {
            label: &label,
            owed: &owed,
        });
    }
    let current = b.current.format(lang);
    let available = b
        .available
        .filter(|a| a.rounded() != b.current.rounded())
        .map(|a| a.format(lang));
    ctx.t(Msg::BalanceDeposit {
        label: &label,
        current: &current,
        available: available.as_deref(),
    })
}
