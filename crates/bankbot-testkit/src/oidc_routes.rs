//! The HTTP side of [`MockOidcProvider`](crate::MockOidcProvider).

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde_json::json;

use crate::mock_oidc::{Consent, IssuedCode, KEY_ID, Shared, TokenGrant, lock};
use crate::oauth_server::{
    basic_client, oauth_error, pkce_matches, random, token_answer, unix_now,
};

pub(crate) fn router(state: Shared) -> Router {
    Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/authorize", get(authorize))
        .route("/token", post(token))
        .route("/userinfo", get(userinfo))
        .route("/jwks", get(jwks))
        .route("/revoke", post(revoke))
        .with_state(state)
}

async fn discovery(State(state): State<Shared>) -> Response {
    let base = lock(&state).base_url.clone();
    axum::Json(json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "userinfo_endpoint": format!("{base}/userinfo"),
        "jwks_uri": format!("{base}/jwks"),
        "revocation_endpoint": format!("{base}/revoke"),
        "response_types_supported": ["code"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        "id_token_signing_alg_values_supported": ["ES256"],
    }))
    .into_response()
}

async fn authorize(
    State(state): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&state);
    let field = |k: &str| q.get(k).map(String::as_str).unwrap_or_default();
    let problems = [
        (
            field("response_type") != "code",
            "response_type must be code",
        ),
        (field("client_id") != s.client.id, "unknown client_id"),
        (field("redirect_uri").is_empty(), "redirect_uri missing"),
        (field("state").is_empty(), "state missing"),
        (field("code_challenge").len() < 43, "code_challenge missing"),
        (
            field("code_challenge_method") != "S256",
            "code_challenge_method must be S256",
        ),
    ];
    if let Some((_, why)) = problems.iter().find(|(bad, _)| *bad) {
        return (StatusCode::BAD_REQUEST, *why).into_response();
    }
    let Ok(mut back) = url::Url::parse(field("redirect_uri")) else {
        return (StatusCode::BAD_REQUEST, "redirect_uri is not a URL").into_response();
    };
    match s.consent {
        Consent::Deny => {
            back.query_pairs_mut()
                .append_pair("error", "access_denied")
                .append_pair("state", field("state"));
        }
        Consent::Approve => {
            let code = random();
            let issued = IssuedCode {
                sub: s.subject.clone(),
                redirect_uri: field("redirect_uri").to_owned(),
                challenge: field("code_challenge").to_owned(),
                nonce: q.get("nonce").cloned(),
                used: false,
            };
            s.codes.insert(code.clone(), issued);
            back.query_pairs_mut()
                .append_pair("code", &code)
                .append_pair("state", field("state"));
        }
    }
    Redirect::to(back.as_str()).into_response()
}

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
    s.grants.push(TokenGrant {
        grant_type,
        accepted,
    });
    response
}

fn issue(
    s: &mut crate::mock_oidc::OidcState,
    grant_type: &str,
    form: &HashMap<String, String>,
) -> Result<serde_json::Value, &'static str> {
    let field = |k: &str| form.get(k).map(String::as_str).unwrap_or_default();
    let invalid_grant = || "invalid_grant";
    let (sub, nonce) = match grant_type {
        "authorization_code" => {
            let code = s.codes.get_mut(field("code")).ok_or_else(invalid_grant)?;
            if code.used {
                return Err(invalid_grant());
            }
            code.used = true;
            let verifier_ok = pkce_matches(field("code_verifier"), &code.challenge);
            if !verifier_ok || code.redirect_uri != field("redirect_uri") {
                return Err(invalid_grant());
            }
            (code.sub.clone(), code.nonce.clone())
        }
        "refresh_token" => {
            if s.refuse_refresh {
                return Err(invalid_grant());
            }
            let sub = s
                .refresh
                .remove(field("refresh_token"))
                .ok_or_else(invalid_grant)?;
            // Rotation: the old refresh token is gone; its access tokens die with it.
            s.access.retain(|_, owner| *owner != sub);
            (sub, None)
        }
        _ => return Err("unsupported_grant_type"),
    };
    let access = random();
    let refresh = random();
    s.access.insert(access.clone(), sub.clone());
    s.refresh.insert(refresh.clone(), sub.clone());
    let mut body = json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": s.access_lifetime_secs,
        "refresh_token": refresh,
        "scope": "openid accounts",
    });
    if s.id_tokens && grant_type == "authorization_code" {
        body["id_token"] = json!(id_token(s, &sub, nonce.as_deref()));
    }
    Ok(body)
}

fn id_token(s: &crate::mock_oidc::OidcState, sub: &str, nonce: Option<&str>) -> String {
    let now = unix_now();
    let claims = json!({
        "iss": s.base_url,
        "sub": sub,
        "aud": s.client.id,
        "iat": now,
        "exp": now + 300,
        "nonce": nonce,
    });
    let key = if s.rogue_signature {
        &s.rogue_key
    } else {
        &s.key
    };
    key.sign(KEY_ID, &claims)
}

async fn userinfo(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let s = lock(&state);
    let owner = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .and_then(|token| s.access.get(token));
    match owner {
        Some(sub) => axum::Json(json!({ "sub": sub })).into_response(),
        None => oauth_error(StatusCode::UNAUTHORIZED, "invalid_token"),
    }
}

async fn jwks(State(state): State<Shared>) -> Response {
    axum::Json(lock(&state).key.jwks(KEY_ID)).into_response()
}

async fn revoke(
    State(state): State<Shared>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&state);
    let client_ok = basic_client(&headers)
        .is_some_and(|(id, secret)| id == s.client.id && secret == s.client.secret);
    if !client_ok {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
    }
    let token = form.get("token").cloned().unwrap_or_default();
    if let Some(sub) = s.refresh.remove(&token) {
        s.access.retain(|_, owner| *owner != sub);
    }
    s.access.remove(&token);
    StatusCode::OK.into_response()
}
