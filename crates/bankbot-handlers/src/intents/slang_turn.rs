//! A whole message in street French or texting (or an Irish or British "howya", "grand
//! so") that asks nothing about money: "wsh",
//! "wesh frr t'es là ?" (hello), "tkt", "oklm" (no worries), "jsp" (I don't know what to
//! ask). Read on the text with its texting forms written out ("tkt" → "t'inquiete", "jsp"
//! → "je sais pas"), so the engine's guess for such short words ("tkt" as a fraud report)
//! is never taken.

use crate::cues::fold;

/// What a slang message says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slang {
    /// "wsh", "yo", "t'es là ?": a hello.
    Hello,
    /// "tkt", "oklm", "tranquille": nothing needed, no worries.
    Calm,
    /// "jsp", "chais pas": the customer does not know what to ask.
    DontKnow,
}

/// Forms of address and politeness around the words that count ("wsh frr", "tkt la
/// famille", "jsp stp").
const FILLERS: &[&str] = &[
    "frr", "frero", "frerot", "frere", "fr", "bro", "gros", "poto", "la", "famille", "mon", "ma",
    "stp", "svp", "s'il", "te", "vous", "plait", "ptn", "bah", "ben", "euh", "mdr", "lol", "alors",
    "chef", "madame", "monsieur", "l'ami", "ami", "man", "mate", "bin", "tse", "coudonc",
];

/// Hellos, as left once the fillers are gone ("wsh t'es là ?" is "wsh t'es": "là" is a
/// filler, as in "wesh la famille").
const HELLO: &[&str] = &[
    "wsh",
    "wesh",
    "wesh wesh",
    "wsh wsh",
    "yo",
    "yoo",
    "wsh yo",
    "tu es",
    "t'es",
    "t es",
    "tes",
    "vous etes",
    "t'es ou pas",
    "tu es ou pas",
    "y a quelqu'un",
    "il y a quelqu'un",
    "y'a quelqu'un",
    "ya quelqu'un",
    "allo",
    "wsh tu es",
    "wesh tu es",
    "wsh t'es",
    "wesh t'es",
    "yo tu es",
    "yo t'es",
    // Irish, Scots and British hellos.
    "howya",
    "howaya",
    "howiya",
    "hiya",
    "hullo",
    "hullo there",
    "wotcha",
    "watcha",
    "ey up",
    "eyup",
    "awrite",
];

const CALM: &[&str] = &[
    "t'inquiete",
    "t'inquiete pas",
    "tinquiete",
    "oklm",
    "tranquille",
    "tranquillou",
    "tranquilou",
    "tranquille tkt",
    "pepouze",
    "pepere",
    "c'est bon t'inquiete",
    "t'inquiete c'est bon",
    "c'est bon tkt",
    "oklm t'inquiete",
    // Québec: "pas pire" is "not bad", "correct" is "fine".
    "pas pire",
    "c'est pas pire",
    "c pas pire",
    "pas pire pantoute",
    "c'est pas pire pantoute",
    "c'est correct",
    "correct",
    "pas de trouble",
    "y a pas de trouble",
    "il y a pas de trouble",
    "c'est beau",
    // Irish and British: fine, nothing more needed.
    "grand",
    "grand so",
    "sound",
    "sound so",
    "nice one",
    "no bother",
    "nae bother",
];

const DONT_KNOW: &[&str] = &[
    "je sais pas",
    "je ne sais pas",
    "chais pas",
    "chai pas",
    "sais pas",
    "jsais pas",
    "j'sais pas",
    "aucune idee",
    "je sais plus",
    "je sais pas trop",
    "je sais pas quoi demander",
    "je sais pas quoi faire",
    "jsp quoi",
    "je sais pas quoi",
];

/// What the message says, when it is only slang of one of these kinds.
pub(crate) fn read(text: &str) -> Option<Slang> {
    let f = fold(text);
    let kept: Vec<&str> = f
        .split_whitespace()
        .filter(|w| !FILLERS.contains(w))
        .collect();
    if kept.is_empty() {
        return None;
    }
    let said = kept.join(" ");
    let said = said.as_str();
    if HELLO.contains(&said) {
        Some(Slang::Hello)
    } else if CALM.contains(&said) {
        Some(Slang::Calm)
    } else if DONT_KNOW.contains(&said) {
        Some(Slang::DontKnow)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{Slang, read};

    #[test]
    fn hellos() {
        for hello in [
            "wsh",
            "wesh frr",
            "wsh t'es là ?",
            "yo la famille",
            "y a quelqu'un ?",
        ] {
            assert_eq!(read(hello), Some(Slang::Hello), "{hello}");
        }
    }

    #[test]
    fn no_worries_and_dont_know() {
        assert_eq!(read("t'inquiete"), Some(Slang::Calm));
        assert_eq!(read("oklm frr"), Some(Slang::Calm));
        assert_eq!(read("grand so"), Some(Slang::Calm));
        assert_eq!(read("howya"), Some(Slang::Hello));
        assert_eq!(read("hiya man"), Some(Slang::Hello));
        assert_eq!(read("grand, what's my balance"), None);
        for quebec in [
            "bin là c'est pas pire",
            "pas pire pantoute",
            "c'est correct",
            "pas de trouble",
        ] {
            assert_eq!(read(quebec), Some(Slang::Calm), "{quebec}");
        }
        assert_eq!(read("je sais pas"), Some(Slang::DontKnow));
        assert_eq!(read("chais pas frr"), Some(Slang::DontKnow));
    }

    #[test]
    fn requests_are_not_slang() {
        assert_eq!(read("wsh mon solde"), None);
        assert_eq!(read("je sais pas ou est ma carte"), None);
        assert_eq!(read("mon solde"), None);
    }
}
