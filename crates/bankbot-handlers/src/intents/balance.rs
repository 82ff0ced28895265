//! `balance`: the named account's balance, else every account's; available vs current;
//! what is owed and the credit left on credit cards.

use bankbot_bank::CustomerCredential;
use bankbot_core::{Account, AccountKind, Balance, IntentId, Money};
use futures::future::try_join_all;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::{self, Ask};
use crate::format::account_label;

pub(crate) async fn handle(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
    ask: Ask,
    text: &str,
) -> Result<(), HandlerError> {
    let accounts = ctx.services.bank.accounts(credential).await?;
    if accounts.is_empty() {
        ctx.say(Msg::NoAccounts);
        return Ok(());
    }
    // An account named by its last digits ("ending 8765", "et le 2468 ?") wins.
    let digits = cues::last_digits(text);
    let by_digits: Vec<&Account> = accounts
        .iter()
        .filter(|a| {
            a.masked_number
                .as_ref()
                .is_some_and(|n| digits.iter().any(|d| d == n.digits()))
        })
        .collect();
    // « combien il reste sur ma visa » when the Visa is a debit card: that account's balance.
    let kind = match ask {
        Ask::Credit if kind.is_none_or(|k| k == AccountKind::CreditCard) => {
            Some(AccountKind::CreditCard)
        }
        _ => kind,
    };
    match ask {
        Ask::Overdrawn => return overdrawn(ctx, credential, &accounts, kind).await,
        Ask::Total if by_digits.is_empty() => return total(ctx, credential, &accounts).await,
        _ => {}
    }
    // "et le 9999 ?": no account ends so; said before the accounts there are.
    if by_digits.is_empty()
        && let Some(missing) = ending_asked(text, &digits)
    {
        ctx.say(Msg::NoAccountEnding(missing));
    }
    // "amex?" with only a Visa: no such card, said before what there is (with no credit
    // card at all, the answer already says so).
    if accounts.iter().any(|a| a.kind == AccountKind::CreditCard)
        && let Some(brand) = crate::intents::card_brand::missing(text, &accounts)
    {
        ctx.say(Msg::NoCardBrand(brand));
    }
    let named: Vec<&Account> = if by_digits.is_empty() {
        accounts
            .iter()
            .filter(|a| kind.is_none_or(|k| a.kind == k))
            .collect()
    } else {
        by_digits
    };
    let shown = match (kind, named.is_empty()) {
        (Some(k), true) => {
            // Say so, then show what there is rather than nothing.
            ctx.no_account_of_kind(k);
            accounts.iter().collect()
        }
        _ => named,
    };
    let bank = &ctx.services.bank;
    let balances = try_join_all(shown.iter().map(|a| bank.balance(credential, &a.id))).await?;
    let mut lines = Vec::with_capacity(shown.len() + 1);
    if shown.len() > 1 {
        lines.push(ctx.t(Msg::BalanceIntro));
    }
    for (account, balance) in shown.iter().zip(&balances) {
        // Without a credit card, the other accounts are shown as usual.
        lines.push(
            if ask == Ask::Credit && account.kind == AccountKind::CreditCard {
                credit_line(ctx, account, balance)
            } else {
                line(ctx, account, balance)
            },
        );
    }
    let choices = vec![
        ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions),
        ctx.intent_choice(Msg::LabelSpending, IntentId::SpendingSummary),
    ];
    ctx.ask_text(lines.join("\n"), choices);
    ctx.audit("balances");
    Ok(())
}

/// Words that say the digits are an account's last ones, each padded and folded.
const ENDING: &[&str] = &[
    " ending ",
    " ends ",
    " ending in ",
    " last digits ",
    " last 4 ",
    " termine ",
    " terminant ",
    " finit ",
    " finissant ",
    " numero ",
    " number ",
];

/// The digits of an account asked for by its ending ("the one ending 9999", "et le 9999 ?")
/// — in so many words, or as a short message that is little more than them (never a year
/// in a longer sentence).
fn ending_asked<'d>(text: &str, digits: &'d [String]) -> Option<&'d str> {
    let first = digits.first()?;
    let f = cues::fold(text);
    let cued = ENDING.iter().any(|w| f.contains(w)) || text.contains('•');
    let short = text.split_whitespace().count() <= 4;
    (cued || short).then_some(first.as_str())
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

