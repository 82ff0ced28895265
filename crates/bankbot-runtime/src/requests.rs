//! One message, several requests: "show my savings and find an atm near 10001", "fuel and
//! restaurants last month" are answered part by part, in order; a long message (a letter
//! with a question in it) is answered from its main request.
//!
//! [`requests()`] and [`answering()`] try the readings in turn; each has its file:
//! - `split.rs`: the message cut at its joins ("and", "et", "&") into parts that each make
//!   sense, a bare part borrowing its sibling's question;
//! - `courtesy.rs`: a greeting, acknowledgement or thanks before the request;
//! - `long_message.rs`: the request among sentences of context, or a letter's main request;
//! - `comparison.rs`: two periods compared ("this month vs last", "compared to september"
//!   after a total), which the bot tries first, with the previous request;
//! - `announced.rs`: a question announced before it is asked ("one query regarding …");
//! - `merchant_pair.rs`: two merchants side by side ("target amazon");
//! - `compounds.rs`: names that hold "and" but are one thing ("marks and spencer");
//! - `correction.rs`: a correction inside the message ("checking, no wait, savings").

mod announced;
pub(crate) mod comparison;
mod compounds;
mod correction;
mod courtesy;
mod long_message;
mod merchant_pair;
mod split;

use bankbot_core::{IntentId, IntentMatch, Lang};
use bankbot_nlu::Engine;
use chrono::NaiveDate;
use std::cell::RefCell;

use courtesy::{after_courtesy_sentence, after_greeting, after_thanks};
use long_message::{last_asking_sentence, main_request, sentences};
use split::split;

/// What every reading of a message needs to ask the intent engine: the engine, the day it
/// is, the session's language and what the engine already said of a text this turn.
#[derive(Clone, Copy)]
pub(crate) struct Reader<'e> {
    pub(crate) nlu: &'e Engine,
    pub(crate) today: NaiveDate,
    pub(crate) lang: Option<Lang>,
    pub(crate) memo: &'e ParseMemo,
}

impl Reader<'_> {
    /// What the engine understands of `text`, asked once per text and turn: the readings
    /// below try the same whole message and parts more than once ("target amazon" is
    /// parsed for its merchant, then again as the request).
    pub(crate) fn parse(&self, text: &str) -> IntentMatch {
        if let Some(known) = self.memo.get(text) {
            return known;
        }
        let parsed = self.nlu.parse(text, self.today, self.lang);
        self.memo.put(text, &parsed);
        parsed
    }
}

/// The engine's answers for the texts of one turn (a handful: the message and its parts),
/// looked up by text. The engine's answer depends only on the text, the day and the
/// language, which are the same for every reading of a turn.
#[derive(Default)]
pub(crate) struct ParseMemo(RefCell<Vec<(String, IntentMatch)>>);

impl ParseMemo {
    fn get(&self, text: &str) -> Option<IntentMatch> {
        let known = self.0.borrow();
        known
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, m)| m.clone())
    }

    fn put(&self, text: &str, parsed: &IntentMatch) {
        self.0.borrow_mut().push((text.to_owned(), parsed.clone()));
    }
}

/// A message longer than this many words is read for its main request only.
const LONG_MESSAGE: usize = 40;
/// A message of this many sentences may be context first, then its request.
const CONTEXT_SENTENCES: usize = 3;
/// Below this confidence a message of several sentences is read for its main request.
const PLACED: f32 = 0.5;
/// A part must be placed at least this confidently to stand as a request of its own.
const PART_CONFIDENCE: f32 = 0.4;

