//! What the runtime asks of the handlers when it splits a message into requests: whether a
//! part is a request the handlers answer though the engine could not place it ("c'est quoi
//! mon plafond"), and whether two parts ask different things though the engine read them
//! alike ("my balance" and "my credit limit").

use bankbot_core::{IntentId, IntentMatch};

use crate::cues;
use crate::intents::{card_status, contact, scam};

/// True when the handlers answer `text` by a rule of their own, whatever the engine made
/// of it: something the bot cannot do, a card's state, how to reach the bank, a scam, a
/// question about the bot, a money question named by its own words ("my credit limit").
pub fn answered_by_rule(text: &str) -> bool {
    cues::refine(IntentId::Balance, text).1 != cues::Ask::Plain
        || cues::unsupported(text).is_some()
        || card_status::asks(text)
        || contact::asks(text)
        || scam::reported(text)
        || cues::asks_if_bot(text)
        || crate::intents::refund::asks(text).is_some()
}

/// True when `text` is one request whatever joins its words: "someone called from my bank
/// and asked for my card number" tells of a scam, it is not two requests; "what came in vs
/// went out" asks both figures and their difference at once; "my phone got stolen, can the
/// thief use my messenger and see my accounts" is one worry; "bloque la visa et pas la
/// débit" names the card ruled out, no second request.
pub fn one_request(text: &str) -> bool {
    crate::intents::phishing::asked(text)
        || crate::intents::net_flow::asks(text)
        || crate::intents::card_status::declined_in_places(text)
        || crate::security_situation(text)
        || crate::intents::card_ruled_out::contrasted(text)
}

/// True when two parts, read the same by the engine, still ask different things
/// ("my balance" and "my credit limit", "my transactions" and "the pending ones").
pub fn asks_differently(a: (&str, &IntentMatch), b: (&str, &IntentMatch)) -> bool {
    cues::refine(a.1.intent, a.0) != cues::refine(b.1.intent, b.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::{Lang, Slots};

    fn balance() -> IntentMatch {
        IntentMatch {
            intent: IntentId::Balance,
            confidence: 0.9,
            lang: Lang::En,
            slots: Slots::default(),
            written_out: None,
        }
    }

    #[test]
    fn rules_place_what_the_engine_could_not() {
        assert!(answered_by_rule("is my card locked?"));
        assert!(answered_by_rule("what's your phone number"));
        assert!(answered_by_rule("my credit limit"));
        assert!(!answered_by_rule("hello there"));
    }

    #[test]
    fn a_credit_limit_is_not_a_balance() {
        let b = balance();
        assert!(asks_differently(
            ("whats my balance", &b),
            ("my credit limit", &b)
        ));
        assert!(!asks_differently(("my balance", &b), ("balance pls", &b)));
    }
}
