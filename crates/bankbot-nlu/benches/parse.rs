//! `Engine::parse` on realistic utterances with the repository's intents.
//! Run: `cargo bench -p bankbot-nlu --bench parse -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::Path;

use bankbot_nlu::Engine;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

/// Realistic messages, English and French, short and long.
pub const UTTERANCES: &[&str] = &[
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
            i = (i + 1) % UTTERANCES.len();
            black_box(engine.parse(
                black_box(UTTERANCES.get(i).copied().unwrap_or("")),
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
