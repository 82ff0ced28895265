//! Inbox and outbox.

use bankbot_core::UserId;

use super::{at, user};
use crate::{
    Completion, Fence, InsertOutcome, NewInboxEvent, OutboxMessage, SessionWrite, Store, StoreError,
};

fn event(id: &str, user: &UserId, secs: i64) -> NewInboxEvent {
    NewInboxEvent {
        event_id: id.to_string(),
        user: user.clone(),
        payload: format!(r#"{{"id":"{id}","text":"what's my balance"}}"#),
        received_at: at(secs),
        sent_at: None,
    }
}

fn reply(user: &UserId, text: &str) -> OutboxMessage {
    OutboxMessage::new(
        user.clone(),
        bankbot_core::OutboxLabel::Response,
        format!(r#"{{"text":"{text}"}}"#),
    )
}

fn ids(events: &[crate::InboxEvent]) -> Vec<&str> {
    events.iter().map(|e| e.event_id.as_str()).collect()
}

/// Inbox: deduplication, per-user order, completion with replies, failures, recovery.
pub async fn inbox(store: &dyn Store) {
    use InsertOutcome::{Duplicate, Inserted};
    let run = format!("{:016x}", rand::random::<u64>());
    let id = |n: &str| format!("m-{run}-{n}");
    let (a, b) = (user("inbox"), user("inbox"));
    let before = store.inbox_counts().await.expect("counts");

    let batch = [
        event(&id("a1"), &a, 0),
        event(&id("a2"), &a, 1),
        event(&id("b1"), &b, 2),
    ];
    let mut with_dup = batch.to_vec();
    with_dup.push(event(&id("a1"), &a, 3));
    let outcomes = store.insert_events(&with_dup).await.expect("insert batch");
    assert_eq!(outcomes, vec![Inserted, Inserted, Inserted, Duplicate]);
    let again = [event(&id("a2"), &a, 4), event(&id("a3"), &a, 5)];
    let outcomes = store
        .insert_events(&again)
        .await
        .expect("insert second batch");
    assert_eq!(outcomes, vec![Duplicate, Inserted]);
    let counts = store.inbox_counts().await.expect("counts");
    assert_eq!(counts.pending, before.pending + 4);

    let claimed = store.claim_events(at(10), 10).await.expect("claim");
    assert_eq!(
        ids(&claimed),
        vec![id("a1"), id("b1")],
        "one head event per user, in order"
    );
    let first = &claimed[0];
    assert_eq!((first.user.clone(), first.attempts), (a.clone(), 1));
    assert_eq!(first.payload, batch[0].payload);
    assert_eq!(first.received_at, at(0));
    assert!(claimed[0].seq < claimed[1].seq);
    assert!(
        store
            .claim_events(at(10), 10)
            .await
            .expect("claim")
            .is_empty(),
        "users busy"
    );
    assert_eq!(
        store.inbox_counts().await.expect("counts").in_progress,
        before.in_progress + 2
    );

    let replies = vec![reply(&a, "first"), reply(&a, "second")];
    store
        .complete_event(&id("a1"), claimed[0].fence, replies, at(11))
        .await
        .expect("complete a1");
    let err = store
        .complete_event(&id("a1"), claimed[0].fence, vec![], at(11))
        .await;
    assert!(
        matches!(err, Err(StoreError::NotClaimed)),
        "done twice: {err:?}"
    );
    let err = store
        .complete_event(&id("a3"), Fence::new(0), vec![], at(11))
        .await;
    assert!(
        matches!(err, Err(StoreError::NotClaimed)),
        "pending event: {err:?}"
    );

    let next = store
        .claim_next(at(12))
        .await
        .expect("claim")
        .expect("a2 is next");
    assert_eq!(next.event_id, id("a2"));
    store
        .fail_event(&id("a2"), next.fence, "bank_unavailable", Some(at(100)))
        .await
        .expect("retry later");
    store
        .fail_event(&id("b1"), claimed[1].fence, "handler_error", None)
        .await
        .expect("fail for good");
    assert!(
        store
            .claim_events(at(50), 10)
            .await
            .expect("claim")
            .is_empty(),
        "a2 not due yet and it blocks a3"
    );
    let retried = store.claim_events(at(100), 10).await.expect("claim");
    assert_eq!(ids(&retried), vec![id("a2")]);
    assert_eq!(retried[0].attempts, 2);

    assert_eq!(store.recover_processing(at(100)).await.expect("recover"), 1);
    let recovered = store
        .claim_next(at(100))
        .await
        .expect("claim")
        .expect("a2 again");
    assert_eq!(
        (recovered.event_id.as_str(), recovered.attempts),
        (id("a2").as_str(), 3)
    );
    // Fencing: the claim taken back is dead; only the new claim completes.
    assert!(recovered.fence > retried[0].fence);
    let stale = retried[0].fence;
    let err = store
        .complete_event(&id("a2"), stale, vec![reply(&a, "stale")], at(101))
        .await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    let err = store.fail_event(&id("a2"), stale, "late", None).await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    store
        .complete_event(&id("a2"), recovered.fence, vec![], at(101))
        .await
        .expect("complete a2");
    let last = store.claim_next(at(101)).await.expect("claim").expect("a3");
    assert_eq!(last.event_id, id("a3"));
    store
        .complete_event(&id("a3"), last.fence, vec![], at(102))
        .await
        .expect("complete a3");
    assert!(store.claim_next(at(200)).await.expect("claim").is_none());

    let err = store.fail_event(&id("a3"), last.fence, "late", None).await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    let err = store.fail_event(&id("a3"), last.fence, "", None).await;
    assert!(matches!(err, Err(StoreError::InvalidInput(_))), "{err:?}");
    let outcomes = store
        .insert_events(&[event(&id("a1"), &a, 300)])
        .await
        .expect("insert");
    assert_eq!(
        outcomes,
        vec![Duplicate],
        "finished events still deduplicate"
    );

    // The "delete my data" event is erased while processed: its reply is still queued.
    let c = user("inbox");
    store
        .complete_event(
            &id("erased"),
            Fence::new(1),
            vec![reply(&c, "bye")],
            at(103),
        )
        .await
        .expect("erased");

    // A batch applies the completions whose claim holds and drops the others.
    let (d, e) = (user("inbox"), user("inbox"));
    let batch = [event(&id("d1"), &d, 400), event(&id("e1"), &e, 401)];
    store.insert_events(&batch).await.expect("insert");
    let claimed = store.claim_events(at(402), 10).await.expect("claim");
    assert_eq!(ids(&claimed), vec![id("d1"), id("e1")]);
    let done = |event: &str, fence: Fence, u: &UserId| Completion {
        event_id: event.to_string(),
        fence,
        replies: vec![reply(u, "batch")],
        session: Some(SessionWrite {
            user: u.clone(),
            doc: serde_json::json!({ "turn": event }),
            expires_at: at(10_000),
            last_inbound: Some(at(402)),
        }),
        audit: vec![
            crate::AuditEntry::data_shown(at(402), u, "balance"),
            crate::AuditEntry::data_shown(at(402), u, "transactions"),
        ],
    };
    let (d_fence, e_fence) = (claimed[0].fence, claimed[1].fence);
    let lost = vec![
        done(&id("d1"), Fence::new(d_fence.get() + 1), &d),
        done(&id("a1"), Fence::new(1), &a),
    ];
    let dropped = store.complete_events(lost, at(403)).await.expect("lost");
    assert_eq!(dropped, vec![id("d1"), id("a1")], "claims not held");
    let both = vec![done(&id("d1"), d_fence, &d), done(&id("e1"), e_fence, &e)];
    let dropped = store
        .complete_events(both, at(404))
        .await
        .expect("complete batch");
    assert!(dropped.is_empty(), "{dropped:?}");
    // The sessions (and last-message times) were saved with the completion; the refused
    // batch saved none.
    assert_eq!(
        store.last_inbound(&e).await.expect("contact"),
        Some(at(402))
    );
    let saved = store
        .load_session(&e, at(405))
        .await
        .expect("load")
        .expect("saved");
    assert_eq!(saved.doc, serde_json::json!({ "turn": id("e1") }));
    let saved = store
        .load_session(&d, at(405))
        .await
        .expect("load")
        .expect("saved");
    assert_eq!(saved.doc, serde_json::json!({ "turn": id("d1") }));
    assert!(
        store
            .load_session(&a, at(405))
            .await
            .expect("load")
            .is_none_or(|s| s.doc != serde_json::json!({ "turn": id("a1") }))
    );

    // The kept completions' audit entries were appended in the same transaction, chained
    // like single appends; the refused ones' were dropped.
    assert_eq!(
        super::audited_kinds(store, &d).await,
        ["balance", "transactions"]
    );
    assert_eq!(
        super::audited_kinds(store, &e).await,
        ["balance", "transactions"]
    );
    assert!(
        super::audited_kinds(store, &a).await.is_empty(),
        "a refused completion audits nothing"
    );
    let check = store.verify_audit().await.expect("verify");
    assert!(check.is_intact(), "{check:?}");

    let after = store.inbox_counts().await.expect("counts");
    assert_eq!(after.pending, before.pending);
    assert_eq!(after.in_progress, before.in_progress);
    assert_eq!(after.done, before.done + 5);
    assert_eq!(after.failed, before.failed + 1);
    assert!(store.purge_inbox(at(1000)).await.expect("purge") >= 4);

    let sent = drain_outbox(store).await;
    let texts: Vec<_> = sent.iter().map(|(u, p)| (u.clone(), p.clone())).collect();
    assert_eq!(
        texts.len(),
        5,
        "a's two replies, c's, d's and e's; none from lost claims"
    );
    let a_msgs: Vec<_> = texts
        .iter()
        .filter(|(u, _)| *u == a)
        .map(|(_, p)| p)
        .collect();
    assert_eq!(a_msgs, vec![r#"{"text":"first"}"#, r#"{"text":"second"}"#]);
    assert!(texts.iter().any(|(u, p)| *u == c && p.contains("bye")));
}

/// Claims and sends everything due, one round at a time; returns (user, payload) in order.
async fn drain_outbox(store: &dyn Store) -> Vec<(UserId, String)> {
    let mut sent = Vec::new();
    for _ in 0..100 {
        let due = store.claim_due(at(10_000), 10).await.expect("claim due");
        if due.is_empty() {
            break;
        }
        for m in due {
            store.mark_sent(m.claim()).await.expect("mark sent");
            sent.push((m.user, m.payload));
        }
    }
    sent
}

/// Outbox: per-user order, retries with backoff, giving up, recovery.
pub async fn outbox(store: &dyn Store) {
    let (u, v) = (user("outbox"), user("outbox"));
    let msgs = vec![reply(&u, "u1"), reply(&u, "u2"), reply(&v, "v1")];
    let new_ids = store.enqueue(msgs, at(0)).await.expect("enqueue");
    assert_eq!(new_ids.len(), 3);
    assert!(new_ids.windows(2).all(|w| w[0] < w[1]));

    let due = store.claim_due(at(0), 10).await.expect("claim");
    let got: Vec<_> = due.iter().map(|m| m.id).collect();
    assert_eq!(
        got,
        vec![new_ids[0], new_ids[2]],
        "one message per user, oldest first"
    );
    assert_eq!(
        (due[0].attempts, stored(&due[0].label).as_str()),
        (1, "RESPONSE")
    );
    assert_eq!(due[0].created_at, at(0));
    assert!(store.claim_due(at(0), 10).await.expect("claim").is_empty());
    let (u1, v1) = (due[0].claim(), due[1].claim());

    store
        .reschedule(u1, at(30), "http_status")
        .await
        .expect("reschedule");
    assert!(
        store.claim_due(at(10), 10).await.expect("claim").is_empty(),
        "backoff holds u"
    );
    let due = store.claim_due(at(30), 10).await.expect("claim");
    assert_eq!((due.len(), due[0].id, due[0].attempts), (1, new_ids[0], 2));
    let err = store.mark_sent(u1).await;
    assert!(
        matches!(err, Err(StoreError::NotClaimed)),
        "an earlier claim: {err:?}"
    );
    let u1_again = due[0].claim();
    store.mark_sent(u1_again).await.expect("sent");
    let err = store.mark_sent(u1_again).await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");

    let due = store.claim_due(at(30), 10).await.expect("claim");
    assert_eq!(
        due.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![new_ids[1]]
    );
    store
        .give_up(due[0].claim(), "invalid_recipient")
        .await
        .expect("give up");
    assert_eq!(
        store.recover_sending(at(30)).await.expect("recover"),
        1,
        "v1 was left sending"
    );
    let due = store.claim_due(at(30), 10).await.expect("claim");
    assert_eq!((due.len(), due[0].id, due[0].attempts), (1, new_ids[2], 2));
    // The sender whose claim was taken back cannot mark, reschedule or give up.
    let err = store.mark_sent(v1).await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    let err = store.reschedule(v1, at(31), "late").await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    let err = store.give_up(v1, "late").await;
    assert!(matches!(err, Err(StoreError::NotClaimed)), "{err:?}");
    store.mark_sent(due[0].claim()).await.expect("sent");
    assert!(store.claim_due(at(99), 10).await.expect("claim").is_empty());

    let many: Vec<_> = (0..3).map(|_| reply(&user("outbox"), "many")).collect();
    store.enqueue(many, at(40)).await.expect("enqueue");
    let due: Vec<crate::OutboxClaim> = store
        .claim_due(at(40), 10)
        .await
        .expect("claim")
        .iter()
        .map(|m| m.claim())
        .collect();
    assert_eq!(due.len(), 3);
    let mut with_stale = due.clone();
    with_stale.push(v1);
    assert_eq!(
        store.mark_sent_many(&with_stale).await.expect("mark many"),
        3
    );

    let counts = store.outbox_counts().await.expect("counts");
    assert_eq!((counts.pending, counts.in_progress), (0, 0));
    assert!(counts.failed >= 1);
    let err = store
        .enqueue(
            vec![OutboxMessage::new(
                u.clone(),
                bankbot_core::OutboxLabel::utility("", bankbot_core::Lang::En),
                "{}",
            )],
            at(0),
        )
        .await;
    assert!(matches!(err, Err(StoreError::InvalidInput(_))), "{err:?}");
    requeue_dead(store).await;
}

/// Dead messages of one user with a label prefix come back, relabelled, in their place.
async fn requeue_dead(store: &dyn Store) {
    let (w, x) = (user("requeue"), user("requeue"));
    let refused = OutboxMessage::new(
        w.clone(),
        bankbot_core::OutboxLabel::utility("account_alert", bankbot_core::Lang::En),
        r#"{"text":"alert"}"#,
    );
    let other = OutboxMessage::new(
        w.clone(),
        bankbot_core::OutboxLabel::Update,
        r#"{"text":"update"}"#,
    );
    let elsewhere = OutboxMessage::new(
        x.clone(),
        bankbot_core::OutboxLabel::utility("account_alert", bankbot_core::Lang::En),
        "{}",
    );
    let ids = store
        .enqueue(vec![refused, other, elsewhere], at(50))
        .await
        .expect("enqueue");
    let due = store.claim_due(at(50), 10).await.expect("claim");
    assert_eq!(due.len(), 2, "one per user");
    for m in &due {
        store
            .give_up(m.claim(), "utility_template_rejected")
            .await
            .expect("give up");
    }
    let later = store
        .enqueue(
            vec![OutboxMessage::new(
                w.clone(),
                bankbot_core::OutboxLabel::Response,
                r#"{"text":"answer"}"#,
            )],
            at(60),
        )
        .await
        .expect("enqueue");
    let nobody = user("requeue");
    let asked = [w.clone(), x.clone(), nobody.clone()];
    let with_dead = store
        .users_with_dead(&asked, "UTILITY:", at(50))
        .await
        .expect("users with dead");
    assert_eq!(
        with_dead,
        [w.clone(), x.clone()].into_iter().collect(),
        "w and x have a dead utility message to bring back, nobody has none"
    );
    let stale = store
        .users_with_dead(&asked, "UTILITY:", at(51))
        .await
        .expect("users with dead");
    assert!(stale.is_empty(), "older than the cut-off: {stale:?}");
    let other_label = store
        .users_with_dead(&asked, "MARKETING:", at(0))
        .await
        .expect("users with dead");
    assert!(other_label.is_empty(), "{other_label:?}");
    assert_eq!(
        store
            .requeue_dead(
                &w,
                bankbot_core::OutboxLabel::UTILITY_PREFIX,
                &bankbot_core::OutboxLabel::Response,
                at(51)
            )
            .await
            .expect("requeue"),
        0,
        "older than the cut-off: stale, left dead"
    );
    assert_eq!(
        store
            .requeue_dead(
                &w,
                bankbot_core::OutboxLabel::UTILITY_PREFIX,
                &bankbot_core::OutboxLabel::Response,
                at(50)
            )
            .await
            .expect("requeue"),
        1,
        "only w's dead utility message"
    );
    assert_eq!(
        store
            .requeue_dead(
                &w,
                bankbot_core::OutboxLabel::UTILITY_PREFIX,
                &bankbot_core::OutboxLabel::Response,
                at(0)
            )
            .await
            .expect("again"),
        0
    );
    let first = store.claim_due(at(60), 10).await.expect("claim");
    let mine: Vec<_> = first.iter().filter(|m| m.user == w).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        (
            mine[0].id,
            stored(&mine[0].label).as_str(),
            mine[0].attempts
        ),
        (ids[0], "RESPONSE", 1),
        "the revived message goes first, as a response"
    );
    store.mark_sent(mine[0].claim()).await.expect("sent");
    let mut order = Vec::new();
    for _ in 0..3 {
        let due = store.claim_due(at(60), 10).await.expect("claim");
        for m in due.into_iter().filter(|m| m.user == w) {
            order.push(m.id);
            store.mark_sent(m.claim()).await.expect("sent");
        }
    }
    assert_eq!(order, vec![ids[1], later[0]], "then the rest, in order");
    assert!(
        store
            .requeue_dead(&w, "", &bankbot_core::OutboxLabel::Response, at(0))
            .await
            .is_err(),
        "an empty label is refused"
    );
    // Unlinking forgets what was set aside for the link.
    let set_aside = OutboxMessage::new(
        x.clone(),
        bankbot_core::OutboxLabel::utility("account_alert", bankbot_core::Lang::En),
        "{}",
    );
    let x_ids = store
        .enqueue(vec![set_aside], at(70))
        .await
        .expect("enqueue");
    for m in store.claim_due(at(70), 10).await.expect("claim") {
        if m.user == x {
            store
                .give_up(m.claim(), "utility_template_rejected")
                .await
                .expect("give up");
        }
    }
    assert!(!x_ids.is_empty());
    store.remove_link(&x).await.expect("unlink");
    assert_eq!(
        store
            .requeue_dead(
                &x,
                bankbot_core::OutboxLabel::UTILITY_PREFIX,
                &bankbot_core::OutboxLabel::Response,
                at(0)
            )
            .await
            .expect("requeue"),
        0,
        "nothing of x's is left to revive"
    );
}

/// Dead messages are purged once their revive window has passed (created before the
/// cut-off); younger dead messages can still be revived and live ones are left alone.
pub async fn purge_dead(store: &dyn Store) {
    let (u, v) = (user("purge-dead"), user("purge-dead"));
    let refused = |text: &str| {
        OutboxMessage::new(
            u.clone(),
            bankbot_core::OutboxLabel::utility("account_alert", bankbot_core::Lang::En),
            format!(r#"{{"text":"{text}"}}"#),
        )
    };
    store
        .enqueue(vec![refused("old")], at(100))
        .await
        .expect("enqueue");
    store
        .enqueue(vec![refused("young")], at(200))
        .await
        .expect("enqueue");
    for _ in 0..2 {
        for m in store.claim_due(at(200), 10).await.expect("claim") {
            assert_eq!(m.user, u, "the suite leaves no other pending work");
            store
                .give_up(m.claim(), "utility_template_rejected")
                .await
                .expect("give up");
        }
    }
    assert_eq!(store.outbox_counts().await.expect("counts").pending, 0);
    let waiting = store
        .enqueue(vec![reply(&v, "waiting")], at(100))
        .await
        .expect("enqueue");

    let purged = store.purge_dead(at(150)).await.expect("purge");
    assert!(purged >= 1, "the old dead message is purged");
    assert_eq!(store.purge_dead(at(150)).await.expect("again"), 0);
    assert_eq!(
        store
            .requeue_dead(
                &u,
                bankbot_core::OutboxLabel::UTILITY_PREFIX,
                &bankbot_core::OutboxLabel::Response,
                at(0)
            )
            .await
            .expect("requeue"),
        1,
        "only the young one is left to revive"
    );
    let due = store.claim_due(at(300), 10).await.expect("claim");
    let mut seen: Vec<(String, String)> = due
        .iter()
        .map(|m| (m.user.as_str().to_owned(), m.payload.clone()))
        .collect();
    seen.sort();
    let mut expected = vec![
        (u.as_str().to_owned(), r#"{"text":"young"}"#.to_owned()),
        (v.as_str().to_owned(), r#"{"text":"waiting"}"#.to_owned()),
    ];
    expected.sort();
    assert_eq!(seen, expected, "a pending message is never purged");
    assert!(due.iter().any(|m| m.id == waiting[0]));
    let claims: Vec<crate::OutboxClaim> = due.iter().map(|m| m.claim()).collect();
    assert_eq!(store.mark_sent_many(&claims).await.expect("sent"), 2);
}

/// The text a claimed message's label reads as (what the `messaging_type` column holds).
fn stored(label: &Result<bankbot_core::OutboxLabel, bankbot_core::UnknownOutboxLabel>) -> String {
    match label {
        Ok(label) => label.to_string(),
        Err(unknown) => unknown.0.clone(),
    }
}
