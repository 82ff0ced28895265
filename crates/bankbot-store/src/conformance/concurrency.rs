//! Several workers claiming at once.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use bankbot_core::UserId;

use super::{at, user};
use crate::{NewInboxEvent, Store};

#[derive(Debug, Default)]
struct Ledger {
    busy: HashSet<UserId>,
    done: HashMap<UserId, Vec<i64>>,
    seen: HashSet<String>,
    violations: Vec<String>,
}

/// `workers` tasks claim `users × per_user` events concurrently (each claim up to 3 events)
/// and never get the same event twice, nor two events of one user at once, nor a user's
/// events out of order. Worker `i` uses `stores[i % stores.len()]`: pass several stores
/// opened on one database to play several instances.
pub async fn concurrent_claims(
    stores: &[Arc<dyn Store>],
    workers: usize,
    users: usize,
    per_user: usize,
) {
    let Some(store) = stores.first() else {
        panic!("concurrent_claims needs at least one store");
    };
    let run = format!("{:016x}", rand::random::<u64>());
    let people: Vec<UserId> = (0..users).map(|_| user("conc")).collect();
    // Interleave users, one webhook batch per round.
    for n in 0..per_user {
        let batch: Vec<_> = people
            .iter()
            .enumerate()
            .map(|(i, u)| NewInboxEvent {
                event_id: format!("c-{run}-{i}-{n}"),
                user: u.clone(),
                payload: "{}".into(),
                received_at: at(n as i64),
                sent_at: None,
            })
            .collect();
        store.insert_events(&batch).await.expect("insert batch");
    }

    let total = users * per_user;
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let mut tasks = Vec::new();
    for i in 0..workers {
        let store = stores[i % stores.len()].clone();
        let ledger = ledger.clone();
        tasks.push(tokio::spawn(async move {
            // Bounded, so a broken store fails the assertions below instead of hanging.
            for _ in 0..100_000 {
                let claimed = store.claim_events(at(1000), 3).await.expect("claim");
                if claimed.is_empty() {
                    if seen(&ledger) >= total {
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                    continue;
                }
                note(&ledger, &claimed, true);
                tokio::task::yield_now().await;
                note(&ledger, &claimed, false);
                for e in claimed {
                    store
                        .complete_event(&e.event_id, e.fence, vec![], at(1000))
                        .await
                        .expect("complete");
                }
            }
        }));
    }
    for t in tasks {
        t.await.expect("worker panicked");
    }
    assert!(store.claim_next(at(1000)).await.expect("claim").is_none());
    let ledger = ledger.lock().expect("ledger lock");
    assert!(ledger.violations.is_empty(), "{:?}", ledger.violations);
    assert_eq!(ledger.seen.len(), total, "every event processed once");
    for (u, seqs) in &ledger.done {
        assert!(
            seqs.windows(2).all(|w| w[0] < w[1]),
            "user {u} out of order: {seqs:?}"
        );
    }
}

fn seen(ledger: &Mutex<Ledger>) -> usize {
    ledger.lock().map(|l| l.seen.len()).unwrap_or(usize::MAX)
}

/// Records the start (`begin`) or end of processing a claimed set.
fn note(ledger: &Mutex<Ledger>, claimed: &[crate::InboxEvent], begin: bool) {
    let Ok(mut l) = ledger.lock() else { return };
    for e in claimed {
        if begin {
            if !l.busy.insert(e.user.clone()) {
                l.violations
                    .push(format!("user {} claimed twice at once", e.user));
            }
            if !l.seen.insert(e.event_id.clone()) {
                l.violations
                    .push(format!("event {} claimed twice", e.event_id));
            }
            l.done.entry(e.user.clone()).or_default().push(e.seq);
        } else {
            l.busy.remove(&e.user);
        }
    }
}
