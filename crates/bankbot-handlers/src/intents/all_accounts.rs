//! "is that all my accounts?", "c'est tous mes comptes ?" after balances: yes or no, with
//! the number of accounts listed (credit card included), never the total across the
//! deposit accounts read as a count ("your 2 accounts" under three lines).

use bankbot_bank::CustomerCredential;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Words asking whether the list is complete, each padded and folded.
const ALL: &[&str] = &[
    " is that all ",
    " is this all ",
    " are those all ",
    " are these all ",
    " is that every ",
    " thats all my ",
    " that's all my ",
    " that all my ",
    " all of my accounts ",
    " any other account",
    " any more accounts ",
    " other accounts ",
    " c'est tous ",
    " c'est tout mes ",
    " c'est bien tous ",
    " c'est tout ",
    " ce sont tous ",
    " y en a pas d'autres ",
    " pas d'autres comptes ",
    " d'autres comptes ",
    " tous mes comptes ",
];

/// Words naming accounts, each padded and folded.
const ACCOUNTS: &[&str] = &[
    " account", " accts ", " acct ", " compte", " them ", " les ",
];

/// True when `text` asks whether the accounts shown are all of them.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    ALL.iter().any(|w| f.contains(w)) && ACCOUNTS.iter().any(|w| f.contains(w))
}

/// Answers with the number of accounts linked.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
) -> Result<(), HandlerError> {
    let accounts = ctx.services.bank.accounts(credential).await?;
    ctx.audit("balances");
    let credit = accounts
        .iter()
        .any(|a| a.kind == bankbot_core::AccountKind::CreditCard);
    ctx.say(Msg::AllAccountsShown {
        n: accounts.len(),
        credit,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn asked_whether_every_account_is_shown() {
        for t in [
            "is that all my accounts?",
            "is that all of my accounts",
            "thats all my accounts??",
            "do i have any other accounts",
            "c'est tous mes comptes ?",
            "c est tous mes comptes",
            "y en a pas d'autres comptes ?",
            "c'est bien tous mes comptes",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "whats my balance",
            "in total?",
            "is that all?",
            "mes comptes",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
