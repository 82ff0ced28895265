//! What a customer types for a place, made searchable: "im at union sq" is "union sq";
//! "market street san francisco", when the street is unknown, falls back to the shorter
//! names inside it ("san francisco"), longest first, the end of the text before its start.

/// Openings that say where the customer is, not the place itself.
const OPENINGS: &[&str] = &[
    "i'm at ",
    "im at ",
    "i am at ",
    "i'm in ",
    "im in ",
    "i am in ",
    "i'm near ",
    "im near ",
    "i am near ",
    "i'm on ",
    "im on ",
    "i am on ",
    "i'm by ",
    "im by ",
    "near ",
    "around ",
    "at ",
    "in ",
    "je suis a ",
    "je suis à ",
    "je suis au ",
    "je suis pres de ",
    "je suis près de ",
    "chu a ",
    "chu à ",
    "pres de ",
    "près de ",
    "vers ",
    "close to ",
    "next to ",
    // "a marseille", "dans le 11e", "à côté de la gare de lyon", "pas loin de bastille".
    "a cote de ",
    "à côté de ",
    "a côté de ",
    "à cote de ",
    "a coté de ",
    "à coté de ",
    "cote de ",
    "côté de ",
    "a cote du ",
    "à côté du ",
    "du cote de ",
    "du côté de ",
    "pas loin de ",
    "pas loin du ",
    "proche de ",
    "proche du ",
    "autour de ",
    "pres du ",
    "près du ",
    "dans le ",
    "dans ",
    "sur ",
    "a ",
    "à ",
    "au ",
    "en ",
];

/// Words a place is signed off with, not part of it: "a marseille gros", "bastille stp",
/// "pres de la defense frère", "rosemont svp merci".
const TAILS: &[&str] = &[
    "gros",
    "grosse",
    "frere",
    "frère",
    "frero",
    "fréro",
    "frerot",
    "frérot",
    "mec",
    "wesh",
    "poto",
    "cousin",
    "stp",
    "svp",
    "stv",
    "steup",
    "steuplait",
    "steuplé",
    "merci",
    "mercii",
    "please",
    "pls",
    "plz",
    "bro",
    "mate",
    "thanks",
    "thx",
    "là",
    "hein",
    "tsé",
];

/// `text` without an opening like "I'm at" or "à côté de", nor a sign-off like "stp" or
/// "gros" (both may repeat: "je suis a cote de bastille stp merci").
pub(crate) fn without_opening(text: &str) -> &str {
    let mut rest = text.trim().trim_end_matches(['?', '!', '.', ' ']);
    loop {
        let lower = rest.to_lowercase();
        let Some(o) = OPENINGS
            .iter()
            .find(|o| lower.starts_with(**o) && lower.len() == rest.len() && rest.len() > o.len())
        else {
            break;
        };
        rest = rest[o.len()..].trim();
    }
    loop {
        let trimmed = rest.trim_end_matches(['?', '!', '.', ',', ' ']);
        let Some((head, last)) = trimmed.rsplit_once(' ') else {
            return trimmed;
        };
        if !TAILS.contains(&last.to_lowercase().as_str()) {
            return trimmed;
        }
        rest = head;
    }
}

/// Leading words of a follow-up that are not the place: "ok", "and", "what about", "et à"
/// (with [`OPENINGS`], which say where the customer is).
const FOLLOW_UP_OPENINGS: &[&str] = &[
    "ok ",
    "okay ",
    "k ",
    "oki ",
    "ouais ",
    "oui ",
    "yes ",
    "ya ",
    "yeah ",
    "cool ",
    "merci ",
    "thanks ",
    "super ",
    "d'accord ",
    "dac ",
    "and ",
    "et ",
    "what about ",
    "how about ",
    "sinon ",
    "pis ",
    "puis ",
    "then ",
    "now ",
    "maintenant ",
    "pour ",
    "for ",
    "à ",
    "a ",
    "au ",
    "aux ",
];

