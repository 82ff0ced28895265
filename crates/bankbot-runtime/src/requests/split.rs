//! A message cut at its joins ("and", "et", "&", "then") into requests: "fuel and
//! restaurants last month", "combien sur le livret et sur le courant". A part that names only
//! a filter, an account or a period borrows its sibling's question; names and ranges that
//! hold a join ("marks and spencer", "between the 1st and the 20th") are not cut.

use bankbot_core::{IntentId, IntentMatch};

use super::{PART_CONFIDENCE, Reader, first_join};

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

/// The parts of `text` cut at its joins, each with what the engine understood of it (a
/// bare category, merchant, account or period borrowing its sibling's question), if it
/// cuts into two or more parts that each make sense and do not ask the same thing.
pub(super) fn split(reader: Reader<'_>, text: &str) -> Option<Vec<(String, IntentMatch)>> {
    if bankbot_handlers::one_request(text) {
        return None;
    }
    let lower = text.to_lowercase();
    let mut cuts = vec![0];
    let mut at = 0;
    while at < lower.len() {
        let next = first_join(&lower[at..], JOINS).map(|(i, len)| (at + i, len));
        let Some((i, len)) = next else { break };
        // "gas and electric", "marks & spencer": one name, not two requests.
        if super::compounds::covers(&lower, i + 1) {
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
        .map(|p| ((*p).to_owned(), reader.parse(p)))
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
