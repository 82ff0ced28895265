//! The few words the dialogue understands on its own: yes, no and "show more", in English
//! and French, for answers the intent engine is not trained on.

use std::borrow::Cow;

use bankbot_core::fold_text;

/// [`fold_text`] (lower case, accents removed, apostrophes made `'`, single spaces)
/// without surrounding punctuation.
pub(crate) fn normalize(text: &str) -> String {
    let folded = fold_text(text);
    folded
        .trim_matches(|c: char| c.is_whitespace() || ".!?,;:".contains(c))
        .to_owned()
}

/// A word-list entry as [`normalize`]d text reads it: entries may be written with their
/// accents ("bien sûr", "même chose "), the text compared with them has none. A trailing
/// space (a whole-word opener) is kept.
///
/// Accented entries are folded once per process and remembered (the lists are fixed; at
/// most [`FOLDED_KEPT`] entries are kept, others are folded at each call).
pub(crate) fn folded(entry: &str) -> Cow<'_, str> {
    use std::collections::HashMap;
    use std::sync::{OnceLock, RwLock};
    static KEPT: OnceLock<RwLock<HashMap<String, &'static str>>> = OnceLock::new();
    if entry.is_ascii() {
        return Cow::Borrowed(entry);
    }
    let kept = KEPT.get_or_init(Default::default);
    if let Some(f) = kept.read().ok().and_then(|m| m.get(entry).copied()) {
        return Cow::Borrowed(f);
    }
    let mut f = fold_text(entry);
    if entry.ends_with(' ') {
        f.push(' ');
    }
    if let Ok(mut map) = kept.write()
        && map.len() < FOLDED_KEPT
    {
        let f: &'static str = Box::leak(f.into_boxed_str());
        map.insert(entry.to_owned(), f);
        return Cow::Borrowed(f);
    }
    Cow::Owned(f)
}

/// Accented word-list entries [`folded`] remembers (the lists hold a few hundred).
const FOLDED_KEPT: usize = 4096;

/// True when `list` holds `word` once its entries are [`folded`].
pub(crate) fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|e| folded(e) == word)
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
    // Spelt by ear and texted: "alrite", "ight", "bet" (US slang for "sure"), "righto".
    "alrite",
    "alrighty",
    "allright",
    "allrite",
    "aiight",
    "aite",
    "ight",
    "iight",
    "bet",
    "righto",
    "okey-dokey",
    "okie-dokie",
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
    "voui",
    "ouiii",
    "oke",
    "oké",
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

/// « envoie », « fonce »: go on, a yes only when said alone or with other yes words
/// (« ouais envoie stp »); « envoie 20 balles à ma sœur » is a transfer.
const GO_ON_WORDS: &[&str] = &["envoie", "envoies", "envoyez", "envoi", "fonce", "foncez"];

/// Words that may stand beside a go-on word in a bare yes.
const GO_ON_FILLERS: &[&str] = &[
    "stp", "svp", "allez", "ok", "okay", "ouais", "oui", "vas", "y",
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
    "negatif", "négatif", "niet", "pantoute", "nenni", "arrete", "arretez", "laisse",
];

/// Words that hold an answer back ("attends", "wait"): a no, unless the customer asks
/// something in the same breath ("wait what happens if I do?").
const WAIT_WORDS: &[&str] = &[
    "attends", "attendez", "attend", "atten", "wait", "minute", "instant", "seconde", "sec",
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
    "pas si vite",
    "laisse faire",
    "laissez faire",
    "je vais voir",
    "je reflechis",
    "je réfléchis",
    "pas maintenant",
    "pas encore",
    "laisse tomber",
    "laissez tomber",
    "surtout pas",
    "faut pas",
    "pas la bloquer",
    "pas le bloquer",
    "pas bloquer",
    "ne la bloque pas",
    "ne la bloquez pas",
    "dont lock",
    "don't lock",
    "dont block",
    "don't block",
    "pas la peine",
    "pas besoin",
    "finalement pas",
    "je l'ai retrouvée",
    "je l'ai retrouvee",
    "retrouvé",
    "retrouvée",
    "found it",
    "je préfère pas",
    "je prefere pas",
    "je préfère attendre",
    "je prefere attendre",
    "pas tout de suite",
    "pas pour l'instant",
    "pas pour le moment",
];

