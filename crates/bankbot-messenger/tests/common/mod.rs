//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::Mutex;

use async_trait::async_trait;
use bankbot_messenger::{EventSink, InboundEvent, SinkError};

/// Path of a fixture file.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The bytes of a fixture file.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A sink that records batches, or fails on demand.
#[derive(Default)]
pub struct RecordingSink {
    pub batches: Mutex<Vec<Vec<InboundEvent>>>,
    pub fail: bool,
}

impl RecordingSink {
    pub fn failing() -> Self {
        RecordingSink {
            batches: Mutex::default(),
            fail: true,
        }
    }
    pub fn events(&self) -> Vec<InboundEvent> {
        self.batches
            .lock()
            .unwrap()
            .iter()
            .flatten()
            .cloned()
            .collect()
    }
    pub fn calls(&self) -> usize {
        self.batches.lock().unwrap().len()
    }
}

#[async_trait]
impl EventSink for RecordingSink {
    async fn accept(&self, events: Vec<InboundEvent>) -> Result<(), SinkError> {
        if self.fail {
            return Err(SinkError::Unavailable("test store down".into()));
        }
        self.batches.lock().unwrap().push(events);
        Ok(())
    }
}
