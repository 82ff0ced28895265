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
    "cheers",
    "ta",
    "rn",
    "now",
    "pal",
    "yall",
    "y'all",
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
        let lower = trimmed.to_lowercase().replace('’', "'");
        // "bastille s'il te plait" (the runtime's "stp" written out), "soho thank you".
        if let Some(phrase) = TAIL_PHRASES.iter().find(|p| {
            lower.len() == trimmed.len()
                && lower.len() > p.len()
                && lower.ends_with(**p)
                && lower[..lower.len() - p.len()].ends_with(' ')
        }) {
            rest = trimmed[..trimmed.len() - phrase.len()].trim_end();
            continue;
        }
        let Some((head, last)) = trimmed.rsplit_once(' ') else {
            return trimmed;
        };
        if !TAILS.contains(&last.to_lowercase().as_str()) {
            return trimmed;
        }
        rest = head;
    }
}

/// Sign-offs of several words ("s'il te plait", "thank you", "merci beaucoup").
const TAIL_PHRASES: &[&str] = &[
    "s'il te plait",
    "s'il te plaît",
    "s'il vous plait",
    "s'il vous plaît",
    "merci beaucoup",
    "thank you",
    "thanks a lot",
    "right now",
    "for now",
];

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

/// Words after a place that describe the machine or the moment, never the place.
const NOT_PLACE_AFTER: &[&str] = &[
    "that", "which", "with", "who", "open", "takes", "take", "accepts", "accept", "for", "please",
    "pls", "plz", "and", "or", "asap", "now", "today", "tonight", "thanks", "thx", "where",
    "where's", "wheres", "i", "im", "i'm", "my", "is", "are", "qui", "avec", "svp", "stp",
    "ouvert", "merci", "et", "ou",
];

/// The place as the customer typed it in `text`: a place cut short by the reading ("1
/// market street San" in "atm near 1 market street San Francisco") gets the words that
/// follow it back (two at most, never one that describes the machine), and a house number
/// before a street ("1 market street san francisco") is dropped, as the places known are
/// streets and spots, not addresses.
pub(crate) fn widened(place: &str, text: &str) -> String {
    let full = widened_with_number(place, text);
    let mut out: Vec<&str> = full.split_whitespace().collect();
    let house_number = out.first().is_some_and(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.len() <= 4
            && digits.chars().all(|c| c.is_ascii_digit())
            && w.len() - digits.len() <= 1
    });
    if house_number && out.len() >= 3 {
        out.remove(0);
    }
    out.join(" ")
}

/// [`widened`] with its house number kept: "1 market st" names a machine's address when
/// the network has one there.
pub(crate) fn widened_with_number(place: &str, text: &str) -> String {
    let lower_text = text.to_lowercase();
    let lower_place = place.to_lowercase();
    let mut out: Vec<String> = place.split_whitespace().map(str::to_owned).collect();
    if let Some(at) = lower_text
        .find(&lower_place)
        .filter(|_| !lower_place.is_empty())
    {
        let rest = &text[at + lower_place.len()..];
        // Only a cut in the middle of a run of words: the place ended at a word's end.
        if rest.starts_with(' ') {
            for w in rest.split_whitespace().take(2) {
                let bare = w.trim_end_matches(['?', '!', '.', ',']);
                let ends = bare.len() != w.len();
                if bare.is_empty()
                    || !bare.chars().all(char::is_alphabetic)
                    || NOT_PLACE_AFTER.contains(&bare.to_lowercase().as_str())
                {
                    break;
                }
                out.push(bare.to_owned());
                if ends {
                    break;
                }
            }
        }
    }
    out.join(" ")
}

/// Where the customer is, said without a place the bot could find: their car, "right
/// here", "near me", "on the highway" (folded, whole phrases).
const NO_PLACE: &[&str] = &[
    "my car",
    "the car",
    "in my car",
    "in the car",
    "at my car",
    "by my car",
    "my truck",
    "the truck",
    "my vehicle",
    "on the road",
    "side of the road",
    "roadside",
    "on the highway",
    "on the freeway",
    "on the interstate",
    "gas station",
    "a gas station",
    "here",
    "right here",
    "im here",
    "i'm here",
    "where i am",
    "near me",
    "around me",
    "close to me",
    "nearby",
    "ma voiture",
    "dans ma voiture",
    "dans la voiture",
    "ici",
    "pres de moi",
    "autour de moi",
    "sur l'autoroute",
    "sur la route",
];

/// True when the answer to "where are you?" says where without a place ("im in my car",
/// "right here", "near me"): read as a card word ("car" as "card") it started a lock.
pub(crate) fn names_no_place(text: &str) -> bool {
    let padded = crate::cues::fold(text);
    let f = padded.trim();
    let rest = without_opening(f);
    let rest = rest
        .strip_suffix(" pls")
        .or_else(|| rest.strip_suffix(" please"))
        .unwrap_or(rest);
    NO_PLACE.contains(&rest)
        || NO_PLACE.contains(&f)
        || (f.split_whitespace().count() <= 9
            && ["my car", "the car", "ma voiture"]
                .iter()
                .any(|p| bankbot_core::has_padded_phrase(&padded, p))
            && !f.contains("card")
            && !f.contains("carte"))
}

/// "please revert", "undo that", "annule ça": the last change undone, asked with no
/// change named (folded, the whole message but for "please").
const UNDO: &[&str] = &[
    "revert",
    "revert it",
    "revert that",
    "revert back",
    "undo",
    "undo it",
    "undo that",
    "undo this",
    "put it back",
    "change it back",
    "reverse it",
    "reverse that",
    "go back",
    "roll back",
    "rollback",
    "annule ca",
    "annuler",
    "reviens en arriere",
    "remets comme avant",
];

/// True when `text` only asks to undo ("please revert", "can you undo that").
pub(crate) fn asks_undo(text: &str) -> bool {
    let padded = crate::cues::fold(text);
    let mut f = padded.trim();
    for opener in [
        "please ",
        "pls ",
        "plz ",
        "can you ",
        "could you ",
        "can u ",
        "stp ",
        "svp ",
    ] {
        f = f.strip_prefix(opener).unwrap_or(f);
    }
    for closer in [" please", " pls", " plz", " stp", " svp"] {
        f = f.strip_suffix(closer).unwrap_or(f);
    }
    UNDO.contains(&f)
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
    fn a_place_cut_short_is_widened_and_loses_its_house_number() {
        assert_eq!(
            widened(
                "1 market street San",
                "ATM machine near 1 market street San Francisco"
            ),
            "market street San Francisco"
        );
        assert_eq!(
            widened("union square", "atm near union square that takes deposits"),
            "union square"
        );
        assert_eq!(widened("94105", "atm near 94105"), "94105");
        assert_eq!(widened("75011", "atm 75011 paris"), "75011 paris");
        assert_eq!(
            widened("221b baker street", "221b baker street"),
            "baker street"
        );
    }

    #[test]
    fn a_car_or_here_is_no_place() {
        for t in [
            "my car",
            "im in my car",
            "at my car on the side of the road",
            "right here",
            "near me",
            "here pls",
            "dans ma voiture",
        ] {
            assert!(names_no_place(t), "{t}");
        }
        for t in [
            "union square",
            "my card",
            "lock my card",
            "market street",
            "here's my card",
        ] {
            assert!(!names_no_place(t), "{t}");
        }
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
