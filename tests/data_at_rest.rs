//! Data at rest after a real start: every file the bot creates is the owner's only, and
//! "delete my data" erases the user's lines from the demo's kept replies.

mod common;

use std::path::Path;
use std::time::Duration;

use bankbot::app::Server;
use bankbot_core::FixedClock;
use bankbot_testkit::{MockGraphApi, webhooks};
use common::{NOW, PAGE, TestBot};
use serde_json::Value;

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The demo as `serve` runs it with nothing configured: generated key, webhook secrets and
/// alerts secret, replies kept locally, the database in a directory the bot creates.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_file_and_directory_the_bot_creates_is_private() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("state/bankbot-data");
    let mut config = bankbot::config::Config::default();
    config.store.url = Some(format!("sqlite://{}/bankbot.db", data.display()));
    config.nlu.intents = Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("intents"));
    let clock = std::sync::Arc::new(FixedClock::parse(NOW).unwrap());
    let server = Server::build(&config, clock).await.unwrap();
    assert!(server.banner().replies_kept_locally);

    for dir in [root.path().join("state"), data.clone()] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    let files = [
        "bankbot.db",
        "bankbot.db-wal",
        "bankbot.db-shm",
        "encryption.key",
        "messenger-demo.toml",
        "alerts.secret",
        "kept-replies.jsonl",
    ];
    for name in files {
        assert_eq!(mode(&data.join(name)), 0o600, "{name}");
    }
    let mut present: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    let mut expected: Vec<String> = files.iter().map(|f| (*f).to_owned()).collect();
    expected.sort();
    assert_eq!(present, expected, "a file the test does not check");

    // The generated secrets never reach Debug output (the server's, its banner's).
    let banner = server.banner().clone();
    let secret = banner.generated_app_secret.clone().unwrap();
    for shown in [format!("{server:?}"), format!("{banner:#?}")] {
        assert!(!shown.contains(&secret), "app secret in {shown}");
        assert!(
            !shown.contains(&banner.verify_token),
            "verify token in {shown}"
        );
    }
    drop(server);
}

/// The lines of the kept-replies file, parsed.
fn kept(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn lines_of<'a>(lines: &'a [Value], psid: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["user"] == psid).collect()
}

async fn wait_for(path: &Path, what: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let lines = kept(path);
        if done(&lines) {
            return lines;
        }
        assert!(tokio::time::Instant::now() < deadline, "{what}: {lines:?}");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_my_data_erases_the_users_kept_replies_only() {
    let graph = MockGraphApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = common::config_for(dir.path(), &graph);
    config.messenger.page_access_token = None;
    let path = dir.path().join("kept-replies.jsonl");
    let bot = TestBot::start_with(config, graph, dir).await;
    let (alice, bob) = ("7000000000000101", "7000000000000102");
    let say = |psid: &'static str, mid: &str, text: &str| {
        webhooks::text_message(PAGE, psid, mid, text, webhooks::now_ms())
    };
    assert!(
        bot.post(&say(alice, "m_rest_1", "hello"))
            .await
            .is_success()
    );
    assert!(bot.post(&say(bob, "m_rest_2", "hello")).await.is_success());
    wait_for(&path, "greetings", |l| {
        !lines_of(l, alice).is_empty() && !lines_of(l, bob).is_empty()
    })
    .await;
    assert!(
        bot.post(&say(alice, "m_rest_3", "delete my data"))
            .await
            .is_success()
    );
    let lines = wait_for(&path, "the question", |l| {
        lines_of(l, alice)
            .iter()
            .any(|v| v["reply"].to_string().contains("YES"))
    })
    .await;
    let before = lines_of(&lines, alice).len();
    let bob_before = lines_of(&lines, bob).len();
    let yes = webhooks::quick_reply(PAGE, alice, "m_rest_4", "Yes", "YES", webhooks::now_ms());
    assert!(bot.post(&yes).await.is_success());
    // Everything alice was sent before is gone; only the erasure's own confirmation,
    // delivered after it, is there. Bob's lines are untouched.
    let lines = wait_for(&path, "the erasure", |l| lines_of(l, alice).len() < before).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let lines = {
        let again = kept(&path);
        if again.len() >= lines.len() {
            again
        } else {
            lines
        }
    };
    let alices = lines_of(&lines, alice);
    assert!(alices.len() <= 1, "{alices:?}");
    assert!(
        alices
            .iter()
            .all(|v| !v["reply"].to_string().contains("YES"))
    );
    assert_eq!(lines_of(&lines, bob).len(), bob_before);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    bot.stop().await;
}
