//! Proactive alerts inside the bot: consent, the delivery decision, holding, and the
//! alerts waiting at the customer's next message (answers to fraud questions: `fraud.rs`).
//! The rules themselves live in `bankbot-alerts`; what the customer reads is the handlers'
//! (`alert_replies`, `alert_template_text`, `alert_reminder`).

use bankbot_alerts::{Decision, parse_zone, state};
use bankbot_core::{Alert, Clock, Lang, OutboxLabel, Reply, UserId};
use bankbot_handlers::{Notice, alert_reminder, alert_replies, alert_template_text, notice_reply};
use bankbot_store::{AuditEntry, HeldAlert, Link};

use crate::{Bot, RuntimeError, SessionDoc, UserEvent};

/// A refused utility message older than this is stale: it is not sent again, and
/// housekeeping purges it (see `Outbox::purge_dead`).
pub const DEAD_REVIVE_WINDOW: chrono::Duration = chrono::Duration::days(7);

/// Replies to queue, each with its outbox label.
pub type Labelled = Vec<(Reply, OutboxLabel)>;

fn nothing() -> Labelled {
    Vec::new()
}

fn updates(replies: Vec<Reply>) -> Labelled {
    replies
        .into_iter()
        .map(|r| (r, OutboxLabel::Update))
        .collect()
}

pub(crate) fn decode(held: &HeldAlert) -> Option<Alert> {
    serde_json::from_str(&held.payload)
        .map_err(|err| tracing::warn!(%err, "unreadable held alert dropped"))
        .ok()
}

impl Bot {
    /// Handles [`UserEvent::Alert`] and [`UserEvent::AlertDue`]: the replies to send now,
    /// each with its outbox label (`UPDATE` inside the window, `UTILITY:<template>:<lang>`
    /// outside it).
    pub async fn alert_event(
        &self,
        user: &UserId,
        event: &UserEvent,
    ) -> Result<Labelled, RuntimeError> {
        match event {
            UserEvent::Alert { alert } => self.new_alert(user, alert).await,
            UserEvent::AlertDue { alert_id } => self.due_alert(user, alert_id).await,
            _ => Ok(nothing()),
        }
    }

    async fn lang(&self, user: &UserId) -> Result<Lang, RuntimeError> {
        let session = self.store.load_session(user, self.clock.now()).await?;
        Ok(session
            .map(|s| SessionDoc::from_json(s.doc))
            .and_then(|s| s.lang)
            .unwrap_or(self.options.default_lang))
    }

    async fn new_alert(&self, user: &UserId, alert: &Alert) -> Result<Labelled, RuntimeError> {
        let linked = self.store.link(user).await?;
        if linked.is_none_or(|l| l.customer != alert.customer) {
            tracing::debug!("alert for a user no longer linked to the customer dropped");
            return Ok(nothing());
        }
        if !self.alert_settings(user).await?.is_on(alert.kind) {
            tracing::info!(
                kind = alert.kind.as_str(),
                "alert not sent: kind switched off"
            );
            return Ok(nothing());
        }
        self.place(user, vec![alert.clone()]).await
    }

    /// Decides for alerts of one user: holds what must wait, returns what to send now.
    async fn place(&self, user: &UserId, alerts: Vec<Alert>) -> Result<Labelled, RuntimeError> {
        let now = self.clock.now();
        let policy = &self.options.alert_delivery;
        let last = self.store.last_inbound(user).await?;
        let mut update = Vec::new();
        let mut by_template: Vec<(String, Alert)> = Vec::new();
        for alert in alerts {
            let zone = alert
                .data
                .time_zone
                .as_deref()
                .and_then(|z| parse_zone(z).ok());
            match policy.decide(alert.kind, now, last, zone) {
                Decision::SendUpdate => update.push(alert),
                Decision::SendTemplate(t) => by_template.push((t, alert)),
                Decision::HoldUntil(t) => self.hold(user, &alert, state::QUIET, Some(t)).await?,
                Decision::HoldForNextMessage => {
                    self.hold(user, &alert, state::NEXT_MESSAGE, None).await?;
                }
            }
        }
        if update.is_empty() && by_template.is_empty() {
            return Ok(nothing());
        }
        let lang = self.lang(user).await?;
        let mut out = updates(self.present(user, &update, lang).await?);
        out.extend(self.present_by_template(user, by_template, lang).await?);
        Ok(out)
    }

    /// The replies for alerts shown now; fraud questions start waiting for an answer.
    async fn present(
        &self,
        user: &UserId,
        alerts: &[Alert],
        lang: Lang,
    ) -> Result<Vec<Reply>, RuntimeError> {
        let now = self.clock.now();
        for alert in alerts {
            if alert.kind == bankbot_core::AlertKind::FraudSuspected {
                let remind = now + self.options.alert_delivery.reminder_after;
                self.hold(user, alert, state::AWAITING_REPLY, Some(remind))
                    .await?;
            }
            self.audit_sent(user, alert).await?;
        }
        Ok(alert_replies(alerts, lang, now.date_naive()))
    }

