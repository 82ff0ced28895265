//! `bankbot chat [--as LOGIN]`: a terminal conversation with the same runtime and handlers.
//!
//! Quick replies and buttons are shown as numbered choices; typing the number chooses.
//! Works with piped input too: one message per line, replies on stdout.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bankbot::app::build_bot;
use bankbot::config::Config;
use bankbot_bank::LinkingProvider;
use bankbot_core::{Button, Lang, Reply, UserId};
use bankbot_runtime::{Bot, NoHumans, SessionDoc, UserEvent};
use clap::Args;

use super::{CliError, CliResult, clock_from_env};

/// Options of `bankbot chat`.
#[derive(Debug, Args)]
pub struct ChatArgs {
    /// Start linked as this bank login (the demo bank has `alice` and `bob`).
    #[arg(long = "as", value_name = "LOGIN")]
    login: Option<String>,
    /// The password for `--as` (the demo bank's is `demo`).
    #[arg(long, default_value = "demo")]
    password: String,
    /// TOML configuration (same as `serve`); without it, an in-memory store and the demo bank.
    #[arg(long)]
    config: Option<PathBuf>,
}

/// What a numbered choice sends.
enum Choice {
    Payload(String),
    Open(String),
}

/// Runs the conversation until end of input.
pub fn run(args: ChatArgs) -> CliResult {
    let config = local_config(args.config.as_deref())?;
    let clock = clock_from_env()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(async move {
        let (bot, linking, _) = build_bot(
            &config,
            Arc::from(clock),
            Arc::new(NoHumans),
            None,
            Vec::new(),
        )
        .await
        .map_err(|e| CliError::new(e.to_string()))?;
        let user = UserId::new(format!(
            "console-{}",
            args.login.as_deref().unwrap_or("guest")
        ));
        let linking_provided = bot.services().capabilities.linking;
        if let (Some(login), false) = (&args.login, linking_provided) {
            // Never pretend: this bank has no login wired in, so nobody can link.
            eprintln!(
                "account linking is unavailable with this bank ([bank] kind = \"{}\"): \
                 cannot sign in as {login}; chatting as a guest who has not linked an account",
                config.bank.kind
            );
        }
        if let (Some(login), true) = (&args.login, linking_provided) {
            let welcome = sign_in(&bot, linking.as_ref(), &user, login, &args.password).await?;
            if std::io::stdin().is_terminal() {
                let lang = session_lang(&bot, &user).await;
                print_replies(&welcome, lang, &mut Vec::new());
            }
        }
        converse(&bot, &user).await
    })
}

/// The configuration of a local bot (`chat`, `test`): `path` (same as `serve`) and the
/// environment; without a file and a store URL, an in-memory store with a fresh key.
pub(crate) fn local_config(path: Option<&Path>) -> Result<Config, CliError> {
    let mut config = Config::from_file_and_env(path).map_err(|e| CliError::new(e.to_string()))?;
    if path.is_none() && config.store.url.is_none() {
        config.store.url = Some("sqlite::memory:".to_owned());
        if config.security.encryption_key.is_none() {
            config.security.encryption_key =
                Some(bankbot_store::EncryptionKey::generate().to_hex());
        }
    }
    Ok(config)
}

/// Signs `user` in as the bank login `login` through the real account-linking flow (the
/// login page's authorisation code, then the linking event); returns the welcome replies.
pub(crate) async fn sign_in(
    bot: &Bot,
    linking: &dyn LinkingProvider,
    user: &UserId,
    login: &str,
    password: &str,
) -> Result<Vec<Reply>, CliError> {
    let bank_code = linking
        .authorize(login, password)
        .await
        .map_err(|e| CliError::new(format!("cannot sign in as {login}: {e}")))?;
    let code = bot
        .link_codes()
        .mint_for(user, bank_code)
        .await
        .map_err(|e| CliError::new(format!("cannot link {login}: {e}")))?;
    let event = UserEvent::AccountLinked {
        authorization_code: code.0,
    };
    bot.handle(user, &event)
        .await
        .map_err(|e| CliError::new(e.to_string()))
}

