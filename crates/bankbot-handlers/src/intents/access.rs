//! `data_access` ("what do you know about me?", the right of access). The handler only asks
//! the runtime for [`Effect::ShowHeldData`]: what is held lives in the store, which the
//! handlers never touch. The runtime gathers a [`HeldData`] and [`held_data_reply`] phrases
//! it: link and since when, language, alert consents with their dates, messages waiting,
//! the kinds of data shown lately (never amounts), and a one-time export link.

use bankbot_core::{AlertKind, Button, IntentId, Lang, QuickReply, Reply};
use chrono::{DateTime, NaiveDate, Utc};

use crate::Effect;
use crate::catalog::{Msg, PrivacyMsg, t};
use crate::ctx::Ctx;
use crate::format;
use bankbot_core::Payload;

pub(crate) fn handle(ctx: &mut Ctx<'_>) {
    ctx.effect(Effect::ShowHeldData);
}

/// "what have you shown me in the past 30 days", "what did u show me lately": what the bot
/// showed, which the held data lists (the kinds of data shown lately).
pub(crate) fn asks_shown(text: &str) -> bool {
    const SHOWN: &[&str] = &[
        " have you shown me ",
        " did you show me ",
        " you showed me ",
        " you've shown me ",
        " youve shown me ",
        " u showed me ",
        " did u show me ",
        " have u shown me ",
        " you have shown me ",
        " have you shown ",
        " have you told me ",
        " you've told me ",
        " m'avez montre ",
        " m'as montre ",
        " mas montre ",
        " m'avez affiche ",
        " m'as affiche ",
    ];
    const WHAT: &[&str] = &[
        " what ",
        " wat ",
        " which ",
        " everything ",
        " ce que ",
        " quoi ",
        " qu'est ",
    ];
    let f = crate::cues::fold(text);
    SHOWN.iter().any(|w| f.contains(w)) && WHAT.iter().any(|w| f.contains(w))
}

/// One alert's consent as the customer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldConsent {
    /// Which alert.
    pub kind: AlertKind,
    /// On or off now.
    pub on: bool,
    /// When the customer decided; `None` when it is the default, never changed.
    pub since: Option<DateTime<Utc>>,
}

/// What the bot holds about one customer, gathered by the runtime from the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldData {
    /// When the account was linked, `None` when it is not.
    pub linked_since: Option<DateTime<Utc>>,
    /// The conversation's language.
    pub lang: Lang,
    /// Every alert kind with its consent.
    pub consents: Vec<HeldConsent>,
    /// Replies and alerts waiting to be sent.
    pub pending_messages: u64,
    /// Audit labels of the kinds of data shown lately (`balances`, `transactions` …).
    pub kinds_shown: Vec<String>,
    /// The one-time export link, when one could be minted.
    pub export_url: Option<String>,
}

/// The answer to "what do you know about me?" in `lang`; `today` for dates.
pub fn held_data_reply(lang: Lang, held: &HeldData, today: NaiveDate) -> Vec<Reply> {
    let p = |m: PrivacyMsg<'_>| t(lang, Msg::Privacy(m));
    let day = |at: DateTime<Utc>| format::date(at.date_naive(), today, lang);
    let mut lines = vec![p(PrivacyMsg::HeldHeader)];
    lines.push(match held.linked_since {
        Some(at) => p(PrivacyMsg::HeldLinked(&day(at))),
        None => p(PrivacyMsg::HeldNotLinked),
    });
    lines.push(p(PrivacyMsg::HeldLang(held.lang)));
    for c in &held.consents {
        lines.push(match c.since {
            Some(at) => p(PrivacyMsg::HeldConsent {
                kind: c.kind,
                on: c.on,
                since: &day(at),
            }),
            None => p(PrivacyMsg::HeldConsentDefault {
                kind: c.kind,
                on: c.on,
            }),
        });
    }
    lines.push(p(PrivacyMsg::HeldPending(held.pending_messages)));
    if held.kinds_shown.is_empty() {
        lines.push(p(PrivacyMsg::HeldNoKinds));
    } else {
        let kinds: Vec<String> = held
            .kinds_shown
            .iter()
            .map(|k| p(PrivacyMsg::DataKind(k)))
            .collect();
        lines.push(p(PrivacyMsg::HeldKinds(&kinds.join(", "))));
    }
    let mut replies = vec![Reply::text(lines.join("\n"))];
    match &held.export_url {
        Some(url) => replies.push(Reply::with_buttons(
            p(PrivacyMsg::HeldExport(url)),
            vec![Button::WebUrl {
                title: p(PrivacyMsg::LabelDownload),
                url: url.clone(),
            }],
        )),
        None => replies.push(Reply::text(p(PrivacyMsg::HeldNoExport))),
    }
    let erase = QuickReply::new(
        p(PrivacyMsg::LabelDeleteMyData),
        Payload::Intent(IntentId::DeleteMyData).encode(),
    );
    replies.push(Reply::with_quick_replies(
        p(PrivacyMsg::HeldErase),
        vec![erase],
    ));
    replies
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held() -> HeldData {
        let at = "2026-11-20T10:00:00Z".parse().unwrap();
        HeldData {
            linked_since: Some(at),
            lang: Lang::En,
            consents: vec![
                HeldConsent {
                    kind: AlertKind::BalanceLow,
                    on: true,
                    since: Some(at),
                },
                HeldConsent {
                    kind: AlertKind::FraudSuspected,
                    on: true,
                    since: None,
                },
            ],
            pending_messages: 2,
            kinds_shown: vec!["balances".into(), "card_lock".into()],
            export_url: Some("https://bot.example/privacy/export/abc".into()),
        }
    }

    #[test]
    fn lists_everything_in_both_languages() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let en = held_data_reply(Lang::En, &held(), today);
        let text = en[0].text_content().unwrap();
        for want in [
            "linked since Nov 20",
            "Low balance alerts: on since Nov 20",
            "Fraud alerts: on (the default",
            "waiting to be sent to you: 2",
            "balances, card locks",
        ] {
            assert!(text.contains(want), "{want} in {text}");
        }
        assert!(
            en[1]
                .text_content()
                .unwrap()
                .contains("/privacy/export/abc")
        );
        let fr = held_data_reply(Lang::Fr, &held(), today);
        let text = fr[0].text_content().unwrap();
        assert!(text.contains("lié depuis le 20 nov"), "{text}");
        assert!(text.contains("soldes, blocages de carte"), "{text}");
    }
}
