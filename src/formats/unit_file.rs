//! Unit files: one unit's profile as a versioned JSON document that a unit sends to the
//! district (or keeps), and that any later version of the app can open.
//!
//! ```json
//! {
//!   "format": "cchc-2021-unit",
//!   "version": 1,
//!   "exported_at": "2026-11-28",
//!   "app_version": "0.1.0",
//!   "unit": { "bloc": "commune", "unit_id": "31211", "name": "Xã Vĩnh Bình" },
//!   "profile": { "label": "", "bloc": "commune", "unit_id": "31211", "other_name": "", "entries": {} },
//!   "summary": { "score": "75.27", "rating": "kha", "met": 7, "applicable": 9 }
//! }
//! ```
//!
//! `profile` is the data; `unit` is a readable header that must agree with it; `summary` is
//! informative and ignored on import. The full schema and what import refuses are in
//! `docs/formats.md`.
//!
//! Import reads nothing it does not understand: unknown fields, unknown targets, newer
//! versions are refused with a precise [`ImportProblem`], never dropped or truncated.

use crate::domain::small_map::SmallMap;

use super::json::{Map, Value};
use serde::Serialize;

use super::json_read::{
    known_keys, object, one_of, optional_bool, path, read_document, required_text, text, wrong,
    DocumentProblem, Keys,
};
pub use super::json_read::{Expected, JsonKind, ShapeProblem};
use super::validate::{check_profile, ProfileProblem};
use crate::domain::figures::{EntryMode, TargetEntry};
use crate::domain::profile::Profile;
use crate::domain::score::ScoringModel;
use std::rc::Rc;

use crate::domain::builtin;
use crate::domain::plan::{BlocId, Plan, TargetId};

/// The `format` of a unit file.
pub const UNIT_FILE_FORMAT: &str = "cchc-2021-unit";
/// The newest version this build reads. A profile of the built-in plan is written as
/// version 1 (byte for byte as before plans were data, so every build reads it); a profile
/// of another plan as version 2, whose `unit` header names the plan and its rules'
/// fingerprint.
pub const UNIT_FILE_VERSION: u64 = 2;
/// The largest file import reads: 1 MiB. A real unit file is a few kilobytes.
pub const MAX_UNIT_FILE_BYTES: usize = 1024 * 1024;
/// The app version written into `app_version`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The `format` of the app's own saved data (see `envelope`), recognised so the page can say
/// "this is a saved-data backup, not a unit file".
pub const SAVED_DATA_FORMAT: &str = super::envelope::FORMAT;

// ---------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------

#[derive(Serialize)]
struct UnitFileOut<'a> {
    format: &'static str,
    version: u64,
    exported_at: &'a str,
    app_version: &'static str,
    unit: UnitHeaderOut<'a>,
    profile: &'a Profile,
    summary: SummaryOut,
}

#[derive(Serialize)]
struct UnitHeaderOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_fingerprint: Option<String>,
    bloc: BlocId,
    unit_id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct SummaryOut {
    score: String,
    rating: &'static str,
    met: usize,
    applicable: usize,
}

/// The unit's display name for the header and the file name: the unit list's name, or the
/// typed name of an `other` unit; empty when none is chosen.
fn header_name<'a>(plan: &'a Plan, profile: &'a Profile) -> &'a str {
    profile.unit_name(plan).unwrap_or("")
}

/// The unit file of a profile, as pretty-printed JSON ending with a newline, with the summary
/// scored by the default model. `exported_at` is the local date, `YYYY-MM-DD`.
///
/// Export writes any profile; [`import_unit_file`] gives back exactly the same profile when
/// [`check_profile`](super::validate::check_profile) accepts it. Run that check first to
/// warn before writing a file that would be refused.
pub fn export_unit_file(profile: &Profile, exported_at: &str) -> String {
    let plan = builtin::plan();
    export_unit_file_with_model(&plan, profile, exported_at, &ScoringModel::for_plan(&plan))
}

