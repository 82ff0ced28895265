//! The HTTP side of [`MockObieBank`](super::MockObieBank).

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Value, json};

use super::state::{
    AISP, ALICE_LOGIN, ALICE_PASSWORD, ALICE_SUB, BankState, Code, Consent, ConsentRequest,
    ObieGrant, Shared, Waiting, lock,
};
use crate::oauth_server::{pkce_matches, random, token_answer, unix_now};

const KEY_ID: &str = "mock-obie-key-1";
const INTERACTION_ID: &str = "x-fapi-interaction-id";

pub(crate) fn router(state: Shared) -> Router {
    Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/token", post(token))
        .route("/authorize", get(authorize_page).post(authorize_answer))
        .route(
            &format!("{AISP}/account-access-consents"),
            post(create_consent),
        )
        .route(
            &format!("{AISP}/account-access-consents/{{id}}"),
            get(read_consent).delete(delete_consent),
        )
        .route(&format!("{AISP}/accounts"), get(accounts))
        .route(&format!("{AISP}/accounts/{{id}}/balances"), get(balances))
        .route(
            &format!("{AISP}/accounts/{{id}}/transactions"),
            get(transactions),
        )
        .with_state(state)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
}

fn interaction_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(INTERACTION_ID)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// `body` as JSON with `status`, echoing the interaction id.
fn answer(headers: &HeaderMap, status: StatusCode, body: Value) -> Response {
    let mut resp = (status, axum::Json(body)).into_response();
    if let Some(id) = headers.get(INTERACTION_ID) {
        resp.headers_mut().insert(INTERACTION_ID, id.clone());
    }
    resp
}

fn obie_error(headers: &HeaderMap, status: StatusCode, code: &str) -> Response {
    answer(
        headers,
        status,
        json!({ "Code": status.as_u16().to_string(), "Message": code,
                "Errors": [{ "ErrorCode": code, "Message": code }] }),
    )
}

async fn discovery(State(state): State<Shared>) -> Response {
    let base = lock(&state).base_url.clone();
    axum::Json(json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "response_types_supported": ["code"],
        "request_object_signing_alg_values_supported": ["ES256"],
        "id_token_signing_alg_values_supported": ["ES256"],
    }))
    .into_response()
}

async fn jwks(State(state): State<Shared>) -> Response {
    axum::Json(lock(&state).key.jwks(KEY_ID)).into_response()
}

// ---------------------------------------------------------------- token endpoint

async fn token(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&state);
    let grant_type = form.get("grant_type").cloned().unwrap_or_default();
    let client = s.client.clone();
    let (accepted, response) =
        token_answer(&headers, &client, || issue(&mut s, &grant_type, &form));
    s.grants.push(ObieGrant {
        grant_type,
        accepted,
    });
    response
}

fn issue(
    s: &mut BankState,
    grant_type: &str,
    form: &HashMap<String, String>,
) -> Result<Value, &'static str> {
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
    let (consent_id, nonce) = match grant_type {
        "client_credentials" => {
            let token = random();
            s.bot_tokens.insert(token.clone());
            return Ok(json!({ "access_token": token, "token_type": "Bearer",
                              "expires_in": 3600, "scope": "accounts" }));
        }
        "authorization_code" => {
            let code = s.codes.get_mut(field("code")).ok_or("invalid_grant")?;
            if code.used {
                return Err("invalid_grant");
            }
            code.used = true;
            let verifier_ok = pkce_matches(field("code_verifier"), &code.challenge);
            if !verifier_ok || code.redirect_uri != field("redirect_uri") {
                return Err("invalid_grant");
            }
            (code.consent_id.clone(), Some(code.nonce.clone()))
        }
        "refresh_token" => {
            let consent_id = s
                .refresh
                .remove(field("refresh_token"))
                .ok_or("invalid_grant")?;
            let live = s
                .consents
                .get(&consent_id)
                .is_some_and(|c| c.status == "Authorised");
            if !live {
                return Err("invalid_grant");
            }
            s.access.retain(|_, c| *c != consent_id);
            (consent_id, None)
        }
        _ => return Err("unsupported_grant_type"),
    };
    let access = random();
    let refresh = random();
    s.access.insert(access.clone(), consent_id.clone());
    s.refresh.insert(refresh.clone(), consent_id.clone());
    let mut body = json!({
        "access_token": access, "token_type": "Bearer",
        "expires_in": s.access_lifetime_secs, "refresh_token": refresh,
        "scope": "openid accounts",
    });
    if let Some(nonce) = nonce {
        body["id_token"] = json!(id_token(s, &consent_id, &nonce));
    }
    Ok(body)
}

