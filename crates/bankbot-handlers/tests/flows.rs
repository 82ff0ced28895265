//! Multi-turn behaviour: follow-ups, paging, pending questions, confirmations, escalation,
//! errors and the persisted state.

mod common;

use std::sync::Arc;

use async_trait::async_trait;
use bankbot_bank::{
    BankConnector, BankError, BankResult, CardControls, CustomerCredential, LinkingProvider,
    TransactionPage, TransactionQuery,
};
use bankbot_core::{Account, AccountId, AccountKind, Balance, IntentId, Lang, Slots};
use bankbot_handlers::{DialogState, HandlerError, Pending, error_reply};
use common::{Chat, audits, has_link_button, payloads, slots, text};

#[tokio::test]
async fn and_savings_after_a_balance() {
    let mut chat = Chat::alice();
    let savings = Slots {
        account_type: Some(AccountKind::Savings),
        ..slots()
    };
    // Without context, an account alone asks for its balance.
    let out = chat.mumble("and savings?", savings.clone()).await;
    assert_eq!(text(&out), "Way2Save Savings ••8765: $10,250.00");

    chat.say("balance", IntentId::Balance, slots()).await;
    let out = chat.mumble("and savings?", savings.clone()).await;
    assert_eq!(text(&out), "Way2Save Savings ••8765: $10,250.00");
    assert_eq!(audits(&out), ["balances"]);
    assert_eq!(chat.state.last_intent, Some(IntentId::Balance));

    // After transactions, the same words narrow the listing instead, even when the engine
    // leans (not strongly) towards another intent.
    chat.say("transactions", IntentId::Transactions, slots())
        .await;
    let out = chat
        .try_say("and savings?", IntentId::Balance, 0.6, savings.clone())
        .await
        .unwrap();
    let t = text(&out);
    assert!(
        t.starts_with("Your last 2 transactions on your savings account:"),
        "{t}"
    );

    // "what about October?" after a spending summary.
    chat.say("spending", IntentId::SpendingSummary, slots())
        .await;
    let october = Slots {
        date_from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1),
        date_to: chrono::NaiveDate::from_ymd_opt(2026, 10, 31),
        ..slots()
    };
    let out = chat
        .try_say("what about October?", IntentId::Transactions, 0.58, october)
        .await
        .unwrap();
    let t = text(&out);
    assert!(
        t.starts_with("You spent $172.15 from Oct 1 to Oct 31."),
        "{t}"
    );

    // A confident, uncued request is taken as asked.
    let out = chat
        .try_say("my savings balance", IntentId::Balance, 0.9, savings)
        .await
        .unwrap();
    assert_eq!(text(&out), "Way2Save Savings ••8765: $10,250.00");
}

/// Wraps the demo bank and serves transaction pages of 10 whatever the query asks, so that
/// answers have to skip into a page and follow `next_page`.
struct TenPerPage(bankbot_bank::demo::DemoBank);

#[async_trait]
impl BankConnector for TenPerPage {
    async fn accounts(&self, s: &CustomerCredential) -> BankResult<Vec<Account>> {
        self.0.accounts(s).await
    }
    async fn balance(&self, s: &CustomerCredential, a: &AccountId) -> BankResult<Balance> {
        self.0.balance(s, a).await
    }
    async fn transactions(
        &self,
        s: &CustomerCredential,
        q: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        let q = TransactionQuery {
            limit: 10,
            ..q.clone()
        };
        self.0.transactions(s, &q).await
    }
}

async fn list_everything(chat: &mut Chat, count: u32) -> Vec<String> {
    let first = Slots {
        count: Some(count),
        ..slots()
    };
    let mut out = chat
        .say("transactions", IntentId::Transactions, first)
        .await;
    let mut lines: Vec<String> = Vec::new();
    loop {
        lines.extend(text(&out).lines().skip(1).map(str::to_owned));
        if payloads(&out) != ["MORE"] {
            break;
        }
        out = if lines.len().is_multiple_of(2) {
            chat.tap("MORE").await
        } else {
            chat.mumble("show more", slots()).await
        };
    }
    lines
}

#[tokio::test]
async fn show_more_pages_through_everything_once() {
    let mut chat = Chat::alice();
    let all = list_everything(&mut chat, 25).await;
    assert_eq!(all.len(), 17);
    for count in [3, 4] {
        let mut chat = Chat::alice();
        assert_eq!(
            list_everything(&mut chat, count).await,
            all,
            "count {count}"
        );
        let mut chat = Chat::alice();
        chat.services.bank = Arc::new(TenPerPage(chat.bank.clone()));
        assert_eq!(
            list_everything(&mut chat, count).await,
            all,
            "10 per page, {count}"
        );
    }
    // Nothing left: "show more" says so.
    let out = chat.tap("MORE").await;
    assert_eq!(text(&out), "That's all: there are no more transactions.");
}