/// [`export_unit_file`] with the summary scored by the page's current scoring model.
pub fn export_unit_file_with_model(
    plan: &Plan,
    profile: &Profile,
    exported_at: &str,
    model: &ScoringModel,
) -> String {
    let summary = profile.summary(plan, model);
    let builtin_plan = profile.plan == builtin::PLAN_ID;
    let file = UnitFileOut {
        format: UNIT_FILE_FORMAT,
        version: if builtin_plan { 1 } else { UNIT_FILE_VERSION },
        exported_at,
        app_version: APP_VERSION,
        unit: UnitHeaderOut {
            plan: (!builtin_plan).then_some(profile.plan.as_str()),
            plan_fingerprint: (!builtin_plan).then(|| plan.fingerprint()),
            bloc: profile.bloc,
            unit_id: &profile.unit_id,
            name: header_name(plan, profile),
        },
        profile,
        summary: SummaryOut {
            score: summary.score_attribute(),
            rating: summary.rating.key(),
            met: summary.met,
            applicable: summary.applicable,
        },
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a unit file always serialises");
    text.push('\n');
    text
}

/// A readable ASCII file name: `cchc-2021_xa-vinh-binh_2026-11-28.json`.
///
/// The name part is the profile's label when it has one, else the unit's name, without
/// Vietnamese diacritics (đ → d), lowercased, words joined by hyphens, at most 60 characters;
/// `don-vi` when nothing is left. `date` keeps only its digits and hyphens.
pub fn suggested_file_name(plan: &Plan, profile: &Profile, date: &str) -> String {
    let source = if profile.label.trim().is_empty() {
        header_name(plan, profile)
    } else {
        profile.label.as_str()
    };
    let mut name = slug(source, 60);
    if name.is_empty() {
        name = "don-vi".to_string();
    }
    let date: String = date
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    if date.is_empty() {
        format!("cchc-2021_{name}.json")
    } else {
        format!("cchc-2021_{name}_{date}.json")
    }
}

/// `Xã Vĩnh Bình` → `xa-vinh-binh` (the domain's, shared with the plan editor's unit ids).
pub use crate::domain::slug::slug;

// ---------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------

/// A unit file that was read successfully.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedUnit {
    pub profile: Profile,
    /// The version the file was written in (before migration to the current one).
    pub file_version: u64,
    /// `exported_at` of the file, when present.
    pub exported_at: Option<String>,
    /// `app_version` of the file, when present.
    pub app_version: Option<String>,
    /// The fingerprint of the plan's rules as the sender had them (version 2), to compare
    /// with this browser's copy of the plan.
    pub plan_fingerprint: Option<String>,
}

/// A unit file that could not be read: which file and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The name of the file as given to [`import_unit_file`].
    pub file_name: String,
    pub problem: ImportProblem,
}

/// Everything that makes import refuse a file. Field paths are dotted JSON paths such as
/// `profile.entries.recruitment.numerator`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Larger than [`MAX_UNIT_FILE_BYTES`]; checked before reading anything.
    TooBig { size: usize, limit: usize },
    /// No bytes, or only spaces and line breaks.
    Empty,
    /// Not UTF-8 text; `valid_up_to` bytes are fine (after a byte-order mark, if any).
    NotUtf8 { valid_up_to: usize },
    /// Text that is not JSON; 1-based line and column where reading stopped.
    NotJson { line: usize, column: usize },
    /// JSON, but not a unit file of this app. `format` is the `format` string found, if any:
    /// [`SAVED_DATA_FORMAT`] means a saved-data backup of the app.
    NotUnitFile { format: Option<String> },
    /// Written by a newer version of the app; refused whole, never read in part.
    NewerVersion { version: u64, supported: u64 },
    /// A required field is absent: `version`, `profile`, `profile.bloc` or `profile.unit_id`.
    MissingField { field: String },
    /// A field holds the wrong kind of value.
    WrongShape {
        field: String,
        expected: Expected,
        found: JsonKind,
    },
    /// A field this version does not know; refused, because dropping it could lose data.
    UnknownField { field: String },
    /// An entry for a target id this version does not know.
    UnknownTarget { key: String },
    /// The readable `unit` header disagrees with the profile (`unit.bloc` or `unit.unit_id`):
    /// the file was edited by hand or put together from two files.
    HeaderMismatch {
        field: &'static str,
        header: String,
        profile: String,
    },
    /// The file is of a plan this browser does not have: the plan file is needed first.
    UnknownPlan { plan_id: String },
    /// Bringing an older version up to date failed.
    Migration(MigrationError),
    /// The profile itself cannot be used: no unit, an unknown unit, a nameless `other` unit,
    /// a bloc that is not the unit's, or impossible figures (each naming target and field).
    Profile(ProfileProblem),
}