/// Words that open a no even in a longer answer ("non attendez, finalement je préfère
/// attendre un peu"), when nothing else is asked.
const OPENING_NO: &[&str] = &["non", "nan", "no", "nope", "nah"];

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
    "older ones",
    "the older ones",
    "older one",
    "show older",
    "show older ones",
    "show me older ones",
    "show me the older ones",
    "older transactions",
    "older payments",
    "earlier ones",
    "the earlier ones",
    "earlier transactions",
    "previous ones",
    "the previous ones",
    "even older",
    "any older",
    "any older ones",
    "anything older",
    "further back",
    "go further back",
    "go back further",
    "keep going",
    "the rest",
    "the rest of them",
    "more of them",
    "and older ones",
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
    // texting: "n last mnth", "nd uber", "& savings", "k wat bout amazon"
    "n ",
    "nd ",
    "& ",
    "+ ",
    "wat bout ",
    "what bout ",
    "whatabout ",
    "wat abt ",
    "wht abt ",
    "how abt ",
    "k and ",
    "ok and ",
    "k what about ",
    "ok what about ",
    "k wat bout ",
    "ok wat bout ",
    "k how about ",
    "ok how about ",
    "and also ",
    "then ",
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

/// A "no" (or a sorry) before a correction's opener: "nan je voulais dire …", "non plutôt
/// …", "sorry, actually …" open as "je voulais dire …", "plutôt …", "actually …".
const NO_BEFORE: &[&str] = &[
    "non",
    "nan",
    "naan",
    "nn",
    "no",
    "nope",
    "nah",
    "ah non",
    "oh non",
    "euh non",
    "oups",
    "oops",
    "pardon",
    "sorry",
    "ah",
    "euh",
    "hmm",
    "bah non",
    "ben non",
    "bin non",
    // "je me suis trompé, je voulais dire …", "my bad, i meant …" (blind round 14b)
    "je me suis trompe",
    "je me suis trompee",
    "je me suis trompé",
    "je me suis trompée",
    "je me suis gouré",
    "je me suis goure",
    "désolé",
    "desole",
    "désolée",
    "desolee",
    "excusez moi",
    "excusez-moi",
    "excuse moi",
    "my bad",
    "my mistake",
    "whoops",
];

/// `t` (normalised) without the leading "no"s before a follow-up opener ("ah non pardon
/// …": three of them).
fn without_no(t: &str) -> &str {
    let mut rest = t;
    for _ in 0..MAX_NO_WORDS {
        let shorter = without_one_no(rest);
        if shorter.len() == rest.len() {
            break;
        }
        rest = shorter;
    }
    rest
}

/// Leading "no"s stripped at most.
const MAX_NO_WORDS: usize = 3;

/// `t` without one leading "no".
fn without_one_no(t: &str) -> &str {
    NO_BEFORE
        .iter()
        .filter_map(|no| t.strip_prefix(no))
        // A whole word: "nothing" is no "no".
        .filter(|rest| rest.starts_with([',', '.', '!', ' ']))
        .filter_map(|rest| {
            let rest = rest.trim_start_matches([',', '.', '!', ' ']);
            (rest.len() < t.len()).then_some(rest)
        })
        .min_by_key(|rest| rest.len())
        .filter(|rest| !rest.is_empty())
        .unwrap_or(t)
}

/// True when the message opens like a follow-up: "and savings?", "what about October?",
/// "et le livret ?", "nan plutôt le livret".
pub(crate) fn follow_up_cue(text: &str) -> bool {
    let normalised = normalize(text);
    let t = without_no(&normalised);
    CUES.iter()
        .chain(crate::casual::CUES)
        .any(|c| t.starts_with(&*folded(c)))
}

