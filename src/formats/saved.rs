//! Saved data version 3 (issue 14): the envelope of `formats::envelope` split in two, so that
//! a save writes only what changed. The **head** is the envelope with each profile record
//! and each added plan naming its **body** by the hash of the body's text instead of
//! holding it:
//!
//! ```json
//! {"format":"cchc-2021","version":3,"revision":4,"id":"…","parents":[…],"data":{
//!   "profiles":[{"id":"p1","body":"9f2c…"},{"id":"p2","exported_at":"2026-03-01","body":"…"}],
//!   "active":"p1", …, "plans":[{"id":"can-tho-2026","body":"…"}]}}
//! ```
//!
//! Each body is stored under a key of its own (see `store`), made of the profile's or plan's
//! id and that hash, so a body's key changes whenever its text does, and a head only ever
//! names bodies that were written before it. A record may also hold its profile (a plan
//! entry its plan file) inline, as version 2 does: that is how a save that runs out of room
//! for separate bodies still writes everything (`store::split`). This module is the text
//! side only: no storage.
//!
//! Version 4 (issue 14, 10 000 profiles): the head no longer lists every record, which made
//! it grow with the number of profiles (~400 k characters for 10 000) and be rewritten on
//! every save. The records are in **pages**, each stored under a key of its own and named
//! by the hash of its text (`[{"id":"p1","body":"9f2c…"},…]`); the head lists the pages:
//!
//! ```json
//! {"format":"cchc-2021","version":4,…,"data":{
//!   "pages":[{"id":"p1","page":"77ab…"},{"records":[{"id":"p80","profile":{…}}]}],
//!   "active":"p1", …}}
//! ```
//!
//! `id` is the first record's id (part of the page's key, so that a reader missing a page
//! can find another of its versions); a page written short of room is inline (`records`).
//! A version 4 text may also list its records under `profiles` as version 3 does (a whole
//! text with every body inline is that: [`super::envelope::encode`]).

use super::json::{AsValue, Map, Value};

use super::envelope::{self, DecodeError, Stamp, FORMAT};
use super::json::{self, Object};
// The fields of a profile and an entry in their order (the same in unit files).
use super::unit_file::{ENTRY_FIELDS, PROFILE_FIELDS};
use std::rc::Rc;

use crate::domain::builtin;
use crate::domain::figures::{EntryMode, TargetEntry};
use crate::domain::language::Lang;
use crate::domain::plan::{BlocId, TargetId};
use crate::domain::profile::{ordered_entries, Profile};
use crate::domain::score::{
    ApplicabilityOverride, AwardPlaces, RatingBands, ScoringMode, ScoringModel, Weight,
};
use crate::domain::small_map::SmallMap;
use crate::domain::workspace::{ProfileRecord, Workspace};

/// The version whose heads name bodies.
pub const SPLIT_VERSION: u64 = 3;
/// The version whose heads list pages of records (written since).
pub const PAGED_VERSION: u64 = 4;

/// The hash that names a body: 64-bit FNV-1a of its text, in 16 hexadecimal digits. Stable
/// across builds (unlike the standard library's hasher), which keys need.
pub fn hash_text(text: &str) -> String {
    format!("{:016x}", fnv(text))
}

