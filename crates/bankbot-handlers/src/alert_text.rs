//! What the customer reads when the bank raises an alert: one alert, several summarised,
//! a utility template's one line, the fraud reminder. The runtime calls these when it
//! delivers; the texts are in `catalog/alert/`, amounts go through `Money::format` and
//! dates through [`format::date`], as in every other reply.

use bankbot_core::{Alert, AlertKind, Lang, Payload, QuickReply, Reply};
use chrono::NaiveDate;

use crate::catalog::{AlertMsg, AlertPurchase, alert_text};
use crate::format;

/// The messages for alerts shown now, in `lang`; `today` is the bot's date (a transaction
/// of another year shows its year). One alert is one message; several are one summary,
/// each fraud check still a question of its own with Yes / No quick replies.
pub fn alert_replies(alerts: &[Alert], lang: Lang, today: NaiveDate) -> Vec<Reply> {
    match alerts {
        [] => Vec::new(),
        [one] => vec![alert_reply(one, lang, today)],
        many => summary_replies(many, lang, today),
    }
}

/// The once-only reminder of an unanswered fraud question: the question again, with its
/// Yes / No.
pub fn alert_reminder(alert: &Alert, lang: Lang, today: NaiveDate) -> Reply {
    let mut reply = alert_reply(alert, lang, today);
    if let Reply::Text { text, .. } = &mut reply {
        text.insert_str(0, &alert_text(lang, AlertMsg::ReminderPrefix));
    }
    reply
}

/// The one-line text of a utility-message template (no buttons): one alert, or a summary
/// of several. A fraud question asks the customer to open the conversation, where the Yes /
/// No choice waits for them.
pub fn alert_template_text(alerts: &[Alert], lang: Lang, today: NaiveDate) -> String {
    let mut text = match alerts {
        [one] => line(one, lang, today),
        many => {
            let lines: Vec<String> = many.iter().map(|a| line(a, lang, today)).collect();
            alert_text(
                lang,
                AlertMsg::SummaryLine {
                    n: many.len(),
                    lines: &lines,
                },
            )
        }
    };
    if alerts.iter().any(|a| a.kind == AlertKind::FraudSuspected) {
        text.push(' ');
        text.push_str(&alert_text(lang, AlertMsg::AnswerHere));
    }
    text
}

/// The message for one alert; a fraud check carries Yes / No quick replies.
fn alert_reply(alert: &Alert, lang: Lang, today: NaiveDate) -> Reply {
    if alert.kind != AlertKind::FraudSuspected {
        return Reply::text(line(alert, lang, today));
    }
    let answer = |label: AlertMsg<'_>, genuine: bool| {
        let payload = Payload::FraudAnswer {
            alert_id: alert.id.clone(),
            genuine,
        };
        QuickReply::new(alert_text(lang, label), payload.encode())
    };
    Reply::with_quick_replies(
        line(alert, lang, today),
        vec![
            answer(AlertMsg::LabelItWasMe, true),
            answer(AlertMsg::LabelNotMe, false),
        ],
    )
}

/// Several alerts at once: one summary message (fraud checks still get their own question).
fn summary_replies(alerts: &[Alert], lang: Lang, today: NaiveDate) -> Vec<Reply> {
    let (plain, fraud): (Vec<&Alert>, Vec<&Alert>) = alerts
        .iter()
        .partition(|a| a.kind != AlertKind::FraudSuspected);
    let mut replies = Vec::new();
    match plain.as_slice() {
        [] => {}
        [one] => replies.push(alert_reply(one, lang, today)),
        many => {
            let mut text = alert_text(lang, AlertMsg::SummaryHead(many.len()));
            for alert in many {
                text.push_str("\n• ");
                text.push_str(&line(alert, lang, today));
            }
            replies.push(Reply::text(text));
        }
    }
    replies.extend(fraud.into_iter().map(|a| alert_reply(a, lang, today)));
    replies
}

/// One line describing the alert (used alone and in summaries).
fn line(alert: &Alert, lang: Lang, today: NaiveDate) -> String {
    let d = &alert.data;
    let money = |amount| alert.money(amount).map(|m| m.format(lang));
    let (balance, threshold) = (money(d.balance), money(d.threshold));
    let account = d.account.as_deref();
    match alert.kind {
        AlertKind::FraudSuspected => {
            let details = purchase(alert, lang, today);
            alert_text(lang, AlertMsg::FraudQuestion(&details))
        }
        AlertKind::BalanceLow => alert_text(
            lang,
            AlertMsg::BalanceLow {
                account,
                balance: balance.as_deref(),
                threshold: threshold.as_deref(),
            },
        ),
        AlertKind::BalanceUpdate => alert_text(
            lang,
            AlertMsg::BalanceUpdate {
                account,
                balance: balance.as_deref(),
            },
        ),
        AlertKind::LargeTransaction => {
            let details = purchase(alert, lang, today);
            alert_text(lang, AlertMsg::LargeTransaction(&details))
        }
        AlertKind::DepositReceived => alert_text(
            lang,
            AlertMsg::DepositReceived {
                amount: money(d.amount).as_deref(),
                from: d.merchant.as_deref(),
                account,
            },
        ),
    }
}

