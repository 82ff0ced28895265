//! Whether a message typed while "where are you?" is open may be a place: "94105",
//! "SW1A 1AA", "brooklyn", "gare du nord" may; "need cash b4 shift", "any fee?", "ouvert la
//! nuit ?" are requests (read as usual), and "ok thx" closes the question.

/// Words that make a sentence, never a place name: verbs, pronouns, question words, and
/// what people ask about cash machines (fees, hours, cash).
pub(crate) const SENTENCE_WORDS: &[&str] = &[
    // English
    "need", "needs", "want", "wanna", "gotta", "get", "got", "take", "withdraw", "cash", "money",
    "fee", "fees", "charge", "charges", "cost", "costs", "free", "any", "what", "whats", "what's",
    "how", "why", "when", "who", "which", "is", "are", "do", "does", "did", "can", "could", "will",
    "would", "should", "i", "my", "me", "you", "u", "your", "it", "they", "we", "open", "opened",
    "closed", "night", "tonight", "hours", "24/7", "before", "b4", "after", "shift", "work",
    "balance", "card", "account", "help", "not", "dont", "don't", "there", "weather", "ok", "okay",
    "thx", "thanks", "lol", // French
    "besoin", "faut", "veux", "voudrais", "retirer", "argent", "frais", "gratuit", "coute",
    "combien", "quoi", "comment", "pourquoi", "quand", "quel", "quelle", "est", "c'est", "je",
    "j'ai", "j'peux", "mon", "ma", "mes", "tu", "vous", "il", "ils", "ouvert", "ouverts", "ferme",
    "fermé", "nuit", "heures", "horaires", "avant", "apres", "après", "boulot", "travail",
    "retire", "que", "solde", "carte", "compte", "aide", "pas", "merci", "oui", "non",
];

/// Words that say thanks (with "ok", "cool"…) and nothing else.
const THANKS: &[&str] = &[
    "thx", "thanks", "thank", "ty", "tks", "thnx", "thanx", "cheers", "merci", "mci", "tysm",
    "thankyou", "thanku", "tnx", "ta", "thnks", "thanx", "tq",
];

/// Words that may go with a thanks: "ok thx", "merci beaucoup", "cool thanks a lot".
const WITH_THANKS: &[&str] = &[
    "ok",
    "okay",
    "k",
    "kk",
    "cool",
    "great",
    "you",
    "u",
    "a",
    "lot",
    "so",
    "much",
    "very",
    "beaucoup",
    "bien",
    "super",
    "parfait",
    "d'accord",
    "dac",
    "ben",
    "bon",
    "alors",
    "quand",
    "meme",
    "même",
    "anyway",
    "nvm",
    "c'est",
    "pas",
    "grave",
    "oh",
    "ah",
    "thats",
    "that's",
    "fine",
    "np",
    "lol",
    "haha",
    "lmao",
    "yep",
    "yeah",
    "ya",
    "yes",
    "perfect",
    "awesome",
    "brilliant",
    "mate",
    "man",
    "bro",
    "dude",
    "alright",
    "sweet",
    "nice",
    "👍",
    "🙏",
];

fn words(text: &str) -> Vec<String> {
    crate::cues::fold(text)
        .replace(['?', '!', ',', '.', ';', ':'], " ")
        .replace('’', "'")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// True when `text` has a postcode or ZIP in it: a word with a digit, four letters or more
/// ("94105", "75011", "sw1a"), or the inward part of a UK postcode ("1aa").
fn has_postcode(words: &[String]) -> bool {
    words.iter().any(|w| {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        digits > 0 && (w.len() >= 4 || (w.len() == 3 && digits == 1))
    })
}

/// True when `text` may be a place: a postcode, or words none of which only a sentence
/// uses. `located` says the slot reader already found a place in it.
pub(crate) fn may_be_place(text: &str, located: bool) -> bool {
    let text = crate::place_text::without_opening(text);
    let words = words(text);
    if located || has_postcode(&words) {
        return true;
    }
    !words.is_empty() && !words.iter().any(|w| SENTENCE_WORDS.contains(&w.as_str()))
}

/// Words that ask for cash again: "need cash b4 shift", "faut que je retire avant le boulot".
const CASH_WORDS: &[&str] = &[
    "cash",
    "withdraw",
    "withdrawal",
    "retire",
    "retirer",
    "retrait",
    "liquide",
    "cash-back",
];

/// True when `text` asks for cash (with no place): the place question stands.
pub(crate) fn wants_cash(text: &str) -> bool {
    words(text).iter().any(|w| CASH_WORDS.contains(&w.as_str()))
}

/// True when `text` only says thanks ("ok thx", "merci beaucoup", "cool thanks").
pub(crate) fn only_thanks(text: &str) -> bool {
    let words = words(text);
    words.iter().any(|w| THANKS.contains(&w.as_str()))
        && words
            .iter()
            .all(|w| THANKS.contains(&w.as_str()) || WITH_THANKS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::{may_be_place, only_thanks};

    #[test]
    fn places_and_postcodes() {
        for place in [
            "94105",
            "SW1A 1AA",
            "brooklyn",
            "gare du nord",
            "im at union sq",
            "zzqxville",
            "près de la bastille",
            "75011",
        ] {
            assert!(may_be_place(place, false), "{place}");
        }
    }

    #[test]
    fn requests_are_no_place() {
        for request in [
            "need cash b4 shift",
            "any fee?",
            "ok thx",
            "ouvert la nuit ?",
            "des frais ?",
            "whats my balance",
            "is it open 24/7",
            "c'est gratuit ?",
            "combien ça coute",
            "what's the weather",
        ] {
            assert!(!may_be_place(request, false), "{request}");
        }
        assert!(may_be_place("need cash b4 shift", true));
        assert!(super::wants_cash("faut que je retire avant le boulot"));
        assert!(super::wants_cash("need cash b4 shift"));
        assert!(!super::wants_cash("any fee?"));
        assert!(!super::wants_cash("how much money do i have in checking"));
    }

    #[test]
    fn thanks_alone() {
        for thanks in [
            "ok thx",
            "merci",
            "merci beaucoup",
            "cool thanks",
            "thank you",
        ] {
            assert!(only_thanks(thanks), "{thanks}");
        }
        for other in ["thanks whats my balance", "merci et mon solde", "brooklyn"] {
            assert!(!only_thanks(other), "{other}");
        }
    }
}
