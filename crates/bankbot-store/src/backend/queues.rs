//! [`Inbox`](crate::Inbox) and [`Outbox`](crate::Outbox) for a backend. The claim
//! statements come from the backend's `dialect` module (`CLAIM_INBOX`, `CLAIM_OUTBOX`).

macro_rules! impl_queues {
    ($store:ty, $db:ty, $dialect:ident) => {
        $crate::backend::batch_helpers!($db);

        /// Inserts messages (sealed) on an open connection (inside the caller's transaction).
        async fn enqueue_on(
            conn: &mut <$db as sqlx::Database>::Connection,
            key: &$crate::EncryptionKey,
            messages: &[$crate::OutboxMessage],
            now: chrono::DateTime<chrono::Utc>,
        ) -> $crate::StoreResult<Vec<i64>> {
            let mut ids = Vec::with_capacity(messages.len());
            for m in messages {
                let label = $crate::types::label_text(&m.label)?;
                let sealed =
                    key.seal(&m.payload, &$crate::crypto::outbox_context(m.user.as_str()))?;
                let id: i64 = sqlx::query_scalar($crate::backend::sql::INSERT_OUTBOX)
                    .bind(m.user.as_str())
                    .bind(label)
                    .bind(sealed)
                    .bind($crate::time::to_db(now))
                    .fetch_one(&mut *conn)
                    .await?;
                ids.push(id);
            }
            Ok(ids)
        }

        /// Runs a state change that must hit exactly one row claimed under `fence`.
        async fn claimed_update(
            pool: &sqlx::Pool<$db>,
            sql: &'static str,
            id: impl sqlx::Encode<'static, $db> + sqlx::Type<$db> + Send + 'static,
            fence: $crate::Fence,
            arg: Option<i64>,
            reason: &str,
        ) -> $crate::StoreResult<()> {
            $crate::types::check_label("reason", reason)?;
            let mut query = sqlx::query(sql).bind(id).bind(fence.get());
            if let Some(arg) = arg {
                query = query.bind(arg);
            }
            let done = query.bind(reason.to_string()).execute(pool).await?;
            if done.rows_affected() == 0 {
                return Err($crate::StoreError::NotClaimed);
            }
            Ok(())
        }

        async fn counts(
            pool: &sqlx::Pool<$db>,
            sql: &'static str,
        ) -> $crate::StoreResult<$crate::QueueCounts> {
            let rows: Vec<(String, i64)> = sqlx::query_as(sql).fetch_all(pool).await?;
            Ok($crate::backend::rows::queue_counts(rows))
        }

        #[async_trait::async_trait]
        impl $crate::Inbox for $store {
            async fn insert_events(
                &self,
                events: &[$crate::NewInboxEvent],
            ) -> $crate::StoreResult<Vec<$crate::InsertOutcome>> {
                // One statement commits on its own: skip BEGIN/COMMIT when one will do.
                if events.len() <= CHUNK {
                    let mut conn = self.writer().acquire().await?;
                    return insert_events_on(&mut conn, events).await;
                }
                let mut tx = self.writer().begin().await?;
                let outcomes = insert_events_on(&mut tx, events).await?;
                tx.commit().await?;
                Ok(outcomes)
            }

            async fn claim_events(
                &self,
                now: chrono::DateTime<chrono::Utc>,
                limit: u32,
            ) -> $crate::StoreResult<Vec<$crate::InboxEvent>> {
                let rows: Vec<$crate::backend::rows::InboxRow> =
                    sqlx::query_as($dialect::CLAIM_INBOX)
                        .bind($crate::time::to_db(now))
                        .bind(i64::from(limit))
                        .fetch_all(self.writer())
                        .await?;
                let mut events = $crate::backend::rows::convert(rows, |r| r.into_event())?;
                events.sort_by_key(|e| e.seq);
                Ok(events)
            }

            async fn complete_events(
                &self,
                completions: Vec<$crate::Completion>,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<Vec<String>> {
                let mut tx = self.writer().begin().await?;
                let lost = complete_on(&mut tx, self.key(), &completions, now).await?;
                tx.commit().await?;
                Ok(lost)
            }

            async fn fail_event(
                &self,
                event_id: &str,
                fence: $crate::Fence,
                reason: &str,
                retry_at: Option<chrono::DateTime<chrono::Utc>>,
            ) -> $crate::StoreResult<()> {
                let (sql, at) = match retry_at {
                    Some(at) => (
                        $crate::backend::sql::RETRY_EVENT,
                        Some($crate::time::to_db(at)),
                    ),
                    None => ($crate::backend::sql::FAIL_EVENT, None),
                };
                let id = event_id.to_string();
                claimed_update(self.writer(), sql, id, fence, at, reason).await
            }

            async fn recover_processing(
                &self,
                claimed_before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::RECOVER_INBOX)
                    .bind($crate::time::to_db(claimed_before))
                    .execute(self.writer())
                    .await?;
                if done.rows_affected() > 0 {
                    tracing::info!(events = done.rows_affected(), "recovered inbox events");
                }
                Ok(done.rows_affected())
            }

            async fn purge_inbox(
                &self,
                before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::PURGE_INBOX)
                    .bind($crate::time::to_db(before))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }

            async fn inbox_counts(&self) -> $crate::StoreResult<$crate::QueueCounts> {
                counts(self.reader(), $crate::backend::sql::INBOX_COUNTS).await
            }
        }

        #[async_trait::async_trait]
        impl $crate::Outbox for $store {
            async fn enqueue(
                &self,
                messages: Vec<$crate::OutboxMessage>,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<Vec<i64>> {
                let mut tx = self.writer().begin().await?;
                let ids = enqueue_on(&mut tx, self.key(), &messages, now).await?;
                tx.commit().await?;
                Ok(ids)
            }

            async fn claim_due(
                &self,
                now: chrono::DateTime<chrono::Utc>,
                limit: u32,
            ) -> $crate::StoreResult<Vec<$crate::OutboxEntry>> {
                let rows: Vec<$crate::backend::rows::OutboxRow> =
                    sqlx::query_as($dialect::CLAIM_OUTBOX)
                        .bind($crate::time::to_db(now))
                        .bind(i64::from(limit))
                        .fetch_all(self.writer())
                        .await?;
                let mut entries =
                    $crate::backend::rows::convert(rows, |r| r.into_entry(self.key()))?;
                entries.sort_by_key(|e| e.id);
                Ok(entries)
            }

            async fn mark_sent(&self, claim: $crate::OutboxClaim) -> $crate::StoreResult<()> {
                if mark_sent_on(self.writer(), &[claim]).await? == 0 {
                    return Err($crate::StoreError::NotClaimed);
                }
                Ok(())
            }

            async fn mark_sent_many(
                &self,
                claims: &[$crate::OutboxClaim],
            ) -> $crate::StoreResult<u64> {
                mark_sent_on(self.writer(), claims).await
            }

            async fn mark_sent_held(
                &self,
                claims: &[$crate::OutboxClaim],
            ) -> $crate::StoreResult<Vec<i64>> {
                let mut held = Vec::with_capacity(claims.len());
                for chunk in claims.chunks(CHUNK) {
                    let mut qb =
                        sqlx::QueryBuilder::<$db>::new($crate::backend::sql::MARK_SENT_PREFIX);
                    push_claims(&mut qb, chunk.iter().map(|c| (c.id, c.fence.get())));
                    qb.push(") RETURNING id");
                    let ids: Vec<i64> = qb.build_query_scalar().fetch_all(self.writer()).await?;
                    held.extend(ids);
                }
                Ok(held)
            }

            async fn reschedule(
                &self,
                claim: $crate::OutboxClaim,
                next_attempt_at: chrono::DateTime<chrono::Utc>,
                reason: &str,
            ) -> $crate::StoreResult<()> {
                let at = Some($crate::time::to_db(next_attempt_at));
                let sql = $crate::backend::sql::RESCHEDULE_OUTBOX;
                claimed_update(self.writer(), sql, claim.id, claim.fence, at, reason).await
            }

            async fn give_up(
                &self,
                claim: $crate::OutboxClaim,
                reason: &str,
            ) -> $crate::StoreResult<()> {
                let sql = $crate::backend::sql::GIVE_UP_OUTBOX;
                claimed_update(self.writer(), sql, claim.id, claim.fence, None, reason).await
            }

            async fn recover_sending(
                &self,
                claimed_before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::RECOVER_OUTBOX)
                    .bind($crate::time::to_db(claimed_before))
                    .execute(self.writer())
                    .await?;
                if done.rows_affected() > 0 {
                    tracing::info!(messages = done.rows_affected(), "recovered outbox messages");
                }
                Ok(done.rows_affected())
            }

            async fn requeue_dead(
                &self,
                user: &bankbot_core::UserId,
                label_prefix: &str,
                new_label: &bankbot_core::OutboxLabel,
                created_since: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                $crate::types::check_label("label prefix", label_prefix)?;
                let new_label = $crate::types::label_text(new_label)?;
                let done = sqlx::query($crate::backend::sql::REQUEUE_DEAD_OUTBOX)
                    .bind(user.as_str())
                    .bind(label_prefix)
                    .bind(new_label)
                    .bind($crate::time::to_db(created_since))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }

            async fn users_with_dead(
                &self,
                users: &[bankbot_core::UserId],
                label_prefix: &str,
                created_since: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<std::collections::HashSet<bankbot_core::UserId>> {
                let mut out = std::collections::HashSet::new();
                for chunk in users.chunks(200) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        $crate::backend::sql::USERS_WITH_DEAD_PREFIX,
                    );
                    qb.push_bind(label_prefix.to_string());
                    qb.push(")) = ");
                    qb.push_bind(label_prefix.to_string());
                    qb.push(" AND created_at >= ");
                    qb.push_bind($crate::time::to_db(created_since));
                    qb.push(" AND user_id IN (");
                    let mut list = qb.separated(", ");
                    for user in chunk {
                        list.push_bind(user.as_str().to_string());
                    }
                    qb.push(")");
                    let rows: Vec<(String,)> = qb.build_query_as().fetch_all(self.reader()).await?;
                    out.extend(rows.into_iter().map(|(u,)| bankbot_core::UserId::new(u)));
                }
                Ok(out)
            }

            async fn purge_dead(
                &self,
                created_before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::PURGE_DEAD_OUTBOX)
                    .bind($crate::time::to_db(created_before))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }

            async fn outbox_counts(&self) -> $crate::StoreResult<$crate::QueueCounts> {
                counts(self.reader(), $crate::backend::sql::OUTBOX_COUNTS).await
            }
        }
    };
}
pub(crate) use impl_queues;