/// "Am I in the red?": yes or no first, then the accounts it is about.
async fn overdrawn(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    accounts: &[Account],
    kind: Option<AccountKind>,
) -> Result<(), HandlerError> {
    let deposits: Vec<&Account> = accounts
        .iter()
        .filter(|a| !a.kind.is_liability() && a.kind != AccountKind::CreditCard)
        .filter(|a| kind.is_none_or(|k| a.kind == k))
        .collect();
    let bank = &ctx.services.bank;
    let balances = try_join_all(deposits.iter().map(|a| bank.balance(credential, &a.id))).await?;
    ctx.audit("balances");
    let lang = ctx.lang;
    let mut lines = Vec::new();
    for (account, b) in deposits.iter().zip(&balances) {
        if b.current.is_negative() {
            let label = account_label(account);
            let amount = b.current.abs().format(lang);
            lines.push(ctx.t(Msg::BalanceOverdrawn {
                label: &label,
                amount: &amount,
            }));
        }
    }
    if lines.is_empty() {
        lines.push(ctx.t(Msg::BalanceNotOverdrawn));
        for (account, b) in deposits.iter().zip(&balances) {
            lines.push(line(ctx, account, b));
        }
    }
    let choices = vec![ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions)];
    ctx.ask_text(lines.join("\n"), choices);
    Ok(())
}

/// "How much do I have in total?": the sum of what the customer holds, per currency, and
/// what they owe.
async fn total(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    accounts: &[Account],
) -> Result<(), HandlerError> {
    let bank = &ctx.services.bank;
    let balances = try_join_all(accounts.iter().map(|a| bank.balance(credential, &a.id))).await?;
    ctx.audit("balances");
    let lang = ctx.lang;
    let mut held: std::collections::BTreeMap<bankbot_core::Currency, Money> = Default::default();
    let mut owed: std::collections::BTreeMap<bankbot_core::Currency, Money> = Default::default();
    let mut n = 0;
    for (account, b) in accounts.iter().zip(&balances) {
        let liability = account.kind.is_liability() || account.kind == AccountKind::CreditCard;
        let (map, amount) = if liability {
            let o = b.owed().unwrap_or_else(|| Money::zero(b.current.currency));
            (&mut owed, o)
        } else {
            n += 1;
            (&mut held, b.current)
        };
        let entry = map
            .entry(amount.currency)
            .or_insert_with(|| Money::zero(amount.currency));
        *entry = entry.checked_add(&amount)?;
    }
    let join = |m: &std::collections::BTreeMap<_, Money>| {
        m.values()
            .map(|v| v.format(lang))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let mut lines = vec![ctx.t(Msg::BalanceTotal {
        total: &join(&held),
        n,
    })];
    if owed.values().any(|m| !m.amount.is_zero()) {
        lines.push(ctx.t(Msg::BalanceTotalOwed(&join(&owed))));
    }
    for (account, b) in accounts.iter().zip(&balances) {
        lines.push(line(ctx, account, b));
    }
    let choices = vec![ctx.intent_choice(Msg::LabelSpending, IntentId::SpendingSummary)];
    ctx.ask_text(lines.join("\n"), choices);
    Ok(())
}

/// A credit card with what is left to spend and its limit.
fn credit_line(ctx: &Ctx<'_>, account: &Account, b: &Balance) -> String {
    let lang = ctx.lang;
    let owed = b.owed().unwrap_or_else(|| Money::zero(b.current.currency));
    let available = b
        .available
        .or_else(|| b.credit_limit.and_then(|l| l.checked_sub(&owed).ok()));
    let Some(available) = available else {
        return line(ctx, account, b);
    };
    let label = account_label(account);
    let limit = b.credit_limit.map(|l| l.format(lang));
    ctx.t(Msg::BalanceCreditLimit {
        label: &label,
        available: &available.format(lang),
        limit: limit.as_deref(),
        owed: &owed.format(lang),
    })
}
