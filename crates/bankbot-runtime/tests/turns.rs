//! The turn's rules over a real `Bot` (no HTTP): linking, data only for linked customers,
//! the customer's language, unlinking.

mod common;

use bankbot_runtime::UserEvent;
use common::{Bench, says, text_of, user};

fn joined(replies: &[bankbot_core::Reply]) -> String {
    replies.iter().map(text_of).collect::<Vec<_>>().join("\n")
}

#[tokio::test]
async fn an_unlinked_customer_asking_for_data_is_offered_the_link_page() {
    let bench = Bench::new().await;
    let u = user("1001");
    let replies = bench
        .bot
        .handle(&u, &says("what's my balance"))
        .await
        .unwrap();
    let text = joined(&replies);
    assert!(text.contains("http://bot.test/link"), "{text}");
    assert!(!text.contains("4321"), "data shown before linking: {text}");
    assert!(bench.store.link(&u).await.unwrap().is_none());
}

#[tokio::test]
async fn a_linked_customer_sees_their_own_accounts() {
    let bench = Bench::new().await;
    let u = user("1002");
    let welcome = joined(&bench.link(&u, "alice").await);
    assert!(!welcome.is_empty());
    assert!(bench.store.link(&u).await.unwrap().is_some());
    let text = joined(
        &bench
            .bot
            .handle(&u, &says("what's my balance"))
            .await
            .unwrap(),
    );
    assert!(text.contains("4321"), "alice's ••4321 missing: {text}");
    assert!(text.contains('$'), "alice banks in USD: {text}");
}

#[tokio::test]
async fn a_french_customer_is_answered_in_french_until_they_switch() {
    let bench = Bench::new().await;
    let u = user("1003");
    bench.link(&u, "bob").await;
    let first = joined(
        &bench
            .bot
            .handle(&u, &says("quel est mon solde"))
            .await
            .unwrap(),
    );
    assert!(
        first.contains("Voici vos soldes") && first.contains('€'),
        "{first}"
    );
    // A short request keeps the conversation's language (the session remembers it) …
    let short = joined(&bench.bot.handle(&u, &says("my balance pls")).await.unwrap());
    assert!(short.contains("Voici vos soldes"), "{short}");
    // … a sentence in English switches, even a three-word question.
    let long = joined(
        &bench
            .bot
            .handle(&u, &says("what's my balance"))
            .await
            .unwrap(),
    );
    assert!(!long.contains("Voici") && long.contains('€'), "{long}");
}

#[tokio::test]
async fn unlinking_from_messenger_forgets_the_link_and_hides_the_data() {
    let bench = Bench::new().await;
    let u = user("1004");
    bench.link(&u, "alice").await;
    bench
        .bot
        .handle(&u, &UserEvent::AccountUnlinked)
        .await
        .unwrap();
    assert!(bench.store.link(&u).await.unwrap().is_none());
    let text = joined(
        &bench
            .bot
            .handle(&u, &says("what's my balance"))
            .await
            .unwrap(),
    );
    assert!(!text.contains("4321"), "{text}");
    assert!(text.contains("http://bot.test/link"), "{text}");
}
