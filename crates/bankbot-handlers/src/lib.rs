//! # bankbot-handlers — what the bot says
//!
//! Pure dialogue logic: given one customer input (a message the intent engine already
//! parsed, a button payload or a shared location), the customer's link and the persisted
//! [`DialogState`], [`respond`] calls the bank through the connector traits and returns the
//! replies to send and the [`Effect`]s the runtime must apply (hand over to a person,
//! unlink, erase, record an alert consent, audit what kind of data was shown). It owns no
//! store, no HTTP and no intent engine.
//!
//! - One module per intent, in `intents/`: `balance`, `transactions`, `spending`, `atm`,
//!   `cards`, `fraud`, `handoff`, `linking`, `privacy` (erasure), `privacy_info`, `access`
//!   (right of access), `alerts`, `small_talk`, `fallback`, and the follow-ups answered from
//!   context; routing (`dispatch`), the turn's context and the readers they share stay
//!   outside it. [`privacy_facts`] is the one source of what the customer is told about
//!   privacy (the answer and the bot's `/privacy` page).
//! - Replies in English or French from the catalogs in `catalog/`; money through
//!   `Money::format`, dates and distances through [`mod@format`], accounts as `••4321`.
//! - Follow-ups from context: "and savings?" after a balance, "show more" after
//!   transactions, a bare postcode after the ATM question, yes/no after a confirmation.
//! - Proactive alerts: [`alert_replies`], [`alert_template_text`] and [`alert_reminder`]
//!   phrase what the bank raised (texts in `catalog/alert/`), when the runtime delivers it;
//!   [`answer_fraud_check`] answers the fraud question's Yes / No and returns
//!   [`Effect::FraudCheckAnswered`].
//! - Errors are [`HandlerError`]s; [`error_reply`] is the one place they become
//!   customer-safe replies. [`notice_reply`] phrases what the runtime says on its own
//!   (account linked, a person handed back, alerts waiting).
//! - Buttons and quick replies send [`Payload`](bankbot_core::Payload)s (core owns their
//!   texts).
//!
//! Handlers never log message text, amounts, account numbers or ids.

mod account_pointer;
mod alert_kind_words;
mod alert_text;
mod alert_words;
mod app_incoming;
mod arrival_asked;
mod bill_lookup;
mod breakdown;
mod cant_do;
mod card_in_context;
mod casual;
mod catalog;
mod ctx;
mod cues;
mod dispatch;
mod ellipsis;
mod error;
mod everyday_cant_do;
mod exchange;
mod facts;
mod fee_schedule;
pub mod format;
mod history;
mod intents;
mod misheard;
mod movements;
mod no_then_request;
mod notice;
mod off_topic;
mod own_merchant;
mod periods;
mod phone_taken;
mod pick;
mod place_scan;
mod place_shape;
mod place_text;
mod privacy_question;
mod request_kind;
mod since_holiday;
mod statement_label;
mod time_words;
mod transfer_lookup;
mod two_months;
mod types;
mod words;
mod yes_no_idioms;

pub use alert_text::{alert_reminder, alert_replies, alert_template_text};
pub use bankbot_core::{AlertKind, AlertSettings};
pub use dispatch::{CONFIDENT, needs_link};
pub use error::{HandlerError, error_reply};
pub use facts::{PrivacyFacts, bank_policy_line, link_allows, privacy_facts};
pub use intents::access::{HeldConsent, HeldData, held_data_reply};
pub use intents::atm::{MAX_DISTANCE_M as ATM_MAX_DISTANCE_M, NEAREST as ATM_RESULTS};
pub use intents::fallback::ESCALATE_AFTER;
pub use intents::fraud_answer::{FraudCheckAnswer, answer_fraud_check};
pub use intents::languages::switch_asked as language_asked;
pub use intents::transactions::{DEFAULT_COUNT, MAX_COUNT};
pub use notice::{Notice, notice_reply};
pub use request_kind::{answered_by_rule, asks_differently, one_request};
pub use types::{
    Capabilities, DialogState, Effect, FraudVerdict, Input, Listed, Outcome, Pending, Services,
    Turn, TxCursor,
};

