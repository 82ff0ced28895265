//! Sweeps: statements that change every row older than a time (the purges, and the
//! recovery of claims a stopped worker left), run on the writer with that time as their one
//! value.

use chrono::{DateTime, Utc};
use sqlx::{Database, Encode, Executor, IntoArguments, Type};

use crate::StoreResult;
use crate::backend::seam::{RowsAffected, SqlStore};
use crate::time::to_db;

/// Runs `sql` on `store`'s writer with `at` as its one value (`$1`) and answers how many
/// rows it changed.
pub(crate) async fn sweep<S: SqlStore>(
    store: &S,
    sql: &'static str,
    at: DateTime<Utc>,
) -> StoreResult<u64>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
{
    let done = sqlx::query(sql)
        .bind(to_db(at))
        .execute(&mut *store.writer().get().await?)
        .await?;
    Ok(done.rows_affected())
}
