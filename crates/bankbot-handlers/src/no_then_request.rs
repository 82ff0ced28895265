//! A no that opens a correction or a new request: "no!! i want block the debit card",
//! "okay forget it did my paycheck hit yet", "No dear, I only asked for the nearest cash
//! machine", "nan je veux le solde du livret". The no turns down what was asked; what
//! follows it is the customer's request and is read on its own.

/// Openers that say no or drop what was asked ("nope", "forget it", "laisse tomber").
const NO_OPENERS: &[&str] = &[
    "forget it",
    "forget that",
    "forget about it",
    "never mind",
    "nevermind",
    "nvm",
    "nope",
    "nah",
    "naw",
    "no",
    "nan",
    "naan",
    "nn",
    "non",
    "laisse tomber",
    "laissez tomber",
    // ("oublie", "oubliez" alone are kept out: "oubliez-moi" asks for an erasure.)
    "oublie ça",
    "oubliez ça",
    "oublie ca",
    "oubliez ca",
];

/// Words that keep a no going after it ("ne", "rien", "don't", "never").
const NEGATIVE_REST: &[&str] = &[
    "ne", "pas", "rien", "jamais", "aucune", "aucun", "not", "dont", "don't", "never", "nothing",
    "no", "non",
];

/// Words that may stand around the no without asking anything ("okay forget it", "No
/// dear,", "non mais", "no sorry").
const AROUND_NO: &[&str] = &[
    "okay", "ok", "k", "oh", "ah", "euh", "hmm", "well", "dear", "sorry", "but", "actually",
    "wait", "mais", "pardon", "attends", "bah", "ben", "bon", "en fait", "then", "alors",
];

/// Words that, right after "no", make an idiom rather than a no ("no problem", "no idea",
/// "non plus").
const IDIOM_AFTER_NO: &[&str] = &[
    "problem", "problems", "prob", "probs", "worries", "worry", "idea", "way", "plus", "pb",
    "souci", "soucis", "probleme",
    // "no more alerts pls", "no longer text me": a stop, not a no.
    "more", "longer",
];

/// The no that opens `text` and what follows it, when something follows: ("no!!", "i
/// want block the debit card"), ("okay forget it", "did my paycheck hit yet"). `None` when
/// `text` opens with no no, or is nothing but one.
pub(crate) fn split(text: &str) -> Option<(&str, &str)> {
    let folded = lower_aligned(text);
    let mut at = 0;
    let mut said_no = false;
    loop {
        at += skip_separators(&folded[at..]);
        let Some((len, is_no)) = opener_at(&folded[at..]) else {
            break;
        };
        if is_no && first_word(&folded[at + len..]).is_some_and(|w| IDIOM_AFTER_NO.contains(&w)) {
            return None;
        }
        said_no |= is_no;
        at += len;
    }
    let rest = text.get(at..)?.trim();
    let head = text.get(..at)?.trim();
    // "non non ne bloquez rien du tout", "no dont lock it, it works": a rest that says no
    // again is the no going on, never a request of its own (read alone, "ne bloquez rien"
    // would lose the no before it).
    let negative = rest
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| NEGATIVE_REST.contains(&w) || w.starts_with("n'"));
    // "laisse tomber la carte", "forget the lock": what is dropped, named after the drop,
    // is no request of its own (read alone, "la carte" would ask for the lock).
    let head_lower = head.to_lowercase();
    let drops = ["tomber", "forget", "mind", "nvm", "oublie"]
        .iter()
        .any(|w| head_lower.contains(w));
    let rest_lower = rest.to_lowercase();
    let rest_words: Vec<&str> = rest_lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let only_named = rest_words.len() <= 3
        && rest_words.first().is_some_and(|w| {
            matches!(
                *w,
                "la" | "le" | "les" | "l'" | "pour" | "ma" | "mon" | "the" | "my" | "that" | "this"
            ) || w.starts_with("l'")
        })
        && rest_words.iter().any(|w| {
            matches!(
                *w,
                "carte" | "card" | "cb" | "visa" | "blocage" | "bloquage" | "lock" | "block"
            )
        });
    if drops && only_named {
        return None;
    }
    (said_no && !negative && rest.chars().any(char::is_alphanumeric)).then_some((head, rest))
}

/// `text` in lower case, byte for byte where `text` is: a letter whose lower case is
/// longer or shorter is replaced by as many `?` (so offsets in one are offsets in the other).
fn lower_aligned(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    for c in text.chars() {
        match c.to_lowercase().next() {
            Some(l) if l.len_utf8() == c.len_utf8() => lower.push(l),
            _ => lower.extend(std::iter::repeat_n('?', c.len_utf8())),
        }
    }
    lower
}

/// How many bytes of separators (spaces, punctuation) open `t`.
fn skip_separators(t: &str) -> usize {
    t.len()
        - t.trim_start_matches(|c: char| c.is_whitespace() || ",.!;:-…".contains(c))
            .len()
}

/// The length of the opener `t` starts with, and whether it says no.
fn opener_at(t: &str) -> Option<(usize, bool)> {
    let ends_word = |len: usize| {
        t[len..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’')
    };
    let longest = |list: &[&str]| {
        list.iter()
            .filter(|w| t.starts_with(*w) && ends_word(w.len()))
            .map(|w| w.len())
            .max()
    };
    match (longest(NO_OPENERS), longest(AROUND_NO)) {
        (Some(no), Some(other)) if other > no => Some((other, false)),
        (Some(no), _) => Some((no, true)),
        (None, Some(other)) => Some((other, false)),
        (None, None) => None,
    }
}

/// The first word of `t`, after separators.
fn first_word(t: &str) -> Option<&str> {
    t[skip_separators(t)..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn the_request_after_a_no_is_told_apart() {
        for (text, rest) in [
            (
                "no!! i want block the debit card",
                "i want block the debit card",
            ),
            (
                "okay forget it did my paycheck hit yet",
                "did my paycheck hit yet",
            ),
            (
                "No dear, I only asked for the nearest cash machine",
                "I only asked for the nearest cash machine",
            ),
            ("No. I need phone number", "I need phone number"),
            ("no Reno Nevada", "Reno Nevada"),
            (
                "nan je veux le solde du livret",
                "je veux le solde du livret",
            ),
            ("non mais c'est pour l'ATM", "c'est pour l'ATM"),
            ("Laisse tomber, mon solde ?", "mon solde ?"),
            ("oublie ça, mes opérations", "mes opérations"),
        ] {
            assert_eq!(split(text).map(|(_, r)| r), Some(rest), "{text}");
        }
        for text in [
            "no",
            "No!!",
            "nope.",
            "okay forget it",
            "no problem, show my balance",
            "nothing thanks",
            "nonsense",
            "what is my balance",
            "non plus",
            "no idea what that is",
            "oubliez moi",
            // What is dropped, named after the drop: no request of its own.
            "laisse tomber la carte",
            "forget the card",
            "non laisse tomber pour la carte",
            "oublie tout ce que je t'ai dit",
        ] {
            assert_eq!(split(text), None, "{text}");
        }
    }
}