/// The place in a short follow-up after cash machines, its opening words dropped:
/// "ok et a paris 11e ?" is "paris 11e", "and what about london" is "london". `None` when
/// nothing was dropped (a bare place is handled elsewhere) or nothing is left.
pub(crate) fn follow_up_spot(text: &str) -> Option<String> {
    let mut rest = text
        .trim()
        .trim_end_matches(['?', '!', '.', ' '])
        .replace(',', " ")
        .to_lowercase();
    let before = rest.clone();
    loop {
        let trimmed = rest.trim_start().to_owned();
        // The follow-up's own words, then those that say where the customer is ("in ",
        // "près de ": [`OPENINGS`]).
        match FOLLOW_UP_OPENINGS
            .iter()
            .chain(OPENINGS)
            .find(|o| trimmed.starts_with(**o))
        {
            Some(o) => rest = trimmed[o.len()..].to_owned(),
            None => {
                rest = trimmed;
                break;
            }
        }
    }
    let rest = rest.trim();
    let courtesy = rest.split_whitespace().next().is_some_and(|w| {
        matches!(
            w,
            "thanks" | "thank" | "thx" | "merci" | "bye" | "ciao" | "great" | "parfait" | "nice"
        )
    });
    (rest != before.trim() && !rest.is_empty() && !courtesy && rest.split_whitespace().count() <= 4)
        .then(|| rest.to_owned())
}

/// Shorter names to try when `place` is not found, by length, longest first: the run
/// ending the text and the run starting it ("street san francisco" and "market street
/// san", …, "san francisco" and "market street"), at most four lengths.
pub(crate) fn fallback_pairs(place: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = place.split_whitespace().collect();
    (1..words.len())
        .rev()
        .take(4)
        .map(|len| (words[words.len() - len..].join(" "), words[..len].join(" ")))
        .collect()
}

/// "où ça ?", "comment ça ?", "c'est-à-dire ?", "where?": the customer asks back what place
/// is wanted, in answer to "where are you?" — no place to search.
pub(crate) fn asks_back(text: &str) -> bool {
    const BACK: &[&str] = &[
        "ou ca",
        "ou",
        "comment ca",
        "c'est a dire",
        "c est a dire",
        "quoi",
        "hein",
        "pardon",
        "ou ca exactement",
        "comment",
        "where",
        "where what",
        "what do you mean",
        "what",
        "huh",
    ];
    let f = crate::cues::fold(text);
    let f = f.trim();
    BACK.contains(&f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_ups_lose_their_opening_words() {
        assert_eq!(
            follow_up_spot("ok et a paris 11e ?").as_deref(),
            Some("paris 11e")
        );
        assert_eq!(
            follow_up_spot("and what about london").as_deref(),
            Some("london")
        );
        assert_eq!(
            follow_up_spot("ouais, et près de bastille").as_deref(),
            Some("bastille")
        );
        assert_eq!(follow_up_spot("london"), None);
        assert_eq!(follow_up_spot("ok"), None);
        assert_eq!(follow_up_spot("ok thanks"), None);
    }

    #[test]
    fn openings_are_dropped() {
        assert_eq!(without_opening("im at union sq"), "union sq");
        assert_eq!(without_opening("Union Square"), "Union Square");
        assert_eq!(without_opening("a marseille gros"), "marseille");
        assert_eq!(without_opening("pres de la Defense"), "la Defense");
        assert_eq!(without_opening("dans le 11e"), "11e");
        assert_eq!(
            without_opening("à côté de la gare de lyon stp"),
            "la gare de lyon"
        );
        assert_eq!(
            without_opening("je suis a cote de bastille frère"),
            "bastille"
        );
        assert_eq!(
            without_opening("vers lille europe svp merci"),
            "lille europe"
        );
        assert_eq!(without_opening("a"), "a");
    }

    #[test]
    fn fallbacks_pair_the_end_and_the_start() {
        let f = fallback_pairs("market street san francisco");
        assert_eq!(
            f[0],
            (
                "street san francisco".to_owned(),
                "market street san".to_owned()
            )
        );
        assert_eq!(
            f[1],
            ("san francisco".to_owned(), "market street".to_owned())
        );
        assert!(fallback_pairs("london").is_empty());
    }
}
