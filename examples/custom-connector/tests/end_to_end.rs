//! The full bot on this connector, through the real server: signed webhooks in, answers out
//! to the mock Graph API, data from the sample core over HTTP.

mod support;

use support::{Stack, quick_replies, texts};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whats_my_balance_end_to_end() {
    let stack = Stack::start().await;
    let psid = "7100000000000001";

    let before = texts(&stack.say(psid, "what's my balance").await).to_lowercase();
    assert!(before.contains("link"), "{before}");
    assert!(stack.login_refused(psid, "dana", "wrong-password").await);

    let linked = texts(&stack.link(psid, "dana", "north-star-1").await).to_lowercase();
    assert!(linked.contains("linked"), "{linked}");

    let balance = texts(&stack.say(psid, "what's my balance").await);
    assert!(balance.contains("$3,180.42"), "{balance}");
    assert!(balance.contains("••5512"), "{balance}");
    assert!(
        !balance.contains("000012345512"),
        "full number leaked: {balance}"
    );

    let card = texts(&stack.say(psid, "how much do I owe on my credit card").await);
    assert!(card.contains("$412.30"), "{card}");
    stack.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn french_customer_and_card_lock_reach_the_core() {
    let stack = Stack::start().await;
    let psid = "7100000000000002";
    stack.link(psid, "emile", "etoile-du-nord-2").await;
    // French amounts group digits with a narrow no-break space.
    let solde =
        texts(&stack.say(psid, "quel est mon solde").await).replace(['\u{202f}', '\u{a0}'], " ");
    assert!(solde.contains("1 842,50 €"), "{solde}");
    assert!(solde.contains("Livret A ••0642"), "{solde}");

    let dana = "7100000000000003";
    stack.link(dana, "dana", "north-star-1").await;
    let ask = stack.say(dana, "lock my debit card").await;
    let yes = quick_replies(&ask)
        .into_iter()
        .find(|(_, p)| p == "YES")
        .unwrap_or_else(|| panic!("no confirmation: {}", texts(&ask)));
    let done = texts(&stack.tap(dana, &yes.0, &yes.1).await).to_lowercase();
    assert!(done.contains("locked"), "{done}");
    assert_eq!(stack.core.card_blocked("card-7001"), Some(true));
    assert_eq!(stack.core.card_blocked("card-7002"), Some(false));
    stack.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_core_outage_gets_a_polite_reply() {
    let stack = Stack::start().await;
    let psid = "7100000000000004";
    stack.link(psid, "dana", "north-star-1").await;
    stack
        .core
        .set_fault(Some(custom_connector::sample_core::Fault::Garbage));
    let reply = texts(&stack.say(psid, "what's my balance").await);
    assert!(!reply.contains('$'), "{reply}");
    assert!(!reply.is_empty());
    stack.stop().await;
}
