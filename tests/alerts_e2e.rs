//! Proactive alerts end to end: `POST /alerts` and signed webhooks against a real server,
//! a temporary SQLite file, a mock Graph API and a clock the test moves.

mod alerts_support;

use alerts_support::{ALERTS_SECRET, Harness, sign_alert};
use chrono::{Duration, TimeZone, Utc};
use serde_json::{Value, json};

const ALICE: &str = "psid-alice";

fn noon() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap()
}

fn fraud(id: &str) -> Value {
    json!({ "id": id, "customer": "cust-alice", "kind": "fraud_suspected", "data": {
        "amount": "500.00", "merchant": "ElectroMart", "card_last4": "9876",
        "at": "2026-11-28T11:42:00Z", "transaction": "tx-77"
    }})
}

fn simple(id: &str, kind: &str) -> Value {
    json!({ "id": id, "customer": "cust-alice", "kind": kind,
            "data": { "amount": "2400.00", "merchant": "ACME Payroll", "balance": "80.00" } })
}

/// Alice linked and just wrote (the 24-hour window is open).
async fn alice_talking(h: &Harness) {
    h.link(ALICE, "alice").await;
    h.say(ALICE, "hello").await;
}

/// Alice linked and wrote 30 hours ago (the window is closed); the Page has an approved
/// utility template.
async fn alice_away_with_a_template() -> Harness {
    let h = Harness::start(
        noon(),
        &[("BANKBOT_ALERTS__UTILITY_TEMPLATE", "account_alert")],
    )
    .await;
    alice_talking(&h).await;
    h.clock.advance(Duration::hours(30));
    h
}

