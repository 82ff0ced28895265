//! The database going away (issue 14, point 4): a private PostgreSQL cluster (initdb and
//! pg_ctl from the distribution, in a temporary directory, on a free port), `bankbot
//! serve` instance(s) on it, sustained signed webhooks from many users, and PostgreSQL
//! stopped for a while under that load and started again. Then:
//!
//! - while it is down, webhooks are answered 5xx (so Meta redelivers) — none 200;
//! - every acknowledged (200) event got exactly its reply: none lost, none doubled, in
//!   order per user;
//! - service resumes by itself: events acknowledged after the return are answered too.
//!
//! The test's sender behaves like Meta: a refused or failed POST is delivered again, same
//! `mid`, to the next instance, until one acknowledges it. Each message asks for the ATMs
//! near a Paris postcode and the reply names it, so each reply is traced to its event.
//!
//! It prints: acknowledged, 5xx, lost/duplicated/reordered, and the time from the
//! database's return to the first 200. The CI version takes about 25 s; the report's:
//! `OUTAGE_INSTANCES=3 OUTAGE_SECS=20 cargo test --test db_outage -- --nocapture`.
//! Knobs: `OUTAGE_INSTANCES` (1), `OUTAGE_SECS` (10), `OUTAGE_LOAD_SECS` (load before
//! and after the outage, 4 each), `OUTAGE_USERS` (16), `OUTAGE_PAUSE_MS` (pause of each
//! user between messages, 100). Skipped, with a notice, where the PostgreSQL server
//! binaries (`/usr/lib/postgresql/*/bin`) are missing.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bankbot_testkit::{MockGraphApi, WebhookClient, webhooks};
use common::processes::{POSTCODES, free_port, knob};
use common::reply_tally::{Answer, Tally, answered, answers, tally};
use common::{APP_SECRET, NOW, PAGE, VERIFY_TOKEN};

/// The newest PostgreSQL server binaries of the distribution, if installed.
fn postgres_bin() -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
        .collect();
    found.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok())
            .unwrap_or(0)
    });
    found.pop()
}

/// A PostgreSQL cluster of the test's own. The server refuses to run as root, so as root
/// its commands run as the `postgres` user (`runuser`), which owns the directory.
struct PrivatePostgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl PrivatePostgres {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn command(bin: &Path, tool: &str) -> Command {
        let tool = bin.join(tool);
        if nix_is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(tool);
            c
        } else {
            Command::new(tool)
        }
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let out = Self::command(&self.bin, tool)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{tool} {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn init(bin: PathBuf) -> Self {
        let dir = tempfile::Builder::new()
            .prefix("bankbot-outage-pg")
            .tempdir()
            .unwrap();
        if nix_is_root() {
            let status = Command::new("chown")
                .args(["-R", "postgres:"])
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(status.success(), "chown of the cluster directory failed");
        }
        let pg = PrivatePostgres {
            bin,
            dir,
            port: free_port(),
        };
        let data = pg.data();
        pg.run(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-A",
                "trust",
                "-U",
                "bankbot",
                "--no-sync",
            ],
        );
        pg
    }

