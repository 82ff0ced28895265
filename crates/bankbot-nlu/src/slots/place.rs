//! `merchant` (lower case) and `location` (as typed).

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::Lexicon;

const STOP: &[&str] = &[
    "my",
    "the",
    "a",
    "an",
    "this",
    "that",
    "last",
    "past",
    "previous",
    "month",
    "week",
    "year",
    "today",
    "yesterday",
    "me",
    "us",
    "it",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
    "since",
    "and",
    "or",
    "please",
    "pls",
    "plz",
    "recently",
    "lately",
    "ago",
    // Vague periods ("spent a few weeks ago", "txns a couple days back").
    "few",
    "couple",
    "other",
    "day",
    "days",
    "weeks",
    "months",
    "early",
    "late",
    "mid",
    "end",
    "beginning",
    "middle",
    "any",
    "all",
    "some",
    "how",
    "much",
    "what",
    "when",
    "did",
    "do",
    "is",
    "was",
    "this",
    "these",
    "ce",
    "cette",
    "le",
    "la",
    "les",
    "mon",
    "ma",
    "mes",
    "depuis",
    // "à partir de", "à compter du": a start date, never a shop ("paiements à partir de 45 €").
    "partir",
    "compter",
    "hier",
    "mois",
    "semaine",
    "dernier",
    "derniere",
    "svp",
    "stp",
    "en",
    "de",
    "du",
    "des",
    "pour",
    "et",
    "ou",
    "un",
    "une",
    "combien",
    "aujourd",
    "annee",
    "card",
    "account",
    "carte",
    "compte",
    "atm",
    "cash",
    "machine",
    "distributeur",
    "over",
    "under",
    "above",
    "below",
    "more",
    "less",
    "than",
    "plus",
    "moins",
    "entre",
    "between",
    "with",
    "by",
    "near",
    "around",
    "total",
    "charge",
    "charged",
    "bill",
    "billed",
    "you",
    "i",
    "again",
    "twice",
    "same",
    "online",
    "there",
    "here",
    "home",
    "work",
    "everything",
    "moi",
    "chez",
    "nous",
    "ici",
    "myself",
    "where",
    "im",
    // French subject words ("y'a tu un guichet", "y a un distrib"): never a place.
    "tu",
    "y",
    "il",
    "on",
    "je",
    "j'ai",
    "ya",
    "y'a",
    "t'as",
    "quelqu'un",
    // What follows the place describes the machine ("bastille qui prend les dépôts").
    "qui",
    "que",
    "avec",
    "sans",
    "ouvert",
    "ouverts",
    "accepte",
    "prend",
    "which",
    "who",
    "open",
    // Ordinary words after "spent at / in / on" that name no shop and no place: "at
    // present", "at the moment", "in category groceries", "on average", "for now", the
    // word "fee" after a fee answer, "them" and "those" pointing back.
    "present",
    "moment",
    "now",
    "currently",
    "current",
    "average",
    "avg",
    "general",
    "overall",
    "altogether",
    "together",
    "whole",
    "category",
    "categories",
    "categorie",
    "cat",
    "fee",
    "fees",
    "frais",
    "them",
    "those",
    "they",
    "ones",
    "anything",
    "something",
    "stuff",
    "thing",
    "things",
    "least",
    "most",
    "times",
    "far",
    "point",
    // Times, seasons and occasions: "spent at night", "on weekends", "at christmas",
    // "on vacation", "in person".
    "night",
    "nights",
    "morning",
    "mornings",
    "evening",
    "evenings",
    "afternoon",
    "afternoons",
    "weekend",
    "weekends",
    "weekday",
    "weekdays",
    "vacation",
    "vacations",
    "holiday",
    "holidays",
    "christmas",
    "xmas",
    "thanksgiving",
    "easter",
    "birthday",
    "trip",
    "person",
    "people",
    "once",
    "nuit",
    "soir",
    "matin",
    "noel",
    "vacances",
    "maintenant",
    "actuellement",
    "moyenne",
    "tout",
    "tous",
    "ca",
    "ça",
];
const ATM_CUES: &[&str] = &[
    "atm",
    "atms",
    "distrib",
    "distribs",
    "guichet",
    "guichets",
    "bancomat",
    "bancontact",
    "tirette",
    "tirettes",
    "cashpoints",
    "cash",
    "machine",
    "machines",
    "distributeur",
    "distributeurs",
    "dab",
    "gab",
    "branch",
    "agence",
    "withdraw",
    "retirer",
    "retrait",
    "billets",
    "cashpoint",
    "nearest",
    "closest",
    "proche",
    "nearby",
    "located",
];

