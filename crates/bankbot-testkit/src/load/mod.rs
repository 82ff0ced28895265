//! The core of the `webhook-load` tool.
pub mod stats;
