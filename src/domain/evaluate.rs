//! Evaluating one target from what was typed: status, percentage, threshold and the gap
//! in the unit's own terms. Decisions use exact integer arithmetic.

use super::figures::{EntryMode, Field, TargetEntry};
use super::keyed::keyed_enum;
use super::number::{
    parse_count, parse_percent, show_quotient, NumberError, NumberStyle, Percent, Shown,
    PERCENT_SCALE, PERCENT_SHOWN,
};
use super::plan::BlocId;
use super::plan::{Measure, Target};

keyed_enum! {
    /// The outcome of a target; `key()` is the page's `data-status`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Status {
        Met = "met",
        NotMet = "not-met",
        NotApplicable = "na",
        Incomplete = "incomplete",
        Invalid = "invalid",
    }
}

impl Status {
    /// Whether the target counts in the score ("applicable").
    pub fn counts(self) -> bool {
        self != Status::NotApplicable
    }
}

/// Why a field's value cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Number(NumberError),
    /// The numerator is larger than the denominator it is a part of.
    AboveDenominator {
        denominator: u64,
    },
}

/// Why a target is not applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotApplicableReason {
    /// The unit (or the default for its kind) says it does not apply.
    Switched,
    /// The denominator is 0: nothing arose, so there is nothing to measure.
    ZeroDenominator,
}

/// How far a target is from its threshold, in the unit's own terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// This many more units at the end of the year.
    Items(u64),
    /// A share counted from two numbers: `items` more of the numerator if the total stays
    /// `total`, or `growing` more if each one added also adds to the total (an answer
    /// added to the survey, a file added to the files); `None` when that can never reach
    /// the threshold (a 100% target). The page says which assumption each number makes.
    Share {
        items: u64,
        total: u64,
        growing: Option<u64>,
    },
    /// This many more percentage points (when a percentage was typed).
    Points(Percent),
}

/// The outcome of one target for one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub status: Status,
    pub not_applicable: Option<NotApplicableReason>,
    /// The achieved percentage of a ratio target, when known.
    pub actual: Option<Percent>,
    /// The percentage to reach, for ratio targets.
    pub threshold: Option<Percent>,
    /// Share of the threshold reached, 0–1, for the proportional scoring model.
    pub attainment: f64,
    pub gap: Option<Gap>,
    pub errors: Vec<(Field, FieldError)>,
    /// The counts judged: numerator and denominator of a ratio, or the counts at the
    /// start and the end of the year.
    pub counts: Option<(u64, u64)>,
}

impl Evaluation {
    fn new(status: Status, threshold: Option<Percent>) -> Evaluation {
        Evaluation {
            status,
            not_applicable: None,
            actual: None,
            threshold,
            attainment: 0.0,
            gap: None,
            errors: Vec::new(),
            counts: None,
        }
    }

    /// The achieved percentage exactly, as `num ÷ den` percent: the counts themselves for a
    /// share counted from two numbers (not the percentage cut to four decimals).
    pub fn actual_exact(&self) -> Option<(u128, u128)> {
        let actual = self.actual?;
        Some(match self.counts {
            Some((n, d)) if self.threshold.is_some() && d > 0 => {
                (u128::from(n) * 100, u128::from(d))
            }
            _ => (u128::from(actual.scaled()), u128::from(PERCENT_SCALE)),
        })
    }

    /// The achieved percentage as the page shows it: at most two decimals, correctly
    /// rounded, and never rounded onto a threshold it has not reached.
    pub fn shown_actual(&self, style: NumberStyle) -> Option<Shown> {
        let (num, den) = self.actual_exact()?;
        let limit = self
            .threshold
            .map(|t| (u128::from(t.scaled()), u128::from(PERCENT_SCALE)));
        Some(show_quotient(num, den, PERCENT_SHOWN, limit, style))
    }

