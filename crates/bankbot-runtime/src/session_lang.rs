//! The language a session answers in: the one the bank knows the customer by (asked when
//! the account is linked, or at a linked customer's first message, if the session has none
//! yet), kept through short or mixed messages ("ok", "ok et last 10 transactions") and
//! through an answer to an open question in the other language ("Yes block it please" to
//! « Bloquer votre carte ? »); changed by a whole sentence clearly in the other language
//! (two in a row while a question is open), or by asking ("can we speak english"). Once
//! asked for ("on reste en français"), only another ask changes it.

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

/// Whole sentences in a row in the other language that switch the session's language
/// while a question is open: "Yes block it please" to « Bloquer votre carte ? » answers in
/// whatever words come, it does not ask for English.
const SENTENCES_TO_SWITCH_ANSWERING: u8 = 2;

/// The session's language after `text` (written in `detected`, as the engine read it).
pub(crate) fn follow_lang(session: &mut crate::SessionDoc, detected: Lang, text: &str) {
    if let Some(asked) = bankbot_handlers::language_asked(text) {
        session.lang = Some(asked);
        session.lang_asked = true;
        session.other_lang_sentences = 0;
        return;
    }
    let Some(current) = session.lang else {
        session.lang = Some(detected);
        return;
    };
    if preferred_lang(Some(current), detected, text) == current {
        session.other_lang_sentences = 0;
        return;
    }
    if session.lang_asked {
        return;
    }
    session.other_lang_sentences = session.other_lang_sentences.saturating_add(1);
    let needed = if session.dialog.pending.is_some() {
        SENTENCES_TO_SWITCH_ANSWERING
    } else {
        1
    };
    if session.other_lang_sentences >= needed {
        session.lang = Some(detected);
        session.other_lang_sentences = 0;
    }
}

/// Messages shorter than this many words never change a customer's language.
const WORDS_TO_SWITCH_LANG: usize = 4;

/// The language one message asks for: the customer's preferred one, unless the message is
/// long enough and clearly in the other language. "ok", "👍", "mdr", "thanks", "yes" or
/// "last transactions" from a French customer keep French.
fn preferred_lang(current: Option<Lang>, detected: Lang, text: &str) -> Lang {
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

    #[test]
    fn an_answer_in_english_keeps_french_a_request_switches() {
        let mut session = crate::SessionDoc {
            lang: Some(Lang::Fr),
            ..Default::default()
        };
        session.dialog.pending = Some(bankbot_handlers::Pending::LockOffer);
        follow_lang(&mut session, Lang::En, "Yes block it please");
        assert_eq!(session.lang, Some(Lang::Fr));
        session.dialog.pending = None;
        follow_lang(
            &mut session,
            Lang::En,
            "could you show me my balance please",
        );
        assert_eq!(session.lang, Some(Lang::En));
    }

    #[test]
    fn a_language_asked_for_stays() {
        let mut session = crate::SessionDoc {
            lang: Some(Lang::Fr),
            ..Default::default()
        };
        follow_lang(&mut session, Lang::Fr, "on reste en français stp");
        assert!(session.lang_asked);
        for text in [
            "And the last transactions please",
            "what is my balance on savings",
        ] {
            follow_lang(&mut session, Lang::En, text);
            assert_eq!(session.lang, Some(Lang::Fr), "{text}");
        }
        follow_lang(&mut session, Lang::En, "can we speak english");
        assert_eq!(session.lang, Some(Lang::En));
    }
}
