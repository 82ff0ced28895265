//! Writes sent together. sqlx runs each SQLite statement on the connection's worker thread:
//! every statement is a round trip between threads (two hand-offs), however small. On
//! SQLite, [`Joined`] sends the statements of one step as a single text (SQLite runs them in
//! order, one after the other, inside the caller's transaction), so a batch completion's
//! reply inserts, session upserts and contact upserts cost one round trip instead of
//! three. PostgreSQL prepares one statement per message, so there each statement runs
//! when it is added, as before.
//!
//! A statement's placeholders are numbered from [`Joined::room`]'s answer: on SQLite they
//! continue the numbering of the statements already joined (`$n` names the n-th value of
//! the whole text).

use std::marker::PhantomData;

use sqlx::{Database, Encode, Executor, IntoArguments, Type};

use crate::backend::seam::SqlStore;
use crate::{Backend, StoreResult};

/// Most values one joined text binds, well under SQLite's limit on a placeholder's number
/// (32,766): a larger step is sent in several texts.
const MOST_VALUES: usize = 4_000;

/// One value to bind.
#[derive(Debug)]
pub(crate) enum Value<'a> {
    Str(&'a str),
    Text(String),
    Blob(Vec<u8>),
    Int(i64),
}

/// Statements waiting to be sent together (SQLite), or sent one by one (PostgreSQL), on
/// store `S`'s database.
#[derive(Debug)]
pub(crate) struct Joined<'a, S> {
    text: String,
    values: Vec<Value<'a>>,
    store: PhantomData<fn() -> S>,
}

impl<S> Default for Joined<'_, S> {
    fn default() -> Self {
        Self {
            text: String::new(),
            values: Vec::new(),
            store: PhantomData,
        }
    }
}

