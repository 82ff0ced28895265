//! Casual French the short-answer readers of `words` also accept: slang, verlan, Québec
//! and SMS spellings of yes ("nickel", "top", "ouin", "grave" — only opening the answer),
//! of no ("nan merci", "oublie ça", "pas la peine"), of "show more" ("celles d'avant", "les plus anciennes") and of a
//! follow-up opener ("pis pour le livret", "ensuite en octobre").

/// Words that say yes when they open a short answer ("nickel", "top merci"); elsewhere
/// they may mean something else ("c'est grave ?").
pub(crate) const YES_WORDS: &[&str] = &[
    "nickel",
    "top",
    "impec",
    "impeccable",
    "super",
    "génial",
    "genial",
    "grave",
    "ouin",
    "ouan",
    "ouii",
    "ouiii",
    "oué",
    "oue",
    "okok",
    "certainement",
    "évidemment",
    "volontier",
    "cool",
    "vasy",
    "vazy",
    "banco",
    "entendu",
    "validé",
    "valide",
];

/// Phrases that say yes wherever they stand in a short answer.
pub(crate) const YES_PHRASES: &[&str] = &[
    // Swiss "ça joue" (that works), Québec "correct", "c'est beau".
    "ça joue",
    "ca joue",
    "ça me joue",
    "c'est beau",
    "ça marche",
    "ca marche",
    "ça roule",
    "ca roule",
    "bah oui",
    "ben oui",
    "ben ouais",
    "bah ouais",
    "oui oui",
    "mais oui",
    "je veux bien",
    "s'il vous plait",
    "s'il te plait",
    "merci oui",
    "fais le",
    "fais-le",
    "faites le",
    "faites-le",
    "on y va",
    "allons-y",
    "allons y",
    "pourquoi pas",
];

/// Phrases that say no wherever they stand in a short answer.
pub(crate) const NO_PHRASES: &[&str] = &[
    "non merci",
    "nan merci",
    "oublie ça",
    "oublie ca",
    "oubliez",
    "c'est pas la peine",
    "pas besoin",
    "ça ira",
    "ca ira",
    "je l'ai encore",
    "je l'ai toujours",
    "finalement non",
    "plus besoin",
    "on laisse",
    "pas pour l'instant",
    "pas tout de suite",
];

/// Whole answers asking for the older items of the last list.
pub(crate) const MORE: &[&str] = &[
    "celles d'avant",
    "ceux d'avant",
    "celles d'avant ça",
    "les précédentes",
    "les precedentes",
    "précédentes",
    "precedentes",
    "les plus anciennes",
    "les anciennes",
    "les plus vieilles",
    "plus vieilles",
    "encore avant",
    "et encore avant",
    "celles encore avant",
    "les opérations d'avant",
    "les operations d'avant",
    "plus anciennes",
    "plus anciens",
    "les autres",
    "d'autres opérations",
    "d'autres operations",
    "et avant",
    "avant ça",
    "avant ca",
    "encore plus",
    "la suite stp",
    "la suite svp",
    "montre la suite",
    "montre moi la suite",
    "plus stp",
    "plus svp",
    "y a pas d'autres",
    "y en a d'autres",
    "il y en a d'autres",
];

/// Openers that make a message a follow-up to the last answer ("pis pour le livret").
pub(crate) const CUES: &[&str] = &[
    "pis ",
    "pis pour ",
    "puis ",
    "ensuite ",
    "et sinon ",
    "sinon ",
    "et niveau ",
    "niveau ",
    "côté ",
    "cote ",
    "et côté ",
    "et cote ",
    "et en ",
    "et chez ",
    "et sur ",
];

/// True when a short answer (four words at most, no figures: "top 3 purchases" is a
/// request) opens with one of [`YES_WORDS`].
pub(crate) fn opens_yes(words: &[&str]) -> bool {
    words.len() <= 4
        && words
            .first()
            .is_some_and(|w| crate::words::listed(YES_WORDS, w))
        && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
        && !words.iter().any(|w| crate::words::listed(FAREWELLS, w))
}

/// True for a word in [`FAREWELLS`].
pub(crate) fn is_farewell(word: &str) -> bool {
    crate::words::listed(FAREWELLS, word)
}

/// Words that close a conversation: "cool ty bye", "top merci ciao" say goodbye, not yes.
const FAREWELLS: &[&str] = &[
    "bye",
    "byebye",
    "bye-bye",
    "cya",
    "ciao",
    "tchao",
    "tcho",
    "adieu",
    "goodbye",
    "later",
    "laters",
    "ttyl",
    "gtg",
    "g2g",
    "a+",
    "++",
    "bisous",
    "bonsoir",
    "bonne-journee",
];

/// "c'est tout ?", "is that all?" — asked, with a question mark: said without one it
/// closes the conversation ("c'est tout, merci").
pub(crate) fn asks_if_all(text: &str) -> bool {
    let asked = text.trim_end().ends_with('?');
    let t = crate::words::normalize(text);
    asked
        && matches!(
            t.as_str(),
            "c tout"
                | "c'est tout"
                | "cest tout"
                | "c tt"
                | "that's all"
                | "thats all"
                | "is that all"
                | "that's it"
                | "thats it"
                | "is that it"
                | "y a que ça"
                | "y a que ca"
                | "il y a que ça"
                | "il y a que ca"
                | "que ça"
                | "que ca"
        )
}

/// True for a "show more" in casual French: the whole answer, with or without a leading
/// "et" and a question mark.
pub(crate) fn show_more(normalized: &str) -> bool {
    let t = normalized.strip_prefix("et ").unwrap_or(normalized);
    crate::words::listed(MORE, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_farewell_is_not_a_yes() {
        for text in [
            "cool ty bye",
            "top merci ciao",
            "nickel bye",
            "super a+",
            "cool ttyl",
            "ok gtg",
        ] {
            let words: Vec<&str> = text.split_whitespace().collect();
            assert!(!opens_yes(&words), "{text}");
        }
        assert!(opens_yes(&["nickel", "merci"]));
    }

    #[test]
    fn casual_yes_only_opens_a_short_answer() {
        assert!(opens_yes(&["nickel"]));
        assert!(opens_yes(&["top", "merci"]));
        assert!(!opens_yes(&["top", "3", "biggest", "purchases"]));
        assert!(!opens_yes(&["c'est", "grave"]));
        assert!(!opens_yes(&["super", "mais", "je", "veux", "mon", "solde"]));
    }

    #[test]
    fn is_that_all_is_asked() {
        assert!(asks_if_all("c tout?"));
        assert!(asks_if_all("c'est tout ?"));
        assert!(!asks_if_all("c'est tout"));
        assert!(!asks_if_all("c'est tout, merci"));
    }

    #[test]
    fn older_items_in_casual_french() {
        for more in ["celles d'avant", "et celles d'avant", "les plus anciennes"] {
            assert!(show_more(more), "{more}");
        }
        for not in ["celles de carrefour", "mon solde", "et le livret"] {
            assert!(!show_more(not), "{not}");
        }
    }
}
