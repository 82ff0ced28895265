//! The dispatcher's rules over a real `Bot` and store (no HTTP): one user's events in
//! order and users concurrently, a bad event set aside without blocking its user, a
//! result whose claim was taken back dropped, failures retried `max_attempts` times in all.

mod common;

use std::time::Duration;

use bankbot_core::{Clock, SystemClock, UserId};
use bankbot_runtime::{DispatcherOptions, KeepSender, OutboxOptions};
use bankbot_store::NewInboxEvent;
use common::{Bench, says, user};
use tokio::sync::watch;

/// Runs the dispatcher and the outbox sender until `done` holds (at most 20 s).
async fn run_until(bench: &Bench, options: DispatcherOptions, done: impl Fn(&Bench) -> bool) {
    let (stop_tx, stop) = watch::channel(false);
    let dispatcher = tokio::spawn(bench.dispatcher(options).run(stop.clone()));
    let outbox = tokio::spawn(bench.outbox(OutboxOptions::default()).run(stop));
    bench.inbox_wakeup.notify_waiters();
    for _ in 0..400 {
        if done(bench) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop_tx.send(true).unwrap();
    dispatcher.await.unwrap().unwrap();
    outbox.await.unwrap();
}

/// The postcodes of the ATM answers delivered to `u`, in order.
fn atm_answers(bench: &Bench, u: &UserId) -> Vec<String> {
    bench
        .delivered(u)
        .iter()
        .filter_map(|t| {
            let at = t.find("cash machines to ")? + "cash machines to ".len();
            Some(t.get(at..at + 5)?.to_owned())
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_users_events_are_answered_in_order_and_users_side_by_side() {
    let bench = Bench::new().await;
    let (a, b) = (user("2001"), user("2002"));
    let postcodes = ["75002", "75003", "75004", "75005"];
    let mut events = Vec::new();
    for (i, p) in postcodes.iter().enumerate() {
        events.push((&a, format!("a{i}"), says(&format!("atm near {p}"))));
        events.push((&b, format!("b{i}"), says(&format!("atm near {p}"))));
    }
    let events: Vec<_> = events
        .iter()
        .map(|(u, id, e)| (*u, id.as_str(), e.clone()))
        .collect();
    bench.receive(&events).await;
    let options = DispatcherOptions {
        workers: 2,
        ..DispatcherOptions::default()
    };
    run_until(&bench, options, |b| {
        atm_answers(b, &a).len() + atm_answers(b, &user("2002")).len() >= 8
    })
    .await;
    assert_eq!(atm_answers(&bench, &a), postcodes);
    assert_eq!(atm_answers(&bench, &b), postcodes);
    let inbox = bench.store.inbox_counts().await.unwrap();
    assert_eq!(
        (inbox.done, inbox.pending, inbox.in_progress, inbox.failed),
        (8, 0, 0, 0)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_undecodable_event_is_set_aside_without_blocking_its_user() {
    let bench = Bench::new().await;
    let u = user("2003");
    let bad = NewInboxEvent {
        event_id: "bad".to_owned(),
        user: u.clone(),
        payload: "{not json".to_owned(),
        received_at: chrono::Utc::now(),
        sent_at: Some(chrono::Utc::now() - chrono::Duration::seconds(1)),
    };
    bench.store.insert_events(&[bad]).await.unwrap();
    bench.receive(&[(&u, "good", says("atm near 75006"))]).await;
    run_until(&bench, DispatcherOptions::default(), |b| {
        !atm_answers(b, &u).is_empty()
    })
    .await;
    assert_eq!(atm_answers(&bench, &u), ["75006"]);
    let inbox = bench.store.inbox_counts().await.unwrap();
    assert_eq!((inbox.done, inbox.failed), (1, 1), "{inbox:?}");
}

#[tokio::test]
async fn an_answer_whose_claim_was_taken_back_is_dropped() {
    let bench = Bench::new().await;
    let u = user("2004");
    bench.receive(&[(&u, "e1", says("atm near 75007"))]).await;
    let dispatcher = bench.dispatcher(DispatcherOptions::default());
    let stale = bench
        .store
        .claim_events(SystemClock.now(), 8)
        .await
        .unwrap();
    assert_eq!(stale.len(), 1);
    // Taken back (as after the claim timeout) and claimed again: a newer fence.
    bench
        .store
        .recover_processing(SystemClock.now())
        .await
        .unwrap();
    let fresh = bench
        .store
        .claim_events(SystemClock.now(), 8)
        .await
        .unwrap();
    assert_eq!(fresh.len(), 1);
    dispatcher.process_batch(stale).await;
    let outbox = bench.store.outbox_counts().await.unwrap();
    assert_eq!(outbox.pending, 0, "the stale answer was queued: {outbox:?}");
    dispatcher.process_batch(fresh).await;
    let outbox = bench.store.outbox_counts().await.unwrap();
    assert!(
        outbox.pending > 0,
        "the fresh answer was not queued: {outbox:?}"
    );
    let inbox = bench.store.inbox_counts().await.unwrap();
    assert_eq!(inbox.done, 1);
}

#[tokio::test]
async fn a_turn_that_keeps_failing_is_tried_max_attempts_times_in_all() {
    // The demo's kept replies live in a file; where a directory stands in its place,
    // erasing a user's lines fails, and with it (retryably) the turn that erases.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.jsonl");
    let keep = KeepSender::new(Some(path.clone())).unwrap();
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    let bench = Bench::keeping(keep).await;
    let u = user("2005");
    bench.bot.handle(&u, &says("delete my data")).await.unwrap();
    bench.receive(&[(&u, "yes", says("yes"))]).await;
    let dispatcher = bench.dispatcher(DispatcherOptions {
        max_attempts: 2,
        ..DispatcherOptions::default()
    });

    let first = bench
        .store
        .claim_events(SystemClock.now(), 8)
        .await
        .unwrap();
    assert_eq!(first.len(), 1);
    dispatcher.process_batch(first).await;
    let inbox = bench.store.inbox_counts().await.unwrap();
    assert_eq!(
        (inbox.pending, inbox.failed),
        (1, 0),
        "first failure: {inbox:?}"
    );

    // The retry falls due within the first backoff (at most 2 s).
    let mut second = Vec::new();
    for _ in 0..60 {
        second = bench
            .store
            .claim_events(SystemClock.now(), 8)
            .await
            .unwrap();
        if !second.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(second.len(), 1, "the retry never fell due");
    assert_eq!(second[0].attempts, 2);
    dispatcher.process_batch(second).await;
    let inbox = bench.store.inbox_counts().await.unwrap();
    assert_eq!(
        (inbox.pending, inbox.failed),
        (0, 1),
        "second failure: {inbox:?}"
    );
    assert!(bench.store.link(&u).await.unwrap().is_none());
}
