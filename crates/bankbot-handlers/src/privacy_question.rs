//! Which yes-or-no privacy question a message asks ("do you sell my data?", "can facebook
//! see my balance?", "do you keep my transactions?", "who can read this chat?", "is this
//! safe?", and their French forms), so that `privacy_info` answers it first in a sentence
//! or two instead of the whole notice. Questions that ask for the whole picture ("what do
//! you do with my data", "privacy policy", "why does facebook see my messages") read as
//! none and keep the long notice.

use crate::cues::fold;
use bankbot_core::has_padded_phrase;

/// The privacy question asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrivacyQuestion {
    /// "do you sell my data?", "vous revendez mes données ?"
    Sell,
    /// "can facebook see my balance?", "meta voit mes comptes ?"
    Meta,
    /// "do you share my data with facebook?", "vous partagez mes données ?"
    Share,
    /// "do you keep my transactions?", "vous stockez mes opérations ?"
    Stored,
    /// "who can read this chat?", "qui peut lire mes messages ?"
    WhoReads,
    /// "can a human read my chats?", "un conseiller lit mes messages ?"
    HumanReads,
    /// "is this safe?", "c'est sécurisé ?"
    Safe,
    /// "do you store my password?", "facebook voit mon mot de passe ?"
    Password,
}

/// Words that ask for an explanation or a list rather than a yes or no ("what do you keep",
/// "how long do you keep it", "vous gardez quoi", "pourquoi facebook voit mes messages").
const EXPLAIN: &[&str] = &[
    "why",
    "how",
    "what",
    "whats",
    "what's",
    "wat",
    "which",
    "explain",
    "pourquoi",
    "pk",
    "pq",
    "comment",
    "quoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "lesquelles",
    "combien",
    "explique",
    "expliquez",
    "expliquer",
];

const SELL: &[&str] = &[
    "sell",
    "sells",
    "selling",
    "sold",
    "resell",
    "monetize",
    "monetise",
    "advertisers",
    "advertising",
    "ads",
    "third party",
    "third parties",
    "3rd party",
    "vend",
    "vendez",
    "vendre",
    "revend",
    "revendez",
    "revendre",
    "vendu",
    "vendues",
    "vendus",
    "pub",
    "publicite",
    "publicitaires",
    "annonceurs",
    "tiers",
];

/// Passing the data on ("do you share my info with facebook", "vous transmettez mes
/// données à meta").
const SHARE: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "shared",
    "pass on",
    "passed on",
    "passing on",
    "hand over",
    "give my data",
    "give my info",
    "give out my",
    "partage",
    "partagez",
    "partager",
    "partagees",
    "partages",
    "transmettez",
    "transmet",
    "transmettre",
    "transmises",
    "transmis",
    "refilez",
    "filez",
];

const META: &[&str] = &[
    "facebook",
    "fb",
    "meta",
    "zuckerberg",
    "zuck",
    "messenger",
    "instagram",
    "insta",
];

const STORED: &[&str] = &[
    "keep",
    "keeps",
    "keeping",
    "kept",
    "store",
    "stores",
    "storing",
    "stored",
    "save",
    "saves",
    "saving",
    "saved",
    "record",
    "recording",
    "logging",
    "records",
    "retain",
    "log",
    "logs",
    "garde",
    "gardez",
    "gardes",
    "garder",
    "conserve",
    "conservez",
    "conserver",
    "stocke",
    "stockez",
    "stocker",
    "enregistre",
    "enregistrez",
    "enregistrer",
    "archive",
    "archivez",
];

/// People at the bank asked about by name ("can a human read my chats", "est-ce qu'un
/// conseiller lit mes messages"): a yes-or-no question, answered "no, unless …".
const HUMAN: &[&str] = &[
    "human",
    "humans",
    "staff",
    "employee",
    "employees",
    "agent",
    "agents",
    "real person",
    "a person",
    "people",
    "humain",
    "humains",
    "employe",
    "employes",
    "conseiller",
    "conseillers",
];

const WHO: &[&str] = &[
    "who",
    "whos",
    "who's",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    "qui",
    "quelqu'un",
    "personne",
];

/// Words before a relative "qui" ("ce qui", "celui qui", "tout ce qui").
const RELATIVE_BEFORE_QUI: &[&str] = &["ce", "celui", "celle", "ceux", "celles", "c", "ca", "cela"];

const READS: &[&str] = &[
    "read",
    "reads",
    "reading",
    "seeing",
    "looking",
    "see",
    "sees",
    "look",
    "looks",
    "access",
    "watch",
    "watches",
    "lire",
    "lit",
    "lisent",
    "voir",
    "voit",
    "voient",
    "acces",
    "regarde",
    "regardent",
];

const PASSWORD: &[&str] = &[
    "password",
    "passwords",
    "passwd",
    "pwd",
    "passcode",
    "login",
    "credentials",
    "pin",
    "mdp",
    "identifiant",
    "identifiants",
    "mot de passe",
    "code secret",
];

const SAFE: &[&str] = &[
    "safe",
    "secure",
    "securise",
    "securisee",
    "secu",
    "hack",
    "hacked",
    "hacker",
    "hackers",
    "pirate",
    "pirater",
];

/// What customers call the data the bot could pass on.
const DATA: &[&str] = &[
    "data",
    "info",
    "infos",
    "information",
    "informations",
    "details",
    "personal",
    "donnees",
    "donnee",
    "perso",
    "coordonnees",
];

