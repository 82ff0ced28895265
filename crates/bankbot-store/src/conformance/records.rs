//! Consents, the audit trail, and erasing a user.

use bankbot_core::CustomerRef;
use serde_json::json;

use super::{at, user};
use crate::audit::{GENESIS_HASH, USER_DATA_DELETED};
use crate::{AuditEntry, NewInboxEvent, OutboxMessage, Store, StoreError};

/// Consents: history kept, latest decision per topic wins.
pub async fn consents(store: &dyn Store) {
    let u = user("consent");
    assert!(store.current_consents(&u).await.expect("none").is_empty());
    store
        .record_consent(&u, "alerts.low_balance", true, at(0))
        .await
        .expect("grant");
    store
        .record_consent(&u, "alerts.large_payment", true, at(1))
        .await
        .expect("grant");
    store
        .record_consent(&u, "alerts.low_balance", false, at(2))
        .await
        .expect("withdraw");

    let current = store.current_consents(&u).await.expect("current");
    let view: Vec<_> = current
        .iter()
        .map(|c| (c.topic.as_str(), c.granted, c.at))
        .collect();
    assert_eq!(
        view,
        vec![
            ("alerts.large_payment", true, at(1)),
            ("alerts.low_balance", false, at(2))
        ]
    );
    let other = user("consent");
    store
        .record_consent(&other, "alerts.low_balance", true, at(4))
        .await
        .expect("grant");
    let many = store
        .consents_of(&[u.clone(), other.clone(), user("consent")])
        .await
        .expect("consents of many");
    assert_eq!(many.len(), 2, "the user who decided nothing is absent");
    assert_eq!(many[&u], current, "the same as one user's current consents");
    assert_eq!(
        many[&other]
            .iter()
            .map(|c| (c.topic.as_str(), c.granted))
            .collect::<Vec<_>>(),
        vec![("alerts.low_balance", true)]
    );
    assert!(store.consents_of(&[]).await.expect("none asked").is_empty());
    let history = store.consent_history(&u).await.expect("history");
    let granted: Vec<_> = history.iter().map(|c| c.granted).collect();
    assert_eq!(granted, vec![true, true, false]);
    assert!(
        store
            .current_consents(&user("consent"))
            .await
            .expect("other")
            .is_empty()
    );
    let err = store.record_consent(&u, "", true, at(3)).await;
    assert!(matches!(err, Err(StoreError::InvalidInput(_))), "{err:?}");
}

/// Audit: chained records, hashed actors, no digits, a verifiable chain.
pub async fn audit(store: &dyn Store) {
    let u = user("audit");
    let before = store.verify_audit().await.expect("verify");
    assert!(
        before.is_intact(),
        "chain broken before the test: {before:?}"
    );

    let first = store
        .append_audit(&AuditEntry::data_shown(at(0), &u, "balance"))
        .await
        .expect("append");
    assert_eq!(first.prev_hash, before.head_hash);
    if before.checked == 0 {
        assert_eq!((first.seq, first.prev_hash.as_str()), (1, GENESIS_HASH));
    }
    assert_eq!(first.actor.as_deref(), Some(store.hash_user(&u).as_str()));
    // Keyed: not the unkeyed hash earlier versions stored, stable, and not the raw id.
    assert_ne!(
        store.hash_user(&u),
        crate::digest(&format!("bankbot-user:{}", u.as_str()))
    );
    assert_eq!(store.hash_user(&u), store.hash_user(&u));
    assert_eq!(
        (first.action.as_str(), first.data_kind.as_deref()),
        ("data_shown", Some("balance"))
    );
    let second = store
        .append_audit(&AuditEntry::new(at(1), None, "key_generated"))
        .await
        .expect("append system entry");
    assert_eq!(
        (second.seq, &second.prev_hash),
        (first.seq + 1, &first.hash)
    );
    assert_eq!(second.actor, None);

    let bad = AuditEntry::data_shown(at(2), &u, "balance 2345.67");
    assert!(matches!(
        store.append_audit(&bad).await,
        Err(StoreError::InvalidInput(_))
    ));
    let bad = AuditEntry::new(at(2), Some(&u), "card ••4321 locked");
    assert!(matches!(
        store.append_audit(&bad).await,
        Err(StoreError::InvalidInput(_))
    ));

    let records = store.audit_records(first.seq - 1, 10).await.expect("read");
    assert_eq!(records.first(), Some(&first));
    assert_eq!(records.get(1), Some(&second));
    for r in &records {
        assert!(
            !r.actor.as_deref().unwrap_or("").contains(u.as_str()),
            "raw id stored"
        );
    }
    let check = store.verify_audit().await.expect("verify");
    assert!(check.is_intact(), "{check:?}");
    assert_eq!(check.checked, before.checked + 2);
    assert_eq!(check.head_hash, second.hash);
}

/// Deleting a user erases their rows in every area, leaves others alone, and is audited.
pub async fn delete_user(store: &dyn Store) {
    let (gone, kept) = (user("erase"), user("erase"));
    for u in [&gone, &kept] {
        store
            .save_link(u, &CustomerRef::new("c"), "secret", at(0))
            .await
            .expect("link");
        store
            .save_session(u, &json!({"l": "en"}), at(0), at(999))
            .await
            .expect("session");
        store
            .record_consent(u, "alerts", true, at(0))
            .await
            .expect("consent");
        store
            .record_consent(u, "alerts", false, at(1))
            .await
            .expect("consent");
        let events: Vec<_> = (0..2)
            .map(|n| NewInboxEvent {
                event_id: format!("{u}-{n}"),
                user: u.clone(),
                payload: "{}".into(),
                received_at: at(n),
                sent_at: None,
            })
            .collect();
        store.insert_events(&events).await.expect("events");
        let msg = OutboxMessage::new(u.clone(), bankbot_core::OutboxLabel::Response, "{}");
        store.enqueue(vec![msg], at(0)).await.expect("outbox");
    }
    let report = store.delete_user(&gone, at(5)).await.expect("delete");
    assert_eq!(
        (
            report.links,
            report.sessions,
            report.consents,
            report.inbox,
            report.outbox
        ),
        (1, 1, 2, 2, 1)
    );
    assert!(store.link(&gone).await.expect("link").is_none());
    assert!(
        store
            .load_session(&gone, at(6))
            .await
            .expect("session")
            .is_none()
    );
    assert!(
        store
            .consent_history(&gone)
            .await
            .expect("consents")
            .is_empty()
    );
    assert!(store.link(&kept).await.expect("link").is_some());
    assert!(
        store
            .load_session(&kept, at(6))
            .await
            .expect("session")
            .is_some()
    );
    assert_eq!(
        store.consent_history(&kept).await.expect("consents").len(),
        2
    );

    let check = store.verify_audit().await.expect("verify");
    assert!(check.is_intact(), "{check:?}");
    let last = store
        .audit_records(check.checked as i64 - 1, 1)
        .await
        .expect("read");
    let last = last.first().expect("a deletion record");
    assert_eq!(last.action, USER_DATA_DELETED);
    assert_eq!(last.actor.as_deref(), Some(store.hash_user(&gone).as_str()));

    // Only `kept`'s queued work remains: drain it, so later checks start clean.
    let report = store.delete_user(&kept, at(7)).await.expect("delete kept");
    assert_eq!((report.inbox, report.outbox), (2, 1));
}
