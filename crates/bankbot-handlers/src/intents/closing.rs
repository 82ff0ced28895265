//! "that's all", "nothing else", "i'm good", "no that's it thanks": the customer closes
//! the conversation. Answered with a goodbye, never "Anything else?" again. English; the
//! French wishes are [`crate::intents::farewell_wish`]'s.

use crate::cues::fold;
use bankbot_core::has_padded_phrase;

/// Closing phrases, each folded.
const CLOSING: &[&str] = &[
    "that's all",
    "thats all",
    "that is all",
    "that's it",
    "thats it",
    "that is it",
    "that'll be all",
    "thatll be all",
    "that will be all",
    "that's everything",
    "thats everything",
    "nothing else",
    "nothing more",
    "nothing further",
    "no more questions",
    "no further questions",
    "i'm good",
    "im good",
    "i am good",
    "i'm fine",
    "im fine",
    "i'm all set",
    "im all set",
    "all set",
    "all good",
    "i'm done",
    "im done",
    "i am done",
    "we're done",
    "were done",
    "i'm ok",
    "im ok",
    "all done",
    "no need",
    "not today",
    "nope",
    "nah",
    // "k thx gotta run", "ok thanks gtg": leaving now.
    "gotta run",
    "gotta go",
    "gotta dash",
    "got to go",
    "got to run",
    "have to go",
    "i have to go",
    "i gotta go",
    "i got to go",
    "need to go",
    "i need to go",
    "must go",
    "i must go",
    "gtg",
    "g2g",
    "im off",
    "i'm off",
    "heading out",
    // "fine whatever", "ok forget about it then": given up, nothing more asked.
    "whatever",
    "whatevs",
    "fine then",
    "ok fine",
    "forget about it",
    "never mind then",
];

/// Words that may come with the closing ("no that's all thanks").
const AROUND: &[&str] = &[
    "no", "nope", "nah", "ok", "okay", "thanks", "thank", "you", "thx", "ty", "cheers", "for",
    "now", "today", "then", "so", "that's", "thats", "great", "perfect", "cool", "bye", "goodbye",
    "i", "think", "really", "all", "much", "very", "lol", "the", "help", "and", "well", "sir",
    "for", "your", "it", "was", "helpful", "buddy", "mate", "just", "dear", "k", "kk", "alright",
    "right", "madam", "oh", "yes", "yeah", "yep", "fine", "ugh", "meh", "useless",
];

/// "is that normal", "how come", « c'est normal ? »: a short question asked back, which the
/// engine may read as a goodbye (no farewell word, no closing phrase).
pub(crate) fn asks_back(text: &str) -> bool {
    const ASKS: &[&str] = &[
        " why ",
        " y ",
        " how come ",
        " how so ",
        " how is that ",
        " hows that ",
        " how's that ",
        " is that ",
        " is this ",
        " is it ",
        " isnt that ",
        " isn't that ",
        " thats normal ",
        " that's normal ",
        " normal ",
        " pourquoi ",
        " comment ca ",
        " c'est normal ",
        " cest normal ",
        " c normal ",
        " est ce normal ",
    ];
    let f = fold(text);
    let w: Vec<&str> = f.split_whitespace().collect();
    let farewell = w.iter().any(|x| crate::casual::is_farewell(x));
    let asks = ASKS.iter().any(|p| f.starts_with(p));
    asks && w.len() <= 5 && !farewell && !closes(text)
}

/// True when `text` closes the conversation: a closing phrase, with nothing asked.
pub(crate) fn closes(text: &str) -> bool {
    if text.contains('?') {
        return false;
    }
    let f = fold(text);
    let Some(found) = CLOSING
        .iter()
        .filter(|p| has_padded_phrase(&f, p))
        .max_by_key(|p| p.len())
    else {
        return false;
    };
    // "nope"/"nah" alone answer a question; they close only with more ("nah i'm good").
    if matches!(*found, "nope" | "nah") && f.split_whitespace().count() < 2 {
        return false;
    }
    let rest = f.replacen(&format!(" {found} "), " ", 1);
    rest.split_whitespace()
        .all(|w| AROUND.contains(&w) || w.chars().all(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::closes;

    #[test]
    fn closings_close() {
        for t in [
            "that's all",
            "nothing else",
            "i'm good",
            "no that's all thanks",
            "thats it thank you",
            "nah im good",
            "all set, thanks!",
            "no thank you, that will be all",
            "Thank you dear, that will be all.",
            "k thats all",
        ] {
            assert!(closes(t), "{t}");
        }
    }

    #[test]
    fn requests_do_not() {
        for t in [
            "is that all?",
            "is that all my transactions",
            "that's all my spending?",
            "i'm good with my balance but what about savings",
            "nope",
            "nothing else on my visa",
        ] {
            assert!(!closes(t), "{t}");
        }
    }
}
