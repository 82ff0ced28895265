//! Security issue 11, point 6: slow or stalled clients are cut (`[server]
//! header_timeout_secs`, `body_timeout_secs`), connections are capped (`[server]
//! max_connections`), and a graceful stop still finishes the request in hand. Raw sockets
//! against a real started server; the limits are short so the tests run fast.

mod common;

use std::time::Duration;

use bankbot_testkit::{MockGraphApi, sign, webhooks};
use common::{APP_SECRET, PAGE, TestBot, config_for};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Longest a test waits for something that should happen within the configured limit.
const PATIENCE: Duration = Duration::from_secs(15);

async fn bot_with(header_secs: u64, body_secs: u64, max_connections: usize) -> TestBot {
    let graph = MockGraphApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(dir.path(), &graph);
    config.server.header_timeout_secs = header_secs;
    config.server.body_timeout_secs = body_secs;
    config.server.max_connections = max_connections;
    TestBot::start_with(config, graph, dir).await
}

async fn connect(bot: &TestBot) -> TcpStream {
    TcpStream::connect(bot.base_url.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Reads until the server closes the connection (or resets it); `None` if it is still
/// open after [`PATIENCE`].
async fn read_until_closed(stream: &mut TcpStream) -> Option<String> {
    let mut seen = Vec::new();
    let read = tokio::time::timeout(PATIENCE, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&seen).into_owned())
}

/// Reads one whole `GET /health` response (`ok` body) within `wait`.
async fn read_health(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut seen = Vec::new();
    tokio::time::timeout(wait, async {
        let mut buf = [0u8; 1024];
        while !String::from_utf8_lossy(&seen).ends_with("\r\n\r\nok") {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return false,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
        true
    })
    .await
    .unwrap_or(false)
}

const HEALTH: &[u8] = b"GET /health HTTP/1.1\r\nHost: bot.test\r\n\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_stalling_in_its_headers_is_cut() {
    // Before: the connection stayed open for as long as the client liked.
    let bot = bot_with(1, 1, 16).await;
    let mut stalled = connect(&bot).await;
    stalled
        .write_all(b"POST /webhook HTTP/1.1\r\nHost: bot.test\r\nContent-Ty")
        .await
        .unwrap();
    let answer = read_until_closed(&mut stalled).await;
    assert!(
        answer.is_some(),
        "a client stalled in its headers was not cut"
    );

    // A kept-alive connection left idle after a request is closed the same way.
    let mut idle = connect(&bot).await;
    idle.write_all(HEALTH).await.unwrap();
    assert!(read_health(&mut idle, PATIENCE).await);
    assert!(
        read_until_closed(&mut idle).await.is_some(),
        "an idle kept-alive connection was not cut"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_stalling_in_its_body_is_cut() {
    // Before: the webhook waited for the rest of the body forever.
    let bot = bot_with(5, 1, 16).await;
    let body = serde_json::to_vec(&webhooks::text_message(
        PAGE,
        "7400000000000001",
        "m_slow_body",
        "hello",
        webhooks::now_ms(),
    ))
    .unwrap();
    let head = format!(
        "POST /webhook HTTP/1.1\r\nHost: bot.test\r\nContent-Type: application/json\r\n\
         X-Hub-Signature-256: {}\r\nContent-Length: {}\r\n\r\n",
        sign(APP_SECRET, &body),
        body.len()
    );
    let mut stalled = connect(&bot).await;
    stalled.write_all(head.as_bytes()).await.unwrap();
    stalled.write_all(&body[..10]).await.unwrap();
    let answer = read_until_closed(&mut stalled).await;
    let answer = answer.expect("a client stalled in its body was not cut");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_cap_wait_for_a_free_slot() {
    // Before: every connection was served at once.
    const MAX: usize = 2;
    const EXTRA: usize = 3;
    // Long header timeout: the served connections stay open (kept alive) during the test.
    let bot = bot_with(20, 5, MAX).await;
    let mut streams = Vec::new();
    for _ in 0..MAX + EXTRA {
        let mut stream = connect(&bot).await;
        stream.write_all(HEALTH).await.unwrap();
        streams.push(stream);
    }
    let mut served = Vec::new();
    let mut waiting = Vec::new();
    for mut stream in streams {
        if read_health(&mut stream, Duration::from_millis(1500)).await {
            served.push(stream);
        } else {
            waiting.push(stream);
        }
    }
    assert_eq!(served.len(), MAX, "served at once");
    assert_eq!(waiting.len(), EXTRA);

    // Closing the served connections lets the waiting ones in, at most MAX at a time.
    drop(served);
    let mut answered = Vec::new();
    let mut still = Vec::new();
    for mut stream in waiting {
        if read_health(&mut stream, Duration::from_millis(1500)).await {
            answered.push(stream);
        } else {
            still.push(stream);
        }
    }
    assert_eq!(answered.len(), MAX, "the freed slots were reused");
    assert_eq!(still.len(), EXTRA - MAX);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_graceful_stop_finishes_the_request_in_hand() {
    let bot = bot_with(5, 5, 16).await;
    let psid = "7400000000000002";
    let body = serde_json::to_vec(&webhooks::text_message(
        PAGE,
        psid,
        "m_in_flight",
        "hello",
        webhooks::now_ms(),
    ))
    .unwrap();
    let head = format!(
        "POST /webhook HTTP/1.1\r\nHost: bot.test\r\nContent-Type: application/json\r\n\
         X-Hub-Signature-256: {}\r\nContent-Length: {}\r\n\r\n",
        sign(APP_SECRET, &body),
        body.len()
    );
    let mut in_flight = connect(&bot).await;
    in_flight.write_all(head.as_bytes()).await.unwrap();
    in_flight.write_all(&body[..10]).await.unwrap();
    let mut idle = connect(&bot).await;
    idle.write_all(HEALTH).await.unwrap();
    assert!(read_health(&mut idle, PATIENCE).await);
    let addr = bot.base_url.trim_start_matches("http://").to_owned();

    let stopping = tokio::spawn(bot.stop());
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The idle connection is closed; no new connection is served.
    assert!(read_until_closed(&mut idle).await.is_some());
    if let Ok(mut late) = TcpStream::connect(&addr).await {
        let _ = late.write_all(HEALTH).await;
        assert!(!read_health(&mut late, Duration::from_millis(500)).await);
    }
    // The request in hand completes.
    in_flight.write_all(&body[10..]).await.unwrap();
    let answer = read_until_closed(&mut in_flight).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    tokio::time::timeout(PATIENCE, stopping)
        .await
        .expect("the server stopped")
        .unwrap();
}
