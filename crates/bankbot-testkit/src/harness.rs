//! [`ServerHarness`]: a bot server on `127.0.0.1:0`, its mock Graph API and a signed-webhook
//! client, with [`settle`](ServerHarness::settle) — wait until the bot has nothing left to
//! do, read from the state of its inbox and outbox, never a fixed sleep.
//!
//! The harness does not know how the server is built: the caller passes a function that
//! serves on the listener until the shutdown future resolves (for bankbot's root crate,
//! `Server::run`), and the store whose queues tell when a turn is over.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use bankbot_store::{QueueCounts, Store};
use reqwest::StatusCode;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::{MockGraphApi, TestkitError, WebhookClient, webhooks};

/// Resolves when the harness stops the server.
pub type Shutdown = Pin<Box<dyn Future<Output = ()> + Send>>;

/// How long [`ServerHarness::settle`] and [`ServerHarness::replies_after`] wait at most.
pub const SETTLE_TIMEOUT: Duration = Duration::from_secs(20);

/// How often the queues are read while waiting.
const POLL: Duration = Duration::from_millis(10);

/// Message ids unique across every harness of a test binary.
static MID: AtomicU64 = AtomicU64::new(1);

/// A running server, its mock Graph API and what a test drives it with.
pub struct ServerHarness {
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
    /// The Graph API the server sends to.
    pub graph: MockGraphApi,
    /// Posts signed webhooks.
    pub client: WebhookClient,
    /// A plain client that does not follow redirects (for pages and their forms).
    pub http: reqwest::Client,
    app_secret: String,
    page_id: String,
    queues: Arc<dyn Store>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for ServerHarness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerHarness")
            .field("base_url", &self.base_url)
            .field("graph", &self.graph.base_url())
            .finish_non_exhaustive()
    }
}

/// Why the server did not settle in time: what was still queued.
fn busy(inbox: &QueueCounts, outbox: &QueueCounts) -> Option<String> {
    let waiting = inbox.pending + inbox.in_progress + outbox.pending + outbox.in_progress;
    (waiting > 0).then(|| {
        format!(
            "inbox {} pending, {} processing; outbox {} pending, {} sending",
            inbox.pending, inbox.in_progress, outbox.pending, outbox.in_progress
        )
    })
}

