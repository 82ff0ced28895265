//! Whether a message names an alert ("tell me when", "notify me", "préviens-moi"): without
//! such words, "payments over $1000" asks for payments, not for a large-payment alert.

use crate::cues::fold;

const WORDS: &[&str] = &[
    " alert ",
    " alerts ",
    " notify ",
    " notified ",
    " notification ",
    " notifications ",
    " notifs ",
    " tell me when ",
    " tell me if ",
    " let me know ",
    " text me ",
    " message me ",
    " ping me ",
    " warn ",
    " warning ",
    " remind ",
    " heads up ",
    " alerte ",
    " alertes ",
    " previens ",
    " prevenir ",
    " prevenez ",
    " avertir ",
    " avertis ",
    " notif ",
    " signale moi ",
    " dis moi quand ",
];

/// True when `text` names an alert or a notification.
pub(crate) fn named(text: &str) -> bool {
    let f = fold(text);
    WORDS.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::named;

    #[test]
    fn alerts_are_named() {
        assert!(named("alert me when a big payment goes out"));
        assert!(named("préviens-moi si mon solde est bas"));
        assert!(!named("payments over $1000"));
    }
}
