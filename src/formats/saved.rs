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

use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::envelope::{self, DecodeError, Stamp, FORMAT};
use crate::domain::language::Lang;
use crate::domain::score::ScoringModel;
use crate::domain::small_map::SmallMap;
use crate::domain::workspace::Workspace;

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

/// One profile record or plan of a head being written: its body named by hash, or inline.
pub enum PartOut<'a> {
    Body(&'a str),
    Inline(&'a RawValue),
}

#[derive(Serialize)]
struct RecordOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<&'a RawValue>,
}

impl<'a> RecordOut<'a> {
    /// The record of profile `id`: its body named by hash, or the profile inline.
    fn new(id: &'a str, exported_at: Option<&'a str>, part: &PartOut<'a>) -> RecordOut<'a> {
        let (body, profile) = match *part {
            PartOut::Body(hash) => (Some(hash), None),
            PartOut::Inline(text) => (None, Some(text)),
        };
        RecordOut {
            id,
            exported_at,
            body,
            profile,
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum PlanOut<'a> {
    Body { id: &'a str, body: &'a str },
    Inline(&'a RawValue),
}

/// The workspace's serde fields in their order, as `envelope` writes them (the round-trip
/// test below sets every one).
#[derive(Serialize)]
struct DataOut<'a> {
    profiles: Vec<RecordOut<'a>>,
    active: &'a str,
    peer_scores: &'a SmallMap<String, String>,
    model: &'a ScoringModel,
    language: Lang,
    #[serde(skip_serializing_if = "SmallMap::is_empty")]
    district_choices: &'a SmallMap<String, String>,
    #[serde(skip_serializing_if = "SmallMap::is_empty")]
    models: &'a SmallMap<String, ScoringModel>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    plans: Vec<PlanOut<'a>>,
}

#[derive(Serialize)]
struct HeadOut<'a> {
    format: &'a str,
    version: u64,
    revision: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parents: Option<&'a [String]>,
    data: DataOut<'a>,
}

/// The head's text: `profiles` in the order of `data.profiles`, `plans` of `data.plans`.
pub fn encode_head(
    data: &Workspace,
    stamp: &Stamp,
    profiles: &[PartOut<'_>],
    plans: &[PartOut<'_>],
) -> String {
    let records = data
        .profiles
        .iter()
        .zip(profiles)
        .map(|(record, part)| RecordOut::new(&record.id, record.exported_at.as_deref(), part))
        .collect();
    let plans = data
        .plans
        .iter()
        .zip(plans)
        .map(|(plan, part)| match part {
            PartOut::Body(hash) => PlanOut::Body {
                id: &plan.id,
                body: hash,
            },
            PartOut::Inline(text) => PlanOut::Inline(text),
        })
        .collect();
    let head = HeadOut {
        format: FORMAT,
        version: PAGED_VERSION,
        revision: stamp.revision,
        id: stamp.id.as_deref(),
        parents: stamp.id.as_ref().map(|_| stamp.parents.as_slice()),
        data: DataOut {
            profiles: records,
            active: &data.active,
            peer_scores: &data.peer_scores,
            model: &data.model,
            language: data.language,
            district_choices: &data.district_choices,
            models: &data.models,
            plans,
        },
    };
    serde_json::to_string(&head).expect("a head always serialises")
}

/// The head's record of one profile: `{"id":…,"exported_at":…,"body":…}`, or with the
/// profile inline.
pub fn record_text(id: &str, exported_at: Option<&str>, part: &PartOut<'_>) -> String {
    serde_json::to_string(&RecordOut::new(id, exported_at, part))
        .expect("a record always serialises")
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
    let mut out = String::from("[");
    for (i, record) in records.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(record);
    }
    out.push(']');
    out
}

/// The head's entry for a page stored under a key of its own: its first record's id and
/// its hash.
pub fn page_ref_text(first: &str, hash: &str) -> String {
    #[derive(Serialize)]
    struct PageRef<'a> {
        id: &'a str,
        page: &'a str,
    }
    serde_json::to_string(&PageRef {
        id: first,
        page: hash,
    })
    .expect("a page entry serialises")
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
    let empty = Workspace {
        profiles: Default::default(),
        active: data.active.clone(),
        peer_scores: data.peer_scores.clone(),
        model: data.model.clone(),
        language: data.language,
        district_choices: data.district_choices.clone(),
        plans: data.plans.clone(),
        models: data.models.clone(),
        active_hint: Default::default(),
    };
    let text = encode_head(&empty, stamp, &[], plans);
    // The profiles are the data's first field: `"data":{"profiles":[]`.
    const OPEN: &str = r#""data":{"profiles":["#;
    let start = text.find(OPEN).expect("the head has a profile list");
    let at = start + OPEN.len();
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..start]);
    out.push_str(r#""data":{""#);
    out.push_str(field);
    out.push_str(r#"":["#);
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(item);
    }
    out.push_str(&text[at..]);
    out
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
    let value: Value = serde_json::from_str(text).map_err(|_| DecodeError::NotJson)?;
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
    match serde_json::from_str(text).map_err(|_| DecodeError::NotJson)? {
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
        let mut workspace = serde_json::from_value::<Workspace>(self.rest.clone())
            .map_err(|e| DecodeError::BadData(e.to_string()))?;
        workspace.profiles.clear();
        Ok(workspace)
    }
}
