//! The one check of a plan, whoever wrote it: the plan-file reader refuses a file with any
//! problem, and the plan editor shows each problem next to its field. A problem names its
//! field by the path it has in the plan file (`plan.blocs[1].award_places`,
//! `plan.targets[0].applies.xa`), which is also how the editor finds the field to mark.

use super::plan::Plan;

/// One problem of a plan, at one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanProblem {
    /// The field's path in the plan file, e.g. `plan.targets[2].applies.phuong`.
    pub path: String,
    pub kind: PlanProblemKind,
}

/// What is wrong (the wording is i18n's).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlanProblemKind {
    /// Placeholder until the checks land (issue 12, plan-file helper).
    Unchecked,
}

/// Every problem of `plan`, in the order of the fields in the file; empty when the plan
/// can be used.
pub fn check_plan(plan: &Plan) -> Vec<PlanProblem> {
    let _ = plan;
    Vec::new()
}
