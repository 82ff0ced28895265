//! Privacy texts in English.

use bankbot_core::{Kept, Lang};

use super::PrivacyMsg;

pub(super) fn text(msg: &PrivacyMsg<'_>) -> String {
    use PrivacyMsg::*;
    let alert = crate::catalog::en::alert;
    match msg {
        Meta => "Messenger (Meta) carries our conversation: Meta sees what you write here and \
            what I answer, as in any Messenger chat. It never sees your bank login or password: \
            you sign in on your bank's own page."
            .into(),
        Kept => "I keep only the link to your bank account, a short-lived conversation context \
            (24 hours), your alert consents, and an audit of what kind of data I showed you \
            (such as \"balances\", never amounts)."
            .into(),
        NotKept => "I store no balances or transactions: I ask your bank each time, and my \
            replies are deleted once delivered. I never sell your data or use it for advertising."
            .into(),
        Controls => "Say \"what do you know about me?\" to see what I keep, or \"delete my \
            data\" to erase it."
            .into(),
        AnswerSell => {
            "No. I never sell your data, pass it to anyone or use it for advertising.".into()
        }
        AnswerMeta => "Only what is written in this chat. Messenger (Meta) carries our \
            conversation, so Meta sees what you write here and what I answer, such as a balance \
            I show you, as in any Messenger chat."
            .into(),
        AnswerPhoneTaken => "If your phone is locked (code, fingerprint or face), nobody can \
            open this chat on it. If it isn't, whoever holds it could read this chat and ask me \
            for your balances and transactions, but never move money nor see your bank \
            password.\n\nTo cut that off, log Messenger out of that phone from another device \
            (in Facebook's settings, \"Where you're logged in\"), or unlink your bank account: \
            say \"unlink my account\" here from any device. If a card was with the phone, \
            lock it too."
            .into(),
        AnswerShare => "No. I don't share your data with Facebook (Meta), advertisers or anyone \
            else, and I never sell it. Messenger itself is Meta's, though: Meta sees what you \
            write here and what I answer, as in any Messenger chat."
            .into(),
        AnswerStored => "No. I store no balances or transactions: I ask your bank each time, and \
            my replies are deleted once delivered."
            .into(),
        AnswerWhoReads => "You and me, and Meta, which carries every Messenger chat. Nobody at \
            the bank reads it unless you ask to talk to a person."
            .into(),
        AnswerHumanReads => "No. Nobody at the bank reads this chat unless you ask to talk to a \
            person; only you, me and Meta, which carries every Messenger chat, see it."
            .into(),
        AnswerSafe => "Yes. You sign in on your bank's own page, so your login never goes \
            through Messenger or me, and you can unlink at any time."
            .into(),
        AnswerPassword => "No. I never see your bank password or PIN, and neither does Meta: you \
            sign in on your bank's own page, not in this chat."
            .into(),
        FactMeta => "It never sees your bank login or password, and never your accounts \
            themselves: you sign in on your bank's own page."
            .into(),
        FactWhoReads => {
            "I keep no copy of this chat: my replies are deleted once delivered.".into()
        }
        FactSafe => "The link to your bank and my replies waiting to be sent are \
            encrypted, and I store no balances or transactions."
            .into(),
        NotStoredFact => "I don't even store your balances or transactions: I ask your bank \
            each time, and my replies are deleted once delivered."
            .into(),
        Consents(lines) => format!("Your alert consents now:\n{lines}"),
        PageLink(url) => format!("All the details: {url}"),
        PolicyLink(url) => format!("Your bank's privacy policy: {url}"),
        Purpose(k) => purpose(*k).into(),
        PageTitle => "Privacy: what this Messenger assistant sees and keeps".into(),
        PageKeptHeading => "Every record the assistant keeps".into(),
        LinkAllows => "Linking lets me read your balances and transactions to answer your \
            questions, and lock a card when you ask. Your bank login stays with your bank, and \
            you can unlink at any time."
            .into(),
        HeldHeader => "Here is everything I keep about you:".into(),
        HeldLinked(since) => format!("• Bank account: linked since {since}"),
        HeldNotLinked => "• Bank account: not linked".into(),
        HeldLang(l) => format!(
            "• Language: {}",
            match l {
                Lang::En => "English",
                Lang::Fr => "French",
            }
        ),
        HeldConsent { kind, on, since } => format!(
            "• {} alerts: {} since {since}",
            alert(*kind),
            if *on { "on" } else { "off" }
        ),
        HeldConsentDefault { kind, on } => format!(
            "• {} alerts: {} (the default, you never changed it)",
            alert(*kind),
            if *on { "on" } else { "off" }
        ),
        HeldPending(n) => format!("• Messages waiting to be sent to you: {n}"),
        HeldKinds(kinds) => {
            format!(
                "• Data I showed you in the last 30 days: {kinds} (the kinds only, never amounts)"
            )
        }
        HeldNoKinds => "• Data I showed you in the last 30 days: none".into(),
        DataKind(k) => match *k {
            "balances" => "balances",
            "transactions" => "transactions",
            "spending" => "spending",
            "cards" => "cards",
            "card_lock" => "card locks",
            other => other,
        }
        .into(),
        HeldExport(url) => format!(
            "A copy as a file (JSON), for you only: this link works once, for 10 minutes.\n{url}"
        ),
        HeldNoExport => "I couldn't prepare a copy right now; ask me again in a minute.".into(),
        HeldErase => "To erase all of it, say \"delete my data\".".into(),
        UndoAlertOn(k) => format!(
            "To undo, tap 🔕 {} below or say \"turn off {} alerts\".",
            alert(*k),
            alert(*k).to_lowercase()
        ),
        UndoAlertOff(k) => format!(
            "To turn them back on, tap 🔔 {} below or say \"turn on {} alerts\".",
            alert(*k),
            alert(*k).to_lowercase()
        ),
        UndoAllOff => "To turn one back on, tap it below.".into(),
        UndoLinked => "To undo, say \"unlink my account\": I then forget the link.".into(),
        UndoUnlinked => "I no longer keep the link or its credential. To link again, say \"link \
            my account\"."
            .into(),
        EraseHow => "You can erase everything I keep about you in one go: the link to your bank \
            account, our conversation context and your alert choices. It can't be undone. If \
            you only want me to stop seeing your accounts, unlink instead: I forget the link, \
            and you can link again any time. Neither changes your accounts: the bank keeps its \
            own records, which I can't erase. Tap the one you want, or just carry on."
            .into(),
        EraseVsUnlink => "Unlinking only removes the link to your bank account: I stop showing \
            your balances and transactions here, and you can link again any time. Erasing \
            removes everything I keep about you, for good: that link, our conversation context \
            and your alert choices. Neither changes your accounts at the bank, which keeps its \
            own records. Tap the one you want, if any."
            .into(),
        ErasePartial => "I can't erase only part of it: erasing is all or nothing, and removes \
            the link to your bank account, our conversation context and your alert choices \
            together. Our conversation context is erased by itself anyway, 24 hours after your \
            last message. To keep your alerts, don't erase: you can switch off just the alerts \
            you don't want, or unlink your account."
            .into(),
        EraseLeavesCards => "No: erasing doesn't touch your cards or your accounts. A card stays \
            locked or unlocked as it is now, and your accounts at the bank stay as they are. \
            Only what I keep here goes: the link, our conversation context and your alert \
            choices. Delete everything?"
            .into(),
        UnlinkLeavesCards => "No: unlinking doesn't touch your cards or your accounts. A card \
            stays locked or unlocked as it is now, and your accounts at the bank stay as they \
            are; I only stop seeing them here. Unlink?"
            .into(),
        NothingHeld => "I hold nothing about you now: no link to a bank account, no earlier \
            conversation and no alert choices. So if you asked me to erase your data, it's \
            done. To use me again, link your account."
            .into(),
        LabelUnlinkAccount => "Unlink my account".into(),
        LabelWhatYouKnow => "What you know of me".into(),
        LabelDeleteMyData => "Delete my data".into(),
        LabelDownload => "Download a copy".into(),
    }
}

