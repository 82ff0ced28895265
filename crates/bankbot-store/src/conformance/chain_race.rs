//! Several writers appending to the audit chain at once: single appends and batch
//! completions (several records in one append) racing, from one or several stores opened
//! on one database (several instances). The chain must come out as if they had queued:
//! every record chained to the one before, numbers contiguous, none lost, none twice.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bankbot_core::UserId;

use super::{at, user};
use crate::{AuditEntry, AuditRecord, Completion, NewInboxEvent, Store};

/// `writers` tasks (writer `i` on `stores[i % stores.len()]`) each append `rounds` single
/// records with `append_audit` and complete, in batches of up to 3, events carrying two
/// audit entries each (`writers × rounds` events in all). Then the chain verifies, its
/// records after the starting head are numbered without a gap, each follows the one before,
/// and every appended entry is in it exactly once.
pub async fn concurrent_audit(stores: &[Arc<dyn Store>], writers: usize, rounds: usize) {
    let Some(store) = stores.first() else {
        panic!("concurrent_audit needs at least one store");
    };
    let before = store.verify_audit().await.expect("verify before");
    assert!(before.is_intact(), "chain broken before: {before:?}");
    let start = chain_after(store.as_ref(), 0)
        .await
        .last()
        .map_or(0, |r| r.seq);

    let run = format!("{:016x}", rand::random::<u64>());
    let people: Vec<UserId> = (0..writers * rounds).map(|_| user("chain")).collect();
    let events: Vec<NewInboxEvent> = people
        .iter()
        .enumerate()
        .map(|(i, u)| NewInboxEvent {
            event_id: format!("chain-{run}-{i}"),
            user: u.clone(),
            payload: "{}".into(),
            received_at: at(i as i64),
            sent_at: None,
        })
        .collect();
    store.insert_events(&events).await.expect("insert events");

    let completed = Arc::new(AtomicUsize::new(0));
    let total = events.len();
    let mut tasks = Vec::new();
    for w in 0..writers {
        let store = stores[w % stores.len()].clone();
        let completed = completed.clone();
        let me = user("chain-writer");
        tasks.push(tokio::spawn(async move {
            let mut singles = Vec::new();
            // Bounded, so a broken store fails the assertions below instead of hanging.
            for round in 0..100_000 {
                if round < rounds {
                    let entry = AuditEntry::data_shown(at(round as i64), &me, "balance");
                    singles.push(store.append_audit(&entry).await.expect("append"));
                }
                let claimed = store.claim_events(at(100_000), 3).await.expect("claim");
                if claimed.is_empty() {
                    if round >= rounds && completed.load(Ordering::SeqCst) >= total {
                        break;
                    }
                    tokio::task::yield_now().await;
                    continue;
                }
                let batch: Vec<Completion> = claimed
                    .iter()
                    .map(|e| Completion {
                        event_id: e.event_id.clone(),
                        fence: e.fence,
                        replies: vec![],
                        session: None,
                        audit: vec![
                            AuditEntry::data_shown(at(1), &e.user, "transactions"),
                            AuditEntry::data_shown(at(2), &e.user, "spending"),
                        ],
                    })
                    .collect();
                let n = batch.len();
                let lost = store
                    .complete_events(batch, at(100_000))
                    .await
                    .expect("complete");
                assert!(lost.is_empty(), "claims lost without a timeout: {lost:?}");
                completed.fetch_add(n, Ordering::SeqCst);
            }
            (me, singles)
        }));
    }
    let mut singles: HashMap<UserId, Vec<AuditRecord>> = HashMap::new();
    for t in tasks {
        let (me, records) = t.await.expect("writer panicked");
        singles.insert(me, records);
    }
    assert_eq!(
        completed.load(Ordering::SeqCst),
        total,
        "every event completed"
    );

    let chain = chain_after(store.as_ref(), start).await;
    assert_eq!(
        chain.len(),
        writers * rounds + 2 * total,
        "every appended record in the chain once"
    );
    let mut prev: Option<&AuditRecord> = None;
    for (i, record) in chain.iter().enumerate() {
        assert_eq!(record.seq, start + 1 + i as i64, "numbers without a gap");
        if let Some(prev) = prev {
            assert_eq!(record.prev_hash, prev.hash, "record {} forks", record.seq);
        }
        prev = Some(record);
    }
    for (me, records) in &singles {
        let hashed = store.hash_user(me);
        let in_chain: Vec<&AuditRecord> = chain
            .iter()
            .filter(|r| r.actor.as_deref() == Some(hashed.as_str()))
            .collect();
        assert_eq!(in_chain.len(), records.len());
        for (returned, stored) in records.iter().zip(in_chain) {
            assert_eq!(returned, stored, "a returned record is the stored one");
        }
    }
    for u in &people {
        assert_eq!(
            super::audited_kinds(store.as_ref(), u).await,
            vec!["transactions", "spending"],
            "a completion's records, in its order"
        );
    }
    for s in stores {
        let check = s.verify_audit().await.expect("verify after");
        assert!(check.is_intact(), "chain broken: {check:?}");
        assert_eq!(
            check.head_hash,
            prev.map_or(before.head_hash.clone(), |r| r.hash.clone())
        );
    }
}

/// The records after `after_seq`, in order.
async fn chain_after(store: &dyn Store, mut after_seq: i64) -> Vec<AuditRecord> {
    let mut records = Vec::new();
    loop {
        let page = store
            .audit_records(after_seq, 500)
            .await
            .expect("audit page");
        let Some(last) = page.last() else { break };
        after_seq = last.seq;
        records.extend(page);
    }
    records
}
