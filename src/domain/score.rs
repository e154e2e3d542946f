//! The default scoring model of the domain reference: attainment, weights, score 0–100,
//! rating bands and "met x of y". Every part is a setting a trainer may change later.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::builtin;
use super::evaluate::{Evaluation, Status};
use super::keyed::keyed_enum;
use super::number::format_hundredths;
use super::plan::{BlocId, Plan, Target, TargetId};
use super::small_map::SmallMap;

/// How a target's attainment is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ScoringMode {
    /// min(actual ÷ threshold, 1); yes/no and "more than before" score 1 or 0.
    #[default]
    Proportional,
    /// 1 when met, else 0.
    AllOrNothing,
}

/// The rating bands, as the lowest score of each band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RatingBands {
    pub good: f64,
    pub fair: f64,
    pub average: f64,
}

impl Default for RatingBands {
    fn default() -> Self {
        RatingBands {
            good: 90.0,
            fair: 70.0,
            average: 50.0,
        }
    }
}

keyed_enum! {
    /// The rating of a score; `key()` is the page's `data-rating`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Rating {
        Good = "tot",
        Fair = "kha",
        Average = "trung-binh",
        Weak = "yeu",
    }
}

impl RatingBands {
    pub fn rate(&self, score: f64) -> Rating {
        if score >= self.good {
            Rating::Good
        } else if score >= self.fair {
            Rating::Fair
        } else if score >= self.average {
            Rating::Average
        } else {
            Rating::Weak
        }
    }
}

/// A trainer's override of a target's default applicability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicabilityOverride {
    AllUnits,
    NoUnit,
}

/// How many leading units of each bloc are rewarded, by bloc id (saved as
/// `{"commune": 5, "agency": 3}`, as before plans were data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct AwardPlaces(SmallMap<BlocId, usize>);

impl AwardPlaces {
    /// The plan's own award places.
    pub fn of_plan(plan: &Plan) -> AwardPlaces {
        AwardPlaces(SmallMap::from_iter(
            plan.blocs.iter().map(|bloc| (bloc.id, bloc.award_places)),
        ))
    }

    /// The places of `bloc` (1 for a bloc the settings do not know).
    pub fn for_bloc(&self, bloc: BlocId) -> usize {
        self.0.get(&bloc).copied().unwrap_or(1)
    }

    pub fn set(&mut self, bloc: BlocId, places: usize) {
        self.0.insert(bloc, places);
    }

    /// Each bloc's places, in bloc id order (as saved).
    pub fn iter(&self) -> impl Iterator<Item = (&BlocId, &usize)> {
        self.0.iter()
    }
}

/// A target's weight: a whole number from 0 to 10, as the settings offer, so that no score
/// is ever NaN or infinite. Saved as a JSON number exactly as before (`2.0`); a saved value
/// that is not one of these (a hand-edited `2.5`, `-1` or `1e308`) is read as the nearest
/// (`3`, `0`, `10`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weight(u8);

impl Weight {
    pub const MAX: u8 = 10;
    /// The weight of every target in the default model.
    pub const DEFAULT: Weight = Weight(1);

    /// `value` as a weight, if it is one (0–10).
    pub const fn new(value: u8) -> Option<Weight> {
        if value <= Weight::MAX {
            Some(Weight(value))
        } else {
            None
        }
    }

    /// The nearest weight to `value` (the default for NaN).
    pub fn nearest(value: f64) -> Weight {
        if value.is_nan() {
            return Weight::DEFAULT;
        }
        Weight(value.round().clamp(0.0, f64::from(Weight::MAX)) as u8)
    }

    pub const fn get(self) -> u8 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0)
    }
}

impl Serialize for Weight {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A float, as the weights were written before they became whole numbers.
        serializer.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Weight, D::Error> {
        f64::deserialize(deserializer).map(Weight::nearest)
    }
}

/// The scoring settings of one plan: the plan's defaults ([`ScoringModel::for_plan`]) or a
/// trainer's changes to them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringModel {
    pub mode: ScoringMode,
    /// Weights that differ from 1 (the plan's own weights included).
    pub weights: SmallMap<TargetId, Weight>,
    /// Targets whose default applicability a trainer changed.
    pub applicability: SmallMap<TargetId, ApplicabilityOverride>,
    pub bands: RatingBands,
    pub award_places: AwardPlaces,
}

impl Default for ScoringModel {
    /// The built-in plan's default model.
    fn default() -> Self {
        ScoringModel::for_plan(&builtin::plan())
    }
}

