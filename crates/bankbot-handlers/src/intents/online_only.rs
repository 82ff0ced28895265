//! "oi can u stop me visa bein used online only, not in shops", « bloquer ma carte seulement
//! pour les achats en ligne »: online use alone can't be switched off here; the whole card
//! can be locked, and where online use is managed (blind round 15a gave the fraud reply, and
//! a lock of the whole card as if that was asked).

use bankbot_core::IntentId;

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Online use, padded.
const ONLINE: &[&str] = &[
    " online ",
    " on line ",
    " internet ",
    " on the net ",
    " e commerce ",
    " ecommerce ",
    " en ligne ",
    " sur le net ",
    " sur internet ",
];

/// Switching a use off, padded.
const SWITCH_OFF: &[&str] = &[
    " block ",
    " stop ",
    " disable ",
    " turn off ",
    " switch off ",
    " lock ",
    " freeze ",
    " deactivate ",
    " prevent ",
    " restrict ",
    " bloquer ",
    " bloque ",
    " bloquez ",
    " desactiver ",
    " desactive ",
    " desactivez ",
    " couper ",
    " coupe ",
    " coupez ",
    " empecher ",
    " interdire ",
    " limiter ",
    " suspendre ",
];

/// A payment disowned or a card gone: a fraud report or a lock, not a setting, padded.
const TROUBLE: &[&str] = &[
    " someone ",
    " somebody ",
    " not me ",
    " wasn't me ",
    " wasnt me ",
    " didn't ",
    " didnt ",
    " recognise ",
    " recognize ",
    " fraud ",
    " hacked ",
    " weird ",
    " strange ",
    " suspicious ",
    " unknown ",
    " stolen ",
    " lost ",
    " quelqu'un ",
    " quelquun ",
    " pas moi ",
    " reconnais ",
    " fraude ",
    " pirate ",
    " bizarre ",
    " louche ",
    " inconnu ",
    " vole ",
    " volee ",
    " perdu ",
    " perdue ",
];

/// True when `text` asks online use of a card switched off (and tells of no trouble).
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    has(ONLINE) && has(SWITCH_OFF) && !has(TROUBLE)
}

/// Not here; the whole card offered; where online use is managed.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(IntentId::CardLock);
    state.more = None;
    let text = ctx.t(Msg::OnlineOnly(ctx.contact()));
    crate::intents::fraud::say_with_lock_choice(ctx, state, text, Vec::new(), Vec::new());
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn online_use_switched_off() {
        for t in [
            "oi can u stop me visa bein used online only, not in shops",
            "can I block internet purchases on my debit card but keep it working in stores?",
            "je veux bloquer ma carte seulement pour les achats en ligne",
            "c possible de desactiver les paiements sur internet",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "someone used my card online, block it",
            "lock my card",
            "weird online payment, freeze my card",
            "can i pay online with my visa",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
