//! « j'ai pas répondu », "i didn't give them anything", "i hung up" just after the scam
//! warning offered a lock: nothing went to the scammer, so nothing needs locking; what to do
//! with the message (blind round 15a asked the lock again and spoke of a payment).

use crate::cues::fold;

/// Telling that nothing was given or answered, each padded and folded.
const NOTHING_GIVEN: &[&str] = &[
    " didn't answer ",
    " didnt answer ",
    " did not answer ",
    " didn't reply ",
    " didnt reply ",
    " did not reply ",
    " didn't respond ",
    " didnt respond ",
    " didn't give ",
    " didnt give ",
    " did not give ",
    " gave nothing ",
    " gave them nothing ",
    " didn't click ",
    " didnt click ",
    " never answered ",
    " never replied ",
    " i hung up ",
    " pas repondu ",
    " rien repondu ",
    " jamais repondu ",
    " pas donne ",
    " rien donne ",
    " rien dit ",
    " pas clique ",
    " ai raccroche ",
    " jai raccroche ",
];

/// True when `text` tells that nothing went to whoever asked (and asks nothing).
pub(crate) fn told(text: &str) -> bool {
    let f = fold(text);
    NOTHING_GIVEN.iter().any(|p| f.contains(p))
        && !text.contains('?')
        && !crate::intents::compromised::told_in_reply(text)
}

#[cfg(test)]
mod tests {
    use super::told;

    #[test]
    fn nothing_went_to_them() {
        for t in [
            "j'ai pas repondu",
            "non j'ai rien donné",
            "i didn't give them anything",
            "no i hung up",
            "didnt reply to it",
        ] {
            assert!(told(t), "{t}");
        }
        for t in [
            "i gave them my code",
            "j'ai donné mon code",
            "what if i didn't answer?",
            "yes lock it",
        ] {
            assert!(!told(t), "{t}");
        }
    }
}
