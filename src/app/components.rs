//! Building each part from the configuration.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use bankbot_atm::AtmServices;
use bankbot_bank::demo::DemoBank;
use bankbot_bank::{
    AtmLocator, AuthorizationCode, BankConnector, BankError, BankResult, CardControls,
    CustomerCredential, FraudReporting, Geocoder, LinkingProvider,
};
use bankbot_core::Clock;
use bankbot_core::{Card, CardId};
use bankbot_handlers::{Capabilities, Services};
use bankbot_messenger::{HandoverMode, SendClient, WebhookOptions, WebhookOptionsError};
use bankbot_nlu::Engine;
use bankbot_oauth::{ClientSecret, OAuthLinking, OAuthOptions};
use bankbot_runtime::{
    Bot, BotOptions, Dispatcher, DispatcherOptions, InboxSink, KeepSender, LinkCodes,
    LinkTokenOwner, MessengerLinkTokenOwner, MessengerSender, MessengerThreadControl, NoHumans,
    OutboxOptions, OutboxSender, PlaygroundHub, PlaygroundSender, ReplySender, ThreadControl,
    TurnObserver, UserDataHolder,
};
use bankbot_store::{EncryptionKey, Store};
use tokio::sync::Notify;

use super::playground::{self, Playground, PlaygroundClock, PlaygroundOptions};
use super::{AppError, Banner, Server, demo_secrets, routes};
use crate::config::{Config, DEFAULT_DATA_DIR};

/// What a [`ServerBuilder`](super::ServerBuilder) was given; what is missing is filled from
/// the configuration (ATMs, geocoder, store) or left out (cards, fraud reporting).
#[derive(Clone)]
pub(super) struct Parts {
    pub(super) data: Arc<dyn BankConnector>,
    pub(super) cards: Option<Arc<dyn CardControls>>,
    pub(super) linking: Arc<dyn LinkingProvider>,
    pub(super) fraud: Option<Arc<dyn FraudReporting>>,
    pub(super) atms: Option<Arc<dyn AtmLocator>>,
    pub(super) geocoder: Option<Arc<dyn Geocoder>>,
    pub(super) store: Option<Arc<dyn Store>>,
    pub(super) demo: bool,
    /// True when `linking` is [`NoLinking`].
    pub(super) linking_off: bool,
}

/// What the bank does not provide, for the start-up log and banner.
fn unavailable(parts: &Parts) -> Vec<&'static str> {
    let mut missing = Vec::new();
    if parts.linking_off {
        missing.push(
            "account linking (no login is wired in: customers are told linking is unavailable \
             and given [bank] contact)",
        );
    }
    if parts.cards.is_none() {
        missing.push("card controls (card requests are answered with [bank] contact)");
    }
    if parts.fraud.is_none() {
        missing.push(
            "fraud reporting (fraud reports are pointed to [bank] contact; fraud-check answers \
             are only noted locally)",
        );
    }
    missing
}

/// Card controls for a bank that offers none: every call is `Unsupported`, which the
/// handlers answer honestly instead of pretending.
struct NoCardControls;

#[async_trait::async_trait]
impl CardControls for NoCardControls {
    async fn cards(&self, _: &CustomerCredential) -> BankResult<Vec<Card>> {
        Err(BankError::Unsupported("card controls"))
    }
    async fn lock_card(&self, _: &CustomerCredential, _: &CardId) -> BankResult<Card> {
        Err(BankError::Unsupported("card controls"))
    }
    async fn unlock_card(&self, _: &CustomerCredential, _: &CardId) -> BankResult<Card> {
        Err(BankError::Unsupported("card controls"))
    }
}

/// Account linking for a bank whose login is not wired in yet: the login page answers that
/// linking is unavailable, and no credential is ever accepted.
pub(super) struct NoLinking;

#[async_trait::async_trait]
impl LinkingProvider for NoLinking {
    async fn authorize(&self, _: &str, _: &str) -> BankResult<AuthorizationCode> {
        Err(BankError::Unsupported("account linking"))
    }
    async fn exchange(&self, _: &AuthorizationCode) -> BankResult<CustomerCredential> {
        Err(BankError::Unsupported("account linking"))
    }
    async fn revoke(&self, _: &CustomerCredential) -> BankResult<()> {
        Ok(())
    }
}

