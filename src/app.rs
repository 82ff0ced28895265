//! Wiring a configuration into a running bot: the connectors, the intent engine, the
//! store, the Messenger channel, the HTTP routes and the background workers.

pub mod alerts;
mod components;
mod demo_secrets;
pub mod housekeeping;
mod http;
mod metrics;
mod obie_linking;
pub mod playground;
mod routes;

use std::sync::Arc;

use bankbot_bank::{
    AtmLocator, BankConnector, CardControls, FraudReporting, Geocoder, LinkingProvider,
};
use bankbot_core::Clock;
use bankbot_runtime::{Bot, Dispatcher, OutboxSender};
use bankbot_store::Store;
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use components::{build_bot, build_bot_with_engine, intents_dir};

use crate::config::{Config, ServerLimits};

/// Why the bot could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    /// The configuration is unusable.
    #[error("configuration: {0}")]
    Config(String),
    /// The store could not be opened.
    #[error("store: {0}")]
    Store(#[from] bankbot_store::StoreError),
    /// The intents could not be loaded.
    #[error("intents: {0}")]
    Nlu(#[from] bankbot_nlu::NluError),
    /// ATM or gazetteer files could not be loaded.
    #[error("ATM data: {0}")]
    Atm(#[from] bankbot_atm::AtmError),
    /// The listener or a file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What `bankbot serve` prints at start-up so a developer can point Messenger (or a test
/// client) at it.
#[derive(Clone)]
pub struct Banner {
    /// The webhook URL.
    pub webhook_url: String,
    /// The verify token.
    pub verify_token: String,
    /// The app secret, shown only when the demo generated it.
    pub generated_app_secret: Option<String>,
    /// True when replies are kept locally (no page access token).
    pub replies_kept_locally: bool,
    /// True when the demo bank serves data.
    pub demo_bank: bool,
    /// What the bank does not provide (card controls, fraud reporting, linking…).
    pub unavailable: Vec<&'static str>,
    /// The browser playground's URL, when it is on.
    pub playground_url: Option<String>,
}

impl std::fmt::Debug for Banner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Banner")
            .field("webhook_url", &self.webhook_url)
            .field("verify_token", &"[redacted]")
            .field(
                "generated_app_secret",
                &self.generated_app_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("replies_kept_locally", &self.replies_kept_locally)
            .field("demo_bank", &self.demo_bank)
            .field("unavailable", &self.unavailable)
            .field("playground_url", &self.playground_url)
            .finish()
    }
}

/// Puts a [`Server`] together from a bank's parts; see [`Server::builder`].
#[must_use]
pub struct ServerBuilder {
    parts: components::Parts,
    config: Config,
    clock: Arc<dyn Clock>,
    /// The adjustable clock the demo bank was given, when the playground may run.
    playground_clock: Option<Arc<playground::PlaygroundClock>>,
}

impl std::fmt::Debug for ServerBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerBuilder")
            .field("card_controls", &self.parts.cards.is_some())
            .field("fraud_reporting", &self.parts.fraud.is_some())
            .finish_non_exhaustive()
    }
}

impl ServerBuilder {
    /// The parts `[bank]` in `config` describes (`kind = "demo"` or `"obie"`), with the
    /// rest of `config` as options.
    pub fn from_config(config: &Config, clock: Arc<dyn Clock>) -> Result<Self, AppError> {
        // The playground moves "today" for the bank's data too, so the demo bank gets the
        // adjustable clock whenever the playground may be on.
        let playground_clock = (config.playground.enabled != Some(false))
            .then(|| Arc::new(playground::PlaygroundClock::new(clock.clone())));
        let clock = match &playground_clock {
            Some(adjustable) => adjustable.clone() as Arc<dyn Clock>,
            None => clock,
        };
        Ok(ServerBuilder {
            parts: components::bank(config, clock.clone())?,
            config: config.clone(),
            clock,
            playground_clock,
        })
    }

    /// Locks and unlocks cards; without it, card requests are answered that cards are not
    /// handled here, with `[bank] contact`.
    pub fn card_controls(mut self, cards: Arc<dyn CardControls>) -> Self {
        self.parts.cards = Some(cards);
        self
    }

    /// Receives customers' answers to fraud checks; without it they are only noted locally
    /// and fraud reports are pointed to `[bank] contact`.
    pub fn fraud_reporting(mut self, fraud: Arc<dyn FraudReporting>) -> Self {
        self.parts.fraud = Some(fraud);
        self
    }

    /// The cash machines; `[atm] files` (or the demo ATMs) otherwise.
    pub fn atm_locator(mut self, atms: Arc<dyn AtmLocator>) -> Self {
        self.parts.atms = Some(atms);
        self
    }

