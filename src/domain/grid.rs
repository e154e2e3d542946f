//! The district office's grid (issue 13): every unit of the plan × every target, with who
//! has not sent its figures, which files lack some, and each file's export date.

use std::borrow::Borrow;

use super::district::{district_selection, unit_key};
use super::evaluate::{Evaluation, Status};
use super::keyed::keyed_enum;
use super::plan::{BlocId, Plan, OTHER_UNIT_ID};
use super::profile::Profile;
use super::score::{ScoringModel, Summary};
use super::small_map::SmallMap;
use super::workspace::ProfileRecord;

keyed_enum! {
    /// A cell of the grid; `key()` is its `data-status`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum CellStatus {
        Met = "met",
        NotMet = "not-met",
        /// Applicable, but the figures are not there or cannot be used.
        Incomplete = "incomplete",
        NotApplicable = "not-applicable",
        /// The unit has not sent anything.
        Missing = "missing",
    }
}

impl CellStatus {
    fn of(status: Status) -> CellStatus {
        match status {
            Status::Met => CellStatus::Met,
            Status::NotMet => CellStatus::NotMet,
            Status::NotApplicable => CellStatus::NotApplicable,
            Status::Incomplete | Status::Invalid => CellStatus::Incomplete,
        }
    }
}

/// One unit of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub bloc: BlocId,
    /// The unit's id; for an "other" unit its district key (see [`unit_key`]).
    pub key: String,
    pub name: String,
    /// The profile counted for the unit; `None` when the unit has not sent anything.
    pub profile_id: Option<String>,
    /// The export date of the file the profile came from (absent for typed profiles).
    pub exported_at: Option<String>,
    pub summary: Option<Summary>,
    /// One per target of the plan, in its order: the status, and the evaluation when the
    /// unit has a profile.
    pub cells: Vec<(CellStatus, Option<Evaluation>)>,
}

impl GridRow {
    pub fn submitted(&self) -> bool {
        self.profile_id.is_some()
    }

    /// Applicable targets whose figures are not there or cannot be used: a file that
    /// lacks some is flagged.
    pub fn lacking(&self) -> usize {
        self.cells
            .iter()
            .filter(|(status, _)| *status == CellStatus::Incomplete)
            .count()
    }
}

/// The grid of `plan`: per bloc, the plan's units in the plan's order (the profile counted
/// for the district, or a row of missing cells), then the bloc's "other" units.
pub fn grid<'a, R: Borrow<ProfileRecord> + 'a>(
    plan: &Plan,
    records: impl IntoIterator<Item = &'a R> + Copy,
    choices: &SmallMap<String, String>,
    model: &ScoringModel,
) -> Vec<GridRow> {
    let selection = district_selection(plan, records, choices);
    // Each counted profile's record, by the profile's address: one pass over the records,
    // not a search of them per profile (issue 14: 10 000 profiles made that O(n²)).
    let mut by_address: std::collections::HashMap<*const Profile, &ProfileRecord> =
        std::collections::HashMap::new();
    for record in records.into_iter().map(Borrow::borrow) {
        by_address
            .entry(std::rc::Rc::as_ptr(&record.profile))
            .or_insert(record);
    }
    let counted: Vec<&ProfileRecord> = selection
        .counted
        .iter()
        .filter_map(|p| by_address.get(&(*p as *const Profile)).copied())
        .collect();
    let row_of = |record: &ProfileRecord, key: String| {
        let profile = &record.profile;
        GridRow {
            bloc: profile.bloc,
            key,
            name: profile.unit_name(plan).unwrap_or_default().to_string(),
            profile_id: Some(record.id.clone()),
            exported_at: record.exported_at.clone(),
            summary: Some(profile.summary(plan, model)),
            cells: profile
                .evaluate_all(plan, model)
                .into_iter()
                .map(|(_, evaluation)| (CellStatus::of(evaluation.status), Some(evaluation)))
                .collect(),
        }
    };
    let mut rows = Vec::new();
    for bloc in &plan.blocs {
        for unit in &bloc.units {
            let record = counted
                .iter()
                .find(|r| r.profile.bloc == bloc.id && r.profile.unit_id == unit.id);
            rows.push(match record {
                Some(record) => row_of(record, unit.id.clone()),
                None => GridRow {
                    bloc: bloc.id,
                    key: unit.id.clone(),
                    name: unit.name.clone(),
                    profile_id: None,
                    exported_at: None,
                    summary: None,
                    cells: plan
                        .targets
                        .iter()
                        .map(|target| {
                            // Missing where the target would apply to the unit by default.
                            let applies = target.is_offered(bloc.id)
                                && model.applies_by_default(target, bloc.id, &unit.id);
                            let status = if applies {
                                CellStatus::Missing
                            } else {
                                CellStatus::NotApplicable
                            };
                            (status, None)
                        })
                        .collect(),
                },
            });
        }
        for record in counted
            .iter()
            .filter(|r| r.profile.bloc == bloc.id && r.profile.unit_id == OTHER_UNIT_ID)
        {
            let key = unit_key(&record.profile)
                .unwrap_or_else(|| format!("{OTHER_UNIT_ID}:{}", record.id));
            rows.push(row_of(record, key));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::profile::Profile;

    #[test]
    fn every_unit_is_a_row_with_who_has_not_sent_and_what_is_lacking() {
        let plan = builtin::plan_ref();
        let mut vinh_binh = Profile::default();
        vinh_binh.set_unit(plan, "31211");
        vinh_binh.update_entry(builtin::ONLINE_WORK_FILES, |e| {
            e.numerator = "7".into();
            e.denominator = "20".into();
        });
        vinh_binh.update_entry(builtin::RECRUITMENT, |e| e.numerator = "x".into());
        let mut other = Profile::default();
        other.set_unit(plan, OTHER_UNIT_ID);
        other.other_name = "Xã Mới".into();
        let mut records = vec![
            ProfileRecord::new("p1".into(), vinh_binh),
            ProfileRecord::new("p2".into(), other),
        ];
        records[0].exported_at = Some("2026-11-28".into());
        let rows = grid(plan, &records, &SmallMap::new(), &ScoringModel::default());
        // 11 communes, the other unit after them, 12 agencies.
        assert_eq!(rows.len(), 11 + 1 + 12);
        assert_eq!(rows[11].key, "other:commune:xã mới");
        let row = rows.iter().find(|r| r.key == "31211").unwrap();
        assert!(row.submitted());
        assert_eq!(row.exported_at.as_deref(), Some("2026-11-28"));
        let status = |row: &GridRow, id| {
            let index = plan.targets.iter().position(|t| t.id == id).unwrap();
            row.cells[index].0
        };
        assert_eq!(status(row, builtin::ONLINE_WORK_FILES), CellStatus::Met);
        assert_eq!(status(row, builtin::RECRUITMENT), CellStatus::Incomplete);
        assert_eq!(
            status(row, builtin::ORG_STRUCTURE),
            CellStatus::NotApplicable
        );
        // Everything else applicable is not filled in either.
        assert_eq!(row.lacking(), row.summary.unwrap().applicable - 1);
        let absent = rows.iter().find(|r| r.key == "31234").unwrap();
        assert!(!absent.submitted());
        assert_eq!(absent.name, "Xã Thạnh Mỹ");
        assert_eq!(
            status(absent, builtin::ONLINE_WORK_FILES),
            CellStatus::Missing
        );
        // A target that does not apply to the unit by default is not missing.
        assert_eq!(
            status(absent, builtin::ORG_STRUCTURE),
            CellStatus::NotApplicable
        );
    }
}
