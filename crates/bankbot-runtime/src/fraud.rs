//! Answers to fraud questions (`FRAUD_YES:<id>` / `FRAUD_NO:<id>`), taken before the
//! handlers see the payload: genuine is reported to the bank, "no" locks the card.

use bankbot_alerts::{Alert, FraudAnswer, render, state};
use bankbot_bank::CustomerSession;
use bankbot_core::{CardId, Reply, UserId};
use bankbot_store::{AuditEntry, Link};

use crate::alerts::decode;
use crate::{Bot, RuntimeError, SessionDoc, UserEvent};

impl Bot {
    /// `FRAUD_YES:<id>` / `FRAUD_NO:<id>`: `None` when the event is not a fraud answer.
    pub(crate) async fn fraud_answer(
        &self,
        user: &UserId,
        event: &UserEvent,
        link: Option<&Link>,
        session: &SessionDoc,
    ) -> Result<Option<Vec<Reply>>, RuntimeError> {
        let payload = match event {
            UserEvent::Message {
                quick_reply: Some(p),
                ..
            }
            | UserEvent::Postback { payload: p } => p,
            _ => return Ok(None),
        };
        let Some(answer) = FraudAnswer::parse(payload) else {
            return Ok(None);
        };
        let lang = session.lang.unwrap_or(self.options.default_lang);
        let row = self
            .store
            .held_alert(&answer.alert_id, user)
            .await?
            .filter(|h| h.state == state::AWAITING_REPLY || h.state == state::REMINDED);
        let (Some(row), Some(link)) = (row, link) else {
            return Ok(Some(vec![render::already_answered_reply(lang)]));
        };
        let Some(alert) = decode(&row) else {
            self.store.remove_alert(&row.alert_id, user).await?;
            return Ok(Some(vec![render::already_answered_reply(lang)]));
        };
        let customer = match self.active_customer(user, Some(link)).await? {
            Some(Ok(customer)) => customer,
            Some(Err(err)) => {
                let replies = self
                    .error_replies(user, &bankbot_handlers::HandlerError::Bank(err), lang)
                    .await;
                return Ok(Some(replies));
            }
            None => return Ok(Some(vec![render::already_answered_reply(lang)])),
        };
        let reference = alert
            .data
            .transaction
            .clone()
            .unwrap_or_else(|| alert.id.clone());
        if let Some(fraud) = &self.fraud
            && let Err(err) = fraud
                .confirm_transaction(&customer, &reference, answer.genuine)
                .await
        {
            tracing::warn!(error = err.kind(), "recording the fraud answer failed");
        }
        let now = self.clock.now();
        let replies = if answer.genuine {
            let entry = AuditEntry::new(now, Some(user), "fraud_check_confirmed_genuine")
                .with_data_kind("transaction");
            self.store.append_audit(&entry).await?;
            vec![render::genuine_reply(lang)]
        } else {
            // Locking is protective: no fresh authentication needed.
            let locked = self.lock_reported_card(&customer, &alert).await;
            let action = if locked {
                "fraud_reported_card_locked"
            } else {
                "fraud_reported_lock_failed"
            };
            let entry = AuditEntry::new(now, Some(user), action).with_data_kind("card");
            self.store.append_audit(&entry).await?;
            vec![render::fraud_reply(
                alert.data.card_last4.as_deref(),
                locked,
                lang,
            )]
        };
        self.store.remove_alert(&row.alert_id, user).await?;
        Ok(Some(replies))
    }

    async fn lock_reported_card(&self, customer: &CustomerSession, alert: &Alert) -> bool {
        let cards = &self.services.cards;
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
}
