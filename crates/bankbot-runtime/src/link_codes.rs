//! Login codes behind Messenger's account link, bound to the `account_linking_token` they
//! were minted for and, when Messenger can be asked, to the user that token belongs to.
//!
//! The bank's login page never hands Messenger the bank's own code: it asks [`LinkCodes`]
//! to mint a fresh random code (256 bits) that stands for it. The code is stored (hashed,
//! the bank's code sealed) for five minutes, the lifetime of Meta's token, and is burnt by
//! the first `account_linking` webhook that presents it. With a page access token the bot
//! asks Messenger whose token it is ([`LinkTokenOwner`]) before minting, and refuses a
//! webhook from anybody else: a code that leaks cannot link a stranger's Messenger account
//! to the customer who signed in.

use std::sync::Arc;

use async_trait::async_trait;
use bankbot_bank::{AuthorizationCode, Credential, CustomerCredential};
use bankbot_core::CustomerRef;
use bankbot_core::{Clock, SystemClock, UserId};
use bankbot_store::{PendingLinkCode, SecretString, Store, StoreError, digest};
use chrono::Duration;

/// How long a minted code can be redeemed: Meta's `account_linking_token` lives 5 minutes.
pub const LINK_CODE_LIFETIME_MINUTES: i64 = 5;

/// Who an `account_linking_token` was issued to.
#[async_trait]
pub trait LinkTokenOwner: Send + Sync {
    /// The Messenger user whose account-link button carried `account_linking_token`.
    async fn owner_of(&self, account_linking_token: &str) -> Result<UserId, OwnerLookupError>;
}

/// Why the owner of a token is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OwnerLookupError {
    /// Messenger does not know the token (expired, forged or for another Page): send the
    /// customer back to Messenger to start again.
    #[error("the account-linking token is unknown or expired")]
    UnknownToken,
    /// Messenger could not be asked (network, throttling, a Page token problem): try later.
    #[error("Messenger could not say who the account-linking token belongs to")]
    Unavailable,
}

/// Why no code was minted.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MintError {
    /// The request carried no `account_linking_token`.
    #[error("the account-linking token is missing")]
    MissingToken,
    /// The token's owner could not be established.
    #[error(transparent)]
    Owner(#[from] OwnerLookupError),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] StoreError),
}

/// Why a presented code links nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LinkRefusal {
    /// Never minted, already used, or expired.
    #[error("unknown, used or expired code")]
    UnknownCode,
    /// Minted for another Messenger user's token.
    #[error("the code belongs to another Messenger user")]
    WrongUser,
}

/// What a redeemed code stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Redeemed {
    /// The bank's one-time code from the login form, still to be exchanged.
    BankCode(AuthorizationCode),
    /// A customer the bank already signed in on its own pages (a redirect login): the
    /// code exchange happened at the callback.
    Linked(CustomerCredential),
}

/// What a code carries, sealed in the store: the bank's code (stored as its bare text, as
/// earlier versions did) or a signed-in customer.
#[derive(serde::Deserialize)]
struct CarriedCredential {
    linked_customer: String,
    credential: String,
}

/// Every minted code starts so; anything else is refused before the store is asked.
const CODE_PREFIX: &str = "alc_";

/// Mints and redeems login codes. Cheap to clone.
#[derive(Clone)]
pub struct LinkCodes {
    store: Arc<dyn Store>,
    owners: Option<Arc<dyn LinkTokenOwner>>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for LinkCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinkCodes")
            .field("asks_messenger_for_owner", &self.owners.is_some())
            .finish_non_exhaustive()
    }
}

impl LinkCodes {
    /// Codes kept in `store`, bound to their token only (no owner look-up), timed by the
    /// system clock (a fixed `BANKBOT_NOW` must not keep codes alive forever).
    pub fn new(store: Arc<dyn Store>) -> Self {
        LinkCodes {
            store,
            owners: None,
            clock: Arc::new(SystemClock),
        }
    }

