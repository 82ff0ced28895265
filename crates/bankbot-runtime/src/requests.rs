//! One message, several requests: "show my savings and find an atm near 10001", "fuel and
//! restaurants last month" are answered part by part, in order; a long message (a letter
//! with a question in it) is answered from its main request.

use bankbot_core::{IntentId, IntentMatch, Lang};
use bankbot_nlu::Engine;
use chrono::NaiveDate;

/// A message longer than this many words is read for its main request only.
const LONG_MESSAGE: usize = 40;
/// A message of this many sentences may be context first, then its request.
const CONTEXT_SENTENCES: usize = 3;
/// Below this confidence a message of several sentences is read for its main request.
const PLACED: f32 = 0.5;
/// A part must be placed at least this confidently to stand as a request of its own.
const PART_CONFIDENCE: f32 = 0.4;
/// A part of at most this many words naming an account ("sur le compte courant") is that
/// account alone.
const BARE_ACCOUNT_WORDS: usize = 4;
/// A part of at most this many words naming a period ("et le mois dernier") is that
/// period alone.
const BARE_PERIOD_WORDS: usize = 5;
/// What joins two requests.
const JOINS: &[&str] = &[
    " and then ",
    " and also ",
    " and ",
    " et puis ",
    " et aussi ",
    " et ",
    " & ",
    " + ",
    // "starbucks n netflix": texting's "and".
    " n ",
    " then ",
    " puis ",
    " also ",
    "; ",
];

/// The requests in `text`, each with what the engine understood of it: the whole message
/// unless it splits into parts that each make sense.
pub(crate) fn requests(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Vec<(String, IntentMatch)> {
    let whole = || vec![(text.to_owned(), nlu.parse(text, today, lang))];
    if text.split_whitespace().count() > LONG_MESSAGE {
        return main_request(nlu, text, today, lang).unwrap_or_else(whole);
    }
    // "Hello. I am 82. My daughter set this up for me. I would like to see …": a few
    // sentences of context the engine cannot place as a whole, then the request.
    // "… somebody tried to use my credit card. I am frightened. What ought I to do?": the
    // report is the request, not the closing "what do I do".
    if bankbot_handlers::reports_fraud(text) {
        return whole();
    }
    if sentences(text) >= CONTEXT_SENTENCES {
        let parsed = nlu.parse(text, today, lang);
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
            if let Some(asked) = last_asking_sentence(nlu, text, today, lang) {
                return vec![asked];
            }
            if let Some(main) = main_request(nlu, text, today, lang) {
                return main;
            }
        }
    }
    // "one query regarding my credit card bill": the request is what the announcement
    // names.
    if let Some(asked) = crate::announced::topic(text) {
        return requests(nlu, asked, today, lang);
    }
    // "coucou, combien sur le livret et sur le courant": the request after the greeting
    // may have parts too.
    if let Some(rest) = after_greeting(nlu, text, today, lang) {
        return split(nlu, &rest.0, today, lang).unwrap_or_else(|| vec![rest]);
    }
    if let Some(parts) = after_thanks(nlu, text, today, lang) {
        return parts;
    }
    if let Some(parts) = after_courtesy_sentence(nlu, text, today, lang) {
        return parts;
    }
    // "target amazon": two merchants side by side, two requests.
    if let Some(parts) = crate::merchant_pair::joined(nlu, text, today, lang)
        .and_then(|pair| split(nlu, &pair, today, lang))
    {
        return parts;
    }
    split(nlu, text, today, lang).unwrap_or_else(whole)
}

