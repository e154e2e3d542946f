//! Plan files (`cchc-plan`): placeholder until the plan-file work lands.

use serde_json::Value;

use crate::domain::plan::Plan;

/// The `plan` object of a plan file.
pub fn plan_to_value(plan: &Plan) -> Value {
    let _ = plan;
    Value::Null
}

/// A plan from the `plan` object of a plan file.
pub fn plan_from_value(value: &Value) -> Result<Plan, ()> {
    let _ = value;
    Err(())
}
