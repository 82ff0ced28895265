//! "there's a direct debit on my account i don't recognise", « un prélèvement de 950 balles
//! que je reconnais pas »: no card payment, so a card lock won't stop it; how it is
//! disputed (blind round 15a offered only the card lock of the fraud reply). A merchant
//! named (« un prélèvement carrefour ») is a payment to look up, as a fraud report does.

use bankbot_core::IntentId;

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// A direct debit, padded.
const DIRECT_DEBIT: &[&str] = &[
    " direct debit ",
    " direct debits ",
    " debit order ",
    " prelevement ",
    " prelevements ",
    " prlv ",
    " domiciliation ",
    " domiciliations ",
];

/// Not known to the customer, padded.
const UNKNOWN: &[&str] = &[
    " don't recognise ",
    " dont recognise ",
    " don't recognize ",
    " dont recognize ",
    " do not recognise ",
    " do not recognize ",
    " never set up ",
    " never signed ",
    " never authorised ",
    " never authorized ",
    " didn't set up ",
    " didnt set up ",
    " didn't authorise ",
    " didn't authorize ",
    " unauthorised ",
    " unauthorized ",
    " unknown ",
    " not mine ",
    " isn't mine ",
    " fraud ",
    " scam ",
    " reconnais pas ",
    " reconnait pas ",
    " connais pas ",
    " inconnu ",
    " inconnue ",
    " jamais autorise ",
    " jamais signe ",
    " pas a moi ",
    " pas moi ",
    " fraude ",
    " arnaque ",
];

/// True when `text` tells of a direct debit the customer does not know.
pub(crate) fn told(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(DIRECT_DEBIT) && has(UNKNOWN)
}

/// No card lock stops it; check its name; how the bank disputes it; the card lock still
/// offered, in case it was a card payment after all (« prélèvement » is said of both).
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(IntentId::ReportFraud);
    state.pending = None;
    state.more = None;
    let transactions = vec![ctx.intent_choice(Msg::LabelTransactions, IntentId::Transactions)];
    let text = ctx.t(Msg::DirectDebitDisowned(ctx.contact()));
    crate::intents::fraud::say_with_lock_choice(ctx, state, text, transactions, Vec::new());
}

#[cfg(test)]
mod tests {
    use super::told;

    #[test]
    fn direct_debit_not_known() {
        for t in [
            "there's a direct debit on my account i don't recognise",
            "y'all took a direct debit out i never set up, who's that",
            "oh fada j'ai un prelevement de 950 balles que je reconnais pas c quoi ce bordel",
            "il y a une domiciliation sur mon compte que je ne connais pas",
        ] {
            assert!(told(t), "{t}");
        }
        for t in [
            "when is my next direct debit",
            "i don't recognise a payment on my card",
            "c'est quoi un prélèvement",
        ] {
            assert!(!told(t), "{t}");
        }
    }
}
