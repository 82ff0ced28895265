//! `bankbot test [PATH...] [--junit FILE]`: conversation tests.
//!
//! Each TOML file under the paths (default `tests/conversations/`) holds conversations a
//! customer has with the real runtime and handlers: the demo bank (or a fixtures file), an
//! in-memory store, a fixed clock and no network. Every turn is a message (`say`) or a tap
//! on a quick reply or button (`tap`, by title or payload), with expectations on the answer:
//!
//! ```toml
//! now = "2026-11-29"          # the fixed clock (default: BANKBOT_NOW, else 2026-11-29)
//! as = "alice"                # default customer of the file: a demo login, or "guest"
//!
//! [[conversation]]
//! name = "lost card, locked on a plain 'ya'"
//! class = "confirmation"      # for the per-class counts (default: the file's class)
//!
//!   [[conversation.turn]]
//!   say = "i lost my debit card"
//!   intent = "card_lock"
//!   contains = "lock"         # a string or a list; case-insensitive
//!
//!   [[conversation.turn]]
//!   say = "ya"
//!   not_contains = ["bye"]
//!   effects = { card_locked = "9876" }
//! ```
//!
//! Turn keys: `contains`, `any_of`, `not_contains`, `regex`, `intent`, `quick_replies` (titles
//! offered, each a substring), `no_reply`, and `effects` (`card_locked` / `card_unlocked`: last
//! four digits; `consent` / `no_consent`: an alert kind; `link_removed`, `handed_over`). A
//! conversation may set `as`, `fixtures` (a demo-bank fixtures file, with `as` its login),
//! `now`, `lang` (the customer's language, as Messenger's locale would give it: `fr` for
//! bob, else `en`; also used for the counts), `class`, and `people` (file or conversation:
//! `true` runs with a person behind the chat, as with a Page Inbox; the default, like
//! `chat`, has nobody, so the bot offers the bank's contact instead of a person). Amount
//! expectations written with a plain space also match a narrow or no-break space; written
//! with U+202F they must match exactly. `fresh = true` (file or conversation): no history at
//! all before the first turn (no session, so no known language either; a linked customer's
//! language then comes from what the bank knows of them).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use bankbot::app::{build_bot_with_engine, intents_dir};
use bankbot_bank::{Credential, CustomerCredential};
use bankbot_core::{Button, Clock, FixedClock, Reply, UserId};
use bankbot_nlu::Engine;
use bankbot_runtime::{Bot, NoHumans, RuntimeError, SessionDoc, ThreadControl, UserEvent};
use clap::Args;
use serde::Deserialize;

use super::chat::{local_config, sign_in};
use super::{CliError, CliResult};

/// The day conversations happen on when neither the file nor `BANKBOT_NOW` says.
pub const DEFAULT_NOW: &str = "2026-11-29";

/// Options of `bankbot test`.
#[derive(Debug, Args)]
pub struct TestArgs {
    /// Conversation files or folders of them (default `tests/conversations/`).
    paths: Vec<PathBuf>,
    /// Also write a JUnit XML report here.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Show every turn and the bot's answer, not only failures.
    #[arg(long, short)]
    verbose: bool,
}

/// A string or a list of strings.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(untagged)]
enum Many {
    #[default]
    None,
    One(String),
    List(Vec<String>),
}

