//! Messages the runtime sends on its own, outside a handler turn (after account linking,
//! when a person hands the thread back, when alerts wait), so that every customer-facing
//! text lives in the catalogs.

use bankbot_core::{Button, IntentId, Lang, QuickReply, Reply};

use crate::catalog::{Msg, PrivacyMsg, t};
use bankbot_core::Payload;

/// Something the runtime tells the customer without being asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Notice {
    /// Account linking succeeded.
    Linked,
    /// Account linking failed or was cancelled.
    LinkFailed,
    /// The account was unlinked (from Messenger's unlink button).
    Unlinked,
    /// A person handed the conversation back to the bot.
    BotBack,
    /// Alerts were held (outside the messaging window) and wait to be shown.
    AlertsWaiting(u32),
    /// "thanks! and my savings?": a short welcome before the answer, which follows.
    WelcomeBeforeAnswer,
}

/// The replies for a notice, in `lang`; `link_url` is the account-link page.
pub fn notice_reply(notice: Notice, lang: Lang, link_url: &str) -> Vec<Reply> {
    let qr = |label: Msg<'_>, intent: IntentId| {
        QuickReply::new(t(lang, label), Payload::Intent(intent).encode())
    };
    // What changed, then how to undo it.
    let undo = |msg: Msg<'_>, undo: PrivacyMsg<'_>| {
        format!("{} {}", t(lang, msg), t(lang, Msg::Privacy(undo)))
    };
    let reply = match notice {
        Notice::Linked => Reply::with_quick_replies(
            undo(Msg::Linked, PrivacyMsg::UndoLinked),
            vec![
                qr(Msg::LabelBalance, IntentId::Balance),
                qr(Msg::LabelTransactions, IntentId::Transactions),
                qr(Msg::LabelSpending, IntentId::SpendingSummary),
            ],
        ),
        Notice::LinkFailed => Reply::with_buttons(
            t(lang, Msg::LinkFailed),
            vec![Button::AccountLink {
                url: link_url.to_owned(),
            }],
        ),
        Notice::Unlinked => Reply::text(undo(Msg::Unlinked, PrivacyMsg::UndoUnlinked)),
        Notice::BotBack => Reply::with_quick_replies(
            t(lang, Msg::BotBack),
            vec![
                qr(Msg::LabelBalance, IntentId::Balance),
                qr(Msg::LabelHelp, IntentId::Help),
            ],
        ),
        Notice::AlertsWaiting(n) => Reply::text(t(lang, Msg::AlertsWaiting(n))),
        Notice::WelcomeBeforeAnswer => Reply::text(t(lang, Msg::WelcomeBeforeAnswer)),
    };
    vec![reply]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_notice_has_text_in_both_languages() {
        let all = [
            Notice::Linked,
            Notice::LinkFailed,
            Notice::Unlinked,
            Notice::BotBack,
            Notice::AlertsWaiting(1),
            Notice::AlertsWaiting(3),
        ];
        for lang in [Lang::En, Lang::Fr] {
            for n in all {
                let r = notice_reply(n, lang, "https://bot.example/link");
                assert!(
                    !r[0].text_content().unwrap_or("").is_empty(),
                    "{n:?} {lang}"
                );
            }
        }
        let one = notice_reply(Notice::AlertsWaiting(1), Lang::En, "");
        assert_eq!(one[0].text_content(), Some("You have 1 new alert."));
        let two = notice_reply(Notice::AlertsWaiting(2), Lang::Fr, "");
        assert_eq!(
            two[0].text_content(),
            Some("Vous avez 2 nouvelles alertes.")
        );
    }
}