    /// Asks `owners` whose token it is before minting, and binds the code to that user.
    pub fn with_owner_lookup(mut self, owners: Arc<dyn LinkTokenOwner>) -> Self {
        self.owners = Some(owners);
        self
    }

    /// Times codes by `clock` instead of the system clock (tests).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// True when codes are bound to the Messenger user behind the token.
    pub fn binds_owner(&self) -> bool {
        self.owners.is_some()
    }

    /// Mints the code Messenger will carry back for `bank_code`, the bank's one-time code
    /// for the customer who just signed in on the page opened with `account_linking_token`.
    pub async fn mint(
        &self,
        account_linking_token: &str,
        bank_code: AuthorizationCode,
    ) -> Result<AuthorizationCode, MintError> {
        let token = account_linking_token.trim();
        if token.is_empty() {
            return Err(MintError::MissingToken);
        }
        let owner = match &self.owners {
            Some(owners) => Some(owners.owner_of(token).await?),
            None => None,
        };
        self.store_code(token, bank_code, owner).await
    }

    /// Mints a code only `owner` can redeem, for channels that know their user already
    /// (the console): no look-up.
    pub async fn mint_for(
        &self,
        owner: &UserId,
        bank_code: AuthorizationCode,
    ) -> Result<AuthorizationCode, MintError> {
        let token = format!("local:{}", owner.as_str());
        self.store_code(&token, bank_code, Some(owner.clone()))
            .await
    }

    /// Mints the code Messenger will carry back for a customer the bank signed in on its
    /// own pages, opened with `account_linking_token`: the credential travels sealed.
    pub async fn mint_linked(
        &self,
        account_linking_token: &str,
        linked: &CustomerCredential,
    ) -> Result<AuthorizationCode, MintError> {
        let text = serde_json::json!({
            "linked_customer": linked.customer.as_str(),
            "credential": linked.credential.expose(),
        })
        .to_string();
        self.mint(account_linking_token, AuthorizationCode(text))
            .await
    }

    async fn store_code(
        &self,
        token: &str,
        bank_code: AuthorizationCode,
        owner: Option<UserId>,
    ) -> Result<AuthorizationCode, MintError> {
        let bytes: [u8; 32] = rand::random();
        let code = format!("{CODE_PREFIX}{}", hex::encode(bytes));
        let now = self.clock.now();
        self.store
            .save_link_code(&PendingLinkCode {
                code_hash: digest(&code),
                token_hash: digest(token),
                owner,
                provider_code: SecretString::new(bank_code.0),
                created_at: now,
                expires_at: now + Duration::minutes(LINK_CODE_LIFETIME_MINUTES),
            })
            .await?;
        Ok(AuthorizationCode(code))
    }

    /// Redeems `code` presented by `sender`'s `account_linking` webhook: what it stands
    /// for when the code is live and `sender` may use it. The code is burnt either way.
    pub async fn redeem(
        &self,
        code: &str,
        sender: &UserId,
    ) -> Result<Result<Redeemed, LinkRefusal>, StoreError> {
        if !code.starts_with(CODE_PREFIX) {
            // Not one of ours (the store also keeps pending redirect logins).
            return Ok(Err(LinkRefusal::UnknownCode));
        }
        let Some(pending) = self
            .store
            .take_link_code(&digest(code), self.clock.now())
            .await?
        else {
            return Ok(Err(LinkRefusal::UnknownCode));
        };
        if pending.owner.as_ref().is_some_and(|owner| owner != sender) {
            return Ok(Err(LinkRefusal::WrongUser));
        }
        let carried = pending.provider_code.expose();
        Ok(Ok(
            match serde_json::from_str::<CarriedCredential>(carried) {
                Ok(linked) => Redeemed::Linked(CustomerCredential::new(
                    CustomerRef::new(linked.linked_customer),
                    Credential::new(linked.credential),
                )),
                Err(_) => Redeemed::BankCode(AuthorizationCode(carried.to_owned())),
            },
        ))
    }
}
