//! Messages of several sentences: the sentence that asks, after sentences of context
//! ("Hello. I am 82. My daughter set this up for me. I would like to see …"), and a long
//! letter's main request.

use bankbot_core::{IntentId, IntentMatch};

use super::{Reader, is_request};

/// The last sentence that asks something ("I would like to see …", "what's my savings
/// balance", "… arrived?") and that the engine reads as a request: after sentences of
/// context, that is what the customer wants.
pub(super) fn last_asking_sentence(
    reader: Reader<'_>,
    text: &str,
) -> Option<(String, IntentMatch)> {
    const ASKING: &[&str] = &[
        "could you",
        "can you",
        "would you",
        "please",
        "i would like",
        "i'd like",
        "i want",
        "i need",
        "tell me",
        "show me",
        "what",
        "how much",
        "how many",
        "when",
        "where",
        "is there",
        "did ",
        "has ",
        "have ",
    ];
    sentences(text).rev().enumerate().find_map(|(from_end, s)| {
        let lower = s.to_lowercase();
        if !(s.ends_with('?') || ASKING.iter().any(|c| lower.contains(c))) {
            return None;
        }
        let p = reader.parse(s);
        // The closing question, even unplaced, is the one the handlers read.
        let closing = from_end == 0 && p.intent == IntentId::OutOfScope;
        (is_request(&p) || closing).then(|| (s.to_owned(), p))
    })
}

/// The sentences of `text` of two words or more, trimmed, in order.
pub(super) fn sentences(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split_inclusive(['.', '!', '?', '\n'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 2)
}

/// The sentence of a long message that asks something most: placed with confidence (not a
/// courtesy), preferring questions and polite requests.
pub(super) fn main_request(reader: Reader<'_>, text: &str) -> Option<Vec<(String, IntentMatch)>> {
    let cues = [
        "could you",
        "can you",
        "please tell",
        "i would like",
        "i'd like",
        "i want to know",
        "tell me",
        "je voudrais",
        "pourriez-vous",
        "pouvez-vous",
        "j'aimerais",
        "savoir",
    ];
    let mut best: Option<(f32, String, IntentMatch)> = None;
    for s in sentences(text) {
        let p = reader.parse(s);
        if p.intent == IntentId::OutOfScope
            || matches!(
                p.intent,
                IntentId::Greeting | IntentId::Thanks | IntentId::Goodbye
            )
        {
            continue;
        }
        let lower = s.to_lowercase();
        let mut score = p.confidence;
        if s.ends_with('?') {
            score += 0.3;
        }
        if cues.iter().any(|c| lower.contains(c)) {
            score += 0.3;
        }
        if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
            best = Some((score, s.to_owned(), p));
        }
    }
    best.map(|(_, s, p)| vec![(s, p)])
}
