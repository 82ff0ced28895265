//! The browser playground (`/playground`): one page, embedded in the binary, that shows the
//! conversation as Messenger would, beside what the engine understood and the exact Send
//! API JSON of every reply.
//!
//! It takes the Messenger path end to end: the page's messages become Page webhook events
//! read by the Messenger parser into the same inbox (`inbound`); replies leave the outbox
//! through [`PlaygroundSender`](bankbot_runtime::PlaygroundSender), which builds the bodies
//! the Send API client would post, checks them against Meta's limits and streams them to
//! the page (server-sent events), which renders only from that JSON. The account-link
//! button opens the real `/link` page, which redirects back to `/playground/linked`; that
//! callback delivers Messenger's `account_linking` event with the one-time code.
//!
//! Safety ([`PlaygroundOptions::from_config`]): on with the demo bank or `[playground]
//! enabled = true`; with another bank start-up is refused unless `allow_real_bank = true`;
//! only clients on this machine (and `Host:` names of this machine) are served unless
//! `allow_remote = true`.

mod assets;
mod clock;
mod inbound;
mod link_tokens;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{ConnectInfo, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use bankbot_alerts::intake::Intake;
use bankbot_bank::{Credential, CustomerCredential, LinkingProvider};
use bankbot_core::UserId;
use bankbot_handlers::Services;
use bankbot_messenger::{EventSink, ProfileSpec};
use bankbot_runtime::{LinkCodes, PLAYGROUND_USER_PREFIX, PlaygroundHub, is_playground_user};
use bankbot_store::Store;
use serde::Deserialize;
use serde_json::{Value, json};

pub use clock::PlaygroundClock;
pub use inbound::PLAYGROUND_PAGE_ID;

use super::AppError;
use crate::config::Config;

/// The path of the playground's account-linking callback.
pub const CALLBACK_PATH: &str = "/playground/linked";

/// Whether and how the playground runs, from `[playground]` and the bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaygroundOptions {
    /// Serve clients on other machines too.
    pub allow_remote: bool,
}

impl PlaygroundOptions {
    /// `Ok(None)` when the playground is off; an error when it is asked for with a real
    /// bank and no explicit `allow_real_bank`.
    pub fn from_config(config: &Config, demo_bank: bool) -> Result<Option<Self>, AppError> {
        let pg = &config.playground;
        let on = match pg.enabled {
            Some(false) => false,
            Some(true) => true,
            None => demo_bank,
        };
        if !on {
            return Ok(None);
        }
        if !demo_bank && !pg.allow_real_bank {
            return Err(AppError::Config(
                "[playground] enabled = true with a bank other than the demo bank: the \
                 playground lets anyone at this machine talk to the bot as any customer who \
                 signs in. Set [playground] allow_real_bank = true to accept that (never in \
                 production), or turn the playground off"
                    .into(),
            ));
        }
        Ok(Some(PlaygroundOptions {
            allow_remote: pg.allow_remote,
        }))
    }
}

/// The callback URL the link page must allow for a server reached at `public_url`.
pub fn callback_url(public_url: &str) -> String {
    format!("{}{CALLBACK_PATH}", public_url.trim_end_matches('/'))
}

/// What the playground routes need.
#[derive(Clone)]
pub struct Playground {
    pub(super) hub: PlaygroundHub,
    pub(super) sink: Arc<dyn EventSink>,
    pub(super) linking: Arc<dyn LinkingProvider>,
    pub(super) link_codes: LinkCodes,
    pub(super) store: Arc<dyn Store>,
    pub(super) services: Services,
    pub(super) intake: Intake,
    pub(super) alert_secret: Arc<str>,
    pub(super) clock: Arc<PlaygroundClock>,
    pub(super) tokens: Arc<link_tokens::LinkTokens>,
    pub(super) public_url: String,
    pub(super) options: PlaygroundOptions,
}

