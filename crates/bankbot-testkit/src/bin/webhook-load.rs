//! `webhook-load`: posts signed Messenger webhooks at a running bankbot server (loopback
//! only) and reports sustained events/s and acknowledgement / webhook-to-send latencies.
//!
//! Start the bot with its Graph API pointed at `--graph-listen`, e.g.
//! `BANKBOT_MESSENGER__GRAPH_API_URL=http://127.0.0.1:9999 BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN=load
//! BANKBOT_MESSENGER__APP_SECRET=S bankbot serve`, then run
//! `cargo run --release -p bankbot-testkit --bin webhook-load -- --url http://127.0.0.1:8080/webhook
//! --app-secret S --graph-listen 127.0.0.1:9999`.
//!
//! Linked customers and a realistic mix over three instances at 2,000 events/s:
//! `webhook-load --url http://127.0.0.1:8081/webhook --url http://127.0.0.1:8082/webhook
//! --url http://127.0.0.1:8083/webhook --linked --mix realistic --rate 2000 …`
//! (`scripts/linked-load.sh` runs the whole comparison).

use bankbot_testkit::MockGraphApi;
use bankbot_testkit::load::{self, LoadOptions, Mix};
use clap::Parser;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

/// Load a bankbot webhook endpoint with signed text messages from many users.
#[derive(Debug, Parser)]
#[command(name = "webhook-load", version)]
struct Args {
    /// Webhook URL of the bot under test (loopback addresses only); repeat it to spread
    /// events round-robin over several instances.
    #[arg(long, required = true)]
    url: Vec<String>,
    /// App secret the bot verifies signatures with.
    #[arg(long, env = "BANKBOT_MESSENGER__APP_SECRET", hide_env_values = true)]
    app_secret: String,
    /// Where the mock Graph API listens (the bot's graph_api_url must point here; loopback only).
    #[arg(long, default_value = "127.0.0.1:9999")]
    graph_listen: SocketAddr,
    /// Distinct users (PSIDs); each has at most one event outstanding.
    #[arg(long, default_value_t = 500)]
    users: usize,
    /// Maximum events to post.
    #[arg(long, default_value_t = 20_000)]
    events: usize,
    /// Webhook POSTs in flight at most.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Open loop: start this many events per second whatever the answers (default: closed
    /// loop, --concurrency POSTs in flight all the time).
    #[arg(long)]
    rate: Option<f64>,
    /// What users say: `fixed` (the --text) or `realistic` (balances 35 %, transactions
    /// 25 %, spending 20 %, ATMs 10 %, small talk 10 %, English and French).
    #[arg(long, default_value = "fixed")]
    mix: String,
    /// Link every user first through the bot's /link login page and the account_linking
    /// webhook (the bot must serve /link next to /webhook).
    #[arg(long)]
    linked: bool,
    /// Bank users to link as, comma-separated or repeated; user i links as the (i mod n)-th.
    #[arg(long, value_delimiter = ',', default_value = "alice,bob")]
    link_as: Vec<String>,
    /// Password of the --link-as users.
    #[arg(long, default_value = "demo", hide_default_value = true)]
    link_password: String,
    /// Stop posting after this long (e.g. 120s, 2m, 500ms).
    #[arg(long, default_value = "120s", value_parser = parse_duration)]
    duration_limit: Duration,
    /// Message text of every event with `--mix fixed`.
    #[arg(long, default_value = "what's my balance")]
    text: String,
    /// Page ID put in the webhook bodies.
    #[arg(long, default_value = bankbot_testkit::webhooks::DEFAULT_PAGE_ID)]
    page_id: String,
    /// Give up on one event's reply after this long.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    reply_timeout: Duration,
    /// After the last POST, wait at most this long for outstanding replies.
    #[arg(long, default_value = "10s", value_parser = parse_duration)]
    drain_timeout: Duration,
    /// Tokio worker threads of the load tool (the bot shares the machine).
    #[arg(long, default_value_t = 1)]
    threads: usize,
}

fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("bad duration {text:?}"))?;
    match unit {
        "ms" => Ok(Duration::from_millis(n)),
        "" | "s" => Ok(Duration::from_secs(n)),
        "m" | "min" => Ok(Duration::from_secs(n.saturating_mul(60))),
        _ => Err(format!("bad duration unit in {text:?} (use ms, s or m)")),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.threads.max(1))
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("webhook-load: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(args))
}

async fn run(args: Args) -> ExitCode {
    if !args.graph_listen.ip().is_loopback() {
        eprintln!("webhook-load: --graph-listen must be a loopback address");
        return ExitCode::FAILURE;
    }
    let mix = match Mix::parse(&args.mix, &args.text) {
        Ok(mix) => mix,
        Err(e) => {
            eprintln!("webhook-load: {e}");
            return ExitCode::FAILURE;
        }
    };
    let options = LoadOptions {
        urls: args.url,
        page_id: args.page_id,
        users: args.users,
        events: args.events,
        concurrency: args.concurrency,
        rate: args.rate,
        duration_limit: args.duration_limit,
        mix,
        linked: args.linked,
        link_as: args.link_as,
        link_password: args.link_password,
        reply_timeout: args.reply_timeout,
        drain_timeout: args.drain_timeout,
        ..LoadOptions::new(String::new(), args.app_secret)
    };
    if let Err(e) = options.validate() {
        eprintln!("webhook-load: {e}");
        return ExitCode::FAILURE;
    }
    let graph = match MockGraphApi::start_on(args.graph_listen).await {
        Ok(graph) => graph,
        Err(e) => {
            eprintln!("webhook-load: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The bot signs its Graph calls with the same app secret: check its appsecret_proof.
    graph.set_app_secret(options.app_secret.clone());
    eprintln!(
        "webhook-load: mock Graph API on {} (bot must use graph_api_url = {}); loading {}",
        graph.addr(),
        graph.base_url(),
        options.urls.join(", ")
    );
    let result = load::run(&options, &graph).await;
    graph.shutdown().await;
    match result {
        Ok(report) => match serde_json::to_string_pretty(&report) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("webhook-load: cannot print the report: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("webhook-load: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("120s"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("7"), Ok(Duration::from_secs(7)));
        assert!(parse_duration("s").is_err());
        assert!(parse_duration("5h").is_err());
    }

    #[test]
    fn cli_parses_the_documented_command() {
        let args = Args::try_parse_from([
            "webhook-load",
            "--url",
            "http://127.0.0.1:8080/webhook",
            "--app-secret",
            "S",
            "--graph-listen",
            "127.0.0.1:9999",
            "--users",
            "500",
            "--events",
            "20000",
            "--concurrency",
            "64",
            "--duration-limit",
            "120s",
        ]);
        let Ok(args) = args else {
            panic!("documented command must parse")
        };
        assert_eq!(args.duration_limit, Duration::from_secs(120));
        assert_eq!(args.users, 500);
        assert_eq!(args.url.len(), 1);
        assert!(!args.linked);
        assert_eq!(args.rate, None);
    }

    #[test]
    fn cli_takes_several_instances_linking_mix_and_rate() {
        let args = Args::try_parse_from([
            "webhook-load",
            "--url",
            "http://127.0.0.1:8081/webhook",
            "--url",
            "http://127.0.0.1:8082/webhook",
            "--app-secret",
            "S",
            "--linked",
            "--link-as",
            "alice,bob",
            "--link-password",
            "demo",
            "--mix",
            "realistic",
            "--rate",
            "2000",
        ]);
        let Ok(args) = args else {
            panic!("the linked command must parse")
        };
        assert_eq!(args.url.len(), 2);
        assert!(args.linked);
        assert_eq!(args.link_as, ["alice", "bob"]);
        assert_eq!(args.rate, Some(2000.0));
        assert_eq!(Mix::parse(&args.mix, &args.text), Ok(Mix::Realistic));
    }
}
