//! The browser playground in a real headless Chromium (the distribution's `chromium` and
//! `chromium-driver`, which `.ci/run` installs): the demo server on loopback, the page
//! driven through WebDriver as a developer would use it, a screenshot of every step in
//! `target/playground-screenshots/`.
//!
//! Skipped, with a notice, only where Chromium or chromedriver is not installed.

#[path = "browser/webdriver.rs"]
mod webdriver;

use std::path::PathBuf;
use std::sync::Arc;

use bankbot::app::Server;
use bankbot::config::Config;
use bankbot_core::FixedClock;
use serde_json::{Value, json};

use webdriver::{Driver, Session};

fn screenshots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("playground-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

/// The demo server on a free loopback port; returns its base URL.
async fn start_demo(dir: &std::path::Path) -> (String, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut config = Config::default();
    config.server.public_url = Some(base.clone());
    config.store.url = Some(format!("sqlite://{}/bankbot.db", dir.display()));
    config.security.encryption_key = Some("22".repeat(32));
    config.nlu.intents = Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("intents"));
    let clock = Arc::new(FixedClock::parse("2026-11-29T12:00:00Z").unwrap());
    let server = Server::build(&config, clock).await.unwrap();
    assert_eq!(
        server.banner().playground_url.as_deref(),
        Some(format!("{base}/playground").as_str())
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        server
            .run(listener, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
    });
    (base, stop)
}

/// The texts of the bot's messages (bubbles, templates, cards), oldest first.
const BOT_TEXTS: &str =
    "return [...document.querySelectorAll('#log li.bot')].map(li => li.innerText);";

