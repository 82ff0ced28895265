//! `/metrics` in the Prometheus text format: queue depths from the store and counters.

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use std::sync::Arc;

use bankbot_messenger::WebhookStats;
use bankbot_store::{QueueCounts, Store};

/// Counters the HTTP layer bumps.
#[derive(Debug, Default)]
pub struct Counters {
    pub http_requests: AtomicU64,
    /// What the webhook router left out.
    pub webhook: Arc<WebhookStats>,
}

/// Renders the metrics page.
pub async fn render(store: &dyn Store, counters: &Counters, started: std::time::Instant) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# HELP bankbot_uptime_seconds Seconds since the process started."
    );
    let _ = writeln!(out, "# TYPE bankbot_uptime_seconds gauge");
    let _ = writeln!(
        out,
        "bankbot_uptime_seconds {}",
        started.elapsed().as_secs()
    );
    let _ = writeln!(
        out,
        "# HELP bankbot_http_requests_total HTTP requests received."
    );
    let _ = writeln!(out, "# TYPE bankbot_http_requests_total counter");
    let _ = writeln!(
        out,
        "bankbot_http_requests_total {}",
        counters.http_requests.load(Ordering::Relaxed)
    );
    let _ = writeln!(
        out,
        "# HELP bankbot_webhook_events_ignored_total Webhook events acknowledged but not processed."
    );
    let _ = writeln!(out, "# TYPE bankbot_webhook_events_ignored_total counter");
    let _ = writeln!(
        out,
        "bankbot_webhook_events_ignored_total{{reason=\"unknown_page\"}} {}",
        counters.webhook.ignored_unknown_page()
    );
    let up = store.ping().await.is_ok();
    let _ = writeln!(out, "# HELP bankbot_store_up 1 when the store answers.");
    let _ = writeln!(out, "# TYPE bankbot_store_up gauge");
    let _ = writeln!(out, "bankbot_store_up {}", u8::from(up));
    if let Ok(inbox) = store.inbox_counts().await {
        queue(&mut out, "inbox", &inbox);
    }
    if let Ok(outbox) = store.outbox_counts().await {
        queue(&mut out, "outbox", &outbox);
    }
    out
}

fn queue(out: &mut String, name: &str, c: &QueueCounts) {
    let _ = writeln!(
        out,
        "# HELP bankbot_{name}_items Items in the {name} by state."
    );
    let _ = writeln!(out, "# TYPE bankbot_{name}_items gauge");
    for (state, n) in [
        ("pending", c.pending),
        ("in_progress", c.in_progress),
        ("done", c.done),
        ("failed", c.failed),
    ] {
        let _ = writeln!(out, "bankbot_{name}_items{{state=\"{state}\"}} {n}");
    }
}
