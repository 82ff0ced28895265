//! [`AlertStore`](crate::AlertStore) and [`LinkStore::users_for_customer`](crate::LinkStore).

use bankbot_core::{CustomerRef, UserId};

use super::{at, user};
use crate::{HeldAlert, InsertOutcome, NewInboxEvent, Store};

/// Contacts (with their purge), held alerts (upsert, due order, removal, erasure) and
/// customer → users.
pub async fn alerts(store: &dyn Store) {
    let (a, b) = (user("alert-a"), user("alert-b"));
    let customer = CustomerRef::new(format!("cust-{}", a.as_str()));
    store
        .save_link(&a, &customer, "cred-a", at(0))
        .await
        .unwrap();
    store
        .save_link(&b, &customer, "cred-b", at(0))
        .await
        .unwrap();
    let mut both = vec![a.clone(), b.clone()];
    both.sort();
    assert_eq!(store.users_for_customer(&customer).await.unwrap(), both);
    let nobody = CustomerRef::new(format!("nobody-{}", a.as_str()));
    assert!(store.users_for_customer(&nobody).await.unwrap().is_empty());

    assert_eq!(store.last_inbound(&a).await.unwrap(), None);
    store.record_inbound(&a, at(5)).await.unwrap();
    store.record_inbound(&a, at(9)).await.unwrap();
    assert_eq!(store.last_inbound(&a).await.unwrap(), Some(at(9)));

    // Contacts older than their use are purged; newer ones stay.
    store.record_inbound(&b, at(3)).await.unwrap();
    assert!(store.purge_contacts(at(9)).await.unwrap() >= 1);
    assert_eq!(store.last_inbound(&b).await.unwrap(), None);
    assert_eq!(store.last_inbound(&a).await.unwrap(), Some(at(9)));
    assert_eq!(store.purge_contacts(at(9)).await.unwrap(), 0);

    let held = |id: &str, state: &str, due: Option<i64>| HeldAlert {
        alert_id: id.to_owned(),
        user: a.clone(),
        state: state.to_owned(),
        payload: format!("{{\"id\":\"{id}\"}}"),
        due_at: due.map(at),
        created_at: at(1),
    };
    store
        .hold_alert(&held("x1", "quiet", Some(100)))
        .await
        .unwrap();
    store
        .hold_alert(&held("x2", "next_message", None))
        .await
        .unwrap();
    store
        .hold_alert(&held("x3", "quiet", Some(50)))
        .await
        .unwrap();
    assert_eq!(store.held_alerts(&a).await.unwrap().len(), 3);
    let many = store.held_alerts_of(&[a.clone(), b.clone()]).await.unwrap();
    assert_eq!(many.len(), 1, "b holds nothing");
    assert_eq!(
        many[&a],
        store.held_alerts(&a).await.unwrap(),
        "the same, in the same order, as one user's"
    );
    assert!(store.held_alerts_of(&[]).await.unwrap().is_empty());
    let due: Vec<String> = store
        .due_alerts(at(100), 10)
        .await
        .unwrap()
        .into_iter()
        .filter(|h| h.user == a)
        .map(|h| h.alert_id)
        .collect();
    assert_eq!(due, ["x3", "x1"]);
    // Upsert replaces state and due time.
    store
        .hold_alert(&held("x1", "reminded", None))
        .await
        .unwrap();
    let x1 = store.held_alert("x1", &a).await.unwrap().unwrap();
    assert_eq!((x1.state.as_str(), x1.due_at), ("reminded", None));
    assert!(store.held_alert("x1", &b).await.unwrap().is_none());
    assert!(store.remove_alert("x3", &a).await.unwrap());
    assert!(!store.remove_alert("x3", &a).await.unwrap());
    assert!(store.hold_alert(&held("x4", "", None)).await.is_err());

    store.delete_user(&a, at(200)).await.unwrap();
    assert!(store.held_alerts(&a).await.unwrap().is_empty());
    assert_eq!(store.last_inbound(&a).await.unwrap(), None);
    assert_eq!(
        store.users_for_customer(&customer).await.unwrap(),
        vec![b.clone()]
    );
    store.delete_user(&b, at(200)).await.unwrap();
}

