//! `bankbot playground [--config FILE] [--listen ADDR]`: the demo with the browser
//! playground on, and its URL printed first.

use std::path::PathBuf;

use bankbot::config::Config;
use clap::Args;

use super::{CliError, CliResult};

/// Options of `bankbot playground`.
#[derive(Debug, Args)]
pub struct PlaygroundArgs {
    /// TOML configuration (same as `serve`); without it, the demo.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Address to listen on (default `[server] listen`, 127.0.0.1:8080); port 0 picks a free one.
    #[arg(long)]
    listen: Option<std::net::SocketAddr>,
}

/// Starts the server with the playground and prints where to open it.
pub fn run(args: PlaygroundArgs) -> CliResult {
    let mut config = Config::from_file_and_env(args.config.as_deref())
        .map_err(|e| CliError::new(e.to_string()))?;
    if config.playground.enabled == Some(false) {
        return Err(CliError::new(
            "[playground] enabled = false in the configuration: remove it to use the playground",
        ));
    }
    config.playground.enabled = Some(true);
    let listen = args.listen.unwrap_or(config.server.listen);
    let listener = std::net::TcpListener::bind(listen)
        .map_err(|e| CliError::new(format!("cannot listen on {listen}: {e}")))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| CliError::new(e.to_string()))?;
    let local = listener
        .local_addr()
        .map_err(|e| CliError::new(e.to_string()))?;
    config.server.listen = local;
    if config.server.public_url.is_none() {
        config.server.public_url = Some(format!("http://{local}"));
    }
    println!(
        "Open the playground: {}/playground",
        config.server.public_url()
    );
    super::serve::serve(config, Some(listener))
}