impl Many {
    fn items(&self) -> Vec<&str> {
        match self {
            Many::None => Vec::new(),
            Many::One(s) => vec![s.as_str()],
            Many::List(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    now: Option<String>,
    #[serde(rename = "as")]
    customer: Option<String>,
    fixtures: Option<PathBuf>,
    class: Option<String>,
    lang: Option<String>,
    people: Option<bool>,
    fresh: Option<bool>,
    #[serde(rename = "conversation", default)]
    conversations: Vec<ConversationSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConversationSpec {
    name: String,
    #[serde(rename = "as")]
    customer: Option<String>,
    fixtures: Option<PathBuf>,
    password: Option<String>,
    class: Option<String>,
    lang: Option<String>,
    now: Option<String>,
    people: Option<bool>,
    fresh: Option<bool>,
    #[serde(rename = "turn", default)]
    turns: Vec<TurnSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TurnSpec {
    say: Option<String>,
    tap: Option<String>,
    class: Option<String>,
    #[serde(default)]
    contains: Many,
    #[serde(default)]
    any_of: Many,
    #[serde(default)]
    not_contains: Many,
    regex: Option<String>,
    intent: Option<String>,
    #[serde(default)]
    quick_replies: Many,
    no_reply: Option<bool>,
    effects: Option<EffectsSpec>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct EffectsSpec {
    card_locked: Option<String>,
    card_unlocked: Option<String>,
    consent: Option<String>,
    no_consent: Option<String>,
    link_removed: Option<bool>,
    handed_over: Option<bool>,
}

/// Stands in for Messenger's Page Inbox in conversations run with `people = true`: a person
/// is there to take the thread (the handover itself is recorded in the session).
#[derive(Debug, Clone, Copy)]
struct PageInbox;

#[async_trait::async_trait]
impl ThreadControl for PageInbox {
    async fn pass_to_human(&self, _user: &UserId) -> Result<(), RuntimeError> {
        Ok(())
    }
}

/// One conversation, ready to run.
struct Conversation {
    file: PathBuf,
    name: String,
    customer: Option<String>,
    password: String,
    fixtures: Option<PathBuf>,
    class: String,
    lang: String,
    now: String,
    /// A person can take over (a Page Inbox is configured).
    people: bool,
    /// No session before the first turn (see the module's `fresh`).
    fresh: bool,
    turns: Vec<TurnSpec>,
}

/// What one turn did wrong.
struct TurnFailure {
    index: usize,
    input: String,
    problems: Vec<String>,
    got: String,
}

struct ConversationResult {
    failures: Vec<TurnFailure>,
    /// (customer's turn, bot's answer) per turn, for `--verbose`.
    transcript: Vec<(String, String)>,
    /// (class, passed) per turn.
    turns: Vec<(String, bool)>,
    setup_error: Option<String>,
}

/// Runs the conversation files and prints a report; fails when a conversation fails.
pub fn run(args: TestArgs) -> CliResult {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("tests/conversations")]
    } else {
        args.paths.clone()
    };
    let mut files = Vec::new();
    for path in &paths {
        collect_files(path, &mut files)?;
    }
    if files.is_empty() {
        return Err(CliError::new(format!(
            "no conversation files (*.toml) under {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let default_now = std::env::var("BANKBOT_NOW")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_NOW.to_owned());
    let mut conversations = Vec::new();
    for file in &files {
        conversations.extend(load_file(file, &default_now)?);
    }
    let base = local_config(None)?;
    let engine =
        Arc::new(Engine::load_dir(&intents_dir(&base)).map_err(|e| CliError::new(e.to_string()))?);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::new(format!("cannot start the async runtime: {e}")))?;
    let mut report = Report::default();
    for (n, conv) in conversations.iter().enumerate() {
        let result = runtime.block_on(run_conversation(conv, n, engine.clone()));
        report.add(conv, &result, args.verbose);
    }
    if let Some(path) = &args.junit {
        std::fs::write(path, report.junit())
            .map_err(|e| CliError::new(format!("cannot write {}: {e}", path.display())))?;
    }
    report.summary();
    if report.failed > 0 {
        return Err(CliError::new(format!(
            "{} conversation(s) failed",
            report.failed
        )));
    }
    Ok(())
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), CliError> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            if entry.is_dir() || entry.extension().is_some_and(|x| x == "toml") {
                collect_files(&entry, out)?;
            }
        }
        Ok(())
    } else if path.is_file() {
        out.push(path.to_path_buf());
        Ok(())
    } else {
        Err(CliError::new(format!(
            "{}: no such file or folder",
            path.display()
        )))
    }
}

fn load_file(path: &Path, default_now: &str) -> Result<Vec<Conversation>, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
    let spec: FileSpec =
        toml::from_str(&text).map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for c in spec.conversations {
        for (i, t) in c.turns.iter().enumerate() {
            if t.say.is_some() == t.tap.is_some() {
                return Err(CliError::new(format!(
                    "{}: conversation \"{}\", turn {}: give exactly one of `say` or `tap`",
                    path.display(),
                    c.name,
                    i + 1
                )));
            }
            if let Some(re) = &t.regex {
                regex::Regex::new(re).map_err(|e| {
                    CliError::new(format!("{}: \"{}\": regex: {e}", path.display(), c.name))
                })?;
            }
        }
        let customer = c
            .customer
            .or_else(|| spec.customer.clone())
            .filter(|who| !matches!(who.as_str(), "guest" | "unlinked" | ""));
        let lang =
            c.lang
                .or_else(|| spec.lang.clone())
                .unwrap_or_else(|| match customer.as_deref() {
                    Some("bob") => "fr".to_owned(),
                    _ => "en".to_owned(),
                });
        out.push(Conversation {
            file: path.to_path_buf(),
            name: c.name,
            customer,
            password: c.password.unwrap_or_else(|| "demo".to_owned()),
            fixtures: c
                .fixtures
                .or_else(|| spec.fixtures.clone())
                .map(|f| dir.join(f)),
            class: c
                .class
                .or_else(|| spec.class.clone())
                .unwrap_or_else(|| "general".to_owned()),
            lang,
            now: c
                .now
                .or_else(|| spec.now.clone())
                .unwrap_or_else(|| default_now.to_owned()),
            people: c.people.or(spec.people).unwrap_or(false),
            fresh: c.fresh.or(spec.fresh).unwrap_or(false),
            turns: c.turns,
        });
    }
    Ok(out)
}

async fn run_conversation(
    conv: &Conversation,
    n: usize,
    engine: Arc<Engine>,
) -> ConversationResult {
    let mut result = ConversationResult {
        failures: Vec::new(),
        transcript: Vec::new(),
        turns: Vec::new(),
        setup_error: None,
    };
    let setup = async {
        let mut config = local_config(None)?;
        config.store.url = Some("sqlite::memory:".to_owned());
        config.bank.kind = "demo".to_owned();
        config.bank.fixtures.clone_from(&conv.fixtures);
        let clock = FixedClock::parse(&conv.now)
            .map_err(|e| CliError::new(format!("now = \"{}\": {e}", conv.now)))?;
        let clock: Arc<dyn Clock> = Arc::new(clock);
        let humans: Arc<dyn ThreadControl> = if conv.people {
            Arc::new(PageInbox)
        } else {
            Arc::new(NoHumans)
        };
        let (bot, linking, _) =
            build_bot_with_engine(&config, clock, humans, None, Vec::new(), engine)
                .await
                .map_err(|e| CliError::new(e.to_string()))?;
        let user = UserId::new(format!("conversation-test-{n}"));
        // The customer's language, as Messenger's locale or an earlier message gives it.
        let lang = match conv.lang.as_str() {
            "fr" => bankbot_core::Lang::Fr,
            _ => bankbot_core::Lang::En,
        };
        let doc = SessionDoc {
            lang: Some(lang),
            ..SessionDoc::default()
        };
        let now = bot.services().clock.now();
        if !conv.fresh {
            bot.store()
                .save_session(
                    &user,
                    &doc.to_json(),
                    now,
                    now + chrono::Duration::hours(24),
                )
                .await
                .map_err(|e| CliError::new(e.to_string()))?;
        }
        let mut customer = None;
        if let Some(login) = &conv.customer {
            sign_in(&bot, linking.as_ref(), &user, login, &conv.password).await?;
            customer = bot
                .store()
                .link(&user)
                .await
                .map_err(|e| CliError::new(e.to_string()))?
                .map(|l| {
                    CustomerCredential::new(
                        l.customer.clone(),
                        Credential::new(l.credential.expose()),
                    )
                });
        }
        if conv.fresh {
            // Linked, and nothing else known: the first message opens the conversation.
            bot.store()
                .delete_session(&user)
                .await
                .map_err(|e| CliError::new(e.to_string()))?;
        }
        Ok::<_, CliError>((bot, user, customer))
    };
    let (bot, user, customer) = match setup.await {
        Ok(parts) => parts,
        Err(err) => {
            result.setup_error = Some(err.to_string());
            return result;
        }
    };
    let mut last: Vec<Reply> = Vec::new();
    for (i, turn) in conv.turns.iter().enumerate() {
        let class = turn.class.clone().unwrap_or_else(|| conv.class.clone());
        let mut problems = Vec::new();
        let (input, event) = match (&turn.say, &turn.tap) {
            (Some(text), _) => (
                text.clone(),
                Some(UserEvent::Message {
                    text: text.clone(),
                    quick_reply: None,
                }),
            ),
            (_, Some(tap)) => {
                let event = tap_event(&last, tap);
                if event.is_none() {
                    problems.push(format!(
                        "a choice \"{tap}\" to tap (offered: {})",
                        offered(&last).join(", ")
                    ));
                }
                (format!("[tap] {tap}"), event)
            }
            _ => continue,
        };
        let mut got = String::new();
        if let Some(event) = event {
            match bot.handle(&user, &event).await {
                Ok(replies) => last = replies,
                Err(err) => {
                    problems.push(format!("an answer (the turn failed: {err})"));
                    last = Vec::new();
                }
            }
            let session = bot
                .store()
                .load_session(&user, bot.services().clock.now())
                .await
                .ok()
                .flatten()
                .map(|s| SessionDoc::from_json(s.doc));
            got = render(&last);
            let intent = session
                .as_ref()
                .and_then(|s| s.dialog.turn_intent)
                .map(|i| i.as_str().to_owned());
            check_text(turn, &last, &got, intent.as_deref(), &mut problems);
            if let Some(effects) = &turn.effects {
                check_effects(
                    effects,
                    &bot,
                    &user,
                    customer.as_ref(),
                    session.as_ref(),
                    &mut problems,
                )
                .await;
            }
            if let Some(intent) = &intent {
                let _ = write!(got, "  [intent {intent}]");
            }
        }
        result.turns.push((class, problems.is_empty()));
        result.transcript.push((input.clone(), got.clone()));
        if !problems.is_empty() {
            result.failures.push(TurnFailure {
                index: i + 1,
                input,
                problems,
                got,
            });
        }
    }
    result
}

/// The event a tap sends: a quick reply or button of the last answer matched by title
/// (case-insensitive) or payload; a bare payload (`YES`, `INTENT:balance`) is sent as is.
fn tap_event(last: &[Reply], tap: &str) -> Option<UserEvent> {
    let same = |a: &str| a.eq_ignore_ascii_case(tap) || a.to_lowercase() == tap.to_lowercase();
    for reply in last {
        match reply {
            Reply::Text { quick_replies, .. } => {
                if let Some(q) = quick_replies
                    .iter()
                    .find(|q| same(&q.title) || q.payload == tap)
                {
                    return Some(UserEvent::Message {
                        text: q.title.clone(),
                        quick_reply: Some(q.payload.clone()),
                    });
                }
            }
            Reply::Buttons { buttons, .. } => {
                if let Some(p) = postback(buttons, tap, &same) {
                    return Some(p);
                }
            }
            Reply::Cards { cards } => {
                for card in cards {
                    if let Some(p) = postback(&card.buttons, tap, &same) {
                        return Some(p);
                    }
                }
            }
            _ => {}
        }
    }
    let looks_like_payload = tap
        .chars()
        .all(|c| c.is_ascii_uppercase() || c == '_' || c == ':')
        || tap.starts_with("INTENT:");
    looks_like_payload.then(|| UserEvent::Postback {
        payload: tap.to_owned(),
    })
}

fn postback(buttons: &[Button], tap: &str, same: &dyn Fn(&str) -> bool) -> Option<UserEvent> {
    buttons.iter().find_map(|b| match b {
        Button::Postback { title, payload } if same(title) || payload == tap => {
            Some(UserEvent::Postback {
                payload: payload.clone(),
            })
        }
        _ => None,
    })
}

/// The titles of the choices offered by `replies`.
fn offered(replies: &[Reply]) -> Vec<String> {
    let mut out = Vec::new();
    for reply in replies {
        match reply {
            Reply::Text { quick_replies, .. } => {
                out.extend(quick_replies.iter().map(|q| q.title.clone()));
            }
            Reply::Buttons { buttons, .. } => out.extend(buttons.iter().map(button_title)),
            Reply::Cards { cards } => {
                for card in cards {
                    out.extend(card.buttons.iter().map(button_title));
                }
            }
            _ => {}
        }
    }
    out
}

fn button_title(b: &Button) -> String {
    match b {
        Button::Postback { title, .. } | Button::WebUrl { title, .. } => title.clone(),
        Button::AccountLink { .. } => "[link account]".to_owned(),
        Button::AccountUnlink => "[unlink account]".to_owned(),
    }
}

/// Every text of the answer, one line each, choices in brackets.
fn render(replies: &[Reply]) -> String {
    let mut lines = Vec::new();
    for reply in replies {
        match reply {
            Reply::Text { text, .. } | Reply::Buttons { text, .. } => lines.push(text.clone()),
            Reply::Cards { cards } => {
                for card in cards {
                    lines.push(match &card.subtitle {
                        Some(s) => format!("{} — {s}", card.title),
                        None => card.title.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    let choices = offered(replies);
    if !choices.is_empty() {
        lines.push(format!("[{}]", choices.join("] [")));
    }
    lines.join("\n")
}

/// Lower case; a narrow or no-break space reads as a space unless `exact`.
fn fold(text: &str, exact: bool) -> String {
    let lower = text.to_lowercase().replace('’', "'");
    if exact {
        lower
    } else {
        lower.replace(['\u{202f}', '\u{a0}'], " ")
    }
}

fn has(haystack: &str, needle: &str) -> bool {
    let exact = needle.contains(['\u{202f}', '\u{a0}']);
    fold(haystack, exact).contains(&fold(needle, exact))
}

fn check_text(
    turn: &TurnSpec,
    replies: &[Reply],
    got: &str,
    intent: Option<&str>,
    problems: &mut Vec<String>,
) {
    for needle in turn.contains.items() {
        if !has(got, needle) {
            problems.push(format!("text containing \"{needle}\""));
        }
    }
    let any = turn.any_of.items();
    if !any.is_empty() && !any.iter().any(|n| has(got, n)) {
        problems.push(format!(
            "text containing one of \"{}\"",
            any.join("\" | \"")
        ));
    }
    for needle in turn.not_contains.items() {
        if has(got, needle) {
            problems.push(format!("text without \"{needle}\""));
        }
    }
    if let Some(re) = &turn.regex
        && let Ok(re) = regex::Regex::new(re)
        && !re.is_match(got)
    {
        problems.push(format!("text matching /{re}/"));
    }
    if let Some(want) = &turn.intent
        && intent != Some(want.as_str())
    {
        problems.push(format!("intent {want}"));
    }
    let choices = offered(replies);
    for want in turn.quick_replies.items() {
        if !choices.iter().any(|c| has(c, want)) {
            problems.push(format!("a choice \"{want}\""));
        }
    }
    match turn.no_reply {
        Some(true) if !replies.is_empty() => problems.push("no answer".to_owned()),
        Some(false) if replies.is_empty() => problems.push("an answer".to_owned()),
        _ => {}
    }
    if turn.no_reply.is_none() && replies.is_empty() {
        problems.push("an answer (the bot said nothing)".to_owned());
    }
}

async fn check_effects(
    want: &EffectsSpec,
    bot: &Bot,
    user: &UserId,
    customer: Option<&CustomerCredential>,
    session: Option<&SessionDoc>,
    problems: &mut Vec<String>,
) {
    for (last4, locked) in [(&want.card_locked, true), (&want.card_unlocked, false)] {
        let Some(last4) = last4 else { continue };
        let cards = match customer {
            Some(c) => bot.services().cards.cards(c).await.unwrap_or_default(),
            None => Vec::new(),
        };
        match cards
            .iter()
            .find(|c| c.last4.digits().ends_with(last4.as_str()))
        {
            Some(card) if card.locked == locked => {}
            Some(_) => problems.push(format!(
                "card ••{last4} {}",
                if locked { "locked" } else { "unlocked" }
            )),
            None => problems.push(format!("a card ••{last4}")),
        }
    }
    let consents = bot.store().current_consents(user).await.unwrap_or_default();
    for (kind, granted) in [(&want.consent, true), (&want.no_consent, false)] {
        let Some(kind) = kind else { continue };
        if !consents
            .iter()
            .any(|c| c.topic == *kind && c.granted == granted)
        {
            problems.push(format!(
                "consent {} recorded for {kind}",
                if granted { "given" } else { "withdrawn" }
            ));
        }
    }
    if let Some(removed) = want.link_removed {
        let linked = bot.store().link(user).await.ok().flatten().is_some();
        if linked == removed {
            problems.push(format!(
                "the account link {}",
                if removed { "removed" } else { "kept" }
            ));
        }
    }
    if let Some(handed) = want.handed_over
        && session.is_some_and(|s| s.handed_over) != handed
    {
        problems.push(format!(
            "the thread {}",
            if handed {
                "handed to a person"
            } else {
                "kept by the bot"
            }
        ));
    }
}

/// Counts and the lines for the JUnit report.
#[derive(Default)]
struct Report {
    passed: usize,
    failed: usize,
    /// class → (passed turns, turns)
    classes: BTreeMap<String, (usize, usize)>,
    /// lang → (passed turns, turns)
    langs: BTreeMap<String, (usize, usize)>,
    /// file → (name, turns, failure text)
    cases: BTreeMap<PathBuf, Vec<(String, usize, Option<String>)>>,
}

impl Report {
    fn add(&mut self, conv: &Conversation, result: &ConversationResult, verbose: bool) {
        let ok = result.setup_error.is_none() && result.failures.is_empty();
        let label = format!("{}: {}", conv.file.display(), conv.name);
        let mut detail = String::new();
        if let Some(err) = &result.setup_error {
            let _ = writeln!(detail, "      could not start: {err}");
        }
        for f in &result.failures {
            let _ = writeln!(detail, "      turn {}: {}", f.index, f.input);
            for p in &f.problems {
                let _ = writeln!(detail, "        expected: {p}");
            }
            for (i, line) in f.got.lines().enumerate() {
                let head = if i == 0 { "got:" } else { "    " };
                let _ = writeln!(detail, "        {head}      {line}");
            }
        }
        if ok {
            self.passed += 1;
            println!("PASS  {label} ({} turns)", conv.turns.len());
        } else {
            self.failed += 1;
            println!("FAIL  {label}");
            print!("{detail}");
        }
        if verbose {
            for (i, (said, got)) in result.transcript.iter().enumerate() {
                println!("      {}> {said}", i + 1);
                for line in got.lines() {
                    println!("         {line}");
                }
            }
        }
        for (class, pass) in &result.turns {
            let c = self.classes.entry(class.clone()).or_default();
            c.1 += 1;
            c.0 += usize::from(*pass);
            let l = self.langs.entry(conv.lang.clone()).or_default();
            l.1 += 1;
            l.0 += usize::from(*pass);
        }
        self.cases.entry(conv.file.clone()).or_default().push((
            conv.name.clone(),
            conv.turns.len(),
            (!ok).then_some(detail),
        ));
    }

    fn summary(&self) {
        let line = |(name, (pass, all)): (&String, &(usize, usize))| format!("{name} {pass}/{all}");
        let turns: (usize, usize) = self
            .langs
            .values()
            .fold((0, 0), |acc, v| (acc.0 + v.0, acc.1 + v.1));
        println!();
        println!("turns passed: {}/{}", turns.0, turns.1);
        println!(
            "by language:  {}",
            self.langs.iter().map(line).collect::<Vec<_>>().join(", ")
        );
        println!(
            "by class:     {}",
            self.classes.iter().map(line).collect::<Vec<_>>().join(", ")
        );
        println!("{} passed, {} failed", self.passed, self.failed);
    }

    fn junit(&self) -> String {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            xml,
            "<testsuites name=\"bankbot test\" tests=\"{}\" failures=\"{}\">",
            self.passed + self.failed,
            self.failed
        );
        for (file, cases) in &self.cases {
            let failures = cases.iter().filter(|c| c.2.is_some()).count();
            let _ = writeln!(
                xml,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">",
                escape(&file.display().to_string()),
                cases.len()
            );
            for (name, turns, failure) in cases {
                let _ = write!(
                    xml,
                    "    <testcase classname=\"{}\" name=\"{}\" assertions=\"{turns}\"",
                    escape(&file.display().to_string()),
                    escape(name)
                );
                match failure {
                    None => xml.push_str("/>\n"),
                    Some(text) => {
                        let first = text.lines().next().unwrap_or("").trim();
                        let _ = writeln!(
                            xml,
                            ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>",
                            escape(first),
                            escape(text)
                        );
                    }
                }
            }
            xml.push_str("  </testsuite>\n");
        }
        xml.push_str("</testsuites>\n");
        xml
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_in_amounts_match_unless_exact() {
        assert!(has("1\u{202f}234,56 €", "1 234,56 €"));
        assert!(has("1\u{202f}234,56 €", "1\u{202f}234,56"));
        assert!(!has("1 234,56 €", "1\u{202f}234,56"));
        assert!(has("Your Balance", "balance"));
    }

    #[test]
    fn junit_escapes() {
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
