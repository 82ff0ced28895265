//! What the two mock login servers ([`crate::MockOidcProvider`] and
//! [`crate::obie::MockObieBank`]) share: the loopback server's life, the ES256 signing key
//! with its JWKS, the token endpoint's client check and answer, PKCE, random values.
//! Each server keeps its own routes and state.

use std::net::SocketAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::{OidcClient, TestkitError};

/// A server on `127.0.0.1:0`, stopped by [`LoopbackServer::stop`] or when dropped.
#[derive(Debug)]
pub(crate) struct LoopbackServer {
    pub(crate) addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl LoopbackServer {
    /// Binds `127.0.0.1:0`; serve the listener with [`LoopbackServer::serve`] once the
    /// state that names the address is built.
    pub(crate) async fn bind() -> Result<(TcpListener, SocketAddr), TestkitError> {
        let wanted = SocketAddr::from(([127, 0, 0, 1], 0));
        let bind = |source| TestkitError::Bind {
            addr: wanted,
            source,
        };
        let listener = TcpListener::bind(wanted).await.map_err(bind)?;
        let addr = listener.local_addr().map_err(bind)?;
        Ok((listener, addr))
    }

    /// Serves `app` on `listener` until stopped.
    pub(crate) fn serve(listener: TcpListener, addr: SocketAddr, app: Router) -> LoopbackServer {
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        LoopbackServer {
            addr,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Stops the server and waits for it to finish.
    pub(crate) async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for LoopbackServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A P-256 key pair: the private half as PKCS#8 DER, the public point's coordinates.
pub(crate) struct SigningKey {
    pub(crate) pkcs8: Vec<u8>,
    pub(crate) x: String,
    pub(crate) y: String,
}

impl SigningKey {
    pub(crate) fn generate() -> SigningKey {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .expect("a P-256 key");
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .expect("the key just generated");
        // Uncompressed point: 0x04 ‖ x ‖ y.
        let point = pair.public_key().as_ref();
        SigningKey {
            pkcs8: pkcs8.as_ref().to_vec(),
            x: URL_SAFE_NO_PAD.encode(&point[1..33]),
            y: URL_SAFE_NO_PAD.encode(&point[33..65]),
        }
    }

    /// `claims` as an ES256 JWT under `kid` (empty should signing ever fail).
    pub(crate) fn sign(&self, kid: &str, claims: &Value) -> String {
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(kid.to_owned());
        jsonwebtoken::encode(&header, claims, &EncodingKey::from_ec_der(&self.pkcs8))
            .unwrap_or_default()
    }

    /// The JWKS publishing this key's public half under `kid`.
    pub(crate) fn jwks(&self, kid: &str) -> Value {
        json!({ "keys": [{
            "kty": "EC", "crv": "P-256", "kid": kid, "use": "sig", "alg": "ES256",
            "x": self.x, "y": self.y,
        }]})
    }
}

pub(crate) fn random() -> String {
    let bytes: [u8; 24] = rand::random();
    URL_SAFE_NO_PAD.encode(bytes)
}

pub(crate) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

pub(crate) fn oauth_error(status: StatusCode, error: &str) -> Response {
    (status, axum::Json(json!({ "error": error }))).into_response()
}

/// Whether `verifier` is the PKCE S256 verifier of `challenge`.
pub(crate) fn pkce_matches(verifier: &str, challenge: &str) -> bool {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier)) == challenge
}

/// The client of an `Authorization: Basic` header (RFC 6749 §2.3.1: form-encoded parts).
pub(crate) fn basic_client(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(STANDARD.decode(encoded).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let unform = |t: &str| {
        url::form_urlencoded::parse(format!("v={t}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
    };
    Some((unform(id)?, unform(secret)?))
}

/// The token endpoint's answer: `issue` runs only for `client` authenticated with
/// `client_secret_basic`; the tokens it issued, or the OAuth error. Returns whether
/// tokens were issued, for the server's record of grants.
pub(crate) fn token_answer(
    headers: &HeaderMap,
    client: &OidcClient,
    issue: impl FnOnce() -> Result<Value, &'static str>,
) -> (bool, Response) {
    let client_ok = basic_client(headers)
        .is_some_and(|(id, secret)| id == client.id && secret == client.secret);
    let outcome = if client_ok {
        issue()
    } else {
        Err("invalid_client")
    };
    let accepted = outcome.is_ok();
    let response = match outcome {
        Ok(body) => axum::Json(body).into_response(),
        Err("invalid_client") => oauth_error(StatusCode::UNAUTHORIZED, "invalid_client"),
        Err(error) => oauth_error(StatusCode::BAD_REQUEST, error),
    };
    (accepted, response)
}
