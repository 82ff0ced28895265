//! "how r u", "hows it going", "hey how are you doing today?": small talk asking after the
//! bot, answered short and friendly — not the full menu of a greeting, not the curt
//! "I only do banking". Only when the message holds nothing else (no request).

use crate::cues::fold;
use bankbot_core::has_padded_phrase;

/// Ways of asking how the bot is, each folded.
const ASKING: &[&str] = &[
    "how are you",
    "how are u",
    "how r you",
    "how r u",
    "how ru",
    "hru",
    "how you doing",
    "how u doing",
    "how ya doing",
    "how are you doing",
    "how are u doing",
    "how r u doing",
    "how you been",
    "how have you been",
    "hows it going",
    "how's it going",
    "how is it going",
    "hows it goin",
    "how's it goin",
    "how goes it",
    "how are things",
    "hows things",
    "how's things",
    "how's your day",
    "hows your day",
    "how is your day",
    "how's your day going",
    "hows your day going",
    "what's up",
    "whats up",
    "wassup",
    "wazzup",
    "sup",
    "you ok",
    "u ok",
    "you good",
    "u good",
    "ca va",
    "comment ca va",
    "comment vas tu",
    "comment allez vous",
    "tu vas bien",
    "vous allez bien",
    "on dit quoi",
    "ca dit quoi",
    "c'est comment",
    "cest comment",
    "c comment",
    "bien ou quoi",
    "bien ou bien",
    "la forme",
    "ca roule",
    "ca gaze",
    "quoi de neuf",
    "comment tu vas",
    "comment vous allez",
    "comment ca se passe",
    "ca se passe bien",
];

/// Words that may come with the question without making it a request.
const COURTESY: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "heya",
    "hiya",
    "yo",
    "there",
    "good",
    "morning",
    "afternoon",
    "evening",
    "today",
    "doing",
    "bot",
    "buddy",
    "friend",
    "dear",
    "mate",
    "then",
    "so",
    "and",
    "ok",
    "okay",
    "well",
    "oh",
    "bonjour",
    "salut",
    "coucou",
    "toi",
    "vous",
    "bien",
    "aujourd'hui",
    "this",
    "fine",
    "sir",
    "madam",
    "mon",
    "ma",
    "frere",
    "frerot",
    "frero",
    "frr",
    "soeur",
    "gars",
    "mec",
    "chef",
    "boss",
    "wesh",
    "wsh",
    "tonton",
    "tantie",
    "ami",
    "amie",
    "l'ami",
    "la",
    "le",
    "ici",
    "alors",
    "bro",
    "allo",
];

/// True when `text` only asks how the bot is (with greetings around it at most).
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let Some(found) = ASKING
        .iter()
        .filter(|p| has_padded_phrase(&f, p))
        .max_by_key(|p| p.len())
    else {
        return false;
    };
    let rest = f.replacen(&format!(" {found} "), " ", 1);
    rest.split_whitespace()
        .all(|w| COURTESY.contains(&w) || w.chars().all(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn asking_after_the_bot_is_small_talk() {
        for t in [
            "how r u",
            "hows it going",
            "hey how are you doing today?",
            "Good morning! How are you?",
            "sup",
            "hi bot, how's your day going 😊",
            "on dit quoi mon frère",
            "c'est comment",
            "c'est comment là ?",
            "bonjour tonton, ça dit quoi",
        ] {
            assert!(asks(t), "{t}");
        }
    }

    #[test]
    fn requests_are_not() {
        for t in [
            "whats up with my account",
            "how are my savings doing",
            "hi how are you, what's my balance",
            "c'est comment mon compte là, il reste combien",
            "how much did i spend",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
