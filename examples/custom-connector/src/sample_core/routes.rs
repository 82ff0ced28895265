//! The sample core's HTTP routes.

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::{Duration as Days, NaiveDate, SecondsFormat, TimeZone, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Confirmation, Fault, Ledger, Shared, data, lock};

pub(super) fn router(shared: Shared) -> Router {
    Router::new()
        .route("/v1/login", post(login))
        .route("/v1/token", post(token))
        .route("/v1/logout", post(logout))
        .route("/v1/accounts", get(accounts))
        .route("/v1/accounts/{id}/balance", get(balance))
        .route("/v1/transactions", get(transactions))
        .route("/v1/transactions/{id}/confirmation", post(confirm))
        .route("/v1/cards", get(cards))
        .route("/v1/cards/{id}/status", put(card_status))
        .layer(middleware::from_fn_with_state(shared.clone(), faults))
        .with_state(shared)
}

/// A fresh random secret (codes, tokens).
pub(super) fn random_secret() -> String {
    use rand::Rng;
    let bytes: [u8; 24] = rand::rng().random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An error answer: a status and the core's error code.
struct ApiError(StatusCode, &'static str);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

fn error(status: StatusCode, code: &'static str) -> Response {
    ApiError(status, code).into_response()
}

async fn faults(State(shared): State<Shared>, request: Request, next: Next) -> Response {
    let fault = lock(&shared).fault;
    match fault {
        None => next.run(request).await,
        Some(Fault::Status(code)) => StatusCode::from_u16(code)
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            .into_response(),
        Some(Fault::RateLimited(secs)) => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, secs.to_string())],
            Json(json!({ "error": "slow_down" })),
        )
            .into_response(),
        Some(Fault::Garbage) => (StatusCode::OK, "<html>maintenance</html>").into_response(),
        Some(Fault::WrongShape) => {
            Json(json!({ "accounts": "soon", "ledger_minor": "lots" })).into_response()
        }
        Some(Fault::Delay(delay)) => {
            tokio::time::sleep(delay).await;
            next.run(request).await
        }
    }
}

/// The customer behind the bearer token, or a 401.
fn customer(ledger: &Ledger, headers: &HeaderMap) -> Result<String, ApiError> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .and_then(|token| ledger.tokens.get(token))
        .cloned()
        .ok_or(ApiError(StatusCode::UNAUTHORIZED, "invalid_token"))
}

#[derive(Deserialize)]
struct Login {
    username: String,
    password: String,
}

async fn login(State(shared): State<Shared>, Json(body): Json<Login>) -> Response {
    let mut ledger = lock(&shared);
    let Some(id) = ledger
        .customers
        .iter()
        .find(|c| c.username == body.username && c.password == body.password)
        .map(|c| c.id.to_owned())
    else {
        return error(StatusCode::UNAUTHORIZED, "invalid_login");
    };
    let code = random_secret();
    ledger.codes.insert(code.clone(), id);
    Json(json!({ "code": code })).into_response()
}

#[derive(Deserialize)]
struct CodeBody {
    code: String,
}

async fn token(State(shared): State<Shared>, Json(body): Json<CodeBody>) -> Response {
    let mut ledger = lock(&shared);
    let Some(id) = ledger.codes.remove(&body.code) else {
        return error(StatusCode::BAD_REQUEST, "invalid_code");
    };
    let token = random_secret();
    ledger.tokens.insert(token.clone(), id.clone());
    Json(json!({ "customer_id": id, "access_token": token })).into_response()
}

async fn logout(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    let mut ledger = lock(&shared);
    if let Err(refused) = customer(&ledger, &headers) {
        return refused.into_response();
    }
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default()
        .to_owned();
    ledger.tokens.remove(&token);
    StatusCode::NO_CONTENT.into_response()
}

async fn accounts(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    let ledger = lock(&shared);
    let who = match customer(&ledger, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    let list: Vec<Value> = ledger
        .accounts
        .iter()
        .filter(|a| a.customer == who)
        .map(|a| {
            json!({
                "id": a.id,
                "product": a.product,
                "name": a.name,
                "number": a.number,
                "currency": a.currency,
            })
        })
        .collect();
    Json(json!({ "accounts": list })).into_response()
}

fn own_account<'a>(ledger: &'a Ledger, who: &str, id: &str) -> Option<&'a data::Account> {
    ledger
        .accounts
        .iter()
        .find(|a| a.id == id && a.customer == who)
}

