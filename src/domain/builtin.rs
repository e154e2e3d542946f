//! The built-in plan: Vĩnh Thạnh district's 2021 campaign, exactly as the seed article fixes it
//! (thresholds, blocs, award places) with the documented defaults (agencies, applicability).
//! The default plan of every profile that names none.

use std::rc::Rc;

use super::plan::{BlocId, Key, Plan, TargetId};

/// The built-in plan's id: what profiles, files and links of version 1 belong to.
pub const PLAN_ID: &str = "vinh-thanh-2021";

/// The communes and towns (khối xã, thị trấn).
pub const COMMUNE: BlocId = BlocId(Key::from_static("commune"));
/// The district agencies (khối ban ngành huyện).
pub const AGENCY: BlocId = BlocId(Key::from_static("agency"));

macro_rules! target_ids {
    ($($name:ident = $key:literal),+ $(,)?) => {
        $(pub const $name: TargetId = TargetId(Key::from_static($key));)+
        /// The 13 targets, in the article's order.
        pub const TARGET_IDS: [TargetId; 13] = [$($name),+];
    };
}

target_ids! {
    ONLINE_WORK_FILES = "online_work_files",
    TTHC_ONLINE_L34 = "tthc_online_l34",
    L34_WITH_APPLICATIONS = "l34_with_applications",
    ONLINE_RESOLUTION = "online_resolution",
    INFOSEC_DOSSIERS = "infosec_dossiers",
    TTHC_RATING_GOOD = "tthc_rating_good",
    SATISFACTION_ADMIN = "satisfaction_admin",
    SATISFACTION_EDUCATION = "satisfaction_education",
    SATISFACTION_HEALTH = "satisfaction_health",
    ORG_STRUCTURE = "org_structure",
    LEADER_APPOINTMENTS = "leader_appointments",
    RECRUITMENT = "recruitment",
    SELF_FINANCING_UNITS = "self_financing_units",
}

static PLAN_DATA: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();

thread_local! {
    static PLAN: Rc<Plan> = Rc::new(plan_ref().clone());
}

/// The built-in plan, shared: the same `Rc` on every call (the page compares plans by
/// address).
pub fn plan() -> Rc<Plan> {
    PLAN.with(Rc::clone)
}

/// The built-in plan, borrowed for the whole program.
pub fn plan_ref() -> &'static Plan {
    PLAN_DATA.get_or_init(build)
}

/// The built-in plan's file: the 2021 plan is defined in the public plan-file format, like
/// any province's, and read by the same reader.
pub const PLAN_FILE: &str = include_str!("../../plans/vinh-thanh-2021.json");

fn build() -> Plan {
    // The one place the domain reads a file: the built-in plan is data in the plan-file
    // format (tests/plan_builtin.rs proves it equal to the 2021 tables it replaced).
    crate::formats::plan_file::import_plan_file("vinh-thanh-2021.json", PLAN_FILE.as_bytes())
        .expect("the built-in plan file reads")
}

/// Looks a plan up among the built-in one only (for code and tests that know no other).
pub fn only(plan_id: &str) -> Option<Rc<Plan>> {
    (plan_id == PLAN_ID).then(plan)
}
