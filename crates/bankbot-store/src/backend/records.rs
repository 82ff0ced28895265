//! [`ConsentStore`](crate::ConsentStore), [`AuditLog`](crate::AuditLog) and
//! [`Store`](crate::Store) for a backend. The backend's `dialect` module gives
//! `AUDIT_LOCK` (a statement serialising appends, if the backend needs one) and `BACKEND`.

macro_rules! impl_records {
    ($store:ty, $db:ty, $dialect:ident) => {
        /// Appends an audit record on an open transaction.
        async fn append_audit_on(
            conn: &mut <$db as sqlx::Database>::Connection,
            key: &$crate::EncryptionKey,
            entry: &$crate::AuditEntry,
        ) -> $crate::StoreResult<$crate::AuditRecord> {
            let mut records =
                append_audits_on(conn, key, std::slice::from_ref(entry)).await?;
            records.pop().ok_or_else(|| {
                $crate::StoreError::Corrupt("an audit append returned no record".to_owned())
            })
        }

        /// Appends `entries` to the audit chain, in order, on an open transaction: the
        /// append lock (where the backend needs one) is taken and the chain's head read once
        /// for the whole batch, each record is chained to the one before it exactly as a
        /// single append would, and the records go in multi-row inserts. Used by
        /// `complete_events`, so a batch of turns costs one append, not one per turn.
        async fn append_audits_on(
            conn: &mut <$db as sqlx::Database>::Connection,
            key: &$crate::EncryptionKey,
            entries: &[$crate::AuditEntry],
        ) -> $crate::StoreResult<Vec<$crate::AuditRecord>> {
            if entries.is_empty() {
                return Ok(Vec::new());
            }
            for entry in entries {
                entry.validate()?;
            }
            if let Some(lock) = $dialect::AUDIT_LOCK {
                sqlx::query(lock).execute(&mut *conn).await?;
            }
            let head: Option<(i64, String)> = sqlx::query_as($crate::backend::sql::AUDIT_HEAD)
                .fetch_optional(&mut *conn)
                .await?;
            let (mut prev_seq, mut prev_hash) =
                head.unwrap_or((0, $crate::audit::GENESIS_HASH.to_string()));
            let chain_key = key.derive($crate::audit::AUDIT_CHAIN_PURPOSE);
            let mut records = Vec::with_capacity(entries.len());
            for entry in entries {
                let seq = prev_seq + 1;
                let at = $crate::time::to_db(entry.at);
                let actor = entry.user.as_ref().map(|u| $crate::hash_user_id(key, u));
                let hash = $crate::audit::chain_hash(
                    Some(&chain_key),
                    &prev_hash,
                    seq,
                    at,
                    actor.as_deref(),
                    &entry.action,
                    entry.data_kind.as_deref(),
                );
                records.push($crate::AuditRecord {
                    seq,
                    at: $crate::time::from_db(at)?,
                    actor,
                    action: entry.action.clone(),
                    data_kind: entry.data_kind.clone(),
                    prev_hash: std::mem::replace(&mut prev_hash, hash.clone()),
                    hash,
                });
                prev_seq = seq;
            }
            // Rows per statement: 7 binds each, well under SQLite's variable limit.
            for chunk in records.chunks(100) {
                let mut qb = sqlx::QueryBuilder::<$db>::new($crate::backend::sql::INSERT_AUDITS_PREFIX);
                qb.push_values(chunk, |mut row, r| {
                    row.push_bind(r.seq)
                        .push_bind($crate::time::to_db(r.at))
                        .push_bind(r.actor.clone())
                        .push_bind(r.action.clone())
                        .push_bind(r.data_kind.clone())
                        .push_bind(r.prev_hash.clone())
                        .push_bind(r.hash.clone());
                });
                qb.build().execute(&mut *conn).await?;
            }
            Ok(records)
        }

        #[async_trait::async_trait]
        impl $crate::ConsentStore for $store {
            async fn record_consent(
                &self,
                user: &bankbot_core::UserId,
                topic: &str,
                granted: bool,
                at: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<()> {
                $crate::types::check_label("consent topic", topic)?;
                sqlx::query($crate::backend::sql::INSERT_CONSENT)
                    .bind(user.as_str())
                    .bind(topic)
                    .bind(granted)
                    .bind($crate::time::to_db(at))
                    .execute(self.writer())
                    .await?;
                Ok(())
            }

            async fn current_consents(
                &self,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<Vec<$crate::Consent>> {
                let rows: Vec<$crate::backend::rows::ConsentRow> =
                    sqlx::query_as($crate::backend::sql::CURRENT_CONSENTS)
                        .bind(user.as_str())
                        .fetch_all(self.reader())
                        .await?;
                $crate::backend::rows::convert(rows, |r| r.into_consent())
            }

            async fn consents_of(
                &self,
                users: &[bankbot_core::UserId],
            ) -> $crate::StoreResult<
                std::collections::HashMap<bankbot_core::UserId, Vec<$crate::Consent>>,
            > {
                let mut out: std::collections::HashMap<_, Vec<_>> =
                    std::collections::HashMap::new();
                for chunk in users.chunks(200) {
                    let mut qb = sqlx::QueryBuilder::<$db>::new(
                        $crate::backend::sql::CURRENT_CONSENTS_OF_USERS_PREFIX,
                    );
                    let mut list = qb.separated(", ");
                    for user in chunk {
                        list.push_bind(user.as_str().to_string());
                    }
                    qb.push($crate::backend::sql::CURRENT_CONSENTS_OF_USERS_SUFFIX);
                    let rows: Vec<$crate::backend::rows::UserConsentRow> =
                        qb.build_query_as().fetch_all(self.reader()).await?;
                    for row in rows {
                        let (user, consent) = row.into_pair()?;
                        out.entry(user).or_default().push(consent);
                    }
                }
                Ok(out)
            }

            async fn consent_history(
                &self,
                user: &bankbot_core::UserId,
            ) -> $crate::StoreResult<Vec<$crate::Consent>> {
                let rows: Vec<$crate::backend::rows::ConsentRow> =
                    sqlx::query_as($crate::backend::sql::CONSENT_HISTORY)
                        .bind(user.as_str())
                        .fetch_all(self.reader())
                        .await?;
                $crate::backend::rows::convert(rows, |r| r.into_consent())
            }
        }

        #[async_trait::async_trait]
        impl $crate::AuditLog for $store {
            async fn append_audit(
                &self,
                entry: &$crate::AuditEntry,
            ) -> $crate::StoreResult<$crate::AuditRecord> {
                let mut tx = self.writer().begin().await?;
                let record = append_audit_on(&mut tx, self.key(), entry).await?;
                tx.commit().await?;
                Ok(record)
            }

            fn hash_user(&self, user: &bankbot_core::UserId) -> String {
                $crate::hash_user_id(self.key(), user)
            }

            async fn audit_records(
                &self,
                after_seq: i64,
                limit: u32,
            ) -> $crate::StoreResult<Vec<$crate::AuditRecord>> {
                let rows: Vec<$crate::backend::rows::AuditRow> =
                    sqlx::query_as($crate::backend::sql::AUDIT_PAGE)
                        .bind(after_seq)
                        .bind(i64::from(limit))
                        .fetch_all(self.reader())
                        .await?;
                $crate::backend::rows::convert(rows, |r| r.into_record())
            }

            async fn verify_audit(&self) -> $crate::StoreResult<$crate::AuditVerification> {
                const PAGE: u32 = 500;
                let chain_key = self.key().derive($crate::audit::AUDIT_CHAIN_PURPOSE);
                let boundary: Option<(i64, Option<String>)> =
                    sqlx::query_as($crate::backend::sql::AUDIT_BOUNDARY)
                        .fetch_optional(self.reader())
                        .await?;
                let legacy_until = $crate::audit::trusted_boundary(&chain_key, boundary);
                let mut walker = $crate::audit::ChainWalker::new(chain_key, legacy_until);
                loop {
                    let page = self.audit_records(walker.last_seq(), PAGE).await?;
                    let full = page.len() == PAGE as usize;
                    for record in &page {
                        if let Some(broken) = walker.check(record) {
                            tracing::warn!(seq = broken.seq, reason = broken.reason, "audit chain broken");
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
        impl $crate::Store for $store {
            fn backend(&self) -> $crate::Backend {
                $dialect::BACKEND
            }

            async fn ping(&self) -> $crate::StoreResult<()> {
                sqlx::query($crate::backend::sql::PING)
                    .execute(self.reader())
                    .await?;
                Ok(())
            }

            async fn delete_user(
                &self,
                user: &bankbot_core::UserId,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::StoreResult<$crate::DeletionReport> {
                let mut tx = self.writer().begin().await?;
                let mut erased = [0u64; 5];
                for (sql, n) in $crate::backend::sql::DELETE_USER.iter().zip(erased.iter_mut()) {
                    *n = sqlx::query(sql)
                        .bind(user.as_str())
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                for sql in $crate::backend::sql::DELETE_USER_ALERTS {
                    sqlx::query(sql).bind(user.as_str()).execute(&mut *tx).await?;
                }
                sqlx::query($crate::backend::sql::DELETE_USER_LINK_CODES)
                    .bind(user.as_str())
                    .execute(&mut *tx)
                    .await?;
                sqlx::query($crate::backend::sql::DELETE_USER_EXPORT_TOKENS)
                    .bind(user.as_str())
                    .execute(&mut *tx)
                    .await?;
                let entry = $crate::AuditEntry::new(now, Some(user), $crate::audit::USER_DATA_DELETED);
                append_audit_on(&mut tx, self.key(), &entry).await?;
                tx.commit().await?;
                let [links, sessions, consents, inbox, outbox] = erased;
                tracing::info!(actor = %$crate::hash_user_id(self.key(), user), "user data deleted");
                Ok($crate::DeletionReport { links, sessions, consents, inbox, outbox })
            }

            async fn close(&self) {
                self.writer().close().await;
                self.reader().close().await;
            }
        }
    };
}
pub(crate) use impl_records;
