//! Every intent in English, as alice (USD) or an unlinked user, against the demo bank.

mod common;

use bankbot_core::{AccountKind, Button, Category, IntentId, Lang};
use bankbot_handlers::Effect;
use chrono::NaiveDate;
use common::{Chat, audits, buttons, has_link_button, payloads, slots, text};
use rust_decimal_macros::dec;

fn day(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, m, d)
}

#[tokio::test]
async fn balance_shows_alices_exact_figures() {
    let mut chat = Chat::alice();
    let out = chat
        .say("what's my balance", IntentId::Balance, slots())
        .await;
    let t = text(&out);
    assert!(
        t.contains("Everyday Checking ••4321: $2,345.67 current, $2,295.67 available"),
        "{t}"
    );
    assert!(t.contains("Way2Save Savings ••8765: $10,250.00"), "{t}");
    assert!(
        t.contains("Cash Back Visa ••1111: $432.10 owed, $4,567.90 available"),
        "{t}"
    );
    assert_eq!(audits(&out), ["balances"]);
    assert!(payloads(&out).contains(&"INTENT:transactions".to_owned()));

    let visa = bankbot_core::Slots {
        account_type: Some(AccountKind::CreditCard),
        ..slots()
    };
    let out = chat
        .say("credit card balance", IntentId::Balance, visa)
        .await;
    assert_eq!(
        text(&out),
        "Cash Back Visa ••1111: $432.10 owed, $4,567.90 available"
    );
}

#[tokio::test]
async fn data_intents_need_a_linked_account() {
    let mut chat = Chat::unlinked(Lang::En);
    for intent in [
        IntentId::Balance,
        IntentId::Transactions,
        IntentId::SpendingSummary,
        IntentId::CardLock,
        IntentId::ManageAlerts,
    ] {
        let out = chat.say("hi", intent, slots()).await;
        assert!(has_link_button(&out), "{intent}");
        assert!(text(&out).contains("link your bank account"), "{intent}");
        assert!(audits(&out).is_empty());
    }
}

#[tokio::test]
async fn transactions_default_count_pending_and_filters() {
    let mut chat = Chat::alice();
    let out = chat
        .say("recent transactions", IntentId::Transactions, slots())
        .await;
    let t = text(&out);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "Your last 5 transactions:");
    assert_eq!(lines[1], "Nov 29 · Shell · -$50.00 (pending)");
    assert_eq!(lines[2], "Nov 28 · Whole Foods Market · -$82.14");
    assert_eq!(lines[4], "Nov 26 · ACME Corp Payroll · +$3,200.00");
    assert_eq!(lines.len(), 6);
    assert_eq!(payloads(&out), ["MORE"]);
    assert_eq!(audits(&out), ["transactions"]);

    let merchant = bankbot_core::Slots {
        merchant: Some("starbucks".into()),
        ..slots()
    };
    let t = text(
        &chat
            .say("starbucks", IntentId::Transactions, merchant)
            .await,
    );
    assert!(
        t.starts_with("Your last 3 transactions at Starbucks:"),
        "{t}"
    );
    assert_eq!(t.matches("Starbucks ·").count(), 3);

    let october = bankbot_core::Slots {
        date_from: day(10, 1),
        date_to: day(10, 31),
        count: Some(2),
        ..slots()
    };
    let t = text(&chat.say("october", IntentId::Transactions, october).await);
    assert!(
        t.starts_with("Your last 2 transactions from Oct 1 to Oct 31:"),
        "{t}"
    );
    assert!(t.contains("Oct 27 · Amazon · -$54.30"), "{t}");

    // A fresh conversation: right after October's listing, a bare "over 1000" is an
    // elliptic follow-up and keeps October (see `ellipsis`).
    chat.state = Default::default();
    let big = bankbot_core::Slots {
        amount_min: Some(dec!(1000)),
        ..slots()
    };
    let t = text(&chat.say("over 1000", IntentId::Transactions, big).await);
    assert!(
        t.starts_with("Your last 2 transactions of $1,000.00 or more:"),
        "{t}"
    );
    assert!(t.contains("Parkview Apartments · -$1,850.00"), "{t}");

    chat.state = Default::default();
    let savings = bankbot_core::Slots {
        account_type: Some(AccountKind::Savings),
        ..slots()
    };
    let t = text(&chat.say("savings", IntentId::Transactions, savings).await);
    assert!(
        t.starts_with("Your last 2 transactions on your savings account:"),
        "{t}"
    );

    chat.state = Default::default();
    let none = bankbot_core::Slots {
        merchant: Some("tesla".into()),
        ..slots()
    };
    let out = chat.say("tesla", IntentId::Transactions, none).await;
    assert_eq!(text(&out), "I found no transactions at Tesla.");
    assert!(payloads(&out).is_empty());
}

