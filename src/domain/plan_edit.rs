//! The plan editor's model: a [`Plan`] being edited, plus what was typed in its number and id
//! fields that does not read yet. A field that does not read keeps the plan's last good
//! value and shows its own message; everything else wrong is [`check_plan`]'s, and every
//! problem names its field by the path it has in the plan file (`plan.blocs[1].award_places`),
//! so each field of the form finds its own problems.
//!
//! Edits address blocs, targets and units by their position on the form. Typed texts are
//! kept by an internal serial number of their bloc or target, so moving or removing a bloc
//! never moves a typed text to another one.

use std::collections::{HashMap, HashSet, VecDeque};

use super::keyed::keyed_enum;
use super::limits::{check_length, TextKind};
use super::number::{
    format_count, format_percent, format_real, parse_count, parse_percent, NumberError,
    NumberStyle, Percent,
};
use super::plan::{
    Bloc, BlocId, BlocRule, DefaultUnits, Key, Measure, Plan, Target, TargetId, Text, Unit,
    OTHER_UNIT_ID,
};
use super::plan_check::{check_plan, PlanProblemKind};
use super::score::{ScoringMode, Weight};
use super::slug::slug;
use super::small_map::SmallMap;

/// The years a plan may have (a typed year outside keeps the last good one).
pub const YEARS: std::ops::RangeInclusive<u16> = 2000..=2100;
/// How many decimals a threshold may have (the plan file's rule).
pub const THRESHOLD_DECIMALS: u32 = 2;
/// The longest id the editor makes for a pasted unit (room for a `-99` suffix within 40).
const UNIT_SLUG_MAX: usize = 36;

/// The paths of the plan file's fields, as [`check_plan`] names them.
pub mod path {
    pub const ID: &str = "plan.id";
    pub const NAME: &str = "plan.name";
    pub const YEAR: &str = "plan.year";
    pub const ISSUER: &str = "plan.issuer";
    pub const PLACE: &str = "plan.place";
    pub const MODE: &str = "plan.scoring.mode";

    pub fn bloc(bloc: usize, field: &str) -> String {
        format!("plan.blocs[{bloc}].{field}")
    }

    pub fn unit(bloc: usize, unit: usize, field: &str) -> String {
        format!("plan.blocs[{bloc}].units[{unit}].{field}")
    }

    pub fn target(target: usize, field: &str) -> String {
        format!("plan.targets[{target}].{field}")
    }

    /// The threshold (ratio) or `true` of a target for a bloc.
    pub fn applies(target: usize, bloc_key: &str) -> String {
        format!("plan.targets[{target}].applies.{bloc_key}")
    }

    /// Which units of a bloc a target applies to by default.
    pub fn default_units(target: usize, bloc_key: &str) -> String {
        format!("plan.targets[{target}].default_units.{bloc_key}")
    }

    pub fn band(band: super::Band) -> String {
        format!("plan.scoring.bands.{}", band.key())
    }
}

keyed_enum! {
    /// A target's kind, as the plan file writes it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Kind {
        Ratio = "ratio",
        YesNo = "yes_no",
        Increase = "increase",
    }
}

impl Kind {
    pub fn of(measure: &Measure) -> Kind {
        match measure {
            Measure::Ratio { .. } => Kind::Ratio,
            Measure::YesNo { .. } => Kind::YesNo,
            Measure::Increase { .. } => Kind::Increase,
        }
    }
}

keyed_enum! {
    /// A rating band's lowest score.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Band {
        Good = "good",
        Fair = "fair",
        Average = "average",
    }
}

keyed_enum! {
    /// A text of a target's kind (the words of its inputs).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum MeasureText {
        Numerator = "numerator",
        Denominator = "denominator",
        OneMore = "one_more",
        Question = "question",
        Before = "before",
        After = "after",
    }
}

impl MeasureText {
    /// The texts a kind has, in the form's order.
    pub fn of_kind(kind: Kind) -> &'static [MeasureText] {
        match kind {
            Kind::Ratio => &[
                MeasureText::Numerator,
                MeasureText::Denominator,
                MeasureText::OneMore,
            ],
            Kind::YesNo => &[MeasureText::Question],
            Kind::Increase => &[
                MeasureText::Before,
                MeasureText::After,
                MeasureText::OneMore,
            ],
        }
    }

    /// This text of `measure`, if its kind has it.
    pub fn get(self, measure: &Measure) -> Option<&Text> {
        match (self, measure) {
            (MeasureText::Numerator, Measure::Ratio { numerator, .. }) => Some(numerator),
            (MeasureText::Denominator, Measure::Ratio { denominator, .. }) => Some(denominator),
            (MeasureText::OneMore, Measure::Ratio { one_more, .. })
            | (MeasureText::OneMore, Measure::Increase { one_more, .. }) => Some(one_more),
            (MeasureText::Question, Measure::YesNo { question, .. }) => Some(question),
            (MeasureText::Before, Measure::Increase { before, .. }) => Some(before),
            (MeasureText::After, Measure::Increase { after, .. }) => Some(after),
            _ => None,
        }
    }

    fn get_mut(self, measure: &mut Measure) -> Option<&mut Text> {
        match (self, measure) {
            (MeasureText::Numerator, Measure::Ratio { numerator, .. }) => Some(numerator),
            (MeasureText::Denominator, Measure::Ratio { denominator, .. }) => Some(denominator),
            (MeasureText::OneMore, Measure::Ratio { one_more, .. })
            | (MeasureText::OneMore, Measure::Increase { one_more, .. }) => Some(one_more),
            (MeasureText::Question, Measure::YesNo { question, .. }) => Some(question),
            (MeasureText::Before, Measure::Increase { before, .. }) => Some(before),
            (MeasureText::After, Measure::Increase { after, .. }) => Some(after),
            _ => None,
        }
    }
}

/// The words a new plan, bloc, unit or target starts with (from i18n, in the editor's
/// language): a new one is numbered, "Khối 2", "Chỉ tiêu 3".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewPlanWords {
    pub plan_id: &'static str,
    pub plan_name: &'static str,
    pub bloc: &'static str,
    pub unit: &'static str,
    pub target: &'static str,
    pub numerator: &'static str,
    pub denominator: &'static str,
    pub one_more: &'static str,
    pub question: &'static str,
    pub before: &'static str,
    pub after: &'static str,
}

