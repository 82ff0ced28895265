//! [`LinkCodeStore`](crate::LinkCodeStore) for a backend (see `links.rs` for the pattern).

macro_rules! impl_link_codes {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::LinkCodeStore for $store {
            async fn save_link_code(
                &self,
                code: &$crate::PendingLinkCode,
            ) -> $crate::StoreResult<()> {
                let sealed = self
                    .key()
                    .seal(code.provider_code.expose(), &code.code_hash)?;
                sqlx::query($crate::backend::sql::INSERT_LINK_CODE)
                    .bind(code.code_hash.as_str())
                    .bind(code.token_hash.as_str())
                    .bind(code.owner.as_ref().map(|u| u.as_str().to_owned()))
                    .bind(sealed)
                    .bind($crate::time::to_db(code.created_at))
                    .bind($crate::time::to_db(code.expires_at))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn take_link_code(
                &self,
                code_hash: &str,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<Option<$crate::PendingLinkCode>> {
                let row: Option<$crate::backend::rows::LinkCodeRow> =
                    sqlx::query_as($crate::backend::sql::TAKE_LINK_CODE)
                        .bind(code_hash)
                        .fetch_optional(self.writer())
                        .await?;
                match row {
                    Some(row) => {
                        let code = row.into_code(self.key())?;
                        Ok((code.expires_at > now).then_some(code))
                    }
                    None => Ok(None),
                }
            }

            async fn purge_link_codes(
                &self,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<u64> {
                let done = sqlx::query($crate::backend::sql::PURGE_LINK_CODES)
                    .bind($crate::time::to_db(now))
                    .execute(self.writer())
                    .await?;
                Ok(done.rows_affected())
            }
        }
    };
}
pub(crate) use impl_link_codes;
