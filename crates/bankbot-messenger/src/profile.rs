//! Messenger Profile set-up: Get Started, greetings, persistent menu, ice breakers,
//! account-linking URL. Idempotent: the current profile is read first and only fields
//! that differ are written (the Profile API allows 10 calls per 10 minutes per Page).

use bankbot_core::{Button, MenuItem, Payload};
use serde_json::{Map, Value, json};

use crate::send::{SendClient, SendError, truncate_chars};

/// Greeting limit in characters.
pub const MAX_GREETING_CHARS: usize = 160;
/// At most this many ice breakers per locale.
pub const MAX_ICE_BREAKERS: usize = 4;
/// At most this many persistent-menu items per locale.
pub const MAX_MENU_ITEMS: usize = 20;
/// Menu item title limit.
pub const MAX_MENU_TITLE_CHARS: usize = 30;

/// The fields this module manages.
pub const PROFILE_FIELDS: [&str; 6] = [
    "get_started",
    "greeting",
    "ice_breakers",
    "persistent_menu",
    "account_linking_url",
    "whitelisted_domains",
];

/// What one locale shows. `locale` is `default` (required by Meta) or e.g. `fr_FR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleProfile {
    /// `default`, `fr_FR`, `en_US` …
    pub locale: String,
    /// Greeting on the welcome screen (≤ 160 chars; `{{user_first_name}}` allowed).
    pub greeting: String,
    /// Ice breakers: (question, payload), at most 4.
    pub ice_breakers: Vec<(String, String)>,
    /// Persistent menu: postback or web-URL buttons, at most 20.
    pub menu: Vec<Button>,
}

/// The whole desired profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileSpec {
    /// Payload of the Get Started postback.
    pub get_started_payload: String,
    /// One entry per locale; the first should be `default`.
    pub locales: Vec<LocaleProfile>,
    /// Shown as Log In / Log Out on the profile once set.
    pub account_linking_url: Option<String>,
    /// Domains allowed in webviews.
    pub whitelisted_domains: Vec<String>,
}

/// What [`SendClient::setup_profile`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProfileOutcome {
    /// Fields written; empty when the Page already matched.
    pub updated: Vec<String>,
}

impl ProfileSpec {
    /// bankbot's standard profile in English (`default`) and French (`fr_FR`).
    pub fn bankbot_default(account_linking_url: Option<&str>) -> Self {
        let postback = |title: &str, payload: &str| Button::Postback {
            title: title.to_owned(),
            payload: payload.to_owned(),
        };
        let pairs = |items: &[(&str, &str)]| {
            items
                .iter()
                .map(|(q, p)| ((*q).to_owned(), (*p).to_owned()))
                .collect::<Vec<_>>()
        };
        let en = LocaleProfile {
            locale: "default".to_owned(),
            greeting: "Hi {{user_first_name}}! I'm the bank's automated assistant. Ask me about \
                       balances, recent transactions or the nearest ATM."
                .to_owned(),
            ice_breakers: pairs(&[
                ("What's my balance?", MenuItem::Balance.as_str()),
                ("Show my last transactions", MenuItem::Transactions.as_str()),
                ("Where is the nearest ATM?", MenuItem::AtmFinder.as_str()),
                ("Talk to a person", MenuItem::HumanAgent.as_str()),
            ]),
            menu: vec![
                postback("Balance", MenuItem::Balance.as_str()),
                postback("Recent transactions", MenuItem::Transactions.as_str()),
                postback("Find an ATM", MenuItem::AtmFinder.as_str()),
                postback("Talk to an agent", MenuItem::HumanAgent.as_str()),
            ],
        };
        let fr = LocaleProfile {
            locale: "fr_FR".to_owned(),
            greeting: "Bonjour {{user_first_name}} ! Je suis l'assistant automatique de la \
                       banque : solde, dernières opérations ou distributeur le plus proche."
                .to_owned(),
            ice_breakers: pairs(&[
                ("Quel est mon solde ?", MenuItem::Balance.as_str()),
                ("Mes dernières opérations", MenuItem::Transactions.as_str()),
                (
                    "Distributeur le plus proche ?",
                    MenuItem::AtmFinder.as_str(),
                ),
                ("Parler à un conseiller", MenuItem::HumanAgent.as_str()),
            ]),
            menu: vec![
                postback("Solde", MenuItem::Balance.as_str()),
                postback("Dernières opérations", MenuItem::Transactions.as_str()),
                postback("Trouver un distributeur", MenuItem::AtmFinder.as_str()),
                postback("Parler à un conseiller", MenuItem::HumanAgent.as_str()),
            ],
        };
        let domain = account_linking_url.and_then(origin);
        ProfileSpec {
            get_started_payload: Payload::GetStarted.to_string(),
            locales: vec![en, fr],
            account_linking_url: account_linking_url.map(str::to_owned),
            whitelisted_domains: domain.into_iter().collect(),
        }
    }