/// The details of a transaction: `−$500.00 at ElectroMart on Nov 28 with card ••9876`.
fn purchase(alert: &Alert, lang: Lang, today: NaiveDate) -> String {
    let d = &alert.data;
    let amount = alert.money(d.amount).map(|m| m.abs().format(lang));
    let date = d.at.map(|at| format::date(at.date_naive(), today, lang));
    alert_text(
        lang,
        AlertMsg::Purchase(AlertPurchase {
            amount: amount.as_deref(),
            merchant: d.merchant.as_deref(),
            date: date.as_deref(),
            card_last4: d.card_last4.as_deref(),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn fraud() -> Alert {
        serde_json::from_str(
            r#"{"id":"a1","customer":"cust-alice","kind":"fraud_suspected",
              "data":{"amount":"500.00","merchant":"ElectroMart","card_last4":"9876",
                      "at":"2026-11-28T15:04:00Z"}}"#,
        )
        .unwrap()
    }

    fn alert_reply(alert: &Alert, lang: Lang) -> Reply {
        super::alert_reply(alert, lang, today())
    }

    fn summary_replies(alerts: &[Alert], lang: Lang) -> Vec<Reply> {
        super::summary_replies(alerts, lang, today())
    }

    fn template_text(alerts: &[Alert], lang: Lang) -> String {
        alert_template_text(alerts, lang, today())
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
        let Reply::Text { quick_replies, .. } = &fr else {
            panic!("{fr:?}")
        };
        let answers: Vec<Option<Payload>> = quick_replies
            .iter()
            .map(|q| Payload::parse(&q.payload))
            .collect();
        assert_eq!(
            answers,
            [
                Some(Payload::FraudAnswer {
                    alert_id: "a1".into(),
                    genuine: true
                }),
                Some(Payload::FraudAnswer {
                    alert_id: "a1".into(),
                    genuine: false
                })
            ]
        );
    }

    #[test]
    fn several_alerts_are_summarised() {
        let mk = |id: &str, kind: &str| -> Alert {
            serde_json::from_str(&format!(
                r#"{{"id":"{id}","customer":"c","kind":"{kind}","data":{{"balance":"80.00"}}}}"#
            ))
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

    /// Alert dates follow the same rules as every other reply: "1er" in French, the year
    /// when it is not this year's.
    #[test]
    fn alert_dates_follow_the_catalogue_date_rules() {
        let on = |at: &str, lang: Lang| {
            let mut alert = fraud();
            alert.data.at = Some(at.parse().unwrap());
            alert_reply(&alert, lang).text_content().unwrap().to_owned()
        };
        assert!(on("2026-11-01T10:00:00Z", Lang::Fr).contains("le 1er nov. avec"));
        assert!(on("2026-11-01T10:00:00Z", Lang::En).contains("on Nov 1 with"));
        assert!(on("2025-12-31T10:00:00Z", Lang::En).contains("on Dec 31, 2025 with"));
        assert!(on("2025-12-31T10:00:00Z", Lang::Fr).contains("le 31 déc. 2025 avec"));
        let dated = |at: &str| {
            let mut alert = fraud();
            alert.data.at = Some(at.parse().unwrap());
            alert
        };
        let day = dated("2026-08-03T09:00:00Z");
        let date = format::date(
            NaiveDate::from_ymd_opt(2026, 8, 3).unwrap(),
            today(),
            Lang::Fr,
        );
        assert!(template_text(&[day], Lang::Fr).contains(&format!("le {date} ")));
    }

    #[test]
    fn every_kind_reads_in_both_languages_with_the_parts_it_has() {
        let with = |kind: &str, data: &str| -> Alert {
            serde_json::from_str(&format!(
                r#"{{"id":"x","customer":"c","kind":"{kind}","data":{data}}}"#
            ))
            .unwrap()
        };
        let low = with(
            "balance_low",
            r#"{"balance":"80.00","threshold":"100.00","account":"Everyday Checking ••4321"}"#,
        );
        assert_eq!(
            line(&low, Lang::En, today()),
            "Low balance: your Everyday Checking ••4321 balance is $80.00, below $100.00."
        );
        assert_eq!(
            line(&low, Lang::Fr, today()),
            "Solde bas : votre compte Everyday Checking ••4321 est à 80,00\u{a0}$, sous 100,00\u{a0}$."
        );
        let bare = with("balance_update", "{}");
        assert_eq!(
            line(&bare, Lang::En, today()),
            "Balance update for your account."
        );
        assert_eq!(
            line(&bare, Lang::Fr, today()),
            "Point sur le solde de votre compte."
        );
        let deposit = with(
            "deposit_received",
            r#"{"amount":"3200","currency":"EUR","merchant":"ACME","account":"Courant"}"#,
        );
        assert_eq!(
            line(&deposit, Lang::En, today()),
            "Money arrived: a deposit of €3,200.00 from ACME in Courant."
        );
        assert_eq!(
            line(&deposit, Lang::Fr, today()),
            "Argent reçu : un versement de 3\u{202f}200,00\u{a0}€ de la part de ACME sur Courant."
        );
        let large = with(
            "large_transaction",
            r#"{"amount":"1200","merchant":"Air Lines"}"#,
        );
        assert_eq!(
            line(&large, Lang::En, today()),
            "Large transaction: −$1,200.00 at Air Lines."
        );
        let reminder = alert_reminder(&fraud(), Lang::Fr, today());
        assert!(
            reminder
                .text_content()
                .unwrap()
                .starts_with("Rappel : Avez-vous fait cet achat ?")
        );
        assert!(alert_replies(&[], Lang::En, today()).is_empty());
    }
}