    /// Reads typed places; `[geocoder]` (or the demo gazetteer) otherwise.
    pub fn geocoder(mut self, geocoder: Arc<dyn Geocoder>) -> Self {
        self.parts.geocoder = Some(geocoder);
        self
    }

    /// The store; `[store]` otherwise.
    pub fn store(mut self, store: Arc<dyn Store>) -> Self {
        self.parts.store = Some(store);
        self
    }

    /// The bot's clock; the system clock otherwise.
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self.playground_clock = None;
        self
    }

    /// The options: server, Messenger, security, alerts, runtime… and `[bank] contact`
    /// (the rest of `[bank]` is ignored here; use [`ServerBuilder::from_config`] for that).
    /// The defaults otherwise.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Builds the server.
    pub async fn build(self) -> Result<Server, AppError> {
        components::build(&self.config, self.clock, self.playground_clock, self.parts).await
    }
}

/// A bot ready to serve.
pub struct Server {
    bot: Arc<Bot>,
    store: Arc<dyn Store>,
    router: axum::Router,
    dispatcher: Dispatcher,
    outbox: OutboxSender,
    alert_sweeper: alerts::Sweeper,
    limits: ServerLimits,
    banner: Banner,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("banner", &self.banner)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Builds everything `config` describes: one way to fill a [`ServerBuilder`].
    pub async fn build(config: &Config, clock: Arc<dyn Clock>) -> Result<Server, AppError> {
        ServerBuilder::from_config(config, clock)?.build().await
    }

    /// A server around a bank's own connector and login; everything not given is taken
    /// from the configuration ([`ServerBuilder::config`], the defaults otherwise).
    ///
    /// ```no_run
    /// use std::sync::Arc;
    /// use bankbot::prelude::*;
    ///
    /// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
    /// let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    /// let bank = Arc::new(DemoBank::builtin(clock.clone())); // your connector here
    /// let server = Server::builder(bank.clone(), bank.clone())
    ///     .card_controls(bank.clone()) // optional: without, card requests are declined
    ///     .fraud_reporting(bank)       // optional
    ///     .clock(clock)
    ///     .config(Config::default())
    ///     .build()
    ///     .await?;
    /// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
    /// server.run(listener, std::future::pending()).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(
        bank: Arc<dyn BankConnector>,
        linking: Arc<dyn LinkingProvider>,
    ) -> ServerBuilder {
        ServerBuilder {
            parts: components::Parts {
                data: bank,
                cards: None,
                linking,
                fraud: None,
                atms: None,
                geocoder: None,
                store: None,
                demo: false,
                linking_off: false,
            },
            config: Config::default(),
            clock: Arc::new(bankbot_core::SystemClock),
            playground_clock: None,
        }
    }

    /// What to print at start-up.
    pub fn banner(&self) -> &Banner {
        &self.banner
    }

    /// The bot (for tests and tools).
    pub fn bot(&self) -> &Arc<Bot> {
        &self.bot
    }

    /// Serves HTTP on `listener` and runs the workers until `shutdown` resolves; then stops
    /// accepting requests, lets the requests and the workers finish what they have in hand,
    /// and closes the store. Slow clients are cut and connections capped per `[server]`
    /// (see [`ServerLimits`]).
    pub async fn run(
        self,
        listener: TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), AppError> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let dispatcher = tokio::spawn(self.dispatcher.clone().run(stop_rx.clone()));
        let sweeper = tokio::spawn(self.alert_sweeper.clone().run(stop_rx.clone()));
        let housekeeping = tokio::spawn(housekeeping::run(
            self.store.clone(),
            self.bot.clock().clone(),
            stop_rx.clone(),
        ));
        let outbox = tokio::spawn(self.outbox.clone().run(stop_rx));
        let served = http::serve(listener, self.router, self.limits, shutdown).await;
        tracing::info!("HTTP stopped; finishing in-flight work");
        let _ = stop_tx.send(true);
        match dispatcher.await {
            Ok(Err(err)) => tracing::error!(%err, "dispatcher stopped with an error"),
            Err(err) => tracing::error!(%err, "dispatcher task failed"),
            Ok(Ok(())) => {}
        }
        if let Err(err) = outbox.await {
            tracing::error!(%err, "outbox task failed");
        }
        if let Err(err) = sweeper.await {
            tracing::error!(%err, "alert sweeper task failed");
        }
        if let Err(err) = housekeeping.await {
            tracing::error!(%err, "housekeeping task failed");
        }
        self.store.close().await;
        served.map_err(AppError::Io)
    }
}
