//! The one check of a profile that comes in from outside or leaves as a file or a link: a
//! known unit of the right bloc, and figures of a sensible length that are possible numbers.
//! Unit files and share links are refused when it fails (nothing inconsistent is ever
//! applied); the page runs it before exporting or making a link, so a file or a link that
//! would be refused is never made. Saved data is the user's own typing, kept as typed: on
//! loading, the unit part is repaired by the same rule (`Workspace::normalised`), and
//! impossible figures are shown next to their fields.

use crate::domain::evaluate::{evaluate, FieldError};
use crate::domain::figures::{Field, TargetEntry};
use crate::domain::limits::{check_length, TextKind, TooLong};
use crate::domain::plan::{BlocId, Plan, Target, TargetId, Text, OTHER_UNIT_ID};
use crate::domain::profile::Profile;

/// One figure that cannot be a real value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureProblem {
    pub target: TargetId,
    /// The target's label, for the message (the plan may not be at hand when it is shown).
    pub target_label: Text,
    pub field: Field,
    /// The text as it stands in the profile (or file).
    pub value: String,
    /// What is wrong with it, in the domain's own terms: not a number, negative, not whole,
    /// too large, too many decimals, a percentage above 100, or a numerator above its
    /// denominator.
    pub error: FieldError,
}

/// Why a profile cannot be exported or imported as a unit file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileProblem {
    /// No unit is chosen (`unit_id` is empty).
    NoUnit,
    /// `unit_id` is neither a unit of the plan's lists nor `other`.
    UnknownUnit { unit_id: String },
    /// Figures for a target that the profile's plan does not have.
    UnknownTarget { key: String },
    /// The profile's bloc is not a bloc of its plan.
    UnknownBloc { bloc: String },
    /// `unit_id` is `other` but the typed name is empty or only spaces.
    OtherUnitWithoutName,
    /// The profile's bloc is not the bloc of its unit.
    BlocMismatch {
        unit_id: String,
        /// The bloc written in the profile.
        bloc: BlocId,
        /// The bloc the unit belongs to.
        unit_bloc: BlocId,
        /// The name of the profile's bloc, for the message.
        bloc_name: Text,
    },
    /// A figure longer than a figure may be ([`TextKind::Figure`]): the first in table
    /// order. Checked in every field, used by the entry's mode or not.
    FigureTooLong {
        target: TargetId,
        target_label: Text,
        field: Field,
        too_long: TooLong,
    },
    /// Figures that cannot be real values, in table order.
    ImpossibleFigures(FigureProblems),
}

/// Figures that cannot be real values: at least one, by its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureProblems {
    first: FigureProblem,
    rest: Vec<FigureProblem>,
}

impl FigureProblems {
    /// The problems in their order; `None` when there are none.
    pub fn new(problems: Vec<FigureProblem>) -> Option<FigureProblems> {
        let mut problems = problems.into_iter();
        let first = problems.next()?;
        Some(FigureProblems {
            first,
            rest: problems.collect(),
        })
    }

    pub fn first(&self) -> &FigureProblem {
        &self.first
    }

    /// How many there are (at least one).
    pub fn count(&self) -> usize {
        1 + self.rest.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FigureProblem> {
        std::iter::once(&self.first).chain(&self.rest)
    }
}

/// The first figure of the profile that is too long to be one, in table order.
pub fn length_problem(plan: &Plan, profile: &Profile) -> Option<ProfileProblem> {
    plan.targets
        .iter()
        .filter_map(|target| profile.entries.get(&target.id).map(|e| (target, e)))
        .flat_map(|(target, entry)| {
            Field::ALL
                .iter()
                .map(move |&field| (target, field, entry.text(field)))
        })
        .find_map(|(target, field, text)| {
            check_length(TextKind::Figure, text).err().map(|too_long| {
                ProfileProblem::FigureTooLong {
                    target: target.id,
                    target_label: target.label.clone(),
                    field,
                    too_long,
                }
            })
        })
}

/// The figures of an entry that the target's measure and the entry's mode use, with what is
/// wrong with each (as the page itself would flag them).
///
/// Checked whether or not the target applies, because a target switched off today may be
/// switched on tomorrow. Fields the mode does not use (a percentage typed before switching to
/// counts) are carried as typed and not checked, like the page keeps them.
pub fn entry_problems(target: &Target, entry: &TargetEntry) -> Vec<FigureProblem> {
    let id = target.id;
    // The bloc only chooses the threshold, which no field error depends on.
    let Some(bloc) = target.blocs.first().map(|rule| rule.bloc) else {
        return Vec::new();
    };
    let forced = TargetEntry {
        not_applicable: Some(false),
        ..entry.clone()
    };
    evaluate(target, &forced, bloc, "")
        .errors
        .into_iter()
        .map(|(field, error)| FigureProblem {
            target: id,
            target_label: target.label.clone(),
            field,
            value: entry.text(field).to_string(),
            error,
        })
        .collect()
}

/// Every impossible figure of the profile, in table order.
pub fn figure_problems(plan: &Plan, profile: &Profile) -> Vec<FigureProblem> {
    plan.targets
        .iter()
        .filter_map(|target| profile.entries.get(&target.id).map(|e| (target, e)))
        .flat_map(|(target, entry)| entry_problems(target, entry))
        .collect()
}

/// The unit part of the check: a chosen, known unit (or a named `other`) of the profile's bloc.
pub fn unit_problem(plan: &Plan, profile: &Profile) -> Option<ProfileProblem> {
    if plan.bloc(profile.bloc).is_none() {
        return Some(ProfileProblem::UnknownBloc {
            bloc: profile.bloc.key().to_string(),
        });
    }
    let unit_id = profile.unit_id.as_str();
    if unit_id.is_empty() {
        return Some(ProfileProblem::NoUnit);
    }
    if unit_id == OTHER_UNIT_ID {
        return profile
            .other_name
            .trim()
            .is_empty()
            .then_some(ProfileProblem::OtherUnitWithoutName);
    }
    match plan.find_unit(unit_id) {
        None => Some(ProfileProblem::UnknownUnit {
            unit_id: unit_id.to_string(),
        }),
        Some((bloc, _)) if bloc.id != profile.bloc => Some(ProfileProblem::BlocMismatch {
            unit_id: unit_id.to_string(),
            bloc: profile.bloc,
            unit_bloc: bloc.id,
            bloc_name: plan
                .bloc(profile.bloc)
                .map(|b| b.name.clone())
                .unwrap_or_default(),
        }),
        Some(_) => None,
    }
}

/// Whether the profile can come in or travel (unit file, share link); the unit is checked
/// first, then the figures' length, then the figures.
pub fn check_profile(plan: &Plan, profile: &Profile) -> Result<(), ProfileProblem> {
    let unknown_target = || {
        profile
            .entries
            .keys()
            .find(|id| plan.target(**id).is_none())
            .map(|id| ProfileProblem::UnknownTarget {
                key: id.key().to_string(),
            })
    };
    if let Some(problem) = unit_problem(plan, profile)
        .or_else(unknown_target)
        .or_else(|| length_problem(plan, profile))
    {
        return Err(problem);
    }
    match FigureProblems::new(figure_problems(plan, profile)) {
        None => Ok(()),
        Some(figures) => Err(ProfileProblem::ImpossibleFigures(figures)),
    }
}
