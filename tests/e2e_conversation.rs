//! End to end: the real server, a temporary SQLite file and a mock Graph API, driven by
//! signed webhooks exactly as Messenger sends them.

mod common;

use bankbot_testkit::webhooks;
use common::{PAGE, TestBot, buttons, quick_payloads, texts};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unlinked_customer_gets_a_link_button_then_links_and_sees_exact_balances() {
    let bot = TestBot::start().await;
    let psid = "7000000000000001";
    let replies = bot.say(psid, "what's my balance").await;
    let link = buttons(&replies);
    assert!(
        link.iter()
            .any(|b| b["type"] == "account_link" && b["url"] == "http://bot.test/link"),
        "{replies:?}"
    );

    let linked = bot.link(psid, "alice").await;
    assert!(
        texts(&linked).to_lowercase().contains("linked"),
        "{linked:?}"
    );

    let text = texts(&bot.say(psid, "what's my balance").await);
    for figure in [
        "Everyday Checking ••4321: $2,345.67 current, $2,295.67 available",
        "Way2Save Savings ••8765: $10,250.00",
        "Cash Back Visa ••1111: $432.10 owed, $4,567.90 available",
    ] {
        assert!(text.contains(figure), "missing {figure:?} in {text}");
    }
    // Follow-up from session context.
    let savings = texts(&bot.say(psid, "and savings?").await);
    assert!(
        savings.contains("$10,250.00") && !savings.contains("4321"),
        "{savings}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transactions_with_every_filter_and_spending() {
    let bot = TestBot::start().await;
    let psid = "7000000000000002";
    bot.link(psid, "alice").await;

    let last3 = texts(&bot.say(psid, "show my last 3 transactions").await);
    assert!(
        last3.contains("Shell") && last3.contains("pending"),
        "{last3}"
    );
    assert!(
        last3.contains("Whole Foods Market") && last3.contains("Uber"),
        "{last3}"
    );
    assert!(!last3.contains("ACME"), "only three: {last3}");

    let more = texts(&bot.say(psid, "show more").await);
    assert!(
        more.contains("ACME Corp Payroll") && more.contains("$3,200.00"),
        "{more}"
    );

    let merchant = texts(&bot.say(psid, "did uber charge me").await);
    assert!(
        merchant.contains("-$23.50") && merchant.contains("-$18.20"),
        "{merchant}"
    );
    assert!(!merchant.contains("Starbucks"), "{merchant}");

    let dated = texts(&bot.say(psid, "transactions in october").await);
    assert!(
        dated.contains("Amazon") && dated.contains("-$54.30") && dated.contains("Starbucks"),
        "{dated}"
    );
    assert!(
        dated.contains("PG&E") && !dated.contains("Shell") && !dated.contains("Interest"),
        "{dated}"
    );

    let big = texts(&bot.say(psid, "transactions over $100").await);
    assert!(
        big.contains("-$1,850.00") && big.contains("-$129.99"),
        "{big}"
    );
    assert!(!big.contains("Starbucks"), "{big}");

    let none = texts(&bot.say(psid, "payments to netflix over $500").await);
    assert!(
        none.to_lowercase().contains("no ") || none.to_lowercase().contains("none"),
        "{none}"
    );

    let spent = texts(
        &bot.say(psid, "how much did I spend at starbucks last month")
            .await,
    );
    assert!(spent.contains("$5.45"), "{spent}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn atm_by_postcode_and_follow_up() {
    let bot = TestBot::start().await;
    let psid = "7000000000000003";
    let near = texts(&bot.say(psid, "atm near 94105").await);
    assert!(
        near.contains("mi") && near.contains("google.com/maps"),
        "{near}"
    );
    let ask = texts(&bot.say(psid, "nearest atm").await);
    assert!(
        ask.to_lowercase().contains("postcode") || ask.to_lowercase().contains("where"),
        "{ask}"
    );
    let answer = texts(&bot.say(psid, "SW1A 1AA").await);
    assert!(answer.contains("km") || answer.contains(" m"), "{answer}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn card_lock_needs_a_confirmation() {
    let bot = TestBot::start().await;
    let psid = "7000000000000004";
    bot.link(psid, "alice").await;
    let which = bot.say(psid, "lock my card").await;
    let choices = quick_payloads(&which);
    let debit = choices
        .iter()
        .find(|(t, _)| t.contains("9876"))
        .expect("debit card offered")
        .clone();
    let confirm = bot.tap(psid, &debit.0, &debit.1).await;
    assert!(texts(&confirm).contains("••9876"), "{confirm:?}");
    let yes = quick_payloads(&confirm)
        .into_iter()
        .find(|(_, p)| p == "YES")
        .expect("yes offered");
    let done = texts(&bot.tap(psid, &yes.0, &yes.1).await);
    assert!(done.to_lowercase().contains("locked"), "{done}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_my_data_erases_the_link() {
    let bot = TestBot::start().await;
    let psid = "7000000000000005";
    bot.link(psid, "alice").await;
    let confirm = bot.say(psid, "delete my data").await;
    let yes = quick_payloads(&confirm)
        .into_iter()
        .find(|(_, p)| p == "YES")
        .expect("yes offered");
    let done = texts(&bot.tap(psid, &yes.0, &yes.1).await);
    assert!(!done.is_empty());
    // Everything is gone: balances need linking again.
    let again = bot.say(psid, "what's my balance").await;
    assert!(
        buttons(&again).iter().any(|b| b["type"] == "account_link"),
        "{again:?}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_french_conversation_as_bob() {
    let bot = TestBot::start().await;
    let psid = "7000000000000006";
    bot.link(psid, "bob").await;
    let solde = texts(&bot.say(psid, "quel est mon solde").await);
    assert!(
        solde.contains("Compte courant ••2468 : 1 234,56 €"),
        "{solde}"
    );
    assert!(solde.contains("Livret A ••1357 : 8 000,00 €"), "{solde}");
    let ops = texts(&bot.say(psid, "mes dépenses chez Carrefour").await);
    assert!(ops.contains("Carrefour") && ops.contains("€"), "{ops}");
    let dab = texts(&bot.say(psid, "distributeur près de 75011").await);
    assert!(dab.contains("75011") || dab.contains("Paris"), "{dab}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_delivery_gets_one_reply() {
    let bot = TestBot::start().await;
    let psid = "7000000000000007";
    let body = webhooks::text_message(PAGE, psid, "m_duplicate_1", "hello", webhooks::now_ms());
    assert_eq!(bot.post(&body).await, StatusCode::OK);
    let first = bot.replies_after(psid, 0).await;
    // Meta re-delivers the same event (same mid) in a new envelope.
    let again =
        webhooks::text_message(PAGE, psid, "m_duplicate_1", "hello", webhooks::now_ms() + 5);
    assert_eq!(bot.post(&again).await, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1_500)).await;
    assert_eq!(
        bot.sent_to(psid).len(),
        first.len(),
        "a re-delivery was answered again"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_signature_is_refused_and_nothing_is_sent() {
    let bot = TestBot::start().await;
    let psid = "7000000000000008";
    let body = webhooks::text_message(
        PAGE,
        psid,
        "m_forged",
        "what's my balance",
        webhooks::now_ms(),
    );
    let bytes = serde_json::to_vec(&body).unwrap();
    let forged = bankbot_testkit::sign("not-the-app-secret", &bytes);
    let (status, _) = bot
        .client
        .post_with_signature(&bot.webhook_url(), Some(&forged), bytes.clone())
        .await
        .unwrap();
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = bot
        .client
        .post_with_signature(&bot.webhook_url(), None, bytes)
        .await
        .unwrap();
    assert_eq!(status, StatusCode::FORBIDDEN);
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert!(bot.graph.sent().is_empty(), "something was sent");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verification_and_operations_endpoints() {
    let bot = TestBot::start().await;
    let url = format!(
        "{}?hub.mode=subscribe&hub.verify_token={}&hub.challenge=1158201444",
        bot.webhook_url(),
        common::VERIFY_TOKEN
    );
    let resp = bot.http.get(url).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.text().await.unwrap(), "1158201444");
    for path in ["/health", "/ready"] {
        let resp = bot
            .http
            .get(format!("{}{path}", bot.base_url))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "{path}");
    }
    let metrics = bot
        .http
        .get(format!("{}/metrics", bot.base_url))
        .send()
        .await
        .unwrap();
    let body = metrics.text().await.unwrap();
    assert!(
        body.contains("bankbot_inbox_items{state=\"pending\"}"),
        "{body}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_takes_over_and_hands_back() {
    let bot = TestBot::start().await;
    let psid = "7000000000000009";
    let handover = texts(&bot.say(psid, "I want to talk to a real person").await);
    assert!(!handover.is_empty());
    let passed = bot
        .graph
        .sent()
        .into_iter()
        .any(|r| r.path.ends_with("pass_thread_control") && r.body["recipient"]["id"] == psid);
    assert!(passed, "the thread was passed to the Page Inbox");

    // While a person owns the thread, the bot stays quiet.
    let before = bot.sent_to(psid).len();
    let body = webhooks::text_message(PAGE, psid, "m_while_human", "hello?", webhooks::now_ms());
    assert_eq!(bot.post(&body).await, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1_200)).await;
    assert_eq!(
        bot.sent_to(psid).len(),
        before,
        "the bot answered while a person owned the thread"
    );

    // The Page Inbox passes the thread back: the bot says so, then answers again.
    assert_eq!(
        bot.post(&webhooks::pass_thread_control_back(psid)).await,
        StatusCode::OK
    );
    let back = bot.replies_after(psid, before).await;
    assert!(!texts(&back).is_empty());
    let hello = texts(&bot.say(psid, "hello").await);
    assert!(!hello.is_empty());
    bot.stop().await;
}
