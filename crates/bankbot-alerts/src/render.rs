//! What the customer reads, in English and French.

use bankbot_core::Payload;
use bankbot_core::{AlertKind, IntentId, Lang, QuickReply, Reply};
use chrono::{DateTime, Datelike, Utc};

use crate::Alert;

/// The customer's answer to a fraud question (a `FRAUD_YES:<id>` / `FRAUD_NO:<id>` payload).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FraudAnswer {
    /// The alert answered.
    pub alert_id: String,
    /// True for "yes, that was me".
    pub genuine: bool,
}

impl FraudAnswer {
    /// Reads a quick-reply or postback payload; `None` when it is not a fraud answer.
    pub fn parse(payload: &str) -> Option<FraudAnswer> {
        match Payload::parse(payload)? {
            Payload::FraudAnswer { alert_id, genuine } => Some(FraudAnswer { alert_id, genuine }),
            _ => None,
        }
    }

    /// The quick-reply payload that answers `alert_id`.
    fn payload(alert_id: &str, genuine: bool) -> String {
        Payload::FraudAnswer {
            alert_id: alert_id.to_owned(),
            genuine,
        }
        .to_string()
    }
}

fn short_date(at: DateTime<Utc>, lang: Lang) -> String {
    match lang {
        Lang::Fr => {
            const MONTHS: [&str; 12] = [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc.",
            ];
            let m = MONTHS.get(at.month0() as usize).copied().unwrap_or("");
            format!("{} {m}", at.day())
        }
        _ => at.format("%b %-d").to_string(),
    }
}

/// The details of a transaction: `−$500.00 at ElectroMart on Nov 28 with card ••9876`.
fn purchase(alert: &Alert, lang: Lang) -> String {
    let d = &alert.data;
    let fr = lang == Lang::Fr;
    let mut text = String::new();
    if let Some(m) = alert.money(d.amount) {
        text.push('−');
        text.push_str(&m.abs().format(lang));
    }
    if let Some(merchant) = &d.merchant {
        text.push_str(if fr { " chez " } else { " at " });
        text.push_str(merchant);
    }
    if let Some(at) = d.at {
        text.push_str(if fr { " le " } else { " on " });
        text.push_str(&short_date(at, lang));
    }
    if let Some(l4) = &d.card_last4 {
        text.push_str(if fr {
            " avec la carte ••"
        } else {
            " with card ••"
        });
        text.push_str(l4);
    }
    text.trim().to_owned()
}

/// One line describing the alert (used alone and in summaries).
pub fn line(alert: &Alert, lang: Lang) -> String {
    let d = &alert.data;
    let fr = lang == Lang::Fr;
    let account = d
        .account
        .as_deref()
        .map(|a| format!(" {a}"))
        .unwrap_or_default();
    let balance = alert.money(d.balance).map(|m| m.format(lang));
    let threshold = alert.money(d.threshold).map(|m| m.format(lang));
    match (alert.kind, fr) {
        (AlertKind::FraudSuspected, false) => {
            format!("Did you make this purchase? {}", purchase(alert, lang))
        }
        (AlertKind::FraudSuspected, true) => {
            format!("Avez-vous fait cet achat ? {}", purchase(alert, lang))
        }
        (AlertKind::BalanceLow, false) => match (balance, threshold) {
            (Some(b), Some(t)) => format!("Low balance: your{account} balance is {b}, below {t}."),
            (Some(b), None) => format!("Low balance: your{account} balance is {b}."),
            _ => format!("Low balance on your{account} account."),
        },
        (AlertKind::BalanceLow, true) => match (balance, threshold) {
            (Some(b), Some(t)) => format!("Solde bas : votre compte{account} est à {b}, sous {t}."),
            (Some(b), None) => format!("Solde bas : votre compte{account} est à {b}."),
            _ => format!("Solde bas sur votre compte{account}."),
        },
        (AlertKind::BalanceUpdate, false) => match balance {
            Some(b) => format!("Balance update: your{account} balance is {b}."),
            None => format!("Balance update for your{account} account."),
        },
        (AlertKind::BalanceUpdate, true) => match balance {
            Some(b) => format!("Point sur le solde : votre compte{account} est à {b}."),
            None => format!("Point sur le solde de votre compte{account}."),
        },
        (AlertKind::LargeTransaction, false) => {
            format!("Large transaction: {}.", purchase(alert, lang))
        }
        (AlertKind::LargeTransaction, true) => {
            format!("Opération importante : {}.", purchase(alert, lang))
        }
        (AlertKind::DepositReceived, false) => {
            let amount = alert
                .money(d.amount)
                .map(|m| format!(" of {}", m.format(lang)));
            let from = d.merchant.as_deref().map(|m| format!(" from {m}"));
            format!(
                "Money arrived: a deposit{}{}{}.",
                amount.unwrap_or_default(),
                from.unwrap_or_default(),
                account_suffix(d.account.as_deref(), " in ")
            )
        }
        (AlertKind::DepositReceived, true) => {
            let amount = alert
                .money(d.amount)
                .map(|m| format!(" de {}", m.format(lang)));
            let from = d.merchant.as_deref().map(|m| format!(" de la part de {m}"));
            format!(
                "Argent reçu : un versement{}{}{}.",
                amount.unwrap_or_default(),
                from.unwrap_or_default(),
                account_suffix(d.account.as_deref(), " sur ")
            )
        }
    }
}