fn id_token(s: &BankState, consent_id: &str, nonce: &str) -> String {
    let now = unix_now();
    let intent = if s.other_intent {
        format!("{consent_id}-other")
    } else {
        consent_id.to_owned()
    };
    let claims = json!({
        "iss": s.base_url, "sub": ALICE_SUB, "aud": s.client.id,
        "iat": now, "exp": now + 300, "nonce": nonce,
        "openbanking_intent_id": intent, "acr": "urn:openbanking:psd2:sca",
    });
    s.key.sign(KEY_ID, &claims)
}

// ---------------------------------------------------------------- consents

fn bot_allowed(s: &BankState, headers: &HeaderMap) -> bool {
    bearer(headers).is_some_and(|t| s.bot_tokens.contains(t))
}

fn consent_body(id: &str, consent: &Consent) -> Value {
    json!({ "Data": {
        "ConsentId": id, "Status": consent.status,
        "CreationDateTime": "2026-10-31T09:00:00+00:00",
        "StatusUpdateDateTime": "2026-10-31T09:00:00+00:00",
        "Permissions": PERMISSIONS_GRANTED,
        "ExpirationDateTime": consent.expiration,
    }, "Risk": {}, "Links": {}, "Meta": {} })
}

/// What the mock grants (what the connector asks for).
pub(crate) const PERMISSIONS_GRANTED: &[&str] = &[
    "ReadAccountsDetail",
    "ReadBalances",
    "ReadTransactionsDetail",
    "ReadTransactionsCredits",
    "ReadTransactionsDebits",
];