impl ScoringModel {
    /// The model a plan sets: its mode, bands, weights and award places.
    pub fn for_plan(plan: &Plan) -> ScoringModel {
        let mut model = ScoringModel {
            mode: plan.scoring.mode,
            weights: SmallMap::new(),
            applicability: SmallMap::new(),
            bands: plan.scoring.bands,
            award_places: AwardPlaces::of_plan(plan),
        };
        for target in &plan.targets {
            model.set_weight(target.id, target.weight);
        }
        model
    }

    pub fn weight(&self, id: TargetId) -> f64 {
        self.weights
            .get(&id)
            .copied()
            .unwrap_or(Weight::DEFAULT)
            .as_f64()
    }

    /// Sets a target's weight; the default one is not stored.
    pub fn set_weight(&mut self, id: TargetId, weight: Weight) {
        if weight == Weight::DEFAULT {
            self.weights.remove(&id);
        } else {
            self.weights.insert(id, weight);
        }
    }

    /// Repairs what hand-edited saved data may carry, as the settings would have it: award
    /// places from 1 to the bloc's size (the plan's own for a bloc missing), rating bands from
    /// 0 to 100 (weights are repaired when read, see [`Weight`]).
    pub fn normalised(mut self, plan: &Plan) -> ScoringModel {
        let mut places = AwardPlaces::default();
        for bloc in &plan.blocs {
            let saved = self.award_places.0.get(&bloc.id).copied();
            places.set(
                bloc.id,
                saved
                    .unwrap_or(bloc.award_places)
                    .clamp(1, bloc.units.len().max(1)),
            );
        }
        self.award_places = places;
        self.weights.retain(|id, _| plan.target(*id).is_some());
        self.applicability
            .retain(|id, _| plan.target(*id).is_some());
        for band in [
            &mut self.bands.good,
            &mut self.bands.fair,
            &mut self.bands.average,
        ] {
            *band = if band.is_nan() {
                0.0
            } else {
                band.clamp(0.0, 100.0)
            };
        }
        self
    }

    /// Whether anything differs from the plan's own model.
    pub fn is_default(&self, plan: &Plan) -> bool {
        *self == ScoringModel::for_plan(plan)
    }

    /// Whether a target applies to a unit unless the unit says otherwise.
    pub fn applies_by_default(&self, target: &Target, bloc: BlocId, unit_id: &str) -> bool {
        match self.applicability.get(&target.id) {
            Some(ApplicabilityOverride::AllUnits) => true,
            Some(ApplicabilityOverride::NoUnit) => false,
            None => target.applies_by_default(bloc, unit_id),
        }
    }

    /// A target's score, 0–1: never NaN, whatever the evaluation holds.
    pub fn attainment(&self, evaluation: &Evaluation) -> f64 {
        match (self.mode, evaluation.status) {
            (_, Status::Met) => 1.0,
            (ScoringMode::Proportional, Status::NotMet) if !evaluation.attainment.is_nan() => {
                evaluation.attainment.clamp(0.0, 1.0)
            }
            _ => 0.0,
        }
    }
}

/// The unit's overall result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// 0–100.
    pub score: f64,
    pub rating: Rating,
    pub met: usize,
    pub applicable: usize,
    /// Applicable targets with no figures yet.
    pub missing: usize,
    /// Applicable targets whose figures cannot be used.
    pub invalid: usize,
}

impl Summary {
    /// Whether there is anything to rate: some applicable target has figures (valid or
    /// not). Until then (no figures, or nothing applicable) the page says "chưa xếp loại"
    /// and has no `data-rating`.
    pub fn is_rated(&self) -> bool {
        self.applicable > self.missing
    }

    /// The score with two decimals and a dot, as in the page's `data-score`.
    pub fn score_attribute(&self) -> String {
        format_hundredths(self.score)
    }
}

/// One applicable target's part of the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetPoints<'a> {
    pub id: TargetId,
    pub evaluation: &'a Evaluation,
    pub weight: f64,
    /// 0–1, see [`ScoringModel::attainment`].
    pub attainment: f64,
    /// `weight × attainment`.
    pub points: f64,
}

/// What a score is made of: the points of every applicable target (in the order given) and
/// their sums. The one place the score is added up: [`summarize`], the explanation and the
/// improvement plan all read it.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown<'a> {
    pub targets: Vec<TargetPoints<'a>>,
    pub earned: f64,
    pub possible: f64,
}

impl<'a> Breakdown<'a> {
    pub fn new(
        evaluations: impl IntoIterator<Item = (TargetId, &'a Evaluation)>,
        model: &ScoringModel,
    ) -> Breakdown<'a> {
        let mut sum = Sum::default();
        let targets: Vec<TargetPoints<'a>> = evaluations
            .into_iter()
            .filter_map(|(id, evaluation)| sum.add(id, evaluation, model))
            .collect();
        Breakdown {
            targets,
            earned: sum.earned,
            possible: sum.possible,
        }
    }

