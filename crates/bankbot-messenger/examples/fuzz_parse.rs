//! Mutation fuzzing of the webhook parser: feeds N mutated fixture bodies to `parse_body`
//! and counts panics (there must be none).
//!
//! `cargo run --release -p bankbot-messenger --example fuzz_parse -- 1000000 [seed]`
//!
//! Half of the inputs are byte-level mutations (flip, insert, delete, duplicate, splice
//! between fixtures); the other half are structure-aware (a JSON value of the fixture is
//! replaced by a value of another type, a key is renamed, removed, or duplicated, the
//! tree is wrapped in arrays, ids and timestamps become strings, floats or huge numbers).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use bankbot_messenger::{ParseOptions, parse_body};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0x5eed);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut corpus: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| !e.file_name().to_string_lossy().starts_with("f19"))
                .filter_map(|e| std::fs::read(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    corpus.sort();
    if corpus.is_empty() {
        eprintln!("no fixtures found in {dir}");
        std::process::exit(2);
    }
    let trees: Vec<Value> = corpus
        .iter()
        .filter_map(|b| serde_json::from_slice(b).ok())
        .collect();
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = StdRng::seed_from_u64(seed);
    let opts = ParseOptions::default();
    let (mut panics, mut events, mut ok_bodies) = (0u64, 0u64, 0u64);
    let start = Instant::now();
    for i in 0..n {
        let input = if i % 2 == 0 || trees.is_empty() {
            mutate_bytes(&corpus, &mut rng)
        } else {
            let mut v = trees[rng.random_range(0..trees.len())].clone();
            for _ in 0..rng.random_range(1..4) {
                mutate_value(&mut v, &mut rng, 0);
            }
            serde_json::to_vec(&v).unwrap_or_default()
        };
        match catch_unwind(AssertUnwindSafe(|| parse_body(&input, &opts))) {
            Ok(Ok(evs)) => {
                ok_bodies += 1;
                events += evs.len() as u64;
            }
            Ok(Err(_)) => {}
            Err(_) => {
                panics += 1;
                eprintln!("PANIC on input: {}", String::from_utf8_lossy(&input));
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz_parse: {n} inputs (seed {seed}), {ok_bodies} parsed as page bodies, \
         {events} events, {panics} panics, {secs:.1} s"
    );
    if panics > 0 {
        std::process::exit(1);
    }
}

fn mutate_bytes(corpus: &[Vec<u8>], rng: &mut StdRng) -> Vec<u8> {
    const ALPHABET: &[u8] = b"{}[]\":,0123456789-.eE truefalsnl\\u00e9/";
    let mut b = corpus[rng.random_range(0..corpus.len())].clone();
    for _ in 0..rng.random_range(1..6) {
        if b.is_empty() {
            b.push(b'{');
        }
        let at = rng.random_range(0..b.len());
        match rng.random_range(0..6) {
            0 => b[at] ^= 1 << rng.random_range(0..8),
            1 => b.insert(at, ALPHABET[rng.random_range(0..ALPHABET.len())]),
            2 => {
                let end = (at + rng.random_range(1..32)).min(b.len());
                b.drain(at..end);
            }
            3 => {
                let end = (at + rng.random_range(1..64)).min(b.len());
                let chunk = b[at..end].to_vec();
                let to = rng.random_range(0..=b.len());
                b.splice(to..to, chunk);
            }
            4 => {
                let other = &corpus[rng.random_range(0..corpus.len())];
                let from = rng.random_range(0..other.len());
                let end = (from + rng.random_range(1..128)).min(other.len());
                b.splice(at..at, other[from..end].iter().copied());
            }
            _ => b.truncate(at),
        }
    }
    b
}

fn mutate_value(v: &mut Value, rng: &mut StdRng, depth: usize) {
    // Keep most envelopes addressed to a page so the event-level code is exercised.
    if depth == 0
        && rng.random_bool(0.9)
        && let Some(entry) = v.get_mut("entry")
    {
        return mutate_value(entry, rng, 1);
    }
    let descend = depth < 12 && rng.random_bool(0.8);
    match v {
        Value::Object(map) if descend && !map.is_empty() => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = &keys[rng.random_range(0..keys.len())];
            match rng.random_range(0..10) {
                0 => {
                    map.remove(key);
                }
                1 => {
                    if let Some(x) = map.remove(key) {
                        map.insert(format!("{key}_x"), x);
                    }
                }
                2 => {
                    let kinds = [
                        "message",
                        "postback",
                        "read",
                        "delivery",
                        "optin",
                        "app_roles",
                    ];
                    map.insert(
                        kinds[rng.random_range(0..kinds.len())].into(),
                        random_value(rng),
                    );
                }
                _ => {
                    if let Some(child) = map.get_mut(key) {
                        mutate_value(child, rng, depth + 1);
                    }
                }
            }
        }
        Value::Array(items) if descend && !items.is_empty() => {
            let i = rng.random_range(0..items.len());
            match rng.random_range(0..6) {
                0 => {
                    let dup = items[i].clone();
                    items.push(dup);
                }
                1 => {
                    items.remove(i);
                }
                _ => mutate_value(&mut items[i], rng, depth + 1),
            }
        }
        _ => *v = random_value(rng),
    }
}

fn random_value(rng: &mut StdRng) -> Value {
    match rng.random_range(0..12) {
        0 => Value::Null,
        1 => json!(rng.random_bool(0.5)),
        2 => json!(rng.random::<i64>()),
        3 => json!(rng.random::<u64>()),
        4 => json!(rng.random::<f64>() * 1e20 - 5e19),
        5 => json!("1718000001"),
        6 => json!("not a number"),
        7 => json!([1, "two", null, {"id": 3}]),
        8 => json!({"id": rng.random::<u32>(), "mid": "m_x", "text": "é/\u{0}"}),
        9 => json!({"watermark": "-1", "mids": "nope"}),
        10 => json!("\u{1F44D}"),
        _ => json!({}),
    }
}