/// The requests in `text`, each with what the engine understood of it: the whole message
/// unless it splits into parts that each make sense.
pub(crate) fn requests(reader: Reader<'_>, text: &str) -> Vec<(String, IntentMatch)> {
    let whole = || vec![(text.to_owned(), reader.parse(text))];
    // "i want large payment alerts on, wait no, low balance ones": the corrected request.
    if let Some(fixed) = correction::corrected(reader, text) {
        return requests(reader, &fixed);
    }
    if text.split_whitespace().count() > LONG_MESSAGE {
        return main_request(reader, text).unwrap_or_else(whole);
    }
    // "Hello. I am 82. My daughter set this up for me. I would like to see …": a few
    // sentences of context the engine cannot place as a whole, then the request.
    // "… somebody tried to use my credit card. I am frightened. What ought I to do?": the
    // report is the request, not the closing "what do I do".
    if bankbot_handlers::reports_fraud(text) {
        return whole();
    }
    // "no!! i want block the debit card", "okay forget it did my paycheck hit yet": the no
    // turns down what was asked; the request after it is read on its own.
    if let Some((_, rest)) = request_after_no(reader, text) {
        return requests(reader, rest);
    }
    if yes_then_lock_order(reader, text) {
        return whole();
    }
    if sentences(text).count() >= CONTEXT_SENTENCES {
        let parsed = reader.parse(text);
        // A request the engine placed as a whole with a courtesy, help or linking reading
        // ("Hi. I'm new here. … what's my savings balance") is read from its sentences too.
        let placed_elsewhere = matches!(
            parsed.intent,
            IntentId::OutOfScope
                | IntentId::Help
                | IntentId::Greeting
                | IntentId::Thanks
                | IntentId::Goodbye
                | IntentId::LinkAccount
        );
        if placed_elsewhere || parsed.confidence < PLACED {
            if let Some(asked) = last_asking_sentence(reader, text) {
                return vec![asked];
            }
            if let Some(main) = main_request(reader, text) {
                return main;
            }
        }
    }
    // "one query regarding my credit card bill": the request is what the announcement
    // names.
    if let Some(asked) = announced::topic(text) {
        return requests(reader, asked);
    }
    // "coucou, combien sur le livret et sur le courant": the request after the greeting
    // may have parts too.
    if let Some(rest) = after_greeting(reader, text) {
        return split(reader, &rest.0).unwrap_or_else(|| vec![rest]);
    }
    if let Some(parts) = after_thanks(reader, text) {
        return parts;
    }
    if let Some(parts) = after_courtesy_sentence(reader, text) {
        return parts;
    }
    // "target amazon": two merchants side by side, two requests.
    if let Some(parts) = merchant_pair::joined(reader, text).and_then(|pair| split(reader, &pair)) {
        return parts;
    }
    split(reader, text).unwrap_or_else(whole)
}

/// The requests in `text` while a yes-or-no question is open: "yes and show me my balance"
/// is the answer, then a request; "groceries and dining this month" two requests (the
/// question dropped by the first); anything else the whole message, read as the answer.
pub(crate) fn answering(reader: Reader<'_>, text: &str) -> Vec<(String, IntentMatch)> {
    if let Some(fixed) = correction::corrected(reader, text) {
        return answering(reader, &fixed);
    }
    if let Some(parts) = answer_then_request(reader, text) {
        return parts;
    }
    // "No dear, I only asked for the nearest cash machine" to "lock your debit card?": the
    // request is answered and the lock recalled, as for a request alone (after a theft a
    // question is no "no"). A rest about the lock ("non la debit", "ah ben non elle était
    // dans mon sac") is the answer itself, read whole.
    if let Some((_, rest)) = request_after_no(reader, text)
        && reader.parse(rest).intent != IntentId::CardLock
    {
        return requests(reader, rest);
    }
    let whole = || vec![(text.to_owned(), reader.parse(text))];
    if bankbot_handlers::short_answer(text).is_some() {
        return whole();
    }
    split(reader, text)
        .filter(|parts| {
            parts
                .iter()
                .all(|(p, _)| bankbot_handlers::short_answer(p).is_none())
        })
        .unwrap_or_else(whole)
}

/// "yes and what's my balance", "ok, then show my last transactions", "no but find an atm":
/// a short answer opening the message, then a request of its own.
fn answer_then_request(reader: Reader<'_>, text: &str) -> Option<Vec<(String, IntentMatch)>> {
    const AFTER_ANSWER: &[&str] = &[
        ", and ", " and ", ", then ", " then ", ", but ", " but ", ", et ", " et ", ", mais ",
        " mais ", ", puis ", " puis ", ", ", ". ", "! ",
    ];
    let lower = text.to_lowercase();
    let (at, len) = first_join(&lower, AFTER_ANSWER)?;
    let head = text.get(..at)?.trim();
    let rest = text.get(at + len..)?.trim();
    let yes = bankbot_handlers::short_answer(head)?;
    // "ouais mais attends, c'est quoi mon solde d'abord": the yes waits for the request.
    if yes && bankbot_handlers::holds_back(rest) {
        return None;
    }
    if rest.split_whitespace().count() < 2 {
        return None;
    }
    // "yes but not now", "oui mais pas maintenant": the answer taken back, one answer;
    // "Yes, please do.", "yes, go ahead": the rest says the yes again, one answer too,
    // unless it also names a request of its own.
    match bankbot_handlers::short_answer(rest) {
        Some(true) if yes && bankbot_handlers::asks_more(rest) => {}
        Some(_) => return None,
        None => {}
    }
    let parsed = reader.parse(rest);
    // "Yes, please lock it." to "lock your debit card?": the order says the yes again (no
    // second lock of an unnamed card); the whole message is the answer.
    if yes
        && parsed.intent == IntentId::CardLock
        && parsed.slots.account_type.is_none()
        && !rest.chars().any(|c| c.is_ascii_digit())
        && !bankbot_handlers::unlock_asked(rest)
    {
        return None;
    }
    // "ok then what is my balance" to "delete everything?": an "ok" that only acknowledges,
    // then a request of its own, consents to nothing; the whole message goes to the
    // question, which answers the request and erases, unlinks or locks nothing. A rest that
    // names the question's own action ("ok then lock it", "ok report it") keeps the split.
    if yes
        && bankbot_handlers::only_acknowledges(head)
        && is_request(&parsed)
        && !matches!(
            parsed.intent,
            IntentId::CardLock
                | IntentId::DeleteMyData
                | IntentId::UnlinkAccount
                | IntentId::ReportFraud
        )
    {
        return None;
    }
    is_request(&parsed).then(|| {
        vec![
            (head.to_owned(), reader.parse(head)),
            (rest.to_owned(), parsed),
        ]
    })
}

