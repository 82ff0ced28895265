//! [`LinkStore`] and [`SessionStore`] for every SQL backend (see `seam.rs` for how the
//! implementations are shared).

use std::collections::HashMap;

use bankbot_core::{CustomerRef, UserId};
use chrono::{DateTime, Utc};
use sqlx::{Database, Decode, Encode, Executor, FromRow, IntoArguments, Type};

use crate::backend::placeholders::list;
use crate::backend::rows::{LinkRow, SessionRow, UserSessionRow};
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::backend::sql;
use crate::backend::sweep::sweep;
use crate::time::to_db;
use crate::{Link, LinkStore, Session, SessionStore, StoreResult};

#[async_trait::async_trait]
impl<S> LinkStore for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
    for<'r> LinkRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> (String,): FromRow<'r, <S::Db as Database>::Row>,
{
    async fn save_link(
        &self,
        user: &UserId,
        customer: &CustomerRef,
        credential: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<()> {
        let sealed = self.key().seal(credential, user.as_str())?;
        sqlx::query(sql::UPSERT_LINK)
            .bind(user.as_str())
            .bind(customer.as_str())
            .bind(sealed)
            .bind(to_db(now))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(())
    }

    async fn link(&self, user: &UserId) -> StoreResult<Option<Link>> {
        let row: Option<LinkRow> = sqlx::query_as(sql::SELECT_LINK)
            .bind(user.as_str())
            .fetch_optional(&mut *self.reader().get().await?)
            .await?;
        row.map(|r| r.into_link(self.key())).transpose()
    }

    async fn links_of(&self, users: &[UserId]) -> StoreResult<HashMap<UserId, Link>> {
        let mut out = HashMap::with_capacity(users.len());
        for chunk in users.chunks(200) {
            let text = format!(
                "SELECT user_id, customer_ref, credential, linked_at, \
                 last_authenticated_at FROM links WHERE user_id IN ({})",
                list(1, chunk.len())
            );
            let mut query = sqlx::query_as(&text);
            for user in chunk {
                query = query.bind(user.as_str());
            }
            let rows: Vec<LinkRow> = query.fetch_all(&mut *self.reader().get().await?).await?;
            for row in rows {
                let link = row.into_link(self.key())?;
                out.insert(link.user.clone(), link);
            }
        }
        Ok(out)
    }

    async fn touch_authentication(&self, user: &UserId, now: DateTime<Utc>) -> StoreResult<bool> {
        let done = sqlx::query(sql::TOUCH_LINK)
            .bind(user.as_str())
            .bind(to_db(now))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn renew_credential(&self, user: &UserId, credential: &str) -> StoreResult<bool> {
        let sealed = self.key().seal(credential, user.as_str())?;
        let done = sqlx::query(sql::RENEW_LINK_CREDENTIAL)
            .bind(user.as_str())
            .bind(sealed)
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn remove_link(&self, user: &UserId) -> StoreResult<bool> {
        let mut conn = self.writer().get().await?;
        let mut tx = conn.begin().await?;
        let done = sqlx::query(sql::DELETE_LINK)
            .bind(user.as_str())
            .execute(&mut *tx)
            .await?;
        for sql in sql::DELETE_LINK_LEFTOVERS {
            sqlx::query(sql)
                .bind(user.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn users_for_customer(&self, customer: &CustomerRef) -> StoreResult<Vec<UserId>> {
        let rows: Vec<(String,)> = sqlx::query_as(sql::USERS_FOR_CUSTOMER)
            .bind(customer.as_str())
            .fetch_all(&mut *self.reader().get().await?)
            .await?;
        Ok(rows.into_iter().map(|(u,)| UserId::new(u)).collect())
    }
}

#[async_trait::async_trait]
impl<S> SessionStore for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
    for<'r> SessionRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> UserSessionRow: FromRow<'r, <S::Db as Database>::Row>,
{
    async fn load_session(
        &self,
        user: &UserId,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<Session>> {
        let row: Option<SessionRow> = sqlx::query_as(sql::SELECT_SESSION)
            .bind(user.as_str())
            .bind(to_db(now))
            .fetch_optional(&mut *self.reader().get().await?)
            .await?;
        row.map(|r| r.into_session()).transpose()
    }

    async fn sessions_of(
        &self,
        users: &[UserId],
        now: DateTime<Utc>,
    ) -> StoreResult<HashMap<UserId, Session>> {
        let mut out = HashMap::with_capacity(users.len());
        for chunk in users.chunks(200) {
            let text = format!(
                "SELECT user_id, doc, updated_at, expires_at FROM sessions \
                 WHERE expires_at > $1 AND user_id IN ({})",
                list(2, chunk.len())
            );
            let mut query = sqlx::query_as(&text).bind(to_db(now));
            for user in chunk {
                query = query.bind(user.as_str());
            }
            let rows: Vec<UserSessionRow> =
                query.fetch_all(&mut *self.reader().get().await?).await?;
            for row in rows {
                let (user, session) = row.into_pair()?;
                out.insert(user, session);
            }
        }
        Ok(out)
    }

    async fn save_session(
        &self,
        user: &UserId,
        doc: &serde_json::Value,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(sql::UPSERT_SESSION)
            .bind(user.as_str())
            .bind(doc.to_string())
            .bind(to_db(now))
            .bind(to_db(expires_at))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(())
    }

    async fn delete_session(&self, user: &UserId) -> StoreResult<bool> {
        let done = sqlx::query(sql::DELETE_SESSION)
            .bind(user.as_str())
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn purge_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        sweep(self, sql::PURGE_SESSIONS, now).await
    }
}
