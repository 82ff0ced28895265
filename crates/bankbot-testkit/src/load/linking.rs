//! `--linked`: before the load, every load user links a bank account through the real
//! linking flow, as Messenger and the customer would: the mock Graph API issues an
//! `account_linking_token` for the user's PSID, the tool logs in on the bot's `/link` page
//! with one of the demo bank's users (`--link-as`, `--link-password`), reads the
//! authorization code from the redirect, and posts the signed `account_linking` webhook.
//! A user counts as linked when the bot's confirmation reached the mock Graph API.

use super::{LoadOptions, runner::psid};
use crate::{MockGraphApi, TestkitError, WebhookClient, login, webhooks};
use serde::Serialize;
use serde_json::json;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Semaphore, broadcast};

/// How the linking phase went.
#[derive(Debug, Clone, Serialize)]
pub struct LinkingReport {
    /// Users whose link confirmation arrived.
    pub linked: usize,
    /// Users whose login or webhook failed, or whose confirmation never came.
    pub failed: usize,
    /// Length of the linking phase, seconds.
    pub duration_s: f64,
}

/// `http://host:port` of a webhook URL (the `/link` page is served next to `/webhook`).
fn origin(url: &str) -> Result<String, TestkitError> {
    let parsed = url::Url::parse(url).map_err(|e| TestkitError::InvalidUrl {
        url: url.to_owned(),
        reason: e.to_string(),
    })?;
    Ok(parsed.origin().ascii_serialization())
}

/// Links `user` through instance `base`: login form, then the `account_linking` webhook.
async fn link_one(
    opts: &LoadOptions,
    graph: &MockGraphApi,
    http: &reqwest::Client,
    client: &WebhookClient,
    user: usize,
) -> Result<(), TestkitError> {
    let url = &opts.urls[user % opts.urls.len()];
    let base = origin(url)?;
    let username = &opts.link_as[user % opts.link_as.len()];
    let psid = psid(user);
    let token = graph.linking_token_for(&psid);
    let code =
        login::authorization_code(http, &base, &token, username, &opts.link_password).await?;
    let now = webhooks::now_ms();
    let linking = json!({"status": "linked", "authorization_code": code});
    let body = webhooks::single(
        &opts.page_id,
        now,
        webhooks::event(&opts.page_id, &psid, now, "account_linking", linking),
    );
    let (status, _) = client
        .post_signed_json(url, &opts.app_secret, &body)
        .await?;
    if status.is_success() {
        Ok(())
    } else {
        Err(TestkitError::InvalidOption(format!(
            "the account_linking webhook was answered {status}"
        )))
    }
}

/// Links users `0..opts.users` (at most `opts.concurrency` logins at once) and waits up to
/// `opts.drain_timeout` after the last webhook for every confirmation. Fails when any user
/// could not be linked: a load of "linked" users must really be linked.
pub async fn link_all(
    opts: &LoadOptions,
    graph: &MockGraphApi,
) -> Result<LinkingReport, TestkitError> {
    let started = Instant::now();
    let mut feed = graph.subscribe();
    let http = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()?;
    let client = WebhookClient::with_pool(opts.concurrency)?;
    let gate = Arc::new(Semaphore::new(opts.concurrency.clamp(1, 64)));
    let mut tasks = tokio::task::JoinSet::new();
    for user in 0..opts.users {
        let Ok(permit) = Arc::clone(&gate).acquire_owned().await else {
            break;
        };
        let (opts, graph, http, client) =
            (opts.clone(), graph.clone(), http.clone(), client.clone());
        tasks.spawn(async move {
            let result = link_one(&opts, &graph, &http, &client, user).await;
            drop(permit);
            result.map_err(|e| (user, e))
        });
    }
    let mut failed = 0;
    let mut first_error = None;
    while let Some(joined) = tasks.join_next().await {
        if let Ok(Err((user, e))) = joined {
            failed += 1;
            tracing::warn!(user, error = %e, "linking a load user failed");
            first_error.get_or_insert(e.to_string());
        }
    }

    let wanted: HashSet<String> = (0..opts.users).map(psid).collect();
    let mut confirmed: HashSet<String> = HashSet::new();
    let mut refused: HashSet<String> = HashSet::new();
    let deadline = tokio::time::Instant::now() + opts.drain_timeout;
    while confirmed.len() + refused.len() + failed < wanted.len() {
        match tokio::time::timeout_at(deadline, feed.recv()).await {
            Ok(Ok(request)) => {
                if request.is_message()
                    && request.succeeded()
                    && let Some(to) = request.recipient_id().filter(|p| wanted.contains(p))
                {
                    // A refused link is answered with a new login button.
                    if super::asks_to_link(&request) {
                        first_error.get_or_insert_with(|| "the bot refused a link".to_owned());
                        refused.insert(to);
                    } else {
                        confirmed.insert(to);
                    }
                }
            }
            Ok(Err(broadcast::error::RecvError::Lagged(_))) => continue,
            Ok(Err(broadcast::error::RecvError::Closed)) | Err(_) => break,
        }
    }
    let report = LinkingReport {
        linked: confirmed.len(),
        failed: opts.users - confirmed.len(),
        duration_s: (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
    };
    if report.failed > 0 {
        return Err(TestkitError::Linking {
            linked: report.linked,
            users: opts.users,
            reason: first_error.unwrap_or_else(|| "confirmations did not arrive".to_owned()),
        });
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_strips_the_webhook_path() {
        assert_eq!(
            origin("http://127.0.0.1:8080/webhook").ok().as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert!(origin("nope").is_err());
    }
}
