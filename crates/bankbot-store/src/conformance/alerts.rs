//! [`AlertStore`](crate::AlertStore) and [`LinkStore::users_for_customer`](crate::LinkStore).

use bankbot_core::CustomerRef;

use super::{at, user};
use crate::{HeldAlert, Store};

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
