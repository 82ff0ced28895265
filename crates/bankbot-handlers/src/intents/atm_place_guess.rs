//! "un distrib place de la république", "dab saint lazare", "atm union square": a place
//! typed right after the ATM words, with no "near"/"près de" for the slot reader to catch.
//! What is left once the ATM words are dropped is tried as a place name.

/// Words that open an ATM request, dropped from the start.
const LEADING: &[&str] = &[
    "un",
    "une",
    "le",
    "la",
    "les",
    "des",
    "y",
    "il",
    "a",
    "ya",
    "y'a",
    "an",
    "the",
    "any",
    "distrib",
    "distribs",
    "distributeur",
    "distributeurs",
    "dab",
    "dabs",
    "gab",
    "guichet",
    "guichets",
    "automatique",
    "automatiques",
    "bancaire",
    "atm",
    "atms",
    "cashpoint",
    "cashpoints",
    "cash",
    "machine",
    "machines",
    "billets",
    "plus",
    "proche",
    "nearest",
    "closest",
];

/// Words that name a cash machine, in both languages (Québec's "guichet" included).
const ATM_WORDS: &[&str] = &[
    "atm",
    "atms",
    "cashpoint",
    "cashpoints",
    "distrib",
    "distribs",
    "distributeur",
    "distributeurs",
    "dab",
    "dabs",
    "gab",
    "guichet",
    "guichets",
    // Swiss "bancomat" / "postomat", Belgian "mister cash".
    "bancomat",
    "bancomats",
    "bankomat",
    "postomat",
    "postomats",
];

/// True when `text` names a cash machine ("le atm", "un distrib", "guichet", "cash
/// machine"), whatever the engine made of the rest.
pub(crate) fn names_atm(text: &str) -> bool {
    let lower = crate::cues::fold(text);
    lower.contains(" cash machine")
        || lower.contains(" cash point")
        || lower
            .split_whitespace()
            .any(|w| ATM_WORDS.contains(&elided(w)))
}

/// A word without its elided article: "l'atm" is "atm", "d'distrib" is "distrib".
fn elided(word: &str) -> &str {
    ["l'", "d'", "l’", "d’"]
        .iter()
        .find_map(|a| word.strip_prefix(a))
        .unwrap_or(word)
}

/// "non mais c'est pour l'ATM", "c'est pour un distrib": a cash machine named in a short
/// message the engine could not place, with no card, amount or fee in it (a card swallowed
/// by a machine, a withdrawal of 40 € or its fee are other questions).
pub(crate) fn asks_for_atm(text: &str) -> bool {
    let f = crate::cues::fold(text);
    const OTHER: &[&str] = &[
        "carte",
        "card",
        "cb",
        "frais",
        "fee",
        "fees",
        "avale",
        "avalee",
        "swallowed",
        "ate",
        "retrait",
        "retire",
        "retirer",
        "withdrawal",
        "withdrew",
        "debit",
        "debite",
        "plafond",
        "limit",
        "limite",
    ];
    names_atm(text)
        && f.split_whitespace().count() <= 10
        && !f.chars().any(|c| c.is_ascii_digit())
        && !f.split_whitespace().any(|w| OTHER.contains(&elided(w)))
}

