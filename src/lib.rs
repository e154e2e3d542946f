//! Máy tính chỉ tiêu cải cách hành chính 2021: a calculator that runs entirely in the
//! browser. `domain` and `formats` are plain Rust; `store` and `app` touch the browser.

pub mod app;
pub mod domain;
pub mod formats;
pub mod i18n;
pub mod names;
pub mod store;