fn account_suffix(account: Option<&str>, prep: &str) -> String {
    account.map(|a| format!("{prep}{a}")).unwrap_or_default()
}

/// The message for one alert; a fraud check carries Yes / No quick replies.
pub fn alert_reply(alert: &Alert, lang: Lang) -> Reply {
    if alert.kind == AlertKind::FraudSuspected {
        let (yes, no) = match lang {
            Lang::Fr => ("Oui, c'est moi", "Non"),
            _ => ("Yes, it was me", "No"),
        };
        return Reply::with_quick_replies(
            line(alert, lang),
            vec![
                QuickReply::new(yes, FraudAnswer::payload(&alert.id, true)),
                QuickReply::new(no, FraudAnswer::payload(&alert.id, false)),
            ],
        );
    }
    Reply::text(line(alert, lang))
}

/// Several alerts at once: one summary message (fraud checks still get their own question).
pub fn summary_replies(alerts: &[Alert], lang: Lang) -> Vec<Reply> {
    let (plain, fraud): (Vec<&Alert>, Vec<&Alert>) = alerts
        .iter()
        .partition(|a| a.kind != AlertKind::FraudSuspected);
    let mut replies = Vec::new();
    match plain.as_slice() {
        [] => {}
        [one] => replies.push(alert_reply(one, lang)),
        many => {
            let head = match lang {
                Lang::Fr => format!("{} alertes :", many.len()),
                _ => format!("{} alerts:", many.len()),
            };
            let lines: Vec<String> = many
                .iter()
                .map(|a| format!("• {}", line(a, lang)))
                .collect();
            replies.push(Reply::text(format!("{head}\n{}", lines.join("\n"))));
        }
    }
    replies.extend(fraud.into_iter().map(|a| alert_reply(a, lang)));
    replies
}

/// The one-line text of a utility-message template (no buttons): one alert, or a summary
/// of several. A fraud question asks the customer to open the conversation, where the Yes /
/// No choice waits for them.
pub fn template_text(alerts: &[Alert], lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut text = match alerts {
        [one] => line(one, lang),
        many => {
            let lines: Vec<String> = many.iter().map(|a| line(a, lang)).collect();
            match fr {
                true => format!("{} alertes : {}", many.len(), lines.join(" ; ")),
                false => format!("{} alerts: {}", many.len(), lines.join("; ")),
            }
        }
    };
    if alerts.iter().any(|a| a.kind == AlertKind::FraudSuspected) {
        text.push_str(match fr {
            true => " Envoyez-nous un message ici pour répondre.",
            false => " Send us any message here to answer.",
        });
    }
    text
}

/// The once-only reminder of an unanswered fraud question.
pub fn reminder_reply(alert: &Alert, lang: Lang) -> Reply {
    let mut reply = alert_reply(alert, lang);
    let prefix = match lang {
        Lang::Fr => "Rappel : ",
        _ => "Reminder: ",
    };
    if let Reply::Text { text, .. } = &mut reply {
        text.insert_str(0, prefix);
    }
    reply
}

