//! The domain: plain Rust, no browser APIs, tested natively.

pub mod evaluate;
pub mod figures;
pub mod number;
pub mod profile;
pub mod score;
pub mod targets;
pub mod units;
