//! `POST /alerts`: signed, timestamped, durable, idempotent.
//!
//! 403 for a missing, malformed or stale `X-Bankbot-Timestamp` or a missing or wrong
//! `X-Bankbot-Signature` (checked before parsing; see [`signature`]), 400 for an invalid
//! body, 202 once the alert is stored in the inbox for every user linked to the customer,
//! 200 `{"status": "duplicate"}` when the id was already accepted (nothing more is sent;
//! ids are remembered for at least 7 days), 503 when the store fails (the bank retries). A
//! customer nobody has linked gets 202 with `"recipients": 0` and nothing but the id is
//! stored: the bank learns nothing it did not know.
//!
//! Two clocks: the timestamp window and the remembered ids follow the *system* clock (the
//! bank signs with real time; a fixed `BANKBOT_NOW` demo clock would otherwise refuse every
//! alert, or accept a stale one forever), while the inbox events carry the bot's clock,
//! like every other event.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use bankbot_core::{Clock, SystemClock};
use bankbot_store::{InsertOutcome, NewInboxEvent, Store};
use bytes::Bytes;
use serde_json::json;
use tokio::sync::Notify;

use crate::{AlertError, inbox_event_id, inbox_payload, parse_alert, signature};

/// The largest accepted body.
pub const MAX_BODY: usize = 64 * 1024;

/// What the endpoint needs.
#[derive(Clone)]
pub struct Intake {
    store: Arc<dyn Store>,
    secret: Arc<[u8]>,
    wakeup: Arc<Notify>,
    clock: Arc<dyn Clock>,
    wall_clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Intake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intake").finish_non_exhaustive()
    }
}

impl Intake {
    /// Stores into `store`'s inbox and wakes the inbox workers through `wakeup`; `clock` is
    /// the bot's (the events' receive time). Timestamps are checked against the system
    /// clock (see [`with_wall_clock`](Self::with_wall_clock)). An empty `secret` refuses
    /// every request.
    pub fn new(
        store: Arc<dyn Store>,
        secret: impl AsRef<[u8]>,
        wakeup: Arc<Notify>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Intake {
            store,
            secret: Arc::from(secret.as_ref()),
            wakeup,
            clock,
            wall_clock: Arc::new(SystemClock),
        }
    }

    /// Checks timestamps, and remembers alert ids, with `clock` instead of the system
    /// clock (for tests).
    #[must_use]
    pub fn with_wall_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.wall_clock = clock;
        self
    }

    /// Accepts one signed body: `Ok(Some(n))` stored for `n` users, `Ok(None)` a repeat.
    pub async fn accept(
        &self,
        timestamp_header: Option<&str>,
        signature_header: Option<&str>,
        body: &[u8],
    ) -> Result<Option<usize>, AlertError> {
        let wall = self.wall_clock.now();
        signature::verify(&self.secret, timestamp_header, signature_header, body, wall)?;
        let alert = parse_alert(body)?;
        let users = self.store.users_for_customer(&alert.customer).await?;
        let payload = inbox_payload(&alert);
        let now = self.clock.now();
        let rows: Vec<NewInboxEvent> = users
            .iter()
            .map(|user| NewInboxEvent {
                event_id: inbox_event_id(&alert.id, user),
                user: user.clone(),
                payload: payload.clone(),
                received_at: now,
                sent_at: None,
            })
            .collect();
        // The id is remembered whoever receives it, so a repeat is a repeat even when
        // the customer linked in between.
        let Some(outcomes) = self.store.accept_alert(&alert.id, &rows, wall).await? else {
            tracing::info!(kind = alert.kind.as_str(), "repeated alert id ignored");
            return Ok(None);
        };
        if users.is_empty() {
            tracing::info!(
                kind = alert.kind.as_str(),
                "alert for a customer nobody linked"
            );
            return Ok(Some(0));
        }
        let inserted = outcomes
            .iter()
            .filter(|o| **o == InsertOutcome::Inserted)
            .count();
        if inserted == 0 {
            tracing::info!(kind = alert.kind.as_str(), "repeated alert ignored");
            return Ok(None);
        }
        self.wakeup.notify_waiters();
        self.wakeup.notify_one();
        tracing::info!(
            kind = alert.kind.as_str(),
            recipients = inserted,
            "alert accepted"
        );
        Ok(Some(inserted))
    }
}

/// The `POST /alerts` route.
pub fn router(intake: Intake) -> Router {
    Router::new()
        .route("/alerts", post(receive))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(intake)
}

async fn receive(State(intake): State<Intake>, headers: HeaderMap, body: Bytes) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (timestamp, sig) = (
        header(signature::TIMESTAMP_HEADER),
        header(signature::HEADER),
    );
    match intake.accept(timestamp, sig, &body).await {
        Ok(Some(n)) => (
            StatusCode::ACCEPTED,
            axum::Json(json!({ "status": "accepted", "recipients": n })),
        )
            .into_response(),
        Ok(None) => (StatusCode::OK, axum::Json(json!({ "status": "duplicate" }))).into_response(),
        Err(AlertError::BadSignature) => {
            tracing::warn!("alert refused: bad signature");
            (StatusCode::FORBIDDEN, "bad signature").into_response()
        }
        Err(AlertError::BadTimestamp) => {
            tracing::warn!("alert refused: missing or malformed timestamp");
            (StatusCode::FORBIDDEN, "missing or malformed timestamp").into_response()
        }
        Err(AlertError::StaleTimestamp) => {
            tracing::warn!("alert refused: timestamp more than 5 minutes from the bot's clock");
            (StatusCode::FORBIDDEN, "stale timestamp").into_response()
        }
        Err(AlertError::Invalid(why)) => (StatusCode::BAD_REQUEST, why).into_response(),
        Err(err) => {
            tracing::error!(%err, "alert intake failed");
            (StatusCode::SERVICE_UNAVAILABLE, "try again").into_response()
        }
    }
}
