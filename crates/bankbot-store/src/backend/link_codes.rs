//! [`LinkCodeStore`] for every SQL backend.

use chrono::{DateTime, Utc};
use sqlx::{Database, Encode, Executor, FromRow, IntoArguments, Type};

use crate::backend::rows::LinkCodeRow;
use crate::backend::seam::SqlStore;
use crate::backend::sql;
use crate::backend::sweep::sweep;
use crate::time::to_db;
use crate::{LinkCodeStore, PendingLinkCode, StoreResult};

#[async_trait::async_trait]
impl<S> LinkCodeStore for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<String>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
    for<'r> LinkCodeRow: FromRow<'r, <S::Db as Database>::Row>,
{
    async fn save_link_code(&self, code: &PendingLinkCode) -> StoreResult<()> {
        let sealed = self
            .key()
            .seal(code.provider_code.expose(), &code.code_hash)?;
        sqlx::query(sql::INSERT_LINK_CODE)
            .bind(code.code_hash.as_str())
            .bind(code.token_hash.as_str())
            .bind(code.owner.as_ref().map(|u| u.as_str().to_owned()))
            .bind(sealed)
            .bind(to_db(code.created_at))
            .bind(to_db(code.expires_at))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(())
    }

    async fn take_link_code(
        &self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<PendingLinkCode>> {
        let row: Option<LinkCodeRow> = sqlx::query_as(sql::TAKE_LINK_CODE)
            .bind(code_hash)
            .fetch_optional(&mut *self.writer().get().await?)
            .await?;
        match row {
            Some(row) => {
                let code = row.into_code(self.key())?;
                Ok((code.expires_at > now).then_some(code))
            }
            None => Ok(None),
        }
    }

    async fn purge_link_codes(&self, now: DateTime<Utc>) -> StoreResult<u64> {
        sweep(self, sql::PURGE_LINK_CODES, now).await
    }
}
