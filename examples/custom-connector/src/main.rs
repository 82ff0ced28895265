//! Runs the whole bot (webhook, login page, workers, alerts) on the bank's own connector.
//!
//! ```sh
//! CORE_BANKING_URL=https://core.bank.example cargo run -p custom-connector -- bankbot.toml
//! cargo run -p custom-connector       # no CORE_BANKING_URL: starts the sample core
//! ```
//!
//! The configuration file (optional) is read like `bankbot serve --config`'s, with the same
//! `BANKBOT_<SECTION>__<KEY>` overrides; its `[bank]` table is not used: the bank is here.

use std::sync::Arc;

use bankbot::prelude::*;
use custom_connector::sample_core::SampleCore;
use custom_connector::{CoreBanking, CoreBankingOptions};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let path = std::env::args().nth(1).map(std::path::PathBuf::from);
    let config = Config::from_file_and_env(path.as_deref())?;

    // The core-banking API: yours, or the sample one for a try-out.
    let (core_url, _sample) = match std::env::var("CORE_BANKING_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            let sample = SampleCore::start(chrono::Utc::now().date_naive()).await?;
            println!(
                "sample core on {} (logins dana / north-star-1, emile / etoile-du-nord-2)",
                sample.base_url()
            );
            (sample.base_url().to_owned(), Some(sample))
        }
    };
    let core = CoreBanking::new(CoreBankingOptions::new(&core_url)?)?;
    let bank = Arc::new(core.clone().decorated()); // reads and card controls: retried, traced
    let once = Arc::new(core); // login, code exchange, fraud answers: never retried

    let server = Server::builder(bank.clone(), once.clone())
        .card_controls(bank)
        .fraud_reporting(once)
        .config(config.clone())
        .build()
        .await?;
    let listener = tokio::net::TcpListener::bind(config.server.listen).await?;
    let banner = server.banner();
    println!("bankbot on http://{}", listener.local_addr()?);
    println!("  webhook URL:  {}", banner.webhook_url);
    println!("  verify token: {}", banner.verify_token);
    if let Some(secret) = &banner.generated_app_secret {
        println!("  app secret:   {secret}  (generated: sign test webhooks with it)");
    }
    println!("  login page:   {}/link", config.server.public_url());
    for missing in &banner.unavailable {
        println!("  not provided: {missing}");
    }
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    server.run(listener, shutdown).await?;
    Ok(())
}
