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
    /// Print the version.
    Version,
    /// Messenger channel tools (`setup`: profile, greeting, menu, ice breakers).
    Messenger(cli::messenger::MessengerArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
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
