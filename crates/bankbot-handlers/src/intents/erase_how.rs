//! Questions about erasing and unlinking, answered before anything is done: "how do I
//! delete my data?", « c'est quoi la différence entre délier et supprimer ? », "delete my
//! chat only, not the alerts" get what each removes and a button to do it, never the "Delete
//! everything?" confirmation as the first answer. Also "will that lock my cards?" asked
//! while that confirmation waits: answered, and the confirmation stays open.

use crate::catalog::{Msg, PrivacyMsg};
use crate::ctx::Ctx;
use crate::cues::fold;
use bankbot_core::IntentId;

/// What is asked about erasing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EraseAsk {
    /// "how do i delete my data", "can i delete my stuff".
    How,
    /// "difference between unlink and delete".
    Difference,
    /// "delete my convo history only not the alerts".
    Partial,
}

/// Words that erase, folded.
const ERASE: &[&str] = &[
    "delete",
    "deleting",
    "deleted",
    "removed",
    "erase",
    "erasing",
    "erased",
    "wipe",
    "wiping",
    "clear",
    "clearing",
    "remove",
    "removing",
    "purge",
    "forget",
    "supprimer",
    "supprime",
    "supprimes",
    "supprimez",
    "suppression",
    "supprimee",
    "effacer",
    "efface",
    "effaces",
    "effacez",
    "effacement",
    "effacee",
    "oublier",
    "oubliez",
];

/// Words that unlink, folded.
const UNLINK: &[&str] = &[
    "unlink",
    "unlinking",
    "unlinked",
    "delink",
    "de link",
    "disconnect",
    "disconnecting",
    "delier",
    "delie",
    "deliez",
    "deconnecter",
    "deconnecte",
    "dissocier",
    "detacher",
    "delinker",
    "unlinker",
];

/// What is kept about the customer, in everyday words.
const DATA: &[&str] = &[
    "data",
    "stuff",
    "info",
    "infos",
    "information",
    "details",
    "history",
    "convo",
    "convos",
    "conversation",
    "conversations",
    "chat",
    "chats",
    "messages",
    "msgs",
    "everything",
    "donnees",
    "informations",
    "historique",
    "discussion",
    "discussions",
    "traces",
    "tout",
    "datas",
    "affaires",
    "trucs",
];

/// A way asked for, not an order ("can you delete my data" is one: the confirmation).
const HOW: &[&str] = &[
    "how",
    "how do",
    "how can",
    "hw",
    "can i",
    "could i",
    "may i",
    "am i able",
    "is it possible",
    "possible",
    "is there a way",
    "any way",
    "way to",
    "what do i do",
    "comment",
    "je peux",
    "jpeux",
    "j'peux",
    "puis je",
    "on peut",
    "peut on",
    "est il possible",
    "c'est possible",
    "moyen",
    "faut faire quoi",
    "je fais comment",
    "on fait comment",
];

/// A difference asked for.
const DIFFERENCE: &[&str] = &[
    "difference",
    "differences",
    "different",
    "diff",
    "diffrence",
    "difrence",
    "vs",
    "versus",
    "same thing",
    "same as",
    "la meme chose",
    "pareil",
    "meme chose",
    "or",
    "ou",
];

/// Only a part wanted.
const PART: &[&str] = &[
    "only",
    "just",
    "but not",
    "not the",
    "not my",
    "but keep",
    "and keep",
    "except",
    "without",
    "juste",
    "seulement",
    "uniquement",
    "que la",
    "que les",
    "que mes",
    "que ma",
    "sauf",
    "mais garde",
    "mais gardez",
    "et garde",
    "et gardez",
    "pas les",
    "pas mes",
    "mais pas",
    "sans",
];

/// One part of what is kept, named alone ("my convo history", « la conversation »).
const ONE_PART: &[&str] = &[
    "history",
    "convo",
    "convos",
    "conversation",
    "conversations",
    "chat",
    "chats",
    "messages",
    "msgs",
    "link",
    "historique",
    "discussion",
    "discussions",
    "lien",
];

/// Everything named.
const ALL: &[&str] = &["everything", "all", "tout", "toutes", "tous"];

/// A card, an account or money: what an erase does not touch.
const CARDS: &[&str] = &[
    "card",
    "cards",
    "account",
    "accounts",
    "money",
    "savings",
    "visa",
    "debit",
    "payments",
    "carte",
    "cartes",
    "cb",
    "compte",
    "comptes",
    "argent",
    "sous",
    "epargne",
    "paiements",
    "prelevements",
    "virements",
    "lock",
    "locked",
    "block",
    "cancel",
    "close",
    "bloque",
    "bloquer",
    "bloquees",
    "fermer",
    "ferme",
    "annuler",
    "annule",
];

/// What will become of something, said without a question mark ("my account will be
/// closed", « mon compte sera fermé »).
const FUTURE: &[&str] = &[
    "will be",
    "will it",
    "gonna",
    "going to",
    "sera",
    "seront",
    "va etre",
    "vont etre",
    "va t",
    "vont",
    "va se",
    "vont se",
];

