//! Fenced claims: a worker whose claim was taken back (it outlived the claim timeout) and
//! handed to another cannot complete, fail, enqueue, mark sent, reschedule or give up.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::{at, user};
use crate::{Completion, NewInboxEvent, OutboxMessage, Store, StoreError};

fn hello(id: &str, who: &bankbot_core::UserId, secs: i64) -> NewInboxEvent {
    NewInboxEvent {
        event_id: id.to_string(),
        user: who.clone(),
        payload: "{}".into(),
        received_at: at(secs),
        sent_at: None,
    }
}

/// A worker on `stores[0]` pauses past the timeout; its event is taken back and answered
/// through `stores[1 % len]`; the paused worker's completion (with its replies and
/// session), failure, and then its outbox calls are all refused, and only the second
/// worker's reply is queued. Pass two stores opened on one database to play two instances.
pub async fn fenced_claims(stores: &[Arc<dyn Store>]) {
    let (first, second) = match stores {
        [] => panic!("fenced_claims needs a store"),
        [one] => (one.clone(), one.clone()),
        [one, two, ..] => (one.clone(), two.clone()),
    };
    let run = format!("{:016x}", rand::random::<u64>());
    let u = user("fence");
    let event_id = format!("f-{run}");
    first
        .insert_events(&[hello(&event_id, &u, 0)])
        .await
        .expect("insert");

    let paused = first
        .claim_next(at(10))
        .await
        .expect("claim")
        .expect("event");
    // The timeout passes: the claim is taken back and the other instance claims it.
    assert_eq!(second.recover_processing(at(20)).await.expect("recover"), 1);
    let fresh = second
        .claim_next(at(30))
        .await
        .expect("claim")
        .expect("again");
    assert_eq!(fresh.event_id, event_id);
    assert!(fresh.fence > paused.fence, "a new claim, a new generation");
    assert!(
        second.claim_next(at(30)).await.expect("claim").is_none(),
        "one claim at a time"
    );

    // The paused worker wakes up: everything it tries is refused.
    let reply = |text: &str| {
        OutboxMessage::new(
            u.clone(),
            bankbot_core::OutboxLabel::Response,
            format!("\"{text}\""),
        )
    };
    let late = Completion {
        event_id: event_id.clone(),
        fence: paused.fence,
        replies: vec![reply("late")],
        session: Some(crate::SessionWrite {
            user: u.clone(),
            doc: serde_json::json!({ "by": "late" }),
            expires_at: at(10_000),
            last_inbound: None,
        }),
        audit: vec![crate::AuditEntry::data_shown(at(31), &u, "balance")],
    };
    let dropped = first
        .complete_events(vec![late], at(31))
        .await
        .expect("complete");
    assert_eq!(dropped, vec![event_id.clone()], "the lost claim is dropped");
    assert!(
        super::audited_kinds(first.as_ref(), &u).await.is_empty(),
        "a lost claim audits nothing"
    );
    let err = first
        .fail_event(&event_id, paused.fence, "late", None)
        .await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    // The owner finishes.
    second
        .complete_event(&event_id, fresh.fence, vec![reply("owner")], at(32))
        .await
        .expect("the owner completes");
    let err = first
        .complete_event(&event_id, paused.fence, vec![reply("late")], at(33))
        .await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    assert!(
        first
            .load_session(&u, at(40))
            .await
            .expect("load")
            .is_none(),
        "the lost claim's session was not saved"
    );

    // The reply: the first sender pauses past the timeout, the second sends it.
    let paused = first.claim_due(at(40), 10).await.expect("claim");
    let mine: Vec<_> = paused.iter().filter(|m| m.user == u).collect();
    assert_eq!(mine.len(), 1, "only the owner's reply was queued");
    assert_eq!(mine[0].payload, "\"owner\"");
    let paused = mine[0].claim();
    assert!(second.recover_sending(at(50)).await.expect("recover") >= 1);
    let fresh = second.claim_due(at(60), 10).await.expect("claim");
    let fresh = fresh
        .iter()
        .find(|m| m.user == u)
        .expect("claimed again")
        .claim();
    assert!(fresh.fence > paused.fence);
    for err in [
        first.mark_sent(paused).await,
        first.reschedule(paused, at(61), "late").await,
        first.give_up(paused, "late").await,
    ] {
        assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    }
    assert_eq!(first.mark_sent_many(&[paused]).await.expect("many"), 0);
    assert!(
        first
            .mark_sent_held(&[paused])
            .await
            .expect("held")
            .is_empty(),
        "a lost claim is not marked sent"
    );
    assert_eq!(
        second.mark_sent_held(&[paused, fresh]).await.expect("held"),
        vec![fresh.id],
        "only the claim still held is marked sent"
    );
    for err in [first.mark_sent(fresh).await, second.mark_sent(fresh).await] {
        assert!(
            matches!(err, Err(StoreError::NotClaimed)),
            "sent once: {err:?}"
        );
    }
    assert!(
        second
            .claim_due(at(99), 10)
            .await
            .expect("claim")
            .is_empty()
    );
}

