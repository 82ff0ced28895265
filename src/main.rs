//! The `bankbot` command line. Each subcommand lives in its own file under `src/cli/`.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The process allocator: the bot allocates and frees many small buffers per event (JSON,
/// SQL rows, replies) across Tokio's worker threads, where the system allocator showed as
/// one of the largest shares of the profile (docs/performance.md, linked customers).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// bankbot: banking chatbots on Facebook Messenger.
#[derive(Debug, Parser)]
#[command(name = "bankbot", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the bot: Messenger webhook, account-link page, workers (the demo without --config).
    Serve(cli::serve::ServeArgs),
    /// Talk to the bot in the terminal (one message per line when piped).
    Chat(cli::chat::ChatArgs),
    /// The intent engine: parse utterances, evaluate on public data sets.
    Nlu(cli::nlu::NluArgs),
    /// Nearest ATMs: `bankbot atm nearest "<where>"`.
    Atm(cli::atm::AtmArgs),
    /// Proactive alerts: `bankbot alerts send --customer cust-alice --kind fraud_suspected …`.
    Alerts(cli::alerts::AlertsArgs),
    /// Conversation tests: `bankbot test [PATH...] [--junit FILE]` (default `tests/conversations/`).
    Test(cli::test::TestArgs),
    /// The browser playground: the demo bot as Messenger shows it, at /playground.
    Playground(cli::playground::PlaygroundArgs),
    /// Print the version.
    Version,
    /// Messenger channel tools (`setup`: profile, greeting, menu, ice breakers).
    Messenger(cli::messenger::MessengerArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let result = match cli.command {
        Command::Serve(args) => cli::serve::run(args),
        Command::Chat(args) => cli::chat::run(args),
        Command::Nlu(args) => cli::nlu::run(args),
        Command::Atm(args) => cli::atm::run(args),
        Command::Alerts(args) => cli::alerts::run(args),
        Command::Test(args) => cli::test::run(args),
        Command::Playground(args) => cli::playground::run(args),
        Command::Version => cli::version::run(),
        Command::Messenger(args) => cli::messenger::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bankbot: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr at INFO (`RUST_LOG` overrides), so stdout stays the command's output.
fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
