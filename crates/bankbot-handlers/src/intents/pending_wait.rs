//! "why does it take so long", "when will it clear", « quand est-ce que ça passe »,
//! « pourquoi c'est encore en attente » about a payment still pending: what pending means
//! and how long it usually takes, then the pending payments — never a goodbye. Words of
//! waiting alone ("how long", « ça passe ») count only just after the operations or the
//! balances, or with "pending" named.

use bankbot_core::IntentId;

use crate::cues::fold;

/// Words of a payment not yet through, enough on their own, padded and folded.
const STILL: &[&str] = &[
    " still pending ",
    " still processing ",
    " clear ",
    " clears ",
    " cleared ",
    " encore en attente ",
    " toujours en attente ",
    " pas encore passe ",
    " pas encore passee ",
];

/// Words of waiting, padded and folded: enough just after the operations or balances.
const WAIT: &[&str] = &[
    " so long ",
    " go through ",
    " go thru ",
    " go tru ",
    " go tro ",
    " gone through ",
    " goes through ",
    " going through ",
    " posted ",
    " post ",
    " ca passe ",
    " ca prend ",
    " si longtemps ",
    " autant de temps ",
    " combien de temps ",
    " du temps ",
];

/// Words asking why or when, padded and folded.
const ASKED: &[&str] = &[
    " why ",
    " y ",
    " when ",
    " wen ",
    " how long ",
    " pourquoi ",
    " quand ",
    " combien de temps ",
];

/// Words of "pending", padded and folded.
const PENDING: &[&str] = &[" pending ", " en attente ", " authorised ", " authorized "];

/// Words of something else that takes time: a refund, a transfer, pay, a new card.
const OTHER: &[&str] = &[
    " refund ",
    " rembourse ",
    " remboursement ",
    " transfer ",
    " virement ",
    " deposit ",
    " paycheck ",
    " salary ",
    " salaire ",
    " paie ",
    " new card ",
    " replacement ",
    " nouvelle carte ",
    " cheque ",
    " check ",
];

/// True when `text` asks why or when a pending payment goes through, `last` being the
/// intent of the answer before.
pub(crate) fn asks(text: &str, last: Option<IntentId>) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let after = matches!(last, Some(IntentId::Transactions | IntentId::Balance));
    let waiting = has(STILL) || (has(WAIT) && (after || has(PENDING)));
    waiting
        && has(ASKED)
        && !has(OTHER)
        && !f.contains(" ago ")
        && crate::intents::afford::amount(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::asks;
    use bankbot_core::IntentId;

    #[test]
    fn waiting_on_pending() {
        let after = Some(IntentId::Transactions);
        for t in [
            "why does it take so long",
            "quand est-ce que ça passe",
            "pourquoi ça prend autant de temps à passer",
        ] {
            assert!(asks(t, after), "{t}");
            assert!(!asks(t, None), "{t}");
        }
        for t in ["when will it clear", "pourquoi c'est encore en attente"] {
            assert!(asks(t, None), "{t}");
        }
        for t in [
            "when will my refund go through",
            "can i pay 300, will it go through",
            "how long does a new card take",
        ] {
            assert!(!asks(t, after), "{t}");
        }
    }
}
