//! A courtesy before the request: a greeting or acknowledgement ("morning! how's my
//! checking looking", "ok cool. what about fuel"), thanks ("thanks! and my savings?") or a
//! first sentence of thanks. The request after it is read on its own; thanks are answered
//! too, first.

use bankbot_core::{IntentId, IntentMatch};

use super::{PART_CONFIDENCE, Reader, is_request};

/// "thanks! and my savings?", "je vous remercie. Pourriez-vous m'indiquer mon livret A ?":
/// thanks, then a request of its own — both are answered, the thanks first.
pub(super) fn after_thanks(reader: Reader<'_>, text: &str) -> Option<Vec<(String, IntentMatch)>> {
    const THANKS: &[&str] = &[
        "thank you so much",
        "thank you very much",
        "thank you",
        "thanks a lot",
        "thanks so much",
        "thanks",
        "thank u",
        "thanx",
        "thnx",
        "thx",
        "ty",
        "cheers",
        "merci beaucoup",
        "merci bien",
        "merci",
        "je vous remercie",
        "je te remercie",
        "mercii",
    ];
    let (opening, rest) = split_opening(text, THANKS)?;
    // "thanks bro, …", "merci mon ami. …": the words up to the first punctuation are thanks.
    let (extra, rest) = match rest.find([',', '.', '!', ';']) {
        Some(i) if rest[..i].split_whitespace().count() <= 2 => (&rest[..=i], &rest[i + 1..]),
        _ => ("", rest),
    };
    let rest = after_connector(rest.trim_start_matches(|c: char| !c.is_alphanumeric()));
    if rest.split_whitespace().count() < 2 || bankbot_handlers::courtesy_only(rest) {
        return None;
    }
    let mut parsed = reader.parse(rest);
    // « merci, et celle d'avant ? », "cheers, and the one before that?": a pointer back is
    // a request of its own too, read from the context (never the engine's guess of thanks).
    let points_back = !is_request(&parsed) && bankbot_handlers::points_back(rest);
    if points_back {
        parsed.intent = IntentId::OutOfScope;
    }
    let placed = is_request(&parsed) || asks_question(rest, &parsed) || points_back;
    let thanks = format!("{opening}{extra}");
    let mut thanks_match = reader.parse(&thanks);
    thanks_match.intent = IntentId::Thanks;
    placed.then(|| vec![(thanks, thanks_match), (rest.to_owned(), parsed)])
}

/// "That is very helpful. Could you show me the last few things I bought?": a first
/// sentence of thanks, then a request — both answered, the thanks first. "Thank you, you
/// have been most helpful. Goodbye.": the goodbye closes.
pub(super) fn after_courtesy_sentence(
    reader: Reader<'_>,
    text: &str,
) -> Option<Vec<(String, IntentMatch)>> {
    let end = text.find(['.', '!', '?'])?;
    let (first, rest) = (text.get(..=end)?.trim(), text.get(end + 1..)?.trim());
    let rest = after_connector(rest.trim_start_matches(|c: char| !c.is_alphanumeric()));
    if rest.is_empty() || first.is_empty() {
        return None;
    }
    let mut courtesy = reader.parse(first);
    if courtesy.intent != IntentId::Thanks {
        return None;
    }
    let parsed = reader.parse(rest);
    if parsed.intent == IntentId::Goodbye && parsed.confidence >= PART_CONFIDENCE {
        return Some(vec![(rest.to_owned(), parsed)]);
    }
    if bankbot_handlers::courtesy_only(rest)
        || (!is_request(&parsed) && !asks_question(rest, &parsed))
    {
        return None;
    }
    courtesy.intent = IntentId::Thanks;
    Some(vec![
        (first.to_owned(), courtesy),
        (rest.to_owned(), parsed),
    ])
}

/// The opening phrase of `text` from `phrases` (whole words), and what follows it.
fn split_opening<'t>(text: &'t str, phrases: &[&str]) -> Option<(&'t str, &'t str)> {
    let lower = text.to_lowercase();
    let trimmed = lower.trim_start();
    let lead = lower.len() - trimmed.len();
    let phrase = phrases.iter().find(|p| {
        trimmed.starts_with(*p)
            && trimmed[p.len()..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_alphanumeric())
    })?;
    let end = lead + phrase.len();
    Some((text.get(..end)?, text.get(end..)?))
}

