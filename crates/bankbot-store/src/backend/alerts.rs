//! [`AlertStore`](crate::AlertStore) for a backend (see `links.rs` for the pattern).

macro_rules! impl_alerts {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::AlertStore for $store {
            async fn record_inbound(
                &self,
                user: &bankbot_core::UserId,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<()> {
                sqlx::query($crate::backend::sql::UPSERT_CONTACT)
                    .bind(user.as_str())
                    .bind($crate::time::to_db(at))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn last_inbound(
                &self,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<Option<chrono::DateTime<chrono::Utc>>> {
                let row: Option<(i64,)> = sqlx::query_as($crate::backend::sql::SELECT_CONTACT)
                    .bind(user.as_str())
                    .fetch_optional(self.reader())
                    .await?;
                row.map(|(at,)| $crate::time::from_db(at)).transpose()
            }

            async fn purge_contacts(
                &self,
                last_inbound_before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::PURGE_CONTACTS)
                    .bind($crate::time::to_db(last_inbound_before))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }

            async fn hold_alert(&self, alert: &$crate::HeldAlert) -> $crate::StoreResult<()> {
                $crate::types::check_label("alert state", &alert.state)?;
                sqlx::query($crate::backend::sql::UPSERT_HELD)
                    .bind(alert.alert_id.as_str())
                    .bind(alert.user.as_str())
                    .bind(alert.state.as_str())
                    .bind(alert.payload.as_str())
                    .bind(alert.due_at.map($crate::time::to_db))
                    .bind($crate::time::to_db(alert.created_at))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn held_alert(
                &self,
                alert_id: &str,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<Option<$crate::HeldAlert>> {
                let row: Option<HeldRow> = sqlx::query_as($crate::backend::sql::SELECT_HELD)
                    .bind(alert_id)
                    .bind(user.as_str())
                    .fetch_optional(self.writer())
                    .await?;
                row.map(HeldRow::into_held).transpose()
            }

            async fn held_alerts(
                &self,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<Vec<$crate::HeldAlert>> {
                let rows: Vec<HeldRow> = sqlx::query_as($crate::backend::sql::SELECT_HELD_OF_USER)
                    .bind(user.as_str())
                    .fetch_all(self.writer())
                    .await?;
                rows.into_iter().map(HeldRow::into_held).collect()
            }

            async fn held_alerts_of(
                &self,
                users: &[bankbot_core::UserId],
            ) -> $crate::StoreResult<
                std::collections::HashMap<bankbot_core::UserId, Vec<$crate::HeldAlert>>,
            > {
                let mut out: std::collections::HashMap<_, Vec<_>> =
                    std::collections::HashMap::new();
                for chunk in users.chunks(200) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        $crate::backend::sql::SELECT_HELD_OF_USERS_PREFIX,
                    );
                    let mut list = qb.separated(", ");
                    for user in chunk {
                        list.push_bind(user.as_str().to_string());
                    }
                    qb.push($crate::backend::sql::SELECT_HELD_OF_USERS_SUFFIX);
                    let rows: Vec<HeldRow> = qb.build_query_as().fetch_all(self.reader()).await?;
                    for row in rows {
                        let held = row.into_held()?;
                        out.entry(held.user.clone()).or_default().push(held);
                    }
                }
                Ok(out)
            }

            async fn due_alerts(
                &self,
                now: chrono::DateTime<chrono::Utc>,
                limit: u32,
            ) -> $crate::StoreResult<Vec<$crate::HeldAlert>> {
                let rows: Vec<HeldRow> = sqlx::query_as($crate::backend::sql::SELECT_DUE_HELD)
                    .bind($crate::time::to_db(now))
                    .bind(i64::from(limit))
                    .fetch_all(self.writer())
                    .await?;
                rows.into_iter().map(HeldRow::into_held).collect()
            }

            async fn remove_alert(
                &self,
                alert_id: &str,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<bool> {
                let done = sqlx::query($crate::backend::sql::DELETE_HELD)
                    .bind(alert_id)
                    .bind(user.as_str())
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected() > 0)
            }

            async fn accept_alert(
                &self,
                alert_id: &str,
                events: &[$crate::NewInboxEvent],
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<Option<Vec<$crate::InsertOutcome>>> {
                let mut tx = self.writer().begin().await?;
                let remembered = sqlx::query($crate::backend::sql::INSERT_ALERT_ID)
                    .bind(alert_id)
                    .bind($crate::time::to_db(now))
                    .execute(&mut *tx)
                    .await?;
                if remembered.rows_affected() == 0 {
                    // Already remembered: leave everything as it was.
                    tx.rollback().await?;
                    return Ok(None);
                }
                // `insert_events_on` comes from `impl_queues!` (via `batch_helpers!`),
                // expanded in the same backend module.
                let outcomes = insert_events_on(&mut tx, events).await?;
                tx.commit().await?;
                Ok(Some(outcomes))
            }

            async fn purge_alert_ids(
                &self,
                before: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::PURGE_ALERT_IDS)
                    .bind($crate::time::to_db(before))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }
        }

        /// A `held_alerts` row.
        #[derive(sqlx::FromRow)]
        struct HeldRow {
            alert_id: String,
            user_id: String,
            state: String,
            payload: String,
            due_at: Option<i64>,
            created_at: i64,
        }

        impl HeldRow {
            fn into_held(self) -> $crate::StoreResult<$crate::HeldAlert> {
                Ok($crate::HeldAlert {
                    alert_id: self.alert_id,
                    user: bankbot_core::UserId::new(self.user_id),
                    state: self.state,
                    payload: self.payload,
                    due_at: self.due_at.map($crate::time::from_db).transpose()?,
                    created_at: $crate::time::from_db(self.created_at)?,
                })
            }
        }
    };
}
pub(crate) use impl_alerts;
