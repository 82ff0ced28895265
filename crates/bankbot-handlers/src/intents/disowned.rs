//! A payment just shown, disowned in everyday words: "wasnt me", "i never bought that", "I
//! ain't took no Uber", "no way that was me", « c'est pas moi ça », « jamais acheté ça »,
//! « j'ai pas pris le train moi ». The fraud path names the payment (when one was shown),
//! keeps its account as the one whose card to lock, and offers the lock; "neither one of
//! them is me go ahead and lock that card" is the order to lock that card at once.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{DateRange, IntentId};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::{fraud, lock_order};
use crate::{DialogState, HandlerError, Listed};

/// Ways of disowning a payment that the short list of
/// [`crate::intents::named_charge::disowns`] misses, folded and padded.
const DISOWNS: &[&str] = &[
    " ain't me ",
    " aint me ",
    " ain't mine ",
    " aint mine ",
    " ain't took ",
    " aint took ",
    " ain't buy",
    " aint buy",
    " ain't order",
    " aint order",
    " ain't make ",
    " aint make ",
    " ain't pay",
    " aint pay",
    " ain't go ",
    " aint go ",
    " ain't do ",
    " aint do ",
    " not mine ",
    " isn't mine ",
    " isnt mine ",
    " is not me ",
    " is not mine ",
    " no way that was me ",
    " no way it was me ",
    " as if that was me ",
    " as if i ",
    " someone else ",
    " somebody else ",
    " no idea what that ",
    " no idea what this ",
    " neither one of them is me ",
    " none of them is me ",
    " none of those ",
    " neither of them ",
    " c'est pas moi ",
    " c pas moi ",
    " pas a moi ",
    " pas le mien ",
    " pas la mienne ",
    " pas pris ",
    " pas achete ",
    " pas commande ",
    " pas paye ",
    " pas fait ca ",
    " pas fait cet ",
    " pas fait ce ",
    " rien achete ",
    " rien commande ",
    " rien pris ",
    " connais pas ",
];

/// True when `text` says a payment shown is not the customer's.
pub(crate) fn says(text: &str) -> bool {
    let f = fold(text);
    crate::intents::named_charge::disowns(text) || DISOWNS.iter().any(|w| f.contains(w))
}

/// The fraud path for the payments `shown` just before: the one payment named, its card
/// the one to lock (locked at once when the message orders it), the lock offered.
pub(crate) async fn report(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    shown: Vec<Listed>,
    text: &str,
) -> Result<(), HandlerError> {
    state.turn_intent = Some(IntentId::ReportFraud);
    state.more = None;
    let account = shared_account(&shown);
    let kind = account_kind(ctx, credential, account.as_ref()).await?;
    if fraud::already_locked(ctx, credential, kind).await? {
        state.pending = None;
        return Ok(());
    }
    if lock_order::agrees(text) || lock_order::requests(text) {
        state.last_intent = Some(IntentId::CardLock);
        state.disputed_account = account;
        let kind = fraud::disputed_card(ctx, state, credential).await?;
        return lock_order::lock_now(ctx, state, credential, kind).await;
    }
    let named = match shown.as_slice() {
        [one] => payment_text(ctx, credential, one).await?,
        _ => None,
    };
    let provided = &ctx.services.capabilities;
    match named {
        Some(payment) if provided.cards && provided.fraud_reporting => {
            let reach = ctx.reach();
            fraud::lock_offer(ctx, state, Msg::FraudDisowned(&payment, reach));
        }
        _ => fraud::handle(ctx, state),
    }
    state.disputed_account = account;
    state.listed = shown;
    // "what happens now?", "will i get it back?" next are about this report.
    state.last_intent = Some(IntentId::ReportFraud);
    Ok(())
}

/// The account of the payments shown when they are all on one (the two Uber rides: the
/// Visa's); payments on several accounts point at none: the customer is asked which card.
fn shared_account(shown: &[Listed]) -> Option<bankbot_core::AccountId> {
    let mut accounts = shown.iter().map(|l| match l {
        Listed::Transaction { account, .. } => Some(account),
        Listed::Atm { .. } => None,
    });
    let first = accounts.next()??;
    accounts.all(|a| a == Some(first)).then(|| first.clone())
}

/// The account kind of `account`, to check its cards only.
async fn account_kind(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    account: Option<&bankbot_core::AccountId>,
) -> Result<Option<bankbot_core::AccountKind>, HandlerError> {
    let Some(account) = account else {
        return Ok(None);
    };
    let accounts = ctx.services.bank.accounts(credential).await?;
    Ok(accounts.iter().find(|a| &a.id == account).map(|a| a.kind))
}

/// True when the one payment shown is money in (a salary, a refund): "bizarre… et celui
/// de ce mois" after the pay is no disowned payment (blind round 15b called the salary a
/// payment "not yours" and offered a lock).
pub(crate) async fn shown_money_in(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    shown: &[Listed],
) -> Result<bool, HandlerError> {
    let [one] = shown else {
        return Ok(false);
    };
    Ok(shown_transaction(ctx, credential, one)
        .await?
        .is_some_and(|tx| !tx.amount.is_negative() && !tx.amount.amount.is_zero()))
}

/// The transaction `shown` stands for, read again from the bank.
async fn shown_transaction(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    shown: &Listed,
) -> Result<Option<bankbot_core::Transaction>, HandlerError> {
    let Listed::Transaction { account, id, day } = shown else {
        return Ok(None);
    };
    let query = TransactionQuery {
        account: Some(account.clone()),
        range: DateRange::new(*day, *day).ok(),
        limit: 100,
        ..TransactionQuery::default()
    };
    let page = ctx.services.bank.transactions(credential, &query).await?;
    Ok(page.transactions.into_iter().find(|t| &t.id == id))
}

/// "the payment of $23.50 at Uber on Dec 6" for the payment `shown`, if the bank has it.
async fn payment_text(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    shown: &Listed,
) -> Result<Option<String>, HandlerError> {
    let Some(tx) = shown_transaction(ctx, credential, shown).await? else {
        return Ok(None);
    };
    let today = ctx.services.clock.today();
    let date = crate::format::date(tx.booking_date, today, ctx.lang);
    let amount = tx.amount.abs().format(ctx.lang);
    Ok(Some(ctx.t(Msg::PaymentNamed {
        amount: &amount,
        who: tx.counterparty(),
        date: &date,
    })))
}

#[cfg(test)]
mod tests {
    use super::says;

    #[test]
    fn disowning_words() {
        for s in [
            "wasnt me",
            "i never bought that",
            "I ain't took no Uber",
            "no way that was me",
            "neither one of them is me go ahead and lock that card",
            "c'est pas moi ça",
            "jamais acheté ça",
            "c'est quoi ce SNCF… j'ai pas pris le train moi",
            "that's not mine",
        ] {
            assert!(says(s), "{s}");
        }
        for s in ["ok thanks", "c'est moi", "that was me", "show me more"] {
            assert!(!says(s), "{s}");
        }
    }
}
