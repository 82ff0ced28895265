//! Shared test support: the in-process mock AIS bank.
#![allow(dead_code)]

pub mod mock_ais;
