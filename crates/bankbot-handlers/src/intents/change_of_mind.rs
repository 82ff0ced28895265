//! A no taken back at once: "lock my debit card" → "no wait dont" → "ok actually yes do
//! it" (blind round 14a: the card stayed unlocked), « non » → « en fait si vas-y »,
//! « finalement oui ». Only the turn right after the no, only with words that turn round
//! ("actually", "on second thought", « finalement », « en fait si ») and a yes or a lock
//! order: a plain "ok" after the no acknowledges it and locks nothing.

use crate::Pending;
use crate::cues::fold;
use crate::intents::lock_order;
use crate::words;

/// Words that turn a decision round, folded and padded.
const TURNS_ROUND: &[&str] = &[
    " actually ",
    " on second thought ",
    " on second thoughts ",
    " second thoughts ",
    " changed my mind ",
    " change my mind ",
    " after all ",
    " you know what ",
    " thinking about it ",
    " on reflection ",
    " finalement ",
    " en fait ",
    " tout compte fait ",
    " reflexion faite ",
    " apres reflexion ",
    " apres tout ",
    " j'ai change d'avis ",
    " jai change d'avis ",
    " change d'avis ",
    " tu sais quoi ",
    " mais si ",
    " si si ",
];

/// True when a turned-down `pending` may be taken back: a lock or an alert switch (an erase
/// or an unlink is asked again instead, never done on a change of mind).
pub(crate) fn undoable(pending: &Pending) -> bool {
    matches!(
        pending,
        Pending::CardLockConfirm { .. }
            | Pending::CardLockConfirmAll { .. }
            | Pending::LockOffer
            | Pending::AlertSwitch { .. }
    )
}

/// True when `text` takes the no just given back: words that turn round and a yes or a lock
/// order, nothing turned down again.
pub(crate) fn reconsiders(text: &str) -> bool {
    let f = fold(text);
    let turns_round = TURNS_ROUND.iter().any(|w| f.contains(w)) || opens_with_si(&f);
    let agrees = match words::yes_no(text) {
        Some(true) => true,
        Some(false) => false,
        None => lock_order::agrees(text) || lock_order::requests(text),
    };
    turns_round && agrees && !lock_order::requests_unlock(text)
}

/// French « si » opening the answer: the yes that contradicts a no ("si, vas-y").
fn opens_with_si(f: &str) -> bool {
    f.starts_with(" si ") && f.split_whitespace().count() <= 4
}
