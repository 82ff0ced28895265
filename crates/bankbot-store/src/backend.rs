//! What the SQLite and PostgreSQL backends share: SQL text, row mapping, and every store
//! trait implemented once, as a blanket implementation for any `S: SqlStore` (`seam.rs`
//! says what a backend provides: its sqlx database, connections (`conn.rs`), key and the few statements that
//! differ). `sqlite.rs` and `postgres.rs` only open their pools and implement `SqlStore`.
//!
//! These were `macro_rules!` bodies instantiated per backend; as plain generic code, errors,
//! lints and docs land on the line that has them, and helpers are imported rather than
//! expanded next to each other. The price: each implementation's `where` clause states what
//! it binds and decodes (Rust does not carry bounds on a trait's associated database over to
//! its users), and statements of variable length use `placeholders.rs` instead of sqlx's
//! `QueryBuilder`, which generic code cannot run. Build time of the crate measured the same.

mod access;
mod alerts;
pub(crate) mod at_rest;
pub(crate) mod audit_append;
mod batch;
pub(crate) mod conn;
mod joined;
mod link_codes;
mod links;
mod placeholders;
mod queues;
mod records;
pub(crate) mod rows;
pub(crate) mod seam;
pub(crate) mod sql;
mod sweep;
