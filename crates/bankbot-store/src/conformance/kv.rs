//! Links and sessions.

use bankbot_core::CustomerRef;
use serde_json::json;

use super::{at, user};
use crate::Store;

/// Links: save, read back decrypted, touch, renew the credential, replace, remove.
pub async fn links(store: &dyn Store) {
    let alice = user("link");
    assert!(
        store
            .link(&alice)
            .await
            .expect("read missing link")
            .is_none()
    );
    assert!(
        !store
            .touch_authentication(&alice, at(0))
            .await
            .expect("touch missing")
    );

    let secret = "tok_Ünïcode-🔑-0123456789";
    store
        .save_link(&alice, &CustomerRef::new("cust-1"), secret, at(0))
        .await
        .expect("save link");
    let link = store
        .link(&alice)
        .await
        .expect("read link")
        .expect("link saved");
    assert_eq!(link.user, alice);
    assert_eq!(link.customer, CustomerRef::new("cust-1"));
    assert_eq!(link.credential.expose(), secret);
    assert_eq!(link.linked_at, at(0));
    assert_eq!(link.last_authenticated_at, at(0));
    assert!(
        !format!("{link:?}").contains(secret),
        "Debug must not print the secret"
    );

    assert!(
        store
            .touch_authentication(&alice, at(60))
            .await
            .expect("touch")
    );
    let link = store
        .link(&alice)
        .await
        .expect("read")
        .expect("still linked");
    assert_eq!(link.linked_at, at(0));
    assert_eq!(link.last_authenticated_at, at(60));

    // A refreshed credential replaces the old one, sealed, without counting as a sign-in.
    assert!(
        !store
            .renew_credential(&user("nobody"), "tok")
            .await
            .expect("renew missing")
    );
    assert!(
        store
            .renew_credential(&alice, "tok_renewed-🔁")
            .await
            .expect("renew")
    );
    let link = store
        .link(&alice)
        .await
        .expect("read")
        .expect("still linked");
    assert_eq!(link.credential.expose(), "tok_renewed-🔁");
    assert_eq!(link.linked_at, at(0));
    assert_eq!(link.last_authenticated_at, at(60));

    store
        .save_link(&alice, &CustomerRef::new("cust-2"), "second", at(120))
        .await
        .expect("re-link");
    let link = store.link(&alice).await.expect("read").expect("re-linked");
    assert_eq!(link.customer.as_str(), "cust-2");
    assert_eq!(link.credential.expose(), "second");
    assert_eq!(link.linked_at, at(120));

    let bob = user("link");
    assert!(store.link(&bob).await.expect("other user").is_none());
    let many = store
        .links_of(&[alice.clone(), bob.clone()])
        .await
        .expect("links of many");
    assert_eq!(many.len(), 1, "bob has none");
    assert_eq!(many[&alice].credential.expose(), "second");
    assert_eq!(many[&alice].customer.as_str(), "cust-2");
    assert!(store.links_of(&[]).await.expect("none asked").is_empty());
    assert!(store.remove_link(&alice).await.expect("remove"));
    assert!(!store.remove_link(&alice).await.expect("remove again"));
    assert!(store.link(&alice).await.expect("read removed").is_none());
}

/// Sessions: round trip, replace, expiry, purge, delete.
pub async fn sessions(store: &dyn Store) {
    let u = user("session");
    assert!(
        store
            .load_session(&u, at(0))
            .await
            .expect("load missing")
            .is_none()
    );

    let doc = json!({"locale": "fr", "last_intent": "balance", "slots": {"account": "savings"},
        "pending": null, "misses": 1});
    store
        .save_session(&u, &doc, at(0), at(600))
        .await
        .expect("save session");
    let s = store
        .load_session(&u, at(1))
        .await
        .expect("load")
        .expect("present");
    assert_eq!(s.doc, doc);
    assert_eq!(s.updated_at, at(0));
    assert_eq!(s.expires_at, at(600));
    assert!(
        store
            .load_session(&u, at(600))
            .await
            .expect("load at expiry")
            .is_none()
    );

    let doc2 = json!({"locale": "en", "misses": 0});
    store
        .save_session(&u, &doc2, at(10), at(1000))
        .await
        .expect("replace");
    let s = store
        .load_session(&u, at(700))
        .await
        .expect("load")
        .expect("replaced");
    assert_eq!(s.doc, doc2);

    let expired = user("session");
    store
        .save_session(&expired, &json!({}), at(0), at(5))
        .await
        .expect("save short session");
    let nobody = user("session");
    let many = store
        .sessions_of(&[u.clone(), expired.clone(), nobody], at(700))
        .await
        .expect("sessions of many");
    assert_eq!(many.len(), 1, "expired and missing sessions are absent");
    assert_eq!(many[&u].doc, doc2);
    assert_eq!(many[&u].expires_at, at(1000));
    assert!(
        store
            .sessions_of(&[], at(0))
            .await
            .expect("none asked")
            .is_empty()
    );
    assert!(store.purge_expired_sessions(at(6)).await.expect("purge") >= 1);
    assert!(
        store
            .load_session(&expired, at(0))
            .await
            .expect("load")
            .is_none()
    );
    assert!(
        store
            .load_session(&u, at(700))
            .await
            .expect("load")
            .is_some()
    );

    assert!(store.delete_session(&u).await.expect("delete"));
    assert!(!store.delete_session(&u).await.expect("delete again"));
    assert!(
        store
            .load_session(&u, at(700))
            .await
            .expect("load")
            .is_none()
    );
}