fn purpose(k: Kept) -> &'static str {
    match k {
        Kept::Link => {
            "The link to your bank account: your bank's customer reference and the \
            access it granted, encrypted. Kept until you unlink or delete your data."
        }
        Kept::Session => {
            "The conversation context (your language, the last question, what I \
            am waiting for), so that \"and savings?\" makes sense. Gone after 24 hours without \
            a message."
        }
        Kept::Consents => {
            "Your alert consents, with the date of each choice, so I only send \
            the alerts you asked for."
        }
        Kept::Audit => {
            "An audit trail: when I showed you which kind of data (such as \
            \"balances\"), never amounts or account numbers. It names you only by a keyed \
            pseudonym and is kept when you delete your data, so it cannot be tampered with."
        }
        Kept::Inbox => {
            "Messages you send, until I have answered them; after that only their \
            id is kept, to ignore duplicates, for 24 hours."
        }
        Kept::Outbox => {
            "My replies, encrypted, until Messenger has delivered them; then \
            deleted."
        }
        Kept::LinkCodes => {
            "One-time codes between your bank's login page and Messenger, for \
            a few minutes while you link."
        }
        Kept::Contacts => {
            "When you last wrote, because Messenger only lets me write to you \
            within 24 hours of your last message."
        }
        Kept::HeldAlerts => "Alerts held back during quiet hours or until you write again.",
        Kept::AlertIds => {
            "The bank's alert ids (no customer data), for 7 days, so an alert is \
            never sent twice."
        }
        Kept::ExportTokens => {
            "One-time links to a copy of your data, stored hashed, valid 10 \
            minutes."
        }
        Kept::AuditChain => "The audit trail's integrity seal (no customer data).",
    }
}