impl std::fmt::Debug for Playground {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Playground")
            .field("public_url", &self.public_url)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// The playground's routes.
pub fn router(playground: Playground) -> Router {
    let allow_remote = playground.options.allow_remote;
    Router::new()
        .route("/playground", get(assets::page))
        .route("/playground/playground.js", get(assets::script))
        .route("/playground/playground.css", get(assets::style))
        .route("/playground/state", get(state))
        .route("/playground/users", post(new_user))
        .route("/playground/sign-in", post(sign_in))
        .route("/playground/send", post(send))
        .route("/playground/events", get(events))
        .route("/playground/link-token", post(link_token))
        .route(CALLBACK_PATH, get(linked))
        .route("/playground/today", post(set_today))
        .route("/playground/alert", post(test_alert))
        .with_state(playground)
        .layer(middleware::from_fn_with_state(allow_remote, local_only))
}

/// Answers 404 to clients on other machines, and to pages reached under another host name
/// (DNS rebinding), unless `[playground] allow_remote`.
async fn local_only(State(allow_remote): State<bool>, req: Request, next: Next) -> Response {
    if allow_remote {
        return next.run(req).await;
    }
    let peer_local = req
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .is_some_and(|ConnectInfo(addr)| addr.ip().is_loopback());
    let host_local = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(is_local_host);
    if peer_local && host_local {
        next.run(req).await
    } else {
        tracing::warn!("playground request from another machine refused");
        StatusCode::NOT_FOUND.into_response()
    }
}

/// `127.0.0.1:8080`, `localhost`, `[::1]:80` …
fn is_local_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn problem(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}

/// `id` when it names a playground user.
fn playground_user(id: &str) -> Option<UserId> {
    let user = UserId::new(id);
    is_playground_user(&user).then_some(user)
}

fn not_a_playground_user() -> Response {
    problem(
        StatusCode::BAD_REQUEST,
        "not a playground user: start a conversation on the page first",
    )
}

/// The profile (Get Started, persistent menu), today, the login page and Meta's limits.
async fn state(State(pg): State<Playground>) -> Response {
    let link_url = format!("{}/link", pg.public_url);
    let profile = ProfileSpec::bankbot_default(Some(&link_url)).to_json();
    axum::Json(json!({
        "today": bankbot_core::Clock::today(&*pg.clock).to_string(),
        "profile": Value::Object(profile),
        "limits": {
            "quick_replies": bankbot_messenger::send::MAX_QUICK_REPLIES,
            "title_chars": bankbot_messenger::send::MAX_TITLE_CHARS,
            "buttons": bankbot_messenger::send::MAX_BUTTONS,
            "elements": bankbot_messenger::send::MAX_CARDS,
        },
    }))
    .into_response()
}

/// A fresh, unlinked playground user.
async fn new_user() -> Response {
    let bytes: [u8; 12] = rand::random();
    let user = format!("{PLAYGROUND_USER_PREFIX}{}", hex::encode(bytes));
    axum::Json(json!({ "user": user })).into_response()
}

#[derive(Deserialize)]
struct SignIn {
    user: String,
    username: String,
    password: String,
}

/// Links `user` to a bank login directly (the identity switcher): the login is checked by
/// the bank, the bot mints its one-time code, and Messenger's `account_linking` event
/// delivers it, as after the login page.
async fn sign_in(State(pg): State<Playground>, axum::Json(req): axum::Json<SignIn>) -> Response {
    let Some(user) = playground_user(&req.user) else {
        return not_a_playground_user();
    };
    let bank_code = match pg.linking.authorize(&req.username, &req.password).await {
        Ok(code) => code,
        Err(bankbot_bank::BankError::InvalidCredentials) => {
            return problem(
                StatusCode::FORBIDDEN,
                "that login and password do not match",
            );
        }
        Err(err) => {
            tracing::warn!(error = err.kind(), "playground sign-in failed");
            return problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "the bank cannot sign in now",
            );
        }
    };
    let code = match pg.link_codes.mint_for(&user, bank_code).await {
        Ok(code) => code,
        Err(err) => {
            tracing::warn!(%err, "playground sign-in code not minted");
            return problem(StatusCode::SERVICE_UNAVAILABLE, "the bot cannot link now");
        }
    };
    match inbound::send_account_linked(&*pg.sink, &user, &code.0).await {
        Ok(()) => StatusCode::ACCEPTED.into_response(),
        Err(err) => problem(StatusCode::SERVICE_UNAVAILABLE, &err.to_string()),
    }
}

#[derive(Deserialize)]
struct Send {
    user: String,
    #[serde(flatten)]
    action: inbound::PageAction,
}