/// A number or id field of the form, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypedField {
    PlanId,
    Year,
    BlocId(usize),
    AwardPlaces(usize),
    TargetId(usize),
    Weight(usize),
    /// The threshold of a ratio target for a bloc that is offered it.
    Threshold {
        target: usize,
        bloc: usize,
    },
    /// The share of units answering yes that a yes/no target needs overall (may be empty).
    OverallThreshold(usize),
    Band(Band),
}

impl TypedField {
    /// Where the field is on the form, top to bottom.
    fn form_order(self) -> (u8, usize, usize) {
        match self {
            TypedField::PlanId => (0, 0, 0),
            TypedField::Year => (0, 0, 1),
            TypedField::BlocId(b) => (1, b, 0),
            TypedField::AwardPlaces(b) => (1, b, 1),
            TypedField::TargetId(t) => (2, t, 0),
            TypedField::Weight(t) => (2, t, 1),
            TypedField::OverallThreshold(t) => (2, t, 2),
            TypedField::Threshold { target, bloc } => (2, target, 3 + bloc),
            TypedField::Band(band) => (3, band as usize, 0),
        }
    }
}

/// A typed field by serial numbers: what the typed texts are kept by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Slot {
    PlanId,
    Year,
    BlocId(u32),
    AwardPlaces(u32),
    TargetId(u32),
    Weight(u32),
    Threshold(u32, u32),
    OverallThreshold(u32),
    Band(Band),
}

/// A typed value that reads.
enum Parsed {
    Key(Key),
    Year(u16),
    Places(usize),
    Weight(Weight),
    Percent(Option<Percent>),
    Band(f64),
}

/// What is wrong with a field (the wording is i18n's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditProblemKind {
    /// A number field that does not read.
    Number(NumberError),
    /// A number field left empty.
    Required,
    /// A threshold with more than two decimals.
    TooManyDecimals(u32),
    YearOutOfRange {
        min: u16,
        max: u16,
    },
    WeightTooLarge(u8),
    ZeroPlaces,
    /// An id that is not 1–40 of `A–Z a–z 0–9 - _ .`.
    BadId,
    /// An id that another bloc (or target) of the plan has.
    DuplicateId,
    /// One of the plan's checks.
    Plan(PlanProblemKind),
}

/// A problem of the plan being edited, at the field of this path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditProblem {
    pub path: String,
    pub kind: EditProblemKind,
}

/// How a pasted list goes into its bloc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteMode {
    /// The pasted list becomes the bloc's units (a unit that keeps its name keeps its id).
    Replace,
    /// The pasted units go after the bloc's units.
    Append,
}

/// One edit of the form.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanEdit {
    /// Start again from an empty plan (one bloc, one unit, one target) of the same year.
    StartEmpty,
    /// Start again from a copy of this plan for the next year ([`next_year_copy`]).
    StartCopy(Box<Plan>),
    /// Start again from a copy of the plan being edited, for the next year.
    CopyForNextYear,
    SetPlanId(String),
    SetName(String),
    /// Also moves the old year in the plan's id and name to the new one.
    SetYear(String),
    SetIssuer(String),
    SetPlace(String),
    AddBloc,
    /// Refused for the last bloc (a plan has at least one).
    RemoveBloc(usize),
    MoveBloc {
        from: usize,
        to: usize,
    },
    SetBlocId(usize, String),
    SetBlocName(usize, String),
    SetAwardPlaces(usize, String),
    /// The text of a bloc's paste box.
    SetPasteText(usize, String),
    /// Puts the bloc's pasted list in; refused while the list has a problem or no unit.
    PasteUnits {
        bloc: usize,
        mode: PasteMode,
    },
    AddUnit(usize),
    RemoveUnit {
        bloc: usize,
        unit: usize,
    },
    SetUnitId {
        bloc: usize,
        unit: usize,
        id: String,
    },
    SetUnitName {
        bloc: usize,
        unit: usize,
        name: String,
    },
    AddTarget,
    RemoveTarget(usize),
    MoveTarget {
        from: usize,
        to: usize,
    },
    SetTargetId(usize, String),
    SetKind(usize, Kind),
    SetLabel(usize, String),
    SetHelp(usize, String),
    SetMeasureText(usize, MeasureText, String),
    SetWeight(usize, String),
    /// Offers the target to a bloc, or withdraws it (a withdrawn rule comes back as it was).
    SetOffered {
        target: usize,
        bloc: usize,
        offered: bool,
    },
    SetThreshold {
        target: usize,
        bloc: usize,
        text: String,
    },
    SetOverallThreshold(usize, String),
    SetDefaultUnits {
        target: usize,
        bloc: usize,
        units: DefaultUnits,
    },
    SetBand(Band, String),
    SetMode(ScoringMode),
}

/// A plan being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanDraft {
    plan: Plan,
    words: NewPlanWords,
    /// Parallel to `plan.blocs` and `plan.targets`.
    bloc_serials: Vec<u32>,
    target_serials: Vec<u32>,
    next_serial: u32,
    /// What was typed in a number or id field, kept exactly (by bloc and target serials).
    typed: SmallMap<Slot, String>,
    /// The paste box of each bloc.
    paste: SmallMap<u32, String>,
    /// The rule of a target withdrawn from a bloc, to offer it back as it was.
    withdrawn: SmallMap<(u32, u32), BlocRule>,
    /// The texts of a target's other kinds, to switch back without losing them.
    measures: SmallMap<(u32, Kind), Measure>,
}

fn text(value: &str) -> Text {
    // An edited text loses its English translation: the English page then shows it as is.
    Text::vi(value)
}

fn numbered(word: &str, n: usize) -> String {
    format!("{word} {n}")
}

