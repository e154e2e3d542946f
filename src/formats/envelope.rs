//! The versioned envelope around everything the app saves:
//! `{"format": "cchc-2021", "version": 1, "data": {...}}`; in local storage also a
//! `"revision"` right after the version (absent means 0), which goes up with every save so
//! that a tab can tell cheaply whether another tab saved since it last looked ([`peek`]).
//! Readers ignore keys they do not know, so older builds still read what this one writes.
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
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
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
        revision: None,
        data,
    };
    serde_json::to_string(&envelope).expect("saved data always serialises")
}

/// The envelope as saved in local storage, with its revision.
pub fn encode_revision(data: &Workspace, revision: u64) -> String {
    let envelope = EnvelopeOut {
        format: FORMAT,
        version: CURRENT_VERSION,
        revision: Some(revision),
        data,
    };
    serde_json::to_string(&envelope).expect("saved data always serialises")
}

/// The version and revision of saved text, read from its first characters only (they are
/// written first); `None` when the text does not start the way this app writes it (then
/// decode it in full).
pub fn peek(start: &str) -> Option<(u64, u64)> {
    fn number(text: &str) -> Option<(u64, &str)> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        let value = text[..digits].parse().ok()?;
        Some((value, &text[digits..]))
    }
    let rest = start.strip_prefix(r#"{"format":""#)?.strip_prefix(FORMAT)?;
    let (version, rest) = number(rest.strip_prefix(r#"","version":"#)?)?;
    let revision = match rest.strip_prefix(r#","revision":"#) {
        Some(rest) => {
            let (revision, rest) = number(rest)?;
            rest.starts_with(',').then_some(revision)?
        }
        None if rest.starts_with(',') => 0,
        None => return None,
    };
    (version >= 1).then_some((version, revision))
}

/// How many characters [`peek`] needs.
pub const PEEK_LENGTH: u32 = 80;

pub fn decode(text: &str) -> Result<Workspace, DecodeError> {
    decode_revision(text).map(|(data, _)| data)
}

/// The data and its revision (0 when the text has none, as before revisions existed).
pub fn decode_revision(text: &str) -> Result<(Workspace, u64), DecodeError> {
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
    let revision = object.get("revision").and_then(Value::as_u64).unwrap_or(0);
    let data = object.get("data").cloned().unwrap_or(Value::Null);
    let data = migrate(version, data);
    serde_json::from_value::<Workspace>(data)
        .map(|data| (data.normalised(), revision))
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
    fn the_revision_comes_right_after_the_version_and_is_peeked() {
        let data = sample();
        let text = encode_revision(&data, 42);
        assert!(text.starts_with(r#"{"format":"cchc-2021","version":1,"revision":42,"data":"#));
        assert_eq!(decode_revision(&text), Ok((data.clone(), 42)));
        assert_eq!(peek(&text[..PEEK_LENGTH as usize]), Some((1, 42)));
        // Saved before revisions existed: revision 0.
        let old = encode(&data);
        assert_eq!(peek(&old), Some((1, 0)));
        assert_eq!(decode_revision(&old), Ok((data, 0)));
        assert_eq!(
            peek(r#"{"format":"cchc-2021","version":2,"revision":7,"data":{}}"#),
            Some((2, 7))
        );
        // Anything else is decoded in full.
        assert_eq!(
            peek(r#"{"version":1,"format":"cchc-2021","data":{}}"#),
            None
        );
        assert_eq!(
            peek(r#"{"format":"cchc-2021","version":1,"revision":"#),
            None
        );
        assert_eq!(peek("garbage"), None);
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