async fn bot_texts(s: &Session) -> Vec<String> {
    s.js(BOT_TEXTS, json!([]))
        .await
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits for a bot message after the first `seen` that contains one of `needles`.
async fn wait_bot_says(s: &Session, seen: usize, needles: &[&str]) -> String {
    let started = std::time::Instant::now();
    loop {
        let texts = bot_texts(s).await;
        if let Some(hit) = texts
            .iter()
            .skip(seen)
            .find(|t| needles.iter().any(|n| t.contains(n)))
        {
            return hit.clone();
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "no bot message with one of {needles:?}; the bot said {texts:#?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

async fn send(s: &Session, text: &str) -> usize {
    let seen = bot_texts(s).await.len();
    s.type_into("#message", text).await;
    s.click("#send").await;
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_playground_in_a_real_browser() {
    let Some((driver_path, chrome)) = webdriver::installed() else {
        eprintln!(
            "NOTICE: playground browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver \
             are not installed (apt-get install chromium chromium-driver; CI installs them)"
        );
        return;
    };
    let shots = screenshots_dir();
    let dir = tempfile::tempdir().unwrap();
    let (base, stop) = start_demo(dir.path()).await;
    let driver = Driver::start(&driver_path).await;
    let s = driver.session(&chrome, 1280, 900).await;
    let shot = |name: &str| shots.join(format!("{name}.png"));

    // 1. The page: a new unlinked user, Get started, the menu.
    s.goto(&format!("{base}/playground")).await;
    s.wait_for(
        "the page to start",
        "return document.body.dataset.ready === 'true';",
    )
    .await;
    let a11y = s
        .js(
            "const unlabelled = [...document.querySelectorAll('input, select')].filter(e => e.labels.length === 0).map(e => e.id);\
             const mute = [...document.querySelectorAll('button')].filter(b => !(b.textContent.trim() || b.getAttribute('aria-label'))).map(b => b.id);\
             return {unlabelled, mute, log: document.getElementById('log').getAttribute('role')};",
            json!([]),
        )
        .await;
    assert_eq!(a11y, json!({"unlabelled": [], "mute": [], "log": "log"}));
    s.click("#get-started").await;
    wait_bot_says(&s, 0, &["Hi", "Hello", "help"]).await;
    s.click("#menu-button").await;
    let menu = s
        .wait_for("the persistent menu", "return [...document.querySelectorAll('#menu [role=menuitem]')].map(b => b.textContent);")
        .await;
    assert!(menu.to_string().contains("Balance"), "{menu}");
    s.screenshot(&shot("01-get-started-and-menu")).await;
    s.click("#menu-button").await;

    // 2. "what's my balance" → the account-link button.
    let seen = send(&s, "what's my balance").await;
    s.find("#log button.account-link").await;
    assert!(bot_texts(&s).await.len() > seen);
    let understood = s
        .wait_for("the engine's reading", "const d = [...document.querySelectorAll('#inspector .intent')]; return d.length ? d[d.length-1].textContent : null;")
        .await;
    assert_eq!(understood, "balance");
    s.screenshot(&shot("02-link-button")).await;

    // 3. The real login page in a pop-up, as alice; Messenger's account_linking completes it.
    let main = s.windows().await[0].clone();
    let seen = bot_texts(&s).await.len();
    s.click("#log button.account-link").await;
    let handles = s.wait_windows(2).await;
    let popup = handles.iter().find(|h| **h != main).unwrap().clone();
    s.switch_to(&popup).await;
    s.type_into("input[name=username]", "alice").await;
    s.type_into("input[name=password]", "demo").await;
    let at = s.js("return location.pathname;", json!([])).await;
    assert_eq!(at, "/link", "the real login page");
    s.screenshot(&shot("03-login-page")).await;
    s.click("button[type=submit]").await;
    s.switch_to(&main).await;
    s.wait_windows(1).await;

    // 4. Linked: the three balances, with ••4321.
    wait_bot_says(&s, seen, &["linked"]).await;
    let seen = send(&s, "what's my balance").await;
    let balances = wait_bot_says(&s, seen, &["••4321"]).await;
    assert!(balances.matches("••").count() >= 3, "{balances}");
    s.screenshot(&shot("04-linked-balances")).await;

    // 5. A quick reply: tapped, it goes, and the bot answers.
    let chip = s
        .wait_for(
            "quick replies",
            "const c = document.querySelector('#chips .chip'); return c ? c.textContent : null;",
        )
        .await;
    let seen = bot_texts(&s).await.len();
    s.click("#chips .chip").await;
    let left = s
        .js(
            "return document.querySelectorAll('#chips .chip').length;",
            json!([]),
        )
        .await;
    let mine = s
        .js("const u = [...document.querySelectorAll('#log li.user')]; return u[u.length-1].innerText;", json!([]))
        .await;
    assert_eq!(mine, chip, "the tapped title is sent as the message");
    s.wait_for(
        "an answer to the quick reply",
        &format!("return document.querySelectorAll('#log li.bot').length > {seen};"),
    )
    .await;
    assert!(
        left == 0 || bot_texts(&s).await.len() > seen,
        "the chips went once used"
    );
    s.screenshot(&shot("05-quick-reply")).await;

    // 6. An ATM near 94105 → a carousel of cards with distances and map links; sent
    //    with the keyboard (Enter).
    s.type_into("#message", "ATM near 94105\u{E007}").await;
    let cards = s
        .wait_for("the ATM carousel", "const c = [...document.querySelectorAll('#log .carousel .card')]; return c.length >= 2 ? c.map(x => x.innerText) : null;")
        .await;
    let cards = cards.as_array().unwrap();
    assert!(cards.len() <= 10);
    let distance = regex::Regex::new(r"\d+(\.\d+)?\s?(mi|km|m)\b").unwrap();
    for card in cards {
        assert!(
            distance.is_match(card.as_str().unwrap()),
            "no distance in {card}"
        );
    }
    let maps = s
        .js("return [...document.querySelectorAll('#log .carousel .card a[href]')].map(a => a.href);", json!([]))
        .await;
    assert!(!maps.as_array().unwrap().is_empty(), "map links: {maps}");
    s.screenshot(&shot("06-atm-carousel")).await;

    // 7. Bob: French replies, read as French by the engine.
    s.click("#who option[value=bob]").await;
    s.wait_for(
        "bob signed in",
        "return document.getElementById('status').textContent.startsWith('Signed in as bob');",
    )
    .await;
    let seen = send(&s, "quel est mon solde ?").await;
    let french = wait_bot_says(&s, seen, &["€", "EUR"]).await;
    assert!(!french.contains("Your"), "{french}");
    let lang = s
        .wait_for("the engine's reading", "const d = [...document.querySelectorAll('#inspector .lang')]; return d.length ? d[d.length-1].textContent : null;")
        .await;
    assert_eq!(lang, "fr");
    s.screenshot(&shot("07-bob-in-french")).await;

    // 8. A test fraud alert for bob; "No" in the conversation locks the card.
    let seen = bot_texts(&s).await.len();
    s.click("#alert").await;
    let alert = wait_bot_says(&s, seen, &["ElectroMart"]).await;
    assert!(
        alert.contains("€"),
        "bob's card draws on a euro account: {alert}"
    );
    let no = s
        .wait_for("the Yes/No answers", "const c = [...document.querySelectorAll('#chips .chip')].find(c => /^(no|non)\\b/i.test(c.textContent.trim())); if (c) { c.setAttribute('id', 'answer-no'); return c.textContent; } return null;")
        .await;
    assert!(
        no.as_str().unwrap().to_lowercase().starts_with("non"),
        "{no}"
    );
    let seen = bot_texts(&s).await.len();
    s.click("#answer-no").await;
    let locked = wait_bot_says(&s, seen, &["bloqué", "verrouill", "locked"]).await;
    s.screenshot(&shot("08-fraud-alert-card-locked")).await;
    assert!(!locked.is_empty());

    // 9. Every reply rendered came from JSON within Meta's limits; the page fits a phone.
    let over = s
        .js(
            "return document.querySelectorAll('#inspector summary.bad, #log .refused').length;",
            json!([]),
        )
        .await;
    assert_eq!(over, 0);
    s.resize(390, 844).await;
    let fits = s
        .js(
            "return document.documentElement.scrollWidth <= window.innerWidth + 1;",
            json!([]),
        )
        .await;
    assert_eq!(fits, true, "horizontal scrolling at phone width");
    s.screenshot(&shot("09-phone-width")).await;

    s.quit().await;
    drop(driver);
    let _ = stop.send(());
    let _: Option<Value> = None;
}