/// An empty plan: one bloc with one unit, one ratio target offered to it at 100%.
pub fn empty_plan(year: u16, words: &NewPlanWords) -> Plan {
    let bloc_id = fresh_key(&slug(words.bloc, 30), |_| false);
    let unit_name = numbered(words.unit, 1);
    Plan {
        id: format!("{}-{year}", slug(words.plan_id, 34)),
        name: text(&format!("{} {year}", words.plan_name)),
        year,
        issuer: Text::default(),
        place: Text::default(),
        example: false,
        blocs: vec![Bloc {
            id: BlocId(bloc_id),
            name: text(&numbered(words.bloc, 1)),
            award_places: 1,
            units: vec![Unit {
                id: slug(&unit_name, UNIT_SLUG_MAX),
                name: unit_name,
            }],
        }],
        targets: vec![new_target(
            TargetId(fresh_key(&slug(words.target, 30), |_| false)),
            numbered(words.target, 1),
            words,
            &[BlocId(bloc_id)],
        )],
        scoring: Default::default(),
    }
}

fn new_target(id: TargetId, label: String, words: &NewPlanWords, blocs: &[BlocId]) -> Target {
    Target {
        id,
        label: text(&label),
        help: Text::default(),
        measure: Measure::Ratio {
            numerator: text(words.numerator),
            denominator: text(words.denominator),
            one_more: text(words.one_more),
        },
        blocs: blocs
            .iter()
            .map(|&bloc| BlocRule {
                bloc,
                threshold: Some(Percent::HUNDRED),
                applies_to: DefaultUnits::All,
            })
            .collect(),
        weight: Weight::DEFAULT,
    }
}

/// `base-1`, `base-2`… : the first that is a key and not `taken`.
fn fresh_key(base: &str, taken: impl Fn(&str) -> bool) -> Key {
    let base = if base.is_empty() { "x" } else { base };
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find_map(|id| Key::new(&id).filter(|_| !taken(&id)))
        .unwrap_or_else(|| Key::new("x").expect("a key"))
}

/// The year's digits in `text` replaced by `next` (the last occurrence), if they are there.
fn replace_year(text: &str, year: u16, next: u16) -> Option<String> {
    let old = year.to_string();
    let at = text.rfind(&old)?;
    Some(format!("{}{next}{}", &text[..at], &text[at + old.len()..]))
}

fn move_year(text: &mut Text, year: u16, next: u16) {
    if let Some(vi) = replace_year(&text.vi, year, next) {
        text.vi = vi;
    }
    if let Some(en) = text
        .en
        .as_deref()
        .and_then(|en| replace_year(en, year, next))
    {
        text.en = Some(en);
    }
}

/// A copy of `plan` for the next year: year + 1; the year in its id and name moved to the
/// new one (`vinh-thanh-2021` → `vinh-thanh-2022`), else `-<year>` added to the id; never an
/// example. Typing another year in the copy moves them again ("2021 → 2026").
pub fn next_year_copy(plan: &Plan) -> Plan {
    let next = plan.year.saturating_add(1);
    let mut copy = plan.clone();
    copy.year = next;
    copy.example = false;
    copy.id = replace_year(&plan.id, plan.year, next).unwrap_or_else(|| {
        let suffix = format!("-{next}");
        let base = slug(&plan.id, 40 - suffix.len());
        format!("{base}{suffix}")
    });
    move_year(&mut copy.name, plan.year, next);
    copy
}

impl PlanDraft {
    /// Editing `plan` as it is.
    pub fn new(plan: Plan, words: NewPlanWords) -> PlanDraft {
        let mut draft = PlanDraft {
            plan,
            words,
            bloc_serials: Vec::new(),
            target_serials: Vec::new(),
            next_serial: 0,
            typed: SmallMap::new(),
            paste: SmallMap::new(),
            withdrawn: SmallMap::new(),
            measures: SmallMap::new(),
        };
        draft.restart(None);
        draft
    }

    /// The plan as edited so far (with the last good value of each field that does not read).
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn into_plan(self) -> Plan {
        self.plan
    }

    pub fn words(&self) -> &NewPlanWords {
        &self.words
    }

    fn restart(&mut self, plan: Option<Plan>) {
        if let Some(plan) = plan {
            self.plan = plan;
        }
        self.typed.clear();
        self.paste.clear();
        self.withdrawn.clear();
        self.measures.clear();
        self.next_serial = 0;
        self.bloc_serials = (0..self.plan.blocs.len()).map(|_| self.serial()).collect();
        self.target_serials = (0..self.plan.targets.len())
            .map(|_| self.serial())
            .collect();
    }

    fn serial(&mut self) -> u32 {
        self.next_serial += 1;
        self.next_serial
    }

    fn bloc_index(&self, serial: u32) -> Option<usize> {
        self.bloc_serials.iter().position(|&s| s == serial)
    }

    fn target_index(&self, serial: u32) -> Option<usize> {
        self.target_serials.iter().position(|&s| s == serial)
    }

    fn slot(&self, field: TypedField) -> Option<Slot> {
        let bloc = |i: usize| self.bloc_serials.get(i).copied();
        let target = |i: usize| self.target_serials.get(i).copied();
        Some(match field {
            TypedField::PlanId => Slot::PlanId,
            TypedField::Year => Slot::Year,
            TypedField::BlocId(b) => Slot::BlocId(bloc(b)?),
            TypedField::AwardPlaces(b) => Slot::AwardPlaces(bloc(b)?),
            TypedField::TargetId(t) => Slot::TargetId(target(t)?),
            TypedField::Weight(t) => Slot::Weight(target(t)?),
            TypedField::Threshold { target: t, bloc: b } => Slot::Threshold(target(t)?, bloc(b)?),
            TypedField::OverallThreshold(t) => Slot::OverallThreshold(target(t)?),
            TypedField::Band(band) => Slot::Band(band),
        })
    }

    /// The field of a slot, if it is on the form now (a threshold only for a ratio target
    /// offered to the bloc, an overall threshold only for a yes/no target).
    fn field(&self, slot: Slot) -> Option<TypedField> {
        Some(match slot {
            Slot::PlanId => TypedField::PlanId,
            Slot::Year => TypedField::Year,
            Slot::BlocId(b) => TypedField::BlocId(self.bloc_index(b)?),
            Slot::AwardPlaces(b) => TypedField::AwardPlaces(self.bloc_index(b)?),
            Slot::TargetId(t) => TypedField::TargetId(self.target_index(t)?),
            Slot::Weight(t) => TypedField::Weight(self.target_index(t)?),
            Slot::Threshold(t, b) => {
                let (target, bloc) = (self.target_index(t)?, self.bloc_index(b)?);
                let shown = matches!(self.plan.targets[target].measure, Measure::Ratio { .. })
                    && self.plan.targets[target].is_offered(self.plan.blocs[bloc].id);
                shown.then_some(TypedField::Threshold { target, bloc })?
            }
            Slot::OverallThreshold(t) => {
                let target = self.target_index(t)?;
                matches!(self.plan.targets[target].measure, Measure::YesNo { .. })
                    .then_some(TypedField::OverallThreshold(target))?
            }
            Slot::Band(band) => TypedField::Band(band),
        })
    }