/// The place typed after the ATM words anywhere in a message, up to the end of that
/// sentence: "je vais a paris ce soir y a un distrib vers bastille ?" is "bastille", "y a un
/// distrib pres de la defense stp, bonne soirée" is "la defense". `None` when the ATM words
/// end their sentence ("ce soir je suis a lyon, ou est le distributeur").
pub(crate) fn after_atm_words(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let bare = |w: &str| {
        elided(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
            .trim_end_matches('\'')
            .to_owned()
    };
    let at = words
        .iter()
        .rposition(|w| ATM_WORDS.contains(&bare(w).as_str()))?;
    if words[at].ends_with(['?', '!', '.', ',', ';']) {
        return None;
    }
    let mut place = Vec::new();
    for w in &words[at + 1..] {
        let ends = w.ends_with(['?', '!', '.', ',', ';']);
        let w = w.trim_matches(|c: char| matches!(c, '?' | '!' | '.' | ',' | ';'));
        if !w.is_empty() {
            place.push(w);
        }
        if ends {
            break;
        }
    }
    let lead = place
        .iter()
        .take_while(|w| LEADING.contains(w) || AROUND.contains(w) || **w == "a")
        .count();
    // "pres de la defense": the article kept, a name may begin with it ("La Défense").
    let article = lead > 0 && lead < place.len() && matches!(place[lead - 1], "la" | "le" | "les");
    place.drain(..lead - usize::from(article));
    let joined = place.join(" ");
    let cleaned = crate::place_text::without_opening(&joined);
    let n = cleaned.split_whitespace().count();
    (n > 0
        && n <= MAX_WORDS
        && !cleaned
            .split_whitespace()
            .any(|w| LEADING.contains(&w) && n == 1))
    .then(|| cleaned.to_owned())
}

/// Prepositions and articles between the ATM words and the place.
const AROUND: &[&str] = &[
    "on", "in", "at", "near", "by", "around", "the", "close", "to", "next", "sur", "dans", "à",
    "au", "aux", "vers", "pres", "près", "de", "du", "des", "le", "la", "les", "l'",
];

/// Polite words and punctuation dropped from the end.
const TRAILING: &[&str] = &[
    "stp", "svp", "please", "pls", "plz", "?", "!", "merci", "thanks",
];

/// The longest place name a request may end with, in words.
const MAX_WORDS: usize = 5;

/// The words left after the ATM words, when some are left and they may be a place.
pub(crate) fn remainder(text: &str) -> Option<String> {
    let lower = text.to_lowercase().replace(['?', '!', ','], " ");
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    let lead = words.iter().take_while(|w| LEADING.contains(w)).count();
    // "old montreal atm", "plateau guichet stp": the place first, the ATM words after.
    while words
        .last()
        .is_some_and(|w| TRAILING.contains(w) || ATM_WORDS.contains(w))
    {
        words.pop();
    }
    // Before the ATM words, only a name: "où est le distributeur" names no place.
    let trailing_atm = lead == 0
        && words.len() < lower.split_whitespace().count()
        && !words.iter().any(|w| {
            LEADING.contains(w)
                || AROUND.contains(w)
                || matches!(
                    *w,
                    "où" | "ou" | "est" | "where" | "is" | "are" | "what" | "whats" | "quel"
                )
        });
    if lead == 0 && !trailing_atm {
        return None;
    }
    words.drain(..lead.min(words.len()));
    // "atm on the plateau", "guichet dans le vieux-montréal": the words that say where.
    let around = words.iter().take_while(|w| AROUND.contains(w)).count();
    words.drain(..around);
    if words.is_empty()
        || words.len() > MAX_WORDS
        || words
            .iter()
            .any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.len() < 4 && !ordinal(w))
    {
        return None;
    }
    Some(words.join(" "))
}

/// "11e", "1er", "3e": an arrondissement's number, a place, not a count.
fn ordinal(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "e" | "er" | "eme" | "ème")
}

#[cfg(test)]
mod tests {
    use super::remainder;

    #[test]
    fn the_place_after_the_atm_words() {
        assert_eq!(
            remainder("un distrib place de la république").as_deref(),
            Some("place de la république")
        );
        assert_eq!(
            remainder("dab saint lazare stp").as_deref(),
            Some("saint lazare")
        );
        assert_eq!(
            remainder("atm union square?").as_deref(),
            Some("union square")
        );
    }

    #[test]
    fn atm_words_in_any_sentence() {
        use super::names_atm;
        assert!(names_atm("ou est le atm plus proche de gare du nord"));
        assert!(names_atm("guichet mile end"));
        assert!(names_atm("any cash machine by times square"));
        assert!(!names_atm("how much did i spend at the gas station"));
        assert_eq!(
            remainder("guichet automatique mile end").as_deref(),
            Some("mile end")
        );
        assert_eq!(remainder("distrib paris 11e").as_deref(), Some("paris 11e"));
        assert_eq!(remainder("atm top 3"), None);
        assert_eq!(
            remainder("atm on the plateau montreal").as_deref(),
            Some("plateau montreal")
        );
        assert_eq!(
            remainder("old montreal atm").as_deref(),
            Some("old montreal")
        );
        assert_eq!(
            remainder("guichet rosemont svp").as_deref(),
            Some("rosemont")
        );
    }

    #[test]
    fn the_place_after_the_atm_words_in_a_longer_message() {
        use super::after_atm_words;
        for (text, place) in [
            (
                "je vais a paris ce soir y a un distrib vers bastille?",
                "bastille",
            ),
            (
                "demain soir je vais a lyon, ya un distrib pres de la part dieu",
                "la part dieu",
            ),
            ("y a un distrib vers bastille? bonne soirée", "bastille"),
            (
                "ce soir un distributeur à côté de la gare de lyon stp",
                "la gare de lyon",
            ),
            ("un distrib a marseille gros", "marseille"),
        ] {
            assert_eq!(after_atm_words(text).as_deref(), Some(place), "{text}");
        }
        for text in [
            "ce soir je suis a lyon, ou est le distributeur",
            "ou est le distributeur le plus proche ?",
            "distrib ?",
        ] {
            assert_eq!(after_atm_words(text), None, "{text}");
        }
    }

    #[test]
    fn an_atm_named_alone() {
        use super::asks_for_atm;
        assert!(asks_for_atm("non mais c'est pour l'ATM"));
        assert!(asks_for_atm("c'est pour un distrib"));
        assert!(!asks_for_atm("le distributeur a avalé ma carte"));
        assert!(!asks_for_atm("retrait de 40 au distributeur deux fois"));
        assert!(!asks_for_atm("c'est quoi les frais au distributeur"));
    }

    #[test]
    fn nothing_when_only_atm_words() {
        assert_eq!(remainder("un distributeur ?"), None);
        assert_eq!(remainder("distrib le plus proche"), None);
        assert_eq!(remainder("où est le distributeur"), None);
    }
}
