//! What to improve: the targets that would add the most points, each with the concrete
//! step in the unit's own terms, and the fewest steps that reach a score.

use super::evaluate::{Gap, Status};
use super::plan::{Plan, Target};
use super::profile::Profile;
use super::rank::{hundredths, Standing, ZoneMargin};
use super::score::{Breakdown, ScoringModel};

/// What the unit would have to do for a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepAction {
    /// Close this gap (more items, percentage points, or an increase).
    CloseGap(Gap),
    /// Be rated good or better.
    AnswerYes,
    /// No figures yet: enter figures that meet the threshold.
    EnterFigures,
    /// The figures are invalid: correct them so they meet the threshold.
    FixFigures,
}

/// One improvement: meeting `target` would add `points` to the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step<'p> {
    pub target: &'p Target,
    pub points: f64,
    pub action: StepAction,
}

/// Every step that would add points, the most valuable first (ties in table order).
fn steps_of<'p>(plan: &'p Plan, breakdown: &Breakdown) -> Vec<Step<'p>> {
    let mut steps = every_step(plan, breakdown);
    // Sorted best first, so the steps worth nothing are the tail.
    steps.retain(|step| step.points > 0.0);
    steps
}

/// Every applicable target not met or not filled in, as a step, the most valuable first
/// (ties, and the steps worth no points under the model, in table order).
fn every_step<'p>(plan: &'p Plan, breakdown: &Breakdown) -> Vec<Step<'p>> {
    let mut steps: Vec<Step> = breakdown
        .targets
        .iter()
        .filter_map(|line| {
            let evaluation = line.evaluation;
            let action = match (evaluation.status, evaluation.gap) {
                (Status::NotMet, Some(gap)) => StepAction::CloseGap(gap),
                (Status::NotMet, None) => StepAction::AnswerYes,
                (Status::Incomplete, _) => StepAction::EnterFigures,
                (Status::Invalid, _) => StepAction::FixFigures,
                _ => return None,
            };
            // Nothing is possible when every weight is 0: then no step adds points.
            let points = if breakdown.possible > 0.0 {
                breakdown.gain(line)
            } else {
                0.0
            };
            let target = plan.target(line.id)?;
            Some(Step {
                target,
                points,
                action,
            })
        })
        .collect();
    sort_best_first(&mut steps);
    steps
}

/// How the steps stand against the award zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneSteps {
    /// In the zone already (among the peers whose scores are known).
    Already,
    /// This many of the steps, from the first, bring the unit into it.
    Steps(usize),
    /// All the steps are not enough.
    Unreachable,
}

/// What to improve, and how many steps reach the award zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ImprovementPlan<'p> {
    pub steps: Vec<Step<'p>>,
    /// `None` without a standing, or while too few peers' scores are known.
    pub zone: Option<ZoneSteps>,
}

/// The improvement plan of `profile`, with `standing` its standing in its bloc.
pub fn improvement_plan<'p>(
    plan: &'p Plan,
    profile: &Profile,
    model: &ScoringModel,
    standing: Option<Standing>,
) -> ImprovementPlan<'p> {
    let evaluations = profile.evaluate_all(plan, model);
    let breakdown = Breakdown::new(evaluations.iter().map(|(t, e)| (t.id, e)), model);
    let steps = steps_of(plan, &breakdown);
    let score = breakdown.summary(model).score;
    let zone = standing.and_then(|standing| match standing.margin? {
        ZoneMargin::Ahead(_) => Some(ZoneSteps::Already),
        ZoneMargin::Behind(points) => Some(match steps_to_reach(&steps, score, score + points) {
            Some(n) => ZoneSteps::Steps(n),
            None => ZoneSteps::Unreachable,
        }),
    });
    ImprovementPlan { steps, zone }
}

// Next steps (issue 13)
/// What the summary offers to do next: every applicable target not met or not filled in,
/// the one that adds most points first (the improvement plan's order), and whether the
/// result is ready to be sent (a unit chosen, every applicable target filled in).
#[derive(Debug, Clone, PartialEq)]
pub struct NextSteps<'p> {
    pub steps: Vec<Step<'p>>,
    pub send: bool,
}

