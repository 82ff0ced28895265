//! [`AccessStore`] for every SQL backend: what the right of access reads, and the one-time
//! export tokens.

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, IntoArguments, Type};

use crate::backend::seam::SqlStore;
use crate::backend::sql;
use crate::backend::sweep::sweep;
use crate::time::to_db;
use crate::{AccessStore, StoreResult, hash_user_id};

#[async_trait::async_trait]
impl<S> AccessStore for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
{
    async fn pending_messages(&self, user: &UserId) -> StoreResult<u64> {
        let mut total = 0u64;
        for sql in sql::COUNT_USER_PENDING {
            let n: i64 = sqlx::query_scalar(sql)
                .bind(user.as_str())
                .fetch_one(&mut *self.reader().get().await?)
                .await?;
            total += u64::try_from(n).unwrap_or(0);
        }
        Ok(total)
    }

    async fn data_kinds_shown(
        &self,
        user: &UserId,
        since: DateTime<Utc>,
    ) -> StoreResult<Vec<String>> {
        let kinds: Vec<Option<String>> = sqlx::query_scalar(sql::DATA_KINDS_SHOWN)
            .bind(hash_user_id(self.key(), user))
            .bind(crate::audit::DATA_SHOWN)
            .bind(to_db(since))
            .fetch_all(&mut *self.reader().get().await?)
            .await?;
        Ok(kinds.into_iter().flatten().collect())
    }

    async fn save_export_token(
        &self,
        token_hash: &str,
        user: &UserId,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> StoreResult<()> {
        sqlx::query(sql::INSERT_EXPORT_TOKEN)
            .bind(token_hash)
            .bind(user.as_str())
            .bind(to_db(now))
            .bind(to_db(expires_at))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(())
    }

    async fn take_export_token(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<UserId>> {
        let row: Option<(String, i64)> = sqlx::query_as(sql::TAKE_EXPORT_TOKEN)
            .bind(token_hash)
            .fetch_optional(&mut *self.writer().get().await?)
            .await?;
        Ok(row.and_then(|(user, expires_at)| (to_db(now) < expires_at).then(|| UserId::new(user))))
    }

    async fn purge_export_tokens(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        sweep(self, sql::PURGE_EXPORT_TOKENS, now).await
    }
}