async fn balance(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let ledger = lock(&shared);
    let who = match customer(&ledger, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    let Some(account) = own_account(&ledger, &who, &id) else {
        return error(StatusCode::NOT_FOUND, "no_such_account");
    };
    let available = account.ledger_minor - account.held_minor + account.limit_minor.unwrap_or(0);
    let as_of = Utc
        .from_utc_datetime(&ledger.today.and_hms_opt(8, 0, 0).unwrap_or_default())
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    Json(json!({
        "ledger_minor": account.ledger_minor,
        "available_minor": available,
        "limit_minor": account.limit_minor,
        "currency": account.currency,
        "as_of": as_of,
    }))
    .into_response()
}

#[derive(Deserialize)]
struct TxParams {
    account: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    after: Option<String>,
}

fn day(text: Option<&str>) -> Result<Option<NaiveDate>, ApiError> {
    text.map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .transpose()
        .map_err(|_| ApiError(StatusCode::BAD_REQUEST, "invalid_date"))
}

async fn transactions(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Query(params): Query<TxParams>,
) -> Response {
    let ledger = lock(&shared);
    let who = match customer(&ledger, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    if let Some(id) = &params.account
        && own_account(&ledger, &who, id).is_none()
    {
        return error(StatusCode::NOT_FOUND, "no_such_account");
    }
    let (from, to) = match (day(params.from.as_deref()), day(params.to.as_deref())) {
        (Ok(from), Ok(to)) => (from, to),
        (Err(bad), _) | (_, Err(bad)) => return bad.into_response(),
    };
    let limit = params.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return error(StatusCode::BAD_REQUEST, "invalid_limit");
    }
    let mut rows: Vec<(&data::Entry, NaiveDate)> = ledger
        .entries
        .iter()
        .filter(|e| own_account(&ledger, &who, e.account).is_some())
        .filter(|e| params.account.as_deref().is_none_or(|a| a == e.account))
        .map(|e| (e, ledger.today - Days::days(e.days_ago)))
        .filter(|(_, d)| from.is_none_or(|f| *d >= f) && to.is_none_or(|t| *d <= t))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.id.cmp(a.0.id)));
    let start = match &params.after {
        None => 0,
        Some(after) => match rows.iter().position(|(e, _)| e.id == after) {
            Some(i) => i + 1,
            None => return error(StatusCode::BAD_REQUEST, "invalid_cursor"),
        },
    };
    let page: Vec<&(&data::Entry, NaiveDate)> = rows.iter().skip(start).take(limit).collect();
    let next = (start + page.len() < rows.len())
        .then(|| page.last().map(|(e, _)| e.id))
        .flatten();
    let currency = |account: &str| {
        ledger
            .accounts
            .iter()
            .find(|a| a.id == account)
            .map(|a| a.currency)
            .unwrap_or("USD")
    };
    let list: Vec<Value> = page
        .iter()
        .map(|(e, d)| {
            json!({
                "id": e.id,
                "account_id": e.account,
                "posted_on": d.format("%Y-%m-%d").to_string(),
                "amount_minor": e.amount_minor,
                "currency": currency(e.account),
                "narrative": e.narrative,
                "merchant_name": e.merchant,
                "category": e.category,
                "state": if e.pending { "PENDING" } else { "POSTED" },
            })
        })
        .collect();
    Json(json!({ "transactions": list, "next": next })).into_response()
}

#[derive(Deserialize)]
struct ConfirmBody {
    genuine: bool,
}

async fn confirm(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(body): Json<ConfirmBody>,
) -> Response {
    let mut ledger = lock(&shared);
    let who = match customer(&ledger, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    let known = ledger
        .entries
        .iter()
        .any(|e| e.id == id && own_account(&ledger, &who, e.account).is_some());
    if !known {
        return error(StatusCode::NOT_FOUND, "no_such_transaction");
    }
    ledger.confirmations.push(Confirmation {
        transaction: id,
        genuine: body.genuine,
    });
    StatusCode::NO_CONTENT.into_response()
}

fn card_json(card: &data::Card) -> Value {
    json!({
        "id": card.id,
        "account_id": card.account,
        "label": card.label,
        "network_type": card.network_type,
        "pan_last4": card.pan_last4,
        "status": if card.blocked { "BLOCKED_TEMPORARY" } else { "ACTIVE" },
    })
}

async fn cards(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    let ledger = lock(&shared);
    let who = match customer(&ledger, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    let list: Vec<Value> = ledger
        .cards
        .iter()
        .filter(|c| own_account(&ledger, &who, c.account).is_some())
        .map(card_json)
        .collect();
    Json(json!({ "cards": list })).into_response()
}

#[derive(Deserialize)]
struct StatusBody {
    status: String,
}

async fn card_status(
    State(shared): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Json(body): Json<StatusBody>,
) -> Response {
    let mut guard = lock(&shared);
    let ledger = &mut *guard;
    let who = match customer(ledger, &headers) {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    let blocked = match body.status.as_str() {
        "BLOCKED_TEMPORARY" => true,
        "ACTIVE" => false,
        _ => return error(StatusCode::BAD_REQUEST, "invalid_status"),
    };
    let owned: Vec<&str> = ledger
        .accounts
        .iter()
        .filter(|a| a.customer == who)
        .map(|a| a.id)
        .collect();
    match ledger
        .cards
        .iter_mut()
        .find(|c| c.id == id && owned.contains(&c.account))
    {
        Some(card) => {
            card.blocked = blocked;
            Json(card_json(card)).into_response()
        }
        None => error(StatusCode::NOT_FOUND, "no_such_card"),
    }
}