impl From<ShapeProblem> for ImportProblem {
    fn from(problem: ShapeProblem) -> ImportProblem {
        match problem {
            ShapeProblem::MissingField { field } => ImportProblem::MissingField { field },
            ShapeProblem::WrongShape {
                field,
                expected,
                found,
            } => ImportProblem::WrongShape {
                field,
                expected,
                found,
            },
            ShapeProblem::UnknownField { field } => ImportProblem::UnknownField { field },
        }
    }
}

impl From<DocumentProblem> for ImportProblem {
    fn from(problem: DocumentProblem) -> ImportProblem {
        match problem {
            DocumentProblem::TooBig { size, limit } => ImportProblem::TooBig { size, limit },
            DocumentProblem::Empty => ImportProblem::Empty,
            DocumentProblem::NotUtf8 { valid_up_to } => ImportProblem::NotUtf8 { valid_up_to },
            DocumentProblem::NotJson { line, column }
            // Unit files keep the last of a key given twice, so this does not happen.
            | DocumentProblem::DuplicateKey { line, column, .. } => {
                ImportProblem::NotJson { line, column }
            }
            DocumentProblem::OtherFormat { format } => ImportProblem::NotUnitFile { format },
            DocumentProblem::Version(shape) => shape.into(),
        }
    }
}

/// Reads a unit file.
///
/// Checks, in order: size, UTF-8 (a leading byte-order mark is allowed), JSON, `format`,
/// `version` (newer is refused), migration to the current version, the shape of every
/// field, then the unit and the figures (see [`check_profile`]). Entries that are empty are
/// dropped, as the page does.
///
/// The file's plan is looked up with `plan_of` (the built-in plan for version 1); a plan this
/// browser lacks is [`ImportProblem::UnknownPlan`].
pub fn import_unit_file(
    file_name: &str,
    bytes: &[u8],
    plan_of: impl Fn(&str) -> Option<Rc<Plan>>,
) -> Result<ImportedUnit, ImportError> {
    read(bytes, plan_of).map_err(|problem| ImportError {
        file_name: file_name.to_string(),
        problem,
    })
}

fn read(
    bytes: &[u8],
    plan_of: impl Fn(&str) -> Option<Rc<Plan>>,
) -> Result<ImportedUnit, ImportProblem> {
    let (document, version) =
        read_document(bytes, MAX_UNIT_FILE_BYTES, UNIT_FILE_FORMAT, Keys::LastWins)?;
    if version > UNIT_FILE_VERSION {
        return Err(ImportProblem::NewerVersion {
            version,
            supported: UNIT_FILE_VERSION,
        });
    }
    let document = migrate_value(version, document).map_err(|e| match e {
        MigrationError::NewerVersion(version) => ImportProblem::NewerVersion {
            version,
            supported: UNIT_FILE_VERSION,
        },
        other => ImportProblem::Migration(other),
    })?;
    let object = document
        .as_object()
        .ok_or(ImportProblem::NotUnitFile { format: None })?;

    let (file, plan) = read_current(object, &plan_of)?;
    if let Some(header) = &file.header {
        check_header(header, &file.profile)?;
    }
    check_profile(&plan, &file.profile).map_err(ImportProblem::Profile)?;
    Ok(ImportedUnit {
        profile: file.profile,
        file_version: version,
        exported_at: file.exported_at,
        app_version: file.app_version,
        plan_fingerprint: file.header.and_then(|h| h.plan_fingerprint),
    })
}

// ---------------------------------------------------------------------------------------
// Migration
// ---------------------------------------------------------------------------------------

/// Why a document could not be brought to the current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// Below the first version (0).
    UnknownVersion(u64),
    /// Newer than this build.
    NewerVersion(u64),
    /// A step from version `from` found `field` in a shape it cannot convert.
    StepFailed { from: u64, field: String },
}

