//! [`LinkStore`](crate::LinkStore) and [`SessionStore`](crate::SessionStore) for a backend.
//!
//! The backends differ only in their sqlx database type, so each area is one macro
//! instantiated by `sqlite.rs` and `postgres.rs`. The store type provides `writer()`,
//! `reader()` (pools) and `key()`.

macro_rules! impl_links_and_sessions {
    ($store:ty, $db:ty) => {
        #[async_trait::async_trait]
        impl $crate::LinkStore for $store {
            async fn save_link(
                &self,
                user: &bankbot_core::UserId,
                customer: &bankbot_core::CustomerRef,
                credential: &str,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<()> {
                let sealed = self.key().seal(credential, user.as_str())?;
                sqlx::query($crate::backend::sql::UPSERT_LINK)
                    .bind(user.as_str())
                    .bind(customer.as_str())
                    .bind(sealed)
                    .bind($crate::time::to_db(now))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn link(
                &self,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<Option<$crate::Link>> {
                let row: Option<$crate::backend::rows::LinkRow> =
                    sqlx::query_as($crate::backend::sql::SELECT_LINK)
                        .bind(user.as_str())
                        .fetch_optional(self.reader())
                        .await?;
                row.map(|r| r.into_link(self.key())).transpose()
            }

            async fn links_of(
                &self,
                users: &[bankbot_core::UserId],
            ) -> $crate::StoreResult<
                std::collections::HashMap<bankbot_core::UserId, $crate::Link>,
            > {
                let mut out = std::collections::HashMap::with_capacity(users.len());
                for chunk in users.chunks(200) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "SELECT user_id, customer_ref, credential, linked_at, \
                         last_authenticated_at FROM links WHERE user_id IN (",
                    );
                    let mut list = qb.separated(", ");
                    for user in chunk {
                        list.push_bind(user.as_str().to_string());
                    }
                    qb.push(")");
                    let rows: Vec<$crate::backend::rows::LinkRow> =
                        qb.build_query_as().fetch_all(self.reader()).await?;
                    for row in rows {
                        let link = row.into_link(self.key())?;
                        out.insert(link.user.clone(), link);
                    }
                }
                Ok(out)
            }

            async fn touch_authentication(
                &self,
                user: &bankbot_core::UserId,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<bool> {
                let done = sqlx::query($crate::backend::sql::TOUCH_LINK)
                    .bind(user.as_str())
                    .bind($crate::time::to_db(now))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected() > 0)
            }

            async fn renew_credential(
                &self,
                user: &bankbot_core::UserId,
                credential: &str,
            ) -> $crate::StoreResult<bool> {
                let sealed = self.key().seal(credential, user.as_str())?;
                let done = sqlx::query($crate::backend::sql::RENEW_LINK_CREDENTIAL)
                    .bind(user.as_str())
                    .bind(sealed)
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected() > 0)
            }

            async fn remove_link(&self, user: &bankbot_core::UserId) -> $crate::StoreResult<bool> {
                let mut tx = self.writer().begin().await?;
                let done = sqlx::query($crate::backend::sql::DELETE_LINK)
                    .bind(user.as_str())
                    .execute(&mut *tx)
                    .await?;
                for sql in $crate::backend::sql::DELETE_LINK_LEFTOVERS {
                    sqlx::query(sql)
                        .bind(user.as_str())
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(done.rows_affected() > 0)
            }

            async fn users_for_customer(
                &self,
                customer: &bankbot_core::CustomerRef,
            ) -> $crate::StoreResult<Vec<bankbot_core::UserId>> {
                let rows: Vec<(String,)> = sqlx::query_as($crate::backend::sql::USERS_FOR_CUSTOMER)
                    .bind(customer.as_str())
                    .fetch_all(self.reader())
                    .await?;
                Ok(rows
                    .into_iter()
                    .map(|(u,)| bankbot_core::UserId::new(u))
                    .collect())
            }
        }

        #[async_trait::async_trait]
        impl $crate::SessionStore for $store {
            async fn load_session(
                &self,
                user: &bankbot_core::UserId,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<Option<$crate::Session>> {
                let row: Option<$crate::backend::rows::SessionRow> =
                    sqlx::query_as($crate::backend::sql::SELECT_SESSION)
                        .bind(user.as_str())
                        .bind($crate::time::to_db(now))
                        .fetch_optional(self.reader())
                        .await?;
                row.map(|r| r.into_session()).transpose()
            }

            async fn sessions_of(
                &self,
                users: &[bankbot_core::UserId],
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<
                std::collections::HashMap<bankbot_core::UserId, $crate::Session>,
            > {
                let mut out = std::collections::HashMap::with_capacity(users.len());
                for chunk in users.chunks(200) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        "SELECT user_id, doc, updated_at, expires_at FROM sessions WHERE expires_at > ",
                    );
                    qb.push_bind($crate::time::to_db(now));
                    qb.push(" AND user_id IN (");
                    let mut list = qb.separated(", ");
                    for user in chunk {
                        list.push_bind(user.as_str().to_string());
                    }
                    qb.push(")");
                    let rows: Vec<$crate::backend::rows::UserSessionRow> =
                        qb.build_query_as().fetch_all(self.reader()).await?;
                    for row in rows {
                        let (user, session) = row.into_pair()?;
                        out.insert(user, session);
                    }
                }
                Ok(out)
            }

            async fn save_session(
                &self,
                user: &bankbot_core::UserId,
                doc: &serde_json::Value,
                now: chrono::DateTime<chrono::Utc>,
                expires_at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<()> {
                sqlx::query($crate::backend::sql::UPSERT_SESSION)
                    .bind(user.as_str())
                    .bind(doc.to_string())
                    .bind($crate::time::to_db(now))
                    .bind($crate::time::to_db(expires_at))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn delete_session(
                &self,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<bool> {
                let done = sqlx::query($crate::backend::sql::DELETE_SESSION)
                    .bind(user.as_str())
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected() > 0)
            }

            async fn purge_expired_sessions(
                &self,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::PURGE_SESSIONS)
                    .bind($crate::time::to_db(now))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }
        }
    };
}
pub(crate) use impl_links_and_sessions;