    fn start(&self) {
        let data = self.data();
        let opts = format!(
            "-p {} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-o",
                &opts,
                "-l",
                log.to_str().unwrap(),
                "-w",
                "start",
            ],
        );
    }

    /// A fast shutdown: clients are disconnected (57P01), nothing waits for them.
    fn stop(&self) {
        let data = self.data();
        self.run(
            "pg_ctl",
            &["-D", data.to_str().unwrap(), "-m", "fast", "-w", "stop"],
        );
    }

    fn url(&self) -> String {
        format!("postgres://bankbot@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        let data = self.data();
        let _ = Self::command(&self.bin, "pg_ctl")
            .args(["-D", data.to_str().unwrap(), "-m", "immediate", "stop"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

fn nix_is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The `bankbot serve` processes.
struct Instances {
    children: Vec<Child>,
    urls: Vec<String>,
    _logs: tempfile::TempDir,
}

impl Instances {
    async fn start(n: usize, store_url: &str, graph_url: &str, claim_timeout: u64) -> Self {
        let logs = tempfile::tempdir().unwrap();
        let mut children = Vec::new();
        let mut urls = Vec::new();
        let http = reqwest::Client::new();
        for i in 0..n {
            let port = free_port();
            let log = std::fs::File::create(logs.path().join(format!("instance-{i}.log"))).unwrap();
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_bankbot"));
            cmd.arg("serve")
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("BANKBOT_SERVER__LISTEN", format!("127.0.0.1:{port}"))
                .env("BANKBOT_SERVER__PUBLIC_URL", "http://bot.test")
                .env("BANKBOT_STORE__URL", store_url)
                .env("BANKBOT_MESSENGER__VERIFY_TOKEN", VERIFY_TOKEN)
                .env("BANKBOT_MESSENGER__APP_SECRET", APP_SECRET)
                .env("BANKBOT_MESSENGER__PAGE_ACCESS_TOKEN", "outage-page-token")
                .env("BANKBOT_MESSENGER__GRAPH_API_URL", graph_url)
                .env("BANKBOT_SECURITY__ENCRYPTION_KEY", "44".repeat(32))
                .env("BANKBOT_NOW", NOW)
                .env("RUST_LOG", "warn")
                .stdout(Stdio::null())
                .stderr(Stdio::from(log));
            // Instances sharing the database take back a dead peer's claims after the
            // timeout; it must outlast the outage, or a live peer's claim (a reply Meta
            // has, its `mark_sent` waiting for the database) would be taken and sent again.
            if n > 1 {
                cmd.env(
                    "BANKBOT_RUNTIME__CLAIM_TIMEOUT_SECS",
                    claim_timeout.to_string(),
                );
            }
            children.push(cmd.spawn().unwrap());
            let url = format!("http://127.0.0.1:{port}");
            let mut ready = false;
            for _ in 0..600 {
                if let Ok(r) = http.get(format!("{url}/ready")).send().await
                    && r.status().is_success()
                {
                    ready = true;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            assert!(ready, "instance {i} not ready (logs in {:?})", logs.path());
            urls.push(format!("{url}/webhook"));
        }
        Instances {
            children,
            urls,
            _logs: logs,
        }
    }
}

impl Drop for Instances {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// What the load saw of the webhook.
#[derive(Default)]
struct Responses {
    /// Time of every 200, from the start of the run.
    acked_at: Mutex<Vec<Duration>>,
    server_errors: AtomicUsize,
    /// Refused connections and timeouts.
    transport_errors: AtomicUsize,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_under_load_loses_nothing_and_service_resumes() {
    let Some(bin) = postgres_bin() else {
        println!("skipped: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin");
        return;
    };
    let instances_n = knob("OUTAGE_INSTANCES", 1).max(1) as usize;
    let outage = Duration::from_secs(knob("OUTAGE_SECS", 10));
    let load_secs = Duration::from_secs(knob("OUTAGE_LOAD_SECS", 4));
    let users = knob("OUTAGE_USERS", 16) as usize;
    let pause = Duration::from_millis(knob("OUTAGE_PAUSE_MS", 100));
    let claim_timeout = 2 * outage.as_secs() + 10;

    let pg = PrivatePostgres::init(bin);
    pg.start();
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET);
    let instances =
        Instances::start(instances_n, &pg.url(), &graph.base_url(), claim_timeout).await;
    let urls = Arc::new(instances.urls.clone());

    let t0 = Instant::now();
    let stop = Arc::new(AtomicBool::new(false));
    let responses = Arc::new(Responses::default());
    let sent: Arc<Mutex<HashMap<String, Vec<&'static str>>>> = Arc::default();
    let mut load = Vec::new();
    for u in 0..users {
        let (urls, stop, sent, responses) =
            (urls.clone(), stop.clone(), sent.clone(), responses.clone());
        load.push(tokio::spawn(async move {
            let client = WebhookClient::new().unwrap();
            let psid = format!("88{u:014}");
            let mut last_ts = 0;
            let mut target = u;
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                let postcode = POSTCODES[n % POSTCODES.len()];
                let ts = webhooks::now_ms().max(last_ts + 1);
                last_ts = ts;
                let mid = format!("m_outage_{u}_{n}");
                let body =
                    webhooks::text_message(PAGE, &psid, &mid, &format!("atm near {postcode}"), ts);
                // Delivered again (same mid), as Meta does, until acknowledged.
                loop {
                    target += 1;
                    let url = &urls[target % urls.len()];
                    match client.post_signed_json(url, APP_SECRET, &body).await {
                        Ok((status, _)) if status.is_success() => {
                            responses.acked_at.lock().unwrap().push(t0.elapsed());
                            break;
                        }
                        Ok((status, _)) if status.is_server_error() => {
                            responses.server_errors.fetch_add(1, Ordering::SeqCst);
                        }
                        Ok((status, _)) => panic!("webhook answered {status}"),
                        Err(_) => {
                            responses.transport_errors.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                    tokio::time::sleep(Duration::from_millis(200)).await;
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

    tokio::time::sleep(load_secs).await;
    let acked_before = responses.acked_at.lock().unwrap().len();
    let errors_before = responses.server_errors.load(Ordering::SeqCst);
    pg.stop();
    let down_at = t0.elapsed();
    tokio::time::sleep(outage).await;
    let restart_at = t0.elapsed();
    pg.start();
    let back_at = t0.elapsed();
    tokio::time::sleep(load_secs).await;
    stop.store(true, Ordering::SeqCst);
    for task in load {
        task.await.unwrap();
    }

    // Drain: every acknowledged event answered; then a moment for any double to show.
    let sent = sent.lock().unwrap().clone();
    let acknowledged: usize = sent.values().map(Vec::len).sum();
    let drain_started = Instant::now();
    let mut all_answered_at = None;
    while drain_started.elapsed() < Duration::from_secs(claim_timeout + 60) {
        let all = sent
            .iter()
            .all(|(psid, expected)| answered(&graph, psid).len() >= expected.len());
        if all {
            all_answered_at = Some(t0.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;

    let mut total = Tally::default();
    for (psid, expected) in &sent {
        let t = tally(expected, &answered(&graph, psid), never_in_doubt);
        if t != Tally::default() {
            println!("user {psid}: {t:?}");
        }
        total += &t;
    }
    let acked_at = responses.acked_at.lock().unwrap().clone();
    let acked_while_down = acked_at
        .iter()
        // A request answered just as the server went down may have committed before.
        .filter(|at| **at > down_at + Duration::from_secs(1) && **at < restart_at)
        .count();
    let first_after = acked_at
        .iter()
        .filter(|at| **at >= restart_at)
        .min()
        .copied();
    let acked_after = acked_at.iter().filter(|at| **at >= back_at).count();
    let server_errors = responses.server_errors.load(Ordering::SeqCst);
    let transport_errors = responses.transport_errors.load(Ordering::SeqCst);
    println!(
        "db outage: {instances_n} instance(s), {users} users, PostgreSQL down {:.1} s: \
         acknowledged {acknowledged} ({acked_before} before the outage, {acked_while_down} \
         while down, {acked_after} after), 5xx {server_errors} ({errors_before} before the \
         outage), transport errors {transport_errors}, lost {}, duplicated {}, reordered per \
         user {}, first 200 {} after the database was back (pg_ctl start returned {:.2} s \
         after it was called), every acknowledged event answered {} after the load stopped",
        (restart_at - down_at).as_secs_f64(),
        total.lost,
        total.duplicated,
        total.reordered,
        first_after.map_or("never".to_owned(), |f| format!(
            "{:.2} s",
            f.saturating_sub(back_at).as_secs_f64()
        )),
        (back_at - restart_at).as_secs_f64(),
        all_answered_at.map_or("never".to_owned(), |a| format!(
            "{:.2} s",
            a.saturating_sub(back_at + load_secs).as_secs_f64()
        )),
    );
    drop(instances);
    assert!(acked_before > 0, "no event acknowledged before the outage");
    assert_eq!(
        acked_while_down, 0,
        "a webhook was acknowledged with the database down"
    );
    assert!(
        server_errors > errors_before,
        "no 5xx while the database was down"
    );
    assert!(
        acked_after > 0,
        "service did not resume after the database came back"
    );
    assert_eq!(
        total,
        Tally::default(),
        "lost, doubled or reordered replies"
    );
}

/// No process is killed here: a duplicate is never excused.
fn never_in_doubt(_: &Answer) -> bool {
    false
}

#[test]
fn the_tally_counts_what_went_wrong() {
    let got = answers;
    let tally = |expected: &[&str], got: &[Answer]| tally(expected, got, never_in_doubt);
    assert_eq!(
        tally(&["a", "b", "c"], &got(&["a", "b", "c"])),
        Tally::default()
    );
    assert_eq!(
        tally(&["a", "b", "c"], &got(&["a", "c"])),
        Tally {
            lost: 1,
            ..Tally::default()
        }
    );
    assert_eq!(
        tally(&["a", "b", "c"], &got(&["a", "b", "b", "c"])),
        Tally {
            duplicated: 1,
            ..Tally::default()
        }
    );
    assert_eq!(tally(&["a", "b", "c"], &got(&["b", "a", "c"])).reordered, 2);
}