/// One step: a whole document of version `n` in, a whole document of version `n + 1` out
/// (including its `version` field).
pub type MigrationStep = fn(Value) -> Result<Value, MigrationError>;

/// `MIGRATIONS[i]` turns a version `i + 1` document into a version `i + 2` document. Adding a
/// version means: bump [`UNIT_FILE_VERSION`], append its step here, keep the v1 fixtures
/// under `tests/fixtures/unit-files/` opening, and document the change in `docs/formats.md`.
pub const MIGRATIONS: &[MigrationStep] = &[v1_to_v2];

/// Version 2 only adds optional fields (the plan, in `unit` and `profile`): a version-1 file
/// is a version-2 file of the built-in plan.
fn v1_to_v2(mut document: Value) -> Result<Value, MigrationError> {
    if let Some(object) = document.as_object_mut() {
        object.insert("version".into(), Value::from(2));
    }
    Ok(document)
}

/// Brings a whole unit-file document of `version` up to [`UNIT_FILE_VERSION`], one step at
/// a time. The current version passes through unchanged.
pub fn migrate<V: Into<Value> + From<Value>>(
    version: u64,
    document: V,
) -> Result<V, MigrationError> {
    migrate_value(version, document.into()).map(V::from)
}

fn migrate_value(version: u64, document: Value) -> Result<Value, MigrationError> {
    if version == 0 {
        return Err(MigrationError::UnknownVersion(version));
    }
    if version > UNIT_FILE_VERSION {
        return Err(MigrationError::NewerVersion(version));
    }
    let first = usize::try_from(version - 1).map_err(|_| MigrationError::NewerVersion(version))?;
    MIGRATIONS
        .iter()
        .skip(first)
        .try_fold(document, |document, step| step(document))
}

// ---------------------------------------------------------------------------------------
// Reading the current version
// ---------------------------------------------------------------------------------------

const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "exported_at",
    "app_version",
    "unit",
    "profile",
    "summary",
];
const HEADER_FIELDS: &[&str] = &["plan", "plan_fingerprint", "bloc", "unit_id", "name"];
/// The fields of `profile`, in the order they are written (`plan` only for a plan other than
/// the built-in one).
pub const PROFILE_FIELDS: &[&str] = &["plan", "label", "bloc", "unit_id", "other_name", "entries"];
/// The fields of an entry, in the order they are written (`not_applicable` only when set).
pub const ENTRY_FIELDS: &[&str] = &[
    "not_applicable",
    "mode",
    "numerator",
    "denominator",
    "percent",
    "answer",
    "before",
    "after",
];
const MODE_KEYS: &[&str] = &["counts", "percent"];

/// The parts of the readable `unit` header that must agree with the profile, when present.
struct Header {
    plan: Option<String>,
    plan_fingerprint: Option<String>,
    bloc: Option<String>,
    unit_id: Option<String>,
}

struct CurrentFile {
    exported_at: Option<String>,
    app_version: Option<String>,
    header: Option<Header>,
    profile: Profile,
}

/// `YYYY-MM-DD` with a month 01–12 and a day 01–31.
fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// The plan a profile names: looked up before its entries, whose keys must be its targets.
type PlanOf<'a> = &'a dyn Fn(&str) -> Option<Rc<Plan>>;

fn read_current(
    top: &Map<String, Value>,
    plan_of: PlanOf,
) -> Result<(CurrentFile, Rc<Plan>), ImportProblem> {
    known_keys(top, "", TOP_FIELDS)?;

    let exported_at = text(top, "", "exported_at")?;
    if let Some(date) = &exported_at {
        if !is_date(date) {
            return Err(wrong("exported_at", Expected::Date, &top["exported_at"]).into());
        }
    }
    let app_version = text(top, "", "app_version")?;
    let header = top.get("unit").map(read_header).transpose()?;
    // `summary` is informative: any value is accepted and ignored.
    let profile = top.get("profile").ok_or(ImportProblem::MissingField {
        field: "profile".into(),
    })?;
    let (profile, plan) = read_profile(profile, plan_of)?;
    let file = CurrentFile {
        exported_at,
        app_version,
        header,
        profile,
    };
    Ok((file, plan))
}

