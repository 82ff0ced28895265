//! # bankbot-core — the shared vocabulary
//!
//! Every other bankbot crate speaks in these types, so they carry no I/O, no async
//! runtime and no HTTP: only `serde`, `rust_decimal`, `chrono` and the HMAC primitives.
//!
//! - [`Money`] and [`Currency`]: exact decimal amounts with an ISO 4217 currency;
//!   arithmetic only within one currency, never a float.
//! - [`Account`], [`Balance`], [`Transaction`], [`Card`]: what a bank connector returns.
//!   Account and card numbers exist only as [`MaskedNumber`] (at most the last 4 digits).
//! - [`Atm`] and [`GeoPoint`]: validated coordinates and ATM features.
//! - [`DateRange`]: inclusive date ranges for transaction queries.
//! - [`IntentId`], [`IntentMatch`], [`Slots`]: what the intent engine understood.
//! - [`Reply`]: a channel-neutral answer (text, quick replies, buttons, cards, typing).
//! - [`AlertKind`] and [`AlertSettings`]: proactive alert kinds and a customer's consents;
//!   [`Alert`] / [`AlertData`]: one alert the bank raised, as intake, handlers and runtime
//!   pass it on.
//! - [`Kept`]: every kind of record the bot keeps, with its table and how long it lives —
//!   the one source the privacy answer, the `/privacy` page and the store's schema test use.
//! - [`Backoff`] and [`FailureStreak`]: the one retry spacing rule (exponential, full
//!   jitter, ceiling) and who owns which retries.
//! - [`HmacKey`] and [`verify_hmac_sha256`]: the one HMAC-SHA256 check of signed requests
//!   (webhooks, alerts); an empty secret verifies nothing.
//! - [`Payload`]: every button, quick-reply, menu and Get Started payload, read once.
//! - [`OutboxLabel`]: how a queued reply must be sent (response, update, utility template,
//!   human agent), with the text the outbox stores for it.
//! - [`fold_text`]: the one folding (case, accents, apostrophes, spaces) of customer text
//!   for matching.
//! - [`Clock`]: an injectable source of "now" so demos and tests are reproducible.
//!
//! ```
//! use bankbot_core::{Currency, Money};
//! let rent = Money::parse("-1850.00", Currency::USD).unwrap();
//! let coffee = Money::parse("-4.95", Currency::USD).unwrap();
//! assert_eq!(rent.checked_add(&coffee).unwrap().to_string(), "-1854.95 USD");
//! ```

mod account;
mod alert;
mod atm;
mod backoff;
mod bank_alert;
mod card;
mod clock;
mod customer;
mod date_range;
mod geo;
mod hmac_key;
mod intent;
mod locale;
mod masked;
mod money;
mod money_format;
mod outbox_label;
mod padded_phrase;
mod payload;
mod privacy;
mod reply;
mod text_fold;
mod transaction;

pub use account::{Account, AccountId, AccountKind, Balance};
pub use alert::{AlertKind, AlertSettings, UnknownAlertKind};
pub use atm::{Atm, AtmFeatures};
pub use backoff::{Backoff, FailureStreak};
pub use bank_alert::{Alert, AlertData};
pub use card::{Card, CardId, CardKind};
pub use clock::{Clock, ClockParseError, FixedClock, SystemClock};
pub use customer::{CustomerRef, UserId};
pub use date_range::{DateRange, DateRangeError};
pub use geo::{GeoError, GeoPoint};
pub use hmac_key::{HMAC_SHA256_LEN, HmacKey, sign_hmac_sha256, verify_hmac_sha256};
pub use intent::{Category, IntentId, IntentMatch, Slots, UnknownIntent};
pub use locale::Lang;
pub use masked::{MaskedNumber, MaskedNumberError};
pub use money::{Currency, CurrencyError, Money, MoneyError};
pub use outbox_label::{OutboxLabel, UnknownOutboxLabel};
pub use padded_phrase::has_padded_phrase;
pub use payload::{MenuItem, Payload};
pub use privacy::{EXPORT_LINK_MINUTES, Kept, RECENT_DATA_DAYS};
pub use reply::{Button, Card as ReplyCard, QuickReply, Reply};
pub use text_fold::fold_text;
pub use transaction::{Transaction, TransactionId, TransactionStatus};