    /// Alerts sent outside the window as utility messages. A fraud check with the fraud
    /// template keeps its Yes / No (as the template's POSTBACK buttons) and waits for the
    /// answer; everything else becomes one template message per template, and a fraud
    /// question sent that way is asked again, with its buttons, at the customer's next
    /// message.
    async fn present_by_template(
        &self,
        user: &UserId,
        alerts: Vec<(String, Alert)>,
        lang: Lang,
    ) -> Result<Labelled, RuntimeError> {
        let policy = &self.options.alert_delivery;
        let mut out = Vec::new();
        let mut plain: Vec<(String, Vec<Alert>)> = Vec::new();
        for (template, alert) in alerts {
            if template.len() > OutboxLabel::MAX_TEMPLATE_NAME {
                tracing::warn!("utility template name too long for the outbox; alert held");
                self.hold(user, &alert, state::NEXT_MESSAGE, None).await?;
                continue;
            }
            if alert.kind == bankbot_core::AlertKind::FraudSuspected
                && policy.is_fraud_template(&template)
            {
                let replies = self
                    .present(user, std::slice::from_ref(&alert), lang)
                    .await?;
                let label = OutboxLabel::utility(template, lang);
                out.extend(replies.into_iter().map(|r| (r, label.clone())));
                continue;
            }
            match plain.iter_mut().find(|(t, _)| *t == template) {
                Some((_, group)) => group.push(alert),
                None => plain.push((template, vec![alert])),
            }
        }
        for (template, group) in plain {
            for alert in &group {
                if alert.kind == bankbot_core::AlertKind::FraudSuspected {
                    self.hold(user, alert, state::NEXT_MESSAGE, None).await?;
                }
                self.audit_sent(user, alert).await?;
            }
            let text = alert_template_text(&group, lang, self.clock.now().date_naive());
            out.push((Reply::text(text), OutboxLabel::utility(template, lang)));
        }
        Ok(out)
    }

    async fn audit_sent(&self, user: &UserId, alert: &Alert) -> Result<(), RuntimeError> {
        let entry = AuditEntry::new(self.clock.now(), Some(user), "alert_sent")
            .with_data_kind(alert.kind.as_str());
        self.store.append_audit(&entry).await?;
        Ok(())
    }

    async fn hold(
        &self,
        user: &UserId,
        alert: &Alert,
        state: &str,
        due_at: Option<chrono::DateTime<chrono::Utc>>,
    ) -> Result<(), RuntimeError> {
        let payload =
            serde_json::to_string(alert).map_err(|e| RuntimeError::Decode(e.to_string()))?;
        let held = HeldAlert {
            alert_id: alert.id.clone(),
            user: user.clone(),
            state: state.to_owned(),
            payload,
            due_at,
            created_at: self.clock.now(),
        };
        self.store.hold_alert(&held).await?;
        Ok(())
    }

    async fn due_alert(&self, user: &UserId, alert_id: &str) -> Result<Labelled, RuntimeError> {
        let Some(row) = self.store.held_alert(alert_id, user).await? else {
            return Ok(nothing());
        };
        let now = self.clock.now();
        if row.due_at.is_none_or(|d| d > now) {
            return Ok(nothing());
        }
        match row.state.as_str() {
            state::QUIET => {
                // Every quiet alert of the user that is due now, summarised together.
                let mut alerts = Vec::new();
                for h in self.store.held_alerts(user).await? {
                    if h.state == state::QUIET && h.due_at.is_some_and(|d| d <= now) {
                        self.store.remove_alert(&h.alert_id, user).await?;
                        alerts.extend(decode(&h));
                    }
                }
                if self.store.link(user).await?.is_none() {
                    return Ok(nothing());
                }
                self.place(user, alerts).await
            }
            state::AWAITING_REPLY => {
                let reminded = HeldAlert {
                    state: state::REMINDED.to_owned(),
                    due_at: None,
                    ..row.clone()
                };
                self.store.hold_alert(&reminded).await?;
                let last = self.store.last_inbound(user).await?;
                let Some(alert) = decode(&row) else {
                    return Ok(nothing());
                };
                if !self.options.alert_delivery.window_open(now, last) {
                    return Ok(nothing());
                }
                let lang = self.lang(user).await?;
                Ok(updates(vec![alert_reminder(
                    &alert,
                    lang,
                    now.date_naive(),
                )]))
            }
            _ => Ok(nothing()),
        }
    }

    /// Alerts held for the customer's next message (or still in quiet hours: they are
    /// awake), announced ("You have 1 new alert.") and shown; utility messages Meta refused
    /// are queued again as replies.
    pub(crate) async fn waiting_alerts(
        &self,
        user: &UserId,
        link: Option<&Link>,
        session: &SessionDoc,
        loaded: crate::prefetch::Loaded,
    ) -> Result<Vec<Reply>, RuntimeError> {
        if link.is_none() {
            return Ok(Vec::new());
        }
        // Utility messages Meta refused (template paused, not approved …): now that the
        // customer writes, they go out as ordinary replies, ahead of this turn's.
        // Queue times follow the system clock (see the dispatcher), not the bot's.
        // Loaded ahead for the batch: most customers have none, and the update is skipped.
        if loaded.has_dead != Some(false) {
            let fresh_since = bankbot_core::SystemClock.now() - DEAD_REVIVE_WINDOW;
            let revived = self
                .store
                .requeue_dead(
                    user,
                    OutboxLabel::UTILITY_PREFIX,
                    &OutboxLabel::Response,
                    fresh_since,
                )
                .await?;
            if revived > 0 {
                tracing::info!(
                    revived,
                    "refused utility messages resent in the conversation"
                );
            }
        }
        let held = match loaded.held {
            Some(held) => held,
            None => self.store.held_alerts(user).await?,
        };
        let mut alerts = Vec::new();
        for h in held {
            if h.state == state::NEXT_MESSAGE || h.state == state::QUIET {
                self.store.remove_alert(&h.alert_id, user).await?;
                alerts.extend(decode(&h));
            }
        }
        if alerts.is_empty() {
            return Ok(Vec::new());
        }
        let lang = session.lang.unwrap_or(self.options.default_lang);
        let n = u32::try_from(alerts.len()).unwrap_or(u32::MAX);
        let mut replies = notice_reply(Notice::AlertsWaiting(n), lang, &self.services.link_url);
        replies.extend(self.present(user, &alerts, lang).await?);
        Ok(replies)
    }
}
