//! Answers to fraud questions (`FRAUD_YES:<id>` / `FRAUD_NO:<id>`), taken before the intent
//! engine sees the payload: the runtime finds the question still waiting, the handlers
//! answer it ([`bankbot_handlers::answer_fraud_check`]: thanks, or the card locked) and the
//! effect they return is applied like any other (`effects.rs`: the bank told, the answer
//! audited, the question no longer waiting).

use bankbot_core::{Payload, Reply, UserId};
use bankbot_handlers::{FraudCheckAnswer, answer_fraud_check};
use bankbot_store::{AuditEntry, Link};

use crate::alerts::decode;
use crate::effects::Produced;
use crate::{Bot, RuntimeError, SessionDoc, UserEvent};

impl Bot {
    /// `FRAUD_YES:<id>` / `FRAUD_NO:<id>`: `None` when the event is not a fraud answer.
    pub(crate) async fn fraud_answer(
        &self,
        user: &UserId,
        event: &UserEvent,
        link: Option<&Link>,
        session: &mut SessionDoc,
        audit: &mut Vec<AuditEntry>,
    ) -> Result<Option<Vec<Reply>>, RuntimeError> {
        let payload = match event {
            UserEvent::Message {
                quick_reply: Some(p),
                ..
            }
            | UserEvent::Postback { payload: p } => p,
            _ => return Ok(None),
        };
        let Some(Payload::FraudAnswer { alert_id, genuine }) = Payload::parse(payload) else {
            return Ok(None);
        };
        let lang = session.lang.unwrap_or(self.options.default_lang);
        let row = self.store.held_alert(&alert_id, user).await?.filter(|h| {
            h.state == bankbot_alerts::state::AWAITING_REPLY
                || h.state == bankbot_alerts::state::REMINDED
        });
        let question = match (row, link) {
            (Some(row), Some(_)) => {
                let question = decode(&row);
                if question.is_none() {
                    self.store.remove_alert(&row.alert_id, user).await?;
                }
                question
            }
            _ => None,
        };
        let customer = match &question {
            Some(_) => match self.active_customer(user, link).await? {
                Some(Ok(customer)) => Some(customer),
                Some(Err(err)) => {
                    let replies = self
                        .error_replies(user, &bankbot_handlers::HandlerError::Bank(err), lang)
                        .await;
                    return Ok(Some(replies));
                }
                None => None,
            },
            None => None,
        };
        let answer = FraudCheckAnswer {
            question: question.as_ref(),
            customer: customer.as_ref(),
            genuine,
            lang,
            people_available: self.humans.people_available(),
        };
        let outcome = answer_fraud_check(&self.services, answer).await;
        let mut replies = outcome.replies;
        self.apply(
            user,
            link,
            customer.as_ref(),
            session,
            outcome.effects,
            Produced {
                replies: &mut replies,
                audit,
            },
        )
        .await?;
        Ok(Some(replies))
    }
}
