//! Plan files (`cchc-plan`, version 1): a campaign's plan as a JSON document that a province
//! or a commune writes by hand, generates from a spreadsheet or exports from the plan
//! editor, and that every unit opens. The full schema is in `docs/formats.md` ("Plan files").
//!
//! Reading is strict, like unit files: the shape first (unknown fields, wrong kinds, an
//! unknown target kind are refused at their path), then [`check_plan`], the one rule of what
//! a usable plan is; a file with any problem is refused with all of them.
//! [`export_plan_file`] writes the canonical form, which reads back to the same [`Plan`].

use super::json::{self, Map, Number, Ordered, Value};

use super::json_read::{
    known_keys, object, one_of, path, read_document, required, required_text, text, wrong,
    DocumentProblem, Expected, Keys, ShapeProblem,
};
use crate::domain::number::{Percent, PERCENT_SCALE};
use crate::domain::plan::{
    Bloc, BlocId, BlocRule, DefaultUnits, Measure, Plan, ScoringDefaults, Target, TargetId, Text,
    Unit,
};
use crate::domain::plan_check::{check_plan, PlanProblem, PlanProblemKind, YEARS};
use crate::domain::score::{RatingBands, ScoringMode, Weight};

/// The `format` of a plan file.
pub const PLAN_FILE_FORMAT: &str = "cchc-plan";
/// The version this build writes and the newest it reads.
pub const PLAN_FILE_VERSION: u64 = 1;
/// The largest file read: 2 MiB (a province's few hundred units take a few tens of KB).
pub const MAX_PLAN_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The `kind`s of a target.
pub const KINDS: &[&str] = &["ratio", "yes_no", "increase"];
/// The scoring `mode`s.
pub const MODES: &[&str] = &["proportional", "all_or_nothing"];

/// A plan file that could not be read: which file and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFileError {
    /// The name of the file as given to [`import_plan_file`].
    pub file_name: String,
    pub problem: PlanFileProblem,
}

/// Everything that makes reading refuse a plan file. Field paths are dotted JSON paths with
/// list positions, such as `plan.targets[0].applies.xa`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanFileProblem {
    /// Not a `cchc-plan` document: too big, empty, not UTF-8, not JSON, another format, no
    /// version.
    Document(DocumentProblem),
    /// Written for a newer version of the app; refused whole, never read in part.
    NewerVersion { version: u64, supported: u64 },
    /// A field that is absent, of the wrong kind or unknown.
    Shape(ShapeProblem),
    /// A target `kind` this version does not know (`field` is its path).
    UnknownKind { field: String, kind: String },
    /// The file has the right shape but the plan cannot be used: every problem, each at
    /// its field (see [`check_plan`]).
    Invalid(Vec<PlanProblem>),
}

impl From<DocumentProblem> for PlanFileProblem {
    fn from(problem: DocumentProblem) -> PlanFileProblem {
        PlanFileProblem::Document(problem)
    }
}

impl From<ShapeProblem> for PlanFileProblem {
    fn from(problem: ShapeProblem) -> PlanFileProblem {
        PlanFileProblem::Shape(problem)
    }
}

// ---------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------

/// Reads a plan file.
///
/// Checks, in order: size, UTF-8 (a leading byte-order mark is allowed), JSON, `format`,
/// `version` (newer is refused), the shape of every field, then [`check_plan`].
pub fn import_plan_file(file_name: &str, bytes: &[u8]) -> Result<Plan, PlanFileError> {
    read(bytes).map_err(|problem| PlanFileError {
        file_name: file_name.to_string(),
        problem,
    })
}

fn read(bytes: &[u8]) -> Result<Plan, PlanFileProblem> {
    let (document, version) =
        read_document(bytes, MAX_PLAN_FILE_BYTES, PLAN_FILE_FORMAT, Keys::Unique)?;
    if version > PLAN_FILE_VERSION {
        return Err(PlanFileProblem::NewerVersion {
            version,
            supported: PLAN_FILE_VERSION,
        });
    }
    let top = document
        .as_object()
        .ok_or(DocumentProblem::OtherFormat { format: None })?;
    known_keys(top, "", TOP_FIELDS)?;

    let mut reader = Reader::default();
    let plan = reader.plan(required(top, "", "plan")?)?;
    // Problems only a file can have (a weight of 2.5) among the plan's, in the file's order.
    let mut problems = reader.problems;
    problems.extend(check_plan(&plan));
    problems.sort_by_cached_key(|problem| file_position(&problem.path));
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(PlanFileProblem::Invalid(problems))
    }
}

