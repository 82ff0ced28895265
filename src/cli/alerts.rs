//! `bankbot alerts send …`: raise an alert at a running server, as the bank's systems would.

use std::path::PathBuf;

use bankbot::config::Config;
use bankbot_alerts::signature;
use bankbot_core::{Alert, AlertData, AlertKind, Clock, CustomerRef, SystemClock};
use clap::{Args, Subcommand};
use rust_decimal::Decimal;

use super::{CliError, CliResult, clock_from_env};

/// Options of `bankbot alerts`.
#[derive(Debug, Args)]
pub struct AlertsArgs {
    #[command(subcommand)]
    command: AlertsCommand,
}

#[derive(Debug, Subcommand)]
enum AlertsCommand {
    /// Sign and POST one alert to a running `bankbot serve`.
    Send(SendArgs),
}

#[derive(Debug, Args)]
struct SendArgs {
    /// The bank's customer reference, e.g. cust-alice.
    #[arg(long)]
    customer: String,
    /// fraud_suspected, balance_low, balance_update, large_transaction or deposit_received.
    #[arg(long)]
    kind: AlertKind,
    /// The amount, e.g. 500.00.
    #[arg(long)]
    amount: Option<Decimal>,
    /// The merchant or payer.
    #[arg(long)]
    merchant: Option<String>,
    /// The card's last four digits (default: the demo's alice debit card).
    #[arg(long, default_value = "9876")]
    card: String,
    /// The balance now (balance alerts).
    #[arg(long)]
    balance: Option<Decimal>,
    /// The alert id (default: a fresh one).
    #[arg(long)]
    id: Option<String>,
    /// The server's configuration (for [alerts] secret and [server] listen).
    #[arg(long)]
    config: Option<PathBuf>,
    /// The server's base URL (default: from the configuration).
    #[arg(long)]
    url: Option<String>,
}

/// Runs `bankbot alerts …`.
pub fn run(args: AlertsArgs) -> CliResult {
    match args.command {
        AlertsCommand::Send(send) => run_send(send),
    }
}

fn run_send(args: SendArgs) -> CliResult {
    let config = Config::from_file_and_env(args.config.as_deref())
        .map_err(|e| CliError::new(e.to_string()))?;
    let secret = bankbot::app::alerts::secret(&config).map_err(|e| CliError::new(e.to_string()))?;
    let now = clock_from_env()?.now();
    let alert = Alert {
        id: args
            .id
            .unwrap_or_else(|| format!("cli-{}-{:08x}", now.timestamp(), rand::random::<u32>())),
        customer: CustomerRef::new(args.customer),
        kind: args.kind,
        data: AlertData {
            amount: args.amount,
            merchant: args.merchant,
            at: Some(now),
            card_last4: Some(args.card),
            balance: args.balance,
            ..AlertData::default()
        },
    };
    let body = serde_json::to_vec(&alert).map_err(|e| CliError::new(e.to_string()))?;
    let base = args.url.unwrap_or_else(|| config.server.public_url());
    let url = format!("{}/alerts", base.trim_end_matches('/'));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new(format!("cannot start the async runtime: {e}")))?;
    // Signed at the system clock's time, which the server checks its window against even
    // when BANKBOT_NOW fixes "today" (the alert's own `at` above follows BANKBOT_NOW).
    let (timestamp, sig) = signature::sign(secret.as_bytes(), SystemClock.now().timestamp(), &body);
    let (status, text) = runtime.block_on(async {
        let response = reqwest::Client::new()
            .post(&url)
            .header("content-type", "application/json")
            .header(signature::TIMESTAMP_HEADER, timestamp)
            .header(signature::HEADER, sig)
            .body(body)
            .send()
            .await
            .map_err(|e| CliError::new(format!("cannot reach {url}: {}", e.without_url())))?;
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        Ok::<_, CliError>((status, text))
    })?;
    println!("{} {} ({status}): {text}", alert.kind, alert.id);
    if status.is_success() {
        Ok(())
    } else {
        Err(CliError::new(format!("the server answered {status}")))
    }
}
