//! Load figure for proactive alerts: N linked customers (default 10,000), one signed
//! `POST /alerts` each through a real `bankbot serve` (temporary SQLite, loopback only),
//! every alert delivered to a local mock Graph API. Prints alerts/s (first POST to last
//! delivery) and intake latency percentiles.
//!
//! `cargo run --release --example alerts_load -- [alerts] [concurrency]`

#[path = "../tests/alerts_support/mod.rs"]
mod alerts_support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use alerts_support::Harness;
use bankbot::core::{CustomerRef, UserId};
use chrono::{TimeZone, Utc};
use serde_json::json;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000)
        .min(100_000);
    let concurrency: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(32)
        .clamp(1, 256);
    let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
    let h = Arc::new(Harness::start(now, &[]).await);

    let setup = Instant::now();
    for i in 0..n {
        let user = UserId::new(format!("psid-{i}"));
        h.store
            .save_link(&user, &CustomerRef::new(format!("cust-{i}")), "cred", now)
            .await
            .unwrap();
        h.store.record_inbound(&user, now).await.unwrap();
    }
    eprintln!("linked {n} customers in {:.1?}", setup.elapsed());

    let started = Instant::now();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (h, next) = (h.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= n {
                    return latencies;
                }
                let body = json!({ "id": format!("load-{i}"), "customer": format!("cust-{i}"),
                    "kind": "fraud_suspected", "data": { "amount": "500.00",
                    "merchant": "ElectroMart", "card_last4": "9876" } })
                .to_string();
                let (timestamp, sig) = alerts_support::sign_alert(&body, Utc::now().timestamp());
                let t = Instant::now();
                let status = h
                    .http
                    .post(format!("{}/alerts", h.base))
                    .header("content-type", "application/json")
                    .header("x-bankbot-timestamp", timestamp)
                    .header("x-bankbot-signature", sig)
                    .body(body)
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
                    .unwrap_or(0);
                latencies.push(t.elapsed());
                assert_eq!(status, 202, "alert {i}");
            }
        }));
    }
    let mut latencies = Vec::new();
    for t in tasks {
        latencies.extend(t.await.unwrap());
    }
    let accepted = started.elapsed();
    let deadline = Instant::now() + Duration::from_secs(600);
    while h.graph.0.accepted_sends() < n {
        assert!(
            Instant::now() < deadline,
            "deliveries did not finish in 10 minutes"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let delivered = started.elapsed();
    latencies.sort();
    println!(
        "{n} alerts, {concurrency} concurrent posts: accepted in {:.2}s ({:.0} alerts/s), \
         all delivered in {:.2}s ({:.0} alerts/s end to end); intake latency p50 {:.1} ms, \
         p99 {:.1} ms, max {:.1} ms",
        accepted.as_secs_f64(),
        n as f64 / accepted.as_secs_f64(),
        delivered.as_secs_f64(),
        n as f64 / delivered.as_secs_f64(),
        percentile(&latencies, 50.0).as_secs_f64() * 1e3,
        percentile(&latencies, 99.0).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}