#[tokio::test]
async fn at_most_25_transactions_per_answer() {
    let mut fixtures = String::from(
        "[[customers]]\nlogin = \"carol\"\npassword = \"demo\"\nref = \"cust-carol\"\n\
         lang = \"en\"\ncurrency = \"USD\"\n\
         [[customers.accounts]]\nid = \"c1\"\nkind = \"checking\"\nname = \"Checking\"\n\
         last4 = \"1234\"\ncurrent = \"100.00\"\n",
    );
    for i in 0..40 {
        fixtures.push_str(&format!(
            "[[customers.transactions]]\ndays_ago = {i}\naccount = \"c1\"\n\
             merchant = \"Shop {i}\"\ndescription = \"SHOP\"\namount = \"-1.00\"\n"
        ));
    }
    let mut chat = Chat::with_fixtures(&fixtures, Some("cust-carol"), Lang::En);
    let many = Slots {
        count: Some(100),
        ..slots()
    };
    let out = chat
        .say("100 transactions", IntentId::Transactions, many)
        .await;
    let t = text(&out);
    assert!(t.starts_with("Your last 25 transactions:"), "{t}");
    assert_eq!(t.lines().count(), 26);
    assert_eq!(payloads(&out), ["MORE"]);
    let t = text(&chat.tap("MORE").await);
    assert!(t.starts_with("15 more transactions:"), "{t}");
}

#[tokio::test]
async fn a_bare_postcode_answers_the_atm_question() {
    let mut chat = Chat::alice();
    chat.say("nearest atm", IntentId::AtmNearby, slots()).await;
    assert_eq!(chat.state.pending, Some(Pending::AtmLocation));
    let out = chat.mumble("SW1A 1AA", slots()).await;
    let t = text(&out);
    assert!(
        t.starts_with("The nearest cash machines to SW1A 1AA:"),
        "{t}"
    );
    assert!(t.contains("1. Demo Bank – Westminster — 1.1 km"), "{t}");
    // Paris (344 km) is too far to suggest.
    assert!(!t.contains("Bastille"), "{t}");
    assert_eq!(chat.state.pending, None);

    // An unknown place: say so and keep waiting; a shared location answers too.
    chat.say("atm", IntentId::AtmNearby, slots()).await;
    let t = text(&chat.mumble("Atlantis", slots()).await);
    assert!(t.starts_with("I couldn't find \"Atlantis\""), "{t}");
    assert_eq!(chat.state.pending, Some(Pending::AtmLocation));
    let t = text(&chat.share(37.7897, -122.3942).await);
    assert!(t.starts_with("The nearest cash machines to you:"), "{t}");
    assert!(t.contains(" mi\n"), "{t}");

    // "No" drops the question, and so does another request.
    chat.say("atm", IntentId::AtmNearby, slots()).await;
    assert_eq!(
        text(&chat.mumble("no thanks", slots()).await),
        "OK, no problem."
    );
    assert_eq!(chat.state.pending, None);
    // Another request drops the question.
    chat.say("atm", IntentId::AtmNearby, slots()).await;
    let out = chat
        .say("what's my balance", IntentId::Balance, slots())
        .await;
    assert!(text(&out).contains("$2,345.67"));
    assert_eq!(chat.state.pending, None);
}

