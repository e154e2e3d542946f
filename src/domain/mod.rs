//! The domain: plain Rust, no browser APIs, tested natively.

pub mod bloc_table;
pub mod builtin;
pub mod chart;
pub mod demo;
pub mod district;
pub mod evaluate;
pub mod figures;
pub mod grid;
pub mod improve;
pub mod keyed;
pub mod language;
pub mod letter_case; // issue 14: without Unicode's case tables
pub mod limits;
pub mod merge;
pub mod number;
pub mod plan;
pub mod plan_check;
pub mod plan_edit;
pub mod profile;
pub mod rank;
pub mod ranking_chart;
pub mod score;
pub mod shared_list; // 10 000 profiles: copies share memory (issue 14)
pub mod slug;
pub mod small_map; // sorted-vector maps: no B-tree code per map type (issue 14)
pub mod standing; // 10 000 profiles (issue 14)
pub mod workspace;
