//! Saved and exchanged formats: plain Rust, no browser APIs.

pub mod envelope;