/// After "yes, that was me".
pub fn genuine_reply(lang: Lang) -> Reply {
    Reply::text(match lang {
        Lang::Fr => "Merci, l'achat est confirmé. Rien d'autre à faire.",
        _ => "Thanks, the purchase is confirmed as yours. Nothing else to do.",
    })
}

/// After "no": the card is locked (or could not be) and a person is offered.
pub fn fraud_reply(card_last4: Option<&str>, locked: bool, lang: Lang) -> Reply {
    let card = card_last4.map(|l| format!(" ••{l}")).unwrap_or_default();
    let text = match (lang, locked) {
        (Lang::Fr, true) => format!(
            "Nous avons bloqué votre carte{card} et signalé l'achat. Voulez-vous parler à un conseiller ?"
        ),
        (Lang::Fr, false) => "Nous avons signalé l'achat, mais la carte n'a pas pu être bloquée. Parlez à un conseiller dès maintenant.".to_owned(),
        (_, true) => format!(
            "We've locked your card{card} and reported the purchase. Would you like to talk to a person?"
        ),
        (_, false) => "We've reported the purchase but couldn't lock the card. Please talk to a person now.".to_owned(),
    };
    let label = match lang {
        Lang::Fr => "Parler à un conseiller",
        _ => "Talk to a person",
    };
    Reply::with_quick_replies(
        text,
        vec![QuickReply::new(
            label,
            Payload::Intent(IntentId::HumanAgent).encode(),
        )],
    )
}

/// A fraud answer for a question already answered (or unknown).
pub fn already_answered_reply(lang: Lang) -> Reply {
    Reply::text(match lang {
        Lang::Fr => "Cette alerte a déjà été traitée.",
        _ => "That alert has already been taken care of.",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn fraud() -> Alert {
        Alert::from_json(
            br#"{"id":"a1","customer":"cust-alice","kind":"fraud_suspected",
              "data":{"amount":"500.00","merchant":"ElectroMart","card_last4":"9876",
                      "at":"2026-11-28T15:04:00Z"}}"#,
        )
        .unwrap()
    }

    #[test]
    fn fraud_question_reads_as_specified() {
        let r = alert_reply(&fraud(), Lang::En);
        assert_eq!(
            r.text_content().unwrap(),
            "Did you make this purchase? −$500.00 at ElectroMart on Nov 28 with card ••9876"
        );
        let fr = alert_reply(&fraud(), Lang::Fr);
        assert!(fr.text_content().unwrap().contains("500,00"), "{fr:?}");
        assert!(fr.text_content().unwrap().contains("28 nov."));
        assert_eq!(
            FraudAnswer::parse("FRAUD_NO:a1"),
            Some(FraudAnswer {
                alert_id: "a1".into(),
                genuine: false
            })
        );
        assert_eq!(FraudAnswer::parse("FRAUD_YES:").map(|a| a.genuine), None);
        assert_eq!(FraudAnswer::parse("YES"), None);
        let _ = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0);
    }

    #[test]
    fn several_alerts_are_summarised() {
        let mk = |id: &str, kind: &str| {
            Alert::from_json(
                format!(
                    r#"{{"id":"{id}","customer":"c","kind":"{kind}","data":{{"balance":"80.00"}}}}"#
                )
                .as_bytes(),
            )
            .unwrap()
        };
        let alerts = [
            mk("1", "balance_low"),
            mk("2", "balance_update"),
            mk("3", "deposit_received"),
        ];
        let r = summary_replies(&alerts, Lang::En);
        assert_eq!(r.len(), 1);
        let text = r[0].text_content().unwrap();
        assert!(
            text.starts_with("3 alerts:") && text.contains("$80.00"),
            "{text}"
        );
        let with_fraud = [mk("1", "balance_low"), fraud()];
        assert_eq!(summary_replies(&with_fraud, Lang::En).len(), 2);
        // A template carries one line for all of them.
        let one_line = template_text(&alerts, Lang::En);
        assert!(one_line.starts_with("3 alerts: ") && !one_line.contains('\n'));
        let fraud_fr = template_text(&[fraud()], Lang::Fr);
        assert!(
            fraud_fr.starts_with("Avez-vous fait cet achat ?")
                && fraud_fr.ends_with("Envoyez-nous un message ici pour répondre."),
            "{fraud_fr}"
        );
    }
}