/// Remembered alert ids: an id queues its inbox events once, then never again (re-sent
/// with other events, after its inbox rows are gone, or by several callers at once) until
/// it is purged; an id with no events is remembered too.
pub async fn alert_ids(store: &dyn Store) {
    let run = format!("{:016x}", rand::random::<u64>());
    let (a, b) = (user("alert-id-a"), user("alert-id-b"));
    let id = |tag: &str| format!("{tag}-{run}");
    let event = |alert: &str, who: &UserId, tag: &str| NewInboxEvent {
        event_id: format!("alert:{alert}:{}:{tag}", who.as_str()),
        user: who.clone(),
        payload: format!("{{\"alert\":\"{alert}\"}}"),
        received_at: at(0),
        sent_at: None,
    };
    let pending = || async { store.inbox_counts().await.unwrap().pending };
    let before = pending().await;

    let first = id("first");
    let events = [event(&first, &a, "1"), event(&first, &b, "1")];
    assert_eq!(
        store.accept_alert(&first, &events, at(0)).await.unwrap(),
        Some(vec![InsertOutcome::Inserted, InsertOutcome::Inserted])
    );
    assert_eq!(pending().await, before + 2);
    // The same id again, even with other event ids: nothing more is stored.
    let again = [event(&first, &a, "2"), event(&first, &b, "2")];
    assert_eq!(
        store.accept_alert(&first, &again, at(5)).await.unwrap(),
        None
    );
    assert_eq!(pending().await, before + 2);
    // A new id whose events the inbox already holds: remembered, the events deduplicated.
    let overlap = id("overlap");
    assert_eq!(
        store
            .accept_alert(&overlap, &[events[0].clone()], at(0))
            .await
            .unwrap(),
        Some(vec![InsertOutcome::Duplicate])
    );
    // Its inbox rows gone (erased here; purged after a day in service), the id still
    // stops a repeat.
    store.delete_user(&a, at(1)).await.unwrap();
    store.delete_user(&b, at(1)).await.unwrap();
    assert_eq!(pending().await, before);
    assert_eq!(
        store.accept_alert(&first, &again, at(6)).await.unwrap(),
        None
    );
    assert_eq!(pending().await, before);
    // No recipients: the id is remembered all the same.
    let nobody = id("nobody");
    assert_eq!(
        store.accept_alert(&nobody, &[], at(0)).await.unwrap(),
        Some(vec![])
    );
    assert_eq!(store.accept_alert(&nobody, &[], at(1)).await.unwrap(), None);

    // Several callers at once: exactly one stores the alert.
    let raced = id("raced");
    let (c, d) = (user("alert-id-c"), user("alert-id-d"));
    let batch = |who: &UserId, tag: &str| vec![event(&raced, who, tag)];
    let (b1, b2, b3, b4) = (
        batch(&c, "1"),
        batch(&d, "2"),
        batch(&c, "3"),
        batch(&d, "4"),
    );
    let results = tokio::join!(
        store.accept_alert(&raced, &b1, at(20)),
        store.accept_alert(&raced, &b2, at(20)),
        store.accept_alert(&raced, &b3, at(20)),
        store.accept_alert(&raced, &b4, at(20)),
    );
    let results = [results.0, results.1, results.2, results.3];
    let stored: Vec<_> = results.into_iter().filter_map(Result::unwrap).collect();
    assert_eq!(stored, vec![vec![InsertOutcome::Inserted]], "one winner");
    assert_eq!(pending().await, before + 1);
    store.delete_user(&c, at(21)).await.unwrap();
    store.delete_user(&d, at(21)).await.unwrap();

    // Purging forgets what was remembered before the cut-off, and only that.
    assert!(store.purge_alert_ids(at(10)).await.unwrap() >= 3);
    assert_eq!(
        store.accept_alert(&nobody, &[], at(30)).await.unwrap(),
        Some(vec![]),
        "forgotten after the purge"
    );
    assert_eq!(store.accept_alert(&raced, &[], at(30)).await.unwrap(), None);
    assert_eq!(pending().await, before);
}