/// 64-bit FNV-1a.
pub fn fnv(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// One profile record or plan of a head being written: its body named by hash, or inline
/// (its JSON text).
pub enum PartOut<'a> {
    Body(&'a str),
    Inline(&'a str),
}

// ---------------------------------------------------------------------------------------
// Writing (issue 14): by hand with `formats::json`, the bytes serde's derives wrote (the
// tests below compare them), without their code in the start-up module.
// ---------------------------------------------------------------------------------------

/// A profile's text: its fields in their order, `plan` left out for the built-in plan, the
/// entries in the built-in plan's target order (`profile::ordered_entries`).
pub fn profile_text(profile: &Profile) -> String {
    let mut out = String::with_capacity(256);
    let mut object = Object::new(&mut out);
    if profile.plan != builtin::PLAN_ID {
        object.text("plan", &profile.plan);
    }
    object.text("label", &profile.label);
    object.text("bloc", profile.bloc.key());
    object.text("unit_id", &profile.unit_id);
    object.text("other_name", &profile.other_name);
    let mut entries = Object::new(object.key("entries"));
    for (id, entry) in ordered_entries(&profile.entries) {
        write_entry(entries.key(id.key()), entry);
    }
    entries.end();
    object.end();
    out
}

fn write_entry(out: &mut String, entry: &TargetEntry) {
    let mut object = Object::new(out);
    if let Some(not_applicable) = entry.not_applicable {
        json::optional_bool(object.key("not_applicable"), Some(not_applicable));
    }
    object.text("mode", entry.mode.key());
    object.text("numerator", &entry.numerator);
    object.text("denominator", &entry.denominator);
    object.text("percent", &entry.percent);
    json::optional_bool(object.key("answer"), entry.answer);
    object.text("before", &entry.before);
    object.text("after", &entry.after);
    object.end();
}

fn write_model(out: &mut String, model: &ScoringModel) {
    let mut object = Object::new(out);
    object.text(
        "mode",
        match model.mode {
            ScoringMode::Proportional => "proportional",
            ScoringMode::AllOrNothing => "all_or_nothing",
        },
    );
    let mut weights = Object::new(object.key("weights"));
    for (id, weight) in &model.weights {
        json::float(weights.key(id.key()), weight.as_f64());
    }
    weights.end();
    let mut applicability = Object::new(object.key("applicability"));
    for (id, choice) in &model.applicability {
        applicability.text(
            id.key(),
            match choice {
                ApplicabilityOverride::AllUnits => "all_units",
                ApplicabilityOverride::NoUnit => "no_unit",
            },
        );
    }
    applicability.end();
    let mut bands = Object::new(object.key("bands"));
    json::float(bands.key("good"), model.bands.good);
    json::float(bands.key("fair"), model.bands.fair);
    json::float(bands.key("average"), model.bands.average);
    bands.end();
    let mut places = Object::new(object.key("award_places"));
    for (bloc, count) in model.award_places.iter() {
        json::unsigned(places.key(bloc.key()), *count as u64);
    }
    places.end();
    object.end();
}

fn write_texts(out: &mut String, map: &SmallMap<String, String>) {
    let mut object = Object::new(out);
    for (key, value) in map {
        object.text(key, value);
    }
    object.end();
}

/// The workspace's fields after its profiles, in their order, and its plans (their texts)
/// last when there are any: the data of a head or of a whole text.
pub(crate) fn write_rest<'p>(
    object: &mut Object<'_>,
    data: &Workspace,
    plans: impl ExactSizeIterator<Item = &'p str>,
) {
    object.text("active", &data.active);
    write_texts(object.key("peer_scores"), &data.peer_scores);
    write_model(object.key("model"), &data.model);
    object.text(
        "language",
        match data.language {
            Lang::Vi => "vi",
            Lang::En => "en",
        },
    );
    if !data.district_choices.is_empty() {
        write_texts(object.key("district_choices"), &data.district_choices);
    }
    if !data.models.is_empty() {
        let mut models = Object::new(object.key("models"));
        for (id, model) in &data.models {
            write_model(models.key(id), model);
        }
        models.end();
    }
    if plans.len() > 0 {
        json::array(object.key("plans"), plans, |out, plan| out.push_str(plan));
    }
}

/// The start of an envelope or head: its format, version and stamp fields.
pub(crate) fn envelope_start<'o>(
    out: &'o mut String,
    version: u64,
    revision: Option<u64>,
    stamp: Option<&Stamp>,
) -> Object<'o> {
    let mut object = Object::new(out);
    object.text("format", FORMAT);
    json::unsigned(object.key("version"), version);
    if let Some(revision) = revision {
        json::unsigned(object.key("revision"), revision);
    }
    if let Some(stamp) = stamp {
        if let Some(id) = &stamp.id {
            object.text("id", id);
            json::array(object.key("parents"), &stamp.parents, |out, parent| {
                json::string(out, parent)
            });
        }
    }
    object
}

