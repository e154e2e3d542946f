//! The versioned envelope around everything the app saves:
//! `{"format": "cchc-2021", "version": 1, "data": {...}}`; in local storage also the
//! version's stamp, right after the version ([`Stamp`]): a `"revision"` that goes up with
//! every save (absent means 0), the `"id"` of this stored version, which no other tab can
//! write, and its `"parents"`, the ids of the stored versions it was merged from. A tab reads
//! the id cheaply from the first characters ([`peek`]) to tell whether another tab saved
//! since it last looked. Readers ignore keys they do not know, so older builds still read
//! what this one writes, and data without a stamp still loads.
//!
//! Reading checks the format name and version before the data, so data written by a newer
//! version of the app is refused (and kept) rather than misread, and older versions can be
//! migrated step by step.

use super::json::Value;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::json::{self, Object};
use super::saved;
use crate::domain::plan::Plan;
use crate::domain::profile::Profile;
pub use crate::domain::workspace::Workspace;

pub const FORMAT: &str = "cchc-2021";
/// The version this build writes. Bump it with a migration from the previous one.
/// Version 2 (plans as data): `data.plans` holds the plans added to the browser (each as a
/// whole plan file, `{"format":"cchc-plan","version":1,"plan":{…}}`), `data.models` the scoring settings of those plans, and a
/// profile of such a plan names it (`plan`). Older builds refuse version 2 as newer, so they
/// never save over plans they cannot see.
/// Version 3 (issue 14): local storage holds a head naming one body per profile and plan
/// (`formats::saved`); a whole text of version 3 (what [`encode`] writes) is a head with
/// every body inline. Older builds refuse version 3 as newer.
/// Version 4 (issue 14, 10 000 profiles): the head lists pages of records instead of every
/// record (`formats::saved`), so that a save rewrites one page and a small head; a whole
/// text of version 4 is the same as one of version 3. Builds of version 3 refuse it as
/// newer (they would read a head without records as a workspace without profiles).
pub const CURRENT_VERSION: u64 = 4;

/// Which stored version saved data is (see the module's documentation).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stamp {
    /// One above the revision of the data it replaced in storage; for people reading the
    /// data, not for deciding anything (two tabs can write the same revision).
    pub revision: u64,
    /// `<tab>.<n>`: `tab` random per page load, `n` counting that tab's writes. `None`:
    /// written by a build without ids.
    pub id: Option<String>,
    /// The stored versions the writer's data was merged from.
    pub parents: Vec<String>,
}

/// Why saved text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    NotJson,
    /// JSON, but not an envelope of this app.
    ForeignFormat,
    /// Written by a newer version of the app than this one.
    NewerVersion(u64),
    /// The right envelope with data of the wrong shape.
    BadData(String),
}

/// JSON text of values behind an `Rc`, kept from one save to the next by address (the `Rc`
/// is kept too, so the address is not reused): an autosave writes out again only what
/// changed, not every profile and plan of a big workspace at every save.
struct TextCache<T>(RefCell<Vec<(Rc<T>, Rc<str>)>>);

impl<T> TextCache<T> {
    const fn new() -> TextCache<T> {
        TextCache(RefCell::new(Vec::new()))
    }

    /// The texts of `values`, written by `write` where not kept; keeps exactly these.
    fn texts<'v>(
        &self,
        values: impl Iterator<Item = &'v Rc<T>>,
        write: impl Fn(&T) -> String,
    ) -> Vec<Rc<str>>
    where
        T: 'v,
    {
        let mut kept: HashMap<*const T, Rc<str>> = self
            .0
            .take()
            .into_iter()
            .map(|(value, text)| (Rc::as_ptr(&value), text))
            .collect();
        let fresh: Vec<(Rc<T>, Rc<str>)> = values
            .map(|value| {
                let text = kept
                    .remove(&Rc::as_ptr(value))
                    .unwrap_or_else(|| Rc::from(write(value)));
                (value.clone(), text)
            })
            .collect();
        let texts = fresh.iter().map(|(_, text)| text.clone()).collect();
        *self.0.borrow_mut() = fresh;
        texts
    }
}

