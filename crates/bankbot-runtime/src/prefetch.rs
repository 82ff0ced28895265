//! What the turns of a claimed batch start from, loaded for the whole batch in a few
//! queries (sessions, links, consents, held alerts, whether refused utility messages wait)
//! instead of several per turn; and the per-turn view of it.
//!
//! Loading ahead is safe because a user has at most one event in flight across every
//! instance: nothing else writes a user's session, link, consents or held alerts while
//! their turn runs. A turn that itself changes them (an effect other than auditing, a
//! fraud answer, a link the bank refused) drops what was loaded about alerts and asks the
//! store again. Dead replies are the one thing another task writes (the outbox sender
//! gives up on a reply at any time): one that dies after the batch was loaded is resent
//! at the customer's next message instead of this one, as it would be had it died a
//! moment after this turn.

use std::collections::{HashMap, HashSet};

use bankbot_core::{Clock, OutboxLabel, UserId};
use bankbot_store::{Consent, HeldAlert, Link, Session};

use crate::alerts::DEAD_REVIVE_WINDOW;
use crate::{Bot, RuntimeError};

/// Sessions, links and alert state of a batch of users, loaded together by
/// [`Bot::prefetch`].
#[derive(Debug, Default)]
pub struct Prefetched {
    sessions: HashMap<UserId, Session>,
    links: HashMap<UserId, Link>,
    consents: HashMap<UserId, Vec<Consent>>,
    held: HashMap<UserId, Vec<HeldAlert>>,
    with_dead: HashSet<UserId>,
}

impl Prefetched {
    /// Takes what was loaded for `user` (each user's data is handed out once).
    pub fn take(&mut self, user: &UserId) -> TurnData {
        let link = self.links.remove(user);
        // Held alerts and dead replies only matter to linked users, and were loaded for
        // them alone.
        let linked = link.is_some();
        TurnData {
            session: self.sessions.remove(user),
            link,
            loaded: Loaded {
                consents: Some(self.consents.remove(user).unwrap_or_default()),
                held: linked.then(|| self.held.remove(user).unwrap_or_default()),
                has_dead: linked.then(|| self.with_dead.contains(user)),
            },
        }
    }
}

/// What one turn starts from: its user's session and link, and what is known ahead about
/// their consents and alerts (see [`Bot::turn_with`]).
#[derive(Debug, Default)]
pub struct TurnData {
    /// The user's live session, if any.
    pub session: Option<Session>,
    /// The user's link, if linked.
    pub link: Option<Link>,
    pub(crate) loaded: Loaded,
}

impl TurnData {
    /// A session and link loaded by the caller; the rest is asked of the store by the turn.
    pub fn new(session: Option<Session>, link: Option<Link>) -> Self {
        TurnData {
            session,
            link,
            loaded: Loaded::default(),
        }
    }
}

/// What was loaded ahead about a user's consents and alerts; `None` where the turn asks
/// the store.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    /// The current consents.
    pub(crate) consents: Option<Vec<Consent>>,
    /// Every held alert, oldest first.
    pub(crate) held: Option<Vec<HeldAlert>>,
    /// Whether refused utility messages wait to be resent (`requeue_dead` would find some).
    pub(crate) has_dead: Option<bool>,
}

impl Loaded {
    /// The turn changed what was loaded about alerts (or may have): ask the store.
    pub(crate) fn forget_alerts(&mut self) {
        self.held = None;
        self.has_dead = None;
    }
}

impl Bot {
    /// Loads what the turns of `users` start from in a handful of queries for the batch
    /// rather than several per user: see [`Bot::turn_with`].
    pub async fn prefetch(&self, users: &[UserId]) -> Result<Prefetched, RuntimeError> {
        let now = self.clock.now();
        let (sessions, links, consents) = tokio::try_join!(
            self.store.sessions_of(users, now),
            self.store.links_of(users),
            self.store.consents_of(users),
        )?;
        let linked: Vec<UserId> = users
            .iter()
            .filter(|u| links.contains_key(*u))
            .cloned()
            .collect();
        let (held, with_dead) = match linked.is_empty() {
            true => Default::default(),
            false => {
                // Queue times follow the system clock (see the dispatcher), not the bot's.
                let fresh_since = bankbot_core::SystemClock.now() - DEAD_REVIVE_WINDOW;
                tokio::try_join!(
                    self.store.held_alerts_of(&linked),
                    self.store
                        .users_with_dead(&linked, OutboxLabel::UTILITY_PREFIX, fresh_since),
                )?
            }
        };
        Ok(Prefetched {
            sessions,
            links,
            consents,
            held,
            with_dead,
        })
    }
}
