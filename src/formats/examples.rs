//! The example plans shipped with the app, clearly labelled as examples: made-up, for
//! trying the calculator on a plan of today's two-tier structure (provinces and communes).
//! Embedded as plan files and read, when chosen, by the plan file's own reader.
//!
//! Issue 14: in the split build the files live in an on-demand module (src/app/lazy.rs
//! loads it in idle time, or when an example is chosen first); only their ids and names are
//! in the start-up module. Elsewhere (Trunk's one-module build, the tests) they are always
//! here.

use super::plan_file::import_plan_file;
use crate::domain::plan::Plan;

/// `(plan id, name)` of each example.
pub const EXAMPLES: &[(&str, &str)] = &[(
    "tinh-an-hoa-2026",
    "Chỉ tiêu cải cách hành chính năm 2026 — Tỉnh An Hòa (ví dụ)",
)];

/// `(plan id, plan file)` of each example, in the order of `EXAMPLES`.
pub static FILES: &[(&str, &str)] = &[(
    "tinh-an-hoa-2026",
    include_str!("../../plans/examples/tinh-an-hoa-2026.json"),
)];

crate::on_demand::on_demand_slot!(
    /// The examples' files, if they are here (see the module comment).
    files, install: &'static [(&'static str, &'static str)] = FILES
);

/// Whether `id` is the id of an example.
pub fn is_example(id: &str) -> bool {
    EXAMPLES.iter().any(|(example, _)| *example == id)
}

/// The example plan with this id, read; `None` for another id, or while the files are not
/// here (see the module comment).
pub fn example_plan(id: &str) -> Option<Plan> {
    let (_, file) = files()?.iter().find(|(example, _)| *example == id)?;
    import_plan_file(&format!("{id}.json"), file.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_reads_and_is_labelled_as_one() {
        assert_eq!(EXAMPLES.len(), FILES.len());
        for ((id, name), (file_id, _)) in EXAMPLES.iter().zip(FILES) {
            assert_eq!(id, file_id);
            assert!(is_example(id));
            let plan = example_plan(id).expect("the example reads");
            assert_eq!(plan.id, *id);
            assert_eq!(plan.name.vi, *name);
            assert!(plan.example);
        }
        assert!(!is_example(crate::domain::builtin::PLAN_ID));
    }
}