#[tokio::test]
async fn transactions_count_is_capped_at_25() {
    let mut chat = Chat::alice();
    let many = bankbot_core::Slots {
        count: Some(100),
        ..slots()
    };
    let out = chat.say("all of them", IntentId::Transactions, many).await;
    let t = text(&out);
    // alice has 17 transactions: all fit under the cap, and nothing more to show.
    assert!(t.starts_with("Your last 17 transactions:"), "{t}");
    assert!(payloads(&out).is_empty());
    assert!(chat.state.more.is_none());
}

#[tokio::test]
async fn spending_summary_by_category_and_merchant() {
    let mut chat = Chat::alice();
    let out = chat
        .say("spending this month", IntentId::SpendingSummary, slots())
        .await;
    let t = text(&out);
    assert!(
        t.contains("You spent $2,237.15 from Nov 1 to Nov 29."),
        "{t}"
    );
    assert!(
        t.contains("By category: Housing $1,850.00 · Groceries $138.92 · Shopping $129.99 · Fuel $50.00 · Transport $41.70"),
        "{t}"
    );
    assert!(
        t.contains("Top merchants: Parkview Apartments $1,850.00 · Amazon $129.99"),
        "{t}"
    );
    assert_eq!(audits(&out), ["spending"]);

    let starbucks_october = bankbot_core::Slots {
        merchant: Some("starbucks".into()),
        date_from: day(10, 1),
        date_to: day(10, 31),
        ..slots()
    };
    let out = chat
        .say(
            "starbucks in october",
            IntentId::SpendingSummary,
            starbucks_october,
        )
        .await;
    assert_eq!(
        text(&out),
        "You spent $5.45 at Starbucks from Oct 1 to Oct 31."
    );

    // A fresh conversation: right after October's total, a bare "groceries" is an elliptic
    // follow-up and keeps October (see `ellipsis`).
    chat.state = Default::default();
    let groceries = bankbot_core::Slots {
        category: Some(Category::Groceries),
        ..slots()
    };
    let t = text(
        &chat
            .say("groceries", IntentId::SpendingSummary, groceries)
            .await,
    );
    assert!(
        t.starts_with("You spent $138.92 on groceries from Nov 1 to Nov 29."),
        "{t}"
    );

    let september = bankbot_core::Slots {
        date_from: day(9, 1),
        date_to: day(9, 30),
        ..slots()
    };
    let t = text(
        &chat
            .say("september", IntentId::SpendingSummary, september)
            .await,
    );
    assert_eq!(t, "I found no spending from Sep 1 to Sep 30.");
}

#[tokio::test]
async fn atm_with_a_postcode_lists_three_in_miles_with_maps_links() {
    let mut chat = Chat::alice();
    let near = bankbot_core::Slots {
        location: Some("94105".into()),
        ..slots()
    };
    let t = text(&chat.say("atm near 94105", IntentId::AtmNearby, near).await);
    assert!(
        t.starts_with("The nearest cash machines to San Francisco 94105:"),
        "{t}"
    );
    assert!(
        t.contains("1. Demo Bank – Market Street branch — 0.3 mi"),
        "{t}"
    );
    assert!(t.contains("https://www.google.com/maps/search/?api=1&query=37.794100,-122.394800"));
    assert!(t.contains("2. Demo Bank – Union Square — 0.7 mi"), "{t}");
    // London is the third nearest, but too far to suggest.
    assert!(!t.contains("\n3. "), "{t}");
}

#[tokio::test]
async fn card_lock_fraud_and_handover() {
    let mut chat = Chat::alice();
    let out = chat
        .say(
            "I don't recognise a payment",
            IntentId::ReportFraud,
            slots(),
        )
        .await;
    assert!(text(&out).contains("lock your card"));
    assert_eq!(payloads(&out), ["INTENT:card_lock", "INTENT:human_agent"]);

    let out = chat.tap("INTENT:card_lock").await;
    assert_eq!(text(&out), "Which card do you want to lock?");
    assert_eq!(
        payloads(&out),
        ["CARD:alice-debit-card", "CARD:alice-visa-card"]
    );
    let out = chat.tap("CARD:alice-visa-card").await;
    assert!(text(&out).starts_with("Lock your Cash Back Visa ••1111?"));
    assert_eq!(payloads(&out), ["YES", "NO"]);
    let out = chat.tap("YES").await;
    assert!(text(&out).starts_with("Done: your Cash Back Visa ••1111 is locked."));
    assert_eq!(audits(&out), ["card_lock"]);

    let out = chat.tap("INTENT:human_agent").await;
    assert!(text(&out).contains("member of our team"));
    assert!(out.effects.contains(&Effect::HandOverToHuman));
}

