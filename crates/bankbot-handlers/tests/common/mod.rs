//! A tiny conversation driver over the demo bank, shared by the dialogue tests.
#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use bankbot_bank::demo::DemoBank;
use bankbot_bank::{BankResult, CustomerCredential, Geocoder, Place};
use bankbot_core::{
    AlertSettings, Button, CustomerRef, FixedClock, GeoPoint, IntentId, IntentMatch, Lang, Reply,
    Slots,
};
use bankbot_handlers::{
    DialogState, Effect, HandlerError, Input, Outcome, Services, Turn, respond,
};

pub const LINK_URL: &str = "https://bot.example/link";

/// A geocoder over a fixed table: postcode or place name → point, label, country.
#[derive(Debug, Default)]
pub struct TableGeocoder(HashMap<String, Place>);

impl TableGeocoder {
    pub fn demo() -> Self {
        let mut t = HashMap::new();
        let mut add = |q: &str, lat: f64, lon: f64, label: &str, country: &str| {
            t.insert(
                q.to_lowercase(),
                Place {
                    point: GeoPoint::new(lat, lon).unwrap(),
                    label: label.to_owned(),
                    country: Some(country.to_owned()),
                },
            );
        };
        add("94105", 37.7897, -122.3942, "San Francisco 94105", "US");
        add("sw1a 1aa", 51.5010, -0.1416, "SW1A 1AA", "GB");
        add("75011", 48.8590, 2.3800, "Paris 11e", "FR");
        add("bastille", 48.8532, 2.3692, "Bastille, Paris", "FR");
        TableGeocoder(t)
    }
}

#[async_trait]
impl Geocoder for TableGeocoder {
    async fn geocode(&self, query: &str, _lang: Option<Lang>) -> BankResult<Option<Place>> {
        Ok(self.0.get(&query.trim().to_lowercase()).cloned())
    }
}

/// One customer chatting with the bot.
pub struct Chat {
    pub services: Services,
    pub bank: DemoBank,
    pub state: DialogState,
    pub alerts: AlertSettings,
    pub customer: Option<CustomerCredential>,
    pub lang: Lang,
    pub auth_fresh: bool,
}

impl Chat {
    fn new(customer: Option<&str>, lang: Lang) -> Chat {
        Chat::with_fixtures(bankbot_bank::demo::BUILTIN_FIXTURES, customer, lang)
    }

    /// A chat over a demo bank built from other fixtures.
    pub fn with_fixtures(fixtures: &str, customer: Option<&str>, lang: Lang) -> Chat {
        let clock = Arc::new(FixedClock::parse("2026-11-29T12:00:00Z").unwrap());
        let bank = DemoBank::from_toml(fixtures, clock.clone()).unwrap();
        let services = Services {
            bank: Arc::new(bank.clone()),
            cards: Arc::new(bank.clone()),
            atms: Arc::new(bank.clone()),
            geocoder: Arc::new(TableGeocoder::demo()),
            link_url: LINK_URL.to_owned(),
            privacy_url: "https://bot.example/privacy".to_owned(),
            clock,
            capabilities: Default::default(),
        };
        let customer = customer.map(|c| bank.credential_for(&CustomerRef::new(c)).unwrap());
        Chat {
            services,
            bank,
            state: DialogState::default(),
            alerts: AlertSettings::none(),
            customer,
            lang,
            auth_fresh: true,
        }
    }

    pub fn alice() -> Chat {
        Chat::new(Some("cust-alice"), Lang::En)
    }

    pub fn bob() -> Chat {
        Chat::new(Some("cust-bob"), Lang::Fr)
    }

    pub fn unlinked(lang: Lang) -> Chat {
        Chat::new(None, lang)
    }

    async fn turn(&mut self, input: Input<'_>) -> Result<Outcome, HandlerError> {
        let turn = Turn {
            people_available: true,
            input,
            lang: self.lang,
            customer: self.customer.as_ref(),
            auth_fresh: self.auth_fresh,
            alerts: &self.alerts,
        };
        let out = respond(&self.services, turn, &mut self.state).await?;
        // Apply effects the way the runtime would.
        for e in &out.effects {
            match e {
                Effect::SetAlert { kind, enabled } => self.alerts.set(*kind, *enabled),
                Effect::UnlinkAccount | Effect::DeleteUserData => self.customer = None,
                _ => {}
            }
        }
        // The state must survive the runtime's JSON round trip at every turn.
        let json = serde_json::to_string(&self.state).unwrap();
        self.state = serde_json::from_str(&json).unwrap();
        Ok(out)
    }

    /// A message the engine understood as `intent` with confidence 0.9.
    pub async fn say(&mut self, text: &str, intent: IntentId, slots: Slots) -> Outcome {
        self.try_say(text, intent, 0.9, slots).await.unwrap()
    }

    /// A message the engine could not place (out of scope, confidence 0.2).
    pub async fn mumble(&mut self, text: &str, slots: Slots) -> Outcome {
        self.try_say(text, IntentId::OutOfScope, 0.2, slots)
            .await
            .unwrap()
    }

    pub async fn try_say(
        &mut self,
        text: &str,
        intent: IntentId,
        confidence: f32,
        slots: Slots,
    ) -> Result<Outcome, HandlerError> {
        let parsed = IntentMatch {
            intent,
            confidence,
            lang: self.lang,
            slots,
            written_out: None,
        };
        self.turn(Input::Message {
            text,
            parsed: &parsed,
        })
        .await
    }

    pub async fn tap(&mut self, payload: &str) -> Outcome {
        self.turn(Input::Postback { payload }).await.unwrap()
    }

    pub async fn share(&mut self, lat: f64, lon: f64) -> Outcome {
        let p = GeoPoint::new(lat, lon).unwrap();
        self.turn(Input::Location(p)).await.unwrap()
    }
}

/// Every reply's text, one per line.
pub fn text(out: &Outcome) -> String {
    out.replies
        .iter()
        .filter_map(Reply::text_content)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The quick replies of every reply, as (title, payload).
pub fn quick(out: &Outcome) -> Vec<(String, String)> {
    out.replies
        .iter()
        .flat_map(|r| match r {
            Reply::Text { quick_replies, .. } => quick_replies
                .iter()
                .map(|q| (q.title.clone(), q.payload.clone()))
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

pub fn payloads(out: &Outcome) -> Vec<String> {
    quick(out).into_iter().map(|(_, p)| p).collect()
}

/// The buttons of every reply.
pub fn buttons(out: &Outcome) -> Vec<Button> {
    out.replies
        .iter()
        .flat_map(|r| match r {
            Reply::Buttons { buttons, .. } => buttons.clone(),
            _ => Vec::new(),
        })
        .collect()
}

pub fn has_link_button(out: &Outcome) -> bool {
    buttons(out)
        .iter()
        .any(|b| matches!(b, Button::AccountLink { url } if url == LINK_URL))
}

pub fn audits(out: &Outcome) -> Vec<&'static str> {
    out.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Audit { data_kind } => Some(*data_kind),
            _ => None,
        })
        .collect()
}

pub fn slots() -> Slots {
    Slots::default()
}