    /// The path of a field in the plan file (what its problems name).
    pub fn path(&self, field: TypedField) -> String {
        let bloc_key = |b: usize| self.plan.blocs.get(b).map_or("", |bloc| bloc.id.key());
        match field {
            TypedField::PlanId => path::ID.to_string(),
            TypedField::Year => path::YEAR.to_string(),
            TypedField::BlocId(b) => path::bloc(b, "id"),
            TypedField::AwardPlaces(b) => path::bloc(b, "award_places"),
            TypedField::TargetId(t) => path::target(t, "id"),
            TypedField::Weight(t) => path::target(t, "weight"),
            TypedField::Threshold { target, bloc } => path::applies(target, bloc_key(bloc)),
            TypedField::OverallThreshold(t) => path::target(t, "overall_threshold"),
            TypedField::Band(band) => path::band(band),
        }
    }

    /// What a field shows: the text typed in it, else the plan's value.
    pub fn text(&self, field: TypedField, style: NumberStyle) -> String {
        if let Some(typed) = self.slot(field).and_then(|slot| self.typed.get(&slot)) {
            return typed.clone();
        }
        let plan = &self.plan;
        let percent = |p: Option<Percent>| p.map_or(String::new(), |p| format_percent(p, style));
        match field {
            TypedField::PlanId => plan.id.clone(),
            TypedField::Year => plan.year.to_string(),
            TypedField::BlocId(b) => plan
                .blocs
                .get(b)
                .map_or(String::new(), |b| b.id.to_string()),
            TypedField::AwardPlaces(b) => plan.blocs.get(b).map_or(String::new(), |b| {
                format_count(b.award_places as u64, style)
            }),
            TypedField::TargetId(t) => plan
                .targets
                .get(t)
                .map_or(String::new(), |t| t.id.to_string()),
            TypedField::Weight(t) => plan
                .targets
                .get(t)
                .map_or(String::new(), |t| t.weight.get().to_string()),
            TypedField::Threshold { target, bloc } => {
                match (plan.targets.get(target), plan.blocs.get(bloc)) {
                    (Some(t), Some(b)) => percent(t.rule(b.id).and_then(|rule| rule.threshold)),
                    _ => String::new(),
                }
            }
            TypedField::OverallThreshold(t) => match plan.targets.get(t).map(|t| &t.measure) {
                Some(Measure::YesNo {
                    overall_threshold, ..
                }) => percent(*overall_threshold),
                _ => String::new(),
            },
            TypedField::Band(band) => {
                let bands = plan.scoring.bands;
                let value = match band {
                    Band::Good => bands.good,
                    Band::Fair => bands.fair,
                    Band::Average => bands.average,
                };
                format_real(value, 2, style)
            }
        }
    }

    /// Reads what was typed in a field.
    fn read(&self, slot: Slot, typed: &str) -> Result<Parsed, EditProblemKind> {
        let number = |result: Result<Option<u64>, NumberError>| match result {
            Ok(Some(n)) => Ok(n),
            Ok(None) => Err(EditProblemKind::Required),
            Err(error) => Err(EditProblemKind::Number(error)),
        };
        let threshold = |typed: &str| match parse_percent(typed) {
            Ok(Some(p)) if p.scaled() % 100 != 0 => {
                Err(EditProblemKind::TooManyDecimals(THRESHOLD_DECIMALS))
            }
            Ok(p) => Ok(p),
            Err(error) => Err(EditProblemKind::Number(error)),
        };
        let key = |typed: &str, taken: Vec<&str>| {
            let key = Key::new(typed.trim()).ok_or(EditProblemKind::BadId)?;
            if taken.contains(&key.as_str()) {
                Err(EditProblemKind::DuplicateId)
            } else {
                Ok(Parsed::Key(key))
            }
        };
        match slot {
            Slot::PlanId => key(typed, Vec::new()),
            Slot::BlocId(serial) => key(
                typed,
                self.plan
                    .blocs
                    .iter()
                    .zip(&self.bloc_serials)
                    .filter(|(_, &s)| s != serial)
                    .map(|(bloc, _)| bloc.id.key())
                    .collect(),
            ),
            Slot::TargetId(serial) => key(
                typed,
                self.plan
                    .targets
                    .iter()
                    .zip(&self.target_serials)
                    .filter(|(_, &s)| s != serial)
                    .map(|(target, _)| target.id.key())
                    .collect(),
            ),
            Slot::Year => {
                let year = number(parse_count(typed))?;
                u16::try_from(year)
                    .ok()
                    .filter(|year| YEARS.contains(year))
                    .map(Parsed::Year)
                    .ok_or(EditProblemKind::YearOutOfRange {
                        min: *YEARS.start(),
                        max: *YEARS.end(),
                    })
            }
            Slot::AwardPlaces(_) => match number(parse_count(typed))? {
                0 => Err(EditProblemKind::ZeroPlaces),
                places => Ok(Parsed::Places(places as usize)),
            },
            Slot::Weight(_) => {
                let weight = number(parse_count(typed))?;
                u8::try_from(weight)
                    .ok()
                    .and_then(Weight::new)
                    .map(Parsed::Weight)
                    .ok_or(EditProblemKind::WeightTooLarge(Weight::MAX))
            }
            Slot::Threshold(..) => match threshold(typed)? {
                None => Err(EditProblemKind::Required),
                some => Ok(Parsed::Percent(some)),
            },
            // Empty: no overall threshold.
            Slot::OverallThreshold(_) => threshold(typed).map(Parsed::Percent),
            Slot::Band(_) => match parse_percent(typed) {
                Ok(Some(p)) => Ok(Parsed::Band(p.as_f64())),
                Ok(None) => Err(EditProblemKind::Required),
                Err(error) => Err(EditProblemKind::Number(error)),
            },
        }
    }