const TOP_FIELDS: &[&str] = &["format", "version", "plan"];
const PLAN_FIELDS: &[&str] = &[
    "id", "name", "year", "issuer", "place", "example", "blocs", "targets", "scoring",
];
const BLOC_FIELDS: &[&str] = &["id", "name", "award_places", "units"];
const UNIT_FIELDS: &[&str] = &["id", "name"];
const TEXT_FIELDS: &[&str] = &["vi", "en"];
const TARGET_COMMON: &[&str] = &["id", "name", "help", "kind", "applies", "weight"];
const RATIO_FIELDS: &[&str] = &["numerator", "denominator", "one_more"];
const YES_NO_FIELDS: &[&str] = &["question", "overall_threshold"];
const INCREASE_FIELDS: &[&str] = &["before", "after", "one_more"];
const RULE_FIELDS: &[&str] = &["threshold", "units", "default"];
const SCORING_FIELDS: &[&str] = &["mode", "bands"];
const BAND_FIELDS: &[&str] = &["good", "fair", "average"];

/// The fields of a plan file in the order [`export_plan_file`] writes them (at every level).
const FIELD_ORDER: &[&str] = &[
    "plan",
    "id",
    "name",
    "year",
    "issuer",
    "place",
    "example",
    "blocs",
    "award_places",
    "units",
    "targets",
    "help",
    "kind",
    "numerator",
    "denominator",
    "question",
    "overall_threshold",
    "before",
    "after",
    "one_more",
    "applies",
    "threshold",
    "default",
    "weight",
    "scoring",
    "mode",
    "bands",
    "good",
    "fair",
    "average",
    "vi",
    "en",
];

/// Where a path (`plan.targets[2].applies.xa`) stands in an exported file, for sorting:
/// each part by its place in [`FIELD_ORDER`] (a bloc id after every field name) or its
/// position in a list.
fn file_position(path: &str) -> Vec<usize> {
    path.split(['.', '['])
        .map(|part| match part.strip_suffix(']') {
            Some(index) => index.parse().unwrap_or(usize::MAX),
            None => FIELD_ORDER
                .iter()
                .position(|field| *field == part)
                .unwrap_or(FIELD_ORDER.len()),
        })
        .collect()
}

/// Reads the shape; values that are numbers but cannot be held by the plan (a weight of
/// 2.5, a threshold of -5) are kept as problems, so that they are listed with the others.
#[derive(Default)]
struct Reader {
    problems: Vec<PlanProblem>,
}

type Read<T> = Result<T, PlanFileProblem>;

fn array<'a>(value: &'a Value, at: &str) -> Result<&'a Vec<Value>, ShapeProblem> {
    value
        .as_array()
        .ok_or_else(|| wrong(at, Expected::Array, value))
}

/// A whole number 0 or more, also when a spreadsheet wrote it `5.0`.
fn whole(n: &Number) -> Option<u64> {
    n.as_u64().or_else(|| {
        n.as_f64()
            .filter(|f| f.fract() == 0.0 && (0.0..(1u64 << 53) as f64).contains(f))
            .map(|f| f as u64)
    })
}

fn whole_number(value: &Value, at: &str) -> Result<u64, ShapeProblem> {
    match value {
        Value::Number(n) => whole(n),
        _ => None,
    }
    .ok_or_else(|| wrong(at, Expected::WholeNumber, value))
}

fn number<'a>(value: &'a Value, at: &str) -> Result<&'a Number, ShapeProblem> {
    match value {
        Value::Number(n) => Ok(n),
        other => Err(wrong(at, Expected::Number, other)),
    }
}

/// A text: a string, or `{"vi": …, "en": …}` (`en` optional).
fn read_text(value: &Value, at: &str) -> Result<Text, ShapeProblem> {
    match value {
        Value::String(vi) => Ok(Text::vi(vi.clone())),
        Value::Object(_) => {
            let map = object(value, at, TEXT_FIELDS)?;
            Ok(Text {
                vi: required_text(map, at, "vi")?,
                en: text(map, at, "en")?,
            })
        }
        other => Err(wrong(at, Expected::TextInLanguages, other)),
    }
}

