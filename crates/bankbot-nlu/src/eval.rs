//! Benchmarks on public data sets: CLINC150 (`data_full.json`) and BANKING77 (CSV).
//! The caller reads the files; this module trains, tunes, tests and times.

use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::Engine;
use crate::classifier::{Classifier, TrainConfig};

/// CLINC150 in its published JSON layout: lists of `[text, label]`.
#[derive(Debug, Clone, Deserialize)]
pub struct ClincData {
    /// In-scope training examples.
    pub train: Vec<(String, String)>,
    /// In-scope validation examples.
    pub val: Vec<(String, String)>,
    /// In-scope test examples.
    pub test: Vec<(String, String)>,
    /// Out-of-scope training examples.
    pub oos_train: Vec<(String, String)>,
    /// Out-of-scope validation examples.
    pub oos_val: Vec<(String, String)>,
    /// Out-of-scope test examples.
    pub oos_test: Vec<(String, String)>,
}

/// Results on CLINC150.
#[derive(Debug, Clone, Serialize)]
pub struct ClincReport {
    /// Share of in-scope test queries given their right intent, percent.
    pub in_scope_accuracy: f64,
    /// Share of out-of-scope test queries flagged out of scope, percent.
    pub oos_recall: f64,
    /// Threshold tuned on validation.
    pub threshold: f32,
    /// Training time, seconds (wall clock).
    pub training_seconds: f64,
    /// Training CPU time of the process, seconds (all threads; Linux only).
    pub training_cpu_seconds: Option<f64>,
    /// Median single-query prediction time, microseconds.
    pub latency_p50_us: f64,
    /// 99th percentile single-query prediction time, microseconds.
    pub latency_p99_us: f64,
    /// Training examples.
    pub train_examples: usize,
}

/// Results on BANKING77.
#[derive(Debug, Clone, Serialize)]
pub struct Banking77Report {
    /// Test accuracy, percent.
    pub accuracy: f64,
    /// Training time, seconds (wall clock).
    pub training_seconds: f64,
    /// Training CPU time of the process, seconds (all threads; Linux only).
    pub training_cpu_seconds: Option<f64>,
    /// Training examples.
    pub train_examples: usize,
    /// Test examples.
    pub test_examples: usize,
}

/// CPU time (user + system) this process used so far, from `/proc/self/stat` (Linux).
pub fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn cpu_since(start: Option<f64>) -> Option<f64> {
    Some(process_cpu_seconds()? - start?)
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(t, l)| (t.as_str(), l.as_str())).collect()
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    let pos = ((sorted.len().saturating_sub(1)) as f64 * q).round() as usize;
    sorted.get(pos).copied().unwrap_or(0.0)
}

/// The out-of-scope recall the CLINC threshold must reach on validation; among thresholds
/// that do, the one with the best in-scope validation accuracy is kept.
pub const TARGET_VAL_OOS_RECALL: f32 = 0.55;

/// Trains on train + oos_train, tunes the threshold on val + oos_val, reports on test + oos_test.
pub fn clinc(data: &ClincData, cfg: &TrainConfig) -> ClincReport {
    let mut train = pairs(&data.train);
    train.extend(pairs(&data.oos_train));
    let (started, cpu) = (Instant::now(), process_cpu_seconds());
    let mut clf = Classifier::train(&train, Some("oos"), cfg);
    let training_seconds = started.elapsed().as_secs_f64();
    let training_cpu_seconds = cpu_since(cpu);
    let mut val = pairs(&data.val);
    val.extend(pairs(&data.oos_val));
    let threshold = clf.tune_threshold(&val, TARGET_VAL_OOS_RECALL);
    let mut in_ok = 0usize;
    let mut latencies = Vec::with_capacity(data.test.len() + data.oos_test.len());
    let mut predict = |text: &str| {
        let t0 = Instant::now();
        let p = clf.predict(text);
        latencies.push(t0.elapsed().as_secs_f64() * 1e6);
        clf.labels().get(p.class).cloned().unwrap_or_default()
    };
    for (text, label) in &data.test {
        if predict(text) == *label {
            in_ok += 1;
        }
    }
    let oos_ok = data
        .oos_test
        .iter()
        .filter(|(text, _)| predict(text) == "oos")
        .count();
    latencies.sort_by(f64::total_cmp);
    ClincReport {
        in_scope_accuracy: 100.0 * in_ok as f64 / data.test.len().max(1) as f64,
        oos_recall: 100.0 * oos_ok as f64 / data.oos_test.len().max(1) as f64,
        threshold,
        training_seconds,
        training_cpu_seconds,
        latency_p50_us: percentile(&latencies, 0.5),
        latency_p99_us: percentile(&latencies, 0.99),
        train_examples: train.len(),
    }
}

