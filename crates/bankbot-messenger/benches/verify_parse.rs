//! Verify + parse of a typical one-event webhook POST (the F16 body: 290 bytes).
//!
//! `cargo bench -p bankbot-messenger --bench verify_parse -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use bankbot_messenger::signature::{SignatureVerifier, sign};
use bankbot_messenger::{ParseOptions, parse_body};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SECRET: &str = "0123456789abcdef0123456789abcdef";

fn bench(c: &mut Criterion) {
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/f16_body.bin"
    ))
    .unwrap_or_default();
    let header = sign(SECRET, &body);
    let verifier = SignatureVerifier::new(SECRET, None);
    let opts = ParseOptions::default();
    let mut group = c.benchmark_group("webhook");
    group.throughput(Throughput::Elements(1));
    group.bench_function("verify_and_parse_one_event", |b| {
        b.iter(|| {
            let ok = verifier.verify(Some(black_box(header.as_bytes())), black_box(&body));
            let events = parse_body(black_box(&body), &opts);
            black_box((ok, events))
        })
    });
    group.bench_function("verify_only", |b| {
        b.iter(|| verifier.verify(Some(black_box(header.as_bytes())), black_box(&body)))
    });
    group.bench_function("parse_only", |b| {
        b.iter(|| parse_body(black_box(&body), &opts))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
