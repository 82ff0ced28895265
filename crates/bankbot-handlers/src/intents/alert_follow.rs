//! What is said right after an alert turn is about the alerts: an amount ("under 100
//! dollars", « en dessous de 50 € », « a partir de 100 balles ») is the alert's threshold,
//! never a search of payments; another kind named ("and big payments too", « et aussi pour
//! les gros paiements au-dessus de 500 euros ») is that alert, never a spending search.
//! The threshold is the bank's setting (the consent has no amount): the answer says so and
//! how to change it, and leaves the alert as it is. Yes and no to an open question are the
//! dispatcher's, not this file's.

use bankbot_core::{AlertKind, IntentId};

use super::alerts::{self, Command};
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::{DialogState, Pending};

/// Words that make the message ask for payments rather than say something of the alert.
const ASKS_DATA: &[&str] = &[
    // "what's my balance" after the menu: the balance, not the balance alert.
    "whats",
    "what s",
    "what is",
    "my balance",
    "my balances",
    "mon solde",
    "mes soldes",
    "check",
    "show",
    "list",
    "see",
    "what were",
    "what was",
    "how much",
    "how many",
    "did i",
    "have i",
    "spent",
    "montre",
    "affiche",
    "voir",
    "combien",
    "quels",
    "quelles",
    "quel",
    "quelle",
    "j'ai depense",
    "ai je",
];

/// Words that ask about the alert's amount.
const THRESHOLD_ASKED: &[&str] = &[
    "change the amount",
    "change the threshold",
    "change the limit",
    "set the amount",
    "set the threshold",
    "set the limit",
    "choose the amount",
    "pick the amount",
    "what amount",
    "which amount",
    "threshold",
    "seuil",
    "changer le montant",
    "change le montant",
    "changer la somme",
    "modifie le montant",
    "modifier le montant",
    "choisir le montant",
    "quel montant",
    "regler le montant",
];

/// Words that say "the same, for this kind too".
const ALSO: &[&str] = &[
    "also",
    "too",
    "as well",
    "same",
    "aussi",
    "pareil",
    "meme chose",
    "idem",
    "egalement",
];

/// Which way an amount bounds the alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Below,
    Above,
    Unsaid,
}

/// Answers `text` as the alert's follow-up when the last turn was about alerts; false
/// when it is something else.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState, text: &str) -> bool {
    let open = matches!(
        state.pending,
        Some(Pending::AlertSwitch { .. } | Pending::AlertUndo { .. })
    );
    let after_alerts =
        state.last_intent == Some(IntentId::ManageAlerts) && (open || state.pending.is_none());
    if !after_alerts || ctx.customer.is_none() {
        return false;
    }
    // "no i meant low balance" right after deposits were switched on: the kind corrected.
    if super::alert_correction::answer(ctx, state, text) {
        return true;
    }
    // "low balance" typed after the menu: its toggle.
    if state.pending.is_none() && alerts::typed_toggle(ctx, state, text, true) {
        state.turn_intent = Some(IntentId::ManageAlerts);
        return true;
    }
    // "cancel the low balance one": an off order, though "cancel" alone is a no.
    if crate::words::yes_no(text) == Some(false) && super::alert_short::off_order(ctx, state, text)
    {
        state.turn_intent = Some(IntentId::ManageAlerts);
        state.last_intent = Some(IntentId::ManageAlerts);
        return true;
    }
    // "yes", "non", "undo": the open question's.
    if crate::words::yes_no(text).is_some() || alerts::takes_back(text) {
        return false;
    }
    let f = crate::cues::fold(text);
    let has = |words: &[&str]| words.iter().any(|w| f.contains(&format!(" {w} ")));
    // "actually i dont want the deposit texts anymore": a switch in alert words is the
    // alerts', before a deposit machine or a payment search reads it.
    if crate::alert_words::named(text)
        && matches!(alerts::parse(text), Command::Set(..) | Command::AllOff)
    {
        state.turn_intent = Some(IntentId::ManageAlerts);
        state.last_intent = Some(IntentId::ManageAlerts);
        alerts::handle(ctx, state, text);
        return true;
    }
    let last_kind = match state.pending {
        Some(Pending::AlertSwitch { alert, .. } | Pending::AlertUndo { alert, .. }) => Some(alert),
        _ => None,
    };
    // "how do i change the amount", « c'est quoi le seuil »: the bank's setting.
    if has(THRESHOLD_ASKED) {
        let kind = alerts::kind_beyond_bounds(text)
            .or(last_kind)
            .unwrap_or(AlertKind::BalanceLow);
        state.turn_intent = Some(IntentId::ManageAlerts);
        state.last_intent = Some(IntentId::ManageAlerts);
        ctx.say(Msg::AlertThresholdNotHere(kind));
        return true;
    }
    // "kill all of them", « coupe tout »: every alert off, asked first.
    if alerts::parse(text) == Command::AllOff && f.split_whitespace().count() <= 6 {
        state.turn_intent = Some(IntentId::ManageAlerts);
        state.last_intent = Some(IntentId::ManageAlerts);
        alerts::handle(ctx, state, text);
        return true;
    }
    // "whats on now", "what counts as low", "cancel the low balance one".
    if super::alert_short::answer(ctx, state, text) {
        state.turn_intent = Some(IntentId::ManageAlerts);
        state.last_intent = Some(IntentId::ManageAlerts);
        return true;
    }
    if has(ASKS_DATA) || crate::alert_words::named(text) {
        return false;
    }
    let last = match state.pending {
        Some(Pending::AlertSwitch { alert, .. }) => Some((alert, None)),
        // The switch just made: "also X" makes the same switch.
        Some(Pending::AlertUndo { alert, on }) => Some((alert, Some(!on))),
        _ => None,
    };
    let command = alerts::parse(text);
    let words = f.split_whitespace().count();
    match command {
        // « et aussi pour les gros paiements au-dessus de 500 euros », "big payments too".
        Command::Offer(kind) | Command::Set(kind, _)
            if words <= 14 && alerts::kind_beyond_bounds(text).is_some() =>
        {
            let also = has(ALSO) || f.starts_with(" and ") || f.starts_with(" et ");
            state.turn_intent = Some(IntentId::ManageAlerts);
            state.last_intent = Some(IntentId::ManageAlerts);
            match (command, last) {
                (Command::Offer(_), Some((_, Some(on)))) if also => {
                    threshold_note(ctx, kind, text);
                    alerts::set(ctx, state, kind, on);
                }
                (Command::Offer(_), None) if also => {
                    threshold_note(ctx, kind, text);
                    alerts::set(ctx, state, kind, true);
                }
                _ => alerts::handle(ctx, state, text),
            }
            true
        }
        // "under 100 dollars", « en dessous de 50 € »: the threshold of the alert at hand.
        Command::List | Command::Offer(_) | Command::Set(..) if words <= 10 => {
            let Some(bound) = bound(&f) else {
                return false;
            };
            let kind = match (last, bound) {
                // "below 50" after big payments: the low balance's threshold.
                (Some((AlertKind::LargeTransaction, _)), Bound::Below) => AlertKind::BalanceLow,
                (Some((AlertKind::BalanceLow, _)), Bound::Above) => AlertKind::LargeTransaction,
                (Some((k, _)), _) => k,
                (None, Bound::Below) => AlertKind::BalanceLow,
                (None, Bound::Above) => AlertKind::LargeTransaction,
                (None, Bound::Unsaid) => return false,
            };
            state.turn_intent = Some(IntentId::ManageAlerts);
            state.last_intent = Some(IntentId::ManageAlerts);
            ctx.say(Msg::AlertThresholdNotHere(kind));
            let on = ctx.alerts.is_on(kind);
            if on {
                ctx.say(Msg::AlertStays(kind));
            } else {
                // Offered, never switched: a yes next switches it on.
                let choices = ctx.yes_no();
                ctx.ask(Msg::AlertOffer(kind, false), choices);
                state.pending = Some(Pending::AlertSwitch {
                    alert: kind,
                    on: true,
                    also: None,
                });
            }
            true
        }
        _ => false,
    }
}

