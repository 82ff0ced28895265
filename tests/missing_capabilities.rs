//! What the bank does not provide is said honestly, in English and French, with the bank's
//! `[bank] contact`: card controls, fraud reporting and linking, through the real server
//! (signed webhooks in, replies out to the mock Graph API) and `bankbot chat`.

mod common;

use std::process::{Command, Stdio};
use std::sync::Arc;

use bankbot::prelude::*;
use bankbot_testkit::MockGraphApi;
use common::{APP_SECRET, NOW, TestBot, buttons, config_for, quick_payloads, texts};

const PHONE: &str = "+1 800 555 0100";
const HELP_URL: &str = "https://bank.example/help";

/// The demo bank's data and login, with neither card controls nor fraud reporting (or
/// with card controls only, when `cards`), and `contact` as `[bank] contact`.
async fn bot_without(cards: bool, contact: Option<&str>) -> TestBot {
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET.to_owned());
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(dir.path(), &graph);
    config.bank.contact = contact.map(str::to_owned);
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::parse(NOW).unwrap());
    let bank = Arc::new(DemoBank::builtin(clock.clone()));
    let mut builder = Server::builder(bank.clone(), bank.clone())
        .clock(clock)
        .config(config);
    if cards {
        builder = builder.card_controls(bank);
    }
    TestBot::serve(builder.build().await.unwrap(), graph, dir).await
}

