//! # bankbot-messenger — the Facebook Messenger channel
//!
//! Gets right what Messenger integrations usually get wrong:
//!
//! - **Webhooks** ([`router()`]): a mountable axum [`axum::Router`] that answers Meta's GET
//!   verification (constant-time token check, challenge echoed verbatim) and, for POSTs,
//!   checks `X-Hub-Signature-256` over the raw bytes in constant time *before* parsing,
//!   caps the body (1 MiB → 413), reads **every event of every entry** (`messaging` and
//!   `standby`) leniently ([`wire`]), normalises them into channel-neutral
//!   [`InboundEvent`]s ordered by timestamp, and answers 200 only once the runtime's
//!   [`EventSink`] accepted them (500 otherwise, so Meta redelivers).
//! - **Sending** ([`SendClient`]): core [`bankbot_core::Reply`] → Messenger JSON within the
//!   platform's limits (text split at 2,000 characters, 13 quick replies, 3 buttons,
//!   10 cards, 20-character titles), sender actions, `messaging_type` incl. `HUMAN_AGENT`,
//!   a per-Page token-bucket rate limiter, retries with jittered exponential backoff for
//!   retryable failures only, and Graph errors classified into a [`SendError`] that says
//!   what to do.
//! - **Handover** ([`handover`]) to the Page Inbox and back, in both the handover-protocol
//!   and the conversation-routing shape, and **profile set-up** ([`profile`]): get started,
//!   greetings (en, fr), persistent menu and ice breakers, set idempotently.
//!
//! ```
//! use bankbot_messenger::{parse_body, signature::sign, signature::SignatureVerifier, ParseOptions};
//! let body = br#"{"object":"page","entry":[{"id":"1","time":1718000001456,"messaging":[
//!   {"sender":{"id":"42"},"recipient":{"id":"1"},"timestamp":1718000001123,
//!    "message":{"mid":"m_1","text":"balance?"}}]}]}"#;
//! let header = sign("app-secret", body);
//! let verifier = SignatureVerifier::new("app-secret", None);
//! assert!(verifier.verify(Some(header.as_bytes()), body).is_ok());
//! let events = parse_body(body, &ParseOptions::default()).unwrap();
//! assert_eq!(events[0].event_id, "m_1");
//! assert!(events[0].wants_reply());
//! ```

pub mod event;
mod flex;
pub mod handover;
mod linking;
mod parse;
pub mod profile;
pub mod router;
pub mod send;
pub mod signature;
pub mod wire;

pub use event::{AttachmentInfo, InboundEvent, InboundKind, ReferralInfo};
pub use handover::HandoverMode;
pub use parse::{
    PAGE_INBOX_APP_ID, PageFilter, ParseError, ParseOptions, Parsed, events_of, parse_body,
    parse_body_at,
};
pub use profile::{ProfileOutcome, ProfileSpec};
pub use router::{
    DEFAULT_BODY_LIMIT, EventSink, MIN_APP_SECRET_LEN, SinkError, WebhookOptions,
    WebhookOptionsError, WebhookStats, router,
};
pub use send::{
    GraphError, MessagingType, RateLimiter, SendClient, SendError, SendOptions, SendReceipt,
    SenderAction, TemplateParameter, UtilityMessage, is_template_language, is_template_name,
};