thread_local! {
    static PROFILE_TEXTS: TextCache<Profile> = const { TextCache::new() };
    /// A plan is written out as a plan file again only when it changed.
    static PLAN_FILES: TextCache<Plan> = const { TextCache::new() };
}

/// The envelope's text: `stamp` is written where local storage keeps it. (Records are
/// written without their `exported_at`, as they always were here.)
fn encode_with(data: &Workspace, stamp: Option<&Stamp>) -> String {
    let profiles = PROFILE_TEXTS.with(|cache| {
        cache.texts(
            data.profiles.iter().map(|r| &r.profile),
            saved::profile_text,
        )
    });
    let plans = PLAN_FILES
        .with(|cache| cache.texts(data.plans.iter(), |plan| plan_to_value(plan).to_string()));
    let mut out = String::with_capacity(1024);
    let mut envelope = saved::envelope_start(
        &mut out,
        CURRENT_VERSION,
        stamp.map(|stamp| stamp.revision),
        stamp,
    );
    let mut body = Object::new(envelope.key("data"));
    json::array(
        body.key("profiles"),
        data.profiles.iter().zip(&profiles),
        |out, (record, profile)| {
            let mut object = Object::new(out);
            object.text("id", &record.id);
            object.raw("profile", profile);
            object.end();
        },
    );
    saved::write_rest(&mut body, data, plans.iter().map(|plan| &**plan));
    body.end();
    envelope.end();
    out
}

pub fn encode(data: &Workspace) -> String {
    encode_with(data, None)
}

/// The envelope as saved in local storage, with its stamp.
pub fn encode_stamped(data: &Workspace, stamp: &Stamp) -> String {
    encode_with(data, Some(stamp))
}

/// What the first characters of saved text tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peeked {
    pub version: u64,
    pub revision: u64,
    /// `None`: saved without an id.
    pub id: Option<String>,
}