/// A message, quick-reply tap or postback from the page.
async fn send(State(pg): State<Playground>, axum::Json(req): axum::Json<Send>) -> Response {
    let Some(user) = playground_user(&req.user) else {
        return not_a_playground_user();
    };
    let bytes: [u8; 12] = rand::random();
    let mid = format!("m_pg_{}", hex::encode(bytes));
    match inbound::send_action(&*pg.sink, &user, &req.action, &mid).await {
        Ok(()) => (StatusCode::ACCEPTED, axum::Json(json!({ "mid": mid }))).into_response(),
        Err(inbound::InboundError::Invalid(why)) => problem(StatusCode::BAD_REQUEST, why),
        Err(err) => {
            tracing::warn!(%err, "playground message not taken");
            problem(StatusCode::SERVICE_UNAVAILABLE, &err.to_string())
        }
    }
}

#[derive(Deserialize)]
struct UserQuery {
    user: String,
}

/// The user's replies and readings, as server-sent events (`event: notice`).
async fn events(State(pg): State<Playground>, Query(q): Query<UserQuery>) -> Response {
    let Some(user) = playground_user(&q.user) else {
        return not_a_playground_user();
    };
    let rx = pg.hub.subscribe();
    let stream = futures::stream::unfold((rx, user), |(mut rx, user)| async move {
        loop {
            match rx.recv().await {
                Ok(notice) if notice.user() == &user => {
                    let data = serde_json::to_string(&*notice).unwrap_or_default();
                    let event = Event::default().event("notice").data(data);
                    return Some((Ok::<_, std::convert::Infallible>(event), (rx, user)));
                }
                Ok(_) => {}
                Err(tokio::sync::broadcast::error::RecvError::Lagged(missed)) => {
                    let event = Event::default().event("lagged").data(missed.to_string());
                    return Some((Ok(event), (rx, user)));
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// An `account_linking_token` for the user's tap on an account-link button, and the
/// `redirect_uri` the login page sends the code back to (as Messenger appends them).
async fn link_token(
    State(pg): State<Playground>,
    axum::Json(req): axum::Json<UserQuery>,
) -> Response {
    let Some(user) = playground_user(&req.user) else {
        return not_a_playground_user();
    };
    let token = pg.tokens.issue(&user, Instant::now());
    let mut redirect = match url::Url::parse(&callback_url(&pg.public_url)) {
        Ok(url) => url,
        Err(_) => return problem(StatusCode::INTERNAL_SERVER_ERROR, "bad public URL"),
    };
    redirect
        .query_pairs_mut()
        .append_pair("account_linking_token", &token);
    axum::Json(json!({
        "account_linking_token": token,
        "redirect_uri": redirect.as_str(),
    }))
    .into_response()
}

#[derive(Deserialize)]
struct LinkedQuery {
    #[serde(default)]
    account_linking_token: String,
    #[serde(default)]
    authorization_code: String,
}

/// Where the login page sends the customer back: delivers `account_linking` for the user
/// the token was issued to.
async fn linked(State(pg): State<Playground>, Query(q): Query<LinkedQuery>) -> Response {
    let Some(user) = pg.tokens.redeem(&q.account_linking_token, Instant::now()) else {
        return assets::notice(
            StatusCode::BAD_REQUEST,
            "This sign-in link is unknown or has expired. Tap the Log In button again.",
        );
    };
    if q.authorization_code.is_empty() {
        return assets::notice(StatusCode::BAD_REQUEST, "The sign-in did not complete.");
    }
    match inbound::send_account_linked(&*pg.sink, &user, &q.authorization_code).await {
        Ok(()) => assets::notice(
            StatusCode::OK,
            "Signed in. You can close this window and go back to the conversation.",
        ),
        Err(err) => {
            tracing::warn!(%err, "playground account_linking event not taken");
            assets::notice(
                StatusCode::SERVICE_UNAVAILABLE,
                "The bot could not take the sign-in. Please try again.",
            )
        }
    }
}

#[derive(Deserialize)]
struct Today {
    /// `YYYY-MM-DD`, or empty for the real date.
    today: Option<String>,
}

/// Moves the bot's "today" (for every conversation of this server).
async fn set_today(State(pg): State<Playground>, axum::Json(req): axum::Json<Today>) -> Response {
    let date = match req
        .today
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => None,
        Some(text) => match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => return problem(StatusCode::BAD_REQUEST, "a date is YYYY-MM-DD"),
        },
    };
    pg.clock.set_today(date);
    let today = bankbot_core::Clock::today(&*pg.clock).to_string();
    axum::Json(json!({ "today": today })).into_response()
}

/// Sends the current customer a suspected-fraud alert through the alerts intake (signed,
/// as the bank would), on their first active card.
async fn test_alert(
    State(pg): State<Playground>,
    axum::Json(req): axum::Json<UserQuery>,
) -> Response {
    let Some(user) = playground_user(&req.user) else {
        return not_a_playground_user();
    };
    let link = match pg.store.link(&user).await {
        Ok(Some(link)) => link,
        Ok(None) => {
            return problem(
                StatusCode::CONFLICT,
                "link an account first: alerts go to a bank customer",
            );
        }
        Err(err) => return problem(StatusCode::SERVICE_UNAVAILABLE, &err.to_string()),
    };
    let credential = CustomerCredential::new(
        link.customer.clone(),
        Credential::new(link.credential.expose()),
    );
    let card = match pg.services.cards.cards(&credential).await {
        Ok(cards) => cards.into_iter().find(|c| !c.locked),
        Err(err) => {
            tracing::info!(error = err.kind(), "no cards for the test alert");
            None
        }
    };
    let Some(card) = card else {
        return problem(
            StatusCode::CONFLICT,
            "this customer has no active card to raise a fraud alert on",
        );
    };
    // The amount in the currency of the account the card draws on.
    let currency = match pg.services.bank.accounts(&credential).await {
        Ok(accounts) => accounts
            .iter()
            .find(|a| a.id == card.account_id)
            .map(|a| a.currency.code().to_owned()),
        Err(_) => None,
    };
    let bytes: [u8; 8] = rand::random();
    let alert = json!({
        "id": format!("playground-{}", hex::encode(bytes)),
        "customer": link.customer.0,
        "kind": "fraud_suspected",
        "data": {
            "amount": "249.99",
            "currency": currency.unwrap_or_else(|| "USD".to_owned()),
            "merchant": "ElectroMart",
            "card_last4": card.last4.digits(),
            "card_id": card.id.0,
            "at": chrono::Utc::now().to_rfc3339(),
        },
    });
    let body = serde_json::to_vec(&alert).unwrap_or_default();
    let (ts, sig) = bankbot_alerts::signature::sign(
        pg.alert_secret.as_bytes(),
        chrono::Utc::now().timestamp(),
        &body,
    );
    match pg.intake.accept(Some(&ts), Some(&sig), &body).await {
        Ok(recipients) => (
            StatusCode::ACCEPTED,
            axum::Json(json!({ "recipients": recipients.unwrap_or(0) })),
        )
            .into_response(),
        Err(err) => {
            tracing::warn!(%err, "playground test alert refused");
            problem(StatusCode::SERVICE_UNAVAILABLE, &err.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, &str)]) -> Config {
        let vars = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()));
        Config::load(None, vars).unwrap()
    }

    #[test]
    fn on_with_the_demo_bank_only_unless_overridden() {
        let none = config(&[]);
        assert!(
            PlaygroundOptions::from_config(&none, true)
                .unwrap()
                .is_some()
        );
        assert!(
            PlaygroundOptions::from_config(&none, false)
                .unwrap()
                .is_none()
        );
        let off = config(&[("BANKBOT_PLAYGROUND__ENABLED", "false")]);
        assert!(
            PlaygroundOptions::from_config(&off, true)
                .unwrap()
                .is_none()
        );
        let on = config(&[("BANKBOT_PLAYGROUND__ENABLED", "true")]);
        assert!(PlaygroundOptions::from_config(&on, false).is_err());
        let allowed = config(&[
            ("BANKBOT_PLAYGROUND__ENABLED", "true"),
            ("BANKBOT_PLAYGROUND__ALLOW_REAL_BANK", "true"),
        ]);
        assert!(
            PlaygroundOptions::from_config(&allowed, false)
                .unwrap()
                .is_some()
        );
        let remote = config(&[("BANKBOT_PLAYGROUND__ALLOW_REMOTE", "true")]);
        assert_eq!(
            PlaygroundOptions::from_config(&remote, true).unwrap(),
            Some(PlaygroundOptions { allow_remote: true })
        );
    }

    #[test]
    fn local_host_names() {
        for h in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:80",
            "[::1]:8080",
            "127.0.0.2",
        ] {
            assert!(is_local_host(h), "{h}");
        }
        for h in [
            "evil.example",
            "evil.example:8080",
            "10.0.0.1:8080",
            "localhost.evil.example",
            "",
        ] {
            assert!(!is_local_host(h), "{h}");
        }
    }
}