fn required_text_field(
    map: &Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<Text, ShapeProblem> {
    read_text(required(map, at, key)?, &path(at, key))
}

fn optional_text_field(
    map: &Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<Option<Text>, ShapeProblem> {
    map.get(key)
        .map(|value| read_text(value, &path(at, key)))
        .transpose()
}

/// A percentage as written (`87.5`, `60`) in the exact units of [`Percent`]; a value that
/// [`Percent`] cannot hold (negative, huge, five decimals) is the problem it is.
fn percent_of(n: &Number) -> Result<Percent, PlanProblemKind> {
    if let Some(whole) = n.as_u64() {
        return whole
            .checked_mul(PERCENT_SCALE)
            .map(Percent::from_scaled)
            .ok_or(PlanProblemKind::PercentOutOfRange);
    }
    let value = n.as_f64().unwrap_or(-1.0);
    if value < 0.0 {
        return Err(PlanProblemKind::PercentOutOfRange);
    }
    let scaled = value * PERCENT_SCALE as f64;
    if scaled >= (1u64 << 53) as f64 {
        return Err(PlanProblemKind::PercentOutOfRange);
    }
    // A decimal as written (87.12) is not exact in binary: near a whole number of
    // ten-thousandths is that number.
    let rounded = scaled.round();
    if (scaled - rounded).abs() > 1e-6 {
        return Err(if value > 100.0 {
            PlanProblemKind::PercentOutOfRange
        } else {
            PlanProblemKind::PercentTooPrecise
        });
    }
    Ok(Percent::from_scaled(rounded as u64))
}

impl Reader {
    fn problem(&mut self, path: impl Into<String>, kind: PlanProblemKind) {
        self.problems.push(PlanProblem {
            path: path.into(),
            kind,
        });
    }

    fn percent(&mut self, value: &Value, at: &str) -> Read<Percent> {
        match percent_of(number(value, at)?) {
            Ok(percent) => Ok(percent),
            Err(kind) => {
                self.problem(at, kind);
                Ok(Percent::ZERO)
            }
        }
    }

    fn plan(&mut self, value: &Value) -> Read<Plan> {
        const AT: &str = "plan";
        let map = object(value, AT, PLAN_FIELDS)?;
        let id = required_text(map, AT, "id")?;
        let name = required_text_field(map, AT, "name")?;
        let year = self.year(required(map, AT, "year")?)?;
        let issuer = optional_text_field(map, AT, "issuer")?.unwrap_or_default();
        let place = optional_text_field(map, AT, "place")?.unwrap_or_default();
        let example = match map.get("example") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => return Err(wrong("plan.example", Expected::Boolean, other).into()),
        };
        let blocs = array(required(map, AT, "blocs")?, "plan.blocs")?
            .iter()
            .enumerate()
            .map(|(i, bloc)| read_bloc(bloc, &format!("plan.blocs[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let targets = array(required(map, AT, "targets")?, "plan.targets")?
            .iter()
            .enumerate()
            .map(|(i, target)| self.target(target, &format!("plan.targets[{i}]"), &blocs))
            .collect::<Result<Vec<_>, _>>()?;
        let scoring = match map.get("scoring") {
            Some(scoring) => read_scoring(scoring)?,
            None => ScoringDefaults::default(),
        };
        Ok(Plan {
            id,
            name,
            year,
            issuer,
            place,
            example,
            blocs,
            targets,
            scoring,
        })
    }

    fn year(&mut self, value: &Value) -> Read<u16> {
        let n = number(value, "plan.year")?;
        match whole(n).and_then(|year| u16::try_from(year).ok()) {
            Some(year) => Ok(year),
            None => {
                self.problem("plan.year", PlanProblemKind::YearOutOfRange);
                Ok(*YEARS.start())
            }
        }
    }

    fn target(&mut self, value: &Value, at: &str, blocs: &[Bloc]) -> Read<Target> {
        let map = value
            .as_object()
            .ok_or_else(|| wrong(at, Expected::Object, value))?;
        let kind_at = path(at, "kind");
        let kind = match required(map, at, "kind")? {
            Value::String(kind) if KINDS.contains(&kind.as_str()) => kind.as_str(),
            Value::String(kind) => {
                return Err(PlanFileProblem::UnknownKind {
                    field: kind_at,
                    kind: kind.clone(),
                })
            }
            other => return Err(wrong(kind_at, Expected::OneOf(KINDS), other).into()),
        };
        let own = match kind {
            "ratio" => RATIO_FIELDS,
            "yes_no" => YES_NO_FIELDS,
            _ => INCREASE_FIELDS,
        };
        let known: Vec<&str> = TARGET_COMMON.iter().chain(own).copied().collect();
        known_keys(map, at, &known)?;

        let id = read_id(required(map, at, "id")?, &path(at, "id"), TargetId::new)?;
        let label = required_text_field(map, at, "name")?;
        let help = optional_text_field(map, at, "help")?.unwrap_or_default();
        let measure = match kind {
            "ratio" => {
                let numerator = required_text_field(map, at, "numerator")?;
                Measure::Ratio {
                    denominator: required_text_field(map, at, "denominator")?,
                    one_more: optional_text_field(map, at, "one_more")?
                        .unwrap_or_else(|| numerator.clone()),
                    numerator,
                }
            }
            "yes_no" => Measure::YesNo {
                question: required_text_field(map, at, "question")?,
                overall_threshold: match map.get("overall_threshold") {
                    Some(value) => Some(self.percent(value, &path(at, "overall_threshold"))?),
                    None => None,
                },
            },
            _ => {
                let before = required_text_field(map, at, "before")?;
                let after = required_text_field(map, at, "after")?;
                Measure::Increase {
                    before,
                    one_more: optional_text_field(map, at, "one_more")?
                        .unwrap_or_else(|| after.clone()),
                    after,
                }
            }
        };
        let applies_at = path(at, "applies");
        let applies = required(map, at, "applies")?
            .as_object()
            .ok_or_else(|| wrong(&applies_at, Expected::Object, &map["applies"]))?;
        let rules = self.rules(applies, &applies_at, blocs)?;
        let weight = match map.get("weight") {
            None => Weight::DEFAULT,
            Some(value) => {
                let n = number(value, &path(at, "weight"))?;
                match whole(n)
                    .and_then(|w| u8::try_from(w).ok())
                    .and_then(Weight::new)
                {
                    Some(weight) => weight,
                    None => {
                        self.problem(path(at, "weight"), PlanProblemKind::WeightOutOfRange);
                        Weight::DEFAULT
                    }
                }
            }
        };
        Ok(Target {
            id,
            label,
            help,
            measure,
            blocs: rules,
            weight,
        })
    }

    /// The rules of `applies`, in the plan's bloc order (a JSON object has none); a key that
    /// is no bloc of the plan is a problem.
    fn rules(
        &mut self,
        applies: &Map<String, Value>,
        at: &str,
        blocs: &[Bloc],
    ) -> Read<Vec<BlocRule>> {
        let mut rules = Vec::new();
        for bloc in blocs {
            if rules.iter().any(|rule: &BlocRule| rule.bloc == bloc.id) {
                continue; // a duplicate bloc id: check_plan names it
            }
            if let Some(value) = applies.get(bloc.id.key()) {
                rules.push(self.rule(value, &path(at, bloc.id.key()), bloc.id)?);
            }
        }
        for key in applies.keys() {
            if !blocs.iter().any(|bloc| bloc.id.key() == key) {
                self.problem(path(at, key), PlanProblemKind::UnknownBloc);
            }
        }
        Ok(rules)
    }

    fn rule(&mut self, value: &Value, at: &str, bloc: BlocId) -> Read<BlocRule> {
        let rule = |threshold, applies_to| BlocRule {
            bloc,
            threshold,
            applies_to,
        };
        Ok(match value {
            Value::Number(_) => rule(Some(self.percent(value, at)?), DefaultUnits::All),
            Value::Bool(true) => rule(None, DefaultUnits::All),
            Value::Bool(false) => rule(None, DefaultUnits::None),
            Value::Object(_) => {
                let map = object(value, at, RULE_FIELDS)?;
                let threshold = match map.get("threshold") {
                    Some(value) => Some(self.percent(value, &path(at, "threshold"))?),
                    None => None,
                };
                let applies_to = match (map.get("units"), map.get("default")) {
                    (Some(_), Some(default)) => {
                        return Err(wrong(path(at, "default"), Expected::Absent, default).into())
                    }
                    (Some(units), None) => {
                        let units_at = path(at, "units");
                        let ids = array(units, &units_at)?
                            .iter()
                            .enumerate()
                            .map(|(i, unit)| match unit {
                                Value::String(id) => Ok(id.clone()),
                                other => {
                                    Err(wrong(format!("{units_at}[{i}]"), Expected::Text, other))
                                }
                            })
                            .collect::<Result<Vec<_>, _>>()?;
                        DefaultUnits::Only(ids)
                    }
                    (None, Some(Value::Bool(true)) | None) => DefaultUnits::All,
                    (None, Some(Value::Bool(false))) => DefaultUnits::None,
                    (None, Some(other)) => {
                        return Err(wrong(path(at, "default"), Expected::Boolean, other).into())
                    }
                };
                rule(threshold, applies_to)
            }
            other => return Err(wrong(at, Expected::Rule, other).into()),
        })
    }
}

fn read_id<T>(value: &Value, at: &str, new: fn(&str) -> Option<T>) -> Result<T, ShapeProblem> {
    value
        .as_str()
        .and_then(new)
        .ok_or_else(|| wrong(at, Expected::Id, value))
}

fn read_bloc(value: &Value, at: &str) -> Result<Bloc, ShapeProblem> {
    let map = object(value, at, BLOC_FIELDS)?;
    let id = read_id(required(map, at, "id")?, &path(at, "id"), BlocId::new)?;
    let name = required_text_field(map, at, "name")?;
    let places_at = path(at, "award_places");
    let award_places = whole_number(required(map, at, "award_places")?, &places_at)?;
    let units_at = path(at, "units");
    let units = array(required(map, at, "units")?, &units_at)?
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let unit_at = format!("{units_at}[{i}]");
            let map = object(unit, &unit_at, UNIT_FIELDS)?;
            Ok(Unit {
                id: required_text(map, &unit_at, "id")?,
                name: required_text(map, &unit_at, "name")?,
            })
        })
        .collect::<Result<Vec<_>, ShapeProblem>>()?;
    Ok(Bloc {
        id,
        name,
        award_places: usize::try_from(award_places).unwrap_or(usize::MAX),
        units,
    })
}

fn read_scoring(value: &Value) -> Result<ScoringDefaults, ShapeProblem> {
    const AT: &str = "plan.scoring";
    let map = object(value, AT, SCORING_FIELDS)?;
    let mode = match one_of(map, AT, "mode", MODES)?.as_deref() {
        Some("all_or_nothing") => ScoringMode::AllOrNothing,
        _ => ScoringMode::Proportional,
    };
    let bands = match map.get("bands") {
        None => RatingBands::default(),
        Some(bands) => {
            let at = "plan.scoring.bands";
            let map = object(bands, at, BAND_FIELDS)?;
            let band = |key: &str| -> Result<f64, ShapeProblem> {
                let band_at = path(at, key);
                let n = number(required(map, at, key)?, &band_at)?;
                Ok(n.as_f64().unwrap_or(f64::NAN))
            };
            RatingBands {
                good: band("good")?,
                fair: band("fair")?,
                average: band("average")?,
            }
        }
    };
    Ok(ScoringDefaults { mode, bands })
}

// ---------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------

/// The plan as a plan file: pretty-printed JSON ending with a newline, fields in the
/// documented order, optional fields left out when they hold their default. Reading it
/// back gives the same plan (the rules of a target in the plan's bloc order).
pub fn export_plan_file(plan: &Plan) -> String {
    let mut fields = vec![
        field("id", Ordered::Text(plan.id.clone())),
        field("name", text_out(&plan.name)),
        field("year", Ordered::Unsigned(plan.year.into())),
    ];
    if plan.issuer != Text::default() {
        fields.push(field("issuer", text_out(&plan.issuer)));
    }
    if plan.place != Text::default() {
        fields.push(field("place", text_out(&plan.place)));
    }
    if plan.example {
        fields.push(field("example", Ordered::Bool(true)));
    }
    fields.push(field(
        "blocs",
        Ordered::Array(plan.blocs.iter().map(bloc_out).collect()),
    ));
    fields.push(field(
        "targets",
        Ordered::Array(plan.targets.iter().map(target_out).collect()),
    ));
    if plan.scoring != ScoringDefaults::default() {
        let bands = &plan.scoring.bands;
        fields.push(field(
            "scoring",
            Ordered::Object(vec![
                field("mode", Ordered::Text(plan.scoring.mode_key().into())),
                field(
                    "bands",
                    Ordered::Object(vec![
                        field("good", real_out(bands.good)),
                        field("fair", real_out(bands.fair)),
                        field("average", real_out(bands.average)),
                    ]),
                ),
            ]),
        ));
    }
    let file = Ordered::Object(vec![
        field("format", Ordered::Text(PLAN_FILE_FORMAT.into())),
        field("version", Ordered::Unsigned(PLAN_FILE_VERSION)),
        field("plan", Ordered::Object(fields)),
    ]);
    let mut text = json::pretty(&file);
    text.push('\n');
    text
}

fn field(key: &str, value: Ordered) -> (String, Ordered) {
    (key.to_string(), value)
}

/// A text: a plain string when it has no English, else `{"vi": …, "en": …}`.
fn text_out(text: &Text) -> Ordered {
    match &text.en {
        None => Ordered::Text(text.vi.clone()),
        Some(en) => Ordered::Object(vec![
            field("vi", Ordered::Text(text.vi.clone())),
            field("en", Ordered::Text(en.clone())),
        ]),
    }
}

/// A percentage as a JSON number: `87` when whole, else `87.5` (the nearest double prints
/// as the shortest decimal that reads back to it: the decimal itself, at most 4 decimals).
fn percent_out(percent: Percent) -> Ordered {
    let scaled = percent.scaled();
    if scaled % PERCENT_SCALE == 0 {
        Ordered::Unsigned(scaled / PERCENT_SCALE)
    } else {
        Ordered::Float(scaled as f64 / PERCENT_SCALE as f64)
    }
}

/// A band: `90` when whole, else `87.5`.
fn real_out(value: f64) -> Ordered {
    if value.fract() == 0.0 && value.abs() < (1u64 << 53) as f64 {
        Ordered::Signed(value as i64)
    } else {
        Ordered::Float(value)
    }
}

fn bloc_out(bloc: &Bloc) -> Ordered {
    let units = bloc.units.iter().map(|unit| {
        Ordered::Object(vec![
            field("id", Ordered::Text(unit.id.clone())),
            field("name", Ordered::Text(unit.name.clone())),
        ])
    });
    Ordered::Object(vec![
        field("id", Ordered::Text(bloc.id.key().into())),
        field("name", text_out(&bloc.name)),
        field("award_places", Ordered::Unsigned(bloc.award_places as u64)),
        field("units", Ordered::Array(units.collect())),
    ])
}

fn target_out(target: &Target) -> Ordered {
    let mut fields = vec![
        field("id", Ordered::Text(target.id.key().into())),
        field("name", text_out(&target.label)),
    ];
    if target.help != Text::default() {
        fields.push(field("help", text_out(&target.help)));
    }
    fields.push(field("kind", Ordered::Text(target.measure.kind().into())));
    // `one_more` is written only when it is not its default (the numerator, the after).
    match &target.measure {
        Measure::Ratio {
            numerator,
            denominator,
            one_more,
        } => {
            fields.push(field("numerator", text_out(numerator)));
            fields.push(field("denominator", text_out(denominator)));
            if one_more != numerator {
                fields.push(field("one_more", text_out(one_more)));
            }
        }
        Measure::YesNo {
            question,
            overall_threshold,
        } => {
            fields.push(field("question", text_out(question)));
            if let Some(threshold) = overall_threshold {
                fields.push(field("overall_threshold", percent_out(*threshold)));
            }
        }
        Measure::Increase {
            before,
            after,
            one_more,
        } => {
            fields.push(field("before", text_out(before)));
            fields.push(field("after", text_out(after)));
            if one_more != after {
                fields.push(field("one_more", text_out(one_more)));
            }
        }
    }
    let applies = target
        .blocs
        .iter()
        .map(|rule| (rule.bloc.key().to_string(), rule_out(rule)));
    fields.push(("applies".into(), Ordered::Object(applies.collect())));
    if target.weight != Weight::DEFAULT {
        fields.push(field(
            "weight",
            Ordered::Unsigned(target.weight.get().into()),
        ));
    }
    Ordered::Object(fields)
}

/// A rule in its shortest form: `87.5`, `true`, `false`, else an object.
fn rule_out(rule: &BlocRule) -> Ordered {
    match (&rule.applies_to, rule.threshold) {
        (DefaultUnits::All, Some(threshold)) => percent_out(threshold),
        (DefaultUnits::All, None) => Ordered::Bool(true),
        (DefaultUnits::None, None) => Ordered::Bool(false),
        (applies_to, threshold) => {
            let mut fields = Vec::new();
            if let Some(threshold) = threshold {
                fields.push(field("threshold", percent_out(threshold)));
            }
            match applies_to {
                DefaultUnits::Only(ids) => fields.push(field(
                    "units",
                    Ordered::Array(ids.iter().cloned().map(Ordered::Text).collect()),
                )),
                DefaultUnits::None => fields.push(field("default", Ordered::Bool(false))),
                DefaultUnits::All => {}
            }
            Ordered::Object(fields)
        }
    }
}

#[cfg(test)]
mod by_serde {
    use super::*;
    use serde::ser::{SerializeMap, Serializer};
    use serde::Serialize;

    /// The export as serde's derives wrote it, kept as the oracle of [`export_plan_file`].
    pub(crate) fn export_plan_file_by_serde(plan: &Plan) -> String {
        let file = FileOut {
            format: PLAN_FILE_FORMAT,
            version: PLAN_FILE_VERSION,
            plan: PlanOut {
                id: &plan.id,
                name: TextOut(&plan.name),
                year: plan.year,
                issuer: optional(&plan.issuer),
                place: optional(&plan.place),
                example: plan.example,
                blocs: plan.blocs.iter().map(BlocOut::of).collect(),
                targets: plan.targets.iter().map(TargetOut::of).collect(),
                scoring: (plan.scoring != ScoringDefaults::default()).then_some(ScoringOut {
                    mode: plan.scoring.mode_key(),
                    bands: BandsOut {
                        good: Real(plan.scoring.bands.good),
                        fair: Real(plan.scoring.bands.fair),
                        average: Real(plan.scoring.bands.average),
                    },
                }),
            },
        };
        let mut text = serde_json::to_string_pretty(&file).expect("a plan file always serialises");
        text.push('\n');
        text
    }

    pub(super) fn optional(text: &Text) -> Option<TextOut<'_>> {
        (*text != Text::default()).then_some(TextOut(text))
    }

    pub(super) fn is_false(b: &bool) -> bool {
        !*b
    }

    #[derive(Serialize)]
    pub(super) struct FileOut<'a> {
        format: &'static str,
        version: u64,
        plan: PlanOut<'a>,
    }

    #[derive(Serialize)]
    pub(super) struct PlanOut<'a> {
        id: &'a str,
        name: TextOut<'a>,
        year: u16,
        #[serde(skip_serializing_if = "Option::is_none")]
        issuer: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        place: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "is_false")]
        example: bool,
        blocs: Vec<BlocOut<'a>>,
        targets: Vec<TargetOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        scoring: Option<ScoringOut>,
    }

    #[derive(Serialize)]
    pub(super) struct BlocOut<'a> {
        id: &'a str,
        name: TextOut<'a>,
        award_places: usize,
        units: Vec<UnitOut<'a>>,
    }

    impl<'a> BlocOut<'a> {
        fn of(bloc: &'a Bloc) -> BlocOut<'a> {
            BlocOut {
                id: bloc.id.key(),
                name: TextOut(&bloc.name),
                award_places: bloc.award_places,
                units: bloc
                    .units
                    .iter()
                    .map(|unit| UnitOut {
                        id: &unit.id,
                        name: &unit.name,
                    })
                    .collect(),
            }
        }
    }

    #[derive(Serialize)]
    pub(super) struct UnitOut<'a> {
        id: &'a str,
        name: &'a str,
    }

    #[derive(Serialize)]
    pub(super) struct TargetOut<'a> {
        id: &'a str,
        name: TextOut<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        help: Option<TextOut<'a>>,
        kind: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        numerator: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        denominator: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        question: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        overall_threshold: Option<PercentOut>,
        #[serde(skip_serializing_if = "Option::is_none")]
        before: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        after: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        one_more: Option<TextOut<'a>>,
        applies: AppliesOut<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        weight: Option<u8>,
    }

    impl<'a> TargetOut<'a> {
        fn of(target: &'a Target) -> TargetOut<'a> {
            let mut out = TargetOut {
                id: target.id.key(),
                name: TextOut(&target.label),
                help: optional(&target.help),
                kind: target.measure.kind(),
                numerator: None,
                denominator: None,
                question: None,
                overall_threshold: None,
                before: None,
                after: None,
                one_more: None,
                applies: AppliesOut(&target.blocs),
                weight: (target.weight != Weight::DEFAULT).then_some(target.weight.get()),
            };
            // `one_more` is written only when it is not its default (the numerator, the after).
            match &target.measure {
                Measure::Ratio {
                    numerator,
                    denominator,
                    one_more,
                } => {
                    out.numerator = Some(TextOut(numerator));
                    out.denominator = Some(TextOut(denominator));
                    out.one_more = (one_more != numerator).then_some(TextOut(one_more));
                }
                Measure::YesNo {
                    question,
                    overall_threshold,
                } => {
                    out.question = Some(TextOut(question));
                    out.overall_threshold = overall_threshold.map(PercentOut);
                }
                Measure::Increase {
                    before,
                    after,
                    one_more,
                } => {
                    out.before = Some(TextOut(before));
                    out.after = Some(TextOut(after));
                    out.one_more = (one_more != after).then_some(TextOut(one_more));
                }
            }
            out
        }
    }

    #[derive(Serialize)]
    pub(super) struct ScoringOut {
        mode: &'static str,
        bands: BandsOut,
    }

    #[derive(Serialize)]
    pub(super) struct BandsOut {
        good: Real,
        fair: Real,
        average: Real,
    }

    /// A text: a plain string when it has no English, else `{"vi": …, "en": …}`.
    pub(super) struct TextOut<'a>(&'a Text);

    impl Serialize for TextOut<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match &self.0.en {
                None => serializer.serialize_str(&self.0.vi),
                Some(en) => {
                    let mut map = serializer.serialize_map(Some(2))?;
                    map.serialize_entry("vi", &self.0.vi)?;
                    map.serialize_entry("en", en)?;
                    map.end()
                }
            }
        }
    }

    /// A percentage as a JSON number: `87` when whole, else `87.5`.
    pub(super) struct PercentOut(pub(super) Percent);

    impl Serialize for PercentOut {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let scaled = self.0.scaled();
            if scaled % PERCENT_SCALE == 0 {
                serializer.serialize_u64(scaled / PERCENT_SCALE)
            } else {
                // The nearest double prints as the shortest decimal that reads back to it: the
                // decimal itself (at most 4 decimals and well under 2^53).
                serializer.serialize_f64(scaled as f64 / PERCENT_SCALE as f64)
            }
        }
    }

    /// A band: `90` when whole, else `87.5`.
    pub(super) struct Real(f64);

    impl Serialize for Real {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            if self.0.fract() == 0.0 && self.0.abs() < (1u64 << 53) as f64 {
                serializer.serialize_i64(self.0 as i64)
            } else {
                serializer.serialize_f64(self.0)
            }
        }
    }

    /// `applies`: one entry per bloc offered the target, in the plan's order.
    pub(super) struct AppliesOut<'a>(&'a [BlocRule]);

    impl Serialize for AppliesOut<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.0.len()))?;
            for rule in self.0 {
                map.serialize_entry(rule.bloc.key(), &RuleOut(rule))?;
            }
            map.end()
        }
    }

    /// A rule in its shortest form: `87.5`, `true`, `false`, else an object.
    pub(super) struct RuleOut<'a>(&'a BlocRule);

    impl Serialize for RuleOut<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let rule = self.0;
            match (&rule.applies_to, rule.threshold) {
                (DefaultUnits::All, Some(threshold)) => PercentOut(threshold).serialize(serializer),
                (DefaultUnits::All, None) => serializer.serialize_bool(true),
                (DefaultUnits::None, None) => serializer.serialize_bool(false),
                (applies_to, threshold) => {
                    let mut map = serializer.serialize_map(None)?;
                    if let Some(threshold) = threshold {
                        map.serialize_entry("threshold", &PercentOut(threshold))?;
                    }
                    match applies_to {
                        DefaultUnits::Only(ids) => map.serialize_entry("units", ids)?,
                        DefaultUnits::None => map.serialize_entry("default", &false)?,
                        DefaultUnits::All => {}
                    }
                    map.end()
                }
            }
        }
    }
}
#[cfg(test)]
use by_serde::*;

