//! The customer's answer to a fraud check (the alert's `FRAUD_YES:<id>` / `FRAUD_NO:<id>`
//! quick replies or template buttons). "Yes, it was me" is thanked; "no" locks the card
//! (protective: no fresh authentication needed) and offers a person. Either way the
//! runtime is asked, through [`Effect::FraudCheckAnswered`], to tell the bank, audit the
//! answer and stop waiting for it. Finding the waiting question is the runtime's job.

use bankbot_bank::CustomerCredential;
use bankbot_core::{Alert, CardId, IntentId, Lang, Payload, QuickReply, Reply};

use crate::catalog::{AlertMsg, Msg, alert_text, t};
use crate::{Effect, FraudVerdict, Outcome, Services};

/// A fraud answer and what the runtime found for it.
#[derive(Debug, Clone, Copy)]
pub struct FraudCheckAnswer<'a> {
    /// The question still waiting for this answer: `None` when it was answered already
    /// (or reminded and then answered), is unknown, or could not be read.
    pub question: Option<&'a Alert>,
    /// The linked customer; `None` when the user is no longer linked.
    pub customer: Option<&'a CustomerCredential>,
    /// True for "yes, that was me".
    pub genuine: bool,
    /// The language to answer in.
    pub lang: Lang,
    /// A person can take over in this chat (a Page Inbox): then one is offered; otherwise
    /// the bank's contact is given instead.
    pub people_available: bool,
}

/// Answers a fraud check: the reply, and the effect that records it.
pub async fn answer_fraud_check(services: &Services, answer: FraudCheckAnswer<'_>) -> Outcome {
    let lang = answer.lang;
    let (Some(question), Some(customer)) = (answer.question, answer.customer) else {
        return Outcome {
            replies: vec![Reply::text(alert_text(lang, AlertMsg::AlreadyAnswered))],
            effects: Vec::new(),
        };
    };
    let (reply, verdict) = if answer.genuine {
        let text = alert_text(lang, AlertMsg::Genuine);
        (Reply::text(text), FraudVerdict::Genuine)
    } else {
        let locked = lock_reported_card(services, customer, question).await;
        let text = alert_text(
            lang,
            AlertMsg::Reported {
                card: question.data.card_last4.as_deref(),
                locked,
                people: answer.people_available,
            },
        );
        let reply = if answer.people_available {
            let person = QuickReply::new(
                t(lang, Msg::LabelPerson),
                Payload::Intent(IntentId::HumanAgent).encode(),
            );
            Reply::with_quick_replies(text, vec![person])
        } else {
            // Nobody answers here: how to reach the bank, never a person button.
            let contact =
                crate::catalog::Contact::from_config(services.capabilities.contact.as_deref());
            Reply::text(format!("{text}\n\n{}", t(lang, Msg::ContactInfo(contact))))
        };
        (
            reply,
            FraudVerdict::NotMine {
                card_locked: locked,
            },
        )
    };
    Outcome {
        replies: vec![reply],
        effects: vec![Effect::FraudCheckAnswered {
            alert_id: question.id.clone(),
            transaction: question.transaction_reference().to_owned(),
            verdict,
        }],
    }
}

/// Locks the card the alert names (by the bank's id, else by its last four digits);
/// false when there is none or the bank refuses.
async fn lock_reported_card(
    services: &Services,
    customer: &CustomerCredential,
    alert: &Alert,
) -> bool {
    let cards = &services.cards;
    let id = match (&alert.data.card_id, &alert.data.card_last4) {
        (Some(id), _) => CardId::new(id.clone()),
        (None, Some(last4)) => match cards.cards(customer).await {
            Ok(all) => match all.into_iter().find(|c| c.last4.digits() == last4) {
                Some(c) => c.id,
                None => return false,
            },
            Err(err) => {
                tracing::warn!(error = err.kind(), "listing cards to lock failed");
                return false;
            }
        },
        (None, None) => return false,
    };
    match cards.lock_card(customer, &id).await {
        Ok(_) => true,
        Err(err) => {
            tracing::warn!(error = err.kind(), "locking the reported card failed");
            false
        }
    }
}
