//! The periodic clean-up removes finished events older than a day, expired sessions, dead
//! replies past their 7-day revive window and last-contact times past their use, and
//! nothing else.

use bankbot::app::housekeeping::sweep_once;
use bankbot_core::{FixedClock, SystemClock, UserId};
use bankbot_store::{EncryptionKey, NewInboxEvent, OutboxMessage};
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
        sent_at: None,
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
            .complete_event(&claimed.event_id, claimed.fence, vec![], now)
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

    let swept = sweep_once(&*store, &SystemClock).await;
    assert_eq!((swept.inbox, swept.sessions), (1, 1));
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
async fn removes_dead_replies_past_their_revive_window_and_stale_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/store.db", dir.path().display());
    let store = bankbot_store::connect(&url, EncryptionKey::generate())
        .await
        .unwrap();
    let now = Utc::now();
    let (old, young) = (
        UserId::new("7200000000000003"),
        UserId::new("7200000000000004"),
    );
    // Two refused utility messages, set aside 8 days and 1 day ago.
    for (user, age) in [(&old, Duration::days(8)), (&young, Duration::days(1))] {
        let msg = OutboxMessage::new(
            user.clone(),
            bankbot_core::OutboxLabel::utility("account_alert", bankbot_core::Lang::En),
            "{}",
        );
        store.enqueue(vec![msg], now - age).await.unwrap();
    }
    for m in store.claim_due(now, 10).await.unwrap() {
        store
            .give_up(m.claim(), "utility_template_rejected")
            .await
            .unwrap();
    }
    assert_eq!(store.outbox_counts().await.unwrap().failed, 2);
    // The bot's clock (BANKBOT_NOW) is not the system's: contacts follow the bot's.
    let bot_now = Utc::now() - Duration::days(30);
    store
        .record_inbound(&old, bot_now - Duration::hours(49))
        .await
        .unwrap();
    store
        .record_inbound(&young, bot_now - Duration::hours(23))
        .await
        .unwrap();

    let swept = sweep_once(&*store, &FixedClock(bot_now)).await;
    assert_eq!((swept.dead_replies, swept.contacts), (1, 1));
    assert_eq!(store.outbox_counts().await.unwrap().failed, 1);
    let revived = store
        .requeue_dead(
            &young,
            bankbot_core::OutboxLabel::UTILITY_PREFIX,
            &bankbot_core::OutboxLabel::Response,
            now - Duration::days(7),
        )
        .await
        .unwrap();
    assert_eq!(revived, 1, "the young dead reply can still be revived");
    assert_eq!(store.last_inbound(&old).await.unwrap(), None);
    assert!(store.last_inbound(&young).await.unwrap().is_some());
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
    assert_eq!(sweep_once(&*store, &SystemClock).await.alert_ids, 1);
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

#[tokio::test]
async fn expired_export_links_are_removed_and_live_ones_kept() {
    let store = bankbot_store::connect("sqlite::memory:", EncryptionKey::generate())
        .await
        .unwrap();
    let now = Utc::now();
    let user = UserId::new("7200000000000009");
    store
        .save_export_token(
            "old",
            &user,
            now - Duration::minutes(20),
            now - Duration::minutes(10),
        )
        .await
        .unwrap();
    store
        .save_export_token("live", &user, now, now + Duration::minutes(10))
        .await
        .unwrap();
    let swept = sweep_once(&*store, &SystemClock).await;
    assert_eq!(swept.export_tokens, 1);
    assert_eq!(
        store.take_export_token("live", now).await.unwrap(),
        Some(user)
    );
}