/// Workers on several stores race on the events of one user while another task keeps
/// taking every claim back (as if each turn outlived the timeout): every event is
/// completed exactly once, in order, with exactly one reply each, and every reply is
/// marked sent exactly once.
pub async fn racing_claims(stores: &[Arc<dyn Store>], workers: usize, events: usize) {
    let Some(store) = stores.first() else {
        panic!("racing_claims needs a store");
    };
    let run = format!("{:016x}", rand::random::<u64>());
    let u = user("race");
    let batch: Vec<_> = (0..events)
        .map(|n| hello(&format!("r-{run}-{n:04}"), &u, n as i64))
        .collect();
    store.insert_events(&batch).await.expect("insert");

    let completed: Arc<Mutex<Vec<String>>> = Arc::default();
    // Reply id (enqueue order, so completion order) → (payload, times marked sent).
    let sent: Arc<Mutex<BTreeMap<i64, (String, usize)>>> = Arc::default();
    let mut tasks = Vec::new();
    for w in 0..workers.max(2) {
        let store = stores[w % stores.len()].clone();
        let (completed, sent) = (completed.clone(), sent.clone());
        let u = u.clone();
        let total = events;
        tasks.push(tokio::spawn(async move {
            for round in 0..20_000 {
                if sent.lock().map(|s| s.len()).unwrap_or(total) >= total {
                    return;
                }
                // Odd workers steal: every claim is stale to them.
                if w % 2 == 1 && round % 2 == 0 {
                    store.recover_processing(at(1_000)).await.expect("recover");
                    store.recover_sending(at(1_000)).await.expect("recover");
                }
                for e in store.claim_events(at(1_000), 4).await.expect("claim") {
                    tokio::task::yield_now().await;
                    let reply = OutboxMessage::new(
                        u.clone(),
                        bankbot_core::OutboxLabel::Response,
                        e.event_id.clone(),
                    );
                    match store
                        .complete_event(&e.event_id, e.fence, vec![reply], at(1_000))
                        .await
                    {
                        Ok(()) => completed.lock().expect("lock").push(e.event_id),
                        Err(StoreError::NotClaimed) => {}
                        Err(err) => panic!("complete: {err}"),
                    }
                }
                for m in store.claim_due(at(1_000), 4).await.expect("claim due") {
                    tokio::task::yield_now().await;
                    match store.mark_sent(m.claim()).await {
                        Ok(()) => {
                            let mut sent = sent.lock().expect("lock");
                            sent.entry(m.id).or_insert((m.payload, 0)).1 += 1;
                        }
                        Err(StoreError::NotClaimed) => {}
                        Err(err) => panic!("mark sent: {err}"),
                    }
                }
                tokio::task::yield_now().await;
            }
        }));
    }
    for t in tasks {
        t.await.expect("worker panicked");
    }
    let expected: Vec<String> = batch.iter().map(|e| e.event_id.clone()).collect();
    let mut once = completed.lock().expect("lock").clone();
    once.sort();
    assert_eq!(once, expected, "each event completed exactly once");
    let sent = sent.lock().expect("lock").clone();
    assert!(
        sent.values().all(|(_, n)| *n == 1),
        "no reply marked sent twice"
    );
    let in_enqueue_order: Vec<String> = sent.values().map(|(p, _)| p.clone()).collect();
    assert_eq!(
        in_enqueue_order, expected,
        "one reply per event, the events completed in order"
    );
    assert!(store.claim_next(at(2_000)).await.expect("claim").is_none());
}

/// A user's events are handed out in the channel's order (Meta's timestamp), then in
/// arrival order, whichever arrived first; an earlier-dated event arriving while a later
/// one is in flight waits for it (never two events of one user in flight).
pub async fn webhook_order(store: &dyn Store) {
    let run = format!("{:016x}", rand::random::<u64>());
    let u = user("order");
    let dated = |n: &str, sent: i64, arrived: i64| NewInboxEvent {
        sent_at: Some(at(sent)),
        ..hello(&format!("o-{run}-{n}"), &u, arrived)
    };
    // Arrival order: late (sent at 5), early (sent at 1), tie-a and tie-b (both sent at 3).
    let batch = [
        dated("late", 5, 10),
        dated("early", 1, 11),
        dated("tie-a", 3, 12),
        dated("tie-b", 3, 13),
    ];
    store.insert_events(&batch).await.expect("insert");
    let mut order = Vec::new();
    for round in 0..4 {
        let claimed = store.claim_events(at(100), 10).await.expect("claim");
        let mine: Vec<_> = claimed.into_iter().filter(|e| e.user == u).collect();
        assert_eq!(mine.len(), 1, "one event of the user at a time");
        let e = &mine[0];
        if round == 0 {
            // An even earlier event arrives while the first is in flight: it waits.
            store
                .insert_events(&[dated("earliest", 0, 14)])
                .await
                .expect("insert");
            assert!(
                store
                    .claim_events(at(100), 10)
                    .await
                    .expect("claim")
                    .iter()
                    .all(|c| c.user != u),
                "nothing of the user's while one is in flight"
            );
        }
        store
            .complete_event(&e.event_id, e.fence, vec![], at(100))
            .await
            .expect("complete");
        order.push(e.event_id.rsplit('-').next().unwrap_or_default().to_owned());
    }
    let last = store
        .claim_next(at(100))
        .await
        .expect("claim")
        .expect("one left");
    store
        .complete_event(&last.event_id, last.fence, vec![], at(100))
        .await
        .expect("complete");
    order.push(
        last.event_id
            .rsplit('-')
            .next()
            .unwrap_or_default()
            .to_owned(),
    );
    assert_eq!(order, ["early", "earliest", "a", "b", "late"]);
}
