//! Verify + parse of a typical one-event webhook POST (`tests/fixtures/signature_vector_body.bin`: 290 bytes).
//!
//! `cargo bench -p bankbot-messenger --bench verify_parse -- --warm-up-time 1 --measurement-time 3`
//!
//! Two measurements: criterion's wall-clock time, then this thread's CPU time per POST
//! (from `/proc/thread-self/schedstat`, Linux only). On a shared, overloaded machine the
//! wall-clock figure includes time spent waiting for a core; the CPU-time figure is the
//! cost per core, which is what the ≥ 200,000 per second per core target is about.

use std::hint::black_box;

use bankbot_messenger::signature::{SignatureVerifier, sign};
use bankbot_messenger::{ParseOptions, parse_body};
use criterion::measurement::Measurement;
use criterion::{Criterion, Throughput, criterion_group};

const SECRET: &str = "0123456789abcdef0123456789abcdef";

fn body() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/f16_body.bin"
    ))
    .unwrap_or_default()
}

fn run<M: Measurement>(c: &mut Criterion<M>, group: &str) {
    let body = body();
    let header = sign(SECRET, &body);
    let verifier = SignatureVerifier::new(SECRET, None);
    let opts = ParseOptions::default();
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(1));
    g.bench_function("verify_and_parse_one_event", |b| {
        b.iter(|| {
            let ok = verifier.verify(Some(black_box(header.as_bytes())), black_box(&body));
            let events = parse_body(black_box(&body), &opts);
            black_box((ok, events))
        })
    });
    g.bench_function("verify_only", |b| {
        b.iter(|| verifier.verify(Some(black_box(header.as_bytes())), black_box(&body)))
    });
    g.bench_function("parse_only", |b| {
        b.iter(|| parse_body(black_box(&body), &opts))
    });
    g.finish();
}

fn wall(c: &mut Criterion) {
    run(c, "webhook_wall");
}

/// This thread's CPU time in nanoseconds (Linux; updated at least once per scheduler tick).
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// CPU time per verify+parse, measured over ~2 s of work per run (so the tick granularity
/// of the CPU clock does not matter); median of 5 runs.
fn cpu_report() {
    let Some(_) = thread_cpu_ns() else {
        println!("skipped: /proc/thread-self/schedstat not readable");
        return;
    };
    let body = body();
    let header = sign(SECRET, &body);
    let verifier = SignatureVerifier::new(SECRET, None);
    let opts = ParseOptions::default();
    let mut per_op = Vec::new();
    for _ in 0..5 {
        let (start, wall) = (thread_cpu_ns().unwrap_or(0), std::time::Instant::now());
        let mut n = 0u64;
        while wall.elapsed().as_millis() < 2000 {
            for _ in 0..1000 {
                let ok = verifier.verify(Some(black_box(header.as_bytes())), black_box(&body));
                let _ = black_box((ok, parse_body(black_box(&body), &opts)));
            }
            n += 1000;
        }
        let cpu = thread_cpu_ns().unwrap_or(0).saturating_sub(start);
        per_op.push(cpu as f64 / n as f64);
    }
    per_op.sort_by(f64::total_cmp);
    let median = per_op[per_op.len() / 2];
    println!(
        "webhook_cpu/verify_and_parse_one_event: median {median:.0} ns of CPU per POST \
         = {:.0} per second per core (runs: {})",
        1e9 / median,
        per_op
            .iter()
            .map(|v| format!("{v:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

criterion_group!(wall_benches, wall);

fn main() {
    wall_benches();
    if std::env::args().any(|a| a == "--bench") {
        cpu_report();
    }
    Criterion::default().configure_from_args().final_summary();
}
