//! A correction inside one message: "last five transactions on checking, no wait, savings",
//! "i want large payment alerts on, wait no, low balance ones", « bloque la visa non pardon
//! la carte de débit ». The words after the correction take the place of the words before it
//! that name the same thing (an account, a card, a period, a merchant, a place, an alert
//! kind); what was taken back is never acted on (blind round 14a switched the large-payment
//! alert on). The engine says which words name what: a stretch of the message is the one
//! corrected when the correction put in its place gives the engine the corrected value and
//! the same request.

use bankbot_core::{AlertKind, IntentId, IntentMatch};

use super::Reader;

/// What opens a correction, as folded words (longest first at one place).
const MARKERS: &[&[&str]] = &[
    &["no", "wait"],
    &["wait", "no"],
    &["no", "sorry"],
    &["sorry", "no"],
    &["sorry", "i", "meant"],
    &["sorry", "i", "mean"],
    &["no", "i", "meant"],
    &["no", "i", "mean"],
    &["i", "meant"],
    &["i", "mean"],
    &["or", "rather"],
    &["oops", "i", "meant"],
    &["oops"],
    &["my", "bad"],
    &["actually", "no"],
    &["no", "actually"],
    &["actually"],
    &["en", "fait", "non"],
    &["non", "en", "fait"],
    &["non", "pardon"],
    &["non", "attends"],
    &["attends", "non"],
    &["enfin", "non"],
    &["non", "enfin"],
    &["je", "veux", "dire"],
    &["je", "voulais", "dire"],
    &["ou", "plutot"],
    &["non", "plutot"],
    &["euh", "non"],
    &["pardon"],
];

/// Words that only trail the correction ("low balance ones", « solde bas plutôt »).
const TRAILING: &[&str] = &[
    "ones", "one", "instead", "plutot", "please", "pls", "plz", "stp", "svp", "then", "alors",
];

/// Words opening the correction that add nothing ("wait no, actually savings").
const LEADING: &[&str] = &["no", "non", "nan", "actually", "sorry", "wait", "euh", "um"];

/// A tail of this many words or more that the engine places as a request of its own is the
/// request ("show my checking no wait actually whats my savings balance").
const WHOLE_REQUEST_WORDS: usize = 4;

/// The message as corrected, when it holds a correction the engine can place.
pub(crate) fn corrected(reader: Reader<'_>, text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    let (at, len) = marker(&keys)?;
    let head = &words[..at];
    let mut tail_start = at + len;
    while tail_start < words.len() && LEADING.contains(&keys[tail_start].as_str()) {
        tail_start += 1;
    }
    let mut tail_end = words.len();
    while tail_end > tail_start && TRAILING.contains(&keys[tail_end - 1].as_str()) {
        tail_end -= 1;
    }
    if head.is_empty() || tail_start >= tail_end {
        return None;
    }
    let tail_words: Vec<&str> = words[tail_start..tail_end]
        .iter()
        .map(|w| w.trim_matches(|c: char| ",;:".contains(c)))
        .collect();
    let tail = tail_words.join(" ");
    let tail_read = Read::of(reader, &tail);
    if tail_words.len() >= WHOLE_REQUEST_WORDS
        && tail_read.parsed.intent != IntentId::OutOfScope
        && tail_read.parsed.confidence >= 0.5
    {
        return Some(tail);
    }
    let head_text = clean(head).join(" ");
    let head_read = Read::of(reader, &head_text);
    // "atm near soho no wait union square san francisco": a place the engine finds only
    // with the words around it; a tail that names nothing alone may replace any kind.
    let tail_names_nothing = !Kind::ALL.iter().any(|k| k.named(&tail_read));
    let kinds: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|k| k.named(&head_read) && (tail_names_nothing || k.named(&tail_read)))
        .collect();
    if kinds.is_empty() {
        return None;
    }
    let head = clean(head);
    let mut best: Option<(bool, usize, usize, String)> = None;
    for span in 1..=3.min(head.len()) {
        for start in (0..=head.len() - span).rev() {
            let mut candidate: Vec<&str> = head[..start].to_vec();
            candidate.extend(tail_words.iter().copied());
            candidate.extend(head[start + span..].iter().copied());
            let candidate = candidate.join(" ");
            let read = Read::of(reader, &candidate);
            let takes = read.parsed.intent == head_read.parsed.intent
                && read.switch == head_read.switch
                && kinds.iter().all(|k| {
                    if tail_names_nothing {
                        k.named(&read) && !k.same(&read, &head_read)
                    } else {
                        k.same(&read, &tail_read)
                    }
                });
            if !takes {
                continue;
            }
            let mut without: Vec<&str> = head[..start].to_vec();
            without.extend(head[start + span..].iter().copied());
            let without = Read::of(reader, &without.join(" "));
            let drops = kinds.iter().all(|k| !k.same(&without, &head_read));
            let fit = span.abs_diff(tail_words.len());
            let better = match &best {
                None => true,
                Some((d, f, s, _)) => (drops, usize::MAX - fit, start) > (*d, usize::MAX - f, *s),
            };
            if better {
                best = Some((drops, fit, start, candidate));
            }
        }
    }
    let (_, _, _, mut fixed) = best?;
    if text.trim_end().ends_with('?') && !fixed.ends_with('?') {
        fixed.push('?');
    }
    Some(fixed)
}

