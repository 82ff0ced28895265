//! Wiring a configuration into a running bot: the connectors, the intent engine, the
//! store, the Messenger channel, the HTTP routes and the background workers.

pub mod alerts;
mod components;
mod demo_secrets;
pub mod housekeeping;
mod http;
mod metrics;
mod routes;

use std::sync::Arc;

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
            .finish()
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
    /// Builds everything `config` describes.
    pub async fn build(config: &Config, clock: Arc<dyn Clock>) -> Result<Server, AppError> {
        components::build(config, clock).await
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
