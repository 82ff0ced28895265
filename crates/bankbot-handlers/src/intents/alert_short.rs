//! Short follow-ups in the customer's words right after the alerts were shown or switched:
//! "whats on now", « lesquelles sont activées » (the kinds on now); "what counts as low",
//! "how big is big" (the threshold is the bank's setting); "cancel the low balance one",
//! "ditch the deposit one" (that kind switched as said). Never a "didn't get that".

use bankbot_core::AlertKind;

use super::alerts::{self, Command};
use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// The most words such a follow-up takes.
const MAX_WORDS: usize = 9;

/// Words that open a condition rather than a question, padded and folded ("when my balance
/// is low", « quand mon solde est bas »).
const CONDITION: &[&str] = &[
    " when ",
    " if ",
    " quand ",
    " lorsque ",
    " si ",
    " des que ",
];

/// Words that ask something, padded and folded.
const ASKING: &[&str] = &[
    " what ",
    " whats ",
    " what's ",
    " wat ",
    " wats ",
    " which ",
    " wich ",
    " how ",
    " when ",
    " whe ",
    " quelles ",
    " quelle ",
    " lesquelles ",
    " laquelle ",
    " quoi ",
    " qu'est ",
    " combien ",
    " quand ",
    " c'est quoi ",
    " means ",
    " mean ",
    " counts ",
];

/// A state of being on, padded and folded.
const ON_STATE: &[&str] = &[
    " on ",
    " active ",
    " activated ",
    " enabled ",
    " running ",
    " switched on ",
    " turned on ",
    " activees ",
    " activee ",
    " actives ",
    " active ",
    " allumees ",
    " en marche ",
    " en route ",
];

/// Words of an order to switch, which a state question has not ("turn on the deposit one").
const ORDER: &[&str] = &[
    " turn ",
    " switch ",
    " put ",
    " set ",
    " enable ",
    " activate ",
    " active la ",
    " active les ",
    " mets ",
    " allume ",
    " coupe ",
];

/// Words of a threshold kind, with the kind.
const THRESHOLD_KIND: &[(&str, AlertKind)] = &[
    (" low ", AlertKind::BalanceLow),
    (" bas ", AlertKind::BalanceLow),
    (" basse ", AlertKind::BalanceLow),
    (" big ", AlertKind::LargeTransaction),
    (" large ", AlertKind::LargeTransaction),
    (" huge ", AlertKind::LargeTransaction),
    (" gros ", AlertKind::LargeTransaction),
    (" grosse ", AlertKind::LargeTransaction),
    (" important ", AlertKind::LargeTransaction),
];

/// Everyday ways of dropping one of the alerts ("ditch the deposit one").
const DROP: &[&str] = &[
    " drop ", " ditch ", " scrap ", " nix ", " bin ", " axe ", " vire ", " virez ", " degage ",
    " oublie ",
];

/// Words that turn an order down ("no don't cancel the low balance one").
const NEGATED: &[&str] = &[
    " not ", " don't ", " dont ", " no ", " never ", " nah ", " pas ", " jamais ", " leave ",
    " keep ", " laisse ", " garde ",
];

/// "cancel the low balance one", "stop the deposit one": an off order whose first word also
/// reads as a no, with a kind named and nothing turning it down; that kind is switched off.
/// True when it was one.
pub(crate) fn off_order(ctx: &mut Ctx<'_>, state: &mut DialogState, text: &str) -> bool {
    let f = fold(text);
    if f.split_whitespace().count() > MAX_WORDS || NEGATED.iter().any(|w| f.contains(w)) {
        return false;
    }
    let Command::Set(kind, false) = alerts::parse(text) else {
        return false;
    };
    alerts::set(ctx, state, kind, false);
    true
}

/// Answers `text` when it is such a follow-up; false otherwise.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState, text: &str) -> bool {
    let f = fold(text);
    if f.split_whitespace().count() > MAX_WORDS {
        return false;
    }
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let command = alerts::parse(text);
    // "cancel the low balance one", "ditch the deposit one": that kind, as said.
    if let Command::Set(kind, on) = command {
        alerts::set(ctx, state, kind, on);
        return true;
    }
    if let Command::Offer(kind) = command
        && has(DROP)
    {
        alerts::set(ctx, state, kind, false);
        return true;
    }
    // "et quand mon solde est bas" after "préviens-moi quand je reçois de l'argent": a
    // condition naming another alert, offered (never "what counts as low").
    if let Command::Offer(_) = command
        && CONDITION.iter().any(|w| f.starts_with(w))
    {
        alerts::handle(ctx, state, text);
        return true;
    }
    if !has(ASKING) {
        return false;
    }
    // "what counts as low", « c'est quoi un gros paiement »: the bank's setting.
    if let Some((_, kind)) = THRESHOLD_KIND.iter().find(|(w, _)| f.contains(w)) {
        ctx.say(Msg::AlertThresholdNotHere(*kind));
        return true;
    }
    // "whats on now", « lesquelles sont activées »: the kinds on now ("which alerts are
    // on" names the alerts: their full list, as before).
    if has(ON_STATE) && !has(ORDER) && !crate::alert_words::named(text) {
        let on: Vec<AlertKind> = AlertKind::ALL
            .iter()
            .copied()
            .filter(|k| ctx.alerts.is_on(*k))
            .collect();
        ctx.say(Msg::AlertsOnNow(&on));
        return true;
    }
    false
}