impl<'a, S: SqlStore> Joined<'a, S>
where
    for<'c> &'c mut <S::Db as Database>::Connection: Executor<'c, Database = S::Db>,
    for<'q> <S::Db as Database>::Arguments<'q>: IntoArguments<'q, S::Db>,
    for<'q> &'q str: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> String: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> Vec<u8>: Encode<'q, S::Db> + Type<S::Db>,
    for<'q> i64: Encode<'q, S::Db> + Type<S::Db>,
{
    /// Makes room for a statement binding `count` values (sending what is joined so far if
    /// it would not fit) and answers the number of its first placeholder.
    pub(crate) async fn room(
        &mut self,
        conn: &mut <S::Db as Database>::Connection,
        count: usize,
    ) -> StoreResult<usize> {
        if S::BACKEND == Backend::Postgres {
            return Ok(1);
        }
        if !self.values.is_empty() && self.values.len() + count > MOST_VALUES {
            self.send(conn).await?;
        }
        Ok(self.values.len() + 1)
    }

    /// Adds a statement (numbered from [`Joined::room`]'s answer) and its values; on
    /// PostgreSQL runs it now.
    pub(crate) async fn push(
        &mut self,
        conn: &mut <S::Db as Database>::Connection,
        text: &str,
        values: Vec<Value<'a>>,
    ) -> StoreResult<()> {
        if S::BACKEND == Backend::Postgres {
            return Self::run(conn, text, values).await;
        }
        if !self.text.is_empty() {
            self.text.push_str(";\n");
        }
        self.text.push_str(text);
        self.values.extend(values);
        Ok(())
    }

    /// Sends what is joined (nothing on PostgreSQL, where every statement already ran).
    pub(crate) async fn send(
        &mut self,
        conn: &mut <S::Db as Database>::Connection,
    ) -> StoreResult<()> {
        if self.text.is_empty() {
            return Ok(());
        }
        let text = std::mem::take(&mut self.text);
        let values = std::mem::take(&mut self.values);
        Self::run(conn, &text, values).await
    }

    /// Runs `text` with `values` bound in order.
    async fn run(
        conn: &mut <S::Db as Database>::Connection,
        text: &str,
        values: Vec<Value<'a>>,
    ) -> StoreResult<()> {
        let mut query = sqlx::query(text);
        for value in values {
            query = match value {
                Value::Str(v) => query.bind(v),
                Value::Text(v) => query.bind(v),
                Value::Blob(v) => query.bind(v),
                Value::Int(v) => query.bind(v),
            };
        }
        query.execute(&mut *conn).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sqlite::SqliteStore;
    use sqlx::{Connection, SqliteConnection};

    /// A fresh in-memory database's connection with an empty `joined_test` table.
    async fn connection_with_table() -> SqliteConnection {
        let mut conn = SqliteConnection::connect("sqlite::memory:")
            .await
            .expect("connection");
        sqlx::query("CREATE TABLE joined_test (n INTEGER PRIMARY KEY, word TEXT NOT NULL)")
            .execute(&mut conn)
            .await
            .expect("table");
        conn
    }

    async fn numbers(conn: &mut sqlx::SqliteConnection) -> Vec<(i64, String)> {
        sqlx::query_as("SELECT n, word FROM joined_test ORDER BY n")
            .fetch_all(&mut *conn)
            .await
            .expect("rows")
    }

    #[tokio::test]
    async fn joined_statements_run_in_order_with_their_own_values() {
        let mut conn = connection_with_table().await;
        let mut joined = Joined::<SqliteStore>::default();
        let first = joined.room(&mut conn, 4).await.expect("room");
        assert_eq!(first, 1);
        let text = format!(
            "INSERT INTO joined_test (n, word) VALUES (${first}, ${}), (${}, ${})",
            first + 1,
            first + 2,
            first + 3
        );
        let values = vec![
            Value::Int(1),
            Value::Str("one"),
            Value::Int(2),
            Value::Text("two".to_owned()),
        ];
        joined.push(&mut conn, &text, values).await.expect("push");
        // The second statement reads what the first wrote: they run in order.
        let first = joined.room(&mut conn, 2).await.expect("room");
        assert_eq!(first, 5, "numbered after the first statement's values");
        let text = format!(
            "UPDATE joined_test SET word = word || ${first} WHERE n = ${}",
            first + 1
        );
        let values = vec![Value::Str("!"), Value::Int(2)];
        joined.push(&mut conn, &text, values).await.expect("push");
        assert!(
            numbers(&mut conn).await.is_empty(),
            "nothing sent before send"
        );
        joined.send(&mut conn).await.expect("send");
        assert_eq!(
            numbers(&mut conn).await,
            vec![(1, "one".to_owned()), (2, "two!".to_owned())]
        );
    }

    #[tokio::test]
    async fn a_failing_statement_fails_the_send_and_its_transaction_writes_nothing() {
        let mut conn = connection_with_table().await;
        let mut tx = conn.begin().await.expect("begin");
        let mut joined = Joined::<SqliteStore>::default();
        for n in [1, 1] {
            let first = joined.room(&mut tx, 2).await.expect("room");
            let text = format!(
                "INSERT INTO joined_test (n, word) VALUES (${first}, ${})",
                first + 1
            );
            let values = vec![Value::Int(n), Value::Str("dup")];
            joined.push(&mut tx, &text, values).await.expect("push");
        }
        let sent = joined.send(&mut tx).await;
        assert!(sent.is_err(), "the duplicate key must fail the send");
        tx.rollback().await.expect("rollback");
        assert!(numbers(&mut conn).await.is_empty());
    }

    #[tokio::test]
    async fn a_text_that_would_bind_too_many_values_is_sent_first() {
        let mut conn = connection_with_table().await;
        let mut joined = Joined::<SqliteStore>::default();
        let first = joined.room(&mut conn, 2).await.expect("room");
        let text = format!(
            "INSERT INTO joined_test (n, word) VALUES (${first}, ${})",
            first + 1
        );
        joined
            .push(&mut conn, &text, vec![Value::Int(7), Value::Str("a")])
            .await
            .expect("push");
        let first = joined.room(&mut conn, MOST_VALUES).await.expect("room");
        assert_eq!(first, 1, "a fresh text after sending the joined one");
        assert_eq!(numbers(&mut conn).await, vec![(7, "a".to_owned())]);
    }
}