async fn create_consent(
    State(state): State<Shared>,
    headers: HeaderMap,
    axum::Json(body): axum::Json<Value>,
) -> Response {
    let mut s = lock(&state);
    if !bot_allowed(&s, &headers) {
        return obie_error(&headers, StatusCode::UNAUTHORIZED, "UK.OBIE.Unauthorized");
    }
    let permissions: Vec<String> = body["Data"]["Permissions"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let expiration = body["Data"]["ExpirationDateTime"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let known = permissions
        .iter()
        .all(|p| PERMISSIONS_GRANTED.contains(&p.as_str()) || p == "ReadTransactionsBasic");
    let accepted = !permissions.is_empty()
        && known
        && chrono::DateTime::parse_from_rfc3339(&expiration).is_ok();
    s.consent_requests.push(ConsentRequest {
        permissions,
        expiration: expiration.clone(),
        interaction_id: interaction_id(&headers),
        accepted,
    });
    if !accepted {
        return obie_error(&headers, StatusCode::BAD_REQUEST, "UK.OBIE.Field.Invalid");
    }
    let id = format!("aac-{}", random());
    let consent = Consent {
        status: "AwaitingAuthorisation".to_owned(),
        expiration,
    };
    let body = consent_body(&id, &consent);
    s.consents.insert(id, consent);
    answer(&headers, StatusCode::CREATED, body)
}

async fn read_consent(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let s = lock(&state);
    if !bot_allowed(&s, &headers) {
        return obie_error(&headers, StatusCode::UNAUTHORIZED, "UK.OBIE.Unauthorized");
    }
    match s.consents.get(&id) {
        Some(consent) => answer(&headers, StatusCode::OK, consent_body(&id, consent)),
        None => obie_error(
            &headers,
            StatusCode::BAD_REQUEST,
            "UK.OBIE.Resource.NotFound",
        ),
    }
}

async fn delete_consent(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut s = lock(&state);
    if !bot_allowed(&s, &headers) {
        return obie_error(&headers, StatusCode::UNAUTHORIZED, "UK.OBIE.Unauthorized");
    }
    if s.consents.remove(&id).is_none() {
        return obie_error(
            &headers,
            StatusCode::BAD_REQUEST,
            "UK.OBIE.Resource.NotFound",
        );
    }
    s.access.retain(|_, c| *c != id);
    s.refresh.retain(|_, c| *c != id);
    s.deleted.push(id);
    let mut resp = StatusCode::NO_CONTENT.into_response();
    if let Some(v) = headers.get(INTERACTION_ID) {
        resp.headers_mut().insert(INTERACTION_ID, v.clone());
    }
    resp
}

// ---------------------------------------------------------------- authorization

/// The request object's claims, once its signature (the client's key) and audience hold.
fn request_claims(s: &BankState, jwt: &str) -> Result<Value, &'static str> {
    let key = DecodingKey::from_ec_components(&s.client_key.x, &s.client_key.y)
        .map_err(|_| "client key unusable")?;
    let mut validation = Validation::new(Algorithm::ES256);
    validation.set_audience(&[s.base_url.as_str()]);
    validation.set_issuer(&[s.client.id.as_str()]);
    validation.set_required_spec_claims(&["exp", "aud", "iss"]);
    jsonwebtoken::decode::<Value>(jwt, &key, &validation)
        .map(|d| d.claims)
        .map_err(|_| "request object: bad signature, audience, issuer or expiry")
}

async fn authorize_page(
    State(state): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&state);
    let field = |k: &str| q.get(k).map(String::as_str).unwrap_or_default();
    if field("client_id") != s.client.id || field("response_type") != "code" {
        return (StatusCode::BAD_REQUEST, "unknown client or response_type").into_response();
    }
    let claims = match request_claims(&s, field("request")) {
        Ok(claims) => claims,
        Err(why) => return (StatusCode::BAD_REQUEST, why).into_response(),
    };
    // The signed values win; those in the query must agree (OIDC Core §6.1).
    let agrees = [
        "client_id",
        "redirect_uri",
        "state",
        "nonce",
        "code_challenge",
        "scope",
    ]
    .iter()
    .all(|k| claims[*k].as_str() == Some(field(k)));
    if !agrees || claims["code_challenge_method"] != "S256" {
        return (
            StatusCode::BAD_REQUEST,
            "the request object and the query differ",
        )
            .into_response();
    }
    let intent = claims["claims"]["id_token"]["openbanking_intent_id"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    match s.consents.get(&intent) {
        Some(c) if c.status == "AwaitingAuthorisation" => {}
        _ => return (StatusCode::BAD_REQUEST, "no consent awaits authorisation").into_response(),
    }
    let txn = random();
    s.waiting.insert(
        txn.clone(),
        Waiting {
            consent_id: intent,
            redirect_uri: field("redirect_uri").to_owned(),
            state: field("state").to_owned(),
            nonce: field("nonce").to_owned(),
            challenge: field("code_challenge").to_owned(),
        },
    );
    login_page(&txn, "")
}

fn login_page(txn: &str, problem: &str) -> Response {
    Html(format!(
        "<!doctype html><html><head><title>Mock Bank: authorise access</title></head><body>\
         <h1>Mock Bank</h1><p>bankbot asks to read your accounts, balances and transactions.</p>\
         <p class=\"problem\">{problem}</p>\
         <form method=\"post\" action=\"/authorize\">\
         <input type=\"hidden\" name=\"txn\" value=\"{txn}\">\
         <label>Login <input name=\"username\"></label>\
         <label>Password <input type=\"password\" name=\"password\"></label>\
         <button name=\"decision\" value=\"allow\">Allow</button>\
         <button name=\"decision\" value=\"deny\">Deny</button></form></body></html>"
    ))
    .into_response()
}

async fn authorize_answer(
    State(state): State<Shared>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&state);
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
    let txn = field("txn").to_owned();
    let Some(waiting) = s.waiting.remove(&txn) else {
        return (StatusCode::BAD_REQUEST, "this authorisation has expired").into_response();
    };
    let Ok(mut back) = url::Url::parse(&waiting.redirect_uri) else {
        return (StatusCode::BAD_REQUEST, "redirect_uri is not a URL").into_response();
    };
    if field("decision") == "deny" {
        if let Some(c) = s.consents.get_mut(&waiting.consent_id) {
            c.status = "Rejected".to_owned();
        }
        back.query_pairs_mut()
            .append_pair("error", "access_denied")
            .append_pair("state", &waiting.state);
        return Redirect::to(back.as_str()).into_response();
    }
    if field("username") != ALICE_LOGIN || field("password") != ALICE_PASSWORD {
        s.waiting.insert(txn.clone(), waiting);
        return login_page(&txn, "Wrong login or password.");
    }
    if !s.skip_authorisation
        && let Some(c) = s.consents.get_mut(&waiting.consent_id)
    {
        c.status = "Authorised".to_owned();
    }
    let code = random();
    s.codes.insert(
        code.clone(),
        Code {
            consent_id: waiting.consent_id,
            redirect_uri: waiting.redirect_uri,
            challenge: waiting.challenge,
            nonce: waiting.nonce,
            used: false,
        },
    );
    back.query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &waiting.state);
    Redirect::to(back.as_str()).into_response()
}