/// The head's text: `profiles` in the order of `data.profiles`, `plans` of `data.plans`.
pub fn encode_head(
    data: &Workspace,
    stamp: &Stamp,
    profiles: &[PartOut<'_>],
    plans: &[PartOut<'_>],
) -> String {
    let records: Vec<String> = data
        .profiles
        .iter()
        .zip(profiles)
        .map(|(record, part)| record_text(&record.id, record.exported_at.as_deref(), part))
        .collect();
    encode_head_listing(
        data,
        stamp,
        "profiles",
        records.iter().map(String::as_str),
        plans,
    )
}

/// The head's record of one profile: `{"id":…,"exported_at":…,"body":…}`, or with the
/// profile inline.
pub fn record_text(id: &str, exported_at: Option<&str>, part: &PartOut<'_>) -> String {
    let mut out = String::new();
    let mut object = Object::new(&mut out);
    object.text("id", id);
    if let Some(date) = exported_at {
        object.text("exported_at", date);
    }
    match *part {
        PartOut::Body(hash) => object.text("body", hash),
        PartOut::Inline(text) => object.raw("profile", text),
    }
    object.end();
    out
}

/// The head's text with the profile records given as their texts ([`record_text`]), in
/// the order of `data.profiles`: a save copies the records that did not change.
pub fn encode_head_with_records<'r>(
    data: &Workspace,
    stamp: &Stamp,
    records: impl Iterator<Item = &'r str>,
    plans: &[PartOut<'_>],
) -> String {
    encode_head_listing(data, stamp, "profiles", records, plans)
}

/// The head's text listing the pages given as their texts ([`page_ref_text`] or
/// [`inline_page_text`]), in order.
pub fn encode_head_with_pages<'r>(
    data: &Workspace,
    stamp: &Stamp,
    pages: impl Iterator<Item = &'r str>,
    plans: &[PartOut<'_>],
) -> String {
    encode_head_listing(data, stamp, "pages", pages, plans)
}

/// A page's text: its records ([`record_text`]) as a list.
pub fn page_text<'r>(records: impl Iterator<Item = &'r str>) -> String {
    let mut out = String::new();
    json::array(&mut out, records, |out, record| out.push_str(record));
    out
}

/// The head's entry for a page stored under a key of its own: its first record's id and
/// its hash.
pub fn page_ref_text(first: &str, hash: &str) -> String {
    let mut out = String::new();
    let mut object = Object::new(&mut out);
    object.text("id", first);
    object.text("page", hash);
    object.end();
    out
}

/// The head's entry for a page held inline: `{"records":<page text>}`.
pub fn inline_page_text(page_text: &str) -> String {
    format!(r#"{{"records":{page_text}}}"#)
}

fn encode_head_listing<'r>(
    data: &Workspace,
    stamp: &Stamp,
    field: &str,
    items: impl Iterator<Item = &'r str>,
    plans: &[PartOut<'_>],
) -> String {
    let mut out = String::with_capacity(1024);
    let mut head = envelope_start(&mut out, PAGED_VERSION, Some(stamp.revision), Some(stamp));
    let mut body = Object::new(head.key("data"));
    json::array(body.key(field), items, |out, item| out.push_str(item));
    // A plan named by its body: `{"id":…,"body":…}`; inline: its plan file.
    let plan_texts: Vec<String> = data
        .plans
        .iter()
        .zip(plans)
        .map(|(plan, part)| match part {
            PartOut::Body(hash) => {
                let mut out = String::new();
                let mut object = Object::new(&mut out);
                object.text("id", &plan.id);
                object.text("body", hash);
                object.end();
                out
            }
            PartOut::Inline(text) => text.to_string(),
        })
        .collect();
    write_rest(&mut body, data, plan_texts.iter().map(String::as_str));
    body.end();
    head.end();
    out
}

// ---------------------------------------------------------------------------------------
// Reading (issue 14): the workspace, its profiles and settings from a parsed `Value` by
// hand, deciding what serde's derives decided (the property tests below hold them to it):
// an object whose unknown keys are ignored, or an array of the fields in their order; a
// missing field takes its default (where the type has one); a value of the wrong kind is
// refused.
// ---------------------------------------------------------------------------------------

/// Why a value is not of the expected shape (the message is for people reading logs).
type Shape<T> = Result<T, String>;

fn bad<T>(what: &str) -> Shape<T> {
    Err(format!("not {what}"))
}

/// Calls `set` with each field of a struct given as an object (by the position of its name
/// in `fields`; unknown keys are ignored) or as an array of its fields in order; gives
/// which fields were there, one bit each.
fn fields_of(
    value: &Value,
    what: &str,
    fields: &[&str],
    mut set: impl FnMut(usize, &Value) -> Shape<()>,
) -> Shape<u32> {
    let mut seen = 0;
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                if let Some(at) = fields.iter().position(|field| field == key) {
                    set(at, value)?;
                    seen |= 1 << at;
                }
            }
        }
        Value::Array(items) if items.len() <= fields.len() => {
            for (at, value) in items.iter().enumerate() {
                set(at, value)?;
                seen |= 1 << at;
            }
        }
        _ => return bad(what),
    }
    Ok(seen)
}

fn text_of(value: &Value) -> Shape<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        _ => bad("a string"),
    }
}