/// "over 500" said with a kind that has a threshold: the bank's setting, said plainly.
fn threshold_note(ctx: &mut Ctx<'_>, kind: AlertKind, text: &str) {
    if matches!(kind, AlertKind::BalanceLow | AlertKind::LargeTransaction)
        && text.chars().any(|c| c.is_ascii_digit())
    {
        ctx.say(Msg::AlertThresholdNotHere(kind));
    }
}

/// The way an amount in `f` (folded, padded) bounds an alert; `None` without an amount.
fn bound(f: &str) -> Option<Bound> {
    if !f.chars().any(|c| c.is_ascii_digit()) && !has_number_word(f) {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| f.contains(&format!(" {w} ")));
    Some(
        if has(&[
            "under",
            "below",
            "less",
            "lower",
            "drops",
            "drop",
            "falls",
            "fall",
            "goes",
            "gets",
            "sous",
            "dessous",
            "moins",
            "inferieur",
            "baisse",
            "descend",
            "tombe",
            "passe",
        ]) {
            Bound::Below
        } else if has(&[
            "over",
            "above",
            "more",
            "bigger",
            "larger",
            "exceeds",
            "plus",
            "dessus",
            "depasse",
            "superieur",
        ]) {
            Bound::Above
        } else {
            Bound::Unsaid
        },
    )
}

/// "a hundred", « cent balles »: an amount in words.
fn has_number_word(f: &str) -> bool {
    [
        " hundred ",
        " thousand ",
        " grand ",
        " cent ",
        " cents ",
        " mille ",
        " fifty ",
        " cinquante ",
        " twenty ",
        " vingt ",
    ]
    .iter()
    .any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::fold;

    #[test]
    fn amounts_bound_the_alert() {
        assert_eq!(bound(&fold("under 100 dollars")), Some(Bound::Below));
        assert_eq!(bound(&fold("when it drops below 200")), Some(Bound::Below));
        assert_eq!(bound(&fold("en dessous de 50 €")), Some(Bound::Below));
        assert_eq!(bound(&fold("a partir de 100 balles")), Some(Bound::Unsaid));
        assert_eq!(bound(&fold("over 500")), Some(Bound::Above));
        assert_eq!(bound(&fold("ok thanks")), None);
    }
}
