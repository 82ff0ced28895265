//! # bankbot-runtime — where a message becomes an answer
//!
//! ```text
//! channel ─▶ InboxSink ─▶ store inbox (durable, deduplicated) ─▶ 200 OK
//!                              │
//!   Dispatcher workers (one user's events strictly in order, users concurrently)
//!     Bot::handle: link + session ─▶ intent engine ─▶ policy ─▶ handler ─▶ effects
//!                              │
//!   store: complete_event(event, replies) — atomically, so a crash never loses or doubles
//!                              │
//!   OutboxSender ─▶ ReplySender (Messenger Send API, or kept locally in the demo)
//! ```
//!
//! - [`Bot`] answers one [`UserEvent`] for one user: it loads the account link and the
//!   session, parses text with the intent engine, applies the policy (data needs a linked
//!   account, card actions a fresh authentication), calls the handler, carries out the
//!   handler's effects (handover, unlink, erase, consents, audit) and saves the session.
//!   Every error becomes one customer-safe reply and an audit entry, here and only here.
//! - [`Dispatcher`] runs inbox workers; [`OutboxSender`] delivers replies with retry and
//!   backoff; [`InboxSink`] is the Messenger webhook's durable sink.
//! - [`ThreadControl`] hands a conversation to people; [`ReplySender`] delivers replies.

mod access;
mod alerts;
mod bot;
mod claims;
mod dispatcher;
mod effects;
mod error;
mod event;
mod fraud;
mod kept_replies;
mod link_codes;
mod linking;
mod messenger;
mod outbox;
mod pending_logins;
mod playground;
mod prefetch;
mod requests;
mod sent_marks;
mod session;
mod session_lang;
mod sink;
mod spoken;
mod typed_choice;
mod utility;

pub use access::{DataExport, ExportConsent};
pub use alerts::DEAD_REVIVE_WINDOW;
pub use bot::{Bot, BotOptions, TurnResult};
pub use dispatcher::{Dispatcher, DispatcherOptions};
pub use error::RuntimeError;
pub use event::UserEvent;
pub use kept_replies::KeepSender;
/// The longest utility template name an outbox label can carry.
pub const MAX_TEMPLATE_NAME: usize = bankbot_core::OutboxLabel::MAX_TEMPLATE_NAME;
pub use link_codes::{
    LINK_CODE_LIFETIME_MINUTES, LinkCodes, LinkRefusal, LinkTokenOwner, MintError,
    OwnerLookupError, Redeemed,
};
pub use messenger::{MessengerLinkTokenOwner, MessengerSender, MessengerThreadControl};
pub use outbox::{DeliveryError, OutboxOptions, OutboxSender, ReplySender};
pub use pending_logins::{PENDING_LOGIN_LIFETIME_MINUTES, PendingLogins, PendingRedirect};
pub use playground::{
    CheckedBody, PLAYGROUND_USER_PREFIX, PlaygroundHub, PlaygroundNotice, PlaygroundSender,
    TurnObserver, is_playground_user,
};
pub use prefetch::{Prefetched, TurnData};
pub use session::SessionDoc;
pub use sink::{InboxSink, Wakeup};
pub use typed_choice::Offered;
pub use utility::UtilityTemplates;

use async_trait::async_trait;
use bankbot_core::UserId;

/// Something outside the store that keeps data about users (the demo's kept replies,
/// [`KeepSender`]): "delete my data" erases the user's data there too, before the store's.
#[async_trait]
pub trait UserDataHolder: Send + Sync + std::fmt::Debug {
    /// Erases what is kept about `user`; returns how many items went. Must be idempotent:
    /// a failed erasure is retried with the whole turn.
    async fn erase_user(&self, user: &UserId) -> std::io::Result<u64>;
}

/// Hands a conversation over to people (Messenger's Page Inbox) and back.
#[async_trait]
pub trait ThreadControl: Send + Sync {
    /// Passes the thread to a person; the bot stops answering until it comes back.
    async fn pass_to_human(&self, user: &UserId) -> Result<(), RuntimeError>;

    /// False on channels with no people behind them (the console, a Page without an
    /// inbox): the bot then says so instead of handing over and going silent.
    fn people_available(&self) -> bool {
        true
    }
}

/// A [`ThreadControl`] for channels without people behind them (the console): it only
/// records that the customer asked.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoHumans;

#[async_trait]
impl ThreadControl for NoHumans {
    async fn pass_to_human(&self, _user: &UserId) -> Result<(), RuntimeError> {
        tracing::info!("handover requested on a channel without agents");
        Ok(())
    }

    fn people_available(&self) -> bool {
        false
    }
}
