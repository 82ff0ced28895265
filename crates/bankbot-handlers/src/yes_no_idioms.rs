//! The turns of phrase that trip a word-by-word yes/no reading: a yes written with a no
//! word in it ("no problem", "pas de souci", "why not"), a yes word taken back by a
//! negation ("absolutely not", "certainement pas"), and the polite declines that open like
//! a yes ("it's ok", "i'm good", "c'est gentil mais ça va"). `words::yes_no` reads them
//! through here before its lists, so a destructive question is never answered by accident.

use crate::words::folded;

/// Ways of saying yes that hold a no word ("no", "not", "pas", "sans"): read as a yes, and
/// taken out of the text before the no words are looked for.
const YES_DESPITE_NO: &[&str] = &[
    "no problem",
    "no problemo",
    "no prob",
    "no probs",
    "no worries",
    "no doubt",
    "not a problem",
    "why not",
    "pourquoi pas",
    "pas de souci",
    "pas de soucis",
    "pas de soussis",
    "pas d'souci",
    "pas de problème",
    "pas de problèmes",
    "pas de pb",
    "pas de prob",
    "pas de blème",
    "pas de blem",
    "sans problème",
    "sans souci",
    "sans soucis",
    "y a pas de souci",
    "ya pas de souci",
    "y'a pas de souci",
    "aucun problème",
    "aucun souci",
];

/// Words that take back a yes said in the same short answer ("absolutely not", "sure…
/// not", "certainement pas", "évidemment pas").
const NEGATIONS: &[&str] = &["not", "pas", "never", "jamais", "nicht"];

/// Whole answers that decline politely though they open like a yes or an "ok": to "lock
/// your card?", "it's fine" means there is no need.
const POLITE_DECLINES: &[&str] = &[
    "it's ok",
    "its ok",
    "it's okay",
    "its okay",
    "it's fine",
    "its fine",
    "it's alright",
    "its alright",
    "it is ok",
    "it is fine",
    "i'm good",
    "im good",
    "i am good",
    "i'm ok",
    "im ok",
    "i'm okay",
    "im okay",
    "i'm fine",
    "im fine",
    "all good",
    "we're good",
    "were good",
    "we're fine",
    "i'm alright",
    "im alright",
    "maybe later",
    "later maybe",
    "not today",
    "another time",
    "some other time",
    "let me check first",
    "let me check",
    "let me think",
    "let me think about it",
    "i'll check first",
    "ill check first",
    "i'll think about it",
    "ill think about it",
    "i'll see",
    "ill see",
    "i'll do it later",
    "plus tard",
    "peut-être plus tard",
    "peut etre plus tard",
    "une autre fois",
    "je vais réfléchir",
    "je vais y réfléchir",
    "je vais vérifier",
    "je vais d'abord vérifier",
    "je regarde d'abord",
    "je vérifie d'abord",
    "c'est gentil mais ça va",
    "ça va aller",
    "ca va aller",
    "ça va merci",
    "ca va merci",
];

/// Yes in words the word lists would not read: said anywhere in a short answer.
const EXTRA_YES_PHRASES: &[&str] = &[
    "pls do",
    "plz do",
    "please go ahead",
    "get it done",
    "right now",
    "now please",
    "now pls",
    "now plz",
    "asap",
    "immediately",
    "straight away",
    "hurry",
    "quickly",
    "yes sir",
    "yes ma'am",
    "that's the one",
    "thats the one",
    "that one",
    "fine by me",
    "that's fine",
    "thats fine",
    "that works",
    "makes sense",
    "c'est ça",
    "c ça",
    "c'est ca",
    "cest ca",
    "c ca",
    "tout de suite",
    "dépêche",
    "depeche",
    "vite",
    "mais oui",
    "oui bien sûr",
    "c'est parti",
    "cest parti",
    "c parti",
    "want it locked",
    "want it blocked",
    "want it frozen",
];

/// Words that say yes when they open a short answer of at most four words ("fine", "great
/// thanks", "perfect", "allez", "d'acc", the Irish "grand so", "sound"): elsewhere they may
/// mean something else.
const OPENING_YES: &[&str] = &[
    "yh", "yhh", "yeahh", "yeahhh", "yeap", "yaa", "yaaa", "yass", "yees", "yesh", "yez", "ys",
    "yrs", "righto", "aye", "proceed", "fine", "perfect", "great", "✔", "✔️", "☑", "☑️", "✓", "🆗",
    "💯", "🙏🏻", "🙏🏼", "🙏🏽", "allez", "d'acc", "d'ac", "dak", "dacodac", "okidoki", "oky", "okayy",
    "np", "grand", "sound",
];

/// Whole answers that say yes to the question just asked ("please", "now", "quick").
const WHOLE_YES: &[&str] = &[
    "please",
    "pls",
    "plz",
    "plss",
    "pleasee",
    "pleaseee",
    "please please",
    "quick",
    "now",
    "now now",
    "please now",
    "pls now",
    "yes yes",
    "oui vite",
];

/// Whether a short answer, [`folded`] and padded with spaces (" yes please "), holds a yes
/// written with a no word; the padded text comes back without it.
pub(crate) fn take_yes_despite_no(padded: &str) -> (String, bool) {
    let mut rest = padded.to_owned();
    let mut found = false;
    for idiom in YES_DESPITE_NO {
        let needle = format!(" {} ", folded(idiom));
        while let Some(at) = rest.find(&needle) {
            rest.replace_range(at..at + needle.len(), " ");
            found = true;
        }
    }
    (rest, found)
}

/// True when a negation word takes the yes back ("absolutely not", "certainement pas").
pub(crate) fn negated(words: &[&str]) -> bool {
    words.iter().any(|w| NEGATIONS.contains(w))
}

/// True when the whole answer is a polite decline ("it's fine", "i'm good thanks").
pub(crate) fn declines(padded: &str) -> bool {
    POLITE_DECLINES
        .iter()
        .any(|p| bankbot_core::has_padded_phrase(padded, &folded(p)))
}

/// True when a short answer says yes in words the main lists miss.
pub(crate) fn says_yes(padded: &str, words: &[&str]) -> bool {
    EXTRA_YES_PHRASES
        .iter()
        .any(|p| bankbot_core::has_padded_phrase(padded, &folded(p)))
        || crate::words::listed(WHOLE_YES, padded.trim())
        || (words.len() <= 4
            && words
                .first()
                .is_some_and(|w| crate::words::listed(OPENING_YES, w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pad(text: &str) -> String {
        format!(" {} ", crate::words::normalize(text))
    }

    #[test]
    fn a_yes_with_a_no_word_is_taken_out() {
        let (rest, found) = take_yes_despite_no(&pad("ok no problem"));
        assert!(found);
        assert_eq!(rest.trim(), "ok");
        let (rest, found) = take_yes_despite_no(&pad("oui pas de souci"));
        assert!(found);
        assert_eq!(rest.trim(), "oui");
        assert!(!take_yes_despite_no(&pad("no thanks")).1);
    }

    #[test]
    fn declines_and_negations() {
        assert!(declines(&pad("it's fine thanks")));
        assert!(declines(&pad("nah im good")));
        assert!(declines(&pad("plus tard")));
        assert!(!declines(&pad("yes lock it")));
        assert!(negated(&["absolutely", "not"]));
        assert!(negated(&["certainement", "pas"]));
        assert!(!negated(&["yes", "please"]));
    }
}
