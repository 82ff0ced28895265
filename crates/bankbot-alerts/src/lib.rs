//! # bankbot-alerts — the bank reaches out, with consent
//!
//! ```text
//! bank system ─POST /alerts (HMAC-signed, timestamped)─▶ intake ─▶ store inbox, one event
//!   per linked user, in the transaction that remembers the alert id (7 days: repeats dedupe)
//!   runtime worker: consent? ─▶ DeliveryPolicy::decide ─▶ send as UPDATE │ utility template
//!                                                         │ hold (quiet hours / closed window)
//!   sweeper: held alerts due (end of quiet hours, 30-minute fraud reminder) ─▶ inbox again
//! ```
//!
//! - [`signature`]: `X-Bankbot-Timestamp: <unix seconds>` and `X-Bankbot-Signature:
//!   sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, checked in constant time before
//!   anything is parsed; a timestamp more than 5 minutes from the system clock is refused.
//! - [`parse_alert`]: the intake body, checked, as core's
//!   [`Alert`](bankbot_core::Alert); [`AlertEvent`] ([`inbox_payload`] / [`due_payload`])
//!   the inbox events the runtime reads back as `UserEvent::Alert` / `UserEvent::AlertDue`.
//! - [`DeliveryPolicy`]: Messenger's 24-hour window, the optional utility template, quiet
//!   hours in the customer's zone (fraud exempt), the fraud reminder delay.
//! - What the customer reads is not here: the handlers phrase alerts from their en/fr
//!   catalogues (`bankbot_handlers::alert_replies`) and answer the fraud question's
//!   `FRAUD_YES:<id>` / `FRAUD_NO:<id>` (`bankbot_handlers::answer_fraud_check`).
//! - [`intake::router`] and [`sweeper::run`]: the HTTP endpoint and the background loop.
//!
//! What reaches Messenger: the kind of alert, amounts, merchant, date, last four digits of
//! a card and the account's display name (masked). Never full card or account numbers,
//! the bank's customer reference, or anything for a user who has not linked an account or
//! has not opted in to that kind.

mod alert;
mod error;
pub mod intake;
mod policy;
pub mod signature;
pub mod sweeper;
mod zone;

pub use alert::{AlertEvent, due_payload, inbox_event_id, inbox_payload, parse_alert};
pub use error::AlertError;
pub use policy::{Decision, DeliveryPolicy, QuietHours};
pub use zone::{Zone, parse_zone};

/// `held_alerts.state` labels.
pub mod state {
    /// Held until quiet hours end (`due_at`).
    pub const QUIET: &str = "quiet";
    /// Held until the customer's next message (window closed, no template).
    pub const NEXT_MESSAGE: &str = "next_message";
    /// A fraud question sent, no answer yet; `due_at` is the reminder.
    pub const AWAITING_REPLY: &str = "awaiting_reply";
    /// A fraud question sent and reminded once.
    pub const REMINDED: &str = "reminded";
}
