//! Saved and exchanged formats: plain Rust, no browser APIs.

pub mod csv;
pub mod envelope;
pub mod examples;
pub mod json;
pub mod json_read;
pub mod plan_file;
pub mod plan_link;
pub mod saved;
pub mod share_link;
pub mod unit_file;
pub mod validate;