/// The version, revision and id of saved text, read from its first characters only (they
/// are written first); `None` when the text does not start the way this app writes it, or
/// the id is cut off (then decode it in full).
pub fn peek(start: &str) -> Option<Peeked> {
    fn number(text: &str) -> Option<(u64, &str)> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let value = text[..digits].parse().ok()?;
        Some((value, &text[digits..]))
    }
    let rest = start.strip_prefix(r#"{"format":""#)?.strip_prefix(FORMAT)?;
    let (version, rest) = number(rest.strip_prefix(r#"","version":"#)?)?;
    let (revision, rest) = match rest.strip_prefix(r#","revision":"#) {
        Some(rest) => number(rest)?,
        None => (0, rest),
    };
    let (id, rest) = match rest.strip_prefix(r#","id":""#) {
        Some(rest) => {
            // Ids are written by this app: plain characters, nothing JSON would escape.
            let (id, rest) = rest.split_once('"')?;
            let plain = id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_');
            (Some(plain.then_some(id.to_string())?), rest)
        }
        None => (None, rest),
    };
    (rest.starts_with(',') && version >= 1).then_some(Peeked {
        version,
        revision,
        id,
    })
}

/// How many characters [`peek`] needs.
pub const PEEK_LENGTH: u32 = 160;

pub fn decode(text: &str) -> Result<Workspace, DecodeError> {
    decode_stamped(text).map(|(data, _)| data)
}

/// The data and its stamp (revision 0 and no id when the text has none, as before they
/// existed).
pub fn decode_stamped(text: &str) -> Result<(Workspace, Stamp), DecodeError> {
    let value: Value = super::json::parse(text).map_err(|_| DecodeError::NotJson)?;
    let (_, stamp, mut data) = open(value)?;
    let plans = match data.as_object_mut().and_then(|o| o.remove("plans")) {
        Some(Value::Array(plans)) => plans,
        _ => Vec::new(),
    };
    let mut workspace = saved::workspace_of(&data).map_err(DecodeError::BadData)?;
    for plan in plans {
        // Saved by this app, so checked when it was added; a plan that no longer reads
        // (edited by hand) is left out, and its profiles wait for it untouched.
        if let Some(plan) = plan_from_value(&plan) {
            workspace.put_plan(plan);
        }
    }
    Ok((workspace.normalised(), stamp))
}

/// The version, stamp and data of a saved envelope, once its format and version are
/// checked (data of a newer version is refused here, before anything reads it).
pub(crate) fn open(value: Value) -> Result<(u64, Stamp, Value), DecodeError> {
    let object = value.as_object().ok_or(DecodeError::ForeignFormat)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(DecodeError::ForeignFormat);
    }
    let version = object
        .get("version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(DecodeError::ForeignFormat)?;
    if version > CURRENT_VERSION {
        return Err(DecodeError::NewerVersion(version));
    }
    let stamp = Stamp {
        revision: object.get("revision").and_then(Value::as_u64).unwrap_or(0),
        id: object.get("id").and_then(Value::as_str).map(str::to_string),
        parents: object
            .get("parents")
            .and_then(Value::as_array)
            .map(|ids| {
                ids.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    };
    let mut value = value;
    let data = value
        .as_object_mut()
        .and_then(|o| o.remove("data"))
        .unwrap_or(Value::Null);
    Ok((version, stamp, migrate(version, data)))
}

/// Brings data of an older version up to the current one, one version at a time.
fn migrate(from: u64, data: Value) -> Value {
    debug_assert!(from <= CURRENT_VERSION);
    // 1 → 2: nothing moves. Version 1 data is version 2 data with only the built-in plan:
    // its profiles name no plan (so they are the built-in plan's) and `model` stays the
    // built-in plan's settings. 2 → 3: nothing moves either; a version 3 head whose records
    // name bodies is read by `formats::saved` with the bodies from storage. 3 → 4: a whole
    // text does not change; a head's pages are read by the store.
    data
}

pub(crate) fn plan_to_value(plan: &Plan) -> Value {
    super::plan_file::plan_to_value(plan)
}

pub(crate) fn plan_from_value(value: &Value) -> Option<Plan> {
    super::plan_file::plan_from_value(value).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::figures::EntryMode;
    use serde::Serialize;

    use crate::domain::profile::Profile;
    use crate::domain::score::ScoringMode;

    fn sample() -> Workspace {
        let mut data = Workspace::default();
        let profile = data.active_profile_mut();
        profile.set_unit(builtin::plan_ref(), "other");
        profile.other_name = "Xã Thử Nghiệm <b>Đặc Biệt</b>".into();
        profile.update_entry(builtin::ONLINE_WORK_FILES, |e| {
            e.numerator = "abc".into();
            e.denominator = "20".into();
        });
        profile.update_entry(builtin::SATISFACTION_ADMIN, |e| {
            e.mode = EntryMode::Percent;
            e.percent = "86,9".into();
        });
        profile.update_entry(builtin::SATISFACTION_HEALTH, |e| {
            e.not_applicable = Some(false)
        });
        profile.update_entry(builtin::TTHC_RATING_GOOD, |e| e.answer = Some(false));
        let mut peer = Profile::default();
        peer.set_unit(builtin::plan_ref(), "31211");
        data.add_profile(peer);
        data.peer_scores.insert("31234".into(), "75,5".into());
        data.model.mode = ScoringMode::AllOrNothing;
        data.model.weights.insert(
            builtin::RECRUITMENT,
            crate::domain::score::Weight::new(2).unwrap(),
        );
        data
    }

    #[test]
    fn the_saved_workspace_is_the_workspace_as_serde_writes_it() {
        // Every field of the workspace set, so that a field `DataOut` forgot would show.
        let text = include_str!("../../tests/fixtures/plans/can-tho-2026-one-place.json");
        let plan = crate::formats::plan_file::import_plan_file("p.json", text.as_bytes()).unwrap();
        let mut data = sample();
        data.put_plan(plan.clone());
        data.model_mut(&plan).mode = ScoringMode::AllOrNothing;
        data.district_choices.insert("31211".into(), "p2".into());
        #[derive(Serialize)]
        struct AsSerdeWritesIt<'a> {
            #[serde(flatten)]
            workspace: &'a Workspace,
            plans: Vec<serde_json::Value>,
        }
        let as_serde_writes_it = |data: &Workspace| {
            let out = AsSerdeWritesIt {
                workspace: data,
                // As plan_to_value read it with serde_json.
                plans: (data.plans.iter())
                    .map(|plan| {
                        let text = crate::formats::plan_file::export_plan_file(plan);
                        serde_json::from_str(&text).unwrap()
                    })
                    .collect(),
            };
            format!(
                r#"{{"format":"{FORMAT}","version":{CURRENT_VERSION},"data":{}}}"#,
                serde_json::to_string(&out).unwrap()
            )
        };
        assert_eq!(encode(&data), as_serde_writes_it(&data));
        // And again from the texts kept, after one profile changed.
        data.active_profile_mut().label = "đổi".into();
        let text = encode(&data);
        assert!(text.contains(r#""label":"đổi""#));
        assert_eq!(text, as_serde_writes_it(&data));
    }

    #[test]
    fn plans_and_their_settings_are_saved_and_read_back() {
        let text = include_str!("../../tests/fixtures/plans/can-tho-2026-one-place.json");
        let plan = crate::formats::plan_file::import_plan_file("p.json", text.as_bytes()).unwrap();
        let mut data = sample();
        data.put_plan(plan.clone());
        let mut profile = Profile::new(&plan);
        profile.set_unit(&plan, "x-phong-dien");
        data.add_profile(profile);
        data.model_mut(&plan).mode = ScoringMode::AllOrNothing;
        let text = encode(&data);
        assert!(text.contains(r#""plans":[{"format":"cchc-plan","plan":{"#));
        // The second save takes the plan file from the first's.
        assert_eq!(encode(&data), text);
        let read = decode(&text).unwrap();
        assert_eq!(read.plans.len(), 1);
        assert_eq!(*read.plans[0], plan);
        assert_eq!(read, data);
    }

    #[test]
    fn round_trip_keeps_everything_as_typed() {
        let data = sample();
        let text = encode(&data);
        // Version 3 since saved data is stored in parts, 4 since in pages (issue 14; a whole
        // text has every part inline).
        assert!(text.starts_with(r#"{"format":"cchc-2021","version":4,"data":"#));
        assert_eq!(decode(&text), Ok(data));
    }

    #[test]
    fn the_stamp_comes_right_after_the_version_and_its_id_is_peeked() {
        let data = sample();
        let stamp = Stamp {
            revision: 42,
            id: Some("0a1b2c3d4e5f6a7b.12".into()),
            parents: vec!["ffffffffffffffff.3".into(), "0a1b2c3d4e5f6a7b.11".into()],
        };
        let text = encode_stamped(&data, &stamp);
        assert!(text.starts_with(
            r#"{"format":"cchc-2021","version":4,"revision":42,"id":"0a1b2c3d4e5f6a7b.12","parents":["ffffffffffffffff.3","0a1b2c3d4e5f6a7b.11"],"data":"#
        ));
        assert_eq!(decode_stamped(&text), Ok((data.clone(), stamp.clone())));
        let peeked = |version, revision, id: Option<&str>| {
            Some(Peeked {
                version,
                revision,
                id: id.map(str::to_string),
            })
        };
        assert_eq!(
            peek(&text[..PEEK_LENGTH as usize]),
            peeked(4, 42, stamp.id.as_deref())
        );
        // Even with the longest revision and many parents, the id fits in the peek.
        let long = encode_stamped(
            &data,
            &Stamp {
                revision: u64::MAX,
                parents: vec!["ffffffffffffffff.18446744073709551615".into(); 2],
                id: Some("ffffffffffffffff.18446744073709551615".into()),
            },
        );
        assert!(peek(&long[..PEEK_LENGTH as usize]).unwrap().id.is_some());
        // Saved before ids, or before revisions existed: no id, revision 0.
        let revision_only = r#"{"format":"cchc-2021","version":1,"revision":7,"data":{}}"#;
        assert_eq!(peek(revision_only), peeked(1, 7, None));
        let old = encode(&data);
        assert_eq!(peek(&old), peeked(4, 0, None));
        assert_eq!(decode_stamped(&old), Ok((data, Stamp::default())));
        assert_eq!(
            peek(r#"{"format":"cchc-2021","version":2,"revision":7,"id":"x.1","data":{}}"#),
            peeked(2, 7, Some("x.1"))
        );
        // Anything else is decoded in full.
        for other in [
            r#"{"version":1,"format":"cchc-2021","data":{}}"#,
            r#"{"format":"cchc-2021","version":1,"revision":"#,
            r#"{"format":"cchc-2021","version":1,"revision":3,"id":"abc"#,
            r#"{"format":"cchc-2021","version":1,"id":"a\"b","data":{}}"#,
            "garbage",
        ] {
            assert_eq!(peek(other), None, "{other}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(decode("{\"not json"), Err(DecodeError::NotJson));
        assert_eq!(decode("[1,2]"), Err(DecodeError::ForeignFormat));
        assert_eq!(
            decode(r#"{"format":"other","version":1,"data":{}}"#),
            Err(DecodeError::ForeignFormat)
        );
        assert_eq!(
            decode(r#"{"format":"cchc-2021","version":0,"data":{}}"#),
            Err(DecodeError::ForeignFormat)
        );
        assert_eq!(
            decode(r#"{"format":"cchc-2021","version":"1","data":{}}"#),
            Err(DecodeError::ForeignFormat)
        );
        assert_eq!(
            decode(r#"{"format":"cchc-2021","version":999,"data":{}}"#),
            Err(DecodeError::NewerVersion(999))
        );
        // A target key of a plan not at hand is kept; one that is no id at all is not data.
        let unknown_target = r#"{"format":"cchc-2021","version":1,"data":{"profiles":[{"id":"p1","profile":{"entries":{"no pe":{}}}}]}}"#;
        assert!(matches!(
            decode(unknown_target),
            Err(DecodeError::BadData(_))
        ));
        let wrong_type = r#"{"format":"cchc-2021","version":1,"data":{"profiles":[{"id":"p1","profile":{"bloc":42}}]}}"#;
        assert!(matches!(decode(wrong_type), Err(DecodeError::BadData(_))));
    }

    #[test]
    fn missing_parts_take_defaults_and_unknown_units_are_dropped() {
        assert_eq!(
            decode(r#"{"format":"cchc-2021","version":1,"data":{}}"#),
            Ok(Workspace::default())
        );
        let foreign_unit = r#"{"format":"cchc-2021","version":1,"data":{"profiles":[{"id":"p1","profile":{"unit_id":"99999"}}]}}"#;
        assert_eq!(decode(foreign_unit).unwrap().active_profile().unit_id, "");
        let mismatched = r#"{"format":"cchc-2021","version":1,"data":{"profiles":[{"id":"p1","profile":{"bloc":"commune","unit_id":"y-te"}}]}}"#;
        let data = decode(mismatched).unwrap();
        let profile = data.active_profile();
        assert_eq!(
            (profile.bloc.key(), profile.unit_id.as_str()),
            ("agency", "y-te")
        );
    }
}