/// A plan as saved in the app's own data: the whole plan file, as JSON (so that saved plans
/// carry their format and version like files do).
pub fn plan_to_value(plan: &Plan) -> Value {
    super::json::parse(&export_plan_file(plan)).expect("a plan file is JSON")
}

/// A plan saved by [`plan_to_value`], read with the plan file's own check.
pub fn plan_from_value(value: &Value) -> Result<Plan, PlanFileError> {
    import_plan_file("", value.to_string().as_bytes())
}

/// Whether `bytes` say they are a plan file (`"format": "cchc-plan"`), to send a chosen file
/// to the right reader; anything else goes to the unit-file reader, which names what it is.
pub fn is_plan_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| super::json::parse(text).ok())
        .and_then(|value| value.get("format")?.as_str().map(|f| f == PLAN_FILE_FORMAT))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every percentage with up to four decimals, as a person writes it, reads exactly:
    /// the binary rounding of `87.12` never shows.
    #[test]
    fn every_written_percentage_reads_exactly() {
        for scaled in 0..=100 * PERCENT_SCALE {
            let written = format!("{}.{:04}", scaled / PERCENT_SCALE, scaled % PERCENT_SCALE);
            let trimmed = written.trim_end_matches('0').trim_end_matches('.');
            for text in [written.as_str(), trimmed] {
                let Ok(Value::Number(n)) = crate::formats::json::parse(text) else {
                    panic!("{text}")
                };
                assert_eq!(percent_of(&n), Ok(Percent::from_scaled(scaled)), "{text}");
            }
        }
        let read = |text: &str| match crate::formats::json::parse(text) {
            Ok(Value::Number(n)) => percent_of(&n),
            _ => unreachable!(),
        };
        assert_eq!(read("1e2"), Ok(Percent::HUNDRED));
        assert_eq!(read("87.12345"), Err(PlanProblemKind::PercentTooPrecise));
        assert_eq!(read("-0.5"), Err(PlanProblemKind::PercentOutOfRange));
        assert_eq!(read("-1"), Err(PlanProblemKind::PercentOutOfRange));
        assert_eq!(read("1e300"), Err(PlanProblemKind::PercentOutOfRange));
        assert_eq!(
            read("18446744073709551615"),
            Err(PlanProblemKind::PercentOutOfRange)
        );
        assert_eq!(read("100.00005"), Err(PlanProblemKind::PercentOutOfRange));
    }

    /// The hand-written export writes the bytes serde's derives wrote, for every plan at
    /// hand and for each one with its optional parts changed.
    #[test]
    fn the_export_is_the_export_serde_wrote() {
        let texts = [
            include_str!("../../tests/fixtures/plans/can-tho-2026-one-place.json"),
            include_str!("../../tests/fixtures/plans/can-tho-2026.json"),
            include_str!("../../tests/fixtures/plans/editor-sample.json"),
            include_str!("../../plans/examples/tinh-an-hoa-2026.json"),
            include_str!("../../plans/examples/scale-170x40.json"),
        ];
        let mut plans: Vec<Plan> = texts
            .iter()
            .filter_map(|text| import_plan_file("p.json", text.as_bytes()).ok())
            .collect();
        assert!(plans.len() >= 4);
        plans.push(crate::domain::builtin::plan().as_ref().clone());
        for mut plan in plans {
            assert_eq!(export_plan_file(&plan), export_plan_file_by_serde(&plan));
            plan.example = !plan.example;
            plan.issuer = Text::default();
            plan.place.en = Some("Place \"x\"\n".into());
            plan.scoring.bands.good = 87.5;
            plan.scoring.mode = ScoringMode::AllOrNothing;
            for target in &mut plan.targets {
                target.weight = Weight::DEFAULT;
                target.help = Text::default();
                for rule in &mut target.blocs {
                    rule.threshold = Some(Percent::from_scaled(871_250));
                    rule.applies_to = DefaultUnits::Only(vec!["a".into(), "b".into()]);
                }
            }
            if let Some(bloc) = plan.blocs.first_mut() {
                bloc.units.clear();
            }
            assert_eq!(export_plan_file(&plan), export_plan_file_by_serde(&plan));
        }
    }

    /// Export writes each such percentage back as the same short decimal.
    #[test]
    fn percentages_are_written_as_their_decimal() {
        for scaled in [0, 1, 99, 871_200, 871_250, 875_000, 999_999, 1_000_000] {
            let text = serde_json::to_string(&PercentOut(Percent::from_scaled(scaled))).unwrap();
            let expected = format!("{}.{:04}", scaled / PERCENT_SCALE, scaled % PERCENT_SCALE);
            assert_eq!(text, expected.trim_end_matches('0').trim_end_matches('.'));
        }
    }
}