/// What follows a follow-up opener, without articles: "et la boulangerie ?" → "boulangerie",
/// "what about walmart" → "walmart". `None` when nothing or more than three words remain.
pub(crate) fn after_cue(text: &str) -> Option<String> {
    let normalised = normalize(text);
    let t = without_no(&normalised);
    let cue = CUES
        .iter()
        .chain(crate::casual::CUES)
        .map(|c| folded(c))
        .filter(|c| t.starts_with(&**c))
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
    let spaced = format!(" {} ", t.replace([',', '!', '?', '.', ';'], " "));
    if spaced.split_whitespace().count() > SHORT_ANSWER {
        let words: Vec<&str> = spaced.split_whitespace().collect();
        let opens_no = words.first().is_some_and(|w| OPENING_NO.contains(w));
        return (opens_no && !words.iter().any(|w| is_request_word(w))).then_some(false);
    }
    // "uber amazon i dont know", « jsp »: unsure, neither yes nor no (its "dont" no no).
    let spaced = without_unsure(&spaced);
    // "no problem", "pas de souci": a yes, read apart from the no words it holds.
    let (padded, yes_idiom) = crate::yes_no_idioms::take_yes_despite_no(&spaced);
    let words: Vec<&str> = padded.split_whitespace().collect();
    if words.is_empty() {
        return yes_idiom.then_some(true);
    }
    if (says_there_is(&words) || asks_what_if(&padded)) && !yes_idiom {
        return None;
    }
    let has_phrase = |list: &[&str]| {
        list.iter()
            .any(|p| bankbot_core::has_padded_phrase(&padded, &folded(p)))
    };
    // "attends c combien mon solde": a new request, not a no.
    let waits = (words.iter().any(|w| listed(WAIT_WORDS, w)) || padded.contains(" hold on "))
        && !text.contains('?')
        && !words.iter().any(|w| is_request_word(w))
        && !crate::cues::asks_what_it_does(text);
    let no = waits
        || words.iter().any(|w| listed(NO_WORDS, w))
        || says_forget_it(&words)
        || has_phrase(NO_PHRASES)
        || has_phrase(crate::casual::NO_PHRASES)
        || crate::yes_no_idioms::declines(&padded);
    if no {
        // "STOP CARD NOW", "ok. bloque ma carte jla retrouve plus": a lock asked for, whatever
        // "stop" or "retrouve" would say alone; a request, not a no.
        return (!crate::intents::lock_order::requests(text)).then_some(false);
    }
    if words.iter().any(|w| is_request_word(w)) {
        return None;
    }
    // "ok gtg", "k bye": a farewell, not a yes.
    if words.iter().any(|w| crate::casual::is_farewell(w)) {
        return None;
    }
    // "ok jlui donne pas", "ok je vais appeler merci", "ok. c koi le livret a": an "ok" that
    // acknowledges and goes on about something else is no yes to the question asked.
    if acknowledges_then_moves_on(&words) {
        return None;
    }
    let go_on = words.iter().any(|w| GO_ON_WORDS.contains(w))
        && words
            .iter()
            .all(|w| GO_ON_WORDS.contains(w) || GO_ON_FILLERS.contains(w) || listed(YES_WORDS, w));
    let yes = yes_idiom
        || go_on
        || listed(YES_WORDS, words[0])
        || words.get(1).is_some_and(|w| listed(YES_WORDS, w))
        || has_phrase(YES_PHRASES)
        || crate::casual::opens_yes(&words)
        || has_phrase(crate::casual::YES_PHRASES)
        || crate::yes_no_idioms::says_yes(&padded, &words);
    // "absolutely not", "certainement pas": the yes word taken back.
    if yes && crate::yes_no_idioms::negated(&words) {
        return Some(false);
    }
    yes.then_some(true)
}

/// Ways of saying one does not know, padded: no answer at all to a yes-or-no question.
const UNSURE: &[&str] = &[
    " i dont know ",
    " i don't know ",
    " i do not know ",
    " dont know ",
    " don't know ",
    " idk ",
    " dunno ",
    " i dunno ",
    " not sure ",
    " je sais pas ",
    " je ne sais pas ",
    " j'sais pas ",
    " jsais pas ",
    " sais pas ",
    " chais pas ",
    " jsp ",
    " aucune idee ",
    " pas sur ",
    " pas sure ",
];

/// "on ne sait jamais", "you never know": a reason for caution, whose "jamais" or "never"
/// says no to nothing ("Oui, bloquez-la, on ne sait jamais" is a yes; blind round 14b).
pub(crate) const NEVER_KNOW: &[&str] = &[
    " on ne sait jamais ",
    " on sait jamais ",
    " on ne sais jamais ",
    " on sais jamais ",
    " you never know ",
    " u never know ",
    " one never knows ",
    " never know ",
];

