//! The versioned envelope around everything the app saves:
//! `{"format": "cchc-2021", "version": 1, "data": {...}}`.
//!
//! Reading checks the format name and version before the data, so data written by a newer
//! version of the app is refused (and kept) rather than misread, and older versions can be
//! migrated step by step.

use serde::Serialize;
use serde_json::Value;

pub use crate::domain::workspace::Workspace;

pub const FORMAT: &str = "cchc-2021";
/// The version this build writes. Bump it with a migration from the previous one.
pub const CURRENT_VERSION: u64 = 1;

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    format: &'a str,
    version: u64,
    data: &'a T,
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

pub fn encode(data: &Workspace) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: CURRENT_VERSION,
        data,
    };
    serde_json::to_string(&envelope).expect("saved data always serialises")
}

pub fn decode(text: &str) -> Result<Workspace, DecodeError> {
    let value: Value = serde_json::from_str(text).map_err(|_| DecodeError::NotJson)?;
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
    let data = object.get("data").cloned().unwrap_or(Value::Null);
    let data = migrate(version, data);
    serde_json::from_value::<Workspace>(data)
        .map(Workspace::normalised)
        .map_err(|e| DecodeError::BadData(e.to_string()))
}

/// Brings data of an older version up to the current one, one version at a time.
fn migrate(from: u64, data: Value) -> Value {
    // Version 1 is the first; later versions add a step here per version.
    debug_assert!(from <= CURRENT_VERSION);
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figures::EntryMode;
    use crate::domain::profile::Profile;
    use crate::domain::score::ScoringMode;
    use crate::domain::targets::TargetId;

    fn sample() -> Workspace {
        let mut data = Workspace::default();
        let profile = data.active_profile_mut();
        profile.set_unit("other");
        profile.other_name = "Xã Thử Nghiệm <b>Đặc Biệt</b>".into();
        profile.update_entry(TargetId::OnlineWorkFiles, |e| {
            e.numerator = "abc".into();
            e.denominator = "20".into();
        });
        profile.update_entry(TargetId::SatisfactionAdmin, |e| {
            e.mode = EntryMode::Percent;
            e.percent = "86,9".into();
        });
        profile.update_entry(TargetId::SatisfactionHealth, |e| {
            e.not_applicable = Some(false)
        });
        profile.update_entry(TargetId::TthcRatingGood, |e| e.answer = Some(false));
        let mut peer = Profile::default();
        peer.set_unit("31211");
        data.add_profile(peer);
        data.peer_scores.insert("31234".into(), "75,5".into());
        data.model.mode = ScoringMode::AllOrNothing;
        data.model.weights.insert(
            TargetId::Recruitment,
            crate::domain::score::Weight::new(2).unwrap(),
        );
        data
    }

    #[test]
    fn round_trip_keeps_everything_as_typed() {
        let data = sample();
        let text = encode(&data);
        assert!(text.starts_with(r#"{"format":"cchc-2021","version":1,"data":"#));
        assert_eq!(decode(&text), Ok(data));
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
        let unknown_target = r#"{"format":"cchc-2021","version":1,"data":{"profiles":[{"id":"p1","profile":{"entries":{"nope":{}}}}]}}"#;
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
            (profile.bloc.id(), profile.unit_id.as_str()),
            ("agency", "y-te")
        );
    }
}
