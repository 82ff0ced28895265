//! [`AccessStore`](crate::AccessStore) for a backend: what the right of access reads, and
//! the one-time export tokens.

macro_rules! impl_access {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::AccessStore for $store {
            async fn pending_messages(
                &self,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<u64> {
                let mut total = 0u64;
                for sql in $crate::backend::sql::COUNT_USER_PENDING {
                    let n: i64 = sqlx::query_scalar(sql)
                        .bind(user.as_str())
                        .fetch_one(self.reader())
                        .await?;
                    total += u64::try_from(n).unwrap_or(0);
                }
                Ok(total)
            }

            async fn data_kinds_shown(
                &self,
                user: &bankbot_core::UserId,
                since: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<Vec<String>> {
                let kinds: Vec<Option<String>> =
                    sqlx::query_scalar($crate::backend::sql::DATA_KINDS_SHOWN)
                        .bind($crate::hash_user_id(self.key(), user))
                        .bind($crate::audit::DATA_SHOWN)
                        .bind($crate::time::to_db(since))
                        .fetch_all(self.reader())
                        .await?;
                Ok(kinds.into_iter().flatten().collect())
            }

            async fn save_export_token(
                &self,
                token_hash: &str,
                user: &bankbot_core::UserId,
                now: chrono::DateTime<chrono::Utc>,
                expires_at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<()> {
                sqlx::query($crate::backend::sql::INSERT_EXPORT_TOKEN)
                    .bind(token_hash)
                    .bind(user.as_str())
                    .bind($crate::time::to_db(now))
                    .bind($crate::time::to_db(expires_at))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn take_export_token(
                &self,
                token_hash: &str,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<Option<bankbot_core::UserId>> {
                let row: Option<(String, i64)> =
                    sqlx::query_as($crate::backend::sql::TAKE_EXPORT_TOKEN)
                        .bind(token_hash)
                        .fetch_optional(self.writer())
                        .await?;
                Ok(row.and_then(|(user, expires_at)| {
                    ($crate::time::to_db(now) < expires_at).then(|| bankbot_core::UserId::new(user))
                }))
            }

            async fn purge_export_tokens(
                &self,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::PURGE_EXPORT_TOKENS)
                    .bind($crate::time::to_db(now))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }
        }
    };
}
pub(crate) use impl_access;