    /// actual ÷ threshold, the proportional model's attainment, with three decimals
    /// correctly rounded (more where an unmet target would show 1).
    pub fn shown_attainment(&self, style: NumberStyle) -> Option<Shown> {
        let (num, den) = self.actual_exact()?;
        let threshold = u128::from(self.threshold?.scaled());
        if threshold == 0 {
            return None;
        }
        let num = num * u128::from(PERCENT_SCALE);
        Some(show_quotient(num, den * threshold, 3, Some((1, 1)), style))
    }

    pub fn error(&self, field: Field) -> Option<FieldError> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| *e)
    }
}

/// Whether the target counts for this unit, following the unit's choice or the default.
pub fn is_applicable(entry: &TargetEntry, applies_by_default: bool) -> bool {
    !entry.not_applicable.unwrap_or(!applies_by_default)
}

/// Parses a field, recording its error.
fn read<T>(
    errors: &mut Vec<(Field, FieldError)>,
    field: Field,
    parsed: Result<Option<T>, NumberError>,
) -> Option<T> {
    parsed
        .map_err(|e| errors.push((field, FieldError::Number(e))))
        .ok()
        .flatten()
}

/// Evaluates with the target's own default applicability for the unit.
pub fn evaluate(target: &Target, entry: &TargetEntry, bloc: BlocId, unit_id: &str) -> Evaluation {
    evaluate_with(
        target,
        entry,
        bloc,
        target.applies_by_default(bloc, unit_id),
    )
}

/// Evaluates with the given default applicability (which a scoring model may change).
pub fn evaluate_with(
    target: &Target,
    entry: &TargetEntry,
    bloc: BlocId,
    applies_by_default: bool,
) -> Evaluation {
    // A target the plan does not offer to the bloc never applies, whatever was saved.
    if !target.is_offered(bloc) || !is_applicable(entry, applies_by_default) {
        let mut evaluation = Evaluation::new(Status::NotApplicable, target.threshold(bloc));
        evaluation.not_applicable = Some(NotApplicableReason::Switched);
        return evaluation;
    }
    match target.measure {
        Measure::Ratio { .. } => {
            // A checked plan gives every offered ratio a threshold.
            let threshold = target.threshold(bloc).unwrap_or(Percent::HUNDRED);
            match entry.mode {
                EntryMode::Counts => evaluate_counts(entry, threshold),
                EntryMode::Percent => evaluate_percent(entry, threshold),
            }
        }
        Measure::YesNo { .. } => evaluate_answer(entry.answer),
        Measure::Increase { .. } => evaluate_increase(entry),
    }
}

fn evaluate_counts(entry: &TargetEntry, threshold: Percent) -> Evaluation {
    let mut evaluation = Evaluation::new(Status::Incomplete, Some(threshold));
    let numerator = read(
        &mut evaluation.errors,
        Field::Numerator,
        parse_count(&entry.numerator),
    );
    let denominator = read(
        &mut evaluation.errors,
        Field::Denominator,
        parse_count(&entry.denominator),
    );
    if let (Some(n), Some(d)) = (numerator, denominator) {
        if n > d {
            evaluation.errors.push((
                Field::Numerator,
                FieldError::AboveDenominator { denominator: d },
            ));
        }
    }
    if !evaluation.errors.is_empty() {
        evaluation.status = Status::Invalid;
        return evaluation;
    }
    match (numerator, denominator) {
        (Some(0) | None, Some(0)) => {
            evaluation.status = Status::NotApplicable;
            evaluation.not_applicable = Some(NotApplicableReason::ZeroDenominator);
            evaluation
        }
        (Some(n), Some(d)) => evaluate_ratio(n, d, threshold),
        _ => evaluation,
    }
}

