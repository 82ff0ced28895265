//! When a connection is pinged before use: only when it sat idle a while
//! ([`PING_AFTER_IDLE`]). The PostgreSQL pool's hook is here; SQLite's held connections
//! (`backend/conn.rs`) use the same threshold. sqlx's default pings on every hand-out, one
//! more round trip per statement (on SQLite two thread hand-offs) for a connection checked
//! a moment before; a connection left idle is still found dead here, not mid-call.

use std::time::Duration;

use sqlx::pool::PoolOptions;
use sqlx::{Connection, Database};

/// How long a connection may sit idle before it is pinged on hand-out.
pub(crate) const PING_AFTER_IDLE: Duration = Duration::from_secs(1);

/// `options` with sqlx's ping on every hand-out replaced by a ping after
/// [`PING_AFTER_IDLE`] idle.
pub(crate) fn ping_when_idle<DB: Database>(options: PoolOptions<DB>) -> PoolOptions<DB> {
    options
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for >= PING_AFTER_IDLE {
                    conn.ping().await?;
                }
                Ok(true)
            })
        })
}
