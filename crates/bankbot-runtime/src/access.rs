//! The right of access: "what do you know about me?" answered from the store, and the
//! one-time export behind `GET /privacy/export/{token}`.
//!
//! The export ([`DataExport`]) holds only what the conversation lists: linked or not and
//! since when, language, alert consents with their dates (and their history), messages
//! waiting, the kinds of data shown in the last 30 days. Never amounts, account numbers,
//! the bank's customer reference, credentials or message text: the store keeps none of
//! the first two, and the others are left out on purpose.

use bankbot_core::{AlertKind, EXPORT_LINK_MINUTES, Lang, RECENT_DATA_DAYS, Reply, UserId};
use bankbot_handlers::{HeldConsent, HeldData, held_data_reply};
use bankbot_store::{Link, digest};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use serde::Serialize;

use crate::{Bot, RuntimeError, SessionDoc};

/// One consent decision in the export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportConsent {
    /// The alert kind (`fraud_suspected`, `balance_low` …).
    pub topic: String,
    /// Given (`true`) or withdrawn.
    pub granted: bool,
    /// When.
    pub at: DateTime<Utc>,
}

/// The customer's copy of what the bot holds about them (JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataExport {
    /// When this copy was made.
    pub generated_at: DateTime<Utc>,
    /// Whether a bank account is linked.
    pub linked: bool,
    /// Since when, if linked.
    pub linked_since: Option<DateTime<Utc>>,
    /// When the customer last signed in at the bank through the bot, if linked.
    pub last_signed_in: Option<DateTime<Utc>>,
    /// The conversation's language (`en`, `fr`), if one was chosen.
    pub language: Option<Lang>,
    /// The current decision per alert kind.
    pub alert_consents: Vec<ExportConsent>,
    /// Every decision, oldest first.
    pub alert_consent_history: Vec<ExportConsent>,
    /// Replies and alerts waiting to be sent.
    pub pending_messages: u64,
    /// Kinds of data shown in the last 30 days (never amounts).
    pub data_kinds_shown_last_30_days: Vec<String>,
    /// The tables the bot keeps, for reference (see the privacy page).
    pub records_kept: Vec<&'static str>,
}

impl Bot {
    /// The replies to "what do you know about me?", with a fresh one-time export link.
    pub(crate) async fn held_data_replies(
        &self,
        user: &UserId,
        link: Option<&Link>,
        session: &SessionDoc,
    ) -> Result<Vec<Reply>, RuntimeError> {
        let now = self.clock.now();
        let lang = session.lang.unwrap_or(self.options.default_lang);
        let consents = self.store.current_consents(user).await?;
        let settings = self.alert_settings(user).await?;
        let held = HeldData {
            linked_since: link.map(|l| l.linked_at),
            lang,
            consents: AlertKind::ALL
                .iter()
                .map(|kind| HeldConsent {
                    kind: *kind,
                    on: settings.is_on(*kind),
                    since: consents
                        .iter()
                        .find(|c| c.topic == kind.as_str())
                        .map(|c| c.at),
                })
                .collect(),
            pending_messages: self.store.pending_messages(user).await?,
            kinds_shown: self
                .store
                .data_kinds_shown(user, now - Duration::days(RECENT_DATA_DAYS))
                .await?,
            export_url: self.mint_export(user).await?,
        };
        Ok(held_data_reply(lang, &held, now.date_naive()))
    }

    /// Stores a fresh export token for `user` and returns its link (`None` when the bot has
    /// no privacy page to serve it from).
    async fn mint_export(&self, user: &UserId) -> Result<Option<String>, RuntimeError> {
        if self.services.privacy_url.is_empty() {
            return Ok(None);
        }
        // Export links live on the system clock, like every security window.
        let now = Utc::now();
        let token = hex::encode(rand::random::<[u8; 32]>());
        self.store
            .save_export_token(
                &digest(&token),
                user,
                now,
                now + Duration::minutes(EXPORT_LINK_MINUTES),
            )
            .await?;
        Ok(Some(format!(
            "{}/export/{token}",
            self.services.privacy_url
        )))
    }

    /// The export a one-time token stands for; `None` when the token is unknown, used or
    /// expired (it is burnt either way).
    pub async fn redeem_export(&self, token: &str) -> Result<Option<DataExport>, RuntimeError> {
        let Some(user) = self
            .store
            .take_export_token(&digest(token), Utc::now())
            .await?
        else {
            return Ok(None);
        };
        self.export(&user).await.map(Some)
    }

    /// What the bot holds about `user`, as exported.
    pub async fn export(&self, user: &UserId) -> Result<DataExport, RuntimeError> {
        let now = self.clock.now();
        let link = self.store.link(user).await?;
        let session = self.store.load_session(user, now).await?;
        let language = session.and_then(|s| SessionDoc::from_json(s.doc).lang);
        // Whole seconds: a copy for people, not a database dump.
        let secs = |at: DateTime<Utc>| at.trunc_subsecs(0);
        let row = |c: bankbot_store::Consent| ExportConsent {
            topic: c.topic,
            granted: c.granted,
            at: secs(c.at),
        };
        Ok(DataExport {
            generated_at: secs(now),
            linked: link.is_some(),
            linked_since: link.as_ref().map(|l| secs(l.linked_at)),
            last_signed_in: link.as_ref().map(|l| secs(l.last_authenticated_at)),
            language,
            alert_consents: self
                .store
                .current_consents(user)
                .await?
                .into_iter()
                .map(row)
                .collect(),
            alert_consent_history: self
                .store
                .consent_history(user)
                .await?
                .into_iter()
                .map(row)
                .collect(),
            pending_messages: self.store.pending_messages(user).await?,
            data_kinds_shown_last_30_days: self
                .store
                .data_kinds_shown(user, now - Duration::days(RECENT_DATA_DAYS))
                .await?,
            records_kept: bankbot_core::Kept::ALL.iter().map(|k| k.table()).collect(),
        })
    }
}
