//! The `bankbot` command line. Each subcommand lives in its own file under `src/cli/`.

mod cli;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// bankbot: banking chatbots on Facebook Messenger.
#[derive(Debug, Parser)]
#[command(name = "bankbot", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The intent engine: parse utterances, evaluate on public data sets.
    Nlu(cli::nlu::NluArgs),
    /// Print the version.
    Version,
    /// Nearest ATMs: `bankbot atm nearest "<where>"`.
    Atm(cli::atm::AtmArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Nlu(args) => cli::nlu::run(args),
        Command::Version => cli::version::run(),
        Command::Atm(args) => cli::atm::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bankbot: {err}");
            ExitCode::FAILURE
        }
    }
}