fn optional_bool_of(value: &Value) -> Shape<Option<bool>> {
    match value {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        _ => bad("true, false or null"),
    }
}

fn float_of(value: &Value) -> Shape<f64> {
    match value {
        Value::Number(n) => n.as_f64().map_or_else(|| bad("a number"), Ok),
        _ => bad("a number"),
    }
}

/// A unit variant's name: `"name"`, or `{"name": null}` as serde also reads.
fn variant_of(value: &Value) -> Shape<&str> {
    match value {
        Value::String(name) => Ok(name),
        Value::Object(map) if map.len() == 1 => match map.iter().next() {
            Some((name, Value::Null)) => Ok(name),
            _ => bad("a variant"),
        },
        _ => bad("a variant"),
    }
}

fn id_of<T>(text: &str, new: fn(&str) -> Option<T>) -> Shape<T> {
    new(text).map_or_else(|| bad("an id"), Ok)
}

/// A map whose keys are read by `key` and values by `value`; a repeated key keeps its last
/// value.
fn map_of<K: Ord, V>(
    value: &Value,
    key: impl Fn(&str) -> Shape<K>,
    read: impl Fn(&Value) -> Shape<V>,
) -> Shape<SmallMap<K, V>> {
    let Value::Object(object) = value else {
        return bad("a map");
    };
    let mut map = SmallMap::new();
    for (k, v) in object {
        map.insert(key(k)?, read(v)?);
    }
    Ok(map)
}

fn entry_of(value: &Value) -> Shape<TargetEntry> {
    let mut entry = TargetEntry::default();
    fields_of(value, "an entry", ENTRY_FIELDS, |at, value| {
        match at {
            0 => entry.not_applicable = optional_bool_of(value)?,
            1 => {
                entry.mode = EntryMode::from_key(variant_of(value)?)
                    .map_or_else(|| bad("an entry mode"), Ok)?
            }
            2 => entry.numerator = text_of(value)?,
            3 => entry.denominator = text_of(value)?,
            4 => entry.percent = text_of(value)?,
            5 => entry.answer = optional_bool_of(value)?,
            6 => entry.before = text_of(value)?,
            _ => entry.after = text_of(value)?,
        }
        Ok(())
    })?;
    Ok(entry)
}

/// A profile as serde's derive read it from `value` (see above).
/// A profile read from its saved JSON.
pub fn profile_of(value: &impl AsValue) -> Shape<Profile> {
    value.with_value(profile_in)
}

fn profile_in(value: &Value) -> Shape<Profile> {
    let mut profile = Profile::default();
    fields_of(value, "a profile", PROFILE_FIELDS, |at, value| {
        match at {
            0 => profile.plan = text_of(value)?,
            1 => profile.label = text_of(value)?,
            2 => profile.bloc = id_of(&text_of(value)?, BlocId::new)?,
            3 => profile.unit_id = text_of(value)?,
            4 => profile.other_name = text_of(value)?,
            _ => profile.entries = map_of(value, |k| id_of(k, TargetId::new), entry_of)?,
        }
        Ok(())
    })?;
    Ok(profile)
}

/// A profile from its text (a body), or `None` when it does not read. One difference from
/// the derive reading the text directly: a field given twice keeps its last value (the
/// derive refused it); this app never writes one, and a hand-edited body with one now reads
/// instead of being set aside.
pub fn profile_from_text(text: &str) -> Option<Profile> {
    profile_in(&super::json::parse(text).ok()?).ok()
}

fn model_of(value: &Value) -> Shape<ScoringModel> {
    const FIELDS: &[&str] = &["mode", "weights", "applicability", "bands", "award_places"];
    let mut model = ScoringModel::default();
    fields_of(value, "scoring settings", FIELDS, |at, value| {
        match at {
            0 => {
                model.mode = match variant_of(value)? {
                    "proportional" => ScoringMode::Proportional,
                    "all_or_nothing" => ScoringMode::AllOrNothing,
                    _ => return bad("a scoring mode"),
                }
            }
            1 => {
                model.weights = map_of(
                    value,
                    |k| id_of(k, TargetId::new),
                    |v| float_of(v).map(Weight::nearest),
                )?
            }
            2 => {
                model.applicability = map_of(
                    value,
                    |k| id_of(k, TargetId::new),
                    |v| match variant_of(v)? {
                        "all_units" => Ok(ApplicabilityOverride::AllUnits),
                        "no_unit" => Ok(ApplicabilityOverride::NoUnit),
                        _ => bad("an applicability"),
                    },
                )?
            }
            3 => model.bands = bands_of(value)?,
            _ => {
                let places = map_of(
                    value,
                    |k| id_of(k, BlocId::new),
                    |v| match v {
                        Value::Number(n) => n
                            .as_u64()
                            .and_then(|n| usize::try_from(n).ok())
                            .map_or_else(|| bad("a count"), Ok),
                        _ => bad("a count"),
                    },
                )?;
                model.award_places = AwardPlaces::default();
                for (bloc, count) in places {
                    model.award_places.set(bloc, count);
                }
            }
        }
        Ok(())
    })?;
    Ok(model)
}