/// `spaced` (padded) without its ways of saying one does not know.
fn without_unsure(spaced: &str) -> String {
    let mut out = spaced.to_owned();
    for phrase in UNSURE.iter().chain(NEVER_KNOW) {
        while let Some(at) = out.find(phrase) {
            out.replace_range(at..at + phrase.len(), " ");
        }
    }
    out
}

/// Words after "ya", "y'a" that make it French "il y a" ("ya un prélo de 63 balles",
/// "y'a des frais ?"), not the English yes.
const AFTER_THERE_IS: &[&str] = &[
    "un",
    "une",
    "des",
    "du",
    "de",
    "d'",
    "eu",
    "pas",
    "plus",
    "rien",
    "quoi",
    "qqch",
    "quelque",
    "quelqu'un",
    "encore",
    "combien",
    "moyen",
    "un",
    "tu",
    "t",
    "t'il",
    "il",
    "toujours",
    "deja",
    "trop",
    "beaucoup",
    "aucun",
    "aucune",
    "personne",
    "souci",
    "probleme",
    "pb",
    "un",
    "ma",
    "mon",
    "mes",
    "le",
    "la",
    "les",
    "ca",
];

/// True when `padded` asks about something the customer would do ("c'est-tu correct si je
/// retire 200 piasses", "is it ok if i pay rent"): a question of its own, not a yes to the
/// question asked (a pending lock must not be confirmed by its "correct").
fn asks_what_if(padded: &str) -> bool {
    [
        " si je ",
        " si j'",
        " si on ",
        " s'il faut ",
        " if i ",
        " if we ",
    ]
    .iter()
    .any(|p| padded.contains(p))
}

/// True when `words` open with French "il y a" typed short: "y a un prélèvement de 63
/// balles", "y'a un truc", "ya eu un retrait", "y a-t-il": a statement or a question,
/// never a yes (a pending lock must not be confirmed by it).
fn says_there_is(words: &[&str]) -> bool {
    let second = words.get(1).copied();
    match words.first().copied() {
        Some("y") => second == Some("a") || second == Some("a-t-il"),
        Some("ya" | "y'a" | "yavait" | "y'avait") => second.is_some_and(|w| {
            AFTER_THERE_IS.contains(&w) || w.starts_with("d'") || w.starts_with("qu")
        }),
        Some("il") => second == Some("y"),
        _ => false,
    }
}

/// Words that only acknowledge ("ok", "d'accord"): a yes only when nothing else follows them
/// but more yes, please or go-ahead words.
const ACKNOWLEDGE: &[&str] = &[
    "ok", "okay", "okey", "oki", "okie", "k", "kk", "okk", "alright", "dac", "dacc", "d'accord",
    "daccord", "bon", "bien", "entendu", "cool",
];

/// True when `text` is only an acknowledgement ("ok", "k", "alright then", "d'accord",
/// "bon"): a yes on its own, but no answer to an irreversible question when a request of
/// its own follows it in the same message.
pub(crate) fn only_acknowledges(text: &str) -> bool {
    const FILLERS: &[&str] = &["then", "so", "well", "alors", "donc", "ben", "bah", "euh"];
    let t = normalize(text);
    let mut words = t
        .split(|c: char| c.is_whitespace() || ",.!;:".contains(c))
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| ACKNOWLEDGE.contains(&w) || FILLERS.contains(&w))
}

/// Words that, after an acknowledgement, keep it a yes ("ok go", "ok vas-y", "ok lock it").
const GO_ON: &[&str] = &[
    "go", "ahead", "do", "it", "vas", "y", "vas-y", "vasy", "allez", "allons", "fais", "faites",
    "le", "la", "please", "pls", "plz", "stp", "svp", "thanks", "merci", "lock", "block", "freeze",
    "bloque", "bloquez", "bloquer", "then", "alors", "sure", "oui", "ouais", "yes", "yeah", "yep",
    "ya", "c'est", "parti", "fine", "good", "bon", "lets", "let's", "on", "just",
];

