//! An in-process mock AIS v3.1 bank on 127.0.0.1:0 (axum), serving [`fixtures`] with
//! `Links.Next` pagination, a duplicate across page boundaries, an OAuth2 token endpoint,
//! and injectable faults (statuses, malformed JSON, slow answers, a wrong interaction id).

#![allow(dead_code, unreachable_pub)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Form, Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{Value, json};

#[path = "fixtures.rs"]
pub mod fixtures;

/// Accounts come two per page, so the account list is paginated too.
const ACCOUNT_PAGE_SIZE: usize = 2;
/// Where the AIS resources live under the server root.
pub const PREFIX: &str = "/open-banking/v3.1/aisp";
/// The access token valid from the start (for bearer-credential setups).
pub const ALICE_ACCESS: &str = "alice-access-token";
/// The OAuth2 client the token endpoint accepts.
pub const CLIENT_ID: &str = "bankbot";
pub const CLIENT_SECRET: &str = "s3cr3t";

/// What the next AIS request gets instead of its normal answer.
#[derive(Debug, Clone)]
pub enum Fault {
    Status(u16, Option<&'static str>),
    Malformed,
    Body(String),
    Slow(Duration),
    WrongInteractionId,
}

/// One AIS request as the bank saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub query: Option<String>,
    pub authorization: Option<String>,
    pub interaction_id: Option<String>,
    pub financial_id: Option<String>,
}

pub struct Bank {
    pub root: String,
    pub page_size: usize,
    pub overlap: AtomicBool,
    pub valid_tokens: Mutex<HashSet<String>>,
    pub reject_all: AtomicBool,
    pub token_calls: AtomicUsize,
    pub faults: Mutex<VecDeque<Fault>>,
    pub seen: Mutex<Vec<Seen>>,
    issued: AtomicUsize,
}

impl Bank {
    pub fn fault(&self, f: Fault) {
        self.faults.lock().unwrap().push_back(f);
    }
    pub fn expire_access_tokens(&self) {
        self.valid_tokens.lock().unwrap().clear();
    }
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// A running mock bank.
pub struct MockAis {
    pub bank: Arc<Bank>,
    /// `http://127.0.0.1:PORT/open-banking/v3.1/aisp`
    pub base_url: String,
    /// `http://127.0.0.1:PORT/token`
    pub token_url: String,
}

impl MockAis {
    /// Starts a bank whose transaction pages hold `page_size` records.
    pub async fn start(page_size: usize) -> MockAis {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let root = format!("http://{}", listener.local_addr().unwrap());
        let bank = Arc::new(Bank {
            root: root.clone(),
            page_size,
            overlap: AtomicBool::new(true),
            valid_tokens: Mutex::new(HashSet::from([ALICE_ACCESS.to_owned()])),
            reject_all: AtomicBool::new(false),
            token_calls: AtomicUsize::new(0),
            faults: Mutex::new(VecDeque::new()),
            seen: Mutex::new(Vec::new()),
            issued: AtomicUsize::new(0),
        });
        let app = Router::new()
            .route(&format!("{PREFIX}/accounts"), get(accounts))
            .route(&format!("{PREFIX}/accounts/{{id}}/balances"), get(balances))
            .route(
                &format!("{PREFIX}/accounts/{{id}}/transactions"),
                get(transactions),
            )
            .route("/token", post(token))
            .with_state(bank.clone());
        tokio::spawn(async move {
            axum::serve(listener, app).await.ok();
        });
        MockAis {
            bank,
            base_url: format!("{root}{PREFIX}"),
            token_url: format!("{root}/token"),
        }
    }
}

fn error_body(code: &str) -> Value {
    json!({ "Code": code, "Message": code,
            "Errors": [{ "ErrorCode": code, "Message": code }] })
}

/// Records the request, checks the bearer token and applies a queued fault. `Ok` carries the
/// interaction id to echo (or a wrong one).
async fn gate(
    bank: &Bank,
    headers: &HeaderMap,
    path: String,
    query: Option<String>,
) -> Result<Option<String>, Response> {
    let h = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let seen = Seen {
        path,
        query,
        authorization: h("authorization"),
        interaction_id: h("x-fapi-interaction-id"),
        financial_id: h("x-fapi-financial-id"),
    };
    bank.seen.lock().unwrap().push(seen.clone());
    let mut echo = seen.interaction_id.clone();
    let fault = bank.faults.lock().unwrap().pop_front();
    match fault {
        Some(Fault::Status(code, retry_after)) => {
            let status = StatusCode::from_u16(code).unwrap();
            let mut resp = (status, Json(error_body("UK.OBIE.Mock"))).into_response();
            if let Some(after) = retry_after {
                resp.headers_mut()
                    .insert("retry-after", HeaderValue::from_static(after));
            }
            return Err(resp);
        }
        Some(Fault::Malformed) => {
            return Err((
                StatusCode::OK,
                [("content-type", "application/json")],
                "{\"Data\": {\"Account\": [",
            )
                .into_response());
        }
        Some(Fault::Body(body)) => {
            return Err(
                (StatusCode::OK, [("content-type", "application/json")], body).into_response(),
            );
        }
        Some(Fault::Slow(d)) => tokio::time::sleep(d).await,
        Some(Fault::WrongInteractionId) => {
            echo = Some("00000000-0000-4000-8000-000000000000".into())
        }
        None => {}
    }
    let token = seen
        .authorization
        .as_deref()
        .and_then(|a| a.strip_prefix("Bearer "));
    let ok = token.is_some_and(|t| bank.valid_tokens.lock().unwrap().contains(t));
    if !ok || bank.reject_all.load(Ordering::SeqCst) {
        return Err((
            StatusCode::UNAUTHORIZED,
            Json(error_body("UK.OBIE.Unauthorized")),
        )
            .into_response());
    }
    Ok(echo)
}

fn respond(echo: Option<String>, body: Value) -> Response {
    let mut resp = Json(body).into_response();
    if let Some(id) = echo {
        resp.headers_mut()
            .insert("x-fapi-interaction-id", HeaderValue::from_str(&id).unwrap());
    }
    resp
}

fn params(query: &Option<String>) -> HashMap<String, String> {
    url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

/// One page of `items`: pages after the first repeat the previous page's last record when
/// `overlap` is on (no transaction isolation, bank-apis §1.4).
fn paginate(
    bank: &Bank,
    size: usize,
    items: Vec<Value>,
    pg: usize,
    self_url: &str,
    keep: &[(String, String)],
) -> (Vec<Value>, Value) {
    let size = size.max(1);
    let end = (pg * size).min(items.len());
    let mut start = (pg - 1) * size;
    if pg > 1 && bank.overlap.load(Ordering::SeqCst) {
        start -= 1;
    }
    let page = items.get(start.min(end)..end).unwrap_or_default().to_vec();
    let mut links = json!({ "Self": self_url });
    if end < items.len() {
        let mut q = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in keep {
            q.append_pair(k, v);
        }
        q.append_pair("pg", &(pg + 1).to_string());
        let base = self_url.split('?').next().unwrap_or(self_url);
        links["Next"] = json!(format!("{base}?{}", q.finish()));
    }
    (page, links)
}

async fn accounts(
    State(bank): State<Arc<Bank>>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let echo = match gate(&bank, &headers, "accounts".into(), q.clone()).await {
        Ok(e) => e,
        Err(r) => return r,
    };
    let pg = params(&q)
        .get("pg")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
        .max(1);
    let self_url = format!("{}{PREFIX}/accounts", bank.root);
    let (page, links) = paginate(
        &bank,
        ACCOUNT_PAGE_SIZE,
        fixtures::accounts(),
        pg,
        &self_url,
        &[],
    );
    respond(
        echo,
        json!({ "Data": { "Account": page }, "Links": links, "Meta": { "TotalPages": 2 } }),
    )
}

fn known(id: &str) -> bool {
    fixtures::accounts().iter().any(|a| a["AccountId"] == id)
}

fn unknown_id() -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(error_body("UK.OBIE.Field.Invalid")),
    )
        .into_response()
}