    /// `100 × earned ÷ possible`, 0–100, before the rounding of [`Summary::score`]; 0 when
    /// nothing is possible.
    pub fn exact_score(&self) -> f64 {
        Sum {
            earned: self.earned,
            possible: self.possible,
        }
        .exact_score()
    }

    /// The points a target would add to the score if it were met.
    pub fn gain(&self, target: &TargetPoints) -> f64 {
        100.0 * target.weight * (1.0 - target.attainment) / self.possible
    }

    pub fn summary(&self, model: &ScoringModel) -> Summary {
        let (mut met, mut missing, mut invalid) = (0, 0, 0);
        for target in &self.targets {
            match target.evaluation.status {
                Status::Met => met += 1,
                Status::Incomplete => missing += 1,
                Status::Invalid => invalid += 1,
                _ => {}
            }
        }
        // Rounded to the hundredths the page shows, here where the score is made, so that
        // the rating, the rank and every figure shown compare the same number: 89,996 shows
        // as 90 and is rated good, and an own 80,2443 ties a peer's 80,24.
        let score = rounded(self.exact_score());
        Summary {
            score,
            rating: model.bands.rate(score),
            met,
            applicable: self.targets.len(),
            missing,
            invalid,
        }
    }
}

/// The points of the applicable targets added up, in the order given: the one sum of the
/// score, kept by [`Breakdown`] and by [`score_of`].
#[derive(Default)]
struct Sum {
    earned: f64,
    possible: f64,
}

impl Sum {
    /// Adds a target's points if it counts, and returns them.
    fn add<'a>(
        &mut self,
        id: TargetId,
        evaluation: &'a Evaluation,
        model: &ScoringModel,
    ) -> Option<TargetPoints<'a>> {
        if !evaluation.status.counts() {
            return None;
        }
        let weight = model.weight(id);
        let attainment = model.attainment(evaluation);
        let points = weight * attainment;
        self.earned += points;
        self.possible += weight;
        Some(TargetPoints {
            id,
            evaluation,
            weight,
            attainment,
            points,
        })
    }

    fn exact_score(&self) -> f64 {
        // Weights are whole numbers 0–10 and attainments 0–1: the quotient is finite.
        // Checked all the same, so the score is total.
        if self.possible > 0.0 {
            let score = 100.0 * self.earned / self.possible;
            if score.is_finite() {
                score.clamp(0.0, 100.0)
            } else {
                0.0
            }
        } else {
            0.0
        }
    }
}

/// Rounded to the hundredths the page shows (see [`Breakdown::summary`]).
fn rounded(exact: f64) -> f64 {
    (exact * 100.0).round() / 100.0
}

/// [`Summary::score`] of these evaluations, without keeping them or their breakdown
/// (issue 14: the bloc table scores every profile of a bloc, 10 000 of them).
pub fn score_of(
    evaluations: impl IntoIterator<Item = (TargetId, Evaluation)>,
    model: &ScoringModel,
) -> f64 {
    let mut sum = Sum::default();
    for (id, evaluation) in evaluations {
        sum.add(id, &evaluation, model);
    }
    rounded(sum.exact_score())
}

pub fn summarize<'a>(
    evaluations: impl IntoIterator<Item = (TargetId, &'a Evaluation)>,
    model: &ScoringModel,
) -> Summary {
    Breakdown::new(evaluations, model).summary(model)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::evaluate::{evaluate_increase_counts, evaluate_ratio};
    use crate::domain::number::Percent;

    #[test]
    fn the_breakdown_is_what_the_summary_adds_up() {
        let mut model = ScoringModel::default();
        model.set_weight(builtin::RECRUITMENT, Weight::new(3).unwrap());
        let half = evaluate_ratio(1, 2, Percent::HUNDRED);
        let met = evaluate_increase_counts(1, 2);
        let mut na = evaluate_increase_counts(1, 2);
        na.status = Status::NotApplicable;
        let evaluations = [
            (builtin::RECRUITMENT, &half),
            (builtin::SELF_FINANCING_UNITS, &met),
            (builtin::ONLINE_RESOLUTION, &na),
        ];
        let breakdown = Breakdown::new(evaluations, &model);
        let points: Vec<(f64, f64)> = breakdown
            .targets
            .iter()
            .map(|t| (t.weight, t.points))
            .collect();
        assert_eq!(points, [(3.0, 1.5), (1.0, 1.0)]);
        assert_eq!((breakdown.earned, breakdown.possible), (2.5, 4.0));
        assert_eq!(breakdown.exact_score(), 62.5);
        assert_eq!(breakdown.gain(&breakdown.targets[0]), 37.5);
        let summary = summarize(evaluations, &model);
        assert_eq!(
            (summary.score, summary.met, summary.applicable),
            (62.5, 1, 2)
        );
    }
}
