//! The periodic clean-up removes finished events older than a day, expired sessions and
//! alert ids older than 7 days, and nothing else.

use bankbot::app::housekeeping::{Swept, sweep_once};
use bankbot_core::UserId;
use bankbot_store::{EncryptionKey, NewInboxEvent};
use chrono::{Duration, Utc};

#[tokio::test]
async fn removes_old_finished_events_and_expired_sessions_only() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/store.db", dir.path().display());
    let store = bankbot_store::connect(&url, EncryptionKey::generate())
        .await
        .unwrap();
    let now = Utc::now();
    let user = UserId::new("7200000000000001");
    let event = |id: &str, age: Duration| NewInboxEvent {
        event_id: id.to_owned(),
        user: user.clone(),
        payload: "{}".to_owned(),
        received_at: now - age,
    };
    store
        .insert_events(&[
            event("old", Duration::days(2)),
            event("recent", Duration::hours(1)),
        ])
        .await
        .unwrap();
    for _ in 0..2 {
        let claimed = store.claim_next(now).await.unwrap().unwrap();
        store
            .complete_event(&claimed.event_id, vec![], now)
            .await
            .unwrap();
    }
    store
        .insert_events(&[event("pending", Duration::days(3))])
        .await
        .unwrap();
    let expired = UserId::new("7200000000000002");
    let doc = serde_json::json!({"lang": "en"});
    store
        .save_session(
            &expired,
            &doc,
            now - Duration::days(2),
            now - Duration::days(1),
        )
        .await
        .unwrap();
    store
        .save_session(&user, &doc, now, now + Duration::hours(1))
        .await
        .unwrap();

    let swept = sweep_once(&*store).await;
    assert_eq!(
        swept,
        Swept {
            inbox: 1,
            sessions: 1,
            link_codes: 0,
            alert_ids: 0
        }
    );
    // The recent finished event still recognises a re-delivery; the pending one is kept.
    let again = store
        .insert_events(&[event("recent", Duration::hours(1))])
        .await
        .unwrap();
    assert_eq!(again, vec![bankbot_store::InsertOutcome::Duplicate]);
    assert_eq!(store.inbox_counts().await.unwrap().pending, 1);
    assert!(store.load_session(&user, now).await.unwrap().is_some());
}

#[tokio::test]
async fn alert_ids_are_remembered_for_seven_days() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/store.db", dir.path().display());
    let store = bankbot_store::connect(&url, EncryptionKey::generate())
        .await
        .unwrap();
    let now = Utc::now();
    for (id, age) in [
        ("eight-days", Duration::days(8)),
        ("six-days", Duration::days(6) + Duration::hours(23)),
    ] {
        assert!(
            store
                .accept_alert(id, &[], now - age)
                .await
                .unwrap()
                .is_some()
        );
    }
    assert_eq!(sweep_once(&*store).await.alert_ids, 1);
    // The week-old id is forgotten; the younger one still stops a repeat.
    assert!(
        store
            .accept_alert("eight-days", &[], now)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .accept_alert("six-days", &[], now)
            .await
            .unwrap()
            .is_none()
    );
}
