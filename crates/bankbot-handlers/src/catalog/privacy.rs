//! The privacy texts, once per language: the facts the `privacy_info` answer and the
//! `/privacy` page are both built from, the right-of-access listing, and the notices about
//! linking and consent. Kept apart from the main catalogs so one file holds one subject.

use bankbot_core::{AlertKind, Kept, Lang};

mod en;
mod fr;

/// Every privacy message.
#[derive(Debug, Clone)]
pub(crate) enum PrivacyMsg<'a> {
    // the facts
    /// What Meta sees, and that it never sees the bank login.
    Meta,
    /// What the bot keeps, in one sentence.
    Kept,
    /// What it never stores.
    NotKept,
    /// How to see and delete what is kept.
    Controls,
    /// The current alert consents (lines already rendered).
    Consents(&'a str),
    /// The detailed page.
    PageLink(&'a str),
    /// The bank's own policy.
    PolicyLink(&'a str),
    /// What a kind of record is for (and how long it lives).
    Purpose(Kept),
    /// The page's title, and the heading of the list of records.
    PageTitle,
    PageKeptHeading,
    // short answers to a yes-or-no privacy question, then the one fact that goes with it
    AnswerSell,
    AnswerMeta,
    AnswerShare,
    AnswerStored,
    AnswerWhoReads,
    AnswerHumanReads,
    AnswerSafe,
    AnswerPassword,
    /// "can the thief see my accounts on my phone with this chat?": what a locked phone
    /// keeps out and how to cut the chat off.
    AnswerPhoneTaken,
    FactMeta,
    FactWhoReads,
    FactSafe,
    /// That nothing is stored, without the line about selling.
    NotStoredFact,
    // before linking
    /// Two sentences: what linking allows, and that the login stays at the bank.
    LinkAllows,
    // right of access
    HeldHeader,
    HeldLinked(&'a str),
    HeldNotLinked,
    HeldLang(Lang),
    HeldConsent {
        kind: AlertKind,
        on: bool,
        since: &'a str,
    },
    HeldConsentDefault {
        kind: AlertKind,
        on: bool,
    },
    HeldPending(u64),
    HeldKinds(&'a str),
    HeldNoKinds,
    /// One kind of data shown (an audit label such as `balances`).
    DataKind(&'a str),
    HeldExport(&'a str),
    HeldNoExport,
    HeldErase,
    // consent and link changes: what changed and how to undo it
    UndoAlertOn(AlertKind),
    UndoAlertOff(AlertKind),
    UndoAllOff,
    UndoLinked,
    UndoUnlinked,
    // erasing and unlinking explained before anything is done
    /// "how do I delete my data?": what erase and unlink each remove, then the choice.
    EraseHow,
    /// "difference between unlink and delete?".
    EraseVsUnlink,
    /// "delete my chat only, not the alerts": erasing is all or nothing, and what can be
    /// done apart.
    ErasePartial,
    /// "will that lock my cards?" to "delete everything?": cards and accounts untouched.
    EraseLeavesCards,
    /// The same to "unlink your account?".
    UnlinkLeavesCards,
    /// "has it been done?" with nothing held (just after an erase): nothing is kept.
    NothingHeld,
    // labels (Messenger allows 20 characters)
    LabelUnlinkAccount,
    LabelWhatYouKnow,
    LabelDeleteMyData,
    LabelDownload,
}

/// Renders a privacy message in a language.
pub(crate) fn text(lang: Lang, msg: &PrivacyMsg<'_>) -> String {
    match lang {
        Lang::En => en::text(msg),
        Lang::Fr => fr::text(msg),
    }
}