fn read_header(value: &Value) -> Result<Header, ImportProblem> {
    let map = object(value, "unit", HEADER_FIELDS)?;
    let plan = text(map, "unit", "plan")?;
    let plan_fingerprint = text(map, "unit", "plan_fingerprint")?;
    let bloc = text(map, "unit", "bloc")?;
    let unit_id = text(map, "unit", "unit_id")?;
    // The name is for people: it may differ from this version's unit list, so it is only
    // checked to be text.
    text(map, "unit", "name")?;
    Ok(Header {
        plan,
        plan_fingerprint,
        bloc,
        unit_id,
    })
}

fn check_header(header: &Header, profile: &Profile) -> Result<(), ImportProblem> {
    let checks = [
        ("unit.plan", &header.plan, profile.plan.as_str()),
        ("unit.bloc", &header.bloc, profile.bloc.key()),
        ("unit.unit_id", &header.unit_id, profile.unit_id.as_str()),
    ];
    for (field, in_header, in_profile) in checks {
        if let Some(in_header) = in_header.as_deref().filter(|h| *h != in_profile) {
            return Err(ImportProblem::HeaderMismatch {
                field,
                header: in_header.to_string(),
                profile: in_profile.to_string(),
            });
        }
    }
    Ok(())
}

fn read_profile(value: &Value, plan_of: PlanOf) -> Result<(Profile, Rc<Plan>), ImportProblem> {
    const AT: &str = "profile";
    let map = object(value, AT, PROFILE_FIELDS)?;
    let bloc = match text(map, AT, "bloc")? {
        Some(id) => {
            BlocId::new(&id).ok_or_else(|| wrong("profile.bloc", Expected::Id, &map["bloc"]))?
        }
        None => {
            return Err(ImportProblem::MissingField {
                field: "profile.bloc".into(),
            })
        }
    };
    let plan_id = match text(map, AT, "plan")? {
        Some(plan) => plan,
        None => builtin::PLAN_ID.to_string(),
    };
    let unit_id = required_text(map, AT, "unit_id")?;
    let plan = plan_of(&plan_id).ok_or_else(|| ImportProblem::UnknownPlan {
        plan_id: plan_id.clone(),
    })?;
    // Every field of the profile is named here, so a new field cannot be forgotten by the
    // file format: it must be read here (and the format version bumped).
    let profile = Profile {
        plan: plan_id,
        label: text(map, AT, "label")?.unwrap_or_default(),
        bloc,
        unit_id,
        other_name: text(map, AT, "other_name")?.unwrap_or_default(),
        entries: match map.get("entries") {
            Some(entries) => read_entries(entries, &plan)?,
            None => SmallMap::new(),
        },
    };
    Ok((profile, plan))
}

fn read_entries(
    value: &Value,
    plan: &Plan,
) -> Result<SmallMap<TargetId, TargetEntry>, ImportProblem> {
    const AT: &str = "profile.entries";
    let map = value
        .as_object()
        .ok_or_else(|| wrong(AT, Expected::Object, value))?;
    let mut entries = SmallMap::new();
    // The map's keys come sorted, so the first unknown target named is the same on every
    // reading.
    for (key, value) in map {
        let id = plan
            .target_by_key(key)
            .map(|target| target.id)
            .ok_or_else(|| ImportProblem::UnknownTarget { key: key.clone() })?;
        let entry = read_entry(value, &path(AT, key))?;
        if !entry.is_empty() {
            entries.insert(id, entry);
        }
    }
    Ok(entries)
}

fn read_entry(value: &Value, at: &str) -> Result<TargetEntry, ImportProblem> {
    let map = object(value, at, ENTRY_FIELDS)?;
    let field = |key| text(map, at, key).map(Option::unwrap_or_default);
    Ok(TargetEntry {
        not_applicable: optional_bool(map, at, "not_applicable")?,
        mode: match one_of(map, at, "mode", MODE_KEYS)? {
            Some(mode) => EntryMode::from_key(&mode).expect("checked against MODE_KEYS"),
            None => EntryMode::default(),
        },
        numerator: field("numerator")?,
        denominator: field("denominator")?,
        percent: field("percent")?,
        answer: optional_bool(map, at, "answer")?,
        before: field("before")?,
        after: field("after")?,
    })
}
