//! "how much do i have left after that?", « j'ai combien qui reste ? », « after the facture,
//! il me reste combien ? » right after payments were shown: the balance of their account
//! now, which those payments are already out of — not the month's spending nor a search
//! for bills. What is left after a rent still to come is [`crate::intents::after_rent`].

use bankbot_core::{AccountKind, IntentId};

use crate::ctx::Ctx;
use crate::cues::{Ask, fold};
use crate::{DialogState, HandlerError, Listed};

/// Words asking what is left (folded, apostrophes as spaces, padded).
const LEFT: &[&str] = &[
    " left ",
    " leftover ",
    " remaining ",
    " remains ",
    " reste ",
    " restant ",
    " rest of my money ",
    " still have ",
    " still got ",
    " encore combien ",
];

/// Words asking for an amount (folded, apostrophes as spaces, padded).
const HOW_MUCH: &[&str] = &[
    " how much ",
    " hw much ",
    " what s ",
    " whats ",
    " wats ",
    " what is ",
    " do i have ",
    " have i got ",
    " combien ",
    " me reste ",
    " qui reste ",
    " il reste ",
    " quoi ",
];

/// Words that ask about spending instead.
const SPENDING: &[&str] = &[" spent ", " spend ", " spending ", " depense", " budget "];

/// True when `text` asks what is left of the money.
pub(crate) fn asks(text: &str) -> bool {
    let f = format!(" {} ", fold(text).replace('\'', " "));
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(LEFT) && has(HOW_MUCH) && !has(SPENDING) && !crate::intents::after_rent::asked(text)
}

/// The balance of the account `named` ("il me reste de la thune sur le livret ?"), else of
/// the account the `listed` payments came from (all accounts when they came from several or
/// it is not found).
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    listed: &[Listed],
    named: Option<AccountKind>,
) -> Result<(), HandlerError> {
    let Some(credential) = ctx.customer else {
        return Ok(());
    };
    let mut ids = listed.iter().filter_map(|l| match l {
        Listed::Transaction { account, .. } => Some(account),
        Listed::Atm { .. } => None,
    });
    let first = ids.next();
    let one = first.filter(|f| ids.all(|a| a == *f));
    let kind: Option<AccountKind> = match one.filter(|_| named.is_none()) {
        Some(id) => ctx
            .services
            .bank
            .accounts(credential)
            .await?
            .into_iter()
            .find(|a| &a.id == id)
            .map(|a| a.kind),
        None => named,
    };
    state.pending = None;
    state.turn_intent = Some(IntentId::Balance);
    crate::intents::balance::handle(ctx, credential, kind, Ask::Plain, "").await
}
