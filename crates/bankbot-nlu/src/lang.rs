//! English or French? A score from function words, banking words and accents.

use std::collections::HashSet;
use std::sync::LazyLock;

use bankbot_core::Lang;

use crate::normalize::words;

const FR: &[&str] = &[
    "le",
    "la",
    "les",
    "de",
    "du",
    "des",
    "un",
    "une",
    "mon",
    "ma",
    "mes",
    "je",
    "j",
    "est",
    "et",
    "ou",
    "au",
    "aux",
    "pour",
    "sur",
    "dans",
    "avec",
    "quel",
    "quelle",
    "quels",
    "combien",
    "solde",
    "compte",
    "comptes",
    "merci",
    "bonjour",
    "salut",
    "bonsoir",
    "mois",
    "semaine",
    "hier",
    "aujourd",
    "hui",
    "distributeur",
    "carte",
    "bloquer",
    "bloque",
    "plus",
    "proche",
    "pas",
    "ai",
    "suis",
    "vous",
    "tu",
    "moi",
    "dernier",
    "derniere",
    "derniers",
    "dernieres",
    "depenses",
    "depense",
    "virement",
    "parler",
    "conseiller",
    "revoir",
    "aide",
    "oui",
    "non",
    "c",
    "qu",
    "que",
    "qui",
    "quoi",
    "ce",
    "cette",
    "ces",
    "il",
    "elle",
    "y",
    "a",
    "chez",
    "fraude",
    "opposition",
    "courant",
    "livret",
    "epargne",
    "donnees",
    "supprimer",
    "lier",
    "delier",
    "alertes",
    "beaucoup",
    "depuis",
    "annee",
    "ans",
    "jours",
    "sont",
    "mes",
    "votre",
    "vos",
    "faire",
    "peux",
    "pouvez",
    "veux",
    "voudrais",
    "besoin",
    "d",
    "l",
    "m",
    "s",
    "n",
    "t",
    "te",
    "ne",
    "rien",
    "bien",
    "operations",
    "achats",
    "paiements",
    "retrait",
    "argent",
    "banque",
    "coucou",
    "svp",
    "stp",
    "ca",
    "ete",
    "etre",
    // Thanks and farewells typed without accents ("nickel, bon week-end").
    "nickel",
    "bon",
    "bonne",
    "journee",
    "soiree",
    "parfait",
    "genial",
    "impec",
    // Pronouns, verbs and words of everyday questions ("ils vont me rembourser ?", "c
    // quand le remboursement", "tt ce qui depasse 50e").
    "ils",
    "elles",
    "nous",
    "vont",
    "vais",
    "va",
    "sera",
    "serai",
    "quand",
    "pourquoi",
    "mais",
    "donc",
    "aussi",
    "tout",
    "tous",
    "toute",
    "toutes",
    "truc",
    "trucs",
    "rembourse",
    "rembourser",
    "remboursement",
    "remboursee",
    "depasse",
    "grosse",
    "gros",
    "achat",
    "wesh",
    // Slang and regional words ("on m'a pompé 50 balles", "une tirette icitte").
    "m'a",
    "m'ont",
    "balles",
    "pompe",
    "boules",
    "thune",
    "thunes",
    "louche",
    "chelou",
    "zarbi",
    "tirette",
    "bancontact",
    "icitte",
    "prelo",
    "prelos",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "entre",
    "avant",
];