/// "morning! how's my checking looking", "salut, il me reste combien ?": a greeting that
/// opens a request is not the request.
pub(super) fn after_greeting(reader: Reader<'_>, text: &str) -> Option<(String, IntentMatch)> {
    const GREETINGS: &[&str] = &[
        "good morning",
        "good afternoon",
        "good evening",
        "morning",
        "hi there",
        "hello there",
        "hey there",
        "hi",
        "hey",
        "hello",
        "hiya",
        "yo",
        "bonjour",
        "bonsoir",
        "salut",
        "coucou",
        "allo",
        "allô",
        "hola",
        "howdy",
        "hiya there",
        "hey hey",
        "hello hello",
        "evening",
        "afternoon",
        "bonjour bonjour",
        "rebonjour",
        "re bonjour",
        "yo yo",
    ];
    // "k and coffee", "ok cool. what about fuel", "d'accord et en octobre ?": an
    // acknowledgement that opens a follow-up is not the follow-up.
    const ACKS: &[&str] = &[
        "ok cool", "ok great", "ok so", "ok then", "oh ok", "ah ok", "okay", "okey", "ok", "kk",
        "k", "cool", "alright", "great", "nice", "right", "hmm", "hm", "wow", "d'accord", "dac",
        "bon", "ah bon",
    ];
    let (rest, least) = match split_opening(text, GREETINGS) {
        Some((_, rest)) => (rest, 2),
        None => (split_opening(text, ACKS)?.1, 1),
    };
    let rest = after_connector(rest.trim_start_matches(|c: char| !c.is_alphanumeric()));
    if rest.split_whitespace().count() < least {
        return None;
    }
    let parsed = reader.parse(rest);
    // "Hello again. I spoke to you yesterday about my savings.": a returning customer's
    // greeting, read whole, unless a request follows it.
    let returning = parsed.intent == IntentId::OutOfScope && bankbot_handlers::greets_back(text);
    let placed = (is_request(&parsed) || asks_question(rest, &parsed)) && !returning;
    placed.then(|| (rest.to_owned(), parsed))
}

/// "and whats the exact address", "also how much…", "quick question: did my paycheck come
/// in", « et j'aimerais savoir … »: the words that join a request to the courtesy before it
/// are not the request.
fn after_connector(rest: &str) -> &str {
    const CONNECTORS: &[&str] = &[
        "quick question",
        "one more thing",
        "one more question",
        "another question",
        "question",
        "and also",
        "and",
        "also",
        "so",
        "but",
        "et aussi",
        "et sinon",
        "et",
        "aussi",
        "sinon",
        "autre question",
        "petite question",
        "une question",
    ];
    let mut rest = rest;
    while let Some((_, after)) = split_opening(rest, CONNECTORS) {
        let after = after.trim_start_matches(|c: char| !c.is_alphanumeric());
        if after.split_whitespace().count() < 2 {
            break;
        }
        rest = after;
    }
    rest
}

/// "Is that before or after the gas I bought this morning?", "whats the exact address",
/// « est-ce que quelqu'un a pu s'en servir ? »: a question of a few words after a courtesy
/// is asked, though the engine places it nowhere (the handlers read it by its words or
/// from the conversation) — never swallowed by the thanks or greeting before it. A
/// courtesy placed again ("have a nice day") is no question.
fn asks_question(rest: &str, parsed: &IntentMatch) -> bool {
    const ASKING: &[&str] = &[
        "what",
        "whats",
        "what's",
        "wat",
        "where",
        "wheres",
        "where's",
        "when",
        "which",
        "who",
        "how",
        "hows",
        "how's",
        "is",
        "isnt",
        "are",
        "did",
        "didnt",
        "do",
        "does",
        "can",
        "could",
        "will",
        "would",
        "should",
        "reckon",
        "any",
        "was",
        "has",
        "have",
        "quel",
        "quelle",
        "quels",
        "quelles",
        "est-ce",
        "combien",
        "ou",
        "où",
        "quand",
        "comment",
        "pourquoi",
        "qui",
        "c'est",
        "c",
        "y'a",
        "ya",
        "j'aimerais",
        "je",
        "pourriez",
        "pouvez",
        "peux",
        "tu",
        "vous",
        "please",
        "pls",
        "tell",
        "show",
        "give",
    ];
    if matches!(
        parsed.intent,
        IntentId::Greeting | IntentId::Goodbye | IntentId::Thanks
    ) && parsed.confidence >= PART_CONFIDENCE
        && !rest.trim_end().ends_with('?')
    {
        return false;
    }
    let words = rest.split_whitespace().count();
    let first = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("")
        .to_lowercase();
    words >= 3 && (rest.trim_end().ends_with('?') || ASKING.contains(&first.as_str()))
}
