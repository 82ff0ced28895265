//! The few words the dialogue understands on its own: yes, no and "show more", in English
//! and French, for answers the intent engine is not trained on.

/// Lower case, trimmed, without surrounding punctuation, inner whitespace collapsed.
pub(crate) fn normalize(text: &str) -> String {
    let lower = text.to_lowercase().replace('’', "'");
    let trimmed = lower.trim_matches(|c: char| c.is_whitespace() || ".!?,;:…".contains(c));
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that, opening a short answer, say yes ("ya", "yep sure", "ouais vas-y").
const YES_WORDS: &[&str] = &[
    "yes",
    "y",
    "ya",
    "yah",
    "yas",
    "ye",
    "yea",
    "yeah",
    "yeh",
    "yep",
    "yup",
    "yupp",
    "yess",
    "yesss",
    "yeas",
    "sure",
    "ok",
    "okay",
    "okey",
    "oki",
    "okie",
    "k",
    "kk",
    "okk",
    "alright",
    "aight",
    "absolutely",
    "definitely",
    "certainly",
    "affirmative",
    "correct",
    "confirm",
    "confirmed",
    "indeed",
    "yessir",
    "oui",
    "ouais",
    "ouai",
    "ouaip",
    "ouep",
    "ouip",
    "wi",
    "ui",
    "dac",
    "dacc",
    "d'accord",
    "daccord",
    "carrément",
    "carrement",
    "volontiers",
    "affirmatif",
    "parfaitement",
    "certainement",
    "absolument",
    "évidemment",
    "evidemment",
    "exactement",
    "exact",
    "parfait",
    "confirme",
    "confirmer",
    "go",
    "vas-y",
    "allez-y",
    "👍",
    "👌",
    "✅",
    "🙏",
    "👍🏻",
    "👍🏼",
    "👍🏽",
    "👍🏾",
    "👍🏿",
];

/// Phrases that say yes wherever they stand in a short answer.
const YES_PHRASES: &[&str] = &[
    "do it",
    "go ahead",
    "go for it",
    "let's do it",
    "lets do it",
    "let's go",
    "please do",
    "that's right",
    "thats right",
    "that is right",
    "sure thing",
    "of course",
    "why not",
    "sounds good",
    "right away",
    "lock it",
    "delete it",
    "unlink it",
    "vas y",
    "allez y",
    "bien sûr",
    "bien sur",
    "je confirme",
    "c'est bon",
    "c bon",
    "cest bon",
    "avec plaisir",
    "bien entendu",
    "tout à fait",
    "tout a fait",
    "je veux bien",
    "s'il te plaît",
    "s'il vous plaît",
];

/// Words that say no in a short answer ("nope", "wait no", "non merci").
const NO_WORDS: &[&str] = &[
    "no", "n", "nope", "nah", "naw", "nay", "nop", "noo", "nooo", "cancel", "stop", "don't",
    "dont", "never", "non", "nan", "nn", "nope", "annuler", "annule", "jamais", "👎", "❌",
    "negatif", "négatif",
];

/// Phrases that say no wherever they stand in a short answer.
const NO_PHRASES: &[&str] = &[
    "not now",
    "not yet",
    "never mind",
    "nevermind",
    "no thanks",
    "no thank you",
    "leave it",
    "do not",
    "forget it",
    "keep it",
    "hold off",
    "pas maintenant",
    "pas encore",
    "laisse tomber",
    "laissez tomber",
    "surtout pas",
    "pas la peine",
    "pas besoin",
    "oublie",
    "finalement pas",
    "je l'ai retrouvée",
    "je l'ai retrouvee",
    "retrouvé",
    "retrouvée",
    "found it",
];

/// Answers longer than this many words are requests, not yes or no.
const SHORT_ANSWER: usize = 7;
const MORE: &[&str] = &[
    "more",
    "moar",
    "mor",
    "more pls",
    "more plz",
    "show more",
    "see more",
    "show me more",
    "more please",
    "next",
    "next page",
    "more transactions",
    "older",
    "plus",
    "voir plus",
    "encore",
    "la suite",
    "suite",
    "afficher plus",
    "montre plus",
    "montrez plus",
    "montre-moi plus",
    "d'autres",
    "les suivantes",
    "suivantes",
];

const CUES: &[&str] = &[
    "and ",
    "what about ",
    "how about ",
    "wat about ",
    "what abt ",
    "wht about ",
    "how bout ",
    "what of ",
    "same for ",
    "same with ",
    "now ",
    "also ",
    "only ",
    "just ",
    "et ",
    "et pour ",
    "pareil ",
    "même chose ",
    "quid de ",
    "pour le ",
    "pour la ",
    "pour mon ",
    "pour ma ",
    "seulement ",
    "juste ",
    // corrections: "no I meant savings", "non je voulais dire le livret A"
    "no i meant ",
    "no i mean ",
    "i meant ",
    "i mean ",
    "sorry i meant ",
    "actually ",
    "non je voulais dire ",
    "je voulais dire ",
    "non je parlais ",
    "je parlais ",
    "plutot ",
    "plutôt ",
    "en fait ",
];

/// True when the message opens like a follow-up: "and savings?", "what about October?",
/// "et le livret ?".
pub(crate) fn follow_up_cue(text: &str) -> bool {
    let t = normalize(text);
    CUES.iter()
        .chain(crate::casual::CUES)
        .any(|c| t.starts_with(c))
}

/// What follows a follow-up opener, without articles: "et la boulangerie ?" → "boulangerie",
/// "what about walmart" → "walmart". `None` when nothing or more than three words remain.
pub(crate) fn after_cue(text: &str) -> Option<String> {
    let t = normalize(text);
    let cue = CUES
        .iter()
        .chain(crate::casual::CUES)
        .filter(|c| t.starts_with(*c))
        .max_by_key(|c| c.len())?;
    let rest: Vec<&str> = t[cue.len()..]
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "the"
                    | "la"
                    | "le"
                    | "les"
                    | "l'"
                    | "chez"
                    | "at"
                    | "à"
                    | "a"
                    | "in"
                    | "near"
                    | "around"
                    | "au"
                    | "aux"
                    | "en"
                    | "vers"
            )
        })
        .collect();
    (!rest.is_empty() && rest.len() <= 3).then(|| rest.join(" "))
}