/// True when `words` open with an acknowledgement and go on with words that
/// neither say yes again nor ask to go ahead (three or more: "ok tant pis" is still an
/// answer): a new statement, not an answer.
fn acknowledges_then_moves_on(words: &[&str]) -> bool {
    // "lawd. ok set up a alert", "omg ok show my balance": the "ok" after an exclamation
    // (a word that is no yes) acknowledges the same way.
    let at = match words {
        [first, ..] if ACKNOWLEDGE.contains(first) => 0,
        [first, second, ..] if !listed(YES_WORDS, first) && ACKNOWLEDGE.contains(second) => 1,
        _ => return false,
    };
    let others = words[at + 1..]
        .iter()
        .filter(|w| !GO_ON.contains(w) && !listed(YES_WORDS, w))
        .count();
    others >= 3
}

/// "oublie", "oubliez" as an order ("non oublie", "oubliez ça"), not the past participle
/// that folding makes look alike ("j'ai oublié mon code" is a request, not a no).
fn says_forget_it(words: &[&str]) -> bool {
    const AUXILIARIES: &[&str] = &[
        "j'ai", "jai", "ai", "as", "a", "avez", "avons", "ont", "t'as",
        // "mon code pin je l'ai oublié": forgotten, not "forget it".
        "l'ai", "lai", "l'as", "l'a", "l'avez", "l'avons", "l'ont", "les",
    ];
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "oublie" | "oubliez" | "oublions")
            && !i
                .checked_sub(1)
                .and_then(|p| words.get(p))
                .is_some_and(|prev| AUXILIARIES.contains(prev))
    })
}

/// True when `text` holds the answer back ("attends", "wait", "hold on", "d'abord",
/// "first"): after "ouais mais", what follows comes before the yes.
pub(crate) fn holds_back(text: &str) -> bool {
    let t = normalize(text);
    let padded = format!(" {} ", t.replace([',', '!', '?', '.', ';'], " "));
    padded.split_whitespace().any(|w| listed(WAIT_WORDS, w))
        || [" hold on ", " hang on ", " d'abord ", " first ", " avant "]
            .iter()
            .any(|p| padded.contains(p))
}

/// A whole answer with nothing asked: like [`yes_no`], but a message that also asks for
/// something ("nvm found it, unlock it", "ok show my balance") is a request, not an answer.
pub(crate) fn bare_yes_no(text: &str) -> Option<bool> {
    if names_a_request(text) {
        None
    } else {
        yes_no(text)
    }
}

/// True when `text` holds a word of a new request ("balance", "combien", "show"): to a
/// yes/no question, such a message asks something else rather than answering unclearly.
pub(crate) fn names_a_request(text: &str) -> bool {
    normalize(text)
        .replace([',', '!', '?', '.', ';'], " ")
        .split_whitespace()
        .any(is_request_word)
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
            // "ok et mon plus gros achat ?": purchases asked about, not an "ok".
            | "achat"
            | "achats"
            | "depense"
            | "dépense"
            | "paiement"
            | "paiements"
            | "purchase"
            | "purchases"
            | "payment"
            | "payments"
            | "expense"
            | "expenses"
            | "biggest"
            | "largest"
    )
}

/// True for "show more" and its variants.
pub(crate) fn show_more(text: &str) -> bool {
    let t = normalize(text);
    listed(MORE, &t) || crate::casual::show_more(&t)
}

/// True when `text` says there is nothing more ("nope thats it", "no that's all", « non
/// c'est tout », "im good"): a close, never the no to an undo.
pub(crate) fn says_nothing_else(text: &str) -> bool {
    let f = crate::cues::fold(text);
    [
        " thats it ",
        " that's it ",
        " thats all ",
        " that's all ",
        " nothing else ",
        " im good ",
        " i'm good ",
        " all good ",
        " im done ",
        " i'm done ",
        " c'est tout ",
        " cest tout ",
        " rien d'autre ",
        " ca ira ",
        " pas maintenant ",
        " not now ",
        " no thanks ",
        " no thank you ",
        " non merci ",
    ]
    .iter()
    .any(|w| f.contains(w))
}