/// The requests in `text` while a yes-or-no question is open: "yes and show me my balance"
/// is the answer, then a request; "groceries and dining this month" two requests (the
/// question dropped by the first); anything else the whole message, read as the answer.
pub(crate) fn answering(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Vec<(String, IntentMatch)> {
    if let Some(parts) = answer_then_request(nlu, text, today, lang) {
        return parts;
    }
    let whole = || vec![(text.to_owned(), nlu.parse(text, today, lang))];
    if bankbot_handlers::short_answer(text).is_some() {
        return whole();
    }
    split(nlu, text, today, lang)
        .filter(|parts| {
            parts
                .iter()
                .all(|(p, _)| bankbot_handlers::short_answer(p).is_none())
        })
        .unwrap_or_else(whole)
}

/// "yes and what's my balance", "ok, then show my last transactions", "no but find an atm":
/// a short answer opening the message, then a request of its own.
fn answer_then_request(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Option<Vec<(String, IntentMatch)>> {
    const AFTER_ANSWER: &[&str] = &[
        ", and ", " and ", ", then ", " then ", ", but ", " but ", ", et ", " et ", ", mais ",
        " mais ", ", puis ", " puis ", ", ", ". ", "! ",
    ];
    let lower = text.to_lowercase();
    let (at, len) = AFTER_ANSWER
        .iter()
        .filter_map(|j| lower.find(j).map(|i| (i, j.len())))
        .min_by_key(|(i, len)| (*i, usize::MAX - len))?;
    let head = text.get(..at)?.trim();
    let rest = text.get(at + len..)?.trim();
    bankbot_handlers::short_answer(head)?;
    if rest.split_whitespace().count() < 2 {
        return None;
    }
    let parsed = nlu.parse(rest, today, lang);
    is_request(&parsed).then(|| {
        vec![
            (head.to_owned(), nlu.parse(head, today, lang)),
            (rest.to_owned(), parsed),
        ]
    })
}

fn split(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Option<Vec<(String, IntentMatch)>> {
    if bankbot_handlers::one_request(text) {
        return None;
    }
    let lower = text.to_lowercase();
    let mut cuts = vec![0];
    let mut at = 0;
    while at < lower.len() {
        let next = JOINS
            .iter()
            .filter_map(|j| lower[at..].find(j).map(|i| (at + i, j.len())))
            .min_by_key(|(i, len)| (*i, usize::MAX - len));
        let Some((i, len)) = next else { break };
        // "gas and electric", "marks & spencer": one name, not two requests.
        if crate::compounds::covers(&lower, i + 1) {
            at = i + len;
            continue;
        }
        // "between the 1st and the 20th", "entre le 3 et le 10": one range, not two requests.
        let before = &lower[..i];
        if ["between ", "entre "].iter().any(|w| {
            before
                .rfind(w)
                .is_some_and(|b| !JOINS.iter().any(|j| before[b..].contains(j)))
        }) {
            at = i + len;
            continue;
        }
        cuts.push(i);
        cuts.push(i + len);
        at = i + len;
    }
    if cuts.len() < 3 {
        return None;
    }
    cuts.push(text.len());
    let parts: Vec<&str> = cuts
        .chunks(2)
        .filter_map(|c| text.get(c[0]..*c.get(1)?))
        .map(|p| p.trim_matches(|c: char| c.is_whitespace() || c == ','))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut parsed: Vec<(String, IntentMatch)> = parts
        .iter()
        .map(|p| ((*p).to_owned(), nlu.parse(p, today, lang)))
        .collect();
    let data = |i: IntentId| matches!(i, IntentId::Transactions | IntentId::SpendingSummary);
    // What a part filters on: a category ("fuel") or a merchant ("whole foods").
    let filtered = |p: &IntentMatch| p.slots.category.is_some() || p.slots.merchant.is_some();
    // A bare category or merchant ("fuel", "whole foods") borrows its sibling's question
    // ("restaurants last month", "uber last week").
    let sibling = parsed
        .iter()
        .find(|(_, p)| filtered(p) && data(p.intent))
        .map(|(_, p)| p.clone());
    // "combien sur le livret et sur le courant": a bare account ("sur le courant") borrows
    // the balance question of its sibling that names another account.
    let balance_sibling = parsed
        .iter()
        .find(|(_, p)| {
            p.intent == IntentId::Balance
                && p.confidence >= PART_CONFIDENCE
                && p.slots.account_type.is_some()
        })
        .map(|(_, p)| p.clone());
    if let Some(s) = &balance_sibling {
        for (part, p) in &mut parsed {
            let bare_account = p.slots.account_type.is_some()
                && p.slots.account_type != s.slots.account_type
                && part.split_whitespace().count() <= BARE_ACCOUNT_WORDS;
            if bare_account && (p.intent == IntentId::OutOfScope || p.confidence < PART_CONFIDENCE)
            {
                p.intent = IntentId::Balance;
                p.confidence = s.confidence;
            }
        }
    }
    // "carrefour ce mois-ci et le mois dernier": a bare period borrows its sibling's
    // question and filter (merchant, category, account), so both totals are alike.
    if let Some(s) = &sibling {
        for (part, p) in &mut parsed {
            let bare_period = p.slots.date_from.is_some()
                && !filtered(p)
                && p.slots.account_type.is_none()
                && part.split_whitespace().count() <= BARE_PERIOD_WORDS;
            if bare_period {
                p.intent = s.intent;
                p.confidence = p.confidence.max(s.confidence);
                p.slots.merchant.clone_from(&s.slots.merchant);
                p.slots.category = s.slots.category;
                p.slots.account_type = s.slots.account_type;
            }
        }
    }
    let mut categories = 0;
    for (part, p) in &mut parsed {
        if filtered(p) {
            categories += 1;
        }
        let placed = p.intent != IntentId::OutOfScope && p.confidence >= PART_CONFIDENCE;
        match &sibling {
            Some(s) if filtered(p) && !(placed && data(p.intent)) => {
                p.intent = s.intent;
                p.confidence = s.confidence;
            }
            // "c'est quoi mon plafond": a request the handlers place by a rule of theirs.
            _ if !placed && !bankbot_handlers::answered_by_rule(part) => return None,
            _ => {}
        }
    }
    if categories >= 2 && sibling.is_some() {
        // "fuel and restaurants last month", "whole foods and uber last week": two totals
        // (each names its filter), over the same days.
        let (from, to) = parsed
            .iter()
            .find_map(|(_, p)| p.slots.date_from.map(|f| (Some(f), p.slots.date_to)))
            .unwrap_or((None, None));
        let listing = lower.contains("transaction") || lower.contains("operation");
        for (_, p) in &mut parsed {
            if filtered(p) {
                if !listing {
                    p.intent = IntentId::SpendingSummary;
                }
                if p.slots.date_from.is_none() {
                    p.slots.date_from = from;
                    p.slots.date_to = to;
                }
            }
        }
    }
    // "my balance and my balance": one request; "my balance and my credit limit": two.
    let (first_text, first) = (&parsed[0].0, &parsed[0].1);
    if parsed.iter().all(|(t, p)| {
        p.intent == first.intent
            && p.slots == first.slots
            && !bankbot_handlers::asks_differently((first_text, first), (t, p))
    }) {
        return None;
    }
    Some(parsed)
}

/// "thanks! and my savings?", "je vous remercie. Pourriez-vous m'indiquer mon livret A ?":
/// thanks, then a request of its own — both are answered, the thanks first.
fn after_thanks(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Option<Vec<(String, IntentMatch)>> {
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
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    if rest.split_whitespace().count() < 2 {
        return None;
    }
    let parsed = nlu.parse(rest, today, lang);
    let placed = is_request(&parsed);
    let thanks = format!("{opening}{extra}");
    let mut thanks_match = nlu.parse(&thanks, today, lang);
    thanks_match.intent = IntentId::Thanks;
    placed.then(|| vec![(thanks, thanks_match), (rest.to_owned(), parsed)])
}

/// "That is very helpful. Could you show me the last few things I bought?": a first
/// sentence of thanks, then a request — both answered, the thanks first. "Thank you, you
/// have been most helpful. Goodbye.": the goodbye closes.
fn after_courtesy_sentence(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Option<Vec<(String, IntentMatch)>> {
    let end = text.find(['.', '!', '?'])?;
    let (first, rest) = (text.get(..=end)?.trim(), text.get(end + 1..)?.trim());
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    if rest.is_empty() || first.is_empty() {
        return None;
    }
    let mut courtesy = nlu.parse(first, today, lang);
    if courtesy.intent != IntentId::Thanks {
        return None;
    }
    let parsed = nlu.parse(rest, today, lang);
    if parsed.intent == IntentId::Goodbye && parsed.confidence >= PART_CONFIDENCE {
        return Some(vec![(rest.to_owned(), parsed)]);
    }
    if !is_request(&parsed) {
        return None;
    }
    courtesy.intent = IntentId::Thanks;
    Some(vec![
        (first.to_owned(), courtesy),
        (rest.to_owned(), parsed),
    ])
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
fn after_greeting(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Option<(String, IntentMatch)> {
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
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
    if rest.split_whitespace().count() < least {
        return None;
    }
    let parsed = nlu.parse(rest, today, lang);
    // "Hello again. I spoke to you yesterday about my savings.": a returning customer's
    // greeting, read whole, unless a request follows it.
    let returning = parsed.intent == IntentId::OutOfScope && bankbot_handlers::greets_back(text);
    let placed = is_request(&parsed) && !returning;
    placed.then(|| (rest.to_owned(), parsed))
}

/// The sentence of a long message that asks something: placed with confidence, preferring
/// questions and polite requests.
/// The last sentence that asks something ("I would like to see …", "what's my savings
/// balance", "… arrived?") and that the engine reads as a request: after sentences of
/// context, that is what the customer wants.
fn last_asking_sentence(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
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
    text.split_inclusive(['.', '!', '?', '\n'])
        .map(str::trim)
        .filter(|s| s.split_whitespace().count() >= 2)
        .rev()
        .enumerate()
        .find_map(|(from_end, s)| {
            let lower = s.to_lowercase();
            if !(s.ends_with('?') || ASKING.iter().any(|c| lower.contains(c))) {
                return None;
            }
            let p = nlu.parse(s, today, lang);
            // The closing question, even unplaced, is the one the handlers read.
            let closing = from_end == 0 && p.intent == IntentId::OutOfScope;
            (is_request(&p) || closing).then(|| (s.to_owned(), p))
        })
}

/// The sentences of `text` of two words or more.
fn sentences(text: &str) -> usize {
    text.split_inclusive(['.', '!', '?', '\n'])
        .filter(|s| s.split_whitespace().count() >= 2)
        .count()
}

fn main_request(
    nlu: &Engine,
    text: &str,
    today: NaiveDate,
    lang: Option<Lang>,
) -> Option<Vec<(String, IntentMatch)>> {
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
    for sentence in text.split_inclusive(['.', '!', '?', '\n']) {
        let s = sentence.trim();
        if s.split_whitespace().count() < 2 {
            continue;
        }
        let p = nlu.parse(s, today, lang);
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
