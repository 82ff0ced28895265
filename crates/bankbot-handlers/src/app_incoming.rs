//! "did the venmo come in", "any zelle from mike", "cashapp payment landed?": money
//! arriving through a payment app. These name an app that can also *send* money, so the
//! transfer can't-do must not take them: they ask about money in, which the bot shows.

use crate::cues::fold;
use bankbot_core::has_padded_phrase;

/// Payment apps whose name alone would read as a transfer request.
const APPS: &[&str] = &[
    "venmo",
    "zelle",
    "cashapp",
    "cash app",
    "paypal",
    "apple cash",
    "google pay",
];

/// Words saying the money arrived (or asking whether it did).
const ARRIVED: &[&str] = &[
    "come in",
    "came in",
    "comes in",
    "coming in",
    "come thru",
    "come through",
    "came through",
    "came thru",
    "gone through",
    "went through",
    "landed",
    "land",
    "arrived",
    "arrive",
    "arriving",
    "received",
    "receive",
    "recieved",
    "get",
    "got",
    "gotten",
    "hit",
    "posted",
    "show up",
    "showed up",
    "deposited",
    "in yet",
    "incoming",
];

/// True when the message asks whether money came in through a payment app, or from
/// someone through one ("any zelle from mike").
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    if !has(APPS) {
        return false;
    }
    // "send mike 20 on venmo", "venmo 50 to sarah": a payment out stays a transfer.
    if has(&["send", "sending", "pay", "to"]) {
        return false;
    }
    has(ARRIVED) || has(&["from"])
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn reads_money_arriving_through_an_app() {
        for text in [
            "did the venmo come in",
            "any zelle from mike",
            "cashapp payment landed?",
            "has the zelle arrived yet",
            "did i get the venmo",
            "paypal from sarah come thru?",
            "cash app money hit my account?",
            "venmo received?",
        ] {
            assert!(asked(text), "{text}");
        }
    }

    #[test]
    fn leaves_payments_out_as_transfers() {
        for text in [
            "send 20 to mike on venmo",
            "venmo 50 to sarah",
            "can i pay with zelle",
            "zelle",
        ] {
            assert!(!asked(text), "{text}");
        }
    }
}