async fn converse(bot: &Bot, user: &UserId) -> CliResult {
    let interactive = std::io::stdin().is_terminal();
    let mut choices: Vec<Choice> = Vec::new();
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        if interactive {
            print!("you> ");
            let _ = std::io::stdout().flush();
        }
        let Some(line) = lines.next() else { break };
        let line = line.map_err(|e| CliError::new(format!("reading input: {e}")))?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        if interactive && matches!(text, "/quit" | "/exit") {
            break;
        }
        let event = match text
            .parse::<usize>()
            .ok()
            .and_then(|n| choices.get(n.wrapping_sub(1)))
        {
            Some(Choice::Payload(p)) => UserEvent::Postback { payload: p.clone() },
            Some(Choice::Open(url)) => {
                println!("bot> Open {url} in a browser.");
                continue;
            }
            None => UserEvent::Message {
                text: text.to_owned(),
                quick_reply: None,
            },
        };
        let replies = bot
            .handle(user, &event)
            .await
            .map_err(|e| CliError::new(e.to_string()))?;
        choices.clear();
        let lang = session_lang(bot, user).await;
        print_replies(&replies, lang, &mut choices);
    }
    Ok(())
}

/// The language the bot answers this user in (Messenger shows its own link buttons in the
/// user's language; the terminal does the same).
async fn session_lang(bot: &Bot, user: &UserId) -> Lang {
    let now = bot.services().clock.now();
    match bot.store().load_session(user, now).await {
        Ok(Some(s)) => SessionDoc::from_json(s.doc).lang.unwrap_or_default(),
        _ => Lang::default(),
    }
}

fn print_replies(replies: &[Reply], lang: Lang, choices: &mut Vec<Choice>) {
    let mut numbered = |label: &str, choice: Choice| {
        choices.push(choice);
        format!("[{}] {label}", choices.len())
    };
    for reply in replies {
        match reply {
            Reply::Text {
                text,
                quick_replies,
            } => {
                println!("bot> {text}");
                let labels: Vec<String> = quick_replies
                    .iter()
                    .map(|q| numbered(&q.title, Choice::Payload(q.payload.clone())))
                    .collect();
                if !labels.is_empty() {
                    println!("     {}", labels.join("  "));
                }
            }
            Reply::Buttons { text, buttons } => {
                println!("bot> {text}");
                let labels: Vec<String> = buttons
                    .iter()
                    .map(|b| button(b, lang, &mut numbered))
                    .collect();
                println!("     {}", labels.join("  "));
            }
            Reply::Cards { cards } => {
                for card in cards {
                    println!(
                        "bot> {}{}",
                        card.title,
                        card.subtitle
                            .as_ref()
                            .map(|s| format!(" — {s}"))
                            .unwrap_or_default()
                    );
                    let labels: Vec<String> = card
                        .buttons
                        .iter()
                        .map(|b| button(b, lang, &mut numbered))
                        .collect();
                    if !labels.is_empty() {
                        println!("     {}", labels.join("  "));
                    }
                }
            }
            Reply::Typing { .. } => {}
        }
    }
    let _ = std::io::stdout().flush();
}

fn button(b: &Button, lang: Lang, numbered: &mut impl FnMut(&str, Choice) -> String) -> String {
    let fr = lang == Lang::Fr;
    match b {
        Button::Postback { title, payload } => numbered(title, Choice::Payload(payload.clone())),
        Button::WebUrl { title, url } => numbered(title, Choice::Open(url.clone())),
        Button::AccountLink { url } => numbered(
            if fr {
                "Lier mon compte"
            } else {
                "Link your account"
            },
            Choice::Open(url.clone()),
        ),
        Button::AccountUnlink => numbered(
            if fr {
                "Délier mon compte"
            } else {
                "Unlink your account"
            },
            Choice::Payload("INTENT:unlink_account".into()),
        ),
    }
}