/// True when `text` is only "all of them" and its like ("both", « les deux » when two
/// things were asked), the answer to "all of them?".
pub(crate) fn says_all(text: &str) -> bool {
    let t = normalize(text);
    let t = t.trim_end_matches(['.', '!', '?']).trim();
    matches!(
        t,
        "all"
            | "all of them"
            | "all of em"
            | "all of 'em"
            | "all of it"
            | "everything"
            | "every one"
            | "all alerts"
            | "all the alerts"
            | "all of them yes"
            | "yes all of them"
            | "tout"
            | "toutes"
            | "tous"
            | "toutes les alertes"
            | "tout couper"
            | "oui toutes"
            | "oui tout"
            // To two things asked at once.
            | "both"
            | "both of them"
            | "both please"
            | "les deux"
            | "les 2"
            | "tous les deux"
            | "toutes les deux"
    )
}

/// True when `text` thanks without a clear yes ("d'accord merci", "ok thanks", "merci"):
/// to an erase or an unlink, thanks for what was said, not the go-ahead.
pub(crate) fn thanks_without_yes(text: &str) -> bool {
    let f = crate::cues::fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(&format!(" {w} ")));
    has(&[
        "merci", "thanks", "thank", "thx", "ty", "cheers", "mrc", "mci",
    ]) && !has(&[
        "yes",
        "yeah",
        "yep",
        "yup",
        "oui",
        "ouais",
        "go ahead",
        "vas y",
        "allez y",
        "do it",
        "delete",
        "erase",
        "efface",
        "effacez",
        "supprime",
        "supprimez",
        "unlink",
        "please do",
    ])
}

/// The folded `f` with the Québec name of the current account (« compte chèques »,
/// « compte-chèque », « compte de chèques ») said as « compte courant », so that its
/// « chèques » reads as no chequebook.
pub(crate) fn without_cheque_account(f: &str) -> String {
    let mut out = f.replace('-', " ");
    for name in [
        "compte de cheques",
        "compte de cheque",
        "compte cheques",
        "compte cheque",
        "comptes cheques",
    ] {
        out = out.replace(name, "compte courant");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_apostrophes_do_not_matter() {
        assert_eq!(normalize("Bien sûr !"), normalize("bien sur"));
        assert_eq!(normalize("Ça"), "ca");
        assert_eq!(normalize("d\u{2019}accord"), normalize("d'accord"));
        assert_eq!(yes_no("bien sur"), yes_no("bien sûr"));
        assert_eq!(yes_no("bien sur"), Some(true));
        assert_eq!(yes_no("evidemment"), Some(true));
        assert!(follow_up_cue("meme chose pour le livret"));
    }

    #[test]
    fn an_acknowledgement_alone_is_told_from_an_answer() {
        for ack in [
            "ok",
            "OK then",
            "alright so",
            "k",
            "d'accord",
            "bon ben",
            "ok, alors",
        ] {
            assert!(only_acknowledges(ack), "{ack}");
        }
        for other in ["", "yes", "ok delete it", "ouais", "sure", "ok vas-y"] {
            assert!(!only_acknowledges(other), "{other}");
        }
    }

    #[test]
    fn idioms_that_trip_a_word_by_word_reading() {
        for yes in [
            "no problem",
            "pas de souci",
            "why not",
            "yh",
            "allez",
            "tout à fait",
        ] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in [
            "absolutely not",
            "certainement pas",
            "it's fine",
            "yes but not now",
            "maybe later",
            "no problem, leave it",
        ] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
    }

    #[test]
    fn forgetting_is_a_no_only_as_an_order() {
        assert_eq!(yes_no("non oublie"), Some(false));
        assert_eq!(yes_no("oubliez ça"), Some(false));
        assert_eq!(yes_no("j'ai oublié mon code pin"), None);
        assert_eq!(yes_no("jai oublie mon code"), None);
    }

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
            "voui",
            "oké",
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
            "euh non attendez",
            "non laisse",
            "attends",
            "attendez...",
            "wait",
            "hold on",
            "euh attends deux secondes",
            "attends une minute",
            "laisse faire",
            "attends non",
            "non finalement",
            "Non attendez, finalement je préfère attendre un peu",
            "niet",
            "pantoute",
            "je préfère pas",
            "pas pour l'instant merci",
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
            "non je voulais dire le solde de mon livret a",
            "hmm wait what happens if i do",
            "attends ça fait quoi exactement ?",
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
