//! Property tests: no wrong signature ever reaches the sink; the parser never panics.
//! (The million-input parser run is `cargo run --release --example fuzz_parse`.)

mod common;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use bankbot_messenger::signature::{SignatureVerifier, sign};
use bankbot_messenger::{ParseOptions, WebhookOptions, parse_body, router};
use common::{RecordingSink, fixture};
use proptest::prelude::*;
use tower::ServiceExt;

const SECRET: &str = "0123456789abcdef0123456789abcdef";

const FIXTURES: [&str; 8] = [
    "text_message.json",
    "get_started_with_referral.json",
    "legacy_location.json",
    "page_inbox_echo.json",
    "delivery_and_read_in_two_entries.json",
    "reply_to_and_reaction.json",
    "policy_enforcement_without_sender.json",
    "signature_vector_body.bin",
];

fn cached(i: usize) -> Vec<u8> {
    static CACHE: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| FIXTURES.iter().map(|n| fixture(n)).collect())[i].clone()
}

/// Bodies: valid fixtures, fixtures with a byte changed, or arbitrary bytes.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (0..FIXTURES.len()).prop_map(cached),
        (0..FIXTURES.len(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, at, b)| {
            let mut f = cached(i);
            let idx = at.index(f.len());
            f[idx] ^= b.max(1);
            f
        }),
        prop::collection::vec(any::<u8>(), 0..512),
    ]
}

/// Wrong signature headers for `body`: random hex, the right one with a flipped digit,
/// the right one under another secret or for another body, truncated, or junk.
fn wrong_header(body: Vec<u8>) -> impl Strategy<Value = (Vec<u8>, String)> {
    let right = sign(SECRET, &body);
    let b = body.clone();
    prop_oneof![
        prop::collection::vec(any::<u8>(), 32).prop_map(|d| format!("sha256={}", hex::encode(d))),
        (7usize..71, 1u8..16).prop_map(move |(pos, delta)| {
            let mut bytes = right.clone().into_bytes();
            let digit =
                u8::from_str_radix(std::str::from_utf8(&bytes[pos..=pos]).unwrap(), 16).unwrap();
            bytes[pos] = format!("{:x}", (digit + delta) % 16).as_bytes()[0];
            String::from_utf8(bytes).unwrap()
        }),
        "[a-zA-Z0-9]{1,32}".prop_map(move |other| sign(&other, &b)),
        any::<u8>().prop_map({
            let body = body.clone();
            move |extra| {
                let mut other = body.clone();
                other.push(extra);
                sign(SECRET, &other)
            }
        }),
        "[ -~]{0,80}",
    ]
    .prop_map(move |h| (body.clone(), h))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn verifier_rejects_every_wrong_signature((body, header) in body().prop_flat_map(wrong_header)) {
        let v = SignatureVerifier::new(SECRET, None);
        let right = sign(SECRET, &body);
        prop_assume!(!header.eq_ignore_ascii_case(&right));
        prop_assert!(v.verify(Some(header.as_bytes()), &body).is_err());
    }

    #[test]
    fn parser_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_body(&bytes, &ParseOptions::default());
    }
}

#[test]
fn no_wrong_signature_reaches_the_sink() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let sink = Arc::new(RecordingSink::default());
    let app = router(WebhookOptions::new("t", SECRET), sink.clone());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 3000,
        ..ProptestConfig::default()
    });
    let strategy = body().prop_flat_map(wrong_header);
    let checked = std::cell::Cell::new(0u32);
    runner
        .run(&strategy, |(body, header)| {
            if header.eq_ignore_ascii_case(&sign(SECRET, &body)) {
                return Ok(());
            }
            let status = rt.block_on(async {
                let mut req = Request::post("/webhook");
                if let Ok(h) = axum::http::HeaderValue::from_str(&header) {
                    req = req.header("x-hub-signature-256", h);
                }
                let req = req.body(Body::from(body)).unwrap();
                app.clone().oneshot(req).await.unwrap().status()
            });
            prop_assert_eq!(status, StatusCode::FORBIDDEN);
            checked.set(checked.get() + 1);
            Ok(())
        })
        .unwrap();
    assert!(checked.get() > 2500, "{}", checked.get());
    assert_eq!(sink.calls(), 0, "a wrongly signed body reached the sink");

    // Control: the same bodies with the right signature are never refused.
    for name in FIXTURES {
        let body = fixture(name);
        let status = rt.block_on(async {
            let req = Request::post("/webhook")
                .header("x-hub-signature-256", sign(SECRET, &body))
                .body(Body::from(body))
                .unwrap();
            app.clone().oneshot(req).await.unwrap().status()
        });
        assert_eq!(status, StatusCode::OK, "{name}");
    }
    assert_eq!(sink.calls(), FIXTURES.len());
}