/// The no opening `text` and the request after it, when that rest asks something of its
/// own: placed as a request ("nan je veux le solde du livret"), or a sentence or a place
/// the handlers read by its words ("No. I need phone number", "no Reno Nevada"). A rest
/// that is an answer or a courtesy ("no not now", "nah thanks") leaves the no whole.
fn request_after_no<'t>(reader: Reader<'_>, text: &'t str) -> Option<(&'t str, &'t str)> {
    let (head, rest) = bankbot_handlers::no_then_request(text)?;
    if bankbot_handlers::short_answer(rest).is_some() {
        return None;
    }
    let parsed = reader.parse(rest);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let names_place = || {
        words.iter().any(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || (*w != "I" && w.chars().next().is_some_and(char::is_uppercase))
        })
    };
    let asks = is_request(&parsed)
        || parsed.intent == IntentId::OutOfScope && (words.len() >= 3 || names_place());
    asks.then_some((head, rest))
}

/// "go ahead and lock that card", "yes and lock it", « vas-y et bloque-la »: a yes the
/// lock order after it says again, one request (not a yes, then "which card?").
fn yes_then_lock_order(reader: Reader<'_>, text: &str) -> bool {
    const JOINS: &[&str] = &[", and ", " and ", ", et ", " et ", ", "];
    let lower = text.to_lowercase();
    let Some((at, len)) = first_join(&lower, JOINS) else {
        return false;
    };
    let (Some(head), Some(rest)) = (text.get(..at), text.get(at + len..)) else {
        return false;
    };
    if bankbot_handlers::short_answer(head.trim()) != Some(true) {
        return false;
    }
    let parsed = reader.parse(rest.trim());
    parsed.intent == IntentId::CardLock
        && parsed.slots.account_type.is_none()
        && !bankbot_handlers::unlock_asked(rest)
}

/// Where the first of `joins` stands in `lower`, and its length: the earliest, and of
/// those that start there the longest (" and then " before " and ").
fn first_join(lower: &str, joins: &[&str]) -> Option<(usize, usize)> {
    joins
        .iter()
        .filter_map(|j| lower.find(j).map(|i| (i, j.len())))
        .min_by_key(|(i, len)| (*i, usize::MAX - len))
}

/// True when what follows a courtesy is a request of its own: placed with confidence (and
/// not another courtesy), or not placed but carrying slots ("et mes revenus ?").
fn is_request(parsed: &IntentMatch) -> bool {
    if parsed.intent == IntentId::OutOfScope {
        !parsed.slots.is_empty()
    } else {
        parsed.confidence >= PART_CONFIDENCE
            && !matches!(
                parsed.intent,
                IntentId::Greeting | IntentId::Goodbye | IntentId::Thanks
            )
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use bankbot_nlu::Engine;
    use chrono::NaiveDate;

    use super::{ParseMemo, Reader};

    #[test]
    fn asks_the_engine_once_per_text_and_answers_as_it_does() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../intents");
        let nlu = Engine::load_dir(&dir).expect("the project's intents load");
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("a date");
        let memo = ParseMemo::default();
        let reader = Reader {
            nlu: &nlu,
            today,
            lang: None,
            memo: &memo,
        };
        let texts = [
            "target amazon",
            "what's my balance",
            "combien sur le livret",
            "target",
            "what's my balance",
            "target amazon",
            "Target Amazon",
        ];
        for text in texts {
            assert_eq!(reader.parse(text), nlu.parse(text, today, None), "{text:?}");
        }
        let asked: Vec<String> = memo.0.borrow().iter().map(|(t, _)| t.clone()).collect();
        assert_eq!(
            asked,
            [
                "target amazon",
                "what's my balance",
                "combien sur le livret",
                "target",
                "Target Amazon"
            ]
        );
    }
}