    /// Keeps what was typed and, when it reads, puts it in the plan.
    fn type_in(&mut self, field: TypedField, typed: String) {
        let Some(slot) = self.slot(field) else {
            return;
        };
        let parsed = self.read(slot, &typed);
        self.typed.insert(slot, typed);
        let Ok(value) = parsed else {
            return;
        };
        let plan = &mut self.plan;
        match (field, value) {
            (TypedField::PlanId, Parsed::Key(key)) => plan.id = key.as_str().to_string(),
            (TypedField::Year, Parsed::Year(year)) => {
                let old = plan.year;
                if old != year {
                    if let Some(id) = replace_year(&plan.id, old, year) {
                        plan.id = id;
                        self.typed.remove(&Slot::PlanId);
                    }
                    move_year(&mut plan.name, old, year);
                    plan.year = year;
                }
            }
            (TypedField::BlocId(b), Parsed::Key(key)) => {
                let old = plan.blocs[b].id;
                let new = BlocId(key);
                plan.blocs[b].id = new;
                for target in &mut plan.targets {
                    for rule in target.blocs.iter_mut().filter(|rule| rule.bloc == old) {
                        rule.bloc = new;
                    }
                }
            }
            (TypedField::AwardPlaces(b), Parsed::Places(places)) => {
                plan.blocs[b].award_places = places;
            }
            (TypedField::TargetId(t), Parsed::Key(key)) => plan.targets[t].id = TargetId(key),
            (TypedField::Weight(t), Parsed::Weight(weight)) => plan.targets[t].weight = weight,
            (TypedField::Threshold { target, bloc }, Parsed::Percent(threshold)) => {
                let bloc = plan.blocs[bloc].id;
                if let Some(rule) = plan.targets[target]
                    .blocs
                    .iter_mut()
                    .find(|rule| rule.bloc == bloc)
                {
                    rule.threshold = threshold;
                }
            }
            (TypedField::OverallThreshold(t), Parsed::Percent(threshold)) => {
                if let Measure::YesNo {
                    overall_threshold, ..
                } = &mut plan.targets[t].measure
                {
                    *overall_threshold = threshold;
                }
            }
            (TypedField::Band(band), Parsed::Band(value)) => {
                let bands = &mut plan.scoring.bands;
                match band {
                    Band::Good => bands.good = value,
                    Band::Fair => bands.fair = value,
                    Band::Average => bands.average = value,
                }
            }
            _ => {}
        }
    }

    /// Every problem: the typed fields that do not read, then [`check_plan`]'s.
    pub fn problems(&self) -> Vec<EditProblem> {
        let mut typed: Vec<(TypedField, EditProblemKind)> = self
            .typed
            .iter()
            .filter_map(|(&slot, typed)| Some((self.field(slot)?, self.read(slot, typed).err()?)))
            .collect();
        typed.sort_by_key(|(field, _)| field.form_order());
        let typed = typed.into_iter().map(|(field, kind)| EditProblem {
            path: self.path(field),
            kind,
        });
        let plan = check_plan(&self.plan)
            .into_iter()
            .map(|problem| EditProblem {
                path: problem.path,
                kind: EditProblemKind::Plan(problem.kind),
            });
        typed.chain(plan).collect()
    }

    /// The text of a bloc's paste box.
    pub fn paste_text(&self, bloc: usize) -> &str {
        self.bloc_serials
            .get(bloc)
            .and_then(|serial| self.paste.get(serial))
            .map_or("", String::as_str)
    }

