//! "4321 is my checking right?", « 2468, c'est bien le courant ? »: an account's last
//! digits checked against the kind the customer thinks it is. The answer says yes or no
//! with the account those digits are, then its balance. Digits of no account, or no kind
//! named with them, are not read here (the balance answers them as usual).

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, IntentId, Slots};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::{self, Ask};
use crate::intents::balance;
use crate::{DialogState, HandlerError};

/// Words that ask for a confirmation, each padded and folded ("…, right?", "is 8765 the
/// savings", « c'est bien le courant », « … hein ? »).
const CONFIRM: &[&str] = &[
    " right ",
    " correct ",
    " yeah ",
    " yea ",
    " innit ",
    " isnt it ",
    " isn't it ",
    " that's ",
    " thats ",
    " is that ",
    " is it ",
    " c'est bien ",
    " cest bien ",
    " c'est le ",
    " cest le ",
    " c'est la ",
    " cest la ",
    " c'est mon ",
    " cest mon ",
    " c'est ma ",
    " c'est l'",
    " c'est votre ",
    " bien le ",
    " bien mon ",
    " hein ",
    " n'est ce pas ",
];

/// Words of a request beside the digits ("lock 1111, the visa right?"): not a check.
const REQUEST: &[&str] = &[
    " lock ",
    " block ",
    " freeze ",
    " unlock ",
    " bloquer ",
    " bloque ",
    " debloquer ",
    " transactions ",
    " operations ",
];

/// Whether `text` checks the kind of the account whose digits it names, the kind being
/// `named` (as the engine read it).
pub(crate) fn asked(text: &str, named: Option<AccountKind>) -> bool {
    let f = cues::fold(text);
    let yes_no = f.trim_start().starts_with("is ") || f.trim_start().starts_with("est ce ");
    named.is_some()
        && !cues::last_digits(text).is_empty()
        && (yes_no || CONFIRM.iter().any(|w| f.contains(w)))
        && !REQUEST.iter().any(|w| f.contains(w))
}

/// Answers the check: yes or no with the account the digits are, then its balance. Returns
/// `false`, having said nothing, when no account ends with those digits.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    named: AccountKind,
    text: &str,
) -> Result<bool, HandlerError> {
    let digits = cues::last_digits(text);
    let accounts = ctx.services.bank.accounts(credential).await?;
    let Some(account) = accounts.iter().find(|a| {
        a.masked_number
            .as_ref()
            .is_some_and(|n| digits.iter().any(|d| d == n.digits()))
    }) else {
        return Ok(false);
    };
    let label = crate::format::account_label(account);
    ctx.say(Msg::AccountDigitsAre {
        yes: account.kind == named,
        label: &label,
    });
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::Balance);
    balance::handle(ctx, credential, None, Ask::Plain, text).await?;
    state.last_intent = Some(IntentId::Balance);
    state.last_slots = Slots {
        account_type: Some(account.kind),
        ..Slots::default()
    };
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_are_read() {
        let kind = Some(AccountKind::Checking);
        for q in [
            "4321 is my checking right?",
            "is 4321 the checking?",
            "2468, c'est bien le courant ?",
            "le 2468 c'est le courant hein ?",
        ] {
            assert!(asked(q, kind), "{q}");
        }
        for q in [
            "balance of checking 4321",
            "lock 4321, that's the checking right",
        ] {
            assert!(!asked(q, kind), "{q}");
        }
        assert!(!asked("4321 is that right?", None));
    }
}