/// The next steps of a unit from its evaluations (every target of `plan` with its
/// evaluation, as [`Profile::evaluate_all`] gives them).
pub fn next_steps<'p>(
    plan: &'p Plan,
    evaluations: &[(&Target, super::evaluate::Evaluation)],
    model: &ScoringModel,
    unit_chosen: bool,
) -> NextSteps<'p> {
    let breakdown = Breakdown::new(evaluations.iter().map(|(t, e)| (t.id, e)), model);
    let steps = every_step(plan, &breakdown);
    let filled = !breakdown.targets.is_empty()
        && breakdown
            .targets
            .iter()
            .all(|line| !matches!(line.evaluation.status, Status::Incomplete | Status::Invalid));
    NextSteps {
        steps,
        send: unit_chosen && filled,
    }
}
// End of next steps (issue 13)

/// A stable sort by points, largest first: what `sort_by` would give, by insertion (there
/// is one step per target at most), so the wasm carries no general sort for it. Measured
/// (issue 11): `sort_by` here adds 1 071 bytes to the gzipped wasm.
fn sort_best_first(steps: &mut [Step]) {
    for sorted in 1..steps.len() {
        let mut at = sorted;
        while at > 0 && steps[at - 1].points.total_cmp(&steps[at].points).is_lt() {
            steps.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// The fewest steps (taken from the front of `steps`, which is best-first) that bring
/// `score` up to at least `goal`; `None` when all of them are not enough. Because the
/// score is a sum over targets, taking the largest gains first needs the fewest steps.
pub fn steps_to_reach(steps: &[Step], score: f64, goal: f64) -> Option<usize> {
    let goal = hundredths(goal);
    let mut reached = score;
    if hundredths(reached) >= goal {
        return Some(0);
    }
    for (taken, step) in steps.iter().enumerate() {
        reached += step.points;
        if hundredths(reached) >= goal {
            return Some(taken + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::figures::TargetEntry;

    #[test]
    fn best_first_order_is_the_stable_sort() {
        // Every sequence of up to 6 steps over three point values (ties included).
        let values = [0.5, 2.0, 1.0];
        for length in 0..=6u32 {
            for code in 0..3usize.pow(length) {
                let steps: Vec<Step> = (0..length as usize)
                    .map(|i| Step {
                        target: &builtin::plan_ref().targets[i],
                        points: values[code / 3usize.pow(i as u32) % 3],
                        action: StepAction::EnterFigures,
                    })
                    .collect();
                let order = |steps: &[Step]| -> Vec<String> {
                    steps
                        .iter()
                        .map(|s| s.target.id.key().to_string())
                        .collect()
                };
                let mut expected: Vec<&Step> = steps.iter().collect();
                expected.sort_by(|a, b| b.points.total_cmp(&a.points));
                let expected: Vec<String> = expected
                    .iter()
                    .map(|s| s.target.id.key().to_string())
                    .collect();
                let mut ours = steps;
                sort_best_first(&mut ours);
                assert_eq!(order(&ours), expected);
            }
        }
    }

    fn counts(n: &str, d: &str) -> TargetEntry {
        TargetEntry {
            numerator: n.into(),
            denominator: d.into(),
            ..Default::default()
        }
    }

    #[test]
    fn largest_gain_first_with_the_gap_in_the_units_terms() {
        let mut profile = Profile::default();
        profile.set_unit(builtin::plan_ref(), "31211");
        let model = ScoringModel::default();
        // 8 applicable targets; fill all but two as met.
        for target in &builtin::plan_ref().targets {
            profile.update_entry(target.id, |e| *e = counts("10", "10"));
        }
        profile.update_entry(builtin::TTHC_RATING_GOOD, |e| e.answer = Some(true));
        profile.update_entry(builtin::ONLINE_RESOLUTION, |e| *e = counts("2", "10"));
        profile.update_entry(builtin::RECRUITMENT, |e| *e = counts("abc", "10"));
        let steps = improvement_plan(builtin::plan_ref(), &profile, &model, None).steps;
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].target.id, builtin::RECRUITMENT);
        assert!((steps[0].points - 12.5).abs() < 1e-9);
        assert_eq!(steps[0].action, StepAction::FixFigures);
        assert_eq!(steps[1].target.id, builtin::ONLINE_RESOLUTION);
        // 2 of 10 against 25%: attainment 0,8, so 12,5 × 0,2 = 2,5 points; one more file.
        assert!((steps[1].points - 2.5).abs() < 1e-9);
        assert_eq!(
            steps[1].action,
            StepAction::CloseGap(Gap::Share {
                items: 1,
                total: 10,
                growing: Some(1)
            })
        );

        let score = profile.summary(builtin::plan_ref(), &model).score;
        assert_eq!(steps_to_reach(&steps, score, score), Some(0));
        assert_eq!(steps_to_reach(&steps, score, score + 12.5), Some(1));
        assert_eq!(steps_to_reach(&steps, score, score + 13.0), Some(2));
        assert_eq!(steps_to_reach(&steps, score, 100.0), Some(2));
        assert_eq!(steps_to_reach(&steps, score, 100.01), None);
    }

    // Next steps (issue 13)
    #[test]
    fn next_steps_list_every_target_not_met_or_not_filled_best_gain_first() {
        let plan = builtin::plan_ref();
        let mut model = ScoringModel::default();
        let mut profile = Profile::default();
        profile.set_unit(plan, "31211");
        let steps = |profile: &Profile, model: &ScoringModel| {
            let evaluations = profile.evaluate_all(plan, model);
            let next = next_steps(plan, &evaluations, model, profile.unit_name(plan).is_some());
            let ids: Vec<String> = next
                .steps
                .iter()
                .map(|s| s.target.id.key().to_string())
                .collect();
            (ids, next.send)
        };
        // Nothing typed: every applicable target, in table order (equal gains), no sending yet.
        let (ids, send) = steps(&profile, &model);
        let applicable: Vec<String> = profile
            .evaluate_all(plan, &model)
            .iter()
            .filter(|(_, e)| e.status.counts())
            .map(|(t, _)| t.id.key().to_string())
            .collect();
        assert_eq!(ids, applicable);
        assert!(!send);

        for target in &plan.targets {
            profile.update_entry(target.id, |e| *e = counts("10", "10"));
        }
        profile.update_entry(builtin::TTHC_RATING_GOOD, |e| e.answer = Some(true));
        profile.update_entry(builtin::ONLINE_RESOLUTION, |e| *e = counts("2", "10"));
        profile.update_entry(builtin::RECRUITMENT, |e| *e = counts("5", "10"));
        // Recruitment (50% of 100%) adds more than online resolution (80% of its threshold).
        let (ids, send) = steps(&profile, &model);
        assert_eq!(ids, ["recruitment", "online_resolution"]);
        assert!(
            send,
            "every applicable target is filled in: the result can be sent"
        );

        // A target worth no points under the model is still a step, after the others.
        model.set_weight(
            builtin::RECRUITMENT,
            crate::domain::score::Weight::new(0).unwrap(),
        );
        let (ids, _) = steps(&profile, &model);
        assert_eq!(ids, ["online_resolution", "recruitment"]);
        let evaluations = profile.evaluate_all(plan, &model);
        let plan_steps = improvement_plan(plan, &profile, &model, None).steps;
        assert_eq!(
            plan_steps.len(),
            1,
            "the improvement plan keeps only steps that add points"
        );
        assert_eq!(
            next_steps(plan, &evaluations, &model, true).steps[0],
            plan_steps[0]
        );

        // Invalid figures: not ready to send; without a unit: not ready either.
        profile.update_entry(builtin::RECRUITMENT, |e| *e = counts("abc", "10"));
        assert!(!steps(&profile, &model).1);
        profile.update_entry(builtin::RECRUITMENT, |e| *e = counts("10", "10"));
        assert!(steps(&profile, &model).1);
        let evaluations = profile.evaluate_all(plan, &model);
        assert!(!next_steps(plan, &evaluations, &model, false).send);
    }
}