#[tokio::test]
async fn linking_unlinking_and_deleting() {
    let mut chat = Chat::unlinked(Lang::En);
    let out = chat
        .say("link my account", IntentId::LinkAccount, slots())
        .await;
    assert!(has_link_button(&out));
    let out = chat.say("unlink", IntentId::UnlinkAccount, slots()).await;
    assert_eq!(
        text(&out),
        "No bank account is linked to this conversation."
    );

    let mut chat = Chat::alice();
    let out = chat
        .say("link my account", IntentId::LinkAccount, slots())
        .await;
    assert!(text(&out).contains("already linked"));
    let out = chat
        .say("unlink my account", IntentId::UnlinkAccount, slots())
        .await;
    let b = buttons(&out);
    assert_eq!(b[0], Button::AccountUnlink);
    assert!(matches!(&b[1], Button::Postback { payload, .. } if payload == "NO"));
    let out = chat.mumble("yes", slots()).await;
    assert_eq!(out.effects, [Effect::UnlinkAccount]);
    assert!(text(&out).contains("unlinked"));

    let mut chat = Chat::alice();
    let out = chat
        .say("delete my data", IntentId::DeleteMyData, slots())
        .await;
    assert!(text(&out).contains("Delete everything?"));
    let out = chat.tap("YES").await;
    assert_eq!(out.effects, [Effect::DeleteUserData]);
    assert!(text(&out).starts_with("Done: I erased everything"));
    assert_eq!(chat.state, Default::default());
}

#[tokio::test]
async fn alerts_are_listed_and_toggled() {
    use bankbot_core::AlertKind::*;
    let mut chat = Chat::alice();
    let out = chat.say("my alerts", IntentId::ManageAlerts, slots()).await;
    let t = text(&out);
    assert!(t.contains("• Low balance: off"), "{t}");
    assert!(payloads(&out).contains(&"ALERT_ON:balance_low".to_owned()));

    let text_in = "turn on low balance alerts";
    let out = chat.say(text_in, IntentId::ManageAlerts, slots()).await;
    assert_eq!(
        out.effects,
        [Effect::SetAlert {
            kind: BalanceLow,
            enabled: true
        }]
    );
    let t = text(&out);
    assert!(t.starts_with("Low balance alerts are now on"), "{t}");
    assert!(t.contains("• Low balance: on"), "{t}");
    assert!(chat.alerts.is_on(BalanceLow));
    assert!(payloads(&out).contains(&"ALERT_OFF:balance_low".to_owned()));
    assert!(payloads(&out).contains(&"ALERTS_OFF".to_owned()));

    let out = chat.tap("ALERT_ON:fraud_suspected").await;
    assert_eq!(
        out.effects,
        [Effect::SetAlert {
            kind: FraudSuspected,
            enabled: true
        }]
    );

    // Every alert off, typed, is asked first; the yes does it.
    let out = chat
        .say("stop alerts", IntentId::ManageAlerts, slots())
        .await;
    assert!(out.effects.is_empty());
    assert!(text(&out).starts_with("Switch off all your alerts?"));
    let out = chat.tap("YES").await;
    assert_eq!(out.effects.len(), 5);
    assert!(text(&out).starts_with("All alerts are now off"));
    assert!(!chat.alerts.any_on());
}

#[tokio::test]
async fn small_talk_and_menus() {
    let mut chat = Chat::alice();
    let out = chat.say("hello", IntentId::Greeting, slots()).await;
    assert!(text(&out).starts_with("Hi! I'm your bank's assistant."));
    let p = payloads(&out);
    assert!(
        p.contains(&"INTENT:balance".to_owned()) && p.contains(&"INTENT:atm_nearby".to_owned())
    );
    assert!(!p.contains(&"INTENT:link_account".to_owned()));
    let out = chat.say("help", IntentId::Help, slots()).await;
    assert!(text(&out).contains("nearest ATM to SW1A 1AA"));
    assert_eq!(payloads(&out).len(), 7);
    assert_eq!(
        text(&chat.say("thanks", IntentId::Thanks, slots()).await),
        "You're welcome! Anything else?"
    );
    assert_eq!(
        text(&chat.say("bye", IntentId::Goodbye, slots()).await),
        "Goodbye, see you soon!"
    );
    assert_eq!(
        text(
            &chat
                .say("have a good night", IntentId::Goodbye, slots())
                .await
        ),
        "Goodbye, good night!"
    );

    let mut chat = Chat::unlinked(Lang::En);
    let out = chat.tap("GET_STARTED").await;
    assert!(text(&out).contains("Start by linking your bank account."));
    assert_eq!(payloads(&out)[0], "INTENT:link_account");
}
