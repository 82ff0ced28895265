//! A whole conversation logged at TRACE for this crate (INFO for the rest) leaves no
//! amounts, account or card digits, message text or customer ids in the logs.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use bankbot_core::{AccountKind, IntentId, Slots};
use common::{Chat, slots};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let mut buf = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_carry_no_customer_data() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("info,bankbot_handlers=trace")
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let mut chat = Chat::alice();
    chat.say("what's my balance", IntentId::Balance, slots())
        .await;
    let savings = Slots {
        account_type: Some(AccountKind::Savings),
        ..slots()
    };
    chat.mumble("and savings?", savings).await;
    chat.say(
        "my transactions at starbucks",
        IntentId::Transactions,
        slots(),
    )
    .await;
    chat.mumble("show more", slots()).await;
    chat.say("spending", IntentId::SpendingSummary, slots())
        .await;
    chat.say("lock my card", IntentId::CardLock, slots()).await;
    chat.tap("CARD:alice-visa-card").await;
    chat.mumble("yes", slots()).await;
    chat.say("atm", IntentId::AtmNearby, slots()).await;
    chat.mumble("94105", slots()).await;
    chat.say(
        "turn on low balance alerts",
        IntentId::ManageAlerts,
        slots(),
    )
    .await;
    chat.mumble("gibberish words here", slots()).await;

    let logs = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("handling intent"),
        "the conversation was logged: {logs}"
    );
    let secrets = [
        "2,345.67",
        "2345.67",
        "10,250",
        "432.10",
        "4321",
        "8765",
        "1111",
        "9876",
        "cust-alice",
        "alice-visa-card",
        "what's my balance",
        "starbucks",
        "94105",
        "gibberish",
        "Shell",
    ];
    if let Some(secret) = bankbot_testkit::find_leak(&logs, &secrets) {
        panic!("`{secret}` appears in the logs:\n{logs}");
    }
}