    /// The units the bloc's paste box holds, and the problems of its lines.
    pub fn paste_preview(&self, bloc: usize, mode: PasteMode) -> (Vec<Unit>, Vec<LineProblem>) {
        let Some(target) = self.plan.blocs.get(bloc) else {
            return (Vec::new(), Vec::new());
        };
        // The units that stay beside the pasted ones: a code may not be one of theirs.
        let kept: Vec<&str> = self
            .plan
            .blocs
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != bloc || mode == PasteMode::Append)
            .flat_map(|(_, b)| b.units.iter().map(|u| u.id.as_str()))
            .collect();
        // A unit keeps its id when its name is pasted again; new ids avoid every id of the
        // plan, so no profile of a removed unit ever points at another one.
        let (reuse, avoid): (&[Unit], Vec<&str>) = match mode {
            PasteMode::Replace => (
                &target.units,
                kept.iter()
                    .copied()
                    .chain(target.units.iter().map(|u| u.id.as_str()))
                    .collect(),
            ),
            PasteMode::Append => (&[], kept.clone()),
        };
        parse_units(self.paste_text(bloc), reuse, &avoid, &kept)
    }

    pub fn apply(&mut self, edit: PlanEdit) {
        match edit {
            PlanEdit::StartEmpty => {
                let plan = empty_plan(self.plan.year, &self.words);
                self.restart(Some(plan));
            }
            PlanEdit::StartCopy(plan) => self.restart(Some(next_year_copy(&plan))),
            PlanEdit::CopyForNextYear => {
                let copy = next_year_copy(&self.plan);
                self.restart(Some(copy));
            }
            PlanEdit::SetPlanId(typed) => self.type_in(TypedField::PlanId, typed),
            PlanEdit::SetName(name) => self.plan.name = text(&name),
            PlanEdit::SetYear(typed) => self.type_in(TypedField::Year, typed),
            PlanEdit::SetIssuer(issuer) => self.plan.issuer = text(&issuer),
            PlanEdit::SetPlace(place) => self.plan.place = text(&place),
            PlanEdit::AddBloc => self.add_bloc(),
            PlanEdit::RemoveBloc(b) => self.remove_bloc(b),
            PlanEdit::MoveBloc { from, to } => {
                if from < self.plan.blocs.len() && to < self.plan.blocs.len() {
                    let bloc = self.plan.blocs.remove(from);
                    self.plan.blocs.insert(to, bloc);
                    let serial = self.bloc_serials.remove(from);
                    self.bloc_serials.insert(to, serial);
                    self.sort_rules();
                }
            }
            PlanEdit::SetBlocId(b, typed) => self.type_in(TypedField::BlocId(b), typed),
            PlanEdit::SetBlocName(b, name) => {
                if let Some(bloc) = self.plan.blocs.get_mut(b) {
                    bloc.name = text(&name);
                }
            }
            PlanEdit::SetAwardPlaces(b, typed) => self.type_in(TypedField::AwardPlaces(b), typed),
            PlanEdit::SetPasteText(b, typed) => {
                if let Some(&serial) = self.bloc_serials.get(b) {
                    self.paste.insert(serial, typed);
                }
            }
            PlanEdit::PasteUnits { bloc, mode } => self.paste_units(bloc, mode),
            PlanEdit::AddUnit(b) => self.add_unit(b),
            PlanEdit::RemoveUnit { bloc, unit } => {
                if let Some(b) = self.plan.blocs.get_mut(bloc) {
                    // A bloc keeps at least one unit.
                    if unit < b.units.len() && b.units.len() > 1 {
                        b.units.remove(unit);
                        self.forget_missing_units(bloc);
                    }
                }
            }
            PlanEdit::SetUnitId { bloc, unit, id } => {
                let Some(b) = self.plan.blocs.get_mut(bloc) else {
                    return;
                };
                let Some(u) = b.units.get_mut(unit) else {
                    return;
                };
                let (old, new) = (std::mem::take(&mut u.id), id.trim().to_string());
                u.id = new.clone();
                let bloc_id = b.id;
                // The targets that name the unit follow it.
                for target in &mut self.plan.targets {
                    if let Some(BlocRule {
                        applies_to: DefaultUnits::Only(ids),
                        ..
                    }) = target.blocs.iter_mut().find(|rule| rule.bloc == bloc_id)
                    {
                        for id in ids.iter_mut().filter(|id| **id == old) {
                            id.clone_from(&new);
                        }
                    }
                }
            }
            PlanEdit::SetUnitName { bloc, unit, name } => {
                if let Some(u) = self
                    .plan
                    .blocs
                    .get_mut(bloc)
                    .and_then(|b| b.units.get_mut(unit))
                {
                    u.name = name;
                }
            }
            PlanEdit::AddTarget => self.add_target(),
            PlanEdit::RemoveTarget(t) => {
                if t < self.plan.targets.len() {
                    self.plan.targets.remove(t);
                    self.target_serials.remove(t);
                }
            }
            PlanEdit::MoveTarget { from, to } => {
                if from < self.plan.targets.len() && to < self.plan.targets.len() {
                    let target = self.plan.targets.remove(from);
                    self.plan.targets.insert(to, target);
                    let serial = self.target_serials.remove(from);
                    self.target_serials.insert(to, serial);
                }
            }
            PlanEdit::SetTargetId(t, typed) => self.type_in(TypedField::TargetId(t), typed),
            PlanEdit::SetKind(t, kind) => self.set_kind(t, kind),
            PlanEdit::SetLabel(t, label) => {
                if let Some(target) = self.plan.targets.get_mut(t) {
                    target.label = text(&label);
                }
            }
            PlanEdit::SetHelp(t, help) => {
                if let Some(target) = self.plan.targets.get_mut(t) {
                    target.help = text(&help);
                }
            }
            PlanEdit::SetMeasureText(t, which, value) => {
                if let Some(slot) = self
                    .plan
                    .targets
                    .get_mut(t)
                    .and_then(|target| which.get_mut(&mut target.measure))
                {
                    *slot = text(&value);
                }
            }
            PlanEdit::SetWeight(t, typed) => self.type_in(TypedField::Weight(t), typed),
            PlanEdit::SetOffered {
                target,
                bloc,
                offered,
            } => self.set_offered(target, bloc, offered),
            PlanEdit::SetThreshold { target, bloc, text } => {
                self.type_in(TypedField::Threshold { target, bloc }, text)
            }
            PlanEdit::SetOverallThreshold(t, typed) => {
                self.type_in(TypedField::OverallThreshold(t), typed)
            }
            PlanEdit::SetDefaultUnits {
                target,
                bloc,
                units,
            } => {
                let Some(bloc_id) = self.plan.blocs.get(bloc).map(|b| b.id) else {
                    return;
                };
                if let Some(rule) = self
                    .plan
                    .targets
                    .get_mut(target)
                    .and_then(|t| t.blocs.iter_mut().find(|rule| rule.bloc == bloc_id))
                {
                    rule.applies_to = units;
                }
            }
            PlanEdit::SetBand(band, typed) => self.type_in(TypedField::Band(band), typed),
            PlanEdit::SetMode(mode) => self.plan.scoring.mode = mode,
        }
    }

    fn add_bloc(&mut self) {
        let n = self.plan.blocs.len() + 1;
        let plan = &self.plan;
        let id = fresh_key(&slug(self.words.bloc, 30), |id| {
            plan.bloc_by_key(id).is_some()
        });
        let unit_name = numbered(self.words.unit, 1);
        let taken: HashSet<&str> = plan
            .blocs
            .iter()
            .flat_map(|b| b.units.iter().map(|u| u.id.as_str()))
            .collect();
        let unit_id = dedupe(slug(&unit_name, UNIT_SLUG_MAX), &taken);
        self.plan.blocs.push(Bloc {
            id: BlocId(id),
            name: text(&numbered(self.words.bloc, n)),
            award_places: 1,
            units: vec![Unit {
                id: unit_id,
                name: unit_name,
            }],
        });
        let serial = self.serial();
        self.bloc_serials.push(serial);
    }

    fn remove_bloc(&mut self, b: usize) {
        if b >= self.plan.blocs.len() || self.plan.blocs.len() == 1 {
            return;
        }
        let bloc = self.plan.blocs.remove(b);
        let serial = self.bloc_serials.remove(b);
        for target in &mut self.plan.targets {
            target.blocs.retain(|rule| rule.bloc != bloc.id);
        }
        self.paste.remove(&serial);
        self.typed.retain(|slot, _| {
            !matches!(slot, Slot::BlocId(s) | Slot::AwardPlaces(s) | Slot::Threshold(_, s) if *s == serial)
        });
    }

    /// Each target's rules in the plan's bloc order.
    fn sort_rules(&mut self) {
        let order: HashMap<BlocId, usize> = self
            .plan
            .blocs
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id, i))
            .collect();
        for target in &mut self.plan.targets {
            target
                .blocs
                .sort_by_key(|rule| order.get(&rule.bloc).copied().unwrap_or(usize::MAX));
        }
    }

    fn add_unit(&mut self, b: usize) {
        let taken: HashSet<&str> = self
            .plan
            .blocs
            .iter()
            .flat_map(|b| b.units.iter().map(|u| u.id.as_str()))
            .collect();
        let Some(bloc) = self.plan.blocs.get(b) else {
            return;
        };
        let name = numbered(self.words.unit, bloc.units.len() + 1);
        let id = dedupe(slug(&name, UNIT_SLUG_MAX), &taken);
        self.plan.blocs[b].units.push(Unit { id, name });
    }

    fn paste_units(&mut self, b: usize, mode: PasteMode) {
        let (units, problems) = self.paste_preview(b, mode);
        if units.is_empty() || !problems.is_empty() {
            return;
        }
        let bloc = &mut self.plan.blocs[b];
        match mode {
            PasteMode::Replace => bloc.units = units,
            PasteMode::Append => bloc.units.extend(units),
        }
        self.forget_missing_units(b);
        if let Some(serial) = self.bloc_serials.get(b) {
            self.paste.remove(serial);
        }
    }

    /// Drops from the targets' unit lists the units the bloc no longer has.
    fn forget_missing_units(&mut self, b: usize) {
        let bloc = &self.plan.blocs[b];
        let ids: HashSet<&str> = bloc.units.iter().map(|u| u.id.as_str()).collect();
        for target in &mut self.plan.targets {
            for rule in target.blocs.iter_mut().filter(|rule| rule.bloc == bloc.id) {
                if let DefaultUnits::Only(list) = &mut rule.applies_to {
                    list.retain(|id| ids.contains(id.as_str()));
                }
            }
        }
    }

    fn add_target(&mut self) {
        let n = self.plan.targets.len() + 1;
        let plan = &self.plan;
        let id = fresh_key(&slug(self.words.target, 30), |id| {
            plan.target_by_key(id).is_some()
        });
        let blocs: Vec<BlocId> = plan.blocs.iter().map(|b| b.id).collect();
        let target = new_target(
            TargetId(id),
            numbered(self.words.target, n),
            &self.words,
            &blocs,
        );
        self.plan.targets.push(target);
        let serial = self.serial();
        self.target_serials.push(serial);
    }

    fn set_kind(&mut self, t: usize, kind: Kind) {
        let Some(&serial) = self.target_serials.get(t) else {
            return;
        };
        let target = &mut self.plan.targets[t];
        let old = Kind::of(&target.measure);
        if old == kind {
            return;
        }
        let words = &self.words;
        // The texts of the kind left are kept for coming back; "one more" goes along.
        let one_more = target.one_more().cloned().or_else(|| {
            [Kind::Ratio, Kind::Increase]
                .iter()
                .find_map(|&kind| MeasureText::OneMore.get(self.measures.get(&(serial, kind))?))
                .cloned()
        });
        let measure = self.measures.remove(&(serial, kind)).unwrap_or_else(|| {
            let one_more = one_more.unwrap_or_else(|| text(words.one_more));
            match kind {
                Kind::Ratio => Measure::Ratio {
                    numerator: text(words.numerator),
                    denominator: text(words.denominator),
                    one_more,
                },
                Kind::YesNo => Measure::YesNo {
                    question: text(words.question),
                    overall_threshold: None,
                },
                Kind::Increase => Measure::Increase {
                    before: text(words.before),
                    after: text(words.after),
                    one_more,
                },
            }
        });
        let previous = std::mem::replace(&mut target.measure, measure);
        self.measures.insert((serial, old), previous);
        // Only a ratio has thresholds: the others keep them aside (and get them back).
        for (rule, bloc_serial) in target
            .blocs
            .iter_mut()
            .filter_map(|rule| {
                let b = self.plan.blocs.iter().position(|b| b.id == rule.bloc)?;
                Some((rule, self.bloc_serials[b]))
            })
            .collect::<Vec<_>>()
        {
            if kind == Kind::Ratio {
                let typed = self.typed.get(&Slot::Threshold(serial, bloc_serial));
                rule.threshold = typed
                    .and_then(|typed| parse_percent(typed).ok().flatten())
                    .filter(|p| p.scaled() % 100 == 0)
                    .or(rule.threshold)
                    .or(Some(Percent::HUNDRED));
            } else if let Some(threshold) = rule.threshold.take() {
                self.typed
                    .get_or_insert_with(Slot::Threshold(serial, bloc_serial), || {
                        format_percent(threshold, NumberStyle::Vietnamese)
                    });
            }
        }
    }

    fn set_offered(&mut self, t: usize, b: usize, offered: bool) {
        let (Some(&target_serial), Some(&bloc_serial)) =
            (self.target_serials.get(t), self.bloc_serials.get(b))
        else {
            return;
        };
        let bloc_id = self.plan.blocs[b].id;
        let target = &mut self.plan.targets[t];
        let at = target.blocs.iter().position(|rule| rule.bloc == bloc_id);
        match (offered, at) {
            (true, None) => {
                let is_ratio = matches!(target.measure, Measure::Ratio { .. });
                let mut rule = self
                    .withdrawn
                    .remove(&(target_serial, bloc_serial))
                    .unwrap_or(BlocRule {
                        bloc: bloc_id,
                        threshold: None,
                        applies_to: DefaultUnits::All,
                    });
                rule.bloc = bloc_id;
                if is_ratio && rule.threshold.is_none() {
                    rule.threshold = Some(Percent::HUNDRED);
                }
                if !is_ratio {
                    rule.threshold = None;
                }
                target.blocs.push(rule);
                self.sort_rules();
            }
            (false, Some(at)) => {
                let rule = target.blocs.remove(at);
                self.withdrawn.insert((target_serial, bloc_serial), rule);
            }
            _ => {}
        }
    }
}

