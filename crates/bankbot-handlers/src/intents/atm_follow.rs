//! Follow-ups on the cash machines just listed that the engine reads as something else:
//! "nothing closer? I'm on foot", « rien de plus près ? je suis à pied » (a goodbye or the
//! balances before) — the first one listed is the nearest known, said so.

use crate::Listed;
use crate::catalog::Msg;
use crate::ctx::Ctx;

/// Ways of asking for a nearer machine, or saying the customer walks (folded, padded).
const CLOSER: &[&str] = &[
    " closer ",
    " nearer ",
    " more near ",
    " on foot ",
    " walking ",
    " walkin ",
    " by foot ",
    " plus pres ",
    " plus proche ",
    " moins loin ",
    " a pied ",
    " a pieds ",
    " a pattes ",
];

/// True when `text` asks for a cash machine nearer than those listed.
pub(crate) fn asks_closer(text: &str) -> bool {
    let f = crate::cues::fold(text);
    CLOSER.iter().any(|c| f.contains(c))
}

/// Says the first machine listed is the nearest known; false when none is listed.
pub(crate) fn answer_closer(ctx: &mut Ctx<'_>, listed: &[Listed]) -> bool {
    let Some((atm, distance)) = listed.iter().find_map(|l| match l {
        Listed::Atm { atm, distance } => Some((atm, distance)),
        _ => None,
    }) else {
        return false;
    };
    let name = crate::intents::atm::display_name(atm);
    ctx.say(Msg::AtmNothingCloser {
        name: &name,
        distance,
    });
    true
}
