//! Native tests of the formats that travel: unit files, CSV and share links. Fixtures under
//! `tests/fixtures/` pin version 1 so that later versions keep opening it.
#![cfg(not(target_arch = "wasm32"))]

use cchc_2021::domain::small_map::SmallMap;
use std::path::PathBuf;

use builtin::{
    INFOSEC_DOSSIERS, L34_WITH_APPLICATIONS, LEADER_APPOINTMENTS, ONLINE_RESOLUTION,
    ONLINE_WORK_FILES, ORG_STRUCTURE, RECRUITMENT, SATISFACTION_ADMIN, SATISFACTION_EDUCATION,
    SATISFACTION_HEALTH, SELF_FINANCING_UNITS, TTHC_ONLINE_L34, TTHC_RATING_GOOD,
};
use cchc_2021::domain::bloc_table::ScoreSource;
use cchc_2021::domain::builtin;
use cchc_2021::domain::evaluate::FieldError;
use cchc_2021::domain::figures::{EntryMode, Field, TargetEntry};
use cchc_2021::domain::number::{format_count, format_real, NumberError, NumberStyle, MAX_COUNT};
use cchc_2021::domain::plan::{BlocId, Measure, TargetId, Text, Unit};
use cchc_2021::domain::profile::Profile;
use cchc_2021::domain::rank::RankRange;
use cchc_2021::domain::score::{ScoringModel, Weight};
use cchc_2021::formats::csv::{parse_csv, profile_csv, table_csv, TableRow};
use cchc_2021::formats::share_link::{
    crc32, decode_share_fragment, encode_share_fragment, push_varint, LinkError, Malformed,
    SHARE_VERSION,
};
use cchc_2021::formats::unit_file::slug;
use cchc_2021::formats::unit_file::{
    export_unit_file, export_unit_file_with_model, import_unit_file, migrate, suggested_file_name,
    Expected, ImportError, ImportProblem, ImportedUnit, JsonKind, MigrationError, ENTRY_FIELDS,
    MAX_UNIT_FILE_BYTES, MIGRATIONS, PROFILE_FIELDS, UNIT_FILE_VERSION,
};
use cchc_2021::formats::validate::{check_profile, FigureProblem, FigureProblems, ProfileProblem};
use cchc_2021::i18n::Lang;
use proptest::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------------------------------
// Realistic profiles (the same as the v1 fixtures)
// ---------------------------------------------------------------------------------------

/// The built-in plan's label of a target, as problems carry it.
fn label(id: TargetId) -> Text {
    builtin::plan_ref().target(id).unwrap().label.clone()
}

/// The built-in plan's name of a bloc, as problems carry it.
fn bloc_name(bloc: BlocId) -> Text {
    builtin::plan_ref().bloc(bloc).unwrap().name.clone()
}

/// Every unit of the built-in plan with its bloc (the old `COMMUNES` then `AGENCIES`).
fn all_units() -> impl Iterator<Item = (BlocId, &'static Unit)> {
    builtin::plan_ref()
        .blocs
        .iter()
        .flat_map(|bloc| bloc.units.iter().map(move |unit| (bloc.id, unit)))
}

fn counts(p: &mut Profile, id: TargetId, n: &str, d: &str) {
    p.update_entry(id, |e| {
        e.numerator = n.into();
        e.denominator = d.into();
    });
}

/// Xã Vĩnh Bình: the commune-bloc targets, one percentage typed, grouped thousands.
fn commune() -> Profile {
    let mut p = Profile::default();
    p.set_unit(builtin::plan_ref(), "31211");
    counts(&mut p, ONLINE_WORK_FILES, "412", "1.038");
    counts(&mut p, TTHC_ONLINE_L34, "58", "95");
    counts(&mut p, L34_WITH_APPLICATIONS, "21", "58");
    counts(&mut p, ONLINE_RESOLUTION, "312", "1406");
    counts(&mut p, INFOSEC_DOSSIERS, "2", "2");
    p.update_entry(TTHC_RATING_GOOD, |e| e.answer = Some(true));
    p.update_entry(SATISFACTION_ADMIN, |e| {
        e.mode = EntryMode::Percent;
        e.percent = "88,6".into();
    });
    counts(&mut p, RECRUITMENT, "3", "3");
    p
}

/// Phòng Y tế: all 13 targets filled with realistic figures.
fn agency_full() -> Profile {
    let mut p = Profile::default();
    p.set_unit(builtin::plan_ref(), "y-te");
    p.label = "Phòng Y tế – số liệu cuối năm 2021".into();
    counts(&mut p, ONLINE_WORK_FILES, "1.846", "2.519");
    counts(&mut p, TTHC_ONLINE_L34, "41", "60");
    counts(&mut p, L34_WITH_APPLICATIONS, "9", "41");
    counts(&mut p, ONLINE_RESOLUTION, "1.127", "3.904");
    counts(&mut p, INFOSEC_DOSSIERS, "3", "4");
    p.update_entry(TTHC_RATING_GOOD, |e| e.answer = Some(true));
    counts(&mut p, SATISFACTION_ADMIN, "412", "468");
    p.update_entry(SATISFACTION_EDUCATION, |e| {
        e.not_applicable = Some(false);
        e.mode = EntryMode::Percent;
        e.percent = "91,25".into();
    });
    counts(&mut p, SATISFACTION_HEALTH, "1.204", "1.390");
    counts(&mut p, ORG_STRUCTURE, "6", "6");
    counts(&mut p, LEADER_APPOINTMENTS, "4", "5");
    counts(&mut p, RECRUITMENT, "12", "12");
    p.update_entry(SELF_FINANCING_UNITS, |e| {
        e.not_applicable = Some(false);
        e.before = "2".into();
        e.after = "3".into();
    });
    p
}

/// An agency not in the default list, with a switched-off target, a zero denominator and
/// stale text in a field its mode does not use.
fn other_agency() -> Profile {
    let mut p = Profile::default();
    p.set_bloc(builtin::plan_ref(), builtin::AGENCY);
    p.set_unit(builtin::plan_ref(), "other");
    p.other_name = "Trung tâm Văn hóa – Thể thao và Truyền thanh".into();
    counts(&mut p, ONLINE_WORK_FILES, "530", "760");
    p.update_entry(TTHC_ONLINE_L34, |e| e.not_applicable = Some(true));
    p.update_entry(SATISFACTION_ADMIN, |e| {
        e.mode = EntryMode::Percent;
        e.percent = "87".into();
        e.numerator = "stale".into();
    });
    counts(&mut p, ORG_STRUCTURE, "0", "0");
    p.update_entry(TTHC_RATING_GOOD, |e| e.answer = Some(false));
    p
}

fn fixture_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