const QUESTION: &str =
    "Did you make this purchase? −$500.00 at ElectroMart on Nov 28 with card ••9876";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signature_idempotency_and_unlinked_customers() {
    let h = Harness::start(noon(), &[]).await;
    let body = fraud("a-1").to_string();
    let ts = Utc::now().timestamp().to_string();
    // Bad or missing signature: 403, before parsing.
    assert_eq!(h.alert_raw(&body, Some(&ts), Some("sha256=00")).await, 403);
    assert_eq!(h.alert_raw(&body, Some(&ts), None).await, 403);
    assert_eq!(
        h.alert_raw("not json", Some(&ts), Some("sha256=00")).await,
        403
    );
    // Nobody linked cust-alice yet: accepted, nothing sent.
    assert_eq!(h.alert(&fraud("a-0")).await, 202);
    assert!(h.graph.nothing_sent());
    // Invalid body with a good signature: 400.
    assert_eq!(
        h.alert(&json!({ "id": "x", "customer": "c", "kind": "weather" }))
            .await,
        400
    );

    alice_talking(&h).await;
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&fraud("a-1")).await, 202);
    assert_eq!(
        h.alert(&fraud("a-1")).await,
        200,
        "a repeat is acknowledged"
    );
    let sent = h.graph.to(ALICE);
    assert_eq!(sent.len(), before + 1, "duplicate id → one message");
    let msg = sent.last().unwrap();
    assert_eq!(msg["messaging_type"], "UPDATE");
    assert_eq!(msg["message"]["text"], QUESTION);
    let payloads: Vec<&str> = msg["message"]["quick_replies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["payload"].as_str().unwrap())
        .collect();
    assert_eq!(payloads, ["FRAUD_YES:a-1", "FRAUD_NO:a-1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fraud_no_locks_the_card_offers_a_person_and_is_audited() {
    let h = Harness::start(noon(), &[]).await;
    alice_talking(&h).await;
    assert_eq!(h.alert(&fraud("f-no")).await, 202);
    assert_eq!(h.graph.texts(ALICE).last().unwrap(), QUESTION);
    h.tap(ALICE, "No", "FRAUD_NO:f-no").await;
    let last = h.graph.to(ALICE).last().unwrap().clone();
    let text = last["message"]["text"].as_str().unwrap();
    assert!(text.contains("locked your card ••9876"), "{text}");
    assert_eq!(
        last["message"]["quick_replies"][0]["payload"],
        "INTENT:human_agent"
    );
    assert!(
        h.audit_actions()
            .await
            .contains(&"fraud_reported_card_locked".to_owned())
    );
    // The card really is locked at the bank: the card list says so.
    h.say(ALICE, "lock my card").await;
    let all = h.graph.texts(ALICE).join("\n");
    assert!(all.contains("locked") || all.contains("Locked"), "{all}");
    // Answering again changes nothing.
    h.tap(ALICE, "No", "FRAUD_NO:f-no").await;
    assert!(h.graph.texts(ALICE).last().unwrap().contains("already"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fraud_yes_is_recorded_as_genuine_and_unanswered_questions_are_reminded_once() {
    let h = Harness::start(noon(), &[]).await;
    alice_talking(&h).await;
    assert_eq!(h.alert(&fraud("f-yes")).await, 202);
    h.tap(ALICE, "Yes, it was me", "FRAUD_YES:f-yes").await;
    assert!(
        h.graph
            .texts(ALICE)
            .last()
            .unwrap()
            .contains("confirmed as yours")
    );
    assert!(
        h.audit_actions()
            .await
            .contains(&"fraud_check_confirmed_genuine".to_owned())
    );
    // No reminder for an answered question.
    h.clock.advance(Duration::minutes(31));
    h.sweep().await;
    assert!(!h.graph.texts(ALICE).last().unwrap().starts_with("Reminder"));

    // Unanswered: one reminder after 30 minutes, never a second.
    assert_eq!(h.alert(&fraud("f-quiet")).await, 202);
    h.clock.advance(Duration::minutes(29));
    h.sweep().await;
    let n = h.graph.to(ALICE).len();
    h.clock.advance(Duration::minutes(2));
    h.sweep().await;
    let texts = h.graph.texts(ALICE);
    assert_eq!(texts.len(), n + 1);
    assert_eq!(texts.last().unwrap(), &format!("Reminder: {QUESTION}"));
    h.clock.advance(Duration::minutes(40));
    h.sweep().await;
    assert_eq!(h.graph.texts(ALICE).len(), n + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consent_off_sends_nothing_and_consent_on_sends() {
    let h = Harness::start(noon(), &[]).await;
    alice_talking(&h).await;
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&simple("d-1", "deposit_received")).await, 202);
    assert_eq!(
        h.graph.to(ALICE).len(),
        before,
        "deposit alerts are off by default"
    );
    let user = bankbot::core::UserId::new(ALICE);
    h.store
        .record_consent(&user, "deposit_received", true, h.clock.now_utc())
        .await
        .unwrap();
    assert_eq!(h.alert(&simple("d-2", "deposit_received")).await, 202);
    let texts = h.graph.texts(ALICE);
    assert_eq!(texts.len(), before + 1);
    assert!(
        texts
            .last()
            .unwrap()
            .contains("$2,400.00 from ACME Payroll"),
        "{texts:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consent_given_in_conversation_switches_an_alert_on() {
    let h = Harness::start(noon(), &[]).await;
    alice_talking(&h).await;
    h.say(ALICE, "turn on low balance alerts").await;
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&simple("c-1", "balance_low")).await, 202);
    let texts = h.graph.texts(ALICE);
    assert_eq!(texts.len(), before + 1, "{texts:?}");
    assert!(
        texts.last().unwrap().starts_with("Low balance"),
        "{texts:?}"
    );
    h.say(ALICE, "stop alerts").await;
    // Every alert off, typed, is asked first.
    h.say(ALICE, "yes").await;
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&simple("c-2", "balance_low")).await, 202);
    assert_eq!(h.alert(&fraud("c-3")).await, 202);
    assert_eq!(
        h.graph.to(ALICE).len(),
        before,
        "every alert off, fraud included"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closed_window_holds_until_the_next_message_and_summarises() {
    let h = Harness::start(noon(), &[]).await;
    alice_talking(&h).await;
    let user = bankbot::core::UserId::new(ALICE);
    for kind in ["deposit_received", "balance_low"] {
        h.store
            .record_consent(&user, kind, true, h.clock.now_utc())
            .await
            .unwrap();
    }
    h.clock.advance(Duration::hours(25));
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&simple("w-1", "deposit_received")).await, 202);
    assert_eq!(h.alert(&simple("w-2", "balance_low")).await, 202);
    assert_eq!(
        h.graph.to(ALICE).len(),
        before,
        "outside the window nothing is sent"
    );
    h.say(ALICE, "hello").await;
    let texts = h.graph.texts(ALICE);
    let new: Vec<&String> = texts.iter().skip(before).collect();
    assert!(
        new.iter().any(|t| *t == "You have 2 new alerts."),
        "{new:?}"
    );
    let summary = new
        .iter()
        .find(|t| t.starts_with("2 alerts:"))
        .expect("one summary");
    assert!(
        summary.contains("ACME Payroll") && summary.contains("$80.00"),
        "{summary}"
    );
    // Shown once.
    h.say(ALICE, "thanks").await;
    assert!(
        !h.graph
            .texts(ALICE)
            .iter()
            .skip(before + new.len())
            .any(|t| t.contains("new alert"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utility_template_is_used_outside_the_window() {
    let h = alice_away_with_a_template().await;
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&fraud("u-1")).await, 202);
    let sent = h.graph.to(ALICE);
    assert_eq!(
        sent.len(),
        before + 1,
        "sent through the utility-template path, not held"
    );
    // Exactly Meta's utility-message shape: no free text, no tag, no buttons (this
    // template has none).
    assert_eq!(
        sent.last().unwrap(),
        &json!({
            "recipient": {"id": ALICE},
            "messaging_type": "UTILITY",
            "message": {"template": {
                "name": "account_alert",
                "language": {"code": "en"},
                "components": [{"type": "body", "parameters": [{
                    "type": "text",
                    "text": format!("{QUESTION} Send us any message here to answer.")
                }]}]
            }}
        })
    );
    // When Alice opens the conversation and writes, the question waits there with its
    // Yes / No, and her answer locks the card.
    h.say(ALICE, "hi").await;
    let after = h.graph.to(ALICE);
    let question = after
        .iter()
        .skip(before + 1)
        .find(|m| m["message"]["text"] == QUESTION)
        .expect("the fraud question is asked in the conversation");
    assert_eq!(
        question["message"]["quick_replies"][1]["payload"],
        "FRAUD_NO:u-1"
    );
    h.tap(ALICE, "No", "FRAUD_NO:u-1").await;
    let text = h.graph.texts(ALICE).last().unwrap().clone();
    assert!(text.contains("locked your card ••9876"), "{text}");
    // Every Graph call, the utility message included, had a Bearer token and its proof.
    assert_eq!(h.graph.0.check_auth(), Ok(()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fraud_template_carries_yes_and_no_buttons_answered_from_the_notification() {
    let h = Harness::start(
        noon(),
        &[
            ("BANKBOT_ALERTS__UTILITY_TEMPLATE", "account_alert"),
            ("BANKBOT_ALERTS__UTILITY_FRAUD_TEMPLATE", "fraud_check"),
            ("BANKBOT_ALERTS__UTILITY_PARAMETER_NAME", "alert"),
            ("BANKBOT_ALERTS__UTILITY_LANGUAGE_EN", "en_US"),
        ],
    )
    .await;
    alice_talking(&h).await;
    h.clock.advance(Duration::hours(25));
    assert_eq!(h.alert(&fraud("u-2")).await, 202);
    let sent = h.graph.to(ALICE).last().unwrap().clone();
    assert_eq!(sent["messaging_type"], "UTILITY");
    assert_eq!(
        sent["message"]["template"],
        json!({
            "name": "fraud_check",
            "language": {"code": "en_US"},
            "components": [
                {"type": "body", "parameters": [
                    {"type": "text", "parameter_name": "alert", "text": QUESTION}
                ]},
                {"type": "buttons", "parameters": [
                    {"type": "POSTBACK", "payload": "FRAUD_YES:u-2"},
                    {"type": "POSTBACK", "payload": "FRAUD_NO:u-2"}
                ]}
            ]
        })
    );
    // Alice taps "Yes, it was me" on the notification: a postback webhook.
    let status = h
        .webhook(
            ALICE,
            json!({"postback": {"title": "Yes, it was me", "payload": "FRAUD_YES:u-2", "mid": "m-pb"}}),
        )
        .await;
    assert_eq!(status, 200);
    h.settle().await;
    let reply = h.graph.to(ALICE).last().unwrap().clone();
    assert_eq!(reply["messaging_type"], "RESPONSE");
    assert!(
        reply["message"]["text"]
            .as_str()
            .unwrap()
            .contains("confirmed as yours")
    );
    assert!(
        h.audit_actions()
            .await
            .contains(&"fraud_check_confirmed_genuine".to_owned())
    );
    // A low-balance alert still goes through the plain template.
    let user = bankbot::core::UserId::new(ALICE);
    h.store
        .record_consent(&user, "balance_low", true, h.clock.now_utc())
        .await
        .unwrap();
    h.clock.advance(Duration::hours(25));
    assert_eq!(h.alert(&simple("u-3", "balance_low")).await, 202);
    let low = h.graph.to(ALICE).last().unwrap().clone();
    assert_eq!(low["message"]["template"]["name"], "account_alert");
    assert_eq!(
        low["message"]["template"]["components"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "no buttons component"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_template_meta_refuses_is_not_retried_and_is_resent_when_the_customer_writes() {
    let h = alice_away_with_a_template().await;
    let requests = h.graph.0.sent().len();
    h.graph.0.fail_next(
        1,
        400,
        json!({"error": {"message": "(#100) Template name does not exist in the translation",
                         "type": "OAuthException", "code": 100}}),
    );
    assert_eq!(h.alert(&fraud("u-4")).await, 202);
    assert_eq!(
        h.graph.0.sent().len(),
        requests + 1,
        "one attempt, no retries"
    );
    let counts = h.store.outbox_counts().await.unwrap();
    assert_eq!(counts.pending + counts.in_progress, 0);
    // The bot goes on: the next alert is delivered.
    assert_eq!(h.alert(&fraud("u-5")).await, 202);
    assert_eq!(
        h.graph.to(ALICE).last().unwrap()["messaging_type"],
        "UTILITY"
    );
    // When Alice writes, the refused one reaches her in the conversation, before the
    // answer to what she wrote.
    let before = h.graph.to(ALICE).len();
    h.say(ALICE, "hello").await;
    let after = h.graph.to(ALICE);
    let first = &after[before];
    assert_eq!(first["messaging_type"], "RESPONSE");
    assert_eq!(
        first["message"]["text"],
        format!("{QUESTION} Send us any message here to answer.")
    );
    let counts = h.store.outbox_counts().await.unwrap();
    assert_eq!(counts.failed, 0, "nothing left dead");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quiet_hours_hold_non_fraud_alerts_until_morning() {
    let night = Utc.with_ymd_and_hms(2026, 11, 28, 22, 30, 0).unwrap();
    let h = Harness::start(night, &[]).await;
    alice_talking(&h).await;
    let user = bankbot::core::UserId::new(ALICE);
    h.store
        .record_consent(&user, "balance_low", true, h.clock.now_utc())
        .await
        .unwrap();
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&simple("q-1", "balance_low")).await, 202);
    assert_eq!(h.graph.to(ALICE).len(), before, "held during quiet hours");
    // Fraud is exempt.
    assert_eq!(h.alert(&fraud("q-fraud")).await, 202);
    assert_eq!(h.graph.texts(ALICE).last().unwrap(), QUESTION);
    let n = h.graph.to(ALICE).len();
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 29, 6, 59, 0).unwrap());
    h.tap(ALICE, "Yes", "FRAUD_YES:q-fraud").await; // keeps the window open, answers
    let n = n + 1;
    // The alert is still quiet-held... but alice is awake and wrote: it is shown now.
    let texts = h.graph.texts(ALICE);
    assert!(texts.len() >= n);
    assert!(
        texts.iter().any(|t| t.starts_with("Low balance")),
        "{texts:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quiet_hours_release_by_the_sweeper() {
    let night = Utc.with_ymd_and_hms(2026, 11, 28, 23, 0, 0).unwrap();
    let h = Harness::start(night, &[]).await;
    alice_talking(&h).await;
    let user = bankbot::core::UserId::new(ALICE);
    for kind in ["balance_low", "deposit_received"] {
        h.store
            .record_consent(&user, kind, true, h.clock.now_utc())
            .await
            .unwrap();
    }
    let before = h.graph.to(ALICE).len();
    assert_eq!(h.alert(&simple("r-1", "balance_low")).await, 202);
    assert_eq!(h.alert(&simple("r-2", "deposit_received")).await, 202);
    h.sweep().await;
    assert_eq!(h.graph.to(ALICE).len(), before, "nothing before 07:00");
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 11, 29, 7, 0, 30).unwrap());
    h.sweep().await;
    h.sweep().await;
    let sent = h.graph.to(ALICE);
    assert_eq!(sent.len(), before + 1, "two alerts, one summary");
    assert_eq!(sent.last().unwrap()["messaging_type"], "UPDATE");
    assert!(
        sent.last().unwrap()["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("2 alerts:")
    );
}

/// Checks that `h` refuses `body` with each of these (timestamp, signature) header pairs.
async fn refused(h: &Harness, body: &str, cases: &[(Option<&str>, Option<&str>, &str)]) {
    for (ts, sig, why) in cases {
        assert_eq!(h.alert_raw(body, *ts, *sig).await, 403, "{why}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alerts_are_signed_with_a_recent_timestamp() {
    // The bot's clock is fixed days away from real time (as BANKBOT_NOW fixes it in a
    // demo): the window follows the system clock, so fresh alerts are still accepted.
    let h = Harness::start(noon(), &[]).await;
    alice_talking(&h).await;
    let before = h.graph.to(ALICE).len();
    let body = fraud("t-1").to_string();
    let now = Utc::now().timestamp();

    let (ts, sig) = sign_alert(&body, now);
    // HMAC-SHA256 of the body alone, `sha256=<hex>`: the contract before timestamps.
    let body_only = bankbot_testkit::sign(ALERTS_SECRET, body.as_bytes());
    let (_, other_time) = sign_alert(&body, now - 1);
    let (stale_ts, stale) = sign_alert(&body, now - 301);
    let (future_ts, future) = sign_alert(&body, now + 301);
    let (bot_ts, at_bot_time) = sign_alert(&body, h.clock.now_utc().timestamp());
    let signed_over =
        |t: &str| bankbot_testkit::sign(ALERTS_SECRET, format!("{t}.{body}").as_bytes());
    let (malformed, unsigned) = (signed_over("soon"), signed_over(""));
    refused(
        &h,
        &body,
        &[
            (None, Some(&sig), "no timestamp"),
            (Some(""), Some(&unsigned), "empty timestamp"),
            (Some("soon"), Some(&malformed), "malformed timestamp"),
            (Some(&ts), Some(&body_only), "the old body-only signature"),
            (None, Some(&body_only), "the old contract"),
            (
                Some(&ts),
                Some(&other_time),
                "a signature for another timestamp",
            ),
            (Some(&stale_ts), Some(&stale), "301 s old"),
            (Some(&future_ts), Some(&future), "301 s ahead"),
            (Some(&bot_ts), Some(&at_bot_time), "the bot's fixed clock"),
        ],
    )
    .await;
    assert_eq!(h.graph.to(ALICE).len(), before, "nothing delivered");

    // 299 s old is fine.
    let (status, answer) = h.alert_answer(&body, now - 299).await;
    assert_eq!((status.as_u16(), &answer["recipients"]), (202, &json!(1)));
    assert_eq!(h.graph.texts(ALICE).last().unwrap(), QUESTION);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_alert_id_is_never_delivered_twice() {
    let h = Harness::start(noon(), &[]).await;
    // Sent while nobody had linked cust-alice: its id is remembered all the same.
    assert_eq!(h.alert(&fraud("r-early")).await, 202);
    alice_talking(&h).await;
    let before = h.graph.to(ALICE).len();
    let body = fraud("r-1").to_string();
    let (status, answer) = h.alert_answer(&body, Utc::now().timestamp()).await;
    assert_eq!(
        (status.as_u16(), &answer["status"]),
        (202, &json!("accepted"))
    );
    assert_eq!(h.graph.to(ALICE).len(), before + 1);
    // Re-sent, re-signed with a fresh timestamp: acknowledged as a duplicate.
    let (status, answer) = h.alert_answer(&body, Utc::now().timestamp()).await;
    assert_eq!(
        (status.as_u16(), &answer["status"]),
        (200, &json!("duplicate"))
    );
    // Housekeeping forgets finished inbox events after a day (here at once: the bot's
    // clock is days behind the system's); the alert id outlives them.
    let swept =
        bankbot::app::housekeeping::sweep_once(h.store.as_ref(), &bankbot_core::SystemClock).await;
    assert!(swept.inbox > 0, "{swept:?}");
    assert_eq!(swept.alert_ids, 0, "{swept:?}");
    let (status, answer) = h.alert_answer(&body, Utc::now().timestamp()).await;
    assert_eq!(
        (status.as_u16(), &answer["status"]),
        (200, &json!("duplicate"))
    );
    let (status, answer) = h
        .alert_answer(&fraud("r-early").to_string(), Utc::now().timestamp())
        .await;
    assert_eq!(
        (status.as_u16(), &answer["status"]),
        (200, &json!("duplicate"))
    );
    assert_eq!(h.graph.to(ALICE).len(), before + 1, "delivered once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bankbot_alerts_send_signs_with_the_system_clock_under_a_fixed_demo_clock() {
    let h = Harness::start(noon(), &[]).await;
    alice_talking(&h).await;
    let before = h.graph.to(ALICE).len();
    let send = |base: String| {
        tokio::task::spawn_blocking(move || {
            std::process::Command::new(env!("CARGO_BIN_EXE_bankbot"))
                .args(["alerts", "send", "--customer", "cust-alice"])
                .args(["--kind", "fraud_suspected", "--amount", "500.00"])
                .args(["--merchant", "ElectroMart", "--id", "cli-1", "--url", &base])
                .env("BANKBOT_ALERTS__SECRET", ALERTS_SECRET)
                .env("BANKBOT_NOW", "2026-11-28T12:00:00Z")
                .output()
                .expect("run bankbot")
        })
    };
    let out = send(h.base.clone()).await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("202"), "{stdout}");
    h.settle().await;
    assert_eq!(h.graph.to(ALICE).len(), before + 1);
    assert_eq!(h.graph.texts(ALICE).last().unwrap(), QUESTION);
    // Sent again: the server says it is a duplicate, and nothing more is delivered.
    let out = send(h.base.clone()).await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("duplicate"),
        "{stdout}"
    );
    h.settle().await;
    assert_eq!(h.graph.to(ALICE).len(), before + 1);
}
