//! `Engine::parse` on realistic utterances with the repository's intents.
//! Run: `cargo bench -p bankbot-nlu --bench parse -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::Path;

use bankbot_nlu::Engine;
use bankbot_nlu::eval::REALISTIC_UTTERANCES;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../intents");
    let engine = match Engine::load_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("skipped: cannot load {}: {e}", dir.display());
            return;
        }
    };
    let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    let mut i = 0usize;
    c.bench_function("parse/realistic_utterance", |b| {
        b.iter(|| {
            i = (i + 1) % REALISTIC_UTTERANCES.len();
            black_box(engine.parse(
                black_box(REALISTIC_UTTERANCES.get(i).copied().unwrap_or("")),
                now,
                None,
            ))
        })
    });
    c.bench_function("parse/long_rambling", |b| {
        let long = "hello there i was wondering if you could maybe tell me how much money i spent at starbucks and \
                    other coffee places over the last 30 days because i think it is way too much honestly";
        b.iter(|| black_box(engine.parse(black_box(long), now, None)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