/// The head's words without the punctuation that closed them before the correction.
fn clean<'w>(head: &[&'w str]) -> Vec<&'w str> {
    head.iter()
        .map(|w| w.trim_end_matches(|c: char| ",;:".contains(c)))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word as markers are written: lower case, no accents, no punctuation around it.
fn key(word: &str) -> String {
    bankbot_core::fold_text(word)
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .to_owned()
}

/// Where the first correction marker stands (not opening the message), and its length.
fn marker(keys: &[String]) -> Option<(usize, usize)> {
    (1..keys.len()).find_map(|at| {
        MARKERS
            .iter()
            .filter(|m| {
                keys.get(at..at + m.len())
                    .is_some_and(|ws| ws.iter().zip(m.iter()).all(|(w, k)| w == k))
            })
            .map(|m| m.len())
            .max()
            .map(|len| (at, len))
    })
}

/// What the engine and the alert words read in a text.
struct Read {
    parsed: IntentMatch,
    alert: Option<AlertKind>,
    switch: Option<bool>,
}

impl Read {
    fn of(reader: Reader<'_>, text: &str) -> Read {
        let named = bankbot_handlers::alert_named(text);
        Read {
            parsed: reader.parse(text),
            alert: named.map(|(kind, _)| kind),
            switch: named.and_then(|(_, on)| on),
        }
    }
}

/// The things a correction may replace.
#[derive(Clone, Copy)]
enum Kind {
    Account,
    Period,
    Merchant,
    Category,
    Place,
    Alert,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::Account,
        Kind::Period,
        Kind::Merchant,
        Kind::Category,
        Kind::Place,
        Kind::Alert,
    ];

    fn named(self, read: &Read) -> bool {
        let s = &read.parsed.slots;
        match self {
            Kind::Account => s.account_type.is_some(),
            Kind::Period => s.date_from.is_some() || s.date_to.is_some(),
            Kind::Merchant => s.merchant.is_some(),
            Kind::Category => s.category.is_some(),
            Kind::Place => s.location.is_some(),
            Kind::Alert => read.alert.is_some(),
        }
    }

    fn same(self, a: &Read, b: &Read) -> bool {
        let (x, y) = (&a.parsed.slots, &b.parsed.slots);
        match self {
            Kind::Account => x.account_type == y.account_type,
            Kind::Period => x.date_from == y.date_from && x.date_to == y.date_to,
            Kind::Merchant => x.merchant == y.merchant,
            Kind::Category => x.category == y.category,
            Kind::Place => x.location == y.location,
            Kind::Alert => a.alert == b.alert,
        }
    }
}
