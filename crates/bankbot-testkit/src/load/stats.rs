//! Latency percentiles over a sorted sample.
