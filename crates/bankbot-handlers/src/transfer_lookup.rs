//! "What was the $500 transfer for?", "whats that 500 transfer", « c'était quoi le virement
//! de 500 » : a transfer already made, looked up in the operations — not one to make.

use bankbot_bank::CustomerCredential;
use bankbot_core::{Category, IntentId, Slots};

use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::{afford, exact_amount, transactions};
use crate::{DialogState, HandlerError};

/// Words asking about a transfer already there, each padded and folded.
const PAST: &[&str] = &[
    " what was ",
    " what were ",
    " whats that ",
    " what's that ",
    " what is that ",
    " what is this ",
    " whats this ",
    " what's this ",
    " what was it ",
    " who was ",
    " why was ",
    " why did ",
    " when did ",
    " where did ",
    " where is that ",
    " was it for ",
    " was that for ",
    " c'etait quoi ",
    " c etait quoi ",
    " cetait quoi ",
    " c'est quoi ce ",
    " c'est quoi cette ",
    " c'est quoi le ",
    " c est quoi le ",
    " c est quoi ce ",
    " quel etait ",
    " d'ou vient ",
    " a quoi correspond ",
    " correspond a quoi ",
];

/// Words naming a transfer, each padded and folded.
const TRANSFER: &[&str] = &[
    " transfer ",
    " transfers ",
    " transfert ",
    " virement ",
    " virements ",
    " wire ",
];

/// Questions of what or where from, asked after the transfer is named (« le virement de
/// 2450 c'est quoi », "that 2450 transfer, what is it"), each padded and folded.
const WHAT_AFTER: &[&str] = &[
    " c'est quoi ",
    " c est quoi ",
    " cest quoi ",
    " c quoi ",
    " c koi ",
    " c'est koi ",
    " cest koi ",
    " quoi ca ",
    " ca vient d'ou ",
    " ca vient d ou ",
    " vient d'ou ",
    " ca sort d'ou ",
    " sort d'ou ",
    " ca correspond a quoi ",
    " c'est qui ",
    " what is it ",
    " whats it ",
    " what's it ",
    " what is that ",
    " what's that ",
    " whats that ",
    " where from ",
    " where's it from ",
    " who from ",
    " from who ",
];

/// Words that order a transfer (« faites un virement de 50 c'est quoi la marche »).
const ORDER: &[&str] = &[
    " faire ",
    " fais ",
    " faites ",
    " envoie ",
    " envoyer ",
    " envoyez ",
    " peux ",
    " pouvez ",
    " send ",
    " make ",
    " can i ",
    " can you ",
    " how do i ",
    " comment ",
];

/// True when `text` asks what a transfer already made was.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    // "le virement de 2450 c'est quoi": an amount or a "this" names one transfer, and the
    // question comes after it.
    let one_named = f.chars().any(|c| c.is_ascii_digit())
        || has(&[
            " ce virement ",
            " cette ",
            " le virement de ",
            " that ",
            " this ",
        ]);
    has(TRANSFER) && (has(PAST) || (one_named && has(WHAT_AFTER) && !has(ORDER)))
}

/// Shows the transfers of the amount named (else the transfers of the period asked, or the
/// latest ones).
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    parsed: &Slots,
    text: &str,
) -> Result<(), HandlerError> {
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::Transactions);
    let joined = exact_amount::join_spaced_thousands(text);
    let amount = exact_amount::asked(&joined)
        .or_else(|| afford::amount(&joined))
        .or_else(|| exact_amount::bare_amount(text));
    let slots = match amount {
        Some(amount) => {
            let (min, max) = exact_amount::bounds(text, amount);
            let slots = exact_amount::slots(parsed, min, max);
            exact_amount::other_dates(ctx, credential, slots).await?
        }
        None => Slots {
            category: Some(Category::Transfer),
            date_from: parsed.date_from,
            date_to: parsed.date_to,
            ..Slots::default()
        },
    };
    transactions::handle(
        ctx,
        state,
        credential,
        &slots,
        crate::cues::Ask::Plain,
        false,
    )
    .await?;
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = slots;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn transfer_looked_up() {
        for t in [
            "What was the $500 transfer for?",
            "whats that 500 transfer",
            "c'était quoi le virement de 500 ?",
            "le virement de 2450 c'est quoi",
            "ce virement de 2450 ça vient d'où",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "transfer 500 to savings",
            "can i make a transfer",
            "faire un virement",
            "c'est quoi un virement",
            "comment faire un virement de 50, c'est quoi la marche",
        ] {
            assert!(!asked(t), "{t}");
        }
    }
}
