//! Account linking for the runtime: the code exchange behind Messenger's account link (the
//! code redeemed through [`crate::LinkCodes`], refused for anyone but its owner), and
//! forgetting a link (unlink or erasure) with the bank credential revoked.

use bankbot_bank::{Credential, CustomerSession};
use bankbot_core::{Reply, UserId};
use bankbot_handlers::{Notice, notice_reply};
use bankbot_store::{AuditEntry, Link};

use crate::{Bot, RuntimeError, SessionDoc};

impl Bot {
    pub(crate) async fn link_account(
        &self,
        user: &UserId,
        code: &str,
        session: &mut SessionDoc,
    ) -> Result<Vec<Reply>, RuntimeError> {
        let now = self.clock.now();
        let lang = session.lang.unwrap_or(self.options.default_lang);
        let code = match self.link_codes.redeem(code, user).await? {
            Ok(bank_code) => bank_code,
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
        match self.linking.exchange(&code).await {
            Ok(linked) => {
                self.store
                    .save_link(user, &linked.customer, linked.credential.expose(), now)
                    .await?;
                self.store
                    .append_audit(&AuditEntry::new(now, Some(user), "account_linked"))
                    .await?;
                tracing::info!("account linked");
                session.dialog.misses = 0;
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

    /// Revokes the credential (best effort) and removes the link.
    pub(crate) async fn forget_link(
        &self,
        user: &UserId,
        link: Option<&Link>,
        action: &str,
    ) -> Result<(), RuntimeError> {
        if let Some(l) = link {
            let session =
                CustomerSession::new(l.customer.clone(), Credential::new(l.credential.expose()));
            if let Err(err) = self.linking.revoke(&session).await {
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