/// Question openers, folded.
const QUESTION: &[&str] = &[
    "will",
    "would",
    "does",
    "do",
    "is",
    "can",
    "could",
    "gonna",
    "what about",
    "and my",
    "est ce",
    "ca va",
    "ca",
    "va t",
    "vais je",
    "et mes",
    "et ma",
    "et mon",
    "y a",
];

fn has(f: &str, words: &[&str]) -> bool {
    words.iter().any(|w| f.contains(&format!(" {w} ")))
}

/// What `text` asks about erasing, if anything.
pub(crate) fn asked(text: &str) -> Option<EraseAsk> {
    let f = fold(text).replace(['?', '!', '.', ','], " ");
    // "d'effacer", "l'historique": the word after the apostrophe read alone.
    let g = f.replace('\'', "' ");
    let erase = has(&g, ERASE);
    let unlink = has(&g, UNLINK);
    if erase && unlink && has(&f, DIFFERENCE) {
        return Some(EraseAsk::Difference);
    }
    if !erase || !has(&g, DATA) {
        return None;
    }
    if has(&f, PART) && has(&g, ONE_PART) && !has(&f, ALL) {
        return Some(EraseAsk::Partial);
    }
    has(&f, HOW).then_some(EraseAsk::How)
}

/// The answer: what erase and unlink remove, and buttons to do either.
pub(crate) fn answer(ctx: &mut Ctx<'_>, ask: EraseAsk) {
    let msg = match ask {
        EraseAsk::How => PrivacyMsg::EraseHow,
        EraseAsk::Difference => PrivacyMsg::EraseVsUnlink,
        EraseAsk::Partial => PrivacyMsg::ErasePartial,
    };
    let mut choices = vec![ctx.intent_choice(
        Msg::Privacy(PrivacyMsg::LabelDeleteMyData),
        IntentId::DeleteMyData,
    )];
    if ask == EraseAsk::Partial {
        choices.push(ctx.intent_choice(Msg::LabelAlerts, IntentId::ManageAlerts));
    }
    if ctx.customer.is_some() {
        choices.push(ctx.intent_choice(
            Msg::Privacy(PrivacyMsg::LabelUnlinkAccount),
            IntentId::UnlinkAccount,
        ));
    }
    ctx.ask(Msg::Privacy(msg), choices);
}

/// True when `text`, to "delete everything?" or "unlink?", asks what becomes of the cards
/// or accounts ("will that lock my cards?", « ça va bloquer ma carte ? »).
pub(crate) fn asks_effect(text: &str) -> bool {
    let f = fold(text).replace(['!', '.', ','], " ");
    let question = text.contains('?')
        || QUESTION.iter().any(|w| f.starts_with(&format!(" {w} ")))
        || has(&f, FUTURE);
    question && has(&f.replace('?', " "), CARDS)
}

/// True when `text` holds no plain yes or no: "wait does that cancel my cards?" is a
/// question ("wait" read as a no elsewhere), "no, will it lock my cards?" a no.
pub(crate) fn no_plain_answer(text: &str) -> bool {
    const NO: &[&str] = &[
        "no",
        "nope",
        "nah",
        "non",
        "nan",
        "not",
        "don't",
        "dont",
        "pas",
        "cancel it",
        "stop",
    ];
    match crate::words::yes_no(text) {
        None => true,
        Some(true) => false,
        Some(false) => !has(&fold(text).replace(['?', '!', '.', ','], " "), NO),
    }
}

/// The answer to such a question: untouched, and the confirmation asked again.
pub(crate) fn answer_effect(ctx: &mut Ctx<'_>, unlink: bool) {
    let msg = if unlink {
        PrivacyMsg::UnlinkLeavesCards
    } else {
        PrivacyMsg::EraseLeavesCards
    };
    let choices = ctx.yes_no();
    ctx.ask(Msg::Privacy(msg), choices);
}

#[cfg(test)]
mod tests {
    use super::{EraseAsk, asked, asks_effect};

    #[test]
    fn reads_erase_questions() {
        assert_eq!(asked("how do i delete my data"), Some(EraseAsk::How));
        assert_eq!(asked("can i delete my stuff"), Some(EraseAsk::How));
        assert_eq!(
            asked("comment je peux supprimer mes données"),
            Some(EraseAsk::How)
        );
        assert_eq!(
            asked("c'est quoi la différence entre délier et supprimer"),
            Some(EraseAsk::Difference)
        );
        assert_eq!(
            asked("delete my convo history only not the alerts"),
            Some(EraseAsk::Partial)
        );
        assert_eq!(asked("delete my data"), None);
        assert_eq!(asked("don't keep my data, delete it"), None);
        assert_eq!(asked("just delete everything"), None);
        assert_eq!(asked("can you delete my data"), None);
        assert_eq!(asked("supprimez mes données"), None);
        assert!(asks_effect("will that lock my cards?"));
        assert!(asks_effect("ça va bloquer ma carte ?"));
        assert!(!asks_effect("go ahead"));
        assert!(!asks_effect("oui"));
        assert!(asks_effect("mon compte sera fermé"));
        assert_eq!(
            asked("y a moyen d'effacer mes données"),
            Some(EraseAsk::How)
        );
        assert_eq!(asked("comment supprimer mes alertes"), None);
        assert_eq!(asked("supprime juste les alertes"), None);
    }
}