/// The bank parts `[bank]` describes, with the login `[linking]` names (the ATMs, geocoder
/// and store are filled later).
pub(super) fn bank(config: &Config, clock: Arc<dyn Clock>) -> Result<Parts, AppError> {
    let mut parts = bank_parts(config, clock.clone())?;
    match config.linking.kind.as_str() {
        "demo" => {}
        "oauth" => {
            parts.linking = Arc::new(oauth_linking(&config.linking)?);
            parts.linking_off = false;
        }
        "obie" => {
            parts.linking = Arc::new(super::obie_linking::from_config(config, clock)?);
            parts.linking_off = false;
        }
        other => {
            return Err(AppError::Config(format!(
                "[linking] kind = \"{other}\" is not known (use \"demo\" for the bank's own \
                 form, \"oauth\" for the bank's OAuth 2.0 login or \"obie\" for an Open \
                 Banking consent)"
            )));
        }
    }
    Ok(parts)
}

/// The bank's OAuth 2.0 / OpenID Connect login from `[linking]`; a missing or malformed
/// key is a start-up error naming it.
fn oauth_linking(linking: &crate::config::LinkingConfig) -> Result<OAuthLinking, AppError> {
    let options = OAuthOptions {
        authorization_endpoint: linking.authorization_endpoint.clone(),
        token_endpoint: linking.token_endpoint.clone(),
        userinfo_endpoint: linking.userinfo_endpoint.clone(),
        jwks_uri: linking.jwks_uri.clone(),
        revocation_endpoint: linking.revocation_endpoint.clone(),
        issuer: linking.issuer.clone(),
        client_id: linking.client_id.clone().unwrap_or_default(),
        client_secret: linking.client_secret.clone().map(ClientSecret::new),
        scopes: linking.scopes.clone(),
        timeout: None,
    };
    OAuthLinking::new(options).map_err(|e| AppError::Config(e.to_string()))
}

fn bank_parts(config: &Config, clock: Arc<dyn Clock>) -> Result<Parts, AppError> {
    let demo = match &config.bank.fixtures {
        Some(path) => {
            let text = std::fs::read_to_string(path)?;
            DemoBank::from_toml(&text, clock.clone())
                .map_err(|e| AppError::Config(e.to_string()))?
        }
        None => DemoBank::builtin(clock.clone()),
    };
    let demo = Arc::new(demo);
    match config.bank.kind.as_str() {
        "demo" => Ok(Parts {
            data: demo.clone(),
            cards: Some(demo.clone()),
            fraud: Some(demo.clone()),
            linking: demo,
            atms: None,
            geocoder: None,
            store: None,
            demo: true,
            linking_off: false,
        }),
        "obie" => {
            let options: bankbot_obie::ObieConfig =
                toml::Value::Table(config.bank.connector.clone())
                    .try_into()
                    .map_err(|e| AppError::Config(format!("[bank] for obie: {e}")))?;
            let mut connector = bankbot_obie::ObieConnector::from_config(options)
                .map_err(|e| AppError::Config(format!("[bank] obie: {e}")))?
                .with_clock(clock);
            if config.linking.kind == "obie" {
                // Customers link through a consent: the credential carries its access token.
                if config.bank.connector.contains_key("token_url") {
                    tracing::warn!(
                        "[bank] token_url is ignored with [linking] kind = \"obie\": the \
                         consent's tokens are renewed by the linking provider"
                    );
                }
                connector = connector.for_consent_links();
            }
            // No demo part in production: the demo bank's logins, cards and fraud reporting
            // never stand in for the bank's. Linking is off unless [linking] wires it in
            // (kind = "obie" for the consent flow, or "oauth").
            Ok(Parts {
                data: Arc::new(connector.decorated()),
                cards: None,
                fraud: None,
                linking: Arc::new(NoLinking),
                atms: None,
                geocoder: None,
                store: None,
                demo: false,
                linking_off: true,
            })
        }
        other => Err(AppError::Config(format!(
            "[bank] kind = \"{other}\" is not known (use \"demo\" or \"obie\")"
        ))),
    }
}

