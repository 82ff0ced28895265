//! `bankbot messenger setup [--config FILE] [--dry-run]`: sets the Page's Messenger profile
//! (Get Started, greetings in English and French, persistent menu, ice breakers,
//! account-linking URL) idempotently.

use std::path::{Path, PathBuf};

use bankbot::config::Config;
use bankbot_messenger::{ProfileSpec, SendClient};
use clap::{Args, Subcommand};

use super::{CliError, CliResult};

/// `bankbot messenger …`
#[derive(Debug, Args)]
pub struct MessengerArgs {
    #[command(subcommand)]
    command: MessengerCommand,
}

#[derive(Debug, Subcommand)]
enum MessengerCommand {
    /// Set the Page's Messenger profile (only the fields that differ are written).
    Setup {
        /// TOML config with a `[messenger]` table (default: ./bankbot.toml if present).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Print the profile that would be set, without calling Meta.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Runs `bankbot messenger …`.
pub fn run(args: MessengerArgs) -> CliResult {
    match args.command {
        MessengerCommand::Setup { config, dry_run } => setup(config.as_deref(), dry_run),
    }
}

fn setup(config: Option<&Path>, dry_run: bool) -> CliResult {
    let default = Path::new("bankbot.toml");
    let path = config.or_else(|| default.exists().then_some(default));
    let config = Config::from_file_and_env(path).map_err(|e| CliError::new(e.to_string()))?;
    let spec = profile_spec(&config);
    if dry_run {
        let json = serde_json::to_string_pretty(&spec.to_json())
            .map_err(|e| CliError::new(format!("cannot print profile: {e}")))?;
        println!("{json}");
        return Ok(());
    }
    let opts = config
        .messenger
        .send_options()
        .map_err(|e| CliError::new(e.to_string()))?
        .ok_or_else(|| {
            CliError::new(
                "no page access token: set [messenger] page_access_token or \
                 BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN",
            )
        })?;
    let client = SendClient::new(opts).map_err(|e| CliError::new(e.to_string()))?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new(format!("cannot start runtime: {e}")))?;
    let outcome = rt
        .block_on(client.setup_profile(&spec))
        .map_err(|e| CliError::new(format!("messenger profile set-up failed: {e}")))?;
    if outcome.updated.is_empty() {
        println!("messenger profile already up to date");
    } else {
        println!("messenger profile updated: {}", outcome.updated.join(", "));
    }
    Ok(())
}

/// The profile: its account-linking URL is the bot's own login page, `{public_url}/link`,
/// the same URL as the account-link button.
fn profile_spec(config: &Config) -> ProfileSpec {
    let link_url = format!("{}/link", config.server.public_url());
    ProfileSpec::bankbot_default(Some(&link_url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_links_to_the_bots_login_page() {
        let env = [(
            "BANKBOT_SERVER__PUBLIC_URL".to_owned(),
            "https://bot.example/".to_owned(),
        )];
        let config = Config::load(None, env).unwrap();
        let json = serde_json::Value::Object(profile_spec(&config).to_json()).to_string();
        assert!(json.contains("https://bot.example/link"), "{json}");
    }
}