static MERCHANT_AFTER_VERB: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:payments?|paid|pay|paying|charges?|spent|spend|spending|purchases?|bought|transactions?|transfers?|sent|subscriptions?|orders?|ordered|paiements?|achats?|depenses?|paye|depense|virements?)\s+(?:to|at|from|on|with|for|in|a|chez|pour|sur)\s+([a-z0-9][a-z0-9&'.-]*(?:\s+[a-z0-9][a-z0-9&'.-]*)?)")
        .ok()
});
static MERCHANT_DID: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:did|has|have|why\s+did|why\s+is|is)\s+([a-z0-9][a-z0-9&'.-]*(?:\s+[a-z0-9][a-z0-9&'.-]*)?)\s+(?:charge|charged|charging|bill|billed|billing|take|took|debit|debited)\b").ok()
});
static MERCHANT_CHEZ: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:chez|aupres\s+de|at)\s+([a-z0-9][a-z0-9&'.-]*(?:\s+[a-z0-9][a-z0-9&'.-]*)?)")
        .ok()
});
static POSTCODE_UK: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b").ok());
static POSTCODE_5: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d$€£.,])(\d{5}(?:-\d{4})?)(?:$|[^\d])").ok());
static PLACE_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}])(near|around|close\s+to|next\s+to|travell?ing\s+to|heading\s+to|trip\s+to|visiting|atms?\s+to|machines?\s+to|cash\s+to|by|in|at|pr[eè]s\s+de|pr[eè]s\s+du|proches?\s+de|proches?\s+du|pas\s+loin\s+de|pas\s+loin\s+du|[àa]\s+proximit[ée]\s+de|[àa]\s+c[oô]t[ée]\s+de|autour\s+de|vers|dans|sur|[àa])\s+(?:(?:of|to)\s+)?((?:the\s+|la\s+|le\s+)?[\p{L}\p{N}][\p{L}\p{N}'’.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’.-]*){0,3})")
        .ok()
});

/// Travel words before a place ("going to montreal, where can i get cash"), read only when
/// the message asks for a cash machine and no other cue gave a place: "i'm going to need
/// cash near 94105" keeps "94105".
static TRAVEL_CUE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\p{L}])(going\s+to|goin\s+to|gonna\s+be\s+in|flying\s+to|off\s+to|headed\s+to|driving\s+to|moving\s+to|on\s+my\s+way\s+to|je\s+vais\s+[àa]|je\s+pars\s+[àa]|on\s+va\s+[àa]|en\s+route\s+pour)\s+((?:the\s+)?[\p{L}\p{N}][\p{L}\p{N}'’.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’.-]*){0,3})")
        .ok()
});

/// What the strong place cues of [`PLACE_CUE`] ("near", "close to", "pres de", "autour
/// de" …) and the ATM cues spelt there ("atms to", "cash to") hold, in normalised text.
static STRONG_CUE_WORDS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        "near|around|close|next|travel|heading|trip|visiting|atm|machine|cash|pres|proche|loin|proximit|cot|autour",
    )
    .ok()
});

/// False when no place can be read from `text`: a weak cue ("in", "at", "à" …) needs an
/// ATM word, a capitalised word or a digit after it, and `norm` has no strong cue. Most
/// messages ("what's my balance") then skip the place regex and its capture loop.
fn may_name_a_place(text: &str, norm: &str, atm: bool) -> bool {
    atm || text.bytes().any(|b| b.is_ascii_digit())
        || text.chars().any(char::is_uppercase)
        || STRONG_CUE_WORDS.as_ref().is_none_or(|r| r.is_match(norm))
}

fn first_words(capture: &str, lexicon: &Lexicon) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in capture.split_whitespace().enumerate() {
        let bare = w.trim_end_matches(['.', '\'', '-']);
        if i == 0 && matches!(bare, "the" | "le" | "la" | "les") {
            continue;
        }
        let ordinal = bare.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if STOP.contains(&bare)
            || bare.chars().all(|c| c.is_ascii_digit())
            || (!ordinal.is_empty() && ordinal.chars().all(|c| c.is_ascii_digit()))
            || lexicon.is_category_or_account_word(bare)
            || crate::slots::is_date_word(bare)
        {
            break;
        }
        out.push(bare);
    }
    (!out.is_empty()).then(|| out.join(" "))
}

fn has_atm_cue(norm: &str) -> bool {
    crate::normalize::words(norm).any(|w| ATM_CUES.contains(&w))
}

/// The merchant in a normalised utterance.
pub fn merchant(norm: &str, lexicon: &Lexicon) -> Option<String> {
    if let Some(m) = lexicon.merchant(norm) {
        return Some(m);
    }
    let atm = has_atm_cue(norm);
    let mut res: Vec<&LazyLock<Option<Regex>>> = vec![&MERCHANT_AFTER_VERB, &MERCHANT_DID];
    if !atm {
        res.push(&MERCHANT_CHEZ);
    }
    res.iter().find_map(|re| {
        re.as_ref()
            .as_ref()?
            .captures_iter(norm)
            .find_map(|c| first_words(c.get(1)?.as_str(), lexicon))
    })
}

