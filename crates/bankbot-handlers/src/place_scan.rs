//! A place the gazetteer knows, found anywhere in a sentence: "im at union square in san
//! francisco", "sure I'm only beside soho in london so I am", "the atm for union square na
//! him dey collect cash deposit?". Runs of one to four words, none starting or ending with
//! a word that only a sentence uses, are looked up; the longest known run wins, the first
//! of equal length (the spot is named before its town: "union square in san francisco").

use crate::HandlerError;
use crate::ctx::Ctx;

/// Words that never start or end a place name here (with [`crate::place_shape::SENTENCE_WORDS`]).
const EDGE_WORDS: &[&str] = &[
    // English
    "a",
    "an",
    "the",
    "at",
    "in",
    "on",
    "by",
    "near",
    "to",
    "of",
    "for",
    "from",
    "and",
    "or",
    "so",
    "am",
    "im",
    "i'm",
    "just",
    "only",
    "outside",
    "ootside",
    "beside",
    "behind",
    "over",
    "well",
    "sure",
    "now",
    "rn",
    "right",
    "here",
    "there",
    "this",
    "that",
    "these",
    "those",
    "one",
    "ones",
    "yall",
    "y'all",
    "pal",
    "mate",
    "bro",
    "please",
    "pls",
    "plz",
    "cheers",
    "ta",
    "take",
    "takes",
    "taking",
    "collect",
    "accept",
    "accepts",
    "deposit",
    "deposits",
    "atm",
    "atms",
    "cashpoint",
    "cashpoints",
    "machine",
    "machines",
    "nearest",
    "closest",
    "near",
    "next",
    "close",
    "around",
    "aboot",
    "about",
    "where",
    "wheres",
    "where's",
    "dey",
    "na",
    "him",
    "abeg",
    "dat",
    "fit",
    "wan",
    "e",
    "o",
    "oh",
    "walking",
    "walkin",
    "foot",
    "moved",
    "move",
    "just",
    "live",
    "living",
    "staying",
    "stay",
    "visiting",
    "heading",
    "going",
    "go",
    "head",
    "fixin",
    "gonna",
    // French
    "l'",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "au",
    "aux",
    "a",
    "à",
    "en",
    "dans",
    "sur",
    "vers",
    "pres",
    "près",
    "cote",
    "côté",
    "chuis",
    "jsuis",
    "suis",
    "y",
    "ya",
    "y'a",
    "tu",
    "juste",
    "ici",
    "là",
    "la-bas",
    "stp",
    "svp",
    "distributeur",
    "distributeurs",
    "distrib",
    "dab",
    "gab",
    "guichet",
    "prend",
    "prends",
    "depots",
    "dépôts",
    "depot",
    "dépôt",
    "viens",
    "d'emmenager",
    "d'emménager",
    "emmenage",
    "demenage",
    "déménagé",
    "demenagé",
    "j'ai",
    "loin",
    "proche",
];

/// The longest run of words the gazetteer knows as a place, as typed (lower case).
pub(crate) async fn known_place(ctx: &Ctx<'_>, text: &str) -> Result<Option<String>, HandlerError> {
    let lower = text
        .to_lowercase()
        .replace(['?', '!', ',', '.', ';', ':', '’'], " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let edge = |w: &str| {
        EDGE_WORDS.contains(&w)
            || crate::place_shape::SENTENCE_WORDS.contains(&w)
            || w.chars().all(|c| c.is_ascii_digit())
    };
    for len in (1..=words.len().min(4)).rev() {
        for start in 0..=words.len() - len {
            let run = &words[start..start + len];
            if edge(run[0]) || edge(run[len - 1]) {
                continue;
            }
            let name = run.join(" ");
            if name.chars().count() < 4 {
                continue;
            }
            let Some(found) = ctx.services.geocoder.geocode(&name, Some(ctx.lang)).await? else {
                continue;
            };
            // The place's own name, not words a fuzzy match or a code took for one: one
            // word starts the name found ("soho"), a longer run shares a word with it
            // ("tour eiffel" is the Eiffel Tower).
            let label = crate::cues::fold(&found.label);
            let label = label.trim();
            let named = if len == 1 {
                label.starts_with(crate::cues::fold(&name).trim())
            } else {
                let label_words: Vec<&str> = label
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() >= 3)
                    .collect();
                crate::cues::fold(&name)
                    .split_whitespace()
                    .any(|w| label_words.contains(&w))
            };
            if !named {
                continue;
            }
            return Ok(Some(name));
        }
    }
    Ok(None)
}