/// The bands have no default of their own: all three are needed.
fn bands_of(value: &Value) -> Shape<RatingBands> {
    let mut bands = [0.0; 3];
    let seen = fields_of(
        value,
        "rating bands",
        &["good", "fair", "average"],
        |at, value| {
            bands[at] = float_of(value)?;
            Ok(())
        },
    )?;
    if seen != 0b111 {
        return bad("all three bands");
    }
    let [good, fair, average] = bands;
    Ok(RatingBands {
        good,
        fair,
        average,
    })
}

fn texts_of(value: &Value) -> Shape<SmallMap<String, String>> {
    map_of(value, |k| Ok(k.to_string()), text_of)
}

fn record_of(value: &Value) -> Shape<Rc<ProfileRecord>> {
    let mut id = String::new();
    let mut profile = None;
    let mut exported_at = None;
    let seen = fields_of(
        value,
        "a profile record",
        &["id", "profile", "exported_at"],
        |at, value| {
            match at {
                0 => id = text_of(value)?,
                1 => profile = Some(profile_in(value)?),
                _ => {
                    exported_at = match value {
                        Value::Null => None,
                        _ => Some(text_of(value)?),
                    }
                }
            }
            Ok(())
        },
    )?;
    match profile {
        Some(profile) if seen & 1 == 1 => Ok(Rc::new(ProfileRecord {
            id,
            profile: Rc::new(profile),
            exported_at,
        })),
        _ => bad("a whole profile record"),
    }
}

/// A workspace as serde's derive read it from `value` (its plans are not there: see
/// `envelope`); refused for anything not an object or an array.
/// The workspace read from its saved JSON.
pub fn workspace_of(value: &impl AsValue) -> Shape<Workspace> {
    value.with_value(workspace_in)
}

fn workspace_in(value: &Value) -> Shape<Workspace> {
    const FIELDS: &[&str] = &[
        "profiles",
        "active",
        "peer_scores",
        "model",
        "language",
        "district_choices",
        "models",
    ];
    let mut data = Workspace::default();
    fields_of(value, "a workspace", FIELDS, |at, value| {
        match at {
            0 => {
                let Value::Array(records) = value else {
                    return bad("a list of profiles");
                };
                data.profiles = records.iter().map(record_of).collect::<Shape<_>>()?;
            }
            1 => data.active = text_of(value)?,
            2 => data.peer_scores = texts_of(value)?,
            3 => data.model = model_of(value)?,
            4 => {
                data.language = match variant_of(value)? {
                    "vi" => Lang::Vi,
                    "en" => Lang::En,
                    _ => return bad("a language"),
                }
            }
            5 => data.district_choices = texts_of(value)?,
            _ => data.models = map_of(value, |k| Ok(k.to_string()), model_of)?,
        }
        Ok(())
    })?;
    Ok(data)
}

/// Where a record's profile, or a plan, is.
#[derive(Debug, Clone, PartialEq)]
pub enum PartIn {
    /// In the body named by this hash.
    Body(String),
    /// In the head itself (versions 1 and 2, or a head written short of room).
    Inline(Value),
}

/// A profile record of a head.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordIn {
    pub id: String,
    pub exported_at: Option<String>,
    pub part: PartIn,
}

/// A page of records named by a version 4 head.
#[derive(Debug, Clone, PartialEq)]
pub enum PageIn {
    /// Stored under a key of its own: its first record's id and its hash.
    Stored { first: String, hash: String },
    /// Held in the head.
    Inline(Vec<RecordIn>),
}

/// A head read: its stamp, its records and plans, and the rest of the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub version: u64,
    pub stamp: Stamp,
    /// The pages of records (version 4), before [`Head::profiles`]; the store reads them.
    pub pages: Vec<PageIn>,
    pub profiles: Vec<RecordIn>,
    /// Each added plan: `(id, part)`; the id is empty for an inline plan file.
    pub plans: Vec<(String, PartIn)>,
    /// The workspace's other fields.
    rest: Value,
}

