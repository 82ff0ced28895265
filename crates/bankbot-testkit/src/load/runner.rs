//! The load loop: workers (closed loop) or a pacer (open loop, `--rate`) posting webhooks,
//! a dispatcher matching replies, a sweeper expiring events whose reply never came.

use super::{KindReport, LoadOptions, LoadReport, RequestKind, asks_to_link, linking, stats};
use crate::{Endpoint, MockGraphApi, RecordedRequest, TestkitError, WebhookClient, sign, webhooks};
use reqwest::StatusCode;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::{Notify, Semaphore, broadcast, mpsc};

/// Open loop: an event starting later than this after its scheduled time counts as late.
const LATE: Duration = Duration::from_millis(10);

/// PSIDs of load users are `PSID_BASE + index` (16 digits, like real PSIDs).
const PSID_BASE: u64 = 7_490_000_000_000_000;

pub(super) fn psid(user: usize) -> String {
    (PSID_BASE + user as u64).to_string()
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[derive(Debug)]
struct Pending {
    event: usize,
    kind: RequestKind,
    started: Instant,
    first_send: Option<Instant>,
}

#[derive(Debug, Default)]
struct Tally {
    statuses: BTreeMap<String, usize>,
    acked: usize,
    ack_latencies: Vec<Duration>,
    to_first_send: Vec<Duration>,
    to_reply: Vec<Duration>,
    replies: usize,
    with_reply: usize,
    lagged: u64,
    late_starts: usize,
    asking_to_link: usize,
    acked_by_kind: BTreeMap<RequestKind, usize>,
    to_reply_by_kind: BTreeMap<RequestKind, Vec<Duration>>,
    last_answer: Option<Instant>,
}

#[derive(Debug)]
struct Shared {
    opts: LoadOptions,
    run_id: i64,
    pending: Mutex<HashMap<usize, Pending>>,
    tally: Mutex<Tally>,
    ready_tx: mpsc::UnboundedSender<usize>,
    ready_rx: tokio::sync::Mutex<mpsc::UnboundedReceiver<usize>>,
    next_event: AtomicUsize,
    settled: Notify,
}

impl Shared {
    /// Frees `user` if its outstanding event is still `event`.
    fn release(&self, user: usize, event: usize) {
        let mut pending = lock(&self.pending);
        if pending.get(&user).is_some_and(|p| p.event == event) {
            pending.remove(&user);
            let _ = self.ready_tx.send(user);
        }
        drop(pending);
        self.settled.notify_waiters();
    }

    fn record_answer(
        &self,
        kind: RequestKind,
        result: &Result<(StatusCode, Duration), TestkitError>,
    ) -> bool {
        let mut tally = lock(&self.tally);
        tally.last_answer = Some(Instant::now());
        match result {
            Ok((status, elapsed)) => {
                *tally
                    .statuses
                    .entry(status.as_u16().to_string())
                    .or_insert(0) += 1;
                if status.is_success() {
                    tally.acked += 1;
                    tally.ack_latencies.push(*elapsed);
                    *tally.acked_by_kind.entry(kind).or_insert(0) += 1;
                    return true;
                }
                false
            }
            Err(e) => {
                tracing::debug!(error = %e, "webhook POST failed");
                *tally.statuses.entry("error".to_owned()).or_insert(0) += 1;
                false
            }
        }
    }

    /// Matches one mock Graph request to the outstanding event of its recipient.
    fn observe(&self, request: &RecordedRequest) {
        if request.endpoint != Endpoint::Messages || !request.succeeded() {
            return;
        }
        let Some(user) = request
            .recipient_id()
            .and_then(|p| p.parse::<u64>().ok())
            .and_then(|n| n.checked_sub(PSID_BASE))
            .and_then(|u| usize::try_from(u).ok())
            .filter(|u| *u < self.opts.users)
        else {
            return;
        };
        let is_message = request.is_message();
        let asking_to_link = is_message && asks_to_link(request);
        let mut pending = lock(&self.pending);
        let mut tally = lock(&self.tally);
        if is_message {
            tally.replies += 1;
        }
        if asking_to_link {
            tally.asking_to_link += 1;
        }
        let Some(p) = pending.get_mut(&user) else {
            return;
        };
        if request.received_at < p.started {
            return; // a late send belonging to an earlier event
        }
        let first = *p.first_send.get_or_insert(request.received_at);
        if is_message {
            let to_reply = request.received_at.duration_since(p.started);
            tally.to_first_send.push(first.duration_since(p.started));
            tally.to_reply.push(to_reply);
            tally
                .to_reply_by_kind
                .entry(p.kind)
                .or_default()
                .push(to_reply);
            tally.with_reply += 1;
            pending.remove(&user);
            let _ = self.ready_tx.send(user);
            drop(tally);
            drop(pending);
            self.settled.notify_waiters();
        }
    }

    /// Frees users whose event waited longer than the reply timeout.
    fn sweep(&self) {
        let now = Instant::now();
        let timeout = self.opts.reply_timeout;
        let mut pending = lock(&self.pending);
        let expired: Vec<usize> = pending
            .iter()
            .filter(|(_, p)| now.duration_since(p.started) >= timeout)
            .map(|(user, _)| *user)
            .collect();
        for user in &expired {
            pending.remove(user);
            let _ = self.ready_tx.send(*user);
        }
        drop(pending);
        if !expired.is_empty() {
            self.settled.notify_waiters();
        }
    }
}

/// Posts event number `event` for `user` (registered as the user's outstanding event).
async fn post_event(shared: &Shared, client: &WebhookClient, user: usize, event: usize) {
    let opts = &shared.opts;
    let mid = format!("m_load{:x}_{event:08}", shared.run_id);
    let (kind, text) = opts.mix.message(event);
    let body = webhooks::text_message(&opts.page_id, &psid(user), &mid, text, webhooks::now_ms());
    let bytes = body.to_string().into_bytes();
    let signature = sign(&opts.app_secret, &bytes);
    let url = &opts.urls[event % opts.urls.len()];
    let started = Instant::now();
    lock(&shared.pending).insert(
        user,
        Pending {
            event,
            kind,
            started,
            first_send: None,
        },
    );
    let result = client
        .post_with_signature(url, Some(&signature), bytes)
        .await;
    if !shared.record_answer(kind, &result) {
        shared.release(user, event);
    }
}

/// The next ready user, or `None` once `deadline` passed.
async fn next_user(shared: &Shared, deadline: Instant) -> Option<usize> {
    let mut ready = shared.ready_rx.lock().await;
    tokio::time::timeout_at(deadline.into(), ready.recv())
        .await
        .ok()
        .flatten()
}

/// Closed loop: one of `concurrency` workers, each posting its next event when the previous
/// one was answered.
async fn worker(shared: Arc<Shared>, client: WebhookClient, deadline: Instant) {
    loop {
        if Instant::now() >= deadline
            || shared.next_event.load(Ordering::SeqCst) >= shared.opts.events
        {
            return;
        }
        let Some(user) = next_user(&shared, deadline).await else {
            return;
        };
        let event = shared.next_event.fetch_add(1, Ordering::SeqCst);
        if event >= shared.opts.events {
            let _ = shared.ready_tx.send(user);
            return;
        }
        post_event(&shared, &client, user, event).await;
    }
}

/// Open loop: starts event `n` at `start + n / rate` whatever the answers, with at most
/// `concurrency` POSTs in flight; an event that had to wait for a free user or connection
/// is counted late.
async fn pacer(
    shared: Arc<Shared>,
    client: WebhookClient,
    rate: f64,
    start: Instant,
    deadline: Instant,
) {
    let gate = Arc::new(Semaphore::new(shared.opts.concurrency));
    let mut posts = tokio::task::JoinSet::new();
    for event in 0..shared.opts.events {
        let scheduled = start + Duration::from_secs_f64(event as f64 / rate);
        if scheduled >= deadline {
            break;
        }
        tokio::time::sleep_until(scheduled.into()).await;
        let Ok(permit) =
            tokio::time::timeout_at(deadline.into(), Arc::clone(&gate).acquire_owned()).await
        else {
            break;
        };
        let Ok(permit) = permit else { break };
        let Some(user) = next_user(&shared, deadline).await else {
            break;
        };
        shared.next_event.fetch_add(1, Ordering::SeqCst);
        if Instant::now().duration_since(scheduled) > LATE {
            lock(&shared.tally).late_starts += 1;
        }
        let (shared, client) = (Arc::clone(&shared), client.clone());
        posts.spawn(async move {
            post_event(&shared, &client, user, event).await;
            drop(permit);
        });
        while posts.try_join_next().is_some() {}
    }
    while posts.join_next().await.is_some() {}
}

async fn dispatch(shared: Arc<Shared>, mut feed: broadcast::Receiver<RecordedRequest>) {
    loop {
        match feed.recv().await {
            Ok(request) => shared.observe(&request),
            Err(broadcast::error::RecvError::Lagged(n)) => lock(&shared.tally).lagged += n,
            Err(broadcast::error::RecvError::Closed) => return,
        }
    }
}

async fn sweeper(shared: Arc<Shared>) {
    let mut tick = tokio::time::interval(Duration::from_millis(50));
    loop {
        tick.tick().await;
        shared.sweep();
    }
}

/// Runs one load against `options.url`, with replies observed on `graph` (which the bot
/// under test must use as its Graph API). Posts at most `options.events` events within
/// `options.duration_limit`, then waits up to `options.drain_timeout` for outstanding replies.
pub async fn run(options: &LoadOptions, graph: &MockGraphApi) -> Result<LoadReport, TestkitError> {
    options.validate()?;
    let linking = if options.linked {
        let report = linking::link_all(options, graph).await?;
        tracing::info!(linked = report.linked, "load users linked");
        Some(report)
    } else {
        None
    };
    let client = WebhookClient::with_pool(options.concurrency)?;
    let (ready_tx, ready_rx) = mpsc::unbounded_channel();
    for user in 0..options.users {
        let _ = ready_tx.send(user);
    }
    let shared = Arc::new(Shared {
        opts: options.clone(),
        run_id: webhooks::now_ms(),
        pending: Mutex::new(HashMap::new()),
        tally: Mutex::new(Tally::default()),
        ready_tx,
        ready_rx: tokio::sync::Mutex::new(ready_rx),
        next_event: AtomicUsize::new(0),
        settled: Notify::new(),
    });
    let dispatcher = tokio::spawn(dispatch(Arc::clone(&shared), graph.subscribe()));
    let sweeper = tokio::spawn(sweeper(Arc::clone(&shared)));

    let start = Instant::now();
    let deadline = start + options.duration_limit;
    tracing::info!(
        users = options.users,
        events = options.events,
        concurrency = options.concurrency,
        "load started"
    );
    let workers: Vec<_> = match options.rate {
        Some(rate) => vec![tokio::spawn(pacer(
            Arc::clone(&shared),
            client.clone(),
            rate,
            start,
            deadline,
        ))],
        None => (0..options.concurrency)
            .map(|_| tokio::spawn(worker(Arc::clone(&shared), client.clone(), deadline)))
            .collect(),
    };
    for w in workers {
        let _ = w.await;
    }

    // Drain: wait for outstanding replies (the sweeper keeps expiring late ones).
    let drain_deadline = tokio::time::Instant::now() + options.drain_timeout;
    loop {
        let settled = shared.settled.notified();
        tokio::pin!(settled);
        settled.as_mut().enable();
        if lock(&shared.pending).is_empty() {
            break;
        }
        if tokio::time::timeout_at(drain_deadline, settled)
            .await
            .is_err()
        {
            break;
        }
    }
    let end = Instant::now();
    dispatcher.abort();
    sweeper.abort();

    let stopped_by = if shared.next_event.load(Ordering::SeqCst) >= options.events {
        "events"
    } else {
        "duration_limit"
    };
    let mut tally = std::mem::take(&mut *lock(&shared.tally));
    let by_kind = std::mem::take(&mut tally.acked_by_kind)
        .into_iter()
        .map(|(kind, acked)| {
            let to_reply = tally.to_reply_by_kind.remove(&kind).unwrap_or_default();
            let report = KindReport {
                acked,
                webhook_to_reply: stats::summarize(to_reply),
            };
            (kind, report)
        })
        .collect();
    let posting = tally
        .last_answer
        .map_or(Duration::ZERO, |t| t.duration_since(start));
    let report = LoadReport {
        events_sent: tally.statuses.values().sum(),
        acked: tally.acked,
        acks_by_status: tally.statuses,
        acked_events_per_s: stats::rate(tally.acked, posting),
        ack_latency: stats::summarize(tally.ack_latencies),
        replies_received: tally.replies,
        events_with_reply: tally.with_reply,
        events_without_reply: tally.acked.saturating_sub(tally.with_reply),
        webhook_to_first_send: stats::summarize(tally.to_first_send),
        webhook_to_reply: stats::summarize(tally.to_reply),
        feed_lagged: tally.lagged,
        posting_duration_s: (posting.as_secs_f64() * 1000.0).round() / 1000.0,
        duration_s: (end.duration_since(start).as_secs_f64() * 1000.0).round() / 1000.0,
        stopped_by: stopped_by.to_owned(),
        users: options.users,
        concurrency: options.concurrency,
        instances: options.urls.len(),
        target_rate: options.rate,
        late_starts: tally.late_starts,
        linking,
        replies_asking_to_link: tally.asking_to_link,
        by_kind,
    };
    tracing::info!(
        acked = report.acked,
        rate = report.acked_events_per_s,
        "load finished"
    );
    Ok(report)
}
