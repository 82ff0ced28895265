//! [`AlertStore`] for every SQL backend (see `seam.rs` for how the implementations are
//! shared).

use std::collections::HashMap;

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, FromRow, IntoArguments, Type};

use crate::backend::batch::insert_events_on;
use crate::backend::placeholders::list;
use crate::backend::rows::HeldRow;
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::backend::sql;
use crate::backend::sweep::sweep;
use crate::time::{from_db, to_db};
use crate::{AlertStore, HeldAlert, InsertOutcome, NewInboxEvent, StoreResult};

#[async_trait::async_trait]
impl<S> AlertStore for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<i64>: Encode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
    for<'r> HeldRow: FromRow<'r, <S::Db as Database>::Row>,
{
    async fn record_inbound(&self, user: &UserId, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(sql::UPSERT_CONTACT)
            .bind(user.as_str())
            .bind(to_db(at))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(())
    }

    async fn last_inbound(&self, user: &UserId) -> StoreResult<Option<DateTime<Utc>>> {
        let row: Option<(i64,)> = sqlx::query_as(sql::SELECT_CONTACT)
            .bind(user.as_str())
            .fetch_optional(&mut *self.reader().get().await?)
            .await?;
        row.map(|(at,)| from_db(at)).transpose()
    }

    async fn purge_contacts(&self, last_inbound_before: DateTime<Utc>) -> StoreResult<u64> {
        sweep(self, sql::PURGE_CONTACTS, last_inbound_before).await
    }

    async fn hold_alert(&self, alert: &HeldAlert) -> StoreResult<()> {
        crate::types::check_label("alert state", &alert.state)?;
        sqlx::query(sql::UPSERT_HELD)
            .bind(alert.alert_id.as_str())
            .bind(alert.user.as_str())
            .bind(alert.state.as_str())
            .bind(alert.payload.as_str())
            .bind(alert.due_at.map(to_db))
            .bind(to_db(alert.created_at))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(())
    }

    async fn held_alert(&self, alert_id: &str, user: &UserId) -> StoreResult<Option<HeldAlert>> {
        let row: Option<HeldRow> = sqlx::query_as(sql::SELECT_HELD)
            .bind(alert_id)
            .bind(user.as_str())
            .fetch_optional(&mut *self.writer().get().await?)
            .await?;
        row.map(HeldRow::into_held).transpose()
    }

    async fn held_alerts(&self, user: &UserId) -> StoreResult<Vec<HeldAlert>> {
        let rows: Vec<HeldRow> = sqlx::query_as(sql::SELECT_HELD_OF_USER)
            .bind(user.as_str())
            .fetch_all(&mut *self.writer().get().await?)
            .await?;
        rows.into_iter().map(HeldRow::into_held).collect()
    }

    async fn held_alerts_of(
        &self,
        users: &[UserId],
    ) -> StoreResult<HashMap<UserId, Vec<HeldAlert>>> {
        let mut out: HashMap<_, Vec<_>> = HashMap::new();
        for chunk in users.chunks(200) {
            let text = format!(
                "{}{}{}",
                sql::SELECT_HELD_OF_USERS_PREFIX,
                list(1, chunk.len()),
                sql::SELECT_HELD_OF_USERS_SUFFIX
            );
            let mut query = sqlx::query_as(&text);
            for user in chunk {
                query = query.bind(user.as_str());
            }
            let rows: Vec<HeldRow> = query.fetch_all(&mut *self.reader().get().await?).await?;
            for row in rows {
                let held = row.into_held()?;
                out.entry(held.user.clone()).or_default().push(held);
            }
        }
        Ok(out)
    }

    async fn due_alerts(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<HeldAlert>> {
        let rows: Vec<HeldRow> = sqlx::query_as(sql::SELECT_DUE_HELD)
            .bind(to_db(now))
            .bind(i64::from(limit))
            .fetch_all(&mut *self.writer().get().await?)
            .await?;
        rows.into_iter().map(HeldRow::into_held).collect()
    }

    async fn remove_alert(&self, alert_id: &str, user: &UserId) -> StoreResult<bool> {
        let done = sqlx::query(sql::DELETE_HELD)
            .bind(alert_id)
            .bind(user.as_str())
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn accept_alert(
        &self,
        alert_id: &str,
        events: &[NewInboxEvent],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Vec<InsertOutcome>>> {
        let mut conn = self.writer().get().await?;
        let mut tx = conn.begin().await?;
        let remembered = sqlx::query(sql::INSERT_ALERT_ID)
            .bind(alert_id)
            .bind(to_db(now))
            .execute(&mut *tx)
            .await?;
        if remembered.rows_affected() == 0 {
            // Already remembered: leave everything as it was.
            tx.rollback().await?;
            return Ok(None);
        }
        let outcomes = insert_events_on::<S>(&mut tx, events).await?;
        tx.commit().await?;
        Ok(Some(outcomes))
    }

    async fn purge_alert_ids(&self, before: DateTime<Utc>) -> StoreResult<u64> {
        sweep(self, sql::PURGE_ALERT_IDS, before).await
    }
}