/// The cash-machine index and the geocoder that reads typed places.
type AtmParts = (Arc<dyn AtmLocator>, Arc<dyn Geocoder>);

/// Built by [`AtmServices::from_config`], the path `bankbot atm` takes too: with a gazetteer
/// folder, loaded machines far from their postcode's centre are skipped.
fn atms(config: &Config) -> Result<AtmParts, AppError> {
    let services =
        AtmServices::from_config(&config.atm.files, config.geocoder.gazetteer.as_deref())?;
    if !config.atm.files.is_empty() {
        tracing::info!(
            loaded = services.index.len(),
            skipped = services.report.skipped.len(),
            "ATM files loaded"
        );
    }
    Ok((services.index, services.geocoder))
}

/// The longest `[runtime] claim_timeout_secs` accepted: a day.
const MAX_CLAIM_TIMEOUT_SECS: u64 = 86_400;

/// The intents folder: configured, else `./intents`, else the repository's.
pub fn intents_dir(config: &Config) -> PathBuf {
    if let Some(dir) = &config.nlu.intents {
        return dir.clone();
    }
    let local = PathBuf::from("intents");
    if local.is_dir() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("intents")
    }
}

/// The store's encryption key: `[security] encryption_key`, or (SQLite only) a key file
/// beside the database, generated once with a warning.
pub fn encryption_key(config: &Config) -> Result<EncryptionKey, AppError> {
    match &config.security.encryption_key {
        Some(hex) => Ok(EncryptionKey::from_hex(hex.trim())?),
        None => {
            let dir = config.store.sqlite_dir().ok_or_else(|| {
                AppError::Config(
                    "[security] encryption_key is required with a PostgreSQL store".into(),
                )
            })?;
            bankbot_store::files::create_private_dir_all(&dir)?;
            let path = dir.join("encryption.key");
            let (key, generated) = EncryptionKey::load_or_generate(&path)?;
            if generated {
                tracing::warn!(path = %path.display(), "generated a new encryption key; keep this file safe or set [security] encryption_key");
            }
            Ok(key)
        }
    }
}

async fn store(config: &Config) -> Result<Arc<dyn Store>, AppError> {
    let key = encryption_key(config)?;
    Ok(bankbot_store::connect(&config.store.url(), key).await?)
}

/// Everything a turn needs, without the HTTP side: used by `serve` and `chat`. With
/// `token_owners`, login codes are bound to the Messenger user behind each
/// `account_linking_token` (see [`LinkCodes`]); `data_holders` keep user data outside the
/// store (the demo's kept replies) and are erased with it.
pub async fn build_bot(
    config: &Config,
    clock: Arc<dyn Clock>,
    humans: Arc<dyn ThreadControl>,
    token_owners: Option<Arc<dyn LinkTokenOwner>>,
    data_holders: Vec<Arc<dyn UserDataHolder>>,
) -> Result<(Arc<Bot>, Arc<dyn LinkingProvider>, bool), AppError> {
    let engine = Arc::new(Engine::load_dir(&intents_dir(config))?);
    build_bot_with_engine(config, clock, humans, token_owners, data_holders, engine).await
}

/// [`build_bot`] with an intent engine already trained (`bankbot test` trains it once for
/// every conversation).
pub async fn build_bot_with_engine(
    config: &Config,
    clock: Arc<dyn Clock>,
    humans: Arc<dyn ThreadControl>,
    token_owners: Option<Arc<dyn LinkTokenOwner>>,
    data_holders: Vec<Arc<dyn UserDataHolder>>,
    engine: Arc<Engine>,
) -> Result<(Arc<Bot>, Arc<dyn LinkingProvider>, bool), AppError> {
    let parts = bank(config, clock.clone())?;
    build_bot_from(
        config,
        parts,
        clock,
        humans,
        token_owners,
        data_holders,
        engine,
        None,
    )
    .await
}

