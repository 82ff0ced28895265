//! # bankbot
//!
//! The facade crate: re-exports the member crates so an application depends on one crate.
//! The `bankbot` binary (`serve`, `chat`, `nlu`, `atm`) lives beside it.

pub use bankbot_bank as bank;
pub use bankbot_core as core;
pub use bankbot_messenger as messenger;
