//! The HTTP surface: `/webhook`, `/link`, `/alerts`, `/health`, `/ready`, `/metrics`, and
//! `/playground` when it is on.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use bankbot_messenger::{EventSink, WebhookOptions};
use bankbot_store::Store;

use super::metrics::{self, Counters};

#[derive(Clone)]
struct Ops {
    store: Arc<dyn Store>,
    counters: Arc<Counters>,
    started: Instant,
}

/// All routes of `bankbot serve`.
pub fn router(
    webhook: WebhookOptions,
    sink: Arc<dyn EventSink>,
    link_page: crate::link_page::LinkPage,
    store: Arc<dyn Store>,
    alerts: Router,
    playground: Option<Router>,
) -> Router {
    let ops = Ops {
        store,
        counters: Arc::new(Counters {
            webhook: webhook.stats.clone(),
            ..Counters::default()
        }),
        started: Instant::now(),
    };
    let operations = Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/ready", get(ready))
        .route("/metrics", get(metrics_page))
        .with_state(ops.clone());
    Router::new()
        .merge(bankbot_messenger::router(webhook, sink))
        .merge(crate::link_page::router(link_page))
        .merge(alerts)
        .merge(operations)
        .merge(playground.unwrap_or_default())
        .layer(middleware::from_fn_with_state(ops, count_requests))
}

async fn count_requests(State(ops): State<Ops>, req: Request, next: Next) -> Response {
    ops.counters.http_requests.fetch_add(1, Ordering::Relaxed);
    next.run(req).await
}

async fn ready(State(ops): State<Ops>) -> Response {
    match ops.store.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(err) => {
            tracing::warn!(%err, "not ready: store unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "store unavailable").into_response()
        }
    }
}

async fn metrics_page(State(ops): State<Ops>) -> Response {
    let body = metrics::render(&*ops.store, &ops.counters, ops.started).await;
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}
