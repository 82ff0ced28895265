//! What the SQLite and PostgreSQL backends share: SQL text, row mapping, and one macro per
//! area that implements the traits for a store type.

mod access;
mod alerts;
pub(crate) mod at_rest;
mod batch;
mod link_codes;
mod links;
mod queues;
mod records;
pub(crate) mod rows;
pub(crate) mod sql;

pub(crate) use access::impl_access;
pub(crate) use alerts::impl_alerts;
pub(crate) use at_rest::at_rest_helpers;
pub(crate) use batch::batch_helpers;
pub(crate) use link_codes::impl_link_codes;
pub(crate) use links::impl_links_and_sessions;
pub(crate) use queues::impl_queues;
pub(crate) use records::impl_records;