#[tokio::test]
async fn card_lock_needs_a_clear_yes_and_fresh_authentication() {
    let mut chat = Chat::alice();
    chat.auth_fresh = false;
    let out = chat.say("lock my card", IntentId::CardLock, slots()).await;
    assert!(has_link_button(&out));
    assert!(text(&out).starts_with("For your security, please log in"));
    assert!(audits(&out).is_empty());

    chat.auth_fresh = true;
    chat.say("lock my card", IntentId::CardLock, slots()).await;
    assert_eq!(chat.state.pending, Some(Pending::CardChoice));
    let out = chat.mumble("the debit one, 9876", slots()).await;
    assert!(text(&out).starts_with("Lock your Debit card ••9876?"));
    let out = chat.mumble("hmm", slots()).await;
    assert_eq!(text(&out), "Please answer yes or no.");
    assert_eq!(payloads(&out), ["YES", "NO"]);
    assert!(matches!(
        chat.state.pending,
        Some(Pending::CardLockConfirm { .. })
    ));

    // Authentication went stale between the question and the answer.
    chat.auth_fresh = false;
    let out = chat.mumble("yes", slots()).await;
    assert!(has_link_button(&out));
    let credential = chat.customer.clone().unwrap();
    assert!(
        chat.bank
            .cards(&credential)
            .await
            .unwrap()
            .iter()
            .all(|c| !c.locked)
    );

    chat.auth_fresh = true;
    let credit = Slots {
        account_type: Some(AccountKind::CreditCard),
        ..slots()
    };
    let out = chat
        .say("lock my credit card", IntentId::CardLock, credit)
        .await;
    assert!(text(&out).starts_with("Lock your Cash Back Visa ••1111?"));
    let out = chat.mumble("yes", slots()).await;
    assert_eq!(audits(&out), ["card_lock"]);
    let cards = chat.bank.cards(&credential).await.unwrap();
    assert!(cards.iter().any(|c| c.last4.digits() == "1111" && c.locked));
    assert!(
        cards
            .iter()
            .any(|c| c.last4.digits() == "9876" && !c.locked)
    );

    // A card payload for someone else's card is refused.
    let out = chat.tap("CARD:bob-visa-card").await;
    assert_eq!(text(&out), "I couldn't find a card on your accounts.");
}

#[tokio::test]
async fn two_misses_in_a_row_offer_a_person() {
    let mut chat = Chat::alice();
    let out = chat.mumble("purple monkey dishwasher", slots()).await;
    assert!(text(&out).starts_with("Sorry, I didn't get that."));
    assert_eq!(
        payloads(&out),
        [
            "INTENT:balance",
            "INTENT:transactions",
            "INTENT:atm_nearby",
            "INTENT:help"
        ]
    );
    let out = chat.mumble("zxq flux capacitor", slots()).await;
    assert_eq!(
        text(&out),
        "Sorry, I still don't understand. Would you like to talk to a person?"
    );
    assert_eq!(payloads(&out), ["INTENT:human_agent", "INTENT:help"]);
    // Understanding something resets the count.
    chat.say("thanks", IntentId::Thanks, slots()).await;
    let out = chat.mumble("blah", slots()).await;
    assert!(text(&out).starts_with("Sorry, I didn't get that."));
    // Unknown payloads count as misses too.
    let out = chat.tap("SOMETHING_ELSE").await;
    assert!(text(&out).contains("talk to a person"));
    // A stray yes / no with nothing pending: help, or an acknowledgement (never goodbye).
    assert!(text(&chat.tap("YES").await).starts_with("👍 What else"));
    assert_eq!(text(&chat.tap("NO").await), "OK, no problem.");
}

/// A bank that is down.
struct Down;

#[async_trait]
impl BankConnector for Down {
    async fn accounts(&self, _: &CustomerCredential) -> BankResult<Vec<Account>> {
        Err(BankError::Unavailable("maintenance".into()))
    }
    async fn balance(&self, _: &CustomerCredential, _: &AccountId) -> BankResult<Balance> {
        Err(BankError::Unavailable("maintenance".into()))
    }
    async fn transactions(
        &self,
        _: &CustomerCredential,
        _: &TransactionQuery,
    ) -> BankResult<TransactionPage> {
        Err(BankError::Timeout(std::time::Duration::from_secs(5)))
    }
}

#[tokio::test]
async fn errors_become_customer_safe_replies() {
    let mut chat = Chat::alice();
    let credential = chat.customer.clone().unwrap();
    chat.bank.revoke(&credential).await.unwrap();
    let err = chat
        .try_say("balance", IntentId::Balance, 0.9, slots())
        .await
        .unwrap_err();
    assert_eq!(err, HandlerError::Bank(BankError::ReauthenticationRequired));
    assert_eq!(err.kind(), "reauthentication_required");
    let replies = error_reply(&err, Lang::En, common::LINK_URL);
    let out = bankbot_handlers::Outcome {
        replies,
        effects: Vec::new(),
    };
    assert!(has_link_button(&out));
    assert!(text(&out).contains("log in again"));

    let mut chat = Chat::bob();
    chat.services.bank = Arc::new(Down);
    let err = chat
        .try_say("opérations", IntentId::Transactions, 0.9, slots())
        .await
        .unwrap_err();
    assert!(err.is_retryable());
    let fr = error_reply(&err, Lang::Fr, common::LINK_URL);
    let fr = fr[0].text_content().unwrap();
    assert_eq!(
        fr,
        "Je n'arrive pas à joindre votre banque. Réessayez dans quelques minutes."
    );
    let en = error_reply(&err, Lang::En, common::LINK_URL);
    assert!(
        en[0]
            .text_content()
            .unwrap()
            .contains("try again in a few minutes")
    );
    let internal = HandlerError::Internal("store down".into());
    let t = error_reply(&internal, Lang::En, common::LINK_URL);
    assert!(!t[0].text_content().unwrap().contains("store"));
}