/// [`build_bot`] with the parts given (by a builder or by `[bank]`); `observer` is told
/// what the engine understood (the playground's panel).
#[allow(clippy::too_many_arguments)]
async fn build_bot_from(
    config: &Config,
    bank: Parts,
    clock: Arc<dyn Clock>,
    humans: Arc<dyn ThreadControl>,
    token_owners: Option<Arc<dyn LinkTokenOwner>>,
    data_holders: Vec<Arc<dyn UserDataHolder>>,
    engine: Arc<Engine>,
    observer: Option<Arc<dyn TurnObserver>>,
) -> Result<(Arc<Bot>, Arc<dyn LinkingProvider>, bool), AppError> {
    let missing = unavailable(&bank);
    for missing in &missing {
        tracing::warn!("this bank does not provide {missing}");
    }
    if !missing.is_empty() && config.bank.contact.is_none() {
        tracing::warn!(
            "[bank] contact is not set: customers asking for what the bank does not provide are \
             told to call the number on the back of their card"
        );
    }
    let (atms, geocoder) = match (bank.atms, bank.geocoder) {
        (Some(atms), Some(geocoder)) => (atms, geocoder),
        (atms, geocoder) => {
            let (config_atms, config_geocoder) = self::atms(config)?;
            (
                atms.unwrap_or(config_atms),
                geocoder.unwrap_or(config_geocoder),
            )
        }
    };
    let store = match bank.store {
        Some(store) => store,
        None => store(config).await?,
    };
    let capabilities = Capabilities {
        cards: bank.cards.is_some(),
        fraud_reporting: bank.fraud.is_some(),
        linking: !bank.linking_off,
        contact: config.bank.contact.clone(),
    };
    let cards: Arc<dyn CardControls> = match bank.cards {
        Some(cards) => cards,
        None => Arc::new(NoCardControls),
    };
    let services = Services {
        bank: bank.data,
        cards,
        atms,
        geocoder,
        link_url: format!("{}/link", config.server.public_url()),
        privacy_url: format!("{}/privacy", config.server.public_url()),
        clock,
        capabilities,
    };
    let mut options = BotOptions::default();
    if let Some(minutes) = config.security.card_action_max_auth_age_minutes {
        options.card_action_max_auth_age = chrono::Duration::minutes(i64::from(minutes));
    }
    options.alert_delivery = super::alerts::policy(&config.alerts)?;
    if !config.alerts.fraud_on_by_default {
        options.alerts_on_by_default.clear();
    }
    let mut link_codes = LinkCodes::new(store.clone());
    if let Some(owners) = token_owners {
        link_codes = link_codes.with_owner_lookup(owners);
    }
    let mut bot = Bot::new(
        engine,
        services,
        bank.linking.clone(),
        store,
        humans,
        options,
    )
    .with_link_codes(link_codes);
    if let Some(fraud) = bank.fraud {
        bot = bot.with_fraud_reporting(fraud);
    }
    for holder in data_holders {
        bot = bot.with_user_data_holder(holder);
    }
    if let Some(observer) = observer {
        bot = bot.with_turn_observer(observer);
    }
    Ok((Arc::new(bot), bank.linking, bank.demo))
}

