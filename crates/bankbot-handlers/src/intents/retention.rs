//! "how long do you keep my chats", "do you store my messages", "combien de temps gardez-vous
//! mes messages": how long the conversation itself is kept — the records of the privacy
//! facts that hold it (messages received, replies, the conversation context) and what
//! Messenger keeps — rather than the whole privacy summary.

use bankbot_core::Kept;
use bankbot_core::has_padded_phrase;

use crate::catalog::{Msg, PrivacyMsg};
use crate::ctx::Ctx;
use crate::cues::fold;

/// What is kept: the conversation, the messages (each folded).
const CONVERSATION: &[&str] = &[
    "chat",
    "chats",
    "chat history",
    "message",
    "messages",
    "msgs",
    "conversation",
    "conversations",
    "convo",
    "convos",
    "texts",
    "history",
    "what i type",
    "what i write",
    "what i say",
    "what i send",
    "what i wrote",
    "what i typed",
    "my data",
    "my info",
    "discussion",
    "discussions",
    "conversation",
    "echanges",
    "historique",
    "ce que j'ecris",
    "ce que je tape",
    "mes donnees",
];

/// Asking how long, or whether, it is kept (each folded).
const KEEPING: &[&str] = &[
    "how long",
    "keep",
    "kept",
    "store",
    "stored",
    "storing",
    "save",
    "saved",
    "saving",
    "retain",
    "retained",
    "retention",
    "record",
    "recorded",
    "log",
    "logged",
    "hold on to",
    "combien de temps",
    "garde",
    "gardez",
    "gardes",
    "conserve",
    "conservez",
    "conserves",
    "stocke",
    "stockez",
    "stockes",
    "enregistre",
    "enregistrez",
    "enregistres",
    "sauvegarde",
];

/// Orders to erase, which `delete_my_data` answers.
const ERASE: &[&str] = &[
    "delete",
    "erase",
    "remove",
    "wipe",
    "supprime",
    "supprimer",
    "supprimez",
    "efface",
    "effacer",
    "effacez",
];

/// True when `text` asks how long (or whether) the conversation is kept.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    has(CONVERSATION) && has(KEEPING) && !has(ERASE)
}

/// The records that hold the conversation and how long each lives, what Messenger sees,
/// and how to see or erase it.
pub(crate) fn answer(ctx: &mut Ctx<'_>) {
    let mut lines = vec![ctx.t(Msg::RetentionIntro)];
    for kept in [Kept::Inbox, Kept::Outbox, Kept::Session] {
        lines.push(format!(
            "• {}",
            ctx.t(Msg::Privacy(PrivacyMsg::Purpose(kept)))
        ));
    }
    let text = format!(
        "{}\n\n{}\n\n{}",
        lines.join("\n"),
        ctx.t(Msg::Privacy(PrivacyMsg::Meta)),
        ctx.t(Msg::Privacy(PrivacyMsg::Controls))
    );
    let choices = crate::intents::privacy_info::see_or_delete(ctx);
    ctx.ask_text(text, choices);
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn retention_questions() {
        for t in [
            "how long do you keep my chats",
            "do you store my messages?",
            "how long is my data kept",
            "do u save what i type",
            "combien de temps gardez-vous mes messages",
            "est ce que vous enregistrez nos conversations",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "delete my messages",
            "what's my balance",
            "show my chat options",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
