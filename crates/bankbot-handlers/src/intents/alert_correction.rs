//! "no i meant low balance", « non je voulais dire solde bas », "sorry, low balance not
//! deposits" right after an alert was switched on: the kind corrected. The alert just
//! switched is put back as it was and the one meant is switched on, never asked again
//! ("Switch them on?") nor left beside the wrong one. "low balance too" keeps both (that is
//! another alert, `alert_follow`'s).

use bankbot_core::{AlertKind, IntentId};

use super::alerts::{self, Command};
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::{DialogState, Pending};

/// Words that correct what was just understood, each padded and folded.
const CORRECTS: &[&str] = &[
    " i meant ",
    " i mean ",
    " meant ",
    " i wanted ",
    " wanted the ",
    " not ",
    " instead ",
    " rather ",
    " wrong one ",
    " je voulais ",
    " je parlais ",
    " plutot ",
    " pas ",
    " au lieu ",
    " pas celle ",
];

/// Words that open a correction, each padded and folded ("nah, the big payments one").
const OPENS: &[&str] = &[
    " no ", " nah ", " nope ", " non ", " nan ", " sorry ", " oops ", " pardon ", " oups ",
];

/// Words that add the kind named beside the one just switched ("low balance too").
const ALSO: &[&str] = &[
    " too ",
    " also ",
    " as well ",
    " aussi ",
    " egalement ",
    " en plus ",
    " both ",
    " les deux ",
];

/// Words after which the kind named is the one not meant, each padded and folded.
const NOT_MEANT: &[&str] = &[
    " not ",
    " instead of ",
    " rather than ",
    " pas ",
    " au lieu ",
    " plutot que ",
];

/// The kind meant: named before "not …" / « pas … » when the wrong one follows.
fn meant(f: &str) -> Option<AlertKind> {
    let cut = NOT_MEANT
        .iter()
        .filter_map(|w| f.find(w))
        .min()
        .unwrap_or(f.len());
    alerts::kind_named(&f[..cut]).or_else(|| alerts::kind_named(f))
}

/// Switches the kind corrected when `text` corrects the alert just switched on; false when
/// it is something else.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState, text: &str) -> bool {
    let Some(Pending::AlertUndo {
        alert: just,
        on: was,
    }) = state.pending
    else {
        return false;
    };
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let opens = OPENS.iter().any(|w| f.starts_with(w));
    if was || !(opens || has(CORRECTS)) || has(ALSO) || f.split_whitespace().count() > 12 {
        return false;
    }
    if matches!(
        alerts::parse(text),
        Command::Set(_, false) | Command::AllOff
    ) {
        return false;
    }
    let Some(kind) = meant(&f).filter(|k| *k != just) else {
        return false;
    };
    state.turn_intent = Some(IntentId::ManageAlerts);
    state.last_intent = Some(IntentId::ManageAlerts);
    alerts::set_two(ctx, state, (just, was), kind, true);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_meant_comes_before_not() {
        assert_eq!(
            meant(&fold("sorry, low balance not deposits")),
            Some(AlertKind::BalanceLow)
        );
        assert_eq!(
            meant(&fold("no i meant deposits not low balance")),
            Some(AlertKind::DepositReceived)
        );
    }
}