#[tokio::test]
async fn the_state_is_small_json() {
    let mut chat = Chat::alice();
    chat.say("atm", IntentId::AtmNearby, slots()).await;
    let json = serde_json::to_string(&chat.state).unwrap();
    assert_eq!(
        json,
        r#"{"last_intent":"atm_nearby","last_slots":{},"pending":{"kind":"atm_location"},"misses":0,"more":null,"turn_intent":"atm_nearby"}"#
    );
    chat.say("transactions", IntentId::Transactions, slots())
        .await;
    let json = serde_json::to_value(&chat.state).unwrap();
    assert_eq!(json["more"]["count"], 5);
    assert_eq!(json["more"]["query"]["page_token"], "demo-offset:5");
    // Older or partial states still load.
    let old: DialogState = serde_json::from_str(r#"{"misses":1}"#).unwrap();
    assert_eq!(old.misses, 1);
    assert!(old.pending.is_none());
}

/// Card controls whose lock fails: the bank is down for writes.
struct NoLocks(bankbot_bank::demo::DemoBank);

#[async_trait]
impl CardControls for NoLocks {
    async fn cards(&self, s: &CustomerCredential) -> BankResult<Vec<bankbot_core::Card>> {
        self.0.cards(s).await
    }
    async fn lock_card(
        &self,
        _: &CustomerCredential,
        _: &bankbot_core::CardId,
    ) -> BankResult<bankbot_core::Card> {
        Err(BankError::Unavailable("maintenance".into()))
    }
    async fn unlock_card(
        &self,
        _: &CustomerCredential,
        _: &bankbot_core::CardId,
    ) -> BankResult<bankbot_core::Card> {
        Err(BankError::Unavailable("maintenance".into()))
    }
}

#[tokio::test]
async fn a_failed_bank_call_can_be_retried_with_the_same_words() {
    let mut chat = Chat::alice();
    chat.say("transactions", IntentId::Transactions, slots())
        .await;
    let demo = chat.services.bank.clone();
    chat.services.bank = Arc::new(Down);
    assert!(
        chat.try_say("show more", IntentId::OutOfScope, 0.3, slots())
            .await
            .is_err()
    );
    chat.services.bank = demo;
    let t = text(&chat.mumble("show more", slots()).await);
    assert!(
        t.starts_with("5 more transactions:\nNov 24 · Netflix"),
        "{t}"
    );

    let mut chat = Chat::bob();
    let demo = chat.services.cards.clone();
    chat.services.cards = Arc::new(NoLocks(chat.bank.clone()));
    chat.say("bloquer ma carte", IntentId::CardLock, slots())
        .await;
    let err = chat
        .try_say("oui", IntentId::OutOfScope, 0.8, slots())
        .await
        .unwrap_err();
    assert!(err.is_retryable());
    assert!(matches!(
        chat.state.pending,
        Some(Pending::CardLockConfirm { .. })
    ));
    chat.services.cards = demo;
    let t = text(&chat.mumble("oui", slots()).await);
    assert!(
        t.starts_with("C'est fait : votre Carte Visa ••5678 est bloquée."),
        "{t}"
    );
}

/// The Page's persistent menu and ice breakers send `BALANCE`, `TRANSACTIONS`,
/// `ATM_FINDER`, `HUMAN_AGENT`: each starts its intent (they were misses before the
/// payloads had one owner), and Get Started greets.
#[tokio::test]
async fn menu_entries_start_their_intent() {
    let mut chat = Chat::alice();
    let balance = chat.tap("BALANCE").await;
    assert!(
        text(&balance).starts_with("Here are your balances:"),
        "{}",
        text(&balance)
    );
    let person = chat.tap("HUMAN_AGENT").await;
    assert!(
        person
            .effects
            .contains(&bankbot_handlers::Effect::HandOverToHuman),
        "{person:?}"
    );
    let mut fresh = Chat::alice();
    let hello = fresh.tap("GET_STARTED").await;
    assert!(
        !text(&hello).contains("don't understand"),
        "{}",
        text(&hello)
    );
    assert_eq!(fresh.state.misses, 0);
}
