//! `Engine::parse` for profilers and before/after comparisons, with the repository's
//! intents (`intents/`), the day fixed at 2026-11-29.
//!
//! - `run ROUNDS [FILE]`: parses the realistic utterances (or FILE's lines) untimed to
//!   warm the regex caches (20 rounds of the utterances, one of a file), then ROUNDS times
//!   inside `timed_parses`, which callgrind can count alone:
//!   `valgrind --tool=callgrind --toggle-collect='*timed_parses*'
//!   target/release/examples/parse_profile run 50`.
//! - `dump FILE`: each line parsed with no locale hint, then English, then French, one
//!   `IntentMatch` per line, to `diff` the engine's answers before and after a change.
//! - `latency`: what `bankbot nlu eval --parse-latency` prints, without the CLI.
//!
//! Not a benchmark (criterion's `benches/parse.rs` is): it prints no time but `latency`'s.

use std::path::Path;
use std::process::ExitCode;

use bankbot_nlu::eval::{REALISTIC_UTTERANCES, parse_latency};
use bankbot_nlu::{Engine, Lang};
use chrono::NaiveDate;

/// Parses every line `rounds` times; returns a checksum so nothing is optimised away.
#[inline(never)]
fn timed_parses(engine: &Engine, lines: &[&str], rounds: usize, now: NaiveDate) -> usize {
    let mut sum = 0;
    for _ in 0..rounds {
        for line in lines {
            let m = engine.parse(std::hint::black_box(line), now, None);
            sum += m.intent.as_str().len() + m.slots.merchant.map_or(0, |s| s.len());
        }
    }
    sum
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../intents");
    let engine = match Engine::load_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("cannot load {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let Some(now) = NaiveDate::from_ymd_opt(2026, 11, 29) else {
        return ExitCode::FAILURE;
    };
    let read = |path: &String| match std::fs::read_to_string(path) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            None
        }
    };
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["run", rounds, rest @ ..] => {
            let Ok(rounds) = rounds.parse::<usize>() else {
                eprintln!("ROUNDS is a number");
                return ExitCode::FAILURE;
            };
            let file = match args.get(2) {
                Some(path) => match read(path) {
                    Some(s) => s,
                    None => return ExitCode::FAILURE,
                },
                None => String::new(),
            };
            let lines: Vec<&str> = if rest.is_empty() {
                REALISTIC_UTTERANCES.to_vec()
            } else {
                file.lines().collect()
            };
            let warm_rounds = if rest.is_empty() { 20 } else { 1 };
            std::hint::black_box(warm_up(&engine, &lines, warm_rounds, now));
            println!("{}", timed_parses(&engine, &lines, rounds, now));
        }
        ["dump", _] => {
            let Some(file) = args.get(1).and_then(read) else {
                return ExitCode::FAILURE;
            };
            for line in file.lines() {
                for hint in [None, Some(Lang::En), Some(Lang::Fr)] {
                    println!("{line}\t{hint:?}\t{:?}", engine.parse(line, now, hint));
                }
            }
        }
        ["latency"] => println!("{:?}", parse_latency(&engine, REALISTIC_UTTERANCES, 200)),
        _ => {
            eprintln!("usage: parse_profile run ROUNDS [FILE] | dump FILE | latency");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Untimed rounds, so the regexes' lazily built states are in place before counting.
#[inline(never)]
fn warm_up(engine: &Engine, lines: &[&str], rounds: usize, now: NaiveDate) -> usize {
    let mut sum = 0;
    for _ in 0..rounds {
        for line in lines {
            sum += engine.parse(line, now, None).intent.as_str().len();
        }
    }
    sum
}