/// `Some(true)` for a yes, `Some(false)` for a no, `None` otherwise: whole short answers as
/// people type them ("ya", "sure go ahead", "ouais vas-y", "nah found it", "non merci"). A
/// no anywhere in a short answer wins over a yes ("yes… actually no").
pub(crate) fn yes_no(text: &str) -> Option<bool> {
    let t = normalize(text);
    let padded = format!(" {} ", t.replace([',', '!', '?', '.', ';'], " "));
    let words: Vec<&str> = padded.split_whitespace().collect();
    if words.is_empty() || words.len() > SHORT_ANSWER {
        return None;
    }
    let has_phrase = |list: &[&str]| list.iter().any(|p| padded.contains(&format!(" {p} ")));
    let no = words.iter().any(|w| NO_WORDS.contains(w))
        || has_phrase(NO_PHRASES)
        || has_phrase(crate::casual::NO_PHRASES);
    if no {
        return Some(false);
    }
    if words.iter().any(|w| is_request_word(w)) {
        return None;
    }
    // "ok gtg", "k bye": a farewell, not a yes.
    if words.iter().any(|w| crate::casual::is_farewell(w)) {
        return None;
    }
    let yes = YES_WORDS.contains(&words[0])
        || words.get(1).is_some_and(|w| YES_WORDS.contains(w))
        || has_phrase(YES_PHRASES)
        || crate::casual::opens_yes(&words)
        || has_phrase(crate::casual::YES_PHRASES);
    yes.then_some(true)
}

/// A whole answer with nothing asked: like [`yes_no`], but a message that also asks for
/// something ("nvm found it, unlock it", "ok show my balance") is a request, not an answer.
pub(crate) fn bare_yes_no(text: &str) -> Option<bool> {
    let t = normalize(text);
    let asks = t
        .replace([',', '!', '?', '.', ';'], " ")
        .split_whitespace()
        .any(is_request_word);
    if asks { None } else { yes_no(text) }
}

/// Words that make a message a new request rather than an answer ("ok what's my balance").
fn is_request_word(w: &str) -> bool {
    matches!(
        w,
        "what"
            | "whats"
            | "what's"
            | "how"
            | "show"
            | "where"
            | "when"
            | "balance"
            | "spend"
            | "spent"
            | "spending"
            | "transactions"
            | "atm"
            | "quel"
            | "quelle"
            | "combien"
            | "montre"
            | "où"
            | "solde"
            | "dépenses"
            | "depenses"
            | "opérations"
            | "operations"
            | "distributeur"
            | "pay"
            | "paie"
            | "payer"
            | "bill"
            | "facture"
            | "unlock"
            | "debloque"
            | "débloque"
            | "transfer"
            | "virement"
            | "meant"
            | "mean"
            | "voulais"
            | "parlais"
    )
}

/// True for "show more" and its variants.
pub(crate) fn show_more(text: &str) -> bool {
    let t = normalize(text);
    MORE.contains(&t.as_str()) || crate::casual::show_more(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn understands_short_answers() {
        assert_eq!(yes_no(" Yes! "), Some(true));
        assert_eq!(yes_no("Oui."), Some(true));
        assert_eq!(yes_no("D’accord"), Some(true));
        assert_eq!(yes_no("non merci"), Some(false));
        assert_eq!(yes_no("what's my balance"), None);
        for yes in [
            "ya",
            "yep",
            "sure go ahead",
            "ok let's do it",
            "yes pls",
            "Yess",
            "k",
            "👍",
            "yeah go ahead thanks",
            "do it now!!",
            "that's right",
            "absolutely",
            "sure thing",
            "ouais vas-y",
            "oui svp",
            "d'accord",
            "ouep",
            "oui oui",
            "vas y bloque",
            "carrément",
            "c'est bon",
            "bien sur",
            "volontiers merci",
            "ouais grave",
            "oui je confirme",
        ] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in [
            "nope",
            "no thanks",
            "nah found it",
            "wait no",
            "not yet",
            "dont",
            "actually no leave it",
            "on second thought no",
            "no keep it",
            "non merci",
            "laisse tomber",
            "nan",
            "non pas encore",
            "non c bon je l'ai retrouvee",
            "surtout pas !",
            "attends non",
            "non finalement",
        ] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        for neither in [
            "hmm",
            "euh",
            "what's my balance",
            "show my spending",
            "thanks",
            "merci",
            "ok what's my balance",
            "oui quel est mon solde",
        ] {
            assert_eq!(yes_no(neither), None, "{neither}");
        }
        assert!(show_more("Show   more"));
        assert!(show_more("voir plus ?"));
        assert!(!show_more("more money please"));
        assert!(follow_up_cue("And savings?"));
        assert!(follow_up_cue("what about October?"));
        assert!(follow_up_cue("et le livret ?"));
        assert!(!follow_up_cue("andrew"));
        assert!(!follow_up_cue("what's my balance"));
    }
}
