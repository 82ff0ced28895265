//! Where a backend's statements run: [`Connections`] hands out a [`Conn`], either one of a
//! few connections the store holds behind async locks ([`Held`], SQLite) or one from a
//! sqlx pool (PostgreSQL).
//!
//! Why SQLite holds its connections: sqlx pings every connection handed back to a pool
//! (`PoolConnection::return_to_pool`, unconditional in sqlx 0.8), and on SQLite a ping is a
//! round trip to the connection's worker thread (two thread hand-offs), as costly as the
//! small statement before it; under load that was half of the writer's hand-offs. A held
//! connection goes back to its lock with nothing run. What the pool's pings guarded is kept:
//! a connection idle for [`PING_AFTER_IDLE`] is pinged before use and replaced if the ping
//! fails (as the pools do, `idle_ping.rs`). A transaction dropped unfinished is rolled back
//! by sqlx on the connection's next statement (its worker runs commands in order). What is
//! not kept: a connection whose worker thread died while busy is found out at its next idle
//! ping rather than at once (SQLite's worker only stops with the connection).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use sqlx::pool::PoolConnection;
use sqlx::{Connection, Database, Pool};
use tokio::sync::{MappedMutexGuard, Mutex, MutexGuard};

use crate::idle_ping::PING_AFTER_IDLE;
use crate::{StoreError, StoreResult};

/// A backend's source of connections.
#[derive(Debug)]
pub(crate) enum Connections<DB: Database> {
    /// Connections the store holds (SQLite).
    Held(Held<DB>),
    /// A sqlx pool (PostgreSQL).
    Pool(Pool<DB>),
}

/// A connection handed out by [`Connections::get`], given back when dropped.
pub(crate) enum Conn<'a, DB: Database> {
    Held(MappedMutexGuard<'a, DB::Connection>),
    Pooled(PoolConnection<DB>),
}

impl<DB: Database> std::fmt::Debug for Conn<'_, DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Conn::Held(_) => "Conn::Held",
            Conn::Pooled(_) => "Conn::Pooled",
        })
    }
}

impl<DB: Database> std::ops::Deref for Conn<'_, DB> {
    type Target = DB::Connection;

    fn deref(&self) -> &DB::Connection {
        match self {
            Conn::Held(conn) => conn,
            Conn::Pooled(conn) => conn,
        }
    }
}

impl<DB: Database> std::ops::DerefMut for Conn<'_, DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        match self {
            Conn::Held(conn) => conn,
            Conn::Pooled(conn) => conn,
        }
    }
}

impl<'a, DB: Database> Conn<'a, DB> {
    /// Starts a transaction on this connection (rolled back if dropped uncommitted).
    pub(crate) async fn begin(&mut self) -> StoreResult<sqlx::Transaction<'_, DB>> {
        Ok(Connection::begin(&mut **self).await?)
    }
}

impl<DB: Database> Connections<DB> {
    /// A connection: a held one (the first free, else waiting in turn for one) or one from
    /// the pool.
    pub(crate) async fn get(&self) -> StoreResult<Conn<'_, DB>> {
        match self {
            Connections::Held(held) => held.get().await.map(Conn::Held),
            Connections::Pool(pool) => Ok(Conn::Pooled(pool.acquire().await?)),
        }
    }

    /// A connection for a caller someone is waiting on (the webhook's inbox insert: Meta
    /// waits for the 200 behind it): on a single held connection it goes ahead of the
    /// callers of [`Connections::get`] still queued, waiting for at most the connection's
    /// current user and the one caller already next; otherwise as [`Connections::get`].
    pub(crate) async fn get_first(&self) -> StoreResult<Conn<'_, DB>> {
        match self {
            Connections::Held(held) => held.get_ahead().await.map(Conn::Held),
            Connections::Pool(pool) => Ok(Conn::Pooled(pool.acquire().await?)),
        }
    }

    /// Closes the connections; later calls fail as unavailable.
    pub(crate) async fn close(&self) {
        match self {
            Connections::Held(held) => held.close().await,
            Connections::Pool(pool) => pool.close().await,
        }
    }
}