/// A problem of one line of a pasted unit list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// Counted from 1, as an editor shows it.
    pub line: usize,
    pub kind: LineProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblemKind {
    /// The code is on an earlier line too.
    DuplicateCode { code: String, first_line: usize },
    /// Another unit of the plan (of another bloc, or of this one when appending) has it.
    CodeTaken(String),
    /// Not 1–40 of `A–Z a–z 0–9 - _ .` (as typed).
    BadCode(String),
    /// `other` names the "other unit" choice of the page.
    ReservedCode,
    /// More than two columns (a code and a name).
    TooManyColumns(usize),
    /// A name longer than a unit name may be.
    NameTooLong { chars: usize, limit: usize },
}

/// The header words of a pasted table, as slugs: a first line made only of these is skipped.
const HEADER_WORDS: &[&str] = &[
    "ma",
    "ma-don-vi",
    "ma-so",
    "ma-dvhc",
    "ma-dv",
    "code",
    "id",
    "ten",
    "ten-don-vi",
    "ten-dvhc",
    "ten-dv",
    "don-vi",
    "name",
    "unit",
    "units",
    "unit-name",
];

/// A cell made plain: invisible characters dropped, runs of spaces (no-break ones too) made
/// one space, ends trimmed.
fn clean_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    for word in cell
        .split(|c: char| c.is_whitespace())
        .map(|word| {
            word.trim_matches(|c: char| {
                matches!(
                    c,
                    '\u{200b}'..='\u{200f}' | '\u{feff}' | '\u{2060}' | '\u{00ad}'
                )
            })
        })
        .filter(|word| !word.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The cells of a line: split at tabs (what Excel and web tables copy) or else at `;` (the
/// CSV of a Vietnamese Excel); never at spaces, which names have. Empty cells are dropped.
fn cells(line: &str) -> Vec<String> {
    let separator = if line.contains('\t') { '\t' } else { ';' };
    line.split(separator)
        .map(clean_cell)
        .filter(|cell| !cell.is_empty())
        .collect()
}

fn is_code(cell: &str) -> bool {
    Key::new(cell).is_some()
}

/// `base`, else `base-2`, `base-3`… : the first not taken.
fn dedupe(base: String, taken: &HashSet<&str>) -> String {
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or(base)
}

/// A unit list pasted from Excel: one unit per line, "code<TAB>name" (or "code;name"; a name
/// then a code is understood too) or just a name, whose id is then made from it
/// (`Phường Cái Khế` → `phuong-cai-khe`, `-2`, `-3` for the same name again). A unit of
/// `existing` keeps its id when its name is pasted again, and new ids never take another id
/// of `existing`. Blank lines and a header line ("Mã<TAB>Tên") are skipped; Windows line
/// ends are fine. Problems are reported by line, and the units of the other lines returned.
pub fn parse_unit_list(text: &str, existing: &[Unit]) -> (Vec<Unit>, Vec<LineProblem>) {
    let ids: Vec<&str> = existing.iter().map(|u| u.id.as_str()).collect();
    parse_units(text, existing, &ids, &[])
}

/// [`parse_unit_list`], reusing the ids of `reuse` by name, making ids that avoid `avoid`,
/// and refusing a code of `kept` (units that stay beside the pasted ones).
fn parse_units(
    text: &str,
    reuse: &[Unit],
    avoid: &[&str],
    kept: &[&str],
) -> (Vec<Unit>, Vec<LineProblem>) {
    let mut problems = Vec::new();
    // (line, code, name)
    let mut rows: Vec<(usize, Option<String>, String)> = Vec::new();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();
    let mut seen_content = false;
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let cells = cells(line);
        if cells.is_empty() {
            continue;
        }
        let first = !seen_content;
        seen_content = true;
        if first
            && cells
                .iter()
                .all(|cell| HEADER_WORDS.contains(&slug(cell, 40).as_str()))
        {
            continue;
        }
        let mut problem = |kind| {
            problems.push(LineProblem {
                line: line_no,
                kind,
            })
        };
        let (code, name) = match <[String; 2]>::try_from(cells) {
            Ok([a, b]) if is_code(&a) => (Some(a), b),
            Ok([a, b]) if is_code(&b) => (Some(b), a),
            Ok([a, _]) => {
                problem(LineProblemKind::BadCode(a));
                continue;
            }
            Err(cells) if cells.len() == 1 => {
                let name = cells.into_iter().next().unwrap_or_default();
                (None, name)
            }
            Err(cells) => {
                problem(LineProblemKind::TooManyColumns(cells.len()));
                continue;
            }
        };
        if let Err(too_long) = check_length(TextKind::Name, &name) {
            problem(LineProblemKind::NameTooLong {
                chars: too_long.chars,
                limit: too_long.limit,
            });
            continue;
        }
        if let Some(code) = &code {
            if code.eq_ignore_ascii_case(OTHER_UNIT_ID) {
                problem(LineProblemKind::ReservedCode);
                continue;
            }
            if kept.contains(&code.as_str()) {
                problem(LineProblemKind::CodeTaken(code.clone()));
                continue;
            }
            if let Some(&first_line) = first_line_of.get(code) {
                problem(LineProblemKind::DuplicateCode {
                    code: code.clone(),
                    first_line,
                });
                continue;
            }
            first_line_of.insert(code.clone(), line_no);
        }
        rows.push((line_no, code, name));
    }
    // A name alone: the id of the unit of that name, else a slug no one has.
    let mut by_name: HashMap<&str, VecDeque<&str>> = HashMap::new();
    for u in reuse {
        by_name.entry(u.name.as_str()).or_default().push_back(&u.id);
    }
    let codes: HashSet<String> = first_line_of.into_keys().collect();
    let mut taken: HashSet<String> = avoid.iter().map(|id| id.to_string()).collect();
    taken.extend(codes.iter().cloned());
    let mut reused: HashSet<&str> = HashSet::new();
    let units = rows
        .into_iter()
        .map(|(_, code, name)| {
            let id = code.unwrap_or_else(|| {
                // The units of the same name keep their ids in order.
                while let Some(id) = by_name.get_mut(name.as_str()).and_then(VecDeque::pop_front) {
                    if !codes.contains(id) && reused.insert(id) {
                        return id.to_string();
                    }
                }
                let mut base = slug(&name, UNIT_SLUG_MAX);
                if base.is_empty() || base == OTHER_UNIT_ID {
                    base = "don-vi".to_string();
                }
                let id = if taken.contains(&base) {
                    (2..)
                        .map(|n| format!("{base}-{n}"))
                        .find(|id| !taken.contains(id))
                        .unwrap_or(base)
                } else {
                    base
                };
                taken.insert(id.clone());
                id
            });
            Unit { id, name }
        })
        .collect();
    (units, problems)
}

#[cfg(test)]
mod tests;
