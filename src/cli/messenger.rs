//! `bankbot messenger setup [--config FILE] [--dry-run]`: sets the Page's Messenger profile
//! (Get Started, greetings in English and French, persistent menu, ice breakers,
//! account-linking URL) idempotently.

use std::path::{Path, PathBuf};

use bankbot_messenger::{ProfileSpec, SendClient, SendOptions};
use clap::{Args, Subcommand};
use serde::Deserialize;

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

/// The `[messenger]` table; every key can be overridden by `BANKBOT_MESSENGER__<KEY>`.
#[derive(Debug, Default, Deserialize)]
pub struct MessengerConfig {
    /// Webhook verify token.
    #[serde(default)]
    pub verify_token: Option<String>,
    /// App Secret (webhook signatures, `appsecret_proof`).
    #[serde(default)]
    pub app_secret: Option<String>,
    /// Page access token.
    #[serde(default)]
    pub page_access_token: Option<String>,
    /// Graph API base URL.
    #[serde(default)]
    pub graph_api_url: Option<String>,
    /// Graph API version such as `v25.0`.
    #[serde(default)]
    pub api_version: Option<String>,
    /// The bank's account-linking page.
    #[serde(default)]
    pub account_linking_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    messenger: MessengerConfig,
}

/// Runs `bankbot messenger …`.
pub fn run(args: MessengerArgs) -> CliResult {
    match args.command {
        MessengerCommand::Setup { config, dry_run } => setup(config.as_deref(), dry_run),
    }
}

fn setup(config: Option<&Path>, dry_run: bool) -> CliResult {
    let cfg = load_config(config, |k| std::env::var(k).ok())?;
    let spec = ProfileSpec::bankbot_default(cfg.account_linking_url.as_deref());
    if dry_run {
        let json = serde_json::to_string_pretty(&spec.to_json())
            .map_err(|e| CliError::new(format!("cannot print profile: {e}")))?;
        println!("{json}");
        return Ok(());
    }
    let token = cfg.page_access_token.clone().ok_or_else(|| {
        CliError::new(
            "no page access token: set [messenger] page_access_token or \
             BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN",
        )
    })?;
    let mut opts = SendOptions::new(token);
    if let Some(url) = cfg.graph_api_url {
        opts.graph_api_url = url;
    }
    if let Some(v) = cfg.api_version {
        opts.api_version = v;
    }
    opts.app_secret = cfg.app_secret;
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

/// Reads the `[messenger]` table from `path` (or `./bankbot.toml` when it exists), then
/// applies `BANKBOT_MESSENGER__*` overrides looked up through `env`.
pub fn load_config(
    path: Option<&Path>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<MessengerConfig, CliError> {
    let default = Path::new("bankbot.toml");
    let path = path.or_else(|| default.exists().then_some(default));
    let mut cfg = match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| CliError::new(format!("cannot read {}: {e}", p.display())))?;
            toml::from_str::<ConfigFile>(&text)
                .map_err(|e| CliError::new(format!("invalid config {}: {e}", p.display())))?
                .messenger
        }
        None => MessengerConfig::default(),
    };
    let fields: [(&str, &mut Option<String>); 6] = [
        ("VERIFY_TOKEN", &mut cfg.verify_token),
        ("APP_SECRET", &mut cfg.app_secret),
        ("PAGE_ACCESS_TOKEN", &mut cfg.page_access_token),
        ("GRAPH_API_URL", &mut cfg.graph_api_url),
        ("API_VERSION", &mut cfg.api_version),
        ("ACCOUNT_LINKING_URL", &mut cfg.account_linking_url),
    ];
    for (key, slot) in fields {
        if let Some(v) = env(&format!("BANKBOT_MESSENGER__{key}")).filter(|v| !v.is_empty()) {
            *slot = Some(v);
        }
    }
    Ok(cfg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_toml_and_env_overrides() {
        let dir = std::env::temp_dir().join(format!("bankbot-msgr-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bankbot.toml");
        std::fs::write(
            &file,
            "[messenger]\nverify_token = \"v\"\napp_secret = \"s\"\n\
             page_access_token = \"from-file\"\ngraph_api_url = \"http://127.0.0.1:9\"\n",
        )
        .unwrap();
        let cfg = load_config(Some(&file), |k| {
            (k == "BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN").then(|| "from-env".to_owned())
        })
        .unwrap();
        assert_eq!(cfg.page_access_token.as_deref(), Some("from-env"));
        assert_eq!(cfg.verify_token.as_deref(), Some("v"));
        assert_eq!(cfg.graph_api_url.as_deref(), Some("http://127.0.0.1:9"));
        std::fs::remove_dir_all(&dir).ok();
        let missing = load_config(Some(Path::new("/nonexistent/bankbot.toml")), |_| None);
        assert!(missing.is_err());
    }
}