/// True when `text` asks for the item or period before the last answer's ("and the one
/// before that?", « et celle d'avant ? », "the week before"): a request of its own after
/// thanks, answered from the conversation's context.
pub fn points_back(text: &str) -> bool {
    intents::previous::asks(text) || intents::shift::asks(text).is_some()
}

/// True when `text` is courtesy alone ("c'est très clair", "God bless you"): no request
/// to split off after thanks.
pub fn courtesy_only(text: &str) -> bool {
    intents::courtesy_only::read(text).is_some()
}

/// True when `text` reports a scam or someone using the customer's card ("somebody tried
/// to use my credit card"): the whole message is that report, whatever else it asks.
pub fn reports_fraud(text: &str) -> bool {
    intents::scam::reported(text)
}

/// True when `text` tells of a security situation answered as a whole ("my phone got
/// stolen, can the thief use my messenger and see my accounts", "stop my visa being used
/// online", "a direct debit i don't recognise"): its parts are no requests of their own.
pub fn security_situation(text: &str) -> bool {
    intents::phone_stolen::asks(text, false)
        || intents::online_only::asks(text)
        || intents::direct_debit_disowned::told(text)
}

/// The kind of alert `text` names, if any ("low balance ones", « gros paiements »), and
/// whether it asks it switched on or off (`None`: named only).
pub fn alert_named(text: &str) -> Option<(AlertKind, Option<bool>)> {
    match intents::alerts::parse(text) {
        intents::alerts::Command::Offer(kind) => Some((kind, None)),
        intents::alerts::Command::Set(kind, on) => Some((kind, Some(on))),
        _ => None,
    }
}

/// `Some(true)` when `text` is a short yes ("ya", "yep do it", "ouais vas-y"),
/// `Some(false)` for a no, `None` otherwise: what answers a confirmation question.
pub fn short_answer(text: &str) -> Option<bool> {
    words::yes_no(text)
}

/// The no opening `text` and the request after it ("no!! i want block the debit card",
/// "okay forget it did my paycheck hit yet", "nan je veux le solde du livret"): the no
/// turns down what was asked, the rest is read as a request of its own.
pub fn no_then_request(text: &str) -> Option<(&str, &str)> {
    no_then_request::split(text)
}

/// True when `text` only acknowledges ("ok", "alright then", "d'accord"): a yes alone, but
/// no consent to erase, unlink or lock when a request of its own follows it.
pub fn only_acknowledges(text: &str) -> bool {
    words::only_acknowledges(text)
}

/// True when `text` holds an answer back ("attends c'est quoi mon solde d'abord", "wait,
/// show my balance first"): a yes before it is not given yet.
pub fn holds_back(text: &str) -> bool {
    words::holds_back(text)
}

/// True when `text` names a request of its own ("balance", "show", "how"): more than an
/// answer.
pub fn asks_more(text: &str) -> bool {
    words::names_a_request(text)
}

/// True when `text` asks to unlock a card ("unlock it", "débloque ma carte").
pub fn unlock_asked(text: &str) -> bool {
    intents::lock_order::requests_unlock(text)
}

/// True when `text` is a returning customer's greeting ("Hello again. I spoke to you
/// yesterday…", "hey it's me again"): read whole, as a greeting, when it asks nothing.
pub fn greets_back(text: &str) -> bool {
    intents::greeting_back::greets_back(text)
}

/// Answers one turn. `state` is updated in place; the runtime persists it whether the turn
/// succeeded or not. On error no reply is produced: pass the error to [`error_reply`].
pub async fn respond(
    services: &Services,
    turn: Turn<'_>,
    state: &mut DialogState,
) -> Result<Outcome, HandlerError> {
    let mut ctx = ctx::Ctx {
        services,
        lang: turn.lang,
        customer: turn.customer,
        auth_fresh: turn.auth_fresh,
        alerts: turn.alerts,
        people_available: turn.people_available,
        out: Outcome::default(),
        missing_account: false,
    };
    let before = (state.last_intent, state.last_slots.clone());
    dispatch::run(&mut ctx, state, turn.input).await?;
    intents::both_total::remember(state, before);
    Ok(ctx.out)
}
