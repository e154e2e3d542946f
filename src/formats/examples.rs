//! The example plans shipped with the app, clearly labelled as examples: made-up, for
//! trying the calculator on a plan of today's two-tier structure (provinces and communes).
//! Embedded as plan files and read, when chosen, by the plan file's own reader.

use super::plan_file::import_plan_file;
use crate::domain::plan::Plan;

/// `(plan id, name, plan file)` of each example.
pub const EXAMPLES: &[(&str, &str, &str)] = &[(
    "tinh-an-hoa-2026",
    "Chỉ tiêu cải cách hành chính năm 2026 — Tỉnh An Hòa (ví dụ)",
    include_str!("../../plans/examples/tinh-an-hoa-2026.json"),
)];

/// The example plan with this id, read.
pub fn example_plan(id: &str) -> Option<Plan> {
    let (_, _, file) = EXAMPLES.iter().find(|(example, _, _)| *example == id)?;
    import_plan_file(&format!("{id}.json"), file.as_bytes()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_reads_and_is_labelled_as_one() {
        for (id, name, _) in EXAMPLES {
            let plan = example_plan(id).expect("the example reads");
            assert_eq!(plan.id, *id);
            assert_eq!(plan.name.vi, *name);
            assert!(plan.example);
        }
    }
}
