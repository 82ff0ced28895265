//! The runtime's test bench, no HTTP: a real [`Bot`] (the project's intents, the demo
//! bank, the demo gazetteer, an in-memory SQLite store), the dispatcher and the outbox
//! sender delivering to a [`KeepSender`].

#![allow(dead_code)]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use bankbot_atm::GazetteerGeocoder;
use bankbot_bank::demo::DemoBank;
use bankbot_bank::{AuthorizationCode, LinkingProvider};
use bankbot_core::{Clock, FixedClock, Reply, SystemClock, UserId};
use bankbot_handlers::{Capabilities, Services};
use bankbot_nlu::Engine;
use bankbot_runtime::{
    Bot, BotOptions, Dispatcher, DispatcherOptions, KeepSender, NoHumans, OutboxOptions,
    OutboxSender, UserEvent,
};
use bankbot_store::{EncryptionKey, NewInboxEvent, Store};
use tokio::sync::Notify;

/// The demo's fixed "now".
pub const NOW: &str = "2026-11-29T12:00:00Z";

/// The intent engine, trained once per test binary.
fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../intents");
            Arc::new(Engine::load_dir(&dir).expect("the project's intents load"))
        })
        .clone()
}

/// One bot on a fresh in-memory store, and the parts tests look at.
pub struct Bench {
    pub bot: Arc<Bot>,
    pub store: Arc<dyn Store>,
    pub bank: Arc<DemoBank>,
    pub keep: Arc<KeepSender>,
    pub inbox_wakeup: Arc<Notify>,
    pub outbox_wakeup: Arc<Notify>,
}

impl Bench {
    pub async fn new() -> Self {
        Self::keeping(KeepSender::new(None).unwrap()).await
    }

    /// A bench whose keep sender (also holding user data, erased with the rest) is `keep`.
    pub async fn keeping(keep: KeepSender) -> Self {
        let keep = Arc::new(keep);
        let clock: Arc<dyn Clock> = Arc::new(FixedClock::parse(NOW).unwrap());
        let bank = Arc::new(DemoBank::builtin(clock.clone()));
        let store = bankbot_store::connect("sqlite::memory:", EncryptionKey::generate())
            .await
            .unwrap();
        let services = Services {
            bank: bank.clone(),
            cards: bank.clone(),
            atms: bank.clone(),
            geocoder: Arc::new(GazetteerGeocoder::demo()),
            link_url: "http://bot.test/link".to_owned(),
            privacy_url: "http://bot.test/privacy".to_owned(),
            clock,
            capabilities: Capabilities::default(),
        };
        let bot = Bot::new(
            engine(),
            services,
            bank.clone(),
            store.clone(),
            Arc::new(NoHumans),
            BotOptions::default(),
        )
        .with_user_data_holder(keep.clone());
        Bench {
            bot: Arc::new(bot),
            store,
            bank,
            keep,
            inbox_wakeup: Arc::new(Notify::new()),
            outbox_wakeup: Arc::new(Notify::new()),
        }
    }

    pub fn dispatcher(&self, options: DispatcherOptions) -> Dispatcher {
        Dispatcher::new(
            self.bot.clone(),
            self.inbox_wakeup.clone(),
            self.outbox_wakeup.clone(),
            options,
        )
    }

    pub fn outbox(&self, options: OutboxOptions) -> OutboxSender {
        OutboxSender::new(
            self.store.clone(),
            self.keep.clone(),
            Arc::new(SystemClock),
            options,
            self.outbox_wakeup.clone(),
        )
    }

    /// Links `user` to the demo customer `login` (password `demo`) the way Messenger does:
    /// a bot code for the bank's one-time code, redeemed by an `account_linking` event.
    pub async fn link(&self, user: &UserId, login: &str) -> Vec<Reply> {
        let bank_code: AuthorizationCode = self.bank.authorize(login, "demo").await.unwrap();
        let code = self
            .bot
            .link_codes()
            .mint_for(user, bank_code)
            .await
            .unwrap();
        let event = UserEvent::AccountLinked {
            authorization_code: code.0,
        };
        self.bot.handle(user, &event).await.unwrap()
    }

    /// Puts `events` of their users in the inbox, as the webhook does.
    pub async fn receive(&self, events: &[(&UserId, &str, UserEvent)]) {
        let rows: Vec<NewInboxEvent> = events
            .iter()
            .enumerate()
            .map(|(i, (user, id, event))| NewInboxEvent {
                event_id: (*id).to_owned(),
                user: (*user).clone(),
                payload: serde_json::to_string(event).unwrap(),
                received_at: chrono::Utc::now(),
                sent_at: Some(chrono::Utc::now() + chrono::Duration::milliseconds(i as i64)),
            })
            .collect();
        self.store.insert_events(&rows).await.unwrap();
    }

    /// The text of everything delivered to `user`, in order.
    pub fn delivered(&self, user: &UserId) -> Vec<String> {
        self.keep
            .kept()
            .into_iter()
            .filter(|(u, _)| u == user)
            .map(|(_, reply)| text_of(&reply))
            .collect()
    }
}

/// A message.
pub fn says(text: &str) -> UserEvent {
    UserEvent::Message {
        text: text.to_owned(),
        quick_reply: None,
    }
}

pub fn user(id: &str) -> UserId {
    UserId::new(id)
}

/// What a reply shows as text (buttons and cards by their titles).
pub fn text_of(reply: &Reply) -> String {
    serde_json::to_string(reply).unwrap()
}
