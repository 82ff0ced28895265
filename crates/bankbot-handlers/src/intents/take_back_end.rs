//! A request taken back at the end of its own message: "tell me when my balance changes?
//! nah leave it actually", "turn on low balance alerts... nvm", « préviens-moi quand mon
//! solde change, en fait laisse tomber ». What was asked is not done (blind round 15a
//! switched the balance-update alert on).

use crate::cues::fold;

/// Phrases that take back everything before them when they close the message, each
/// padded and folded.
const TAKE_BACKS: &[&str] = &[
    " nvm ",
    " nevermind ",
    " never mind ",
    " forget it ",
    " forget that ",
    " forget about it ",
    " scratch that ",
    " cancel that ",
    " ignore that ",
    " leave it ",
    " leave that ",
    " actually no ",
    " actually not ",
    " no actually ",
    " actually dont ",
    " actually don't ",
    " don't bother ",
    " dont bother ",
    " jk ",
    " just kidding ",
    " laisse tomber ",
    " laissez tomber ",
    " laisse faire ",
    " laissez faire ",
    " oublie ca ",
    " oubliez ca ",
    " en fait non ",
    " non en fait ",
    " finalement non ",
    " non finalement ",
    " non laisse ",
    " pas la peine ",
    " c'est pas la peine ",
    " je rigole ",
];

/// Words that may trail the take-back ("nah leave it actually", « laisse faire finalement »).
const TRAILING: &[&str] = &[
    "actually",
    "then",
    "lol",
    "sorry",
    "thanks",
    "thx",
    "please",
    "pls",
    "finalement",
    "plutot",
    "merci",
    "desole",
    "pardon",
    "alors",
];

/// Words that may open the take-back ("nah leave it", « pis laisse faire », "ach forget it").
const OPENING: &[&str] = &[
    "nah", "no", "na", "nope", "ach", "och", "oh", "ah", "hmm", "wait", "naw", "non", "nan", "pis",
    "puis", "et", "and", "ou", "en", "fait", "bah", "ben",
];

/// Words that make the closing phrase the request itself, as the word just before it:
/// "can u cancel that" (the payment), "my pin i have forget it" (forgotten).
const ASKING_IT: &[&str] = &[
    "can", "u", "you", "ya", "ye", "could", "would", "will", "please", "pls", "plz", "to", "i",
    "have", "i've", "ive", "want", "wanna", "need", "je", "tu", "vous", "j'ai", "jai", "l'ai",
    "lai", "ai", "peux", "pouvez", "peut", "veux",
];

/// True when `text` asks something and then, closing the message, takes it back: the
/// whole message drops what it asked. A take-back alone ("nvm") is no request taken back.
pub(crate) fn says(text: &str) -> bool {
    let f = fold(text);
    let mut words: Vec<&str> = f.split_whitespace().collect();
    while words.last().is_some_and(|w| TRAILING.contains(w)) {
        words.pop();
    }
    let end = format!(" {} ", words.join(" "));
    let Some(at) = TAKE_BACKS
        .iter()
        .filter(|p| end.ends_with(*p))
        .map(|p| end.len() - p.len())
        .min()
    else {
        return false;
    };
    let before: Vec<&str> = end[..at]
        .split_whitespace()
        .rev()
        .skip_while(|w| OPENING.contains(w))
        .collect();
    before.len() >= 2 && !before.first().is_some_and(|w| ASKING_IT.contains(w))
}

#[cfg(test)]
mod tests {
    use super::says;

    #[test]
    fn taken_back_at_the_end() {
        for t in [
            "tell me when my balance changes? nah leave it actually",
            "turn on low balance alerts... nvm",
            "switch on deposit alerts, actually no",
            "gie us large payment alerts ach forget it",
            "préviens moi quand mon solde change, en fait laisse tomber",
            "active les alertes de depot pis laisse faire finalement",
            "active les alertes solde bas... non en fait",
        ] {
            assert!(says(t), "{t}");
        }
        for t in [
            "nvm",
            "nah leave it",
            "tell me when my balance changes",
            "never mind the savings, show checking",
            "laisse tomber la carte",
            "can u cancel that",
            "and my pin i have forget it",
        ] {
            assert!(!says(t), "{t}");
        }
    }
}
