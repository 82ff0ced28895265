//! Account linking for the runtime: the code exchange behind Messenger's account link (the
//! code redeemed through [`crate::LinkCodes`], refused for anyone but its owner), the
//! session a turn uses (renewed by the provider when it expired, the link dropped when the
//! bank refuses to renew it), and forgetting a link (unlink or erasure) with the bank
//! credential revoked.

use bankbot_bank::{BankError, Credential, CustomerCredential};
use bankbot_core::{Reply, UserId};
use bankbot_handlers::{Notice, notice_reply};
use bankbot_store::{AuditEntry, Link};

use crate::{Bot, Redeemed, RuntimeError, SessionDoc};

impl Bot {
    pub(crate) async fn link_account(
        &self,
        user: &UserId,
        code: &str,
        session: &mut SessionDoc,
    ) -> Result<Vec<Reply>, RuntimeError> {
        let now = self.clock.now();
        let lang = session.lang.unwrap_or(self.options.default_lang);
        let redeemed = match self.link_codes.redeem(code, user).await? {
            Ok(redeemed) => redeemed,
            Err(refusal) => {
                tracing::warn!(reason = %refusal, "account link refused");
                self.store
                    .append_audit(&AuditEntry::new(now, Some(user), "account_link_refused"))
                    .await?;
                return Ok(notice_reply(
                    Notice::LinkFailed,
                    lang,
                    &self.services.link_url,
                ));
            }
        };
        let exchanged = match redeemed {
            Redeemed::BankCode(code) => self.linking.exchange(&code).await,
            Redeemed::Linked(linked) => Ok(linked),
        };
        match exchanged {
            Ok(linked) => {
                self.store
                    .save_link(user, &linked.customer, linked.credential.expose(), now)
                    .await?;
                self.store
                    .append_audit(&AuditEntry::new(now, Some(user), "account_linked"))
                    .await?;
                tracing::info!("account linked");
                session.dialog.misses = 0;
                // Welcomed in the language the bank knows the customer by, unless they
                // already wrote to the bot in one.
                if session.lang.is_none() {
                    session.lang = self.bank_lang(&linked).await;
                }
                let lang = session.lang.unwrap_or(lang);
                Ok(notice_reply(Notice::Linked, lang, &self.services.link_url))
            }
            Err(err) => {
                tracing::warn!(error = err.kind(), "account link code refused");
                Ok(notice_reply(
                    Notice::LinkFailed,
                    lang,
                    &self.services.link_url,
                ))
            }
        }
    }

    /// The session the connectors are called with for `link`'s customer: `None` when not
    /// linked. The provider renews an expired credential (the new one is stored); when the
    /// bank refuses to, the link is removed (audited `link_expired`) and the error, which
    /// asks the customer to link again, is returned for the turn to answer.
    pub(crate) async fn active_customer(
        &self,
        user: &UserId,
        link: Option<&Link>,
    ) -> Result<Option<Result<CustomerCredential, BankError>>, RuntimeError> {
        let Some(l) = link else {
            return Ok(None);
        };
        let stored =
            CustomerCredential::new(l.customer.clone(), Credential::new(l.credential.expose()));
        match self.linking.active_credential(&stored).await {
            Ok(active) => {
                if let Some(renewed) = &active.renewed {
                    self.store.renew_credential(user, renewed.expose()).await?;
                    tracing::info!("bank credential renewed");
                }
                Ok(Some(Ok(active.credential)))
            }
            Err(err @ (BankError::ReauthenticationRequired | BankError::InvalidCredentials)) => {
                tracing::info!(
                    "the bank refused to renew the credential; the customer links again"
                );
                self.forget_link(user, link, "link_expired").await?;
                Ok(Some(Err(err)))
            }
            Err(err) => {
                tracing::warn!(
                    error = err.kind(),
                    "the bank credential could not be renewed"
                );
                Ok(Some(Err(err)))
            }
        }
    }

    /// Revokes the credential (best effort) and removes the link.
    pub(crate) async fn forget_link(
        &self,
        user: &UserId,
        link: Option<&Link>,
        action: &str,
    ) -> Result<(), RuntimeError> {
        if let Some(l) = link {
            let credential =
                CustomerCredential::new(l.customer.clone(), Credential::new(l.credential.expose()));
            if let Err(err) = self.linking.revoke(&credential).await {
                tracing::warn!(
                    error = err.kind(),
                    "revoking the credential failed; removing the link anyway"
                );
            }
        }
        self.store.remove_link(user).await?;
        self.store
            .append_audit(&AuditEntry::new(self.clock.now(), Some(user), action))
            .await?;
        Ok(())
    }
}
