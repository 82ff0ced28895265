//! Multi-row statements (built with `QueryBuilder`, which writes each backend's
//! placeholders): completing a batch of inbox events, marking many messages sent.

macro_rules! batch_helpers {
    ($db:ty) => {
        /// Rows per statement, well under SQLite's bound-variable limit.
        const CHUNK: usize = 200;

        /// Marks processing events done and enqueues their replies, on the caller's open
        /// transaction; `NotClaimed` if any event exists but is not processing (the caller
        /// then drops the transaction, so nothing is applied).
        async fn complete_on(
            conn: &mut <$db as sqlx::Database>::Connection,
            completions: &[$crate::Completion],
            now: chrono::DateTime<chrono::Utc>,
        ) -> $crate::StoreResult<()> {
            for chunk in completions.chunks(CHUNK) {
                let mut qb =
                    sqlx::QueryBuilder::<$db>::new($crate::backend::sql::COMPLETE_EVENTS_PREFIX);
                let mut list = qb.separated(", ");
                for c in chunk {
                    list.push_bind(c.event_id.clone());
                }
                qb.push(") RETURNING event_id");
                let done: Vec<String> = qb.build_query_scalar().fetch_all(&mut *conn).await?;
                let missing: Vec<String> = chunk
                    .iter()
                    .map(|c| c.event_id.clone())
                    .filter(|id| !done.contains(id))
                    .collect();
                if !missing.is_empty() {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "SELECT COUNT(*) FROM inbox WHERE event_id IN (",
                    );
                    let mut list = qb.separated(", ");
                    for id in missing {
                        list.push_bind(id);
                    }
                    qb.push(")");
                    let exists: i64 = qb.build_query_scalar().fetch_one(&mut *conn).await?;
                    if exists > 0 {
                        return Err($crate::StoreError::NotClaimed);
                    }
                    // Erased by delete_user while processed ("delete my data" itself).
                    tracing::debug!("completing inbox events erased while processed");
                }
            }
            let replies: Vec<&$crate::OutboxMessage> =
                completions.iter().flat_map(|c| c.replies.iter()).collect();
            for chunk in replies.chunks(CHUNK) {
                for m in chunk {
                    $crate::types::check_label("messaging type", &m.messaging_type)?;
                }
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO outbox (user_id, messaging_type, payload, created_at, \
                     next_attempt_at) ",
                );
                qb.push_values(chunk, |mut row, m| {
                    row.push_bind(m.user.as_str().to_string())
                        .push_bind(m.messaging_type.clone())
                        .push_bind(m.payload.clone())
                        .push_bind($crate::time::to_db(now))
                        .push_bind(0_i64);
                });
                qb.build().execute(&mut *conn).await?;
            }
            for write in completions.iter().filter_map(|c| c.session.as_ref()) {
                sqlx::query($crate::backend::sql::UPSERT_SESSION)
                    .bind(write.user.as_str())
                    .bind(write.doc.to_string())
                    .bind($crate::time::to_db(now))
                    .bind($crate::time::to_db(write.expires_at))
                    .execute(&mut *conn)
                    .await?;
                if let Some(at) = write.last_inbound {
                    sqlx::query($crate::backend::sql::UPSERT_CONTACT)
                        .bind(write.user.as_str())
                        .bind($crate::time::to_db(at))
                        .execute(&mut *conn)
                        .await?;
                }
            }
            Ok(())
        }

        /// Deletes sent messages that are still claimed; returns how many.
        async fn mark_sent_on(pool: &sqlx::Pool<$db>, ids: &[i64]) -> $crate::StoreResult<u64> {
            let mut deleted = 0;
            for chunk in ids.chunks(CHUNK) {
                let mut qb = sqlx::QueryBuilder::<$db>::new(
                    "DELETE FROM outbox WHERE state = 'sending' AND id IN (",
                );
                let mut list = qb.separated(", ");
                for id in chunk {
                    list.push_bind(*id);
                }
                qb.push(")");
                deleted += qb.build().execute(pool).await?.rows_affected();
            }
            Ok(deleted)
        }
    };
}
pub(crate) use batch_helpers;