/// Judges `numerator` of `denominator` against `threshold`, exactly; a zero denominator is
/// not applicable. Also used for district totals.
pub fn evaluate_ratio(numerator: u64, denominator: u64, threshold: Percent) -> Evaluation {
    let mut evaluation = Evaluation::new(Status::Incomplete, Some(threshold));
    let (n, d) = (numerator, denominator);
    let Some(actual) = Percent::of_ratio(n, d) else {
        evaluation.status = Status::NotApplicable;
        evaluation.not_applicable = Some(NotApplicableReason::ZeroDenominator);
        return evaluation;
    };
    evaluation.actual = Some(actual);
    evaluation.counts = Some((n, d));
    // n / d ≥ T / (100 · SCALE)  ⇔  n · 100 · SCALE ≥ T · d, exactly.
    let needed_scaled = u128::from(threshold.scaled()) * u128::from(d);
    let have_scaled = u128::from(n) * 100 * u128::from(PERCENT_SCALE);
    let per_item = 100 * u128::from(PERCENT_SCALE);
    if have_scaled >= needed_scaled {
        evaluation.status = Status::Met;
        evaluation.attainment = 1.0;
    } else {
        evaluation.status = Status::NotMet;
        evaluation.attainment = have_scaled as f64 / needed_scaled as f64;
        let needed_items = needed_scaled.div_ceil(per_item);
        // (n + k) ÷ (d + k) ≥ T  ⇔  k · (100 · SCALE − T) ≥ T · d − n · 100 · SCALE.
        let growing = per_item
            .checked_sub(u128::from(threshold.scaled()))
            .filter(|&room| room > 0)
            .map(|room| ((needed_scaled - have_scaled).div_ceil(room)) as u64);
        evaluation.gap = Some(Gap::Share {
            items: needed_items as u64 - n,
            total: d,
            growing,
        });
    }
    evaluation
}

fn evaluate_percent(entry: &TargetEntry, threshold: Percent) -> Evaluation {
    let mut evaluation = Evaluation::new(Status::Incomplete, Some(threshold));
    let Some(actual) = read(
        &mut evaluation.errors,
        Field::Percent,
        parse_percent(&entry.percent),
    ) else {
        if !evaluation.errors.is_empty() {
            evaluation.status = Status::Invalid;
        }
        return evaluation;
    };
    evaluation.actual = Some(actual);
    if actual >= threshold {
        evaluation.status = Status::Met;
        evaluation.attainment = 1.0;
    } else {
        evaluation.status = Status::NotMet;
        evaluation.attainment = actual.scaled() as f64 / threshold.scaled() as f64;
        evaluation.gap = Some(Gap::Points(Percent::from_scaled(
            threshold.scaled() - actual.scaled(),
        )));
    }
    evaluation
}

fn evaluate_answer(answer: Option<bool>) -> Evaluation {
    let mut evaluation = Evaluation::new(Status::Incomplete, None);
    match answer {
        Some(true) => {
            evaluation.status = Status::Met;
            evaluation.attainment = 1.0;
        }
        Some(false) => evaluation.status = Status::NotMet,
        None => {}
    }
    evaluation
}

fn evaluate_increase(entry: &TargetEntry) -> Evaluation {
    let mut evaluation = Evaluation::new(Status::Incomplete, None);
    let before = read(
        &mut evaluation.errors,
        Field::Before,
        parse_count(&entry.before),
    );
    let after = read(
        &mut evaluation.errors,
        Field::After,
        parse_count(&entry.after),
    );
    if !evaluation.errors.is_empty() {
        evaluation.status = Status::Invalid;
        return evaluation;
    }
    match (before, after) {
        (Some(before), Some(after)) => evaluate_increase_counts(before, after),
        _ => evaluation,
    }
}

/// Judges a count at the start and at the end of the year: met when it grew.
pub fn evaluate_increase_counts(before: u64, after: u64) -> Evaluation {
    let mut evaluation = Evaluation::new(Status::NotMet, None);
    evaluation.counts = Some((before, after));
    if after > before {
        evaluation.status = Status::Met;
        evaluation.attainment = 1.0;
    } else {
        evaluation.gap = Some(Gap::Items(before + 1 - after));
    }
    evaluation
}
