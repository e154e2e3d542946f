//! Máy tính chỉ tiêu cải cách hành chính 2021: a calculator that runs entirely in the
//! browser. `domain` and `formats` are plain Rust; `store` and `app` touch the browser.

// Why a file, a link or a profile is refused names the plan's own words (a target's label,
// a bloc's name) and ids of up to 40 bytes, so those errors are a few hundred bytes. They are
// made once per refused file, never in a loop: boxing them would only add noise.
#![allow(clippy::result_large_err)]

pub mod app;
pub mod domain;
pub mod formats;
pub mod i18n;
pub mod names;
mod on_demand; // issue 14
pub mod store;
