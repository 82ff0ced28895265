//! The account-access-consents resource (AIS v3.1 §3.1): create one with the permissions
//! the connector needs, read its status, delete it at unlink. Calls carry the bot's
//! client-credentials token and a fresh `x-fapi-interaction-id`; none is retried here (a
//! consent POST is not idempotent: a retry could leave a second consent at the bank).

use bankbot_bank::{BankError, BankResult};
use bankbot_oauth::steps::{read_json, transport_error};
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize;
use serde_json::json;
use url::Url;
use uuid::Uuid;

use crate::http::INTERACTION_ID;

/// The permissions the connector's calls need: accounts with their identifiers, balances,
/// and transactions with their details, credits and debits.
pub const PERMISSIONS: &[&str] = &[
    "ReadAccountsDetail",
    "ReadBalances",
    "ReadTransactionsDetail",
    "ReadTransactionsCredits",
    "ReadTransactionsDebits",
];

/// A consent's status (v3.1 `Data.Status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentStatus {
    /// Created, not yet approved by the customer.
    AwaitingAuthorisation,
    /// Approved: tokens for it may read the accounts.
    Authorised,
    /// Refused by the customer.
    Rejected,
    /// Withdrawn by the customer or the bot.
    Revoked,
    /// Past its `ExpirationDateTime`.
    Expired,
    /// Anything else the bank says.
    Other(String),
}

impl ConsentStatus {
    fn parse(text: &str) -> ConsentStatus {
        match text {
            "AwaitingAuthorisation" => ConsentStatus::AwaitingAuthorisation,
            "Authorised" => ConsentStatus::Authorised,
            "Rejected" => ConsentStatus::Rejected,
            "Revoked" => ConsentStatus::Revoked,
            "Expired" => ConsentStatus::Expired,
            other => ConsentStatus::Other(other.to_owned()),
        }
    }

    /// True when no token for this consent will read anything again.
    pub fn is_over(&self) -> bool {
        matches!(
            self,
            ConsentStatus::Rejected | ConsentStatus::Revoked | ConsentStatus::Expired
        )
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ConsentBody {
    data: ConsentData,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ConsentData {
    consent_id: String,
    status: String,
}

/// The bank refused the bot's own token at the consents endpoint: the bot's problem (an
/// expired or unscoped client-credentials token), never a reason to drop a customer's link.
fn bot_refused() -> BankError {
    tracing::warn!("the consents endpoint refused the bot's client-credentials token");
    BankError::Unavailable("account-access-consents: the bot's token was refused".into())
}

/// The consents endpoint of one bank.
#[derive(Debug, Clone)]
pub(crate) struct Consents {
    pub(crate) http: reqwest::Client,
    /// `…/aisp/account-access-consents`.
    pub(crate) url: Url,
}

impl Consents {
    /// Creates a consent expiring at `expires`; its id.
    pub(crate) async fn create(&self, token: &str, expires: DateTime<Utc>) -> BankResult<String> {
        let body = json!({
            "Data": {
                "Permissions": PERMISSIONS,
                "ExpirationDateTime": expires.to_rfc3339_opts(SecondsFormat::Secs, false),
            },
            "Risk": {},
        });
        let resp = self
            .http
            .post(self.url.clone())
            .bearer_auth(token)
            .header(INTERACTION_ID, Uuid::new_v4().to_string())
            .json(&body)
            .send()
            .await
            .map_err(|e| transport_error("account-access-consents", &e))?;
        if matches!(resp.status().as_u16(), 401 | 403) {
            return Err(bot_refused());
        }
        let made: ConsentBody = read_json("account-access-consents", resp).await?;
        let status = ConsentStatus::parse(&made.data.status);
        if made.data.consent_id.trim().is_empty() || status != ConsentStatus::AwaitingAuthorisation
        {
            return Err(BankError::InvalidResponse(format!(
                "account-access-consents: a new consent should await authorisation, not be {status:?}"
            )));
        }
        tracing::info!("Open Banking consent created");
        Ok(made.data.consent_id)
    }

    /// The status of consent `id`.
    pub(crate) async fn status(&self, token: &str, id: &str) -> BankResult<ConsentStatus> {
        let resp = self
            .http
            .get(self.item(id)?)
            .bearer_auth(token)
            .header(INTERACTION_ID, Uuid::new_v4().to_string())
            .send()
            .await
            .map_err(|e| transport_error("account-access-consents", &e))?;
        match resp.status().as_u16() {
            // The bank no longer knows it (deleted, or purged after expiry).
            400 | 404 => return Err(BankError::NotFound("consent".into())),
            401 | 403 => return Err(bot_refused()),
            _ => {}
        }
        let read: ConsentBody = read_json("account-access-consents", resp).await?;
        if read.data.consent_id != id {
            return Err(BankError::InvalidResponse(
                "account-access-consents: the bank answered for another consent".into(),
            ));
        }
        Ok(ConsentStatus::parse(&read.data.status))
    }

    /// Deletes consent `id` (the customer unlinked); one already gone is fine.
    pub(crate) async fn delete(&self, token: &str, id: &str) -> BankResult<()> {
        let resp = self
            .http
            .delete(self.item(id)?)
            .bearer_auth(token)
            .header(INTERACTION_ID, Uuid::new_v4().to_string())
            .send()
            .await
            .map_err(|e| transport_error("account-access-consents", &e))?;
        match resp.status().as_u16() {
            200..=299 | 400 | 404 => Ok(()),
            401 | 403 => Err(bot_refused()),
            other => Err(BankError::Unavailable(format!(
                "account-access-consents: deleting answered HTTP {other}"
            ))),
        }
    }

    fn item(&self, id: &str) -> BankResult<Url> {
        let mut url = self.url.clone();
        url.path_segments_mut()
            .map_err(|()| BankError::InvalidRequest("consents URL cannot take a path".into()))?
            .pop_if_empty()
            .push(id);
        Ok(url)
    }
}
