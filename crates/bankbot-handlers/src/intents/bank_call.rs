//! "un monsieur m'a appelé de la banque", "j'ai reçu un appel de ma banque", "got a call from
//! my bank's fraud team": a call or message said to come from the bank, told without a
//! question. Not a request for a person: a warning (the bank never asks for codes nor to
//! move money; give nothing), then the offer to lock the card in case something was given.

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Being contacted, each padded and folded.
const CONTACTED: &[&str] = &[
    " m'a appele ",
    " ma appele ",
    " m'ont appele ",
    " mont appele ",
    " recu un appel ",
    " eu un appel ",
    " called me ",
    " rang me ",
    " phoned me ",
    " got a call ",
    " had a call ",
    " received a call ",
    " got a phone call ",
];

/// Said to come from the bank, each padded and folded.
const FROM_BANK: &[&str] = &[
    " de la banque ",
    " de ma banque ",
    " de votre banque ",
    " service fraude ",
    " from the bank ",
    " from my bank ",
    " from your bank ",
    " fraud team ",
    " fraud department ",
    " conseiller ",
    " conseillere ",
    " pour securiser ",
    " advisor ",
    " adviser ",
    " to secure my account ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// True when `text` tells of a call said to come from the bank.
pub(crate) fn told(text: &str) -> bool {
    let f = fold(text);
    has(&f, CONTACTED) && has(&f, FROM_BANK)
}

/// Be careful: what the bank never asks; then the offer to lock the card.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(bankbot_core::IntentId::ReportFraud);
    state.more = None;
    if ctx.services.capabilities.cards {
        crate::intents::fraud::lock_offer(ctx, state, Msg::BankCallWarning);
    } else {
        ctx.say(Msg::BankCallWarning);
    }
}

#[cfg(test)]
mod tests {
    use super::told;

    #[test]
    fn calls_said_to_come_from_the_bank() {
        for t in [
            "un monsieur m'a appelé de la banque",
            "j'ai reçu un appel d'un monsieur de la banque",
            "got a call from my bank's fraud team",
            "someone called me from the bank",
            "un conseiller m'a appelé pour sécuriser mon compte",
        ] {
            assert!(told(t), "{t}");
        }
        for t in [
            "je veux appeler la banque",
            "can the bank call me",
            "parler à un conseiller",
        ] {
            assert!(!told(t), "{t}");
        }
    }
}