/// French amounts and sentences use no-break spaces; compare with plain ones.
fn plain(text: &str) -> String {
    text.replace(['\u{202f}', '\u{a0}'], " ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn card_requests_say_cards_are_not_handled_here_and_give_the_contact() {
    let bot = bot_without(false, Some(PHONE)).await;
    let alice = "7000000000000911";
    bot.link(alice, "alice").await;
    for phrase in [
        "lock my card",
        "freeze my debit card",
        "please block my credit card",
        "can you lock the visa",
        "unlock my card",
        "unfreeze my debit card please",
        "I want to temporarily block my card",
    ] {
        let reply = texts(&bot.say(alice, phrase).await);
        assert!(
            reply.contains("I can't lock or unlock cards here") && reply.contains(PHONE),
            "{phrase:?} → {reply}"
        );
        assert!(
            !reply.contains("doesn't let me do that"),
            "{phrase:?} → {reply}"
        );
    }
    let bob = "7000000000000912";
    bot.link(bob, "bob").await;
    for phrase in [
        "bloque ma carte",
        "bloquer ma carte bleue",
        "pouvez-vous faire opposition sur ma carte de crédit",
        "débloque ma carte",
        "je veux geler ma carte",
    ] {
        let reply = plain(&texts(&bot.say(bob, phrase).await));
        assert!(
            reply.contains("Je ne peux pas bloquer ni débloquer de carte ici")
                && reply.contains(&format!("nous appeler au {PHONE}")),
            "{phrase:?} → {reply}"
        );
    }
    // The menu offers no card lock it cannot do.
    let help = bot.say(alice, "help").await;
    let payloads: Vec<String> = quick_payloads(&help).into_iter().map(|(_, p)| p).collect();
    assert!(!payloads.is_empty());
    assert!(
        !payloads.iter().any(|p| p.contains("card_lock")),
        "{payloads:?}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fraud_reports_point_to_the_bank_in_both_languages() {
    let bot = bot_without(false, Some(PHONE)).await;
    let alice = "7000000000000921";
    bot.link(alice, "alice").await;
    for phrase in [
        "someone used my card without permission",
        "I want to report fraud",
        "there is a charge on my account I don't recognize",
        "I think my account was hacked",
    ] {
        let replies = bot.say(alice, phrase).await;
        let reply = texts(&replies);
        assert!(
            reply.contains("I can't block cards or take fraud reports here")
                && reply.contains(&format!("call us on {PHONE}")),
            "{phrase:?} → {reply}"
        );
        // A person is offered; a card lock is not.
        let offered: Vec<String> = quick_payloads(&replies)
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        assert!(
            !offered.iter().any(|p| p.contains("card_lock")),
            "{offered:?}"
        );
    }
    let bob = "7000000000000922";
    bot.link(bob, "bob").await;
    for phrase in [
        "je veux signaler une fraude",
        "il y a un paiement que je ne reconnais pas",
        "quelqu'un a utilisé ma carte sans mon accord",
    ] {
        let reply = plain(&texts(&bot.say(bob, phrase).await));
        assert!(
            reply.contains("enregistrer de signalement de fraude ici")
                && reply.contains(&format!("appelez-nous au {PHONE}")),
            "{phrase:?} → {reply}"
        );
    }
    bot.stop().await;
}

/// Card controls but no fraud reporting: the lock is offered, and the report pointed to
/// the bank; with no contact configured, the number on the back of the card.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_card_controls_only_fraud_offers_the_lock_and_the_bank() {
    let bot = bot_without(true, None).await;
    let alice = "7000000000000931";
    bot.link(alice, "alice").await;
    let replies = bot
        .say(alice, "someone used my card without permission")
        .await;
    let reply = texts(&replies);
    assert!(
        reply.contains("I can lock your card right away, but I can't take fraud reports here")
            && reply.contains("call the number on the back of your card"),
        "{reply}"
    );
    let offered: Vec<String> = quick_payloads(&replies)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    assert!(
        offered.iter().any(|p| p.contains("card_lock")),
        "{offered:?}"
    );
    let lock = texts(&bot.say(alice, "lock my card").await);
    assert!(!lock.contains("can't lock"), "{lock}");
    bot.stop().await;
}

/// `kind = "obie"` has no login yet: no account-link button that cannot work, but the
/// honest answer with the contact, in both languages; card requests likewise.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_linking_the_bot_says_so_instead_of_showing_a_login() {
    let graph = MockGraphApi::start().await;
    graph.set_app_secret(APP_SECRET.to_owned());
    let dir = tempfile::tempdir().unwrap();
    let mut config = config_for(dir.path(), &graph);
    config.bank.kind = "obie".to_owned();
    config.bank.contact = Some(HELP_URL.to_owned());
    config.bank.connector.insert(
        "base_url".to_owned(),
        "http://127.0.0.1:9/open-banking/v3.1/aisp".into(),
    );
    let clock: Arc<dyn Clock> = Arc::new(FixedClock::parse(NOW).unwrap());
    let server = Server::build(&config, clock).await.unwrap();
    let bot = TestBot::serve(server, graph, dir).await;
    let psid = "7000000000000941";
    for phrase in [
        "what's my balance",
        "link my account",
        "show my last transactions",
        "how much did I spend last month",
    ] {
        let replies = bot.say(psid, phrase).await;
        let reply = texts(&replies);
        assert!(
            reply.contains("Linking your bank account isn't available in this chat")
                && reply.contains(&format!("contact us at {HELP_URL}")),
            "{phrase:?} → {reply}"
        );
        assert!(buttons(&replies).is_empty(), "{phrase:?}: {replies:?}");
    }
    let fr = "7000000000000942";
    for phrase in ["quel est mon solde", "je veux lier mon compte bancaire"] {
        let reply = plain(&texts(&bot.say(fr, phrase).await));
        assert!(
            reply.contains("La liaison de votre compte bancaire n'est pas disponible")
                && reply.contains(&format!("nous contacter sur {HELP_URL}")),
            "{phrase:?} → {reply}"
        );
    }
    let lock = texts(&bot.say(psid, "lock my card").await);
    assert!(
        lock.contains("I can't lock or unlock cards here") && lock.contains(HELP_URL),
        "{lock}"
    );
    bot.stop().await;
}

/// `bankbot chat --as alice` with a bank that has no login says linking is unavailable and
/// chats as a guest, instead of pretending alice is linked.
#[test]
fn chat_says_linking_is_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bankbot.toml");
    std::fs::write(
        &config,
        format!(
            "[store]\nurl = \"sqlite::memory:\"\n\n[security]\nencryption_key = \"{}\"\n\n\
             [bank]\nkind = \"obie\"\nbase_url = \"http://127.0.0.1:9/aisp\"\ncontact = \"{PHONE}\"\n",
            "33".repeat(32)
        ),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bankbot"))
        .args(["chat", "--as", "alice", "--config"])
        .arg(&config)
        .env("BANKBOT_NOW", "2026-11-29")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"what's my balance\n").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("account linking is unavailable with this bank"),
        "{stderr}"
    );
    assert!(
        stdout.contains("Linking your bank account isn't available") && stdout.contains(PHONE),
        "{stdout}"
    );
    assert!(!stdout.contains("$2,345.67"), "{stdout}");
}