/// Reads a head (or a whole envelope of version 1 or 2, whose records are all inline).
pub fn read_head(text: &str) -> Result<Head, DecodeError> {
    let value: Value = super::json::parse(text).map_err(|_| DecodeError::NotJson)?;
    let (version, stamp, data) = envelope::open(value)?;
    let mut data = match data {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        _ => return Err(DecodeError::BadData("data is not an object".into())),
    };
    let profiles = match data.remove("profiles") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(records)) => records
            .into_iter()
            .map(record_in)
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(DecodeError::BadData("profiles is not a list".into())),
    };
    let pages = match data.remove("pages") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(pages)) => pages.into_iter().map(page_in).collect::<Result<_, _>>()?,
        Some(_) => return Err(DecodeError::BadData("pages is not a list".into())),
    };
    let plans = match data.remove("plans") {
        Some(Value::Array(plans)) => plans.into_iter().map(plan_in).collect(),
        _ => Vec::new(),
    };
    Ok(Head {
        version,
        stamp,
        pages,
        profiles,
        plans,
        rest: Value::Object(data),
    })
}

/// The records of a page's text.
pub fn read_page(text: &str) -> Result<Vec<RecordIn>, DecodeError> {
    match super::json::parse(text).map_err(|_| DecodeError::NotJson)? {
        Value::Array(records) => records.into_iter().map(record_in).collect(),
        _ => Err(DecodeError::BadData("a page is not a list".into())),
    }
}

fn page_in(value: Value) -> Result<PageIn, DecodeError> {
    let bad = || DecodeError::BadData("a page entry of the wrong shape".into());
    let Value::Object(mut entry) = value else {
        return Err(bad());
    };
    match (
        entry.remove("id"),
        entry.remove("page"),
        entry.remove("records"),
    ) {
        (Some(Value::String(first)), Some(Value::String(hash)), _) => {
            Ok(PageIn::Stored { first, hash })
        }
        (_, None, Some(Value::Array(records))) => Ok(PageIn::Inline(
            records
                .into_iter()
                .map(record_in)
                .collect::<Result<_, _>>()?,
        )),
        _ => Err(bad()),
    }
}

fn record_in(value: Value) -> Result<RecordIn, DecodeError> {
    let bad = || DecodeError::BadData("a profile record of the wrong shape".into());
    let Value::Object(mut record) = value else {
        return Err(bad());
    };
    let id = match record.remove("id") {
        Some(Value::String(id)) => id,
        None => String::new(),
        Some(_) => return Err(bad()),
    };
    let exported_at = match record.remove("exported_at") {
        Some(Value::String(date)) => Some(date),
        _ => None,
    };
    let part = match (record.remove("body"), record.remove("profile")) {
        (Some(Value::String(hash)), _) => PartIn::Body(hash),
        (None, Some(profile)) => PartIn::Inline(profile),
        (None, None) => PartIn::Inline(Value::Object(Map::new())),
        _ => return Err(bad()),
    };
    Ok(RecordIn {
        id,
        exported_at,
        part,
    })
}

fn plan_in(value: Value) -> (String, PartIn) {
    if let Value::Object(entry) = &value {
        if let (Some(Value::String(id)), Some(Value::String(hash))) =
            (entry.get("id"), entry.get("body"))
        {
            return (id.clone(), PartIn::Body(hash.clone()));
        }
    }
    (String::new(), PartIn::Inline(value))
}

impl Head {
    /// The profile bodies the head names, `(profile id, hash)`.
    pub fn profile_bodies(&self) -> impl Iterator<Item = (&str, &str)> {
        self.profiles
            .iter()
            .filter_map(|record| match &record.part {
                PartIn::Body(hash) => Some((record.id.as_str(), hash.as_str())),
                PartIn::Inline(_) => None,
            })
    }

    /// The plan bodies the head names, `(plan id, hash)`.
    pub fn plan_bodies(&self) -> impl Iterator<Item = (&str, &str)> {
        self.plans.iter().filter_map(|(id, part)| match part {
            PartIn::Body(hash) => Some((id.as_str(), hash.as_str())),
            PartIn::Inline(_) => None,
        })
    }

    /// The workspace without its profiles and plans, as the head holds it.
    pub fn workspace_rest(&self) -> Result<Workspace, DecodeError> {
        let mut workspace = workspace_in(&self.rest).map_err(DecodeError::BadData)?;
        workspace.profiles.clear();
        Ok(workspace)
    }
}
