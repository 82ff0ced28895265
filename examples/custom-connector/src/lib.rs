//! # custom-connector — a bank's own connector for bankbot
//!
//! What a bank writes to run bankbot on its systems: a client for its core-banking API that
//! implements the bank traits, tested against a real HTTP server and the conformance suite,
//! and a `main.rs` that runs the whole bot with it.
//!
//! - [`options`]: where the core is and how long a call may take;
//! - `http`: the one place requests are made (bearer token, JSON, bounded time);
//! - `error`: HTTP statuses and transport faults → [`BankError`](bankbot::prelude::BankError);
//! - `wire`: the core's JSON, as it is;
//! - `map`: wire → bankbot's types (integer minor units → `rust_decimal` money, account
//!   numbers masked as they are read);
//! - [`connector`]: [`CoreBanking`], implementing `BankConnector`, `CardControls`,
//!   `FraudReporting` and `LinkingProvider`;
//! - [`sample_core`]: a stand-in for the core, for the tests and the demo run.

pub mod connector;
mod error;
mod http;
mod map;
pub mod options;
pub mod sample_core;
mod wire;

pub use connector::CoreBanking;
pub use options::{CoreBankingOptions, OptionsError};
