//! `bankbot nlu parse` and `bankbot nlu eval`: the intent engine from the command line.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use bankbot_nlu::eval::{self, ClincData};
use bankbot_nlu::{Engine, TrainConfig};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::{CliError, CliResult};

/// `bankbot nlu ...`
#[derive(Debug, Args)]
pub struct NluArgs {
    #[command(subcommand)]
    command: NluCommand,
}

#[derive(Debug, Subcommand)]
enum NluCommand {
    /// Read one utterance per line on stdin, print one JSON object per line.
    Parse {
        /// The intents folder (default: ./intents, else the repository's).
        #[arg(long)]
        intents: Option<PathBuf>,
        /// The reference day for relative dates (default: today).
        #[arg(long)]
        now: Option<NaiveDate>,
    },
    /// Measure the classifier on CLINC150 and/or BANKING77; prints JSON.
    Eval {
        /// CLINC150 `data_full.json`.
        #[arg(long)]
        clinc: Option<PathBuf>,
        /// BANKING77 folder with train.csv and test.csv.
        #[arg(long)]
        banking77: Option<PathBuf>,
        /// Time `Engine::parse` (one query at a time) with the intents folder.
        #[arg(long)]
        parse_latency: bool,
        /// The intents folder for --parse-latency (default as for `parse`).
        #[arg(long)]
        intents: Option<PathBuf>,
    },
}

fn default_intents() -> PathBuf {
    let local = PathBuf::from("intents");
    if local.is_dir() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("intents")
    }
}

fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::new(format!("cannot read {}: {e}", path.display())))
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string(value).map_err(|e| CliError::new(e.to_string()))
}

/// Runs `bankbot nlu`.
pub fn run(args: NluArgs) -> CliResult {
    match args.command {
        NluCommand::Parse { intents, now } => parse(&intents.unwrap_or_else(default_intents), now),
        NluCommand::Eval {
            clinc,
            banking77,
            parse_latency,
            intents,
        } => {
            if clinc.is_none() && banking77.is_none() && !parse_latency {
                return Err(CliError::new(
                    "give --clinc PATH, --banking77 DIR and/or --parse-latency",
                ));
            }
            if parse_latency {
                let dir = intents.unwrap_or_else(default_intents);
                let started = std::time::Instant::now();
                let engine = Engine::load_dir(&dir).map_err(|e| CliError::new(e.to_string()))?;
                let load_seconds = started.elapsed().as_secs_f64();
                let report = eval::parse_latency(&engine, eval::REALISTIC_UTTERANCES, 200);
                let out = serde_json::json!({ "dataset": "intents", "load_seconds": load_seconds, "report": report });
                println!("{}", json(&out)?);
            }
            let cfg = TrainConfig::for_benchmarks();
            if let Some(path) = clinc {
                let data: ClincData = serde_json::from_str(&read(&path)?)
                    .map_err(|e| CliError::new(format!("{}: {e}", path.display())))?;
                let report = eval::clinc(&data, &cfg);
                println!(
                    "{}",
                    json(&serde_json::json!({ "dataset": "clinc150", "report": report }))?
                );
            }
            if let Some(dir) = banking77 {
                let train = eval::parse_csv(&read(&dir.join("train.csv"))?);
                let test = eval::parse_csv(&read(&dir.join("test.csv"))?);
                let report = eval::banking77(&train, &test, &cfg);
                println!(
                    "{}",
                    json(&serde_json::json!({ "dataset": "banking77", "report": report }))?
                );
            }
            Ok(())
        }
    }
}

/// One output line of `bankbot nlu parse`, fields in the documented order.
#[derive(serde::Serialize)]
struct ParseLine<'a> {
    text: &'a str,
    lang: bankbot_nlu::Lang,
    intent: bankbot_nlu::IntentId,
    confidence: f32,
    slots: &'a bankbot_nlu::Slots,
}

fn parse(dir: &Path, now: Option<NaiveDate>) -> CliResult {
    let engine = Engine::load_dir(dir).map_err(|e| CliError::new(e.to_string()))?;
    let now = now.unwrap_or_else(|| chrono::Local::now().date_naive());
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let mut text = line.map_err(|e| CliError::new(format!("stdin: {e}")))?;
        if text.ends_with('\r') {
            text.pop();
        }
        let m = engine.parse(&text, now, None);
        let obj = ParseLine {
            text: &text,
            lang: m.lang,
            intent: m.intent,
            confidence: m.confidence,
            slots: &m.slots,
        };
        writeln!(out, "{}", json(&obj)?).map_err(|e| CliError::new(format!("stdout: {e}")))?;
    }
    out.flush()
        .map_err(|e| CliError::new(format!("stdout: {e}")))
}
