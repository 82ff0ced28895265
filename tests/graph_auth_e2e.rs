//! The running bot authenticates every Graph API call the way a bank's app must: the Page
//! access token in an `Authorization: Bearer` header and never in a URL, and an
//! `appsecret_proof` the mock Graph API checks (it refuses a missing or wrong one).

mod common;

use common::{TestBot, texts};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_graph_call_carries_the_token_in_a_header_and_its_proof() {
    let bot = TestBot::start().await;
    let psid = "7000000000000021";
    // Replies (Send API, sender actions) and a handover to the Page Inbox.
    assert!(!texts(&bot.say(psid, "hello").await).is_empty());
    assert!(!texts(&bot.say(psid, "I want to talk to a real person").await).is_empty());

    let requests = bot.graph.sent();
    assert!(
        requests
            .iter()
            .any(|r| r.path.ends_with("pass_thread_control")),
        "a handover call was made"
    );
    assert_eq!(bot.graph.check_auth(), Ok(()));
    for r in &requests {
        let what = format!("{} {}", r.method, r.target);
        assert_eq!(r.bearer_token.as_deref(), Some("e2e-page-token"), "{what}");
        assert!(!r.target.contains("e2e-page-token"), "{what}");
        assert!(r.succeeded(), "the mock refused {what}: {}", r.status);
    }
    bot.stop().await;
}
