//! [`ConsentStore`], [`AuditLog`] and [`Store`] for every SQL backend (appends to the
//! audit chain in `audit_append.rs`).

use std::collections::HashMap;

use bankbot_core::UserId;
use chrono::{DateTime, Utc};
use sqlx::{ColumnIndex, Database, Decode, Encode, Executor, FromRow, IntoArguments, Type};

use crate::backend::audit_append::append_audit_on;
use crate::backend::placeholders::list;
use crate::backend::rows::{
    self, AuditRow, ConsentRow, HeldRow, InboxRow, LinkCodeRow, LinkRow, OutboxRow, SessionRow,
    UserConsentRow, UserSessionRow,
};
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::backend::sql;
use crate::time::to_db;
use crate::{
    AuditEntry, AuditLog, AuditRecord, AuditVerification, Backend, Consent, ConsentStore,
    DeletionReport, Store, StoreResult, hash_user_id,
};

#[async_trait::async_trait]
impl<S> ConsentStore for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> bool: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
    for<'r> ConsentRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> UserConsentRow: FromRow<'r, <S::Db as Database>::Row>,
{
    async fn record_consent(
        &self,
        user: &UserId,
        topic: &str,
        granted: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        crate::types::check_label("consent topic", topic)?;
        sqlx::query(sql::INSERT_CONSENT)
            .bind(user.as_str())
            .bind(topic)
            .bind(granted)
            .bind(to_db(at))
            .execute(&mut *self.writer().get().await?)
            .await?;
        Ok(())
    }

    async fn current_consents(&self, user: &UserId) -> StoreResult<Vec<Consent>> {
        let rows: Vec<ConsentRow> = sqlx::query_as(sql::CURRENT_CONSENTS)
            .bind(user.as_str())
            .fetch_all(&mut *self.reader().get().await?)
            .await?;
        rows::convert(rows, |r| r.into_consent())
    }

    async fn consents_of(&self, users: &[UserId]) -> StoreResult<HashMap<UserId, Vec<Consent>>> {
        let mut out: HashMap<_, Vec<_>> = HashMap::new();
        for chunk in users.chunks(200) {
            let text = format!(
                "{}{}{}",
                sql::CURRENT_CONSENTS_OF_USERS_PREFIX,
                list(1, chunk.len()),
                sql::CURRENT_CONSENTS_OF_USERS_SUFFIX
            );
            let mut query = sqlx::query_as(&text);
            for user in chunk {
                query = query.bind(user.as_str());
            }
            let rows: Vec<UserConsentRow> =
                query.fetch_all(&mut *self.reader().get().await?).await?;
            for row in rows {
                let (user, consent) = row.into_pair()?;
                out.entry(user).or_default().push(consent);
            }
        }
        Ok(out)
    }

    async fn consent_history(&self, user: &UserId) -> StoreResult<Vec<Consent>> {
        let rows: Vec<ConsentRow> = sqlx::query_as(sql::CONSENT_HISTORY)
            .bind(user.as_str())
            .fetch_all(&mut *self.reader().get().await?)
            .await?;
        rows::convert(rows, |r| r.into_consent())
    }
}

#[async_trait::async_trait]
impl<S> AuditLog for S
where
    S: SqlStore,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
    for<'q> Option<String>: Decode<'q, S::Db>,
    for<'r> AuditRow: FromRow<'r, <S::Db as Database>::Row>,
{
    async fn append_audit(&self, entry: &AuditEntry) -> StoreResult<AuditRecord> {
        let mut conn = self.writer().get().await?;
        let mut tx = conn.begin().await?;
        let record = append_audit_on::<S>(&mut tx, self, entry).await?;
        tx.commit().await?;
        Ok(record)
    }

    fn hash_user(&self, user: &UserId) -> String {
        hash_user_id(self.key(), user)
    }

    async fn audit_records(&self, after_seq: i64, limit: u32) -> StoreResult<Vec<AuditRecord>> {
        let rows: Vec<AuditRow> = sqlx::query_as(sql::AUDIT_PAGE)
            .bind(after_seq)
            .bind(i64::from(limit))
            .fetch_all(&mut *self.reader().get().await?)
            .await?;
        rows::convert(rows, |r| r.into_record())
    }

    async fn verify_audit(&self) -> StoreResult<AuditVerification> {
        const PAGE: u32 = 500;
        let chain_key = self.key().derive(crate::audit::AUDIT_CHAIN_PURPOSE);
        let boundary: Option<(i64, Option<String>)> = sqlx::query_as(sql::AUDIT_BOUNDARY)
            .fetch_optional(&mut *self.reader().get().await?)
            .await?;
        let legacy_until = crate::audit::trusted_boundary(&chain_key, boundary);
        let mut walker = crate::audit::ChainWalker::new(chain_key, legacy_until);
        loop {
            let page = self.audit_records(walker.last_seq(), PAGE).await?;
            let full = page.len() == PAGE as usize;
            for record in &page {
                if let Some(broken) = walker.check(record) {
                    tracing::warn!(
                        seq = broken.seq,
                        reason = broken.reason,
                        "audit chain broken"
                    );
                    return Ok(walker.finish(Some(broken)));
                }
            }
            if !full {
                return Ok(walker.finish(None));
            }
        }
    }
}

#[async_trait::async_trait]
impl<S> Store for S
where
    S: SqlStore + std::fmt::Debug,
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<String>: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<&'q str>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Decode<'q, S::Db> + Type<S::Db>,
    for<'q> Option<i64>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> bool: Encode<'q, S::Db> + Type<S::Db>,
    usize: ColumnIndex<<S::Db as Database>::Row>,
    for<'r> LinkRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> LinkCodeRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> SessionRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> UserSessionRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> InboxRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> OutboxRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> ConsentRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> UserConsentRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> AuditRow: FromRow<'r, <S::Db as Database>::Row>,
    for<'r> HeldRow: FromRow<'r, <S::Db as Database>::Row>,
{
    fn backend(&self) -> Backend {
        S::BACKEND
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query(sql::PING)
            .execute(&mut *self.reader().get().await?)
            .await?;
        Ok(())
    }

    async fn delete_user(&self, user: &UserId, now: DateTime<Utc>) -> StoreResult<DeletionReport> {
        let mut conn = self.writer().get().await?;
        let mut tx = conn.begin().await?;
        let mut erased = [0u64; 5];
        for (sql, n) in sql::DELETE_USER.iter().zip(erased.iter_mut()) {
            *n = sqlx::query(sql)
                .bind(user.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        for sql in sql::DELETE_USER_ALERTS {
            sqlx::query(sql)
                .bind(user.as_str())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(sql::DELETE_USER_LINK_CODES)
            .bind(user.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(sql::DELETE_USER_EXPORT_TOKENS)
            .bind(user.as_str())
            .execute(&mut *tx)
            .await?;
        let entry = AuditEntry::new(now, Some(user), crate::audit::USER_DATA_DELETED);
        append_audit_on::<S>(&mut tx, self, &entry).await?;
        tx.commit().await?;
        let [links, sessions, consents, inbox, outbox] = erased;
        tracing::info!(actor = %hash_user_id(self.key(), user), "user data deleted");
        Ok(DeletionReport {
            links,
            sessions,
            consents,
            inbox,
            outbox,
        })
    }

    async fn close(&self) {
        self.writer().close().await;
        self.reader().close().await;
    }
}
