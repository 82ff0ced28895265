//! End to end: the account-takeover path is closed. A login code minted on the page that
//! alice's Messenger opened links alice's Messenger account and nobody else's, the PSID
//! look-up is answered by the mock Graph API, and a refusal is audited and burns the code.

mod common;

use bankbot_testkit::{login, webhooks};
use common::{TestBot, buttons, texts};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_code_from_alices_login_cannot_link_another_messenger_user() {
    let bot = TestBot::start().await;
    let alice = "7423910000000001";
    let stranger = "7423910000000002";

    // Alice signs in on the page her account-link button opened (Meta's real redirect URL).
    let code = bot.login_code(alice, "alice").await;
    let lookups: Vec<_> = bot
        .graph
        .sent()
        .into_iter()
        .filter(|r| r.endpoint == bankbot_testkit::Endpoint::AccountLinkingRecipient)
        .collect();
    assert_eq!(lookups.len(), 1, "the bot asked Meta whose token it was");
    assert_eq!(
        lookups[0].query.get("fields").map(String::as_str),
        Some("recipient")
    );

    // The stranger replays the code in a signed account_linking webhook of their own.
    let before = bot.sent_to(stranger).len();
    assert_eq!(
        bot.post(&webhooks::account_linked(stranger, &code)).await,
        StatusCode::OK
    );
    let refused = texts(&bot.replies_after(stranger, before).await);
    assert!(
        refused.contains("That link did not work, please try again"),
        "{refused}"
    );
    // The stranger sees nothing of alice's.
    let balance = bot.say(stranger, "what's my balance").await;
    assert!(!texts(&balance).contains("2,345.67"), "{balance:?}");
    assert!(
        buttons(&balance)
            .iter()
            .any(|b| b["type"] == "account_link"),
        "{balance:?}"
    );

    // The refusal burnt the code: alice's own webhook with it fails too.
    let before = bot.sent_to(alice).len();
    assert_eq!(
        bot.post(&webhooks::account_linked(alice, &code)).await,
        StatusCode::OK
    );
    let burnt = texts(&bot.replies_after(alice, before).await);
    assert!(burnt.contains("That link did not work"), "{burnt}");

    // The refusal is in the audit log (the user only as a hash).
    let records = bot.store().await.audit_records(0, 1000).await.unwrap();
    assert!(
        records.iter().any(|r| r.action == "account_link_refused"),
        "{records:?}"
    );

    // A fresh login by alice links alice.
    let linked = bot.link(alice, "alice").await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );
    let text = texts(&bot.say(alice, "what's my balance").await);
    assert!(text.contains("$2,345.67"), "{text}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_meta_does_not_know_gets_no_code() {
    let bot = TestBot::start().await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let forged = "ALT-not-issued-by-meta";
    let form = login::open_form(&http, &bot.base_url, forged, &login::redirect_uri(forged))
        .await
        .unwrap();
    let resp = http
        .post(format!("{}/link", bot.base_url))
        .header("cookie", &form.cookie)
        .form(&[
            ("csrf", form.csrf.as_str()),
            ("username", "alice"),
            ("password", "demo"),
            ("account_linking_token", forged),
            ("redirect_uri", login::redirect_uri(forged).as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(resp.headers().get("location").is_none());

    // And a redirect to anywhere but Meta never gets one, even with a real token.
    let token = bot.graph.linking_token_for("7423910000000003");
    let form = login::open_form(&http, &bot.base_url, &token, &login::redirect_uri(&token))
        .await
        .unwrap();
    let resp = http
        .post(format!("{}/link", bot.base_url))
        .header("cookie", &form.cookie)
        .form(&[
            ("csrf", form.csrf.as_str()),
            ("username", "alice"),
            ("password", "demo"),
            ("account_linking_token", token.as_str()),
            ("redirect_uri", "https://evil.example/collect"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(resp.headers().get("location").is_none());
    bot.stop().await;
}
