//! Runs the whole bot on an Open Banking bank.
//!
//! ```sh
//! cargo run -p obie-bot                          # the mock bank, started here
//! cargo run -p obie-bot -- examples/obie-bot/bankbot.toml   # your bank
//! ```
//!
//! With a configuration file, `[bank]` and `[linking]` come from it (and the
//! `BANKBOT_<SECTION>__<KEY>` overrides). Without one, the testkit's mock bank is started on
//! loopback and the configuration points at it.

use std::sync::Arc;

use bankbot::prelude::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let path = std::env::args().nth(1).map(std::path::PathBuf::from);
    let mut config = Config::from_file_and_env(path.as_deref())?;
    let _mock = match path {
        Some(_) => None,
        None => {
            let bank = obie_bot::start_mock_bank().await?;
            let keys = config.store.sqlite_dir().unwrap_or_else(|| "data".into());
            obie_bot::point_at_mock_bank(&mut config, &bank, &keys)?;
            println!(
                "mock Open Banking bank on {} (login alice / mockbank)",
                bank.issuer()
            );
            Some(bank)
        }
    };
    let server = Server::build(&config, Arc::new(SystemClock)).await?;
    let listener = tokio::net::TcpListener::bind(config.server.listen).await?;
    let banner = server.banner();
    println!("bankbot on http://{}", listener.local_addr()?);
    println!("  webhook URL:  {}", banner.webhook_url);
    println!("  verify token: {}", banner.verify_token);
    if let Some(secret) = &banner.generated_app_secret {
        println!("  app secret:   {secret}  (generated: sign test webhooks with it)");
    }
    println!(
        "  link page:    {}/link (sends the customer to the bank)",
        config.server.public_url()
    );
    for missing in &banner.unavailable {
        println!("  not provided: {missing}");
    }
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    server.run(listener, shutdown).await?;
    Ok(())
}