fn place_words(capture: &str, typed_lower_ok: bool) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for (i, w) in capture.split_whitespace().enumerate() {
        // "l'Opéra", "l’Étoile": the place without its elided article.
        let w = if i == 0 {
            w.strip_prefix("l'")
                .or_else(|| w.strip_prefix("l’"))
                .or_else(|| w.strip_prefix("L'"))
                .or_else(|| w.strip_prefix("L’"))
                .filter(|rest| !rest.is_empty())
                .unwrap_or(w)
        } else {
            w
        };
        let lower = w.to_lowercase();
        let bare_lower = lower.trim_end_matches(['.', ',', '?', '!']);
        if i == 0 && matches!(bare_lower, "the" | "la" | "le") {
            continue;
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let after_de = out
            .last()
            .is_some_and(|p| matches!(p.to_lowercase().as_str(), "de" | "sur"));
        let connector = !out.is_empty()
            && (matches!(
                bare_lower,
                "de" | "du" | "des" | "sur" | "of" | "st" | "saint"
            ) || (after_de && matches!(bare_lower, "la" | "le" | "les" | "l'")));
        if STOP.contains(&bare_lower) && !connector || crate::slots::is_date_word(bare_lower) {
            break;
        }
        if !(capitalised || typed_lower_ok || connector || w.chars().any(|c| c.is_ascii_digit())) {
            break;
        }
        out.push(w.trim_end_matches([',', '?', '!', '.']));
    }
    while out.last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "de" | "du" | "des" | "sur" | "of" | "la" | "le" | "les" | "l'"
        )
    }) {
        out.pop();
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// The postcode or place in the original text (as typed). `amount_digits` are numbers
/// already read as amounts (so "over 10000" is not a postcode).
pub fn location(text: &str, norm: &str, amount_digits: &[String]) -> Option<String> {
    // Both postcodes have digits (`\d`).
    let digits = super::numbers::has_digit(text);
    if digits
        && let Some(m) = POSTCODE_UK
            .as_ref()
            .and_then(|r| r.captures(text))
            .and_then(|c| c.get(1))
        && m.as_str().chars().any(|c| c.is_ascii_alphabetic())
        && m.as_str().chars().filter(char::is_ascii_digit).count() >= 2
    {
        return Some(m.as_str().to_owned());
    }
    if digits
        && let Some(m) = POSTCODE_5
            .as_ref()
            .and_then(|r| r.captures(text))
            .and_then(|c| c.get(1))
        && !amount_digits.iter().any(|a| a == m.as_str())
    {
        return Some(m.as_str().to_owned());
    }
    let atm = has_atm_cue(norm);
    if !may_name_a_place(text, norm, atm) {
        return None;
    }
    let re = PLACE_CUE.as_ref()?;
    // Every cue is tried in turn, even one inside an earlier cue's words ("y a un
    // distributeur à Londres": "a un …" gives nothing, then "à Londres").
    let mut start = 0;
    while let Some(c) = re.captures_at(text, start) {
        start = c.get(1).map_or(text.len(), |m| m.end());
        let cue = c.get(1).map_or("", |m| m.as_str()).to_lowercase();
        let strong = !matches!(
            cue.as_str(),
            "in" | "at" | "by" | "dans" | "sur" | "à" | "a" | "vers"
        );
        // Weak cues ("in", "at", "à" ...) need an ATM word or a capitalised place name.
        if let Some(p) = c
            .get(2)
            .and_then(|m| place_words(m.as_str(), atm || strong))
        {
            return Some(p);
        }
    }
    if atm {
        let travel = TRAVEL_CUE.as_ref()?;
        return travel
            .captures_iter(text)
            .find_map(|c| place_words(c.get(2)?.as_str(), true));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<String> {
        location(text, &crate::normalize::normalize(text), &[])
    }

    #[test]
    fn an_elided_article_is_not_part_of_the_place() {
        assert_eq!(
            place("distributeur proche de l'Opéra").as_deref(),
            Some("Opéra")
        );
        assert_eq!(
            place("un distrib près de l’Étoile stp").as_deref(),
            Some("Étoile")
        );
    }

    #[test]
    fn travel_words_give_the_place_only_when_no_other_cue_does() {
        assert_eq!(
            place("going to montreal, where can i withdraw cash").as_deref(),
            Some("montreal")
        );
        assert_eq!(
            place("flying to boston tomorrow, need an atm there").as_deref(),
            Some("boston")
        );
        assert_eq!(
            place("i'm going to need cash near 94105").as_deref(),
            Some("94105")
        );
        assert_eq!(place("i'm going to lose my mind").as_deref(), None);
    }

    #[test]
    fn places_are_read_with_or_without_capitals() {
        assert_eq!(
            place("atm near union square").as_deref(),
            Some("union square")
        );
        assert_eq!(
            place("distributeur pres de bastille").as_deref(),
            Some("bastille")
        );
        assert_eq!(place("cash in soho").as_deref(), Some("soho"));
        assert_eq!(place("weather in Lyon tomorrow").as_deref(), Some("Lyon"));
        assert_eq!(place("anything in 75011").as_deref(), Some("75011"));
        // A weak cue before lower-case words, no ATM word: no place, and no regex run.
        assert!(!may_name_a_place(
            "i lost it in a bar",
            "i lost it in a bar",
            false
        ));
        assert_eq!(place("i lost it in a bar"), None);
    }
}
