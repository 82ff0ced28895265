//! `GET /privacy` and the one-time export, through the real router and bot (demo bank,
//! in-memory SQLite): the page renders in English and French from the shared facts and
//! lists exactly the records the store keeps; the login page links to it; an export made
//! after a balance and a transaction listing holds no amounts, account numbers or message
//! text, and its link works once.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bankbot::config::Config;
use bankbot::core::{Button, Kept, Reply, SystemClock, UserId};
use bankbot::privacy_page::{PrivacyPage, router};
use bankbot_runtime::{Bot, NoHumans, UserEvent};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn bot() -> (Arc<Bot>, Arc<dyn bankbot::bank::LinkingProvider>) {
    let mut config = Config::default();
    config.store.url = Some("sqlite::memory:".to_owned());
    config.security.encryption_key = Some(bankbot_store::EncryptionKey::generate().to_hex());
    config.server.public_url = Some("https://bot.example".to_owned());
    let (bot, linking, _) = bankbot::app::build_bot(
        &config,
        Arc::new(SystemClock),
        Arc::new(NoHumans),
        None,
        Vec::new(),
    )
    .await
    .expect("bot");
    (bot, linking)
}

async fn get(app: &axum::Router, uri: &str, accept: Option<&str>) -> (StatusCode, String) {
    let mut req = Request::get(uri);
    if let Some(a) = accept {
        req = req.header(header::ACCEPT_LANGUAGE, a);
    }
    let resp = app
        .clone()
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = resp.status();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn the_page_renders_in_both_languages_and_lists_what_the_store_keeps() {
    let (bot, _) = bot().await;
    let page = PrivacyPage::new(bot, Some("https://bank.example/privacy")).unwrap();
    let app = router(page);
    let (status, en) = get(&app, "/privacy", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(en.contains("<html lang=\"en\">"), "{en}");
    assert!(en.contains("Meta sees what you write"), "{en}");
    assert!(en.contains("href=\"https://bank.example/privacy\""), "{en}");
    let (_, fr) = get(&app, "/privacy", Some("fr-FR,fr;q=0.9,en;q=0.5")).await;
    assert!(fr.contains("<html lang=\"fr\">"), "{fr}");
    assert!(fr.contains("Meta voit ce que vous écrivez"), "{fr}");
    let (_, forced) = get(&app, "/privacy?lang=en", Some("fr")).await;
    assert!(forced.contains("<html lang=\"en\">"));
    // Every record the store keeps is listed (the store's tests check its schema is
    // exactly Kept::ALL), and nothing else is named as a table.
    for kept in Kept::ALL {
        assert!(
            en.contains(&format!("<code>{}</code>", kept.table())),
            "{kept:?}"
        );
        assert!(
            fr.contains(&format!("<code>{}</code>", kept.table())),
            "{kept:?}"
        );
    }
    assert_eq!(en.matches("<code>").count(), Kept::ALL.len());
    assert!(PrivacyPage::new(bot_only().await, Some("javascript:alert(1)")).is_err());
}

async fn bot_only() -> Arc<Bot> {
    bot().await.0
}

#[test]
fn the_login_page_links_to_the_privacy_page() {
    let notice = bankbot::privacy_page::login_notice();
    assert!(notice.contains("href=\"privacy\""), "{notice}");
    assert!(
        notice.contains("read your balances and transactions"),
        "{notice}"
    );
    assert!(notice.contains("lock a card when you ask"), "{notice}");
}

fn export_url(replies: &[Reply]) -> Option<String> {
    replies.iter().find_map(|r| match r {
        Reply::Buttons { buttons, .. } => buttons.iter().find_map(|b| match b {
            Button::WebUrl { url, .. } => Some(url.clone()),
            _ => None,
        }),
        _ => None,
    })
}

#[tokio::test]
async fn the_export_holds_no_amounts_numbers_or_messages_and_works_once() {
    let (bot, linking) = bot().await;
    let user = UserId::new("privacy-export-user");
    let code = linking
        .authorize("alice", "demo")
        .await
        .expect("demo login");
    let code = bot.link_codes().mint_for(&user, code).await.expect("code");
    bot.handle(
        &user,
        &UserEvent::AccountLinked {
            authorization_code: code.0,
        },
    )
    .await
    .unwrap();
    let say = |text: &str| UserEvent::Message {
        text: text.to_owned(),
        quick_reply: None,
    };
    let mut shown = String::new();
    for text in [
        "what's my balance",
        "last 5 transactions",
        "turn on low balance alerts",
    ] {
        for r in bot.handle(&user, &say(text)).await.unwrap() {
            shown.push_str(r.text_content().unwrap_or_default());
        }
    }
    assert!(shown.contains('$'), "the bot showed amounts: {shown}");
    let replies = bot
        .handle(&user, &say("what do you know about me?"))
        .await
        .unwrap();
    let url = export_url(&replies).expect("an export link");
    let path = url.strip_prefix("https://bot.example").expect("on the bot");
    let app = router(PrivacyPage::new(bot.clone(), None).unwrap());
    let (status, json) = get(&app, path, None).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["linked"], true);
    assert_eq!(value["language"], "en");
    assert_eq!(
        value["data_kinds_shown_last_30_days"],
        serde_json::json!(["balances", "transactions"])
    );
    assert!(json.contains("balance_low"), "{json}");
    for leak in [
        "$",
        "€",
        "£",
        "••",
        "4321",
        "9876",
        "alice",
        "demo",
        "balance\"",
        "what's my",
        "last 5",
        "turn on",
    ] {
        assert!(!json.contains(leak), "{leak:?} in the export: {json}");
    }
    // No digit run long enough to be an account or card number.
    let longest = json
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(longest <= 4, "a long number in the export: {json}");
    let (again, _) = get(&app, path, None).await;
    assert_eq!(again, StatusCode::NOT_FOUND, "a link works once");
    let (bad, _) = get(&app, "/privacy/export/not-a-token", None).await;
    assert_eq!(bad, StatusCode::NOT_FOUND);
}
