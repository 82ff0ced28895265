//! # bankbot
//!
//! The facade crate: re-exports the member crates so an application depends on one crate,
//! and holds what the `bankbot` binary wires together (configuration, the account-link
//! page, the server). The binary's subcommands live in `src/cli/`.

pub mod app;
pub mod config;
pub mod link_page;

pub use bankbot_atm as atm;
pub use bankbot_bank as bank;
pub use bankbot_core as core;
pub use bankbot_messenger as messenger;