/// True when the message asks a privacy question although the engine read a request about
/// the customer's money or nothing at all ("can anyone at the bank see these messages",
/// "r my details sold to third parties"). With `engine_unsure` (nothing understood) any
/// privacy question counts; otherwise only those no banking request reads like: who reads,
/// Meta seeing, selling the customer's data.
pub(crate) fn outranks(text: &str, engine_unsure: bool) -> bool {
    let Some(q) = read(text) else {
        return false;
    };
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let has = |list: &[&str]| list.iter().any(|p| words.contains(p));
    engine_unsure
        || match q {
            PrivacyQuestion::WhoReads | PrivacyQuestion::HumanReads => true,
            PrivacyQuestion::Meta => has(READS),
            PrivacyQuestion::Sell | PrivacyQuestion::Share => has(DATA),
            PrivacyQuestion::Stored | PrivacyQuestion::Safe | PrivacyQuestion::Password => false,
        }
}

/// The question asked, or `None` for a request for the whole notice.
pub(crate) fn read(text: &str) -> Option<PrivacyQuestion> {
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let has = |list: &[&str]| {
        list.iter().any(|p| {
            if p.contains(' ') {
                has_padded_phrase(&f, p)
            } else {
                words.contains(p)
            }
        })
    };
    // "ce qui dépasse", "tout ce qui", "celle qui": a relative "qui", not "who?".
    let asks_who = words.iter().enumerate().any(|(i, w)| {
        WHO.contains(w) && !(*w == "qui" && i > 0 && RELATIVE_BEFORE_QUI.contains(&words[i - 1]))
    });
    let human = has(HUMAN) && has(READS);
    let who = (asks_who || human) && has(READS);
    // "ou quoi", "or what" close a yes-or-no question; they ask for no explanation.
    let tagless = f.replace(" ou quoi ", " ").replace(" or what ", " ");
    let explains = tagless.split_whitespace().any(|w| EXPLAIN.contains(&w));
    if explains && !who {
        return None;
    }
    if has(SELL) {
        Some(PrivacyQuestion::Sell)
    } else if has(PASSWORD) {
        Some(PrivacyQuestion::Password)
    } else if has(SHARE) && !who {
        Some(PrivacyQuestion::Share)
    } else if human && !asks_who {
        Some(PrivacyQuestion::HumanReads)
    } else if who {
        Some(PrivacyQuestion::WhoReads)
    } else if has(META) {
        Some(PrivacyQuestion::Meta)
    } else if has(STORED) {
        Some(PrivacyQuestion::Stored)
    } else if has(SAFE) {
        Some(PrivacyQuestion::Safe)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::PrivacyQuestion::*;
    use super::read;

    #[test]
    fn yes_no_questions_are_read() {
        for (text, q) in [
            ("do you sell my data?", Sell),
            ("u guys selling my info to advertisers??", Sell),
            ("est-ce que vous vendez mes données ?", Sell),
            ("vous revendez mes infos a des tiers", Sell),
            ("vous revendez mes infos a des pubs ou quoi", Sell),
            ("is it safe to link my account or what", Safe),
            ("can facebook see my balance?", Meta),
            ("do you share my data with facebook", Share),
            ("u sharing my info w fb??", Share),
            ("vous partagez mes donnees avec facebook ?", Share),
            ("can a human read my chats", HumanReads),
            ("do bank staff see these messages", HumanReads),
            ("est ce qu'un conseiller lit mes messages", HumanReads),
            ("who at the bank can see my chats", WhoReads),
            ("does meta get my bank details", Meta),
            ("facebook voit mon solde ?", Meta),
            ("do you keep my transactions?", Stored),
            ("vous gardez mes operations ?", Stored),
            ("who can read this chat?", WhoReads),
            ("qui peut lire mes messages", WhoReads),
            ("is this safe", Safe),
            ("c'est securise ?", Safe),
            ("do you store my password", Password),
            ("can facebook see my password?", Password),
            ("vous gardez mon mot de passe ?", Password),
        ] {
            assert_eq!(read(text), Some(q), "{text}");
        }
    }

    #[test]
    fn only_unmistakable_questions_outrank_a_banking_reading() {
        use super::outranks;
        assert!(outranks("can anyone at the bank see these messages", false));
        assert!(outranks("r my details sold to third parties", false));
        assert!(outranks("r u storing my balance somewhere", true));
        assert!(!outranks("r u storing my balance somewhere", false));
        assert!(!outranks("money from the bike i sold", false));
        assert!(!outranks("show my transactions", true));
    }

    #[test]
    fn requests_for_the_whole_notice_are_not() {
        for text in [
            "what do you do with my data",
            "privacy policy",
            "pourquoi facebook voit mes messages",
            "vous faites quoi de mes données",
            "how do you use my data",
            "vous gardez ca combien de temps",
            "vous gardez quoi exactement sur les gens",
            "quelles donnees vous gardez sur vos serveurs",
            "is this convo encrypted",
            "",
            "🙂",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn a_relative_qui_is_no_who_question() {
        for text in [
            "je veux voir ce qui va au dela de 500 €",
            "montre moi tout ce qui depasse 50e",
            "je veux voir celle qui a ete prelevee hier",
            "voir ceux qui sont en attente",
        ] {
            assert_ne!(read(text), Some(WhoReads), "{text}");
        }
        assert_eq!(read("qui peut voir mes messages"), Some(WhoReads));
    }
}
