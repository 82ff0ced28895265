//! The right of access: pending counts, kinds of data shown, one-time export tokens.

use chrono::Duration;

use super::{at, user};
use crate::{AuditEntry, OutboxMessage, Store};

/// Pending messages, kinds shown since an instant (never another user's), and export
/// tokens that work once, before their expiry, and go with the user's data.
pub async fn access(store: &dyn Store) {
    let alice = user("access-a");
    let bob = user("access-b");
    assert_eq!(store.pending_messages(&alice).await.unwrap(), 0);
    let reply = |u: &bankbot_core::UserId| {
        OutboxMessage::new(u.clone(), bankbot_core::OutboxLabel::Response, "{}")
    };
    store
        .enqueue(vec![reply(&alice), reply(&alice), reply(&bob)], at(0))
        .await
        .unwrap();
    assert_eq!(store.pending_messages(&alice).await.unwrap(), 2);

    for (secs, who, kind) in [
        (0, &alice, "balances"),
        (10, &alice, "transactions"),
        (20, &alice, "balances"),
        (20, &bob, "cards"),
    ] {
        store
            .append_audit(&AuditEntry::data_shown(at(secs), who, kind))
            .await
            .unwrap();
    }
    store
        .append_audit(&AuditEntry::new(at(30), Some(&alice), "handed_over"))
        .await
        .unwrap();
    let kinds = store.data_kinds_shown(&alice, at(0)).await.unwrap();
    assert_eq!(kinds, vec!["balances", "transactions"]);
    let kinds = store.data_kinds_shown(&alice, at(15)).await.unwrap();
    assert_eq!(kinds, vec!["balances"]);

    let expires = at(0) + Duration::minutes(10);
    store
        .save_export_token("hash-1", &alice, at(0), expires)
        .await
        .unwrap();
    store
        .save_export_token("hash-2", &alice, at(0), expires)
        .await
        .unwrap();
    store
        .save_export_token("hash-3", &alice, at(0), expires)
        .await
        .unwrap();
    assert!(
        store
            .take_export_token("nope", at(1))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store.take_export_token("hash-1", at(1)).await.unwrap(),
        Some(alice.clone())
    );
    assert!(
        store
            .take_export_token("hash-1", at(2))
            .await
            .unwrap()
            .is_none(),
        "a token works once"
    );
    assert!(
        store
            .take_export_token("hash-2", expires)
            .await
            .unwrap()
            .is_none(),
        "an expired token does not work"
    );
    store.delete_user(&alice, at(40)).await.unwrap();
    assert!(
        store
            .take_export_token("hash-3", at(2))
            .await
            .unwrap()
            .is_none(),
        "erasure removes the user's tokens"
    );
    assert_eq!(store.pending_messages(&alice).await.unwrap(), 0);
    store
        .save_export_token("hash-4", &bob, at(0), at(5))
        .await
        .unwrap();
    assert!(store.purge_export_tokens(at(5)).await.unwrap() >= 1);
    assert!(
        store
            .take_export_token("hash-4", at(1))
            .await
            .unwrap()
            .is_none()
    );
    store.delete_user(&bob, at(40)).await.unwrap();
}
