//! `POST /alerts`: signed, durable, idempotent.
//!
//! 403 for a missing or wrong signature (checked before parsing), 400 for an invalid body,
//! 202 once the alert is stored in the inbox for every user linked to the customer, 200
//! when the id was already accepted (nothing more is sent), 503 when the store fails (the
//! bank retries). A customer nobody has linked gets 202 with `"recipients": 0` and nothing
//! is stored or sent: the bank learns nothing it did not know.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use bankbot_core::Clock;
use bankbot_store::{InsertOutcome, NewInboxEvent, Store};
use bytes::Bytes;
use serde_json::json;
use tokio::sync::Notify;

use crate::{Alert, AlertError, inbox_event_id, inbox_payload, signature};

/// The largest accepted body.
pub const MAX_BODY: usize = 64 * 1024;

/// What the endpoint needs.
#[derive(Clone)]
pub struct Intake {
    store: Arc<dyn Store>,
    secret: Arc<[u8]>,
    wakeup: Arc<Notify>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Intake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Intake").finish_non_exhaustive()
    }
}

impl Intake {
    /// Stores into `store`'s inbox and wakes the inbox workers through `wakeup`. An empty
    /// `secret` refuses every request.
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
        }
    }

    /// Accepts one signed body: `Ok(Some(n))` stored for `n` users, `Ok(None)` a repeat.
    pub async fn accept(
        &self,
        signature_header: Option<&str>,
        body: &[u8],
    ) -> Result<Option<usize>, AlertError> {
        signature::verify(&self.secret, signature_header, body)?;
        let alert = Alert::from_json(body)?;
        let users = self.store.users_for_customer(&alert.customer).await?;
        if users.is_empty() {
            tracing::info!(
                kind = alert.kind.as_str(),
                "alert for a customer nobody linked"
            );
            return Ok(Some(0));
        }
        let payload = inbox_payload(&alert);
        let now = self.clock.now();
        let rows: Vec<NewInboxEvent> = users
            .iter()
            .map(|user| NewInboxEvent {
                event_id: inbox_event_id(&alert.id, user),
                user: user.clone(),
                payload: payload.clone(),
                received_at: now,
            })
            .collect();
        let outcomes = self.store.insert_events(&rows).await?;
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
    let sig = headers.get(signature::HEADER).and_then(|v| v.to_str().ok());
    match intake.accept(sig, &body).await {
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
        Err(AlertError::Invalid(why)) => (StatusCode::BAD_REQUEST, why).into_response(),
        Err(err) => {
            tracing::error!(%err, "alert intake failed");
            (StatusCode::SERVICE_UNAVAILABLE, "try again").into_response()
        }
    }
}
