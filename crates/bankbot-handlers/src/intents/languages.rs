//! What the customer says about languages: "do you speak spanish", "my english is not so
//! good", "english is not my first language", "can we speak french", "parlez-vous anglais ?".
//! Answered with the languages the bot chats in and an invitation to write simply (never a
//! hand-over, a privacy page or a fraud answer). A request to chat in English or French also
//! switches the session's language ([`switch_asked`], read by the runtime).

use bankbot_core::Lang;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Names of languages, each folded ("espanol" for "español").
const LANGUAGE_NAMES: &[&str] = &[
    "english",
    "englis",
    "inglish",
    "anglais",
    "ingles",
    "french",
    "francais",
    "frances",
    "spanish",
    "espanol",
    "espagnol",
    "german",
    "deutsch",
    "allemand",
    "italian",
    "italiano",
    "italien",
    "portuguese",
    "portugues",
    "arabic",
    "arabe",
    "chinese",
    "mandarin",
    "cantonese",
    "hindi",
    "urdu",
    "russian",
    "polish",
    "turkish",
    "vietnamese",
    "tagalog",
    "korean",
    "japanese",
    "dutch",
    "romanian",
];

/// Words that make a language name a remark on languages, not a word of a request.
const ABOUT_LANGUAGE: &[&str] = &[
    "speak",
    "speaks",
    "speaking",
    "spoke",
    "talk",
    "talking",
    "write",
    "writing",
    "understand",
    "language",
    "languages",
    "habla",
    "hablas",
    "hablo",
    "parle",
    "parles",
    "parlez",
    "parler",
    "sprechen",
    "sprichst",
    "langue",
    "langues",
    "is bad",
    "not good",
    "not so good",
    "not very good",
    "no good",
    "is poor",
    "is weak",
    "is not",
    "isn't",
    "isnt",
    "not great",
    "very bad",
    "little",
    "a bit",
    "not well",
    "well",
    "native",
    "first",
    "mother tongue",
];

/// Words of a money request: "how much did i spend, my english is bad" asks the money.
const MONEY: &[&str] = &[
    "balance",
    "spend",
    "spent",
    "spending",
    "transactions",
    "payments",
    "atm",
    "card",
    "money",
    "paid",
    "pay",
    "cash",
    "solde",
    "carte",
    "argent",
    "depense",
    "operations",
    "bakery",
];

/// Words of a request to chat in a language ("can we speak french", "en français svp").
const SWITCH_TO: &[(&str, Lang)] = &[
    ("in french", Lang::Fr),
    ("speak french", Lang::Fr),
    ("talk in french", Lang::Fr),
    ("write in french", Lang::Fr),
    ("french please", Lang::Fr),
    ("french pls", Lang::Fr),
    ("en francais", Lang::Fr),
    ("parler francais", Lang::Fr),
    ("parle francais", Lang::Fr),
    ("parlez francais", Lang::Fr),
    ("in english", Lang::En),
    ("speak english", Lang::En),
    ("english please", Lang::En),
    ("english pls", Lang::En),
    ("en anglais", Lang::En),
    ("parler anglais", Lang::En),
    ("parle anglais", Lang::En),
    ("parlez anglais", Lang::En),
    ("parlez vous anglais", Lang::En),
];

/// Words that ask whether, not to: "do you speak french" asks, it does not order.
const NEGATED: &[&str] = &[
    " not ", " dont ", " don't ", " no ", " pas ", " cant ", " can't ", " cannot ",
];

/// True when `text` is about languages rather than money: a language named with a word of
/// speaking or of (lack of) skill, in a short message.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    if f.split_whitespace().count() > 12 {
        return false;
    }
    if MONEY.iter().any(|w| bankbot_core::has_padded_phrase(&f, w)) {
        return false;
    }
    let names = LANGUAGE_NAMES
        .iter()
        .any(|n| bankbot_core::has_padded_phrase(&f, n));
    names
        && ABOUT_LANGUAGE
            .iter()
            .any(|w| bankbot_core::has_padded_phrase(&f, w))
}

/// The language the customer asks to chat in ("can we speak french", "en anglais stp"),
/// unless they say they cannot ("i dont speak english well" asks for nothing).
pub fn switch_asked(text: &str) -> Option<Lang> {
    let f = fold(text);
    if f.split_whitespace().count() > 12 || NEGATED.iter().any(|n| f.contains(n)) {
        return None;
    }
    SWITCH_TO
        .iter()
        .find(|(p, _)| bankbot_core::has_padded_phrase(&f, p))
        .map(|(_, lang)| *lang)
}

/// The languages the bot chats in, and a word to write simply.
pub(crate) fn answer(ctx: &mut Ctx<'_>) {
    let menu = ctx.menu();
    ctx.ask(Msg::LanguagesSpoken, menu);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remarks_on_languages() {
        for t in [
            "hello, I am not speak good english",
            "sorry my english is bad",
            "do you speak spanish",
            "english is not my first language",
            "habla español?",
            "can we speak french",
            "parlez-vous anglais ?",
            "i dont speak english well",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "what's my balance",
            "how much did i spend at the french bakery",
            "transactions in paris",
        ] {
            assert!(!asked(t), "{t}");
        }
    }

    #[test]
    fn switches_only_when_asked() {
        assert_eq!(switch_asked("can we speak french"), Some(Lang::Fr));
        assert_eq!(switch_asked("en anglais svp"), Some(Lang::En));
        assert_eq!(switch_asked("i dont speak english well"), None);
        assert_eq!(switch_asked("what's my balance"), None);
    }
}