const EN: &[&str] = &[
    "the",
    "my",
    "is",
    "what",
    "whats",
    "how",
    "much",
    "i",
    "me",
    "to",
    "of",
    "in",
    "on",
    "for",
    "balance",
    "account",
    "accounts",
    "card",
    "please",
    "pls",
    "plz",
    "last",
    "month",
    "week",
    "show",
    "spent",
    "spend",
    "did",
    "do",
    "can",
    "you",
    "hi",
    "hello",
    "hey",
    "thanks",
    "thank",
    "thx",
    "bye",
    "help",
    "atm",
    "nearest",
    "near",
    "where",
    "with",
    "and",
    "or",
    "at",
    "it",
    "this",
    "that",
    "have",
    "want",
    "need",
    "lock",
    "freeze",
    "fraud",
    "talk",
    "human",
    "agent",
    "link",
    "unlink",
    "delete",
    "data",
    "alerts",
    "yesterday",
    "today",
    "transactions",
    "payments",
    "spending",
    "money",
    "checking",
    "savings",
    "credit",
    "cash",
    "machine",
    "am",
    "are",
    "was",
    "be",
    "an",
    "a",
    "any",
    "some",
    "your",
    "get",
    "give",
    "tell",
    "let",
    "check",
    "see",
    "find",
    "how's",
    "whats",
    "much",
    "morning",
    "good",
    "see",
    "ya",
    "goodbye",
    "cheers",
    "ty",
    "yes",
    "no",
    "u",
    "ur",
    "im",
    "dont",
    "doesnt",
    "don",
    "t",
    "s",
    "m",
    "up",
    "out",
    // Remarks: "dang not bad y'all", "sheesh lowkey a lot", "well that's not so bad" (the
    // "y" of "y'all" is no French).
    "not",
    "bad",
    "all",
    "so",
    "too",
    "well",
    "that's",
    "thats",
    "lowkey",
    "sheesh",
    "dang",
    "bruh",
];

/// [`FR`] and [`EN`] as sets: every word of every parse is looked up in both.
static FR_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| FR.iter().copied().collect());
static EN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| EN.iter().copied().collect());

/// Whether `word` (normalised) counts as French and not as English.
pub(crate) fn is_french_word(word: &str) -> bool {
    FR_SET.contains(word) && !EN_SET.contains(word)
}

/// Whether `norm` (normalised) holds a word only `lang` has: "ok et last 10 transactions"
/// holds French ("et") though it reads as English on the whole.
pub fn has_word_of(norm: &str, lang: Lang) -> bool {
    // Letters alone ("d" of "i'd") are no evidence.
    words(norm).filter(|w| w.len() >= 2).any(|w| {
        let fr = FR_SET.contains(w);
        let en = EN_SET.contains(w);
        match lang {
            Lang::Fr => fr && !en,
            _ => en && !fr,
        }
    })
}

/// The detected language and whether the evidence was clear (a non-zero score).
pub fn detect(norm: &str, original: &str) -> (Lang, bool) {
    let mut score: i32 = 0; // > 0 means French
    for w in words(norm) {
        let fr = FR_SET.contains(w);
        let en = EN_SET.contains(w);
        if fr && !en {
            score += 2;
        } else if en && !fr {
            score -= 2;
        }
    }
    if original.chars().any(|c| {
        matches!(
            c,
            'é' | 'è' | 'ê' | 'à' | 'ù' | 'ç' | 'ô' | 'î' | 'â' | 'û' | 'ë' | 'ï' | 'É' | 'À'
        )
    }) {
        score += 1;
    }
    if original.contains('€') {
        score += 1;
    }
    match score {
        s if s > 0 => (Lang::Fr, true),
        s if s < 0 => (Lang::En, true),
        _ => (Lang::En, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn lang(s: &str) -> (Lang, bool) {
        detect(&normalize(s), s)
    }

    #[test]
    fn tells_english_from_french() {
        assert_eq!(lang("what's my balance"), (Lang::En, true));
        assert_eq!(lang("quel est mon solde"), (Lang::Fr, true));
        assert_eq!(lang("distributeur le plus proche"), (Lang::Fr, true));
        assert_eq!(lang("did uber charge me last month"), (Lang::En, true));
        assert_eq!(lang("asdfghjkl"), (Lang::En, false));
        assert_eq!(lang("dépenses"), (Lang::Fr, true));
        assert_eq!(lang("nickel, bon week-end !"), (Lang::Fr, true));
        assert_eq!(lang("dang not bad y'all"), (Lang::En, true));
        assert_eq!(lang("sheesh lowkey a lot"), (Lang::En, true));
    }

    #[test]
    fn finds_the_words_of_one_language() {
        assert!(has_word_of(
            &normalize("ok et last 10 transactions"),
            Lang::Fr
        ));
        assert!(!has_word_of(
            &normalize("show me my last transactions"),
            Lang::Fr
        ));
        assert!(has_word_of(&normalize("check mon solde stp"), Lang::En));
        assert!(!has_word_of(&normalize("i'd like my balance"), Lang::Fr));
    }
}
