//! The language a session answers in: the one the bank knows the customer by (asked when
//! the account is linked, or at a linked customer's first message, if the session has none
//! yet), kept through short or mixed messages ("ok", "ok et last 10 transactions") and
//! changed only by a whole sentence clearly in the other language.

use bankbot_core::Lang;

use crate::Bot;

impl Bot {
    /// The language the bank knows `credential`'s customer by; `None` when it knows none
    /// or cannot say now (the message's own language decides then).
    pub(crate) async fn bank_lang(
        &self,
        credential: &bankbot_bank::CustomerCredential,
    ) -> Option<Lang> {
        match self.services.bank.preferred_lang(credential).await {
            Ok(lang) => lang,
            Err(err) => {
                tracing::debug!(
                    error = err.kind(),
                    "the bank did not say the customer's language"
                );
                None
            }
        }
    }
}

/// Messages shorter than this many words never change a customer's language.
const WORDS_TO_SWITCH_LANG: usize = 4;

/// The language to answer in: the customer's preferred one, unless the message is long
/// enough and clearly in the other language. "ok", "👍", "mdr", "thanks", "yes" or
/// "last transactions" from a French customer keep French.
pub(crate) fn preferred_lang(current: Option<Lang>, detected: Lang, text: &str) -> Lang {
    // "can we speak french", "en anglais stp": the language asked for, whatever was used.
    if let Some(asked) = bankbot_handlers::language_asked(text) {
        return asked;
    }
    let Some(current) = current else {
        return detected;
    };
    if detected == current {
        return current;
    }
    let words = text
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .count();
    let norm = bankbot_nlu::normalize::normalize(text);
    let (lang, clear) = bankbot_nlu::detect_lang(&norm, text);
    let sentence = words >= WORDS_TO_SWITCH_LANG
        || (words + 1 >= WORDS_TO_SWITCH_LANG && opens_a_question(&norm));
    // "ok et last 10 transactions", "check mon solde stp": franglais keeps French; only a
    // whole English sentence switches. (Not the other way: short English words such as
    // "me" or "on" are French too, "tu peux me dire mon solde" is a French sentence.)
    let mixed = current == Lang::Fr && bankbot_nlu::has_lang_word(&norm, Lang::Fr);
    if sentence && clear && lang == detected && !mixed {
        detected
    } else {
        current
    }
}

/// "what's my balance", "quel est mon solde": three words that open with a question word or
/// a request verb are a sentence, clear enough to answer in its language.
fn opens_a_question(norm: &str) -> bool {
    let first = norm
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .find(|w| !w.is_empty())
        .unwrap_or("");
    matches!(
        first,
        "what"
            | "what's"
            | "whats"
            | "how"
            | "how's"
            | "where"
            | "where's"
            | "when"
            | "why"
            | "who"
            | "which"
            | "show"
            | "can"
            | "could"
            | "is"
            | "are"
            | "do"
            | "did"
            | "give"
            | "tell"
            | "quel"
            | "quelle"
            | "quels"
            | "combien"
            | "montre"
            | "montrez"
            | "affiche"
            | "donne"
            | "comment"
            | "pourquoi"
            | "quand"
            | "ou"
            | "c'est"
            | "est-ce"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_neutral_messages_keep_the_language() {
        for text in [
            "ok",
            "👍",
            "mdr",
            "thanks",
            "yes",
            "last transactions",
            "ok cool thanks",
            "ok et last 10 transactions",
            "show me mes dépenses du mois",
            "balance compte courant asap",
        ] {
            assert_eq!(
                preferred_lang(Some(Lang::Fr), Lang::En, text),
                Lang::Fr,
                "{text}"
            );
        }
        assert_eq!(
            preferred_lang(
                Some(Lang::Fr),
                Lang::En,
                "could you show me my balance please"
            ),
            Lang::En
        );
        assert_eq!(
            preferred_lang(Some(Lang::Fr), Lang::En, "what's my balance"),
            Lang::En
        );
        assert_eq!(
            preferred_lang(Some(Lang::Fr), Lang::En, "my balance pls"),
            Lang::Fr
        );
        assert_eq!(preferred_lang(Some(Lang::En), Lang::Fr, "merci"), Lang::En);
        assert_eq!(preferred_lang(None, Lang::Fr, "salut"), Lang::Fr);
    }
}
