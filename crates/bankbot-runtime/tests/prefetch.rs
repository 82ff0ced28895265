//! Turns started from what [`Bot::prefetch`] loaded for a batch (consents, held alerts,
//! refused utility messages) answer as turns that ask the store: alerts waiting for the
//! next message are shown once, a refused utility message is resent, and a turn that
//! unlinks does not show alerts its unlinking removed.

mod common;

use bankbot_core::{Clock, Lang, OutboxLabel, SystemClock, UserId};
use bankbot_runtime::{Bot, UserEvent};
use bankbot_store::{HeldAlert, OutboxMessage};
use common::{Bench, says, text_of, user};

fn joined(replies: &[bankbot_core::Reply]) -> String {
    replies.iter().map(text_of).collect::<Vec<_>>().join("\n")
}

/// One turn the dispatcher's way: the batch (here of one user) loaded first.
async fn prefetched_turn(bot: &Bot, u: &UserId, event: &UserEvent) -> String {
    let mut loaded = bot.prefetch(std::slice::from_ref(u)).await.unwrap();
    let turn = bot.turn_with(u, event, loaded.take(u)).await.unwrap();
    joined(&turn.replies)
}

/// A deposit alert held for `u`'s next message.
async fn hold_for_next_message(bench: &Bench, u: &UserId, id: &str) {
    let link = bench.store.link(u).await.unwrap().expect("linked");
    let payload = serde_json::json!({
        "id": id, "customer": link.customer.as_str(), "kind": "deposit_received",
        "data": { "amount": "2400.00", "merchant": "ACME Payroll" }
    });
    let held = HeldAlert {
        alert_id: id.to_owned(),
        user: u.clone(),
        state: "next_message".to_owned(),
        payload: payload.to_string(),
        due_at: None,
        created_at: bench.bot.clock().now(),
    };
    bench.store.hold_alert(&held).await.unwrap();
}

#[tokio::test]
async fn alerts_held_for_the_next_message_are_shown_once() {
    let bench = Bench::new().await;
    let u = user("3001");
    bench.link(&u, "alice").await;
    hold_for_next_message(&bench, &u, "held-1").await;
    let first = prefetched_turn(&bench.bot, &u, &says("what's my balance")).await;
    assert!(first.contains("4321"), "the answer itself: {first}");
    assert!(first.contains("ACME Payroll"), "the held alert: {first}");
    assert!(bench.store.held_alerts(&u).await.unwrap().is_empty());
    let second = prefetched_turn(&bench.bot, &u, &says("what's my balance")).await;
    assert!(!second.contains("ACME Payroll"), "shown twice: {second}");
}

#[tokio::test]
async fn a_refused_utility_message_is_queued_again_when_the_customer_writes() {
    let bench = Bench::new().await;
    let (u, other) = (user("3002"), user("3003"));
    bench.link(&u, "alice").await;
    bench.link(&other, "bob").await;
    let now = SystemClock.now();
    let refused = OutboxMessage::new(
        u.clone(),
        OutboxLabel::utility("account_alert", Lang::En),
        r#"{"text":"x"}"#,
    );
    bench.store.enqueue(vec![refused], now).await.unwrap();
    let claimed = bench.store.claim_due(now, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    bench
        .store
        .give_up(claimed[0].claim(), "utility_template_rejected")
        .await
        .unwrap();
    assert_eq!(bench.store.outbox_counts().await.unwrap().failed, 1);
    // The batch holds both users; only u had a refused message.
    let mut loaded = bench
        .bot
        .prefetch(&[u.clone(), other.clone()])
        .await
        .unwrap();
    for who in [&other, &u] {
        bench
            .bot
            .turn_with(who, &says("hi"), loaded.take(who))
            .await
            .unwrap();
    }
    let counts = bench.store.outbox_counts().await.unwrap();
    assert_eq!((counts.failed, counts.pending), (0, 1), "{counts:?}");
}

#[tokio::test]
async fn a_turn_that_unlinks_shows_none_of_the_alerts_unlinking_removed() {
    let bench = Bench::new().await;
    let u = user("3004");
    bench.link(&u, "alice").await;
    // Asked to confirm; `handle` saves the session with the question pending.
    let asked = joined(
        &bench
            .bot
            .handle(&u, &says("unlink my account"))
            .await
            .unwrap(),
    );
    assert!(asked.to_lowercase().contains("unlink"), "{asked}");
    hold_for_next_message(&bench, &u, "held-2").await;
    let confirmed = prefetched_turn(&bench.bot, &u, &says("yes")).await;
    assert!(bench.store.link(&u).await.unwrap().is_none(), "{confirmed}");
    assert!(
        !confirmed.contains("ACME Payroll") && !confirmed.contains("new alert"),
        "an alert removed with the link was shown: {confirmed}"
    );
}
