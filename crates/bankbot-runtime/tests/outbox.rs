//! The outbox sender's rules over a real store (the keep sender; one test sends to the
//! testkit's Graph API on loopback, to count the requests): in order per user, nothing left once sent, an unreadable reply
//! given up without holding back the next, a failing channel tried `max_attempts` times
//! in all with the outbox owning the retries.

mod common;

use std::sync::Arc;
use std::time::Duration;

use bankbot_core::{Clock, Reply, SystemClock};
use bankbot_messenger::{SendClient, SendOptions};
use bankbot_runtime::{MessengerSender, OutboxOptions, OutboxSender};
use bankbot_store::OutboxMessage;
use bankbot_testkit::{MockGraphApi, graph_errors};
use common::{Bench, user};

fn message(u: &bankbot_core::UserId, text: &str) -> OutboxMessage {
    let reply = serde_json::to_string(&Reply::text(text)).unwrap();
    OutboxMessage::new(u.clone(), bankbot_core::OutboxLabel::Response, reply)
}

#[tokio::test]
async fn replies_go_out_in_order_per_user_and_leave_nothing_behind() {
    let bench = Bench::new().await;
    let (a, b) = (user("3001"), user("3002"));
    let queued = vec![
        message(&a, "a1"),
        message(&b, "b1"),
        message(&a, "a2"),
        message(&a, "a3"),
        message(&b, "b2"),
    ];
    bench
        .store
        .enqueue(queued, SystemClock.now())
        .await
        .unwrap();
    let sender = bench.outbox(OutboxOptions::default());
    // One message per user per round: the next waits until the one before is sent.
    for _ in 0..3 {
        sender.round().await.unwrap();
    }
    let texts = |u| {
        bench
            .keep
            .kept()
            .into_iter()
            .filter(|(v, _)| v == u)
            .map(|(_, r)| match r {
                Reply::Text { text, .. } => text,
                other => panic!("{other:?}"),
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(&a), ["a1", "a2", "a3"]);
    assert_eq!(texts(&b), ["b1", "b2"]);
    let counts = bench.store.outbox_counts().await.unwrap();
    assert_eq!(
        (counts.pending, counts.in_progress, counts.failed),
        (0, 0, 0)
    );
}

#[tokio::test]
async fn an_unreadable_reply_is_given_up_and_the_next_still_goes() {
    let bench = Bench::new().await;
    let u = user("3003");
    let broken = OutboxMessage::new(
        u.clone(),
        bankbot_core::OutboxLabel::Response,
        "{not a reply".to_owned(),
    );
    bench
        .store
        .enqueue(vec![broken, message(&u, "after")], SystemClock.now())
        .await
        .unwrap();
    let sender = bench.outbox(OutboxOptions::default());
    sender.round().await.unwrap();
    sender.round().await.unwrap();
    assert_eq!(bench.keep.kept().len(), 1);
    let counts = bench.store.outbox_counts().await.unwrap();
    assert_eq!((counts.pending, counts.failed), (0, 1), "{counts:?}");
}

#[tokio::test]
async fn a_failing_channel_is_tried_max_attempts_times_in_all_with_no_nested_retries() {
    let bench = Bench::new().await;
    let u = user("3004");
    bench
        .store
        .enqueue(vec![message(&u, "hello")], SystemClock.now())
        .await
        .unwrap();
    // Meta answers 500 to everything: each send is worth retrying later.
    let graph = MockGraphApi::start().await;
    graph.fail_next(100, 500, graph_errors::server_error());
    let mut options = SendOptions::new("token");
    options.graph_api_url = graph.base_url();
    // The client alone would retry 3 times; the outbox owns the retries instead.
    options.max_retries = 3;
    let client = Arc::new(SendClient::new(options).unwrap());
    let sender = OutboxSender::new(
        bench.store.clone(),
        Arc::new(MessengerSender::new(client)),
        Arc::new(SystemClock),
        OutboxOptions {
            max_attempts: 2,
            base_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(1),
            ..OutboxOptions::default()
        },
        bench.outbox_wakeup.clone(),
    );
    assert_eq!(sender.round().await.unwrap(), 1);
    let counts = bench.store.outbox_counts().await.unwrap();
    assert_eq!(
        (counts.pending, counts.failed),
        (1, 0),
        "after one attempt: {counts:?}"
    );
    assert_eq!(graph.sent().len(), 1, "one attempt is one request");
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert_eq!(sender.round().await.unwrap(), 1);
    let counts = bench.store.outbox_counts().await.unwrap();
    assert_eq!(
        (counts.pending, counts.failed),
        (0, 1),
        "after two attempts: {counts:?}"
    );
    assert_eq!(
        graph.sent().len(),
        2,
        "max_attempts = 2 is two requests in all"
    );
}