impl ServerHarness {
    /// Binds `127.0.0.1:0` and spawns `serve(listener, shutdown)`. Webhooks are signed with
    /// `app_secret` and come from `page_id`; `queues` is the server's store (its inbox and
    /// outbox counts say when a turn is over).
    pub async fn spawn<F, Fut>(
        graph: MockGraphApi,
        app_secret: &str,
        page_id: &str,
        queues: Arc<dyn Store>,
        serve: F,
    ) -> Result<ServerHarness, TestkitError>
    where
        F: FnOnce(TcpListener, Shutdown) -> Fut,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let addr = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| TestkitError::Bind { addr, source })?;
        let local = listener
            .local_addr()
            .map_err(|source| TestkitError::Bind { addr, source })?;
        let (stop, stopped) = oneshot::channel::<()>();
        let shutdown: Shutdown = Box::pin(async move {
            let _ = stopped.await;
        });
        let task = tokio::spawn(serve(listener, shutdown));
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(ServerHarness {
            base_url: format!("http://{local}"),
            graph,
            client: WebhookClient::new()?,
            http,
            app_secret: app_secret.to_owned(),
            page_id: page_id.to_owned(),
            queues,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// `<base_url>/webhook`.
    pub fn webhook_url(&self) -> String {
        format!("{}/webhook", self.base_url)
    }

    /// Waits until the server has nothing left to do: no inbox event pending or processing,
    /// no outbox message pending or sending, and no new Graph API request between two such
    /// readings. Fails with what was still queued after [`SETTLE_TIMEOUT`] (a retry
    /// scheduled for later than a fixed clock's "now" never becomes due, for instance).
    pub async fn settle(&self) -> Result<(), TestkitError> {
        let deadline = tokio::time::Instant::now() + SETTLE_TIMEOUT;
        let mut idle_at: Option<usize> = None;
        loop {
            let store_error =
                |e: bankbot_store::StoreError| TestkitError::NotSettled(e.to_string());
            let inbox = self.queues.inbox_counts().await.map_err(store_error)?;
            let outbox = self.queues.outbox_counts().await.map_err(store_error)?;
            let requests = self.graph.sent().len();
            let waiting = busy(&inbox, &outbox);
            if waiting.is_none() && idle_at == Some(requests) {
                return Ok(());
            }
            idle_at = waiting.is_none().then_some(requests);
            if tokio::time::Instant::now() >= deadline {
                return Err(TestkitError::NotSettled(
                    waiting.unwrap_or_else(|| "Graph API requests still arriving".into()),
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Posts a webhook body signed with the app secret; the response status.
    pub async fn post(&self, body: &Value) -> Result<StatusCode, TestkitError> {
        let (status, _) = self
            .client
            .post_signed_json(&self.webhook_url(), &self.app_secret, body)
            .await?;
        Ok(status)
    }

    /// The message bodies sent to `psid` so far (successful sends only).
    pub fn sent_to(&self, psid: &str) -> Vec<Value> {
        self.graph
            .sent()
            .into_iter()
            .filter(|r| {
                r.is_message() && r.succeeded() && r.recipient_id().as_deref() == Some(psid)
            })
            .map(|r| r.body)
            .collect()
    }

    /// Waits until `psid` has received more than `before` messages, then until the server
    /// [settles](Self::settle); returns the new messages.
    pub async fn replies_after(
        &self,
        psid: &str,
        before: usize,
    ) -> Result<Vec<Value>, TestkitError> {
        let deadline = tokio::time::Instant::now() + SETTLE_TIMEOUT;
        while self.sent_to(psid).len() <= before {
            if tokio::time::Instant::now() >= deadline {
                return Err(TestkitError::NotSettled(format!(
                    "no reply to {psid} within {} s",
                    SETTLE_TIMEOUT.as_secs()
                )));
            }
            tokio::time::sleep(POLL).await;
        }
        self.settle().await?;
        Ok(self.sent_to(psid).split_off(before))
    }

    /// Sends a text as `psid`; the bot's replies once it settled.
    pub async fn say(&self, psid: &str, text: &str) -> Result<Vec<Value>, TestkitError> {
        let before = self.sent_to(psid).len();
        let body =
            webhooks::text_message(&self.page_id, psid, &next_mid(), text, webhooks::now_ms());
        self.post_expecting_ok(&body).await?;
        self.replies_after(psid, before).await
    }

    /// Taps a quick reply (or button) payload as `psid`; the bot's replies once it settled.
    pub async fn tap(
        &self,
        psid: &str,
        title: &str,
        payload: &str,
    ) -> Result<Vec<Value>, TestkitError> {
        let before = self.sent_to(psid).len();
        let body = webhooks::quick_reply(
            &self.page_id,
            psid,
            &next_mid(),
            title,
            payload,
            webhooks::now_ms(),
        );
        self.post_expecting_ok(&body).await?;
        self.replies_after(psid, before).await
    }

    /// Posts `body` (signed); the bot's replies to `psid` once it settled.
    pub async fn post_and_settle(
        &self,
        psid: &str,
        body: &Value,
    ) -> Result<Vec<Value>, TestkitError> {
        let before = self.sent_to(psid).len();
        self.post_expecting_ok(body).await?;
        self.replies_after(psid, before).await
    }

    async fn post_expecting_ok(&self, body: &Value) -> Result<(), TestkitError> {
        match self.post(body).await? {
            StatusCode::OK => Ok(()),
            status => Err(TestkitError::Refused(status.as_u16())),
        }
    }
}

/// A fresh message id (`m_e2e_<n>`).
pub fn next_mid() -> String {
    format!("m_e2e_{}", MID.fetch_add(1, Ordering::SeqCst))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_names_what_is_still_queued() {
        let idle = QueueCounts::default();
        assert_eq!(busy(&idle, &idle), None);
        let sending = QueueCounts {
            in_progress: 2,
            ..QueueCounts::default()
        };
        let said = busy(&idle, &sending).unwrap();
        assert!(said.contains("2 sending"), "{said}");
        let pending = QueueCounts {
            pending: 1,
            ..QueueCounts::default()
        };
        assert!(busy(&pending, &idle).unwrap().contains("inbox 1 pending"));
    }
}