    /// The Messenger Profile API body for every managed field (limits applied).
    pub fn to_json(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert(
            "get_started".into(),
            json!({"payload": self.get_started_payload}),
        );
        let greetings: Vec<Value> = self
            .locales
            .iter()
            .map(|l| json!({"locale": l.locale, "text": truncate_chars(&l.greeting, MAX_GREETING_CHARS)}))
            .collect();
        m.insert("greeting".into(), Value::Array(greetings));
        let ice: Vec<Value> = self
            .locales
            .iter()
            .filter(|l| !l.ice_breakers.is_empty())
            .map(|l| {
                let ctas: Vec<Value> = l
                    .ice_breakers
                    .iter()
                    .take(MAX_ICE_BREAKERS)
                    .map(|(q, p)| json!({"question": q, "payload": p}))
                    .collect();
                json!({"locale": l.locale, "call_to_actions": ctas})
            })
            .collect();
        m.insert("ice_breakers".into(), Value::Array(ice));
        let menus: Vec<Value> = self
            .locales
            .iter()
            .filter(|l| !l.menu.is_empty())
            .map(|l| {
                let items: Vec<Value> = l
                    .menu
                    .iter()
                    .filter_map(menu_item)
                    .take(MAX_MENU_ITEMS)
                    .collect();
                json!({"locale": l.locale, "composer_input_disabled": false, "call_to_actions": items})
            })
            .collect();
        m.insert("persistent_menu".into(), Value::Array(menus));
        if let Some(url) = &self.account_linking_url {
            m.insert("account_linking_url".into(), json!(url));
        }
        if !self.whitelisted_domains.is_empty() {
            m.insert(
                "whitelisted_domains".into(),
                json!(self.whitelisted_domains),
            );
        }
        m
    }
}

fn menu_item(b: &Button) -> Option<Value> {
    match b {
        Button::Postback { title, payload } => Some(json!({
            "type": "postback",
            "title": truncate_chars(title, MAX_MENU_TITLE_CHARS),
            "payload": payload,
        })),
        Button::WebUrl { title, url } => Some(json!({
            "type": "web_url",
            "title": truncate_chars(title, MAX_MENU_TITLE_CHARS),
            "url": url,
        })),
        // Account linking cannot start from the menu (Meta's rule).
        Button::AccountLink { .. } | Button::AccountUnlink => None,
    }
}

/// `https://host[:port]` of a URL, for the domain whitelist.
fn origin(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .filter(|h| !h.is_empty())?;
    Some(format!("https://{host}"))
}

/// True when every field of `want` is present in `have` with the same value; objects may
/// carry extra fields (Meta adds defaults), arrays must match element by element.
pub fn contains(have: &Value, want: &Value) -> bool {
    match (have, want) {
        (Value::Object(h), Value::Object(w)) => w
            .iter()
            .all(|(k, wv)| h.get(k).is_some_and(|hv| contains(hv, wv))),
        (Value::Array(h), Value::Array(w)) => {
            h.len() == w.len() && h.iter().zip(w).all(|(hv, wv)| contains(hv, wv))
        }
        _ => have == want,
    }
}

impl SendClient {
    /// The current profile fields (`GET /me/messenger_profile`), as one object.
    pub async fn get_profile(&self) -> Result<Map<String, Value>, SendError> {
        let fields = PROFILE_FIELDS.join(",");
        let v = self
            .get("me/messenger_profile", &[("fields", fields.as_str())])
            .await?;
        Ok(match &v["data"][0] {
            Value::Object(m) => m.clone(),
            _ => Map::new(),
        })
    }

    /// Makes the Page's profile match `spec`, writing only the fields that differ
    /// (in one POST; the Get Started button is included whenever the menu is written,
    /// as Meta requires it).
    pub async fn setup_profile(&self, spec: &ProfileSpec) -> Result<ProfileOutcome, SendError> {
        let current = self.get_profile().await?;
        let wanted = spec.to_json();
        let mut body = Map::new();
        for (field, value) in &wanted {
            let same = current.get(field).is_some_and(|have| contains(have, value));
            if !same {
                body.insert(field.clone(), value.clone());
            }
        }
        if body.contains_key("persistent_menu")
            && !body.contains_key("get_started")
            && let Some(gs) = wanted.get("get_started")
        {
            body.insert("get_started".into(), gs.clone());
        }
        if body.is_empty() {
            tracing::info!("messenger profile already up to date");
            return Ok(ProfileOutcome::default());
        }
        let updated: Vec<String> = body.keys().cloned().collect();
        self.post("me/messenger_profile", &Value::Object(body))
            .await?;
        tracing::info!(?updated, "messenger profile updated");
        Ok(ProfileOutcome { updated })
    }
}