fn fixture(relative: &str) -> Vec<u8> {
    let path = fixture_path(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[allow(clippy::result_large_err)] // as in the library (see src/lib.rs)
fn import_fixture(name: &str) -> Result<ImportedUnit, ImportError> {
    import_unit_file(name, &fixture(&format!("unit-files/{name}")), builtin::only)
}

fn problem(name: &str) -> ImportProblem {
    let error = import_fixture(name).expect_err(name);
    assert_eq!(error.file_name, name, "the error names the file");
    error.problem
}

// ---------------------------------------------------------------------------------------
// Unit files: valid files and round trips
// ---------------------------------------------------------------------------------------

/// A valid v1 fixture: file name, the profile it holds, and its `exported_at`.
type ValidFixture = (&'static str, fn() -> Profile, &'static str);

const VALID: [ValidFixture; 3] = [
    ("valid-v1-commune-xa-vinh-binh.json", commune, "2021-12-20"),
    ("valid-v1-agency-y-te.json", agency_full, "2021-12-28"),
    ("valid-v1-agency-other.json", other_agency, "2022-01-05"),
];

/// What `slug` did before it had its own case folding: Unicode lowercase of every
/// character, then the lowercase letters' table.
fn slug_by_unicode_lowercase(text: &str, max: usize) -> String {
    const FOLDS: &[(&str, char)] = &[
        ("àáảãạăằắẳẵặâầấẩẫậäåæ", 'a'),
        ("èéẻẽẹêềếểễệë", 'e'),
        ("ìíỉĩịîï", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợöø", 'o'),
        ("ùúủũụưừứửữựûü", 'u'),
        ("ỳýỷỹỵÿ", 'y'),
        ("đ", 'd'),
        ("ç", 'c'),
        ("ñ", 'n'),
    ];
    let fold = |c: char| FOLDS.iter().find(|(l, _)| l.contains(c)).map(|(_, b)| *b);
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let ascii = if c.is_ascii_alphanumeric() {
            Some(c)
        } else {
            fold(c)
        };
        match ascii {
            Some(letter) => {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(letter);
            }
            None => pending_hyphen = true,
        }
    }
    if out.len() > max {
        let cut = out[..=max].rfind('-').unwrap_or(max);
        out.truncate(cut);
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

#[test]
fn slugs_fold_every_character_as_unicode_lowercase_did() {
    // "a?b" shows what a character becomes: a letter, a word break ("a-b") or nothing ("ab").
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let text = format!("a{c}b");
        let expected = slug_by_unicode_lowercase(&text, 60);
        assert_eq!(slug(&text, 60), expected, "U+{:04X}", c as u32);
    }
    assert_eq!(slug("XÃ VĨNH BÌNH – Đội 1", 60), "xa-vinh-binh-doi-1");
}

proptest! {
    #[test]
    fn slugs_match_unicode_lowercasing(text in "\\PC{0,80}", max in 1usize..70) {
        prop_assert_eq!(slug(&text, max), slug_by_unicode_lowercase(&text, max));
    }
}

#[test]
fn v1_fixtures_open_with_the_same_meaning() {
    for (name, profile, date) in VALID {
        let imported = import_fixture(name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(imported.profile, profile(), "{name}");
        assert_eq!(imported.file_version, 1);
        assert_eq!(imported.exported_at.as_deref(), Some(date));
        assert_eq!(imported.app_version.as_deref(), Some("0.1.0"));
    }
    let commune = import_fixture(VALID[0].0).unwrap().profile;
    assert_eq!(commune.bloc, builtin::COMMUNE);
    assert_eq!(commune.unit_name(builtin::plan_ref()), Some("Xã Vĩnh Bình"));
    assert_eq!(commune.entry(ONLINE_WORK_FILES).denominator, "1.038");
    assert_eq!(commune.entry(SATISFACTION_ADMIN).percent, "88,6");
    let agency = import_fixture(VALID[1].0).unwrap().profile;
    assert_eq!(agency.entries.len(), builtin::plan_ref().targets.len());
}

/// What this build writes is still version 1 as the fixtures pin it (apart from the
/// informative parts): a change here needs a new version and a migration.
#[test]
fn export_writes_the_v1_layout() {
    for (name, profile, date) in VALID {
        let mut written: Value = serde_json::from_str(&export_unit_file(&profile(), date)).unwrap();
        let mut pinned: Value =
            serde_json::from_slice(&fixture(&format!("unit-files/{name}"))).unwrap();
        for doc in [&mut written, &mut pinned] {
            let object = doc.as_object_mut().unwrap();
            object.remove("app_version");
            object.remove("summary");
        }
        assert_eq!(written, pinned, "{name}");
    }
}

#[test]
fn export_header_and_summary() {
    let text = export_unit_file(&commune(), "2026-11-28");
    assert!(text.starts_with("{\n  \"format\": \"cchc-2021-unit\",\n  \"version\": 1,\n"));
    assert!(text.ends_with("}\n"));
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["exported_at"], "2026-11-28");
    assert_eq!(doc["app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        doc["unit"],
        serde_json::json!({"bloc": "commune", "unit_id": "31211", "name": "Xã Vĩnh Bình"})
    );
    let summary = commune().summary(builtin::plan_ref(), &ScoringModel::default());
    assert_eq!(doc["summary"]["score"], summary.score_attribute());
    assert_eq!(doc["summary"]["met"], summary.met);
    assert_eq!(doc["summary"]["applicable"], summary.applicable);
    assert_eq!(doc["summary"]["rating"], summary.rating.key());

    let other: Value =
        serde_json::from_str(&export_unit_file(&other_agency(), "2022-01-05")).unwrap();
    assert_eq!(
        other["unit"]["name"],
        "Trung tâm Văn hóa – Thể thao và Truyền thanh"
    );

    // The summary follows the model it is given, and is ignored on import.
    let mut model = ScoringModel::default();
    model.set_weight(RECRUITMENT, Weight::new(5).unwrap());
    let weighted =
        export_unit_file_with_model(builtin::plan_ref(), &commune(), "2026-11-28", &model);
    let doc: Value = serde_json::from_str(&weighted).unwrap();
    assert_eq!(
        doc["summary"]["score"],
        commune()
            .summary(builtin::plan_ref(), &model)
            .score_attribute()
    );
    let mut edited = doc.clone();
    edited["summary"] = serde_json::json!("anything at all");
    let bytes = serde_json::to_vec(&edited).unwrap();
    assert_eq!(
        import_unit_file("x.json", &bytes, builtin::only)
            .unwrap()
            .profile,
        commune()
    );
}

#[test]
fn export_then_import_is_identical() {
    for (_, profile, _) in VALID {
        let profile = profile();
        assert_eq!(check_profile(builtin::plan_ref(), &profile), Ok(()));
        let text = export_unit_file(&profile, "2021-12-31");
        let imported = import_unit_file("f.json", text.as_bytes(), builtin::only).unwrap();
        assert_eq!(imported.profile, profile);
    }
}

#[test]
fn a_byte_order_mark_and_a_missing_header_are_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(export_unit_file(&commune(), "2021-12-20").as_bytes());
    assert_eq!(
        import_unit_file("bom.json", &bytes, builtin::only)
            .unwrap()
            .profile,
        commune()
    );

    let mut doc: Value = serde_json::from_str(&export_unit_file(&commune(), "2021-12-20")).unwrap();
    for key in ["unit", "summary", "exported_at", "app_version"] {
        doc.as_object_mut().unwrap().remove(key);
    }
    let imported = import_unit_file(
        "bare.json",
        &serde_json::to_vec(&doc).unwrap(),
        builtin::only,
    )
    .unwrap();
    assert_eq!(imported.profile, commune());
    assert_eq!(imported.exported_at, None);
    // A header with only a name is fine: the name is for people.
    doc["unit"] = serde_json::json!({"name": "Vĩnh Bình (tên cũ)"});
    let imported = import_unit_file(
        "named.json",
        &serde_json::to_vec(&doc).unwrap(),
        builtin::only,
    )
    .unwrap();
    assert_eq!(imported.profile, commune());
}

#[test]
fn missing_optional_profile_fields_take_defaults_and_empty_entries_are_dropped() {
    let text = r#"{"format":"cchc-2021-unit","version":1,
        "profile":{"bloc":"agency","unit_id":"noi-vu","entries":{
            "recruitment":{"numerator":"2","denominator":"3"},
            "org_structure":{}}}}"#;
    let profile = import_unit_file("min.json", text.as_bytes(), builtin::only)
        .unwrap()
        .profile;
    let mut expected = Profile::default();
    expected.set_unit(builtin::plan_ref(), "noi-vu");
    counts(&mut expected, RECRUITMENT, "2", "3");
    assert_eq!(profile, expected);
}

/// The file format names every field of `Profile` and `TargetEntry`: if the domain gains a
/// field, this fails, and the unit file needs a new version (and a migration) for it.
#[test]
fn the_format_knows_every_field_of_the_profile() {
    let mut profile = commune();
    profile.update_entry(RECRUITMENT, |e| e.not_applicable = Some(false));
    // The plan is written only for a plan other than the built-in one.
    assert!(serde_json::to_value(&profile)
        .unwrap()
        .get("plan")
        .is_none());
    profile.plan = "can-tho-2026".into();
    let value = serde_json::to_value(&profile).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = PROFILE_FIELDS.to_vec();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort();
    expected.sort();
    assert_eq!(keys_sorted, expected, "Profile fields changed");
    let entry = &value["entries"]["recruitment"];
    let mut entry_keys: Vec<&str> = entry
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    entry_keys.sort();
    let mut expected = ENTRY_FIELDS.to_vec();
    expected.sort();
    assert_eq!(entry_keys, expected, "TargetEntry fields changed");
}

// ---------------------------------------------------------------------------------------
// Unit files: every refusal
// ---------------------------------------------------------------------------------------

#[test]
fn too_big_is_refused_before_reading() {
    let mut bytes = export_unit_file(&commune(), "2021-12-20").into_bytes();
    bytes.resize(MAX_UNIT_FILE_BYTES + 1, b' ');
    let error = import_unit_file("big.json", &bytes, builtin::only).unwrap_err();
    assert_eq!(error.file_name, "big.json");
    assert_eq!(
        error.problem,
        ImportProblem::TooBig {
            size: MAX_UNIT_FILE_BYTES + 1,
            limit: 1024 * 1024
        }
    );
    // Exactly the limit is read (and is valid JSON with trailing spaces).
    bytes.truncate(MAX_UNIT_FILE_BYTES);
    assert!(import_unit_file("big.json", &bytes, builtin::only).is_ok());
    // Not even the bytes are looked at: garbage over the limit is still "too big".
    let garbage = vec![0xFF; MAX_UNIT_FILE_BYTES + 10];
    assert!(matches!(
        import_unit_file("g", &garbage, builtin::only)
            .unwrap_err()
            .problem,
        ImportProblem::TooBig { .. }
    ));
}

#[test]
fn empty_and_not_utf8() {
    assert_eq!(problem("bad-empty.json"), ImportProblem::Empty);
    assert_eq!(
        import_unit_file("s.json", b" \r\n\t ", builtin::only)
            .unwrap_err()
            .problem,
        ImportProblem::Empty
    );
    let bytes = fixture("unit-files/bad-not-utf8.json");
    let first_bad = bytes.iter().position(|b| *b >= 0x80).unwrap();
    assert_eq!(
        problem("bad-not-utf8.json"),
        ImportProblem::NotUtf8 {
            valid_up_to: first_bad
        }
    );
}

#[test]
fn not_json_says_where() {
    assert_eq!(
        problem("bad-not-json.json"),
        ImportProblem::NotJson {
            line: 15,
            column: 0
        }
    );
    assert_eq!(
        import_unit_file("x.json", b"{\n  \"format\": cchc\n}", builtin::only)
            .unwrap_err()
            .problem,
        ImportProblem::NotJson {
            line: 2,
            column: 13
        }
    );
}

#[test]
fn not_a_unit_file() {
    assert_eq!(
        problem("bad-saved-data-backup.json"),
        ImportProblem::NotUnitFile {
            format: Some("cchc-2021".into())
        }
    );
    assert_eq!(
        problem("bad-not-a-unit-file.json"),
        ImportProblem::NotUnitFile { format: None }
    );
    for text in [
        "[1,2]",
        "\"cchc-2021-unit\"",
        "42",
        "null",
        r#"{"format":7}"#,
    ] {
        assert_eq!(
            import_unit_file("x", text.as_bytes(), builtin::only)
                .unwrap_err()
                .problem,
            ImportProblem::NotUnitFile { format: None },
            "{text}"
        );
    }
}

#[test]
fn versions() {
    // Version 2 is now this build's own (plans as data): the fixture, written as version 2,
    // is newer as version 3.
    let newer = String::from_utf8(fixture("unit-files/bad-newer-version.json"))
        .unwrap()
        .replacen(r#""version": 2,"#, r#""version": 3,"#, 1);
    assert_eq!(
        import_unit_file("bad-newer-version.json", newer.as_bytes(), builtin::only)
            .unwrap_err()
            .problem,
        ImportProblem::NewerVersion {
            version: 3,
            supported: UNIT_FILE_VERSION
        }
    );
    assert_eq!(UNIT_FILE_VERSION, 2);
    assert_eq!(
        problem("bad-version-not-a-number.json"),
        ImportProblem::WrongShape {
            field: "version".into(),
            expected: Expected::VersionNumber,
            found: JsonKind::Text
        }
    );
    let version = |v: &str| {
        let text = format!(r#"{{"format":"cchc-2021-unit","version":{v},"profile":{{}}}}"#);
        import_unit_file("v", text.as_bytes(), builtin::only)
            .unwrap_err()
            .problem
    };
    assert_eq!(
        version("0"),
        ImportProblem::WrongShape {
            field: "version".into(),
            expected: Expected::VersionNumber,
            found: JsonKind::Number
        }
    );
    assert!(matches!(version("1.5"), ImportProblem::WrongShape { .. }));
    assert!(matches!(version("-1"), ImportProblem::WrongShape { .. }));
    assert_eq!(
        version("18446744073709551615"),
        ImportProblem::NewerVersion {
            version: u64::MAX,
            supported: UNIT_FILE_VERSION
        }
    );
    let missing = import_unit_file(
        "v",
        br#"{"format":"cchc-2021-unit","profile":{}}"#,
        builtin::only,
    );
    assert_eq!(
        missing.unwrap_err().problem,
        ImportProblem::MissingField {
            field: "version".into()
        }
    );
}

#[test]
fn migration_is_a_chain_of_steps() {
    assert_eq!(MIGRATIONS.len() as u64, UNIT_FILE_VERSION - 1);
    let doc = serde_json::json!({"format": "cchc-2021-unit", "version": 1});
    // Version 1 becomes version 2 (plans as data) with nothing else changed.
    let v2 = serde_json::json!({"format": "cchc-2021-unit", "version": 2});
    assert_eq!(migrate(1, doc.clone()), Ok(v2.clone()));
    assert_eq!(migrate(UNIT_FILE_VERSION, v2.clone()), Ok(v2));
    assert_eq!(
        migrate(0, doc.clone()),
        Err(MigrationError::UnknownVersion(0))
    );
    assert_eq!(
        migrate(UNIT_FILE_VERSION + 1, doc),
        Err(MigrationError::NewerVersion(UNIT_FILE_VERSION + 1))
    );
}

#[test]
fn wrong_shape_names_the_field() {
    assert_eq!(
        problem("bad-missing-profile.json"),
        ImportProblem::MissingField {
            field: "profile".into()
        }
    );
    assert_eq!(
        problem("bad-wrong-shape.json"),
        ImportProblem::WrongShape {
            field: "profile.entries.recruitment.numerator".into(),
            expected: Expected::Text,
            found: JsonKind::Number
        }
    );
    assert_eq!(
        problem("bad-unknown-field.json"),
        ImportProblem::UnknownField {
            field: "profile.notes".into()
        }
    );
    let cases: &[(&str, ImportProblem)] = &[
        (
            r#""profile":[]"#,
            ImportProblem::WrongShape {
                field: "profile".into(),
                expected: Expected::Object,
                found: JsonKind::Array,
            },
        ),
        (
            r#""profile":{"unit_id":"31211"}"#,
            ImportProblem::MissingField {
                field: "profile.bloc".into(),
            },
        ),
        (
            r#""profile":{"bloc":"commune"}"#,
            ImportProblem::MissingField {
                field: "profile.unit_id".into(),
            },
        ),
        (
            // A bloc id the plan does not have (blocs are the plan's since issue 12).
            r#""profile":{"bloc":"khoi-xa","unit_id":"31211"}"#,
            ImportProblem::Profile(ProfileProblem::UnknownBloc {
                bloc: "khoi-xa".into(),
            }),
        ),
        (
            r#""profile":{"bloc":"khối xã","unit_id":"31211"}"#,
            ImportProblem::WrongShape {
                field: "profile.bloc".into(),
                expected: Expected::Id,
                found: JsonKind::Text,
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":31211}"#,
            ImportProblem::WrongShape {
                field: "profile.unit_id".into(),
                expected: Expected::Text,
                found: JsonKind::Number,
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":"31211","entries":[]}"#,
            ImportProblem::WrongShape {
                field: "profile.entries".into(),
                expected: Expected::Object,
                found: JsonKind::Array,
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":"31211","entries":{"recruitment":"3/3"}}"#,
            ImportProblem::WrongShape {
                field: "profile.entries.recruitment".into(),
                expected: Expected::Object,
                found: JsonKind::Text,
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":"31211","entries":{"recruitment":{"mode":"ratio"}}}"#,
            ImportProblem::WrongShape {
                field: "profile.entries.recruitment.mode".into(),
                expected: Expected::OneOf(&["counts", "percent"]),
                found: JsonKind::Text,
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":"31211","entries":{"tthc_rating_good":{"answer":"yes"}}}"#,
            ImportProblem::WrongShape {
                field: "profile.entries.tthc_rating_good.answer".into(),
                expected: Expected::BooleanOrNull,
                found: JsonKind::Text,
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":"31211","entries":{"recruitment":{"not_applicable":1}}}"#,
            ImportProblem::WrongShape {
                field: "profile.entries.recruitment.not_applicable".into(),
                expected: Expected::BooleanOrNull,
                found: JsonKind::Number,
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":"31211","entries":{"recruitment":{"weight":2}}}"#,
            ImportProblem::UnknownField {
                field: "profile.entries.recruitment.weight".into(),
            },
        ),
        (
            r#""profile":{"bloc":"commune","unit_id":"31211"},"signature":"x""#,
            ImportProblem::UnknownField {
                field: "signature".into(),
            },
        ),
        (
            r#""exported_at":"28/11/2026","profile":{"bloc":"commune","unit_id":"31211"}"#,
            ImportProblem::WrongShape {
                field: "exported_at".into(),
                expected: Expected::Date,
                found: JsonKind::Text,
            },
        ),
        (
            r#""unit":"31211","profile":{"bloc":"commune","unit_id":"31211"}"#,
            ImportProblem::WrongShape {
                field: "unit".into(),
                expected: Expected::Object,
                found: JsonKind::Text,
            },
        ),
        (
            r#""unit":{"bloc":"agency"},"profile":{"bloc":"commune","unit_id":"31211"}"#,
            ImportProblem::HeaderMismatch {
                field: "unit.bloc",
                header: "agency".into(),
                profile: "commune".into(),
            },
        ),
        (
            r#""unit":{"unit_id":"31211","code":"x"},"profile":{"bloc":"commune","unit_id":"31211"}"#,
            ImportProblem::UnknownField {
                field: "unit.code".into(),
            },
        ),
    ];
    for (fields, expected) in cases {
        let text = format!(r#"{{"format":"cchc-2021-unit","version":1,{fields}}}"#);
        let got = import_unit_file("s.json", text.as_bytes(), builtin::only).unwrap_err();
        assert_eq!(&got.problem, expected, "{fields}");
    }
}

#[test]
fn the_first_problem_in_key_order_is_reported() {
    let file = |entries: &str| {
        format!(
            r#"{{"format":"cchc-2021-unit","version":1,"profile":{{"bloc":"commune","unit_id":"31211","entries":{{{entries}}}}}}}"#
        )
    };
    let cases: &[(&str, ImportProblem)] = &[
        // Two unknown targets around real ones: the smallest key is named.
        (
            r#""zz":{},"recruitment":{"numerator":"1"},"mm":{},"online_work_files":{}"#,
            ImportProblem::UnknownTarget { key: "mm".into() },
        ),
        // Two bad entries: the one with the smaller key is reported.
        (
            r#""recruitment":{"answer":"yes"},"infosec_dossiers":{"answer":1}"#,
            ImportProblem::WrongShape {
                field: "profile.entries.infosec_dossiers.answer".into(),
                expected: Expected::BooleanOrNull,
                found: JsonKind::Number,
            },
        ),
        // Unknown fields in one entry: the smallest is named.
        (
            r#""recruitment":{"zeta":1,"weight":2,"beta":3}"#,
            ImportProblem::UnknownField {
                field: "profile.entries.recruitment.beta".into(),
            },
        ),
        // A bad entry after an unknown target in key order: the unknown target.
        (
            r#""recruitment":{"answer":1},"aaa":{}"#,
            ImportProblem::UnknownTarget { key: "aaa".into() },
        ),
    ];
    for (entries, expected) in cases {
        let got = import_unit_file("s.json", file(entries).as_bytes(), builtin::only).unwrap_err();
        assert_eq!(&got.problem, expected, "{entries}");
    }
}

#[test]
fn unknown_targets_and_units_are_named() {
    assert_eq!(
        problem("bad-unknown-target.json"),
        ImportProblem::UnknownTarget {
            key: "online_payments".into()
        }
    );
    assert_eq!(
        problem("bad-unknown-unit.json"),
        ImportProblem::Profile(ProfileProblem::UnknownUnit {
            unit_id: "31299".into()
        })
    );
    assert_eq!(
        problem("bad-other-without-name.json"),
        ImportProblem::Profile(ProfileProblem::OtherUnitWithoutName)
    );
    assert_eq!(
        problem("bad-no-unit.json"),
        ImportProblem::Profile(ProfileProblem::NoUnit)
    );
    assert_eq!(
        problem("bad-bloc-mismatch.json"),
        ImportProblem::Profile(ProfileProblem::BlocMismatch {
            unit_id: "y-te".into(),
            bloc: builtin::COMMUNE,
            unit_bloc: builtin::AGENCY,
            bloc_name: bloc_name(builtin::COMMUNE),
        })
    );
    assert_eq!(
        problem("bad-header-mismatch.json"),
        ImportProblem::HeaderMismatch {
            field: "unit.unit_id",
            header: "31234".into(),
            profile: "31211".into()
        }
    );
}

#[test]
fn impossible_figures_name_target_and_field() {
    let figure = |target, field, value: &str, error| FigureProblem {
        target,
        target_label: label(target),
        field,
        value: value.into(),
        error,
    };
    // No problem makes no `ImpossibleFigures`: the type holds at least one.
    assert_eq!(FigureProblems::new(Vec::new()), None);
    let figures = |problems| FigureProblems::new(problems).expect("at least one");
    assert_eq!(
        problem("bad-impossible-figures.json"),
        ImportProblem::Profile(ProfileProblem::ImpossibleFigures(figures(vec![
            figure(
                ONLINE_WORK_FILES,
                Field::Numerator,
                "1.200",
                FieldError::AboveDenominator { denominator: 1038 }
            ),
            figure(
                TTHC_ONLINE_L34,
                Field::Numerator,
                "năm mươi tám",
                FieldError::Number(NumberError::NotANumber)
            ),
            figure(
                SATISFACTION_ADMIN,
                Field::Percent,
                "150",
                FieldError::Number(NumberError::PercentAbove100)
            ),
            figure(
                RECRUITMENT,
                Field::Numerator,
                "-3",
                FieldError::Number(NumberError::Negative)
            ),
        ])))
    );
    // Switched-off targets are checked too; fields the mode does not use are not.
    let mut p = commune();
    p.update_entry(ORG_STRUCTURE, |e| {
        e.not_applicable = Some(true);
        e.numerator = "7".into();
        e.denominator = "6".into();
    });
    p.update_entry(RECRUITMENT, |e| e.percent = "250".into());
    p.update_entry(SELF_FINANCING_UNITS, |e| e.after = "12,5".into());
    assert_eq!(
        check_profile(builtin::plan_ref(), &p),
        Err(ProfileProblem::ImpossibleFigures(figures(vec![
            figure(
                ORG_STRUCTURE,
                Field::Numerator,
                "7",
                FieldError::AboveDenominator { denominator: 6 }
            ),
            figure(
                SELF_FINANCING_UNITS,
                Field::After,
                "12,5",
                FieldError::Number(NumberError::NotWhole)
            ),
        ])))
    );
}

#[test]
fn suggested_file_names_are_readable_ascii() {
    assert_eq!(
        suggested_file_name(builtin::plan_ref(), &commune(), "2026-11-28"),
        "cchc-2021_xa-vinh-binh_2026-11-28.json"
    );
    let named = |name: &str| {
        let mut p = Profile::default();
        p.set_unit(builtin::plan_ref(), "other");
        p.other_name = name.into();
        suggested_file_name(builtin::plan_ref(), &p, "2021-12-31")
    };
    assert_eq!(
        named("Xã Thạnh Qưới"),
        "cchc-2021_xa-thanh-quoi_2021-12-31.json"
    );
    assert_eq!(
        named("ĐẢNG ỦY – Văn phòng (cũ)"),
        "cchc-2021_dang-uy-van-phong-cu_2021-12-31.json"
    );
    // Decomposed diacritics (a + combining tilde) fold the same way.
    assert_eq!(
        named("Xa\u{303} Vi\u{303}nh"),
        "cchc-2021_xa-vinh_2021-12-31.json"
    );
    assert_eq!(named("  ../..\\ <>  "), "cchc-2021_don-vi_2021-12-31.json");
    assert_eq!(named("中文"), "cchc-2021_don-vi_2021-12-31.json");
    let long = named(&"Phòng Nông nghiệp và Phát triển nông thôn ".repeat(4));
    let stem = long
        .strip_prefix("cchc-2021_")
        .unwrap()
        .strip_suffix("_2021-12-31.json")
        .unwrap();
    assert!(stem.len() <= 60 && !stem.ends_with('-'), "{stem}");
    assert!(stem.starts_with("phong-nong-nghiep-va-phat-trien-nong-thon-phong"));
    // The label wins over the unit's name; odd characters in the date are dropped.
    assert_eq!(
        suggested_file_name(builtin::plan_ref(), &agency_full(), "2021/12/28"),
        "cchc-2021_phong-y-te-so-lieu-cuoi-nam-2021_20211228.json"
    );
    for name in [
        suggested_file_name(builtin::plan_ref(), &agency_full(), "2021-12-28"),
        named("Ấp Ấ ẫ ỡ ự ợ ỷ"),
    ] {
        assert!(name.is_ascii() && !name.contains(' '), "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

fn row<'a>(rows: &'a [Vec<String>], first: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r.first().map(String::as_str) == Some(first))
        .unwrap_or_else(|| panic!("no row {first}"))
}

#[test]
fn csv_is_excel_friendly_utf8_with_crlf() {
    let csv = profile_csv(
        builtin::plan_ref(),
        &commune(),
        &ScoringModel::default(),
        Lang::Vi,
    );
    assert_eq!(&csv.as_bytes()[..3], &[0xEF, 0xBB, 0xBF]);
    assert!(!csv.starts_with("\u{FEFF}sep="));
    assert!(csv.ends_with("\r\n"));
    assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
    assert_eq!(csv.matches('\r').count(), csv.matches("\r\n").count());
}

#[test]
fn profile_csv_parses_back_with_the_right_cells() {
    let model = ScoringModel::default();
    let profile = commune();
    let summary = profile.summary(builtin::plan_ref(), &model);
    let csv = profile_csv(builtin::plan_ref(), &profile, &model, Lang::Vi);
    // Issue 11: ';' separates (Excel's list separator in a Vietnamese locale), so a decimal
    // comma needs no quotes, and each status is also in Vietnamese words.
    assert!(csv.contains(";met;Đạt;412;1038;39,6917;35;"), "{csv}");
    let rows = parse_csv(&csv, ';');
    assert_eq!(rows[0], ["Đơn vị", "Xã Vĩnh Bình"]);
    assert_eq!(rows[1], ["Mã đơn vị", "31211"]);
    assert_eq!(rows[2], ["Tên bản đánh giá", ""]);
    assert_eq!(rows[3], ["Khối", "Khối xã, thị trấn"]);
    // Numbers as the Vietnamese interface writes them (decimal comma).
    assert_eq!(
        rows[4],
        [
            "Điểm".to_string(),
            format_real(summary.score, 2, NumberStyle::Vietnamese)
        ]
    );
    assert_eq!(rows[5], ["Xếp loại", "Tốt"]);
    assert_eq!(rows[6], ["Số chỉ tiêu đạt / áp dụng", "6", "8"]);
    assert_eq!(rows[7], [""]);
    assert_eq!(rows[8][0], "Mã chỉ tiêu");
    assert_eq!(rows.len(), 9 + builtin::plan_ref().targets.len());
    for (r, t) in rows[9..].iter().zip(&builtin::plan_ref().targets) {
        assert_eq!(r.len(), 14);
        assert_eq!(r[0], t.id.key());
        assert_eq!(r[1], t.label.vi);
    }
    // 412 of 1.038 = 39,69…%: plain digits, ',' decimals, no grouping.
    assert_eq!(
        row(&rows, "online_work_files"),
        [
            "online_work_files",
            &label(ONLINE_WORK_FILES).vi,
            "1",
            "met",
            "Đạt",
            "412",
            "1038",
            "39,6917",
            "35",
            "",
            "",
            "",
            "",
            ""
        ]
    );
    // 58 of 95 below 65%: 4 more procedures needed.
    let l34 = row(&rows, "tthc_online_l34");
    assert_eq!(
        &l34[2..9],
        ["1", "not-met", "Chưa đạt", "58", "95", "61,0526", "65"]
    );
    assert_eq!(l34[12], "4");
    assert_eq!(l34[13], "TTHC đưa lên trực tuyến mức độ 3, 4");
    let admin = row(&rows, "satisfaction_admin");
    assert_eq!(&admin[2..9], ["1", "met", "Đạt", "", "", "88,6", "87"]);
    let rating = row(&rows, "tthc_rating_good");
    assert_eq!(&rating[2..10], ["1", "met", "Đạt", "", "", "", "", "1"]);
    let org = row(&rows, "org_structure");
    assert_eq!(&org[2..5], ["0", "na", "Không áp dụng"]);
    let selff = row(&rows, "self_financing_units");
    assert_eq!(&selff[2..5], ["0", "na", "Không áp dụng"]);
    let applicable: usize = rows[9..]
        .iter()
        .map(|r| r[2].parse::<usize>().unwrap())
        .sum();
    assert_eq!(applicable, summary.applicable);
}

#[test]
fn profile_csv_in_english_and_with_every_kind_of_cell() {
    let model = ScoringModel::default();
    let mut p = agency_full();
    p.update_entry(ONLINE_RESOLUTION, |e| {
        e.mode = EntryMode::Percent;
        e.percent = "20,5".into();
    });
    p.update_entry(SELF_FINANCING_UNITS, |e| e.after = "2".into());
    p.update_entry(INFOSEC_DOSSIERS, |e| e.numerator = "ba".into());
    let rows = parse_csv(&profile_csv(builtin::plan_ref(), &p, &model, Lang::En), ',');
    assert_eq!(rows[0], ["Unit", "Phòng Y tế"]);
    assert_eq!(
        rows[2],
        ["Profile name", "Phòng Y tế – số liệu cuối năm 2021"]
    );
    assert_eq!(rows[3], ["Bloc", "District agencies"]);
    assert_eq!(
        rows[8][..5],
        ["Target id", "Target", "Applicable", "Status id", "Status"]
    );
    let resolution = row(&rows, "online_resolution");
    assert_eq!(resolution[1], label(ONLINE_RESOLUTION).english_or_vi());
    assert_eq!(
        &resolution[3..9],
        ["not-met", "Not met", "", "", "20.5", "25"]
    );
    assert_eq!(&resolution[12..], ["4.5", "percentage points"]);
    let increase = row(&rows, "self_financing_units");
    assert_eq!(&increase[2..5], ["1", "not-met", "Not met"]);
    assert_eq!(&increase[10..], ["2", "2", "1", "self-financing units"]);
    let invalid = row(&rows, "infosec_dossiers");
    assert_eq!(&invalid[3..7], ["invalid", "Invalid figures", "ba", "4"]);
    let education = row(&rows, "satisfaction_education");
    assert_eq!(&education[2..9], ["1", "met", "Met", "", "", "91.25", "90"]);
}

#[test]
fn csv_neutralises_formulas_and_quotes() {
    let mut p = Profile::default();
    p.set_unit(builtin::plan_ref(), "other");
    p.other_name = "=HYPERLINK(\"http://evil.example\",\"Bấm\")".into();
    p.label = "Tổ \"đặc biệt\", khối 2\r\ndòng hai".into();
    p.update_entry(ONLINE_WORK_FILES, |e| {
        e.numerator = "-5".into();
        e.denominator = "@SUM(A1:A9)".into();
    });
    p.update_entry(RECRUITMENT, |e| {
        e.numerator = "+cmd|' /C calc'!A0".into();
        e.denominator = "-2+3".into();
    });
    let csv = profile_csv(builtin::plan_ref(), &p, &ScoringModel::default(), Lang::Vi);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Bấm\"\")\""));
    assert!(csv.contains("\"Tổ \"\"đặc biệt\"\", khối 2\r\ndòng hai\""));
    let rows = parse_csv(&csv, ';');
    assert_eq!(rows[0][1], "'=HYPERLINK(\"http://evil.example\",\"Bấm\")");
    assert_eq!(rows[2][1], "Tổ \"đặc biệt\", khối 2\r\ndòng hai");
    let online = row(&rows, "online_work_files");
    assert_eq!(
        &online[3..7],
        ["invalid", "Số liệu không hợp lệ", "-5", "'@SUM(A1:A9)"]
    );
    let recruitment = row(&rows, "recruitment");
    assert_eq!(&recruitment[5..7], ["'+cmd|' /C calc'!A0", "'-2+3"]);
    for r in &rows {
        for cell in r {
            let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number(cell);
            assert!(!risky, "{cell:?}");
        }
    }
}

#[test]
fn table_csv_rows() {
    let rows = [
        TableRow {
            rank: Some(RankRange { best: 1, worst: 1 }),
            unit_id: "31211".into(),
            unit_name: "Xã Vĩnh Bình".into(),
            score: Some(97.8361),
            source: ScoreSource::Own,
            in_award_zone: Some(true),
        },
        TableRow {
            rank: Some(RankRange { best: 3, worst: 9 }),
            unit_id: "31234".into(),
            unit_name: "Xã Thạnh Mỹ, \"mới\"".into(),
            score: Some(75.266),
            source: ScoreSource::Typed,
            in_award_zone: None,
        },
        TableRow {
            rank: None,
            unit_id: "other".into(),
            unit_name: "=1+1".into(),
            score: None,
            source: ScoreSource::Unknown,
            in_award_zone: Some(false),
        },
    ];
    let csv = table_csv(&rows, Lang::Vi);
    assert!(csv.starts_with('\u{FEFF}'));
    let parsed = parse_csv(&csv, ';');
    // Issue 11: the source also in Vietnamese words, the rank range from a `RankRange`.
    assert_eq!(
        parsed,
        [
            vec![
                "Hạng",
                "Mã đơn vị",
                "Đơn vị",
                "Điểm",
                "Mã nguồn điểm",
                "Nguồn điểm",
                "Trong nhóm khen thưởng"
            ],
            vec![
                "1",
                "31211",
                "Xã Vĩnh Bình",
                "97,84",
                "own",
                "Đơn vị của bạn",
                "1"
            ],
            vec![
                "3–9",
                "31234",
                "Xã Thạnh Mỹ, \"mới\"",
                "75,27",
                "typed",
                "Điểm nhập tay",
                ""
            ],
            vec!["", "other", "'=1+1", "", "unknown", "Chưa có số liệu", "0"],
        ]
    );
    assert!(
        csv.contains("\r\n1;31211;Xã Vĩnh Bình;97,84;own;"),
        "';' separates, so a decimal comma is not quoted"
    );
    let english = table_csv(&rows[..1], Lang::En);
    assert!(english.contains("\r\n1,31211,Xã Vĩnh Bình,97.84,own,Your unit,1\r\n"));
    let english = parse_csv(&english, ',');
    assert_eq!(english[0][0], "Rank");
    assert_eq!(english.len(), 2);
    assert_eq!(english[1][3], "97.84");
}

#[test]
fn parse_csv_handles_the_rfc_4180_cases() {
    let text = "\u{FEFF}a,\"b,c\",\"d\"\"e\"\r\n\"multi\r\nline\",,x\n\r\nlast,\"\"";
    assert_eq!(
        parse_csv(text, ','),
        [
            vec!["a", "b,c", "d\"e"],
            vec!["multi\r\nline", "", "x"],
            vec![""],
            vec!["last", ""],
        ]
    );
    assert_eq!(parse_csv("", ','), Vec::<Vec<String>>::new());
    assert_eq!(parse_csv("a\r\n", ','), [vec!["a"]]);
    assert_eq!(parse_csv("a\rb", ','), [vec!["a"], vec!["b"]]);
    assert_eq!(
        parse_csv("a;\"b;c\";1,5\r\n", ';'),
        [vec!["a", "b;c", "1,5"]]
    );
}

// ---------------------------------------------------------------------------------------
// Share links
// ---------------------------------------------------------------------------------------

fn link_fixture(name: &str) -> String {
    String::from_utf8(fixture(&format!("share-links/{name}")))
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn v1_share_links_decode_to_the_same_profiles() {
    for (file, profile) in [
        ("v1-commune-xa-vinh-binh.txt", commune as fn() -> Profile),
        ("v1-agency-y-te.txt", agency_full),
        ("v1-agency-other.txt", other_agency),
    ] {
        let fragment = link_fixture(file);
        assert_eq!(
            decode_share_fragment(&fragment).map(|s| s.profile),
            Ok(profile()),
            "{file}"
        );
        assert_eq!(encode_share_fragment(&profile(), ""), fragment, "{file}");
    }
}

#[test]
fn a_full_realistic_unit_makes_a_short_link() {
    let profile = agency_full();
    assert_eq!(profile.entries.len(), 13);
    let fragment = encode_share_fragment(&profile, "");
    let url = format!("https://cchc-vinhthanh.example.gov.vn/may-tinh-chi-tieu-2021/#{fragment}");
    println!(
        "full agency: fragment {} chars, URL {} chars",
        fragment.len(),
        url.len()
    );
    assert!(fragment.len() < 1_000, "{}", fragment.len());
    assert!(url.len() < 2_000);
    assert!(fragment.starts_with("u1."));
    assert!(fragment
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')));
    // Without the label, 13 targets take well under 200 characters.
    let mut bare = profile;
    bare.label.clear();
    assert!(encode_share_fragment(&bare, "").len() < 200);
}

#[test]
fn share_links_round_trip_odd_profiles() {
    let mut odd = Profile::default();
    assert_eq!(
        decode_share_fragment(&encode_share_fragment(&odd, "")).map(|s| s.profile),
        Ok(odd.clone())
    );
    odd.unit_id = "đơn vị lạ 🏛".into();
    odd.bloc = builtin::AGENCY;
    odd.label = "\0\u{FEFF}#u1.\r\n".into();
    odd.other_name = "x".repeat(300);
    odd.entries.insert(ORG_STRUCTURE, TargetEntry::default());
    odd.entries.insert(
        RECRUITMENT,
        TargetEntry {
            not_applicable: Some(true),
            mode: EntryMode::Percent,
            numerator: "007".into(),
            denominator: "18446744073709551615".into(),
            percent: "999999999999999999".into(),
            answer: Some(false),
            before: "0".into(),
            after: "abc".into(),
        },
    );
    assert_eq!(
        decode_share_fragment(&encode_share_fragment(&odd, "")).map(|s| s.profile),
        Ok(odd)
    );
}

#[test]
fn share_links_accept_a_whole_url_and_surrounding_space() {
    let fragment = encode_share_fragment(&commune(), "");
    for text in [
        format!("#{fragment}"),
        format!("https://example.org/app/?x=1#{fragment}"),
        format!("  {fragment}\r\n"),
    ] {
        assert_eq!(
            decode_share_fragment(&text).map(|s| s.profile),
            Ok(commune()),
            "{text}"
        );
    }
}

#[test]
fn share_link_refusals() {
    let fragment = encode_share_fragment(&commune(), "");
    let payload = fragment.strip_prefix("u1.").unwrap();
    assert_eq!(
        decode_share_fragment("").map(|s| s.profile),
        Err(LinkError::Empty)
    );
    assert_eq!(
        decode_share_fragment("https://x.org/#").map(|s| s.profile),
        Err(LinkError::Empty)
    );
    assert_eq!(
        decode_share_fragment("khoi=commune").map(|s| s.profile),
        Err(LinkError::NotAShareLink)
    );
    assert_eq!(
        decode_share_fragment(&format!("x1.{payload}")).map(|s| s.profile),
        Err(LinkError::NotAShareLink)
    );
    assert_eq!(
        decode_share_fragment(&format!("u01.{payload}")).map(|s| s.profile),
        Err(LinkError::NotAShareLink)
    );
    assert_eq!(
        decode_share_fragment(&format!("u0.{payload}")).map(|s| s.profile),
        Err(LinkError::NotAShareLink)
    );
    assert_eq!(
        // Version 2 is now this build's own (other plans); 3 is newer.
        decode_share_fragment(&format!("u3.{payload}")).map(|s| s.profile),
        Err(LinkError::NewerVersion {
            version: 3,
            supported: SHARE_VERSION
        })
    );
    assert_eq!(
        decode_share_fragment("u999999999.AAAA").map(|s| s.profile),
        Err(LinkError::NewerVersion {
            version: 999_999_999,
            supported: SHARE_VERSION
        })
    );
    assert_eq!(
        decode_share_fragment("u9999999999.AAAA").map(|s| s.profile),
        Err(LinkError::NotAShareLink)
    );
    assert_eq!(
        decode_share_fragment(&format!("u1.{}=", payload)).map(|s| s.profile),
        Err(LinkError::BadCharacter {
            position: fragment.len(),
            character: '='
        })
    );
    assert_eq!(
        decode_share_fragment(&format!("#u1.{}", payload.replacen(|_| true, "+", 1))),
        Err(LinkError::BadCharacter {
            position: 4,
            character: '+'
        })
    );
    let long = format!("u1.{}", "A".repeat(70_000));
    assert!(matches!(
        decode_share_fragment(&long).map(|s| s.profile),
        Err(LinkError::TooLong { .. })
    ));
    assert_eq!(
        decode_share_fragment(&format!("{fragment}AAAA")).map(|s| s.profile),
        Err(LinkError::Damaged)
    );
}

#[test]
fn every_truncation_of_a_real_link_is_an_error() {
    for profile in [commune(), agency_full(), other_agency()] {
        let fragment = encode_share_fragment(&profile, "");
        for cut in 0..fragment.len() {
            let result = decode_share_fragment(&fragment[..cut]).map(|s| s.profile);
            let expected = match cut {
                0 => LinkError::Empty,
                _ => LinkError::Truncated,
            };
            assert_eq!(result, Err(expected), "cut at {cut} of {fragment}");
        }
    }
}

#[test]
fn every_single_character_edit_of_a_real_link_is_an_error() {
    let alphabet: Vec<char> = ('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .chain(['-', '_', '.', '=', ' ', 'đ'])
        .collect();
    for profile in [commune(), agency_full(), other_agency()] {
        let fragment = encode_share_fragment(&profile, "");
        let chars: Vec<char> = fragment.chars().collect();
        for at in 0..chars.len() {
            // Replaced by any other character.
            for &c in &alphabet {
                if c == chars[at] {
                    continue;
                }
                let mut edited = chars.clone();
                edited[at] = c;
                let edited: String = edited.into_iter().collect();
                assert!(
                    decode_share_fragment(&edited).map(|s| s.profile).is_err(),
                    "{edited} decoded (char {at} → {c})"
                );
            }
            // A character dropped, or one added.
            let mut dropped = chars.clone();
            dropped.remove(at);
            let dropped: String = dropped.into_iter().collect();
            assert!(
                decode_share_fragment(&dropped).map(|s| s.profile).is_err(),
                "{dropped}"
            );
            let mut added = chars.clone();
            added.insert(at + 1, 'A');
            let added: String = added.into_iter().collect();
            assert!(
                decode_share_fragment(&added).map(|s| s.profile).is_err(),
                "{added}"
            );
        }
    }
}

/// A link with a right checksum around impossible content (not made by this app).
fn forged(body: &[u8]) -> String {
    let mut bytes = Vec::new();
    push_varint(&mut bytes, body.len() as u64);
    bytes.extend_from_slice(body);
    let crc = crc32(&[b"u1", &bytes]);
    bytes.extend_from_slice(&crc.to_le_bytes());
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::from("u1.");
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[test]
fn impossible_content_with_a_right_checksum_is_malformed() {
    assert_eq!(
        crc32(&[b"123456789"]),
        0xCBF4_3926,
        "the standard check value"
    );
    // bloc, unit "31211", empty label, empty other name, no entries: a valid profile.
    let valid = [0, 4, 0, 0, 0];
    let mut expected = Profile::default();
    expected.set_unit(builtin::plan_ref(), "31211");
    assert_eq!(
        decode_share_fragment(&forged(&valid)).map(|s| s.profile),
        Ok(expected)
    );
    let cases: &[(&[u8], Malformed)] = &[
        (&[7, 4, 0, 0, 0], Malformed::BadBloc(7)),
        (&[0, 99, 0, 0, 0], Malformed::BadUnitIndex(99)),
        (&[0, 4, 0, 0], Malformed::UnexpectedEnd),
        (&[0, 4, 0, 0, 0, 0], Malformed::TrailingBytes),
        (&[0, 4, 0, 0, 1, 13, 0], Malformed::UnknownTarget),
        (
            &[0, 4, 0, 0, 2, 1, 0, 1, 0],
            Malformed::DuplicateTarget(TTHC_ONLINE_L34),
        ),
        (&[0, 4, 0, 0, 1, 1, 3], Malformed::BadFlags(3)),
        (&[0, 4, 0, 0, 1, 1, 0x80, 0x08], Malformed::BadFlags(1024)),
        (&[0, 0x84, 0x00, 0, 0, 0], Malformed::BadNumber),
        (&[0, 4, 1, 0xC3, 0, 0], Malformed::NotUtf8),
        (
            &[0, 4, 0, 0, 1, 1, 0x20, 0x0A, b'a'],
            Malformed::UnexpectedEnd,
        ),
        (&[0, 4, 0x7F], Malformed::UnexpectedEnd),
        (
            &[
                0, 4, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
            ],
            Malformed::UnexpectedEnd,
        ),
        (
            &[
                0, 4, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02,
            ],
            Malformed::BadNumber,
        ),
    ];
    for (body, malformed) in cases {
        assert_eq!(
            decode_share_fragment(&forged(body)).map(|s| s.profile),
            Err(LinkError::Malformed(*malformed)),
            "{body:?}"
        );
    }
    // A target given by a key the plan does not have: the codec knows no plan now (plans
    // are data), so the page's way in refuses it, as import refuses such a file.
    let unknown_key = forged(&[0, 4, 0, 0, 1, 0xFF, 3, b'a', b'b', b'c', 0]);
    assert_eq!(
        cchc_2021::formats::share_link::read_share_link(&unknown_key, builtin::only)
            .map(|s| s.profile),
        Err(LinkError::Refused(ProfileProblem::UnknownTarget {
            key: "abc".into()
        }))
    );
    // A target given by key (the escape for targets added after v1) is read.
    let mut by_key = vec![0, 4, 0, 0, 1, 0xFF, 11];
    by_key.extend_from_slice(b"recruitment");
    by_key.extend_from_slice(&[0b11 << 5, 5, 7]);
    let mut expected = Profile::default();
    expected.set_unit(builtin::plan_ref(), "31211");
    counts(&mut expected, RECRUITMENT, "2", "3");
    assert_eq!(
        decode_share_fragment(&forged(&by_key)).map(|s| s.profile),
        Ok(expected)
    );
}

/// `-5`, `+3`, `65.5`: what the CSV writer leaves without an apostrophe.
fn plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let mut parts = digits.splitn(2, '.');
    let whole_ok = parts
        .next()
        .is_some_and(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    whole_ok
        && parts
            .next()
            .is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

fn target_ids() -> Vec<TargetId> {
    builtin::plan_ref().targets.iter().map(|t| t.id).collect()
}

fn any_entry() -> impl Strategy<Value = TargetEntry> {
    (
        proptest::option::of(any::<bool>()),
        any::<bool>(),
        (any::<String>(), any::<String>(), any::<String>()),
        proptest::option::of(any::<bool>()),
        (any::<String>(), any::<String>()),
    )
        .prop_map(
            |(
                not_applicable,
                percent_mode,
                (numerator, denominator, percent),
                answer,
                (before, after),
            )| {
                TargetEntry {
                    not_applicable,
                    mode: if percent_mode {
                        EntryMode::Percent
                    } else {
                        EntryMode::Counts
                    },
                    numerator,
                    denominator,
                    percent,
                    answer,
                    before,
                    after,
                }
            },
        )
}

/// Any profile at all, as the page may hold it mid-typing.
fn any_profile() -> impl Strategy<Value = Profile> {
    let unit_ids: Vec<String> = all_units()
        .map(|(_, u)| u.id.to_string())
        .chain(["other".to_string(), String::new()])
        .collect();
    (
        any::<String>(),
        any::<bool>(),
        prop_oneof![proptest::sample::select(unit_ids), any::<String>()],
        any::<String>(),
        proptest::collection::btree_map(proptest::sample::select(target_ids()), any_entry(), 0..14),
    )
        .prop_map(|(label, agency, unit_id, other_name, entries)| Profile {
            plan: builtin::PLAN_ID.to_string(),
            label,
            bloc: if agency {
                builtin::AGENCY
            } else {
                builtin::COMMUNE
            },
            unit_id,
            other_name,
            entries: entries.into_iter().collect(),
        })
}

/// A count typed in one of the ways people type counts.
fn typed_count(max: u64) -> impl Strategy<Value = (u64, String)> {
    (0..=max, 0..3_u8).prop_map(|(n, style)| {
        let text = match style {
            0 => n.to_string(),
            1 => format_count(n, NumberStyle::Vietnamese),
            _ => format!(" {n} "),
        };
        (n, text)
    })
}

fn typed_percent() -> impl Strategy<Value = String> {
    (0..=1_000_000_u64, any::<bool>()).prop_map(|(scaled, comma)| {
        let mark = if comma { ',' } else { '.' };
        format!("{}{mark}{:04}", scaled / 10_000, scaled % 10_000)
    })
}

/// An entry whose figures in use are possible, with anything at all in the others.
fn valid_entry(id: TargetId) -> BoxedStrategy<TargetEntry> {
    let base = any_entry();
    match builtin::plan_ref().target(id).unwrap().measure {
        Measure::Ratio { .. } => (
            base,
            typed_count(MAX_COUNT)
                .prop_flat_map(|(d, dt)| typed_count(d).prop_map(move |(_, nt)| (nt, dt.clone()))),
            typed_percent(),
        )
            .prop_map(|(mut e, (n, d), p)| {
                match e.mode {
                    EntryMode::Counts => {
                        e.numerator = n;
                        e.denominator = d;
                    }
                    EntryMode::Percent => e.percent = p,
                }
                e
            })
            .boxed(),
        Measure::YesNo { .. } => base.boxed(),
        Measure::Increase { .. } => (base, typed_count(MAX_COUNT), typed_count(MAX_COUNT))
            .prop_map(|(mut e, (_, before), (_, after))| {
                e.before = before;
                e.after = after;
                e
            })
            .boxed(),
    }
}

/// A profile that import accepts: a real unit of its bloc or a named `other`.
fn valid_profile() -> impl Strategy<Value = Profile> {
    let units: Vec<(BlocId, &'static str)> = all_units()
        .map(|(bloc, u)| (bloc, u.id.as_str()))
        .chain([(builtin::COMMUNE, "other"), (builtin::AGENCY, "other")])
        .collect();
    let entries: Vec<BoxedStrategy<Option<TargetEntry>>> = builtin::plan_ref()
        .targets
        .iter()
        .map(|t| proptest::option::of(valid_entry(t.id)).boxed())
        .collect();
    (
        proptest::sample::select(units),
        any::<String>(),
        "\\PC*[a-zA-ZĐđ]\\PC*",
        entries,
    )
        .prop_map(|((bloc, unit_id), label, name, entries)| {
            let mut entries_map = SmallMap::new();
            for (t, entry) in builtin::plan_ref().targets.iter().zip(entries) {
                if let Some(entry) = entry.filter(|e| !e.is_empty()) {
                    entries_map.insert(t.id, entry);
                }
            }
            Profile {
                plan: builtin::PLAN_ID.to_string(),
                label,
                bloc,
                unit_id: unit_id.to_string(),
                other_name: if unit_id == "other" {
                    name
                } else {
                    String::new()
                },
                entries: entries_map,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn unit_files_round_trip(profile in valid_profile()) {
        prop_assert_eq!(check_profile(builtin::plan_ref(), &profile), Ok(()));
        let text = export_unit_file(&profile, "2021-12-31");
        let imported = import_unit_file("p.json", text.as_bytes(), builtin::only).map(|i| i.profile);
        prop_assert_eq!(imported, Ok(profile));
    }

    #[test]
    fn share_links_round_trip(profile in any_profile()) {
        let fragment = encode_share_fragment(&profile, "");
        prop_assert!(fragment.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        prop_assert_eq!(decode_share_fragment(&fragment).map(|s| s.profile), Ok(profile));
    }

    #[test]
    fn truncated_share_links_are_refused(profile in any_profile(), cut in any::<prop::sample::Index>()) {
        let fragment = encode_share_fragment(&profile, "");
        let cut = 1 + cut.index(fragment.len() - 1);
        prop_assert_eq!(decode_share_fragment(&fragment[..cut]).map(|s| s.profile), Err(LinkError::Truncated));
    }

    #[test]
    fn decoding_any_text_never_panics(text in any::<String>()) {
        let _ = decode_share_fragment(&text).map(|s| s.profile);
        let _ = decode_share_fragment(&format!("u1.{text}")).map(|s| s.profile);
    }

    #[test]
    fn decoding_any_base64_never_panics(payload in "[A-Za-z0-9_-]{0,120}") {
        let _ = decode_share_fragment(&format!("u1.{payload}")).map(|s| s.profile);
    }

    #[test]
    fn decoding_any_checksummed_bytes_never_panics(body in proptest::collection::vec(any::<u8>(), 0..80)) {
        let _ = decode_share_fragment(&forged(&body)).map(|s| s.profile);
    }

    #[test]
    fn importing_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = import_unit_file("x", &bytes, builtin::only);
    }

    #[test]
    fn importing_an_edited_file_never_panics(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = export_unit_file(&agency_full(), "2021-12-28").into_bytes();
        let at = at.index(bytes.len());
        bytes[at] = byte;
        if let Ok(imported) = import_unit_file("x", &bytes, builtin::only) {
            // Whatever still opens is a profile the page accepts.
            prop_assert_eq!(check_profile(builtin::plan_ref(), &imported.profile), Ok(()));
        }
    }

    #[test]
    fn csv_fields_parse_back(cells in proptest::collection::vec(any::<String>(), 1..6)) {
        let rows: Vec<TableRow> = cells
            .iter()
            .map(|name| TableRow {
                rank: Some(RankRange { best: 1, worst: 1 }),
                unit_id: name.clone(),
                unit_name: name.clone(),
                score: None,
                source: ScoreSource::Typed,
                in_award_zone: None,
            })
            .collect();
        let parsed = parse_csv(&table_csv(&rows, Lang::Vi), ';');
        prop_assert_eq!(parsed.len(), rows.len() + 1);
        for (row, name) in parsed[1..].iter().zip(&cells) {
            let shown = if name.starts_with(['=', '+', '-', '@', '\t', '\r']) && !plain_number(name) {
                format!("'{name}")
            } else {
                name.clone()
            };
            prop_assert_eq!(&row[1], &shown);
            prop_assert_eq!(&row[2], &shown);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Every way in gets the same checks (issue 10, items 6 and 7)
// ---------------------------------------------------------------------------------------

/// What a forged link carries: Phòng Y tế's id under the commune bloc, with the figures of
/// the one target that applies only to it. Made with the codec's own writer, so its checksum
/// is right; `tests/fixtures/share-links/forged-agency-under-commune.txt` (opened by the e2e
/// test) is this link.
fn agency_under_commune() -> Profile {
    let mut p = Profile {
        bloc: builtin::COMMUNE,
        unit_id: "y-te".into(),
        ..Profile::default()
    };
    p.update_entry(SATISFACTION_HEALTH, |e| {
        e.mode = EntryMode::Percent;
        e.percent = "85".into();
    });
    p
}

#[test]
fn a_link_with_a_right_checksum_and_inconsistent_content_is_refused_like_a_file() {
    use cchc_2021::formats::share_link::read_share_link;
    let fragment = encode_share_fragment(&agency_under_commune(), "");
    assert_eq!(
        String::from_utf8(fixture("share-links/forged-agency-under-commune.txt"))
            .unwrap()
            .trim(),
        fragment
    );
    // The codec reads it as written; the page's way in refuses it, as import refuses the file.
    assert_eq!(
        decode_share_fragment(&fragment).map(|s| s.profile),
        Ok(agency_under_commune())
    );
    let bloc = ProfileProblem::BlocMismatch {
        unit_id: "y-te".into(),
        bloc: builtin::COMMUNE,
        unit_bloc: builtin::AGENCY,
        bloc_name: bloc_name(builtin::COMMUNE),
    };
    assert_eq!(
        read_share_link(&fragment, builtin::only).map(|s| s.profile),
        Err(LinkError::Refused(bloc.clone()))
    );
    let file = export_unit_file(&agency_under_commune(), "2026-11-30");
    assert_eq!(
        import_unit_file("x.json", file.as_bytes(), builtin::only).map(|u| u.profile),
        Err(ImportError {
            file_name: "x.json".into(),
            problem: ImportProblem::Profile(bloc)
        })
    );

    // Forged by hand: bloc 0, unit by text "99999", no label, no name, no entries.
    let mut unknown = vec![0, 0, 5];
    unknown.extend_from_slice(b"99999");
    unknown.extend_from_slice(&[0, 0, 0]);
    assert_eq!(
        read_share_link(&forged(&unknown), builtin::only).map(|s| s.profile),
        Err(LinkError::Refused(ProfileProblem::UnknownUnit {
            unit_id: "99999".into()
        }))
    );
    // An impossible figure, and a figure of 70 000 characters (which reads as 1).
    let mut impossible = commune();
    counts(&mut impossible, RECRUITMENT, "5", "3");
    assert!(matches!(
        read_share_link(&encode_share_fragment(&impossible, ""), builtin::only).map(|s| s.profile),
        Err(LinkError::Refused(ProfileProblem::ImpossibleFigures(_)))
    ));
    let mut long = commune();
    counts(&mut long, RECRUITMENT, &format!("1{}", " ".repeat(40)), "3");
    assert_eq!(
        read_share_link(&encode_share_fragment(&long, ""), builtin::only).map(|s| s.profile),
        Err(LinkError::Refused(ProfileProblem::FigureTooLong {
            target: RECRUITMENT,
            target_label: label(RECRUITMENT),
            field: Field::Numerator,
            too_long: cchc_2021::domain::limits::TooLong {
                kind: cchc_2021::domain::limits::TextKind::Figure,
                chars: 41,
                limit: 40
            }
        }))
    );
    // The links the app made keep opening.
    for name in [
        "v1-agency-other.txt",
        "v1-agency-y-te.txt",
        "v1-commune-xa-vinh-binh.txt",
    ] {
        let text = String::from_utf8(fixture(&format!("share-links/{name}"))).unwrap();
        assert!(
            read_share_link(&text, builtin::only)
                .map(|s| s.profile)
                .is_ok(),
            "{name}"
        );
    }
}

#[test]
fn a_figure_too_long_to_be_one_is_refused_in_a_unit_file() {
    let mut p = commune();
    counts(&mut p, ONLINE_WORK_FILES, &"4".repeat(70_000), "1.038");
    let file = export_unit_file(&p, "2026-11-30");
    assert!(matches!(
        import_unit_file("long.json", file.as_bytes(), builtin::only).map_err(|e| e.problem),
        Err(ImportProblem::Profile(ProfileProblem::FigureTooLong {
            target,
            field: Field::Numerator,
            ..
        })) if target == ONLINE_WORK_FILES
    ));
    // Even in a field the mode does not use: the text would travel all the same.
    let mut unused = commune();
    unused.update_entry(SATISFACTION_ADMIN, |e| e.numerator = "1".repeat(41));
    assert!(matches!(
        check_profile(builtin::plan_ref(), &unused),
        Err(ProfileProblem::FigureTooLong { .. })
    ));
}

#[test]
fn the_share_button_makes_only_links_that_open_and_else_offers_the_file() {
    use cchc_2021::formats::share_link::{
        make_share_fragment, read_share_link, ShareRefusal, MAX_FRAGMENT_CHARS,
    };
    for profile in [commune(), agency_full(), other_agency()] {
        let fragment = make_share_fragment(builtin::plan_ref(), &profile).unwrap();
        assert_eq!(
            read_share_link(&fragment, builtin::only).map(|s| s.profile),
            Ok(profile)
        );
    }
    // What the link would refuse, no link is made for.
    let mut figure = commune();
    counts(&mut figure, RECRUITMENT, &"3".repeat(70_000), "3");
    assert!(matches!(
        make_share_fragment(builtin::plan_ref(), &figure),
        Err(ShareRefusal::Invalid(ProfileProblem::FigureTooLong { .. }))
    ));
    assert_eq!(
        make_share_fragment(builtin::plan_ref(), &Profile::default()),
        Err(ShareRefusal::Invalid(ProfileProblem::NoUnit))
    );
    // A profile name of 70 000 characters (saved before names had a limit) makes a link
    // too long to open: the unit file carries the profile instead.
    let mut named = commune();
    named.label = "Xã Vĩnh Bình ".repeat(5_400);
    let Err(ShareRefusal::TooLong { chars, limit }) =
        make_share_fragment(builtin::plan_ref(), &named)
    else {
        panic!("a link too long for the reader was made");
    };
    assert_eq!(limit, MAX_FRAGMENT_CHARS);
    assert!(chars > limit);
    assert!(
        read_share_link(&encode_share_fragment(&named, ""), builtin::only)
            .map(|s| s.profile)
            .is_err()
    );
    let file = export_unit_file(&named, "2026-11-30");
    assert_eq!(
        import_unit_file("named.json", file.as_bytes(), builtin::only).map(|u| u.profile),
        Ok(named)
    );
}