/// One held connection, opened when first needed and again after it broke.
struct Slot<C> {
    conn: Option<C>,
    used: Instant,
}

/// A fixed number of connections, each behind its own async lock (tokio's lock is fair:
/// callers waiting for one connection get it in the order they asked). With one
/// connection (SQLite's writer), ordinary callers also queue at a gate first, so that only
/// one of them waits at the connection's own lock at a time, and a caller of
/// [`Held::get_ahead`] (queued straight at the connection) passes the rest.
pub(crate) struct Held<DB: Database> {
    slots: Vec<Mutex<Slot<DB::Connection>>>,
    gate: Mutex<()>,
    options: <DB::Connection as Connection>::Options,
    next: AtomicUsize,
    closed: AtomicBool,
}

impl<DB: Database> std::fmt::Debug for Held<DB> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Held")
            .field("connections", &self.slots.len())
            .field("closed", &self.closed.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl<DB: Database> Held<DB> {
    /// Opens `count` connections (at least one) with `options`.
    pub(crate) async fn open(
        options: <DB::Connection as Connection>::Options,
        count: usize,
    ) -> StoreResult<Self> {
        let mut slots = Vec::with_capacity(count.max(1));
        for _ in 0..count.max(1) {
            let conn = DB::Connection::connect_with(&options).await?;
            slots.push(Mutex::new(Slot {
                conn: Some(conn),
                used: Instant::now(),
            }));
        }
        Ok(Held {
            slots,
            gate: Mutex::new(()),
            options,
            next: AtomicUsize::new(0),
            closed: AtomicBool::new(false),
        })
    }

    async fn get(&self) -> StoreResult<MappedMutexGuard<'_, DB::Connection>> {
        let slot = if self.slots.len() == 1 {
            let _gate = self.gate.lock().await;
            self.slots[0].lock().await
        } else {
            self.lock().await
        };
        self.ready(slot).await
    }

    /// A connection, queued ahead of [`Held::get`]'s callers still at the gate.
    async fn get_ahead(&self) -> StoreResult<MappedMutexGuard<'_, DB::Connection>> {
        let slot = self.lock().await;
        self.ready(slot).await
    }

    /// `slot`'s connection ready for use: pinged if idle, reopened if broken or gone.
    async fn ready<'s>(
        &'s self,
        mut slot: MutexGuard<'s, Slot<DB::Connection>>,
    ) -> StoreResult<MappedMutexGuard<'s, DB::Connection>> {
        if self.closed.load(Ordering::Acquire) {
            return Err(StoreError::Unavailable(sqlx::Error::PoolClosed));
        }
        if slot.used.elapsed() >= PING_AFTER_IDLE
            && let Some(conn) = slot.conn.as_mut()
            && let Err(error) = conn.ping().await
        {
            tracing::warn!(%error, "held connection failed its ping; reconnecting");
            slot.conn = None;
        }
        if slot.conn.is_none() {
            slot.conn = Some(DB::Connection::connect_with(&self.options).await?);
        }
        slot.used = Instant::now();
        MutexGuard::try_map(slot, |s| s.conn.as_mut())
            .map_err(|_| StoreError::Unavailable(sqlx::Error::PoolClosed))
    }

    /// The first free slot, else the next one in turn.
    async fn lock(&self) -> MutexGuard<'_, Slot<DB::Connection>> {
        for slot in &self.slots {
            if let Ok(guard) = slot.try_lock() {
                return guard;
            }
        }
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.slots.len();
        self.slots[i].lock().await
    }

    async fn close(&self) {
        self.closed.store(true, Ordering::Release);
        for slot in &self.slots {
            let mut slot = slot.lock().await;
            if let Some(conn) = slot.conn.take() {
                let _ = conn.close().await;
            }
        }
    }
}
