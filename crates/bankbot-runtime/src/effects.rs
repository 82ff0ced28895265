//! Carrying out what a handler asked for: handover, unlink, erase, consents, audit, fraud
//! answers.

use bankbot_bank::CustomerCredential;
use bankbot_core::UserId;
use bankbot_handlers::{Effect, FraudVerdict};
use bankbot_store::{AuditEntry, Link};

use crate::{Bot, RuntimeError, SessionDoc};

/// What a turn's effects add to it: replies, and audit entries appended with the turn's
/// completion.
pub(crate) struct Produced<'a> {
    pub(crate) replies: &'a mut Vec<bankbot_core::Reply>,
    pub(crate) audit: &'a mut Vec<AuditEntry>,
}

impl Bot {
    /// Applies `effects` in order; replies an effect produces (what is held about the
    /// user) go to `out.replies`, data-shown audit entries to `out.audit` (appended with
    /// the turn's completion). Returns true when the user's data was erased (the session must then
    /// not be saved again).
    pub(crate) async fn apply(
        &self,
        user: &UserId,
        link: Option<&Link>,
        customer: Option<&CustomerCredential>,
        session: &mut SessionDoc,
        effects: Vec<Effect>,
        out: Produced<'_>,
    ) -> Result<bool, RuntimeError> {
        let now = self.clock.now();
        for effect in effects {
            match effect {
                Effect::HandOverToHuman => {
                    self.humans.pass_to_human(user).await?;
                    session.handed_over = true;
                    self.store
                        .append_audit(&AuditEntry::new(now, Some(user), "handed_over"))
                        .await?;
                }
                Effect::UnlinkAccount => {
                    self.forget_link(user, link, "account_unlinked").await?;
                }
                Effect::DeleteUserData => {
                    if let Some(c) = customer
                        && let Err(err) = self.linking.revoke(c).await
                    {
                        tracing::warn!(error = err.kind(), "revoke before erasure failed");
                    }
                    // Outside the store first: if that fails, the turn is retried with the
                    // user's data (and pending confirmation) still in place.
                    for holder in &self.data_holders {
                        holder
                            .erase_user(user)
                            .await
                            .map_err(|e| RuntimeError::Erasure(e.kind().to_string()))?;
                    }
                    let report = self.store.delete_user(user, now).await?;
                    tracing::info!(
                        links = report.links,
                        sessions = report.sessions,
                        consents = report.consents,
                        "user data erased"
                    );
                    return Ok(true);
                }
                Effect::SetAlert { kind, enabled } => {
                    self.store
                        .record_consent(user, kind.as_str(), enabled, now)
                        .await?;
                    let action = if enabled {
                        "alert_consent_given"
                    } else {
                        "alert_consent_withdrawn"
                    };
                    let entry =
                        AuditEntry::new(now, Some(user), action).with_data_kind(kind.as_str());
                    self.store.append_audit(&entry).await?;
                }
                Effect::ShowHeldData => {
                    out.replies
                        .extend(self.held_data_replies(user, link, session).await?);
                }
                Effect::Audit { data_kind } => {
                    out.audit.push(AuditEntry::data_shown(now, user, data_kind));
                }
                Effect::FraudCheckAnswered {
                    alert_id,
                    transaction,
                    verdict,
                } => {
                    if let (Some(fraud), Some(c)) = (&self.fraud, customer)
                        && let Err(err) = fraud
                            .confirm_transaction(c, &transaction, verdict.is_genuine())
                            .await
                    {
                        tracing::warn!(error = err.kind(), "recording the fraud answer failed");
                    }
                    let (action, data_kind) = match verdict {
                        FraudVerdict::Genuine => ("fraud_check_confirmed_genuine", "transaction"),
                        FraudVerdict::NotMine { card_locked: true } => {
                            ("fraud_reported_card_locked", "card")
                        }
                        FraudVerdict::NotMine { card_locked: false } => {
                            ("fraud_reported_lock_failed", "card")
                        }
                    };
                    let entry = AuditEntry::new(now, Some(user), action).with_data_kind(data_kind);
                    self.store.append_audit(&entry).await?;
                    self.store.remove_alert(&alert_id, user).await?;
                }
                other => {
                    tracing::warn!(effect = ?other, "effect not supported by this runtime");
                }
            }
        }
        Ok(false)
    }
}
