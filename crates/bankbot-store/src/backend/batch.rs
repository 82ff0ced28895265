//! Multi-row statements (built with `QueryBuilder`, which writes each backend's
//! placeholders): completing a batch of inbox events, marking many messages sent.

macro_rules! batch_helpers {
    ($db:ty) => {
        /// Rows per statement, well under SQLite's bound-variable limit.
        const CHUNK: usize = 200;

        /// Marks processing events done, enqueues their replies, saves the sessions and
        /// appends the audit entries (one chained append for the batch), on the caller's open
        /// transaction, for the completions whose claim (event id and fence) still holds;
        /// returns the ids of the others (claim lost: their results are dropped). An event
        /// erased meanwhile by `delete_user` counts as held (its replies are enqueued).
        async fn complete_on(
            conn: &mut <$db as sqlx::Database>::Connection,
            key: &$crate::EncryptionKey,
            completions: &[$crate::Completion],
            now: chrono::DateTime<chrono::Utc>,
        ) -> $crate::StoreResult<Vec<String>> {
            let mut lost: Vec<String> = Vec::new();
            for chunk in completions.chunks(CHUNK) {
                let mut qb =
                    sqlx::QueryBuilder::<$db>::new($crate::backend::sql::COMPLETE_EVENTS_PREFIX);
                push_claims(
                    &mut qb,
                    chunk.iter().map(|c| (c.event_id.clone(), c.fence.get())),
                );
                qb.push(") RETURNING event_id");
                let done: Vec<String> = qb.build_query_scalar().fetch_all(&mut *conn).await?;
                let missing: Vec<String> = chunk
                    .iter()
                    .map(|c| c.event_id.clone())
                    .filter(|id| !done.contains(id))
                    .collect();
                if !missing.is_empty() {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "SELECT event_id FROM inbox WHERE event_id IN (",
                    );
                    let mut list = qb.separated(", ");
                    for id in &missing {
                        list.push_bind(id.clone());
                    }
                    qb.push(")");
                    let present: Vec<String> =
                        qb.build_query_scalar().fetch_all(&mut *conn).await?;
                    if present.len() < missing.len() {
                        // Erased by delete_user while processed ("delete my data" itself).
                        tracing::debug!("completing inbox events erased while processed");
                    }
                    lost.extend(missing.into_iter().filter(|id| present.contains(id)));
                }
            }
            let kept: Vec<&$crate::Completion> = completions
                .iter()
                .filter(|c| !lost.contains(&c.event_id))
                .collect();
            let replies: Vec<&$crate::OutboxMessage> =
                kept.iter().flat_map(|c| c.replies.iter()).collect();
            for chunk in replies.chunks(CHUNK) {
                let mut sealed = Vec::with_capacity(chunk.len());
                for m in chunk {
                    let label = $crate::types::label_text(&m.label)?;
                    let context = $crate::crypto::outbox_context(m.user.as_str());
                    sealed.push((*m, label, key.seal(&m.payload, &context)?));
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO outbox (user_id, messaging_type, payload, sealed, created_at, \
                     next_attempt_at) ",
                );
                qb.push_values(sealed, |mut row, (m, label, blob)| {
                    row.push_bind(m.user.as_str().to_string())
                        .push_bind(label)
                        .push_bind(String::new())
                        .push_bind(blob)
                        .push_bind($crate::time::to_db(now))
                        .push_bind(0_i64);
                });
                qb.build().execute(&mut *conn).await?;
            }
            // One session and one contact row per user (a batch holds distinct users; the
            // last write wins if not), each kind in multi-row upserts.
            let mut writes: Vec<&$crate::SessionWrite> = Vec::new();
            for write in kept.iter().filter_map(|c| c.session.as_ref()) {
                writes.retain(|w| w.user != write.user);
                writes.push(write);
            }
            for chunk in writes.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO sessions (user_id, doc, updated_at, expires_at) ",
                );
                qb.push_values(chunk, |mut row, w| {
                    row.push_bind(w.user.as_str().to_string())
                        .push_bind(w.doc.to_string())
                        .push_bind($crate::time::to_db(now))
                        .push_bind($crate::time::to_db(w.expires_at));
                });
                qb.push(
                    " ON CONFLICT (user_id) DO UPDATE SET doc = excluded.doc, \
                     updated_at = excluded.updated_at, expires_at = excluded.expires_at",
                );
                qb.build().execute(&mut *conn).await?;
            }
            let contacts: Vec<(&bankbot_core::UserId, chrono::DateTime<chrono::Utc>)> = writes
                .iter()
                .filter_map(|w| w.last_inbound.map(|at| (&w.user, at)))
                .collect();
            for chunk in contacts.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO alert_contacts (user_id, last_inbound_at) ",
                );
                qb.push_values(chunk, |mut row, (user, at)| {
                    row.push_bind(user.as_str().to_string())
                        .push_bind($crate::time::to_db(*at));
                });
                qb.push(
                    " ON CONFLICT (user_id) DO UPDATE SET \
                     last_inbound_at = excluded.last_inbound_at",
                );
                qb.build().execute(&mut *conn).await?;
            }
            // Last, so the audit append lock (PostgreSQL) is held only until the commit.
            let audit: Vec<$crate::AuditEntry> =
                kept.iter().flat_map(|c| c.audit.iter().cloned()).collect();
            append_audits_on(&mut *conn, key, &audit).await?;
            Ok(lost)
        }

        /// Appends `(key, fence), …` (the body of an `IN (VALUES …)` list) to `qb`.
        fn push_claims<'q, K>(
            qb: &mut sqlx::QueryBuilder<'q, $db>,
            claims: impl Iterator<Item = (K, i64)>,
        ) where
            K: 'q + sqlx::Encode<'q, $db> + sqlx::Type<$db> + Send,
        {
            for (n, (key, fence)) in claims.enumerate() {
                if n > 0 {
                    qb.push(", ");
                }
                qb.push("(");
                qb.push_bind(key);
                qb.push(", ");
                qb.push_bind(fence);
                qb.push(")");
            }
        }

        /// Inserts inbox events in multi-row statements on `conn`: `Inserted` for the first
        /// occurrence of each new id, `Duplicate` for the rest.
        async fn insert_events_on(
            conn: &mut <$db as sqlx::Database>::Connection,
            events: &[$crate::NewInboxEvent],
        ) -> $crate::StoreResult<Vec<$crate::InsertOutcome>> {
            let mut outcomes = Vec::with_capacity(events.len());
            for chunk in events.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO inbox \
                     (event_id, user_id, payload, received_at, event_at, next_attempt_at) ",
                );
                qb.push_values(chunk, |mut row, e| {
                    let event_at = e.sent_at.unwrap_or(e.received_at);
                    row.push_bind(e.event_id.clone())
                        .push_bind(e.user.as_str().to_string())
                        .push_bind(e.payload.clone())
                        .push_bind($crate::time::to_db(e.received_at))
                        .push_bind($crate::time::to_db(event_at))
                        .push_bind(0_i64);
                });
                qb.push(" ON CONFLICT (event_id) DO NOTHING RETURNING event_id");
                let inserted: Vec<String> = qb.build_query_scalar().fetch_all(&mut *conn).await?;
                let mut fresh: std::collections::HashSet<String> = inserted.into_iter().collect();
                for e in chunk {
                    outcomes.push(if fresh.remove(&e.event_id) {
                        $crate::InsertOutcome::Inserted
                    } else {
                        $crate::InsertOutcome::Duplicate
                    });
                }
            }
            Ok(outcomes)
        }

        /// Deletes sent messages that are still claimed under these fences; returns how many.
        async fn mark_sent_on(
            pool: &sqlx::Pool<$db>,
            claims: &[$crate::OutboxClaim],
        ) -> $crate::StoreResult<u64> {
            let mut deleted = 0;
            for chunk in claims.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::<$db>::new($crate::backend::sql::MARK_SENT_PREFIX);
                push_claims(&mut qb, chunk.iter().map(|c| (c.id, c.fence.get())));
                qb.push(")");
                deleted += qb.build().execute(pool).await?.rows_affected();
            }
            Ok(deleted)
        }
    };
}
pub(crate) use batch_helpers;
