//! `bankbot serve [--config FILE]`: the webhook server, the workers and the login page.

use std::path::PathBuf;
use std::sync::Arc;

use bankbot::app::Server;
use bankbot::config::Config;
use clap::Args;

use super::{CliError, CliResult, clock_from_env};

/// Options of `bankbot serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// TOML configuration; without it the demo runs (SQLite in ./bankbot-data, demo bank,
    /// 127.0.0.1:8080). Keys can be overridden by BANKBOT_<SECTION>__<KEY> variables.
    #[arg(long)]
    config: Option<PathBuf>,
}

/// Runs the server until Ctrl-C or SIGTERM.
pub fn run(args: ServeArgs) -> CliResult {
    let config = Config::from_file_and_env(args.config.as_deref())
        .map_err(|e| CliError::new(e.to_string()))?;
    serve(config, None)
}

/// Serves `config` until Ctrl-C or SIGTERM; with `listener`, on that listener instead of
/// `[server] listen` (it is then already bound and `config`'s public URL names it).
pub(crate) fn serve(config: Config, listener: Option<std::net::TcpListener>) -> CliResult {
    let clock = clock_from_env()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(async move {
        let server = Server::build(&config, Arc::from(clock))
            .await
            .map_err(|e| CliError::new(e.to_string()))?;
        let listener = match listener {
            Some(std_listener) => tokio::net::TcpListener::from_std(std_listener)
                .map_err(|e| CliError::new(format!("cannot listen: {e}")))?,
            None => tokio::net::TcpListener::bind(config.server.listen)
                .await
                .map_err(|e| {
                    CliError::new(format!("cannot listen on {}: {e}", config.server.listen))
                })?,
        };
        let local = listener
            .local_addr()
            .map_err(|e| CliError::new(e.to_string()))?;
        print_banner(&server, &config, local);
        server
            .run(listener, shutdown_signal())
            .await
            .map_err(|e| CliError::new(e.to_string()))
    })
}

fn print_banner(server: &Server, config: &Config, local: std::net::SocketAddr) {
    let b = server.banner();
    println!("bankbot is listening on http://{local}");
    println!("  webhook URL:   {}", b.webhook_url);
    println!("  verify token:  {}", b.verify_token);
    if let Some(secret) = &b.generated_app_secret {
        println!("  app secret:    {secret}  (generated for the demo: sign test webhooks with it)");
    }
    println!("  store:         {}", redact_url(&config.store.url()));
    if b.demo_bank {
        println!("  demo logins:   alice / demo (English, USD), bob / demo (French, EUR)");
    }
    println!("  login page:    {}/link", config.server.public_url());
    for missing in &b.unavailable {
        println!("  not provided:  {missing}");
    }
    if !config.security.link_redirect_allow.is_empty() {
        tracing::warn!(
            "[security] link_redirect_allow is set: the login page may send login codes to \
             these prefixes besides Messenger"
        );
        eprintln!(
            "  WARNING:       [security] link_redirect_allow lets the login page send login codes \
             to {} besides Messenger's account-linking URL; keep it empty in production",
            config.security.link_redirect_allow.join(", ")
        );
    }
    if b.replies_kept_locally {
        println!(
            "  replies:       no page access token: replies are kept in kept-replies.jsonl beside the database"
        );
    }
    println!("  health:        http://{local}/health  ready: /ready  metrics: /metrics");
    if let Some(url) = &b.playground_url {
        println!("  playground:    {url}  (open it in a browser)");
    }
}

/// Hides a password in `postgres://user:password@host/db`.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(%err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
    tracing::info!("shutdown requested");
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn hides_passwords() {
        assert_eq!(
            redact_url("postgres://root:pw@127.0.0.1/test"),
            "postgres://root:***@127.0.0.1/test"
        );
        assert_eq!(
            redact_url("sqlite://./bankbot-data/bankbot.db"),
            "sqlite://./bankbot-data/bankbot.db"
        );
    }
}