// ---------------------------------------------------------------- AIS

/// The refusal of an AIS call, if any: 401 for an unknown token, 403 for a consent that is
/// over; `None` (and the call counted) when the token's consent may read.
fn refusal(s: &mut BankState, headers: &HeaderMap) -> Option<Response> {
    let Some(consent_id) = bearer(headers).and_then(|t| s.access.get(t)).cloned() else {
        return Some(obie_error(
            headers,
            StatusCode::UNAUTHORIZED,
            "UK.OBIE.Unauthorized",
        ));
    };
    match s.consents.get(&consent_id) {
        Some(c) if c.status == "Authorised" => {
            s.ais_calls += 1;
            None
        }
        _ => Some(obie_error(
            headers,
            StatusCode::FORBIDDEN,
            "UK.OBIE.Reauthenticate",
        )),
    }
}

fn page(headers: &HeaderMap, s: &BankState, path: &str, data: Value) -> Response {
    answer(
        headers,
        StatusCode::OK,
        json!({ "Data": data, "Links": { "Self": format!("{}{AISP}{path}", s.base_url) },
                "Meta": { "TotalPages": 1 } }),
    )
}

async fn accounts(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let mut s = lock(&state);
    if let Some(refused) = refusal(&mut s, &headers) {
        return refused;
    }
    page(
        &headers,
        &s,
        "/accounts",
        json!({ "Account": super::data::accounts() }),
    )
}

async fn balances(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut s = lock(&state);
    if let Some(refused) = refusal(&mut s, &headers) {
        return refused;
    }
    match super::data::balances(&id) {
        Some(list) => page(
            &headers,
            &s,
            &format!("/accounts/{id}/balances"),
            json!({ "Balance": list }),
        ),
        None => obie_error(
            &headers,
            StatusCode::BAD_REQUEST,
            "UK.OBIE.Resource.NotFound",
        ),
    }
}

async fn transactions(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let mut s = lock(&state);
    if let Some(refused) = refusal(&mut s, &headers) {
        return refused;
    }
    match super::data::transactions(&id) {
        Some(list) => page(
            &headers,
            &s,
            &format!("/accounts/{id}/transactions"),
            json!({ "Transaction": list }),
        ),
        None => obie_error(
            &headers,
            StatusCode::BAD_REQUEST,
            "UK.OBIE.Resource.NotFound",
        ),
    }
}
