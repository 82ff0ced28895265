//! Held-out accuracy with the repository's intents: `tests/data/heldout-{en,fr}.tsv`
//! (`intent<TAB>utterance`), never used for training, and `heldout-blind-{en,fr}.tsv`,
//! written from the intent descriptions alone by someone who never saw the training
//! examples or the engine. Each must reach 95 % per locale.

use std::path::{Path, PathBuf};

use bankbot_nlu::{Engine, IntentId, Lang};
use chrono::NaiveDate;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn score(engine: &Engine, file: &str, lang: Lang) -> (usize, usize, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let (mut ok, mut total, mut errors) = (0, 0, Vec::new());
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (intent, text) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{file}:{}: no tab", n + 1));
        let want: IntentId = intent
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{file}:{}: bad intent", n + 1));
        let got = engine.parse(text, now, Some(lang));
        total += 1;
        if got.intent == want {
            ok += 1;
        } else {
            errors.push(format!(
                "{file}:{}: want {want}, got {} ({:.2}, {}): {text}",
                n + 1,
                got.intent,
                got.confidence,
                got.lang
            ));
        }
    }
    (ok, total, errors)
}

#[test]
fn heldout_accuracy_is_at_least_95_percent() {
    let engine = Engine::load_dir(&repo().join("intents")).expect("repository intents load");
    let mut failed = false;
    for (file, lang) in [
        ("heldout-en.tsv", Lang::En),
        ("heldout-fr.tsv", Lang::Fr),
        ("heldout-blind-en.tsv", Lang::En),
        ("heldout-blind-fr.tsv", Lang::Fr),
    ] {
        let (ok, total, errors) = score(&engine, file, lang);
        let acc = 100.0 * ok as f64 / total.max(1) as f64;
        println!("{file}: {ok}/{total} = {acc:.1} %");
        for e in &errors {
            println!("  {e}");
        }
        assert!(total > 0, "{file} is empty");
        failed |= acc < 95.0;
    }
    assert!(!failed, "held-out accuracy below 95 %");
}