async fn balances(
    State(bank): State<Arc<Bank>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let echo = match gate(&bank, &headers, format!("accounts/{id}/balances"), None).await {
        Ok(e) => e,
        Err(r) => return r,
    };
    if !known(&id) {
        return unknown_id();
    }
    let self_url = format!("{}{PREFIX}/accounts/{id}/balances", bank.root);
    respond(
        echo,
        json!({ "Data": { "Balance": fixtures::balances(&id) },
                          "Links": { "Self": self_url }, "Meta": {} }),
    )
}

async fn transactions(
    State(bank): State<Arc<Bank>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let echo = match gate(
        &bank,
        &headers,
        format!("accounts/{id}/transactions"),
        q.clone(),
    )
    .await
    {
        Ok(e) => e,
        Err(r) => return r,
    };
    if !known(&id) {
        return unknown_id();
    }
    let p = params(&q);
    let day = |v: &Value| {
        v["BookingDateTime"]
            .as_str()
            .unwrap_or("")
            .get(..10)
            .unwrap_or("")
            .to_owned()
    };
    let from = p
        .get("fromBookingDateTime")
        .map(|s| s.get(..10).unwrap_or("").to_owned());
    let to = p
        .get("toBookingDateTime")
        .map(|s| s.get(..10).unwrap_or("").to_owned());
    let items: Vec<Value> = fixtures::transactions(&id)
        .into_iter()
        .filter(|t| {
            from.as_ref().is_none_or(|f| day(t) >= *f) && to.as_ref().is_none_or(|e| day(t) <= *e)
        })
        .collect();
    let keep: Vec<(String, String)> = p.into_iter().filter(|(k, _)| k != "pg").collect();
    let pg = params(&q)
        .get("pg")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
        .max(1);
    let self_url = format!("{}{PREFIX}/accounts/{id}/transactions", bank.root);
    let (page, links) = paginate(&bank, bank.page_size, items, pg, &self_url, &keep);
    respond(
        echo,
        json!({ "Data": { "Transaction": page }, "Links": links,
                          "Meta": { "FirstAvailableDateTime": "2026-01-01T00:00:00+00:00" } }),
    )
}

async fn token(
    State(bank): State<Arc<Bank>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    bank.token_calls.fetch_add(1, Ordering::SeqCst);
    let field = |k: &str| form.get(k).map(String::as_str);
    let client_ok =
        field("client_id") == Some(CLIENT_ID) && field("client_secret") == Some(CLIENT_SECRET);
    if field("grant_type") != Some("refresh_token")
        || !client_ok
        || field("refresh_token") != Some(fixtures::ALICE_REFRESH)
    {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": "invalid_grant" })),
        )
            .into_response();
    }
    let n = bank.issued.fetch_add(1, Ordering::SeqCst);
    let access = format!("alice-access-{n}");
    bank.valid_tokens.lock().unwrap().insert(access.clone());
    Json(json!({ "access_token": access, "token_type": "Bearer", "expires_in": 3600 }))
        .into_response()
}