/// Single-query latency of [`Engine::parse`].
#[derive(Debug, Clone, Serialize)]
pub struct LatencyReport {
    /// Queries timed.
    pub queries: usize,
    /// Median, microseconds.
    pub p50_us: f64,
    /// 99th percentile, microseconds.
    pub p99_us: f64,
}

/// Realistic customer messages, English and French, short and long: what the parse
/// benchmark and `bankbot nlu eval --parse-latency` time.
pub const REALISTIC_UTTERANCES: &[&str] = &[
    "what's my balance",
    "savings balance pls",
    "did uber charge me last month",
    "show me my last 5 transactions over $100",
    "how much did i spend on groceries in October",
    "atm near Union Square",
    "i lost my card, please freeze it right now",
    "someone used my card in another country i didnt do that",
    "can i talk to a real person",
    "hi",
    "thanks a lot",
    "asdfghjkl",
    "quel est mon solde",
    "distributeur le plus proche de 75011",
    "combien j'ai dépensé en courses le mois dernier",
    "mes 3 dernières opérations chez Carrefour",
    "bloquer ma carte svp",
    "je veux supprimer toutes mes données",
    "merci beaucoup, bonne journée",
    "what's the weather like in Lyon tomorrow",
];

/// Times `engine.parse` once per utterance, `rounds` times over (after one warm-up round).
pub fn parse_latency(engine: &Engine, utterances: &[&str], rounds: usize) -> LatencyReport {
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    for u in utterances {
        std::hint::black_box(engine.parse(u, now, None));
    }
    let mut times = Vec::with_capacity(utterances.len() * rounds);
    for _ in 0..rounds {
        for u in utterances {
            let t0 = Instant::now();
            std::hint::black_box(engine.parse(std::hint::black_box(u), now, None));
            times.push(t0.elapsed().as_secs_f64() * 1e6);
        }
    }
    times.sort_by(f64::total_cmp);
    LatencyReport {
        queries: times.len(),
        p50_us: percentile(&times, 0.5),
        p99_us: percentile(&times, 0.99),
    }
}

/// Parses BANKING77's `text,category` CSV (with a header and double-quoted fields).
pub fn parse_csv(src: &str) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            ('\n', false) => {
                fields.push(std::mem::take(&mut field));
                if let [text, label] = fields.as_slice() {
                    rows.push((text.clone(), label.trim_end_matches('\r').to_owned()));
                }
                fields.clear();
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        if let [text, label] = fields.as_slice() {
            rows.push((text.clone(), label.trim_end_matches('\r').to_owned()));
        }
    }
    if rows.first().is_some_and(|r| r.0 == "text") {
        rows.remove(0);
    }
    rows
}

/// Trains on `train`, reports accuracy on `test`.
pub fn banking77(
    train: &[(String, String)],
    test: &[(String, String)],
    cfg: &TrainConfig,
) -> Banking77Report {
    let (started, cpu) = (Instant::now(), process_cpu_seconds());
    let clf = Classifier::train(&pairs(train), None, cfg);
    let training_seconds = started.elapsed().as_secs_f64();
    let training_cpu_seconds = cpu_since(cpu);
    let ok = test
        .iter()
        .filter(|(text, label)| {
            clf.labels()
                .get(clf.predict(text).class)
                .is_some_and(|l| l == label)
        })
        .count();
    Banking77Report {
        accuracy: 100.0 * ok as f64 / test.len().max(1) as f64,
        training_seconds,
        training_cpu_seconds,
        train_examples: train.len(),
        test_examples: test.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_csv() {
        let rows = parse_csv("text,category\n\"a, \"\"b\"\"\",x\nplain,y\r\n");
        assert_eq!(
            rows,
            vec![
                ("a, \"b\"".to_owned(), "x".to_owned()),
                ("plain".to_owned(), "y".to_owned())
            ]
        );
    }
}