pub(super) async fn build(
    config: &Config,
    clock: Arc<dyn Clock>,
    playground_clock: Option<Arc<PlaygroundClock>>,
    parts: Parts,
) -> Result<Server, AppError> {
    let playground_options = PlaygroundOptions::from_config(config, parts.demo)?;
    // With the playground on, the bot's clock is one the page can move.
    let (clock, playground_clock) = match (playground_options, playground_clock) {
        (None, _) => (clock, None),
        (Some(_), Some(adjustable)) => (clock, Some(adjustable)),
        (Some(_), None) => {
            let adjustable = Arc::new(PlaygroundClock::new(clock));
            (adjustable.clone() as Arc<dyn Clock>, Some(adjustable))
        }
    };
    let messenger = &config.messenger;
    let (verify_token, app_secret, generated) =
        match (&messenger.verify_token, &messenger.app_secret) {
            (Some(v), Some(s)) => (v.clone(), s.clone(), false),
            _ => {
                let dir = config
                    .store
                    .sqlite_dir()
                    .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
                let demo = demo_secrets::load_or_create(&dir)?;
                let verify = messenger.verify_token.clone().unwrap_or(demo.verify_token);
                let secret = messenger.app_secret.clone().unwrap_or(demo.app_secret);
                let generated = messenger.app_secret.is_none();
                (verify, secret, generated)
            }
        };
    let config_error = |e: crate::config::ConfigError| AppError::Config(e.to_string());
    let limits = config.server.limits().map_err(config_error)?;
    let inbox_app_id = messenger.page_inbox_app_id().map_err(config_error)?;
    let mut webhook = WebhookOptions::new(verify_token.clone(), app_secret.clone());
    webhook.page_inbox_app_id = inbox_app_id;
    webhook.page_ids = messenger.page_ids.clone();
    webhook.check().map_err(|err| match err {
        WebhookOptionsError::EmptyVerifyToken => AppError::Config(
            "[messenger] verify_token (BANKBOT_MESSENGER__VERIFY_TOKEN) is empty: set the \
             token typed into Meta's dashboard, or leave it unset for a generated one"
                .into(),
        ),
        _ => AppError::Config(format!(
            "[messenger] app_secret (BANKBOT_MESSENGER__APP_SECRET): {err}; use the app \
             secret of the Meta app (32 characters), or leave it unset for a generated demo \
             secret"
        )),
    })?;
    let send_options = messenger.send_options().map_err(config_error)?;
    let replies_kept_locally = send_options.is_none();
    let mut redirects = crate::link_page::RedirectPolicy::new(&config.security.link_redirect_allow)
        .map_err(|e| AppError::Config(e.to_string()))?;
    let mut playground_options = playground_options;
    if playground_options.is_some() {
        let callback = playground::callback_url(&config.server.public_url());
        match redirects.clone().with_local_callback(&callback) {
            Ok(allowed) => redirects = allowed,
            // On by default (the demo) but unreachable as configured: off, with a note.
            Err(err) if config.playground.enabled.is_none() => {
                tracing::info!(%err, "playground off: its sign-in callback is not on this machine");
                playground_options = None;
            }
            Err(err) => {
                return Err(AppError::Config(format!(
                    "[playground] its sign-in callback: {err}; set [server] public_url to a \
                     loopback or https:// address, or turn the playground off"
                )));
            }
        }
    }
    let mut token_owners: Option<Arc<dyn LinkTokenOwner>> = None;
    let mut data_holders: Vec<Arc<dyn UserDataHolder>> = Vec::new();
    let (sender, humans): (Arc<dyn ReplySender>, Arc<dyn ThreadControl>) = match send_options {
        Some(options) => {
            let client =
                Arc::new(SendClient::new(options).map_err(|e| AppError::Config(e.to_string()))?);
            token_owners = Some(Arc::new(MessengerLinkTokenOwner::new(client.clone())));
            (
                Arc::new(
                    MessengerSender::new(client.clone())
                        .with_utility_templates(super::alerts::utility_templates(&config.alerts)?),
                ),
                Arc::new(MessengerThreadControl::new(
                    client,
                    HandoverMode::HandoverProtocol,
                )),
            )
        }
        None => {
            let dir = config
                .store
                .sqlite_dir()
                .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
            bankbot_store::files::create_private_dir_all(&dir)?;
            let keep = Arc::new(KeepSender::new(Some(dir.join("kept-replies.jsonl")))?);
            data_holders.push(keep.clone());
            (keep, Arc::new(NoHumans))
        }
    };
    let hub = playground_options.map(|_| PlaygroundHub::new());
    let sender: Arc<dyn ReplySender> = match &hub {
        Some(hub) => Arc::new(PlaygroundSender::new(hub.clone(), sender)),
        None => sender,
    };
    let unavailable = unavailable(&parts);
    let (bot, linking, demo_bank) = build_bot_from(
        config,
        parts,
        clock.clone(),
        humans,
        token_owners,
        data_holders,
        Arc::new(Engine::load_dir(&intents_dir(config))?),
        hub.clone().map(|h| Arc::new(h) as Arc<dyn TurnObserver>),
    )
    .await?;
    let store = bot.store().clone();
    let csrf = crate::link_page::CsrfGuard::new(
        encryption_key(config)?.derive("link-page-csrf"),
        config.server.public_url().starts_with("https://"),
    );
    let logins = crate::link_page::RedirectLogins::new(
        bankbot_runtime::PendingLogins::new(store.clone()),
        &config.server.public_url(),
    );
    let link_page =
        crate::link_page::LinkPage::new(linking.clone(), bot.link_codes().clone(), redirects, csrf)
            .with_redirect_logins(logins);
    let inbox_wakeup = Arc::new(Notify::new());
    let outbox_wakeup = Arc::new(Notify::new());
    let sink = Arc::new(
        InboxSink::new(store.clone(), inbox_wakeup.clone()).with_page_inbox_app_id(inbox_app_id),
    );
    let alerts = super::alerts::AlertParts::build(
        config,
        store.clone(),
        clock.clone(),
        inbox_wakeup.clone(),
    )?;
    let privacy =
        crate::privacy_page::PrivacyPage::new(bot.clone(), config.privacy.policy_url.as_deref())
            .map_err(|e| AppError::Config(e.to_string()))?;
    let playground_router = match (playground_options, hub, playground_clock) {
        (Some(options), Some(hub), Some(clock)) => Some(playground::router(Playground {
            hub,
            sink: sink.clone(),
            linking,
            link_codes: bot.link_codes().clone(),
            store: store.clone(),
            services: bot.services().clone(),
            intake: alerts.intake.clone(),
            alert_secret: alerts.secret.clone(),
            clock,
            tokens: Arc::default(),
            public_url: config.server.public_url(),
            options,
        })),
        _ => None,
    };
    let playground_url = playground_router
        .is_some()
        .then(|| format!("{}/playground", config.server.public_url()));
    let router = routes::router(
        webhook,
        sink,
        link_page,
        store.clone(),
        alerts.router.clone(),
        playground_router,
    )
    .merge(crate::privacy_page::router(privacy));
    let mut dispatcher_options = DispatcherOptions::default();
    if let Some(workers) = config.runtime.workers {
        dispatcher_options.workers = workers;
    }
    if let Some(batch) = config.runtime.dispatch_batch().map_err(config_error)? {
        dispatcher_options.batch = batch;
    }
    let claim_timeout = match config.runtime.claim_timeout_secs {
        None => None,
        Some(secs @ 1..=MAX_CLAIM_TIMEOUT_SECS) => Some(std::time::Duration::from_secs(secs)),
        Some(other) => {
            return Err(AppError::Config(format!(
                "[runtime] claim_timeout_secs = {other}: 1 to {MAX_CLAIM_TIMEOUT_SECS} seconds \
                 (well above the longest turn, bank timeouts included; e.g. 300)"
            )));
        }
    };
    dispatcher_options.claim_timeout = claim_timeout;
    let dispatcher = Dispatcher::new(
        bot.clone(),
        inbox_wakeup,
        outbox_wakeup.clone(),
        dispatcher_options,
    );
    // Queue timing follows the system clock even when BANKBOT_NOW fixes the bot's clock.
    let outbox = OutboxSender::new(
        store.clone(),
        sender,
        Arc::new(bankbot_core::SystemClock),
        OutboxOptions {
            claim_timeout,
            ..OutboxOptions::default()
        },
        outbox_wakeup,
    );
    Ok(Server {
        bot,
        store,
        router,
        dispatcher,
        outbox,
        alert_sweeper: alerts.sweeper(),
        limits,
        banner: Banner {
            webhook_url: format!("{}/webhook", config.server.public_url()),
            verify_token,
            generated_app_secret: generated.then_some(app_secret),
            replies_kept_locally,
            demo_bank,
            unavailable,
            playground_url,
        },
    })
}
